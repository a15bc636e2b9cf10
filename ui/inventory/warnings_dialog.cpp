#include "ui/inventory/warnings_dialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QTableWidget>
#include <QVBoxLayout>

#include "src/inventory/warning_text.h"
#include "ui/common/ui_text.h"

namespace kyso::ui {

WarningsDialog::WarningsDialog(const std::vector<inventory::Warning>& warnings, QWidget* parent)
    : QDialog(parent) {
  setWindowTitle(tr("What needs attention"));
  auto* layout = new QVBoxLayout(this);
  m_table = new QTableWidget(static_cast<int>(warnings.size()), 3, this);
  m_table->setObjectName(QStringLiteral("warnings"));
  m_table->setHorizontalHeaderLabels({tr("Warning"), tr("Concerns"), tr("What it is, what to do")});
  m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
  m_table->setWordWrap(true);
  m_table->verticalHeader()->hide();
  const Lang lang = uiLang();
  for (int r = 0; r < static_cast<int>(warnings.size()); ++r) {
    const inventory::Warning& w = warnings[static_cast<std::size_t>(r)];
    const QStringList cells = {QString::fromStdString(inventory::warningLabel(w.kind, lang)),
                               QString::fromStdString(inventory::warningSubject(w, lang)),
                               QString::fromStdString(inventory::warningText(w, lang))};
    for (int c = 0; c < 3; ++c) {
      auto* item = new QTableWidgetItem(cells[c]);
      if (w.kind == "lost_token_cert_valid") {
        item->setForeground(QColor(0xb0, 0, 0));
        QFont f = item->font();
        f.setBold(true);
        item->setFont(f);
      }
      m_table->setItem(r, c, item);
    }
  }
  m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
  m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
  m_table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
  m_table->resizeRowsToContents();
  layout->addWidget(m_table);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  layout->addWidget(buttons);
  resize(900, 400);
}

}  // namespace kyso::ui
