#include "ui/inventory/service_log_dialog.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

#include "src/service/audit_log.h"
#include "ui/common/ui_text.h"

namespace kyso::ui {

namespace {
QString q(const std::string& s) {
  return QString::fromStdString(s);
}
}  // namespace

ServiceLogDialog::ServiceLogDialog(const std::filesystem::path& log, QWidget* parent)
    : QDialog(parent) {
  setObjectName(QStringLiteral("serviceLogDialog"));
  setWindowTitle(tr("kyso: what web pages asked the signing service"));
  auto* layout = new QVBoxLayout(this);
  m_table = new QTableWidget(this);
  m_table->setObjectName(QStringLiteral("serviceLogTable"));
  m_table->setColumnCount(5);
  m_table->setHorizontalHeaderLabels(
      {tr("Time"), tr("Site"), tr("Request"), tr("Document"), tr("Result")});
  m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
  m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
  m_table->horizontalHeader()->setStretchLastSection(true);
  m_table->verticalHeader()->hide();
  m_note = new QLabel(this);
  m_note->setObjectName(QStringLiteral("serviceLogNote"));
  m_note->setWordWrap(true);
  auto read = service::readAuditLog(log);
  if (!read.ok()) {
    m_note->setText(tr("The log could not be read: %1").arg(errorText(read.error())));
  } else {
    const auto& entries = read->entries;
    m_table->setRowCount(static_cast<int>(entries.size()));
    int row = 0;
    for (auto it = entries.rbegin(); it != entries.rend(); ++it, ++row) {  // newest first
      const service::AuditEntry& e = *it;
      const QDateTime t = QDateTime::fromString(q(e.time), Qt::ISODate);
      const QString document = !e.document.empty() ? q(e.document) : q(e.digest);
      const QString result = e.status == 0   ? tr("done")
                             : e.status == 3 ? tr("declined")
                                             : tr("not done: %1").arg(q(e.message));
      const QStringList cells = {
          t.isValid() ? t.toLocalTime().toString(QStringLiteral("dd/MM/yyyy HH:mm:ss")) : q(e.time),
          q(e.origin), q(e.call), document, result};
      for (int c = 0; c < cells.size(); ++c) {
        auto* item = new QTableWidgetItem(cells[c]);
        if (c == 3 && !e.sha256.empty()) item->setToolTip(QStringLiteral("SHA-256 ") + q(e.sha256));
        m_table->setItem(row, c, item);
      }
    }
    m_note->setText(entries.empty()    ? tr("No web page has asked the signing service yet.")
                    : read->unreadable ? tr("%n line(s) of the log could not be read.", nullptr,
                                            static_cast<int>(read->unreadable))
                                       : tr("%n request(s), newest first.", nullptr,
                                            static_cast<int>(entries.size())));
  }
  m_table->resizeColumnsToContents();
  layout->addWidget(m_table, 1);
  layout->addWidget(m_note);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  layout->addWidget(buttons);
  resize(900, 480);
}

}  // namespace kyso::ui
