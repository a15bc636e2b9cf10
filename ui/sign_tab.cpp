#include "ui/sign_tab.h"

#include <QComboBox>
#include <QDesktopServices>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPdfDocument>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QUrl>
#include <QVBoxLayout>

#include "src/core/messages.h"
#include "ui/file_drop_list.h"
#include "ui/page_boxes.h"
#include "ui/page_preview.h"
#include "ui/ui_text.h"
#include "ui/unavailable_notice.h"

namespace kyso::ui {

SignTab::SignTab(QWidget* parent) : QWidget(parent), m_doc(std::make_unique<QPdfDocument>()) {
  setObjectName(QStringLiteral("SignTab"));
  auto* outer = new QVBoxLayout(this);
  // Signing from this tab is not wired to kyso_pdf and the token layer yet (see the report of
  // issue 9); say so rather than show a Sign button that cannot work.
  m_signNotice = new UnavailableNotice(
      [] {
        return tr(
            "Signing from this window is not available in this version: use the kyso "
            "command line to sign. You can preview files and place the signature here.");
      },
      this);
  outer->addWidget(m_signNotice);
  auto* split = new QSplitter(Qt::Horizontal, this);
  outer->addWidget(split, 1);

  // Left: files, options, batch.
  auto* left = new QWidget(split);
  auto* ll = new QVBoxLayout(left);
  m_files = new FileDropList({}, left);
  m_files->setObjectName(QStringLiteral("signFiles"));
  ll->addWidget(m_files, 2);
  auto* fileButtons = new QHBoxLayout;
  m_open = new QPushButton(left);
  m_remove = new QPushButton(left);
  fileButtons->addWidget(m_open);
  fileButtons->addWidget(m_remove);
  fileButtons->addStretch();
  ll->addLayout(fileButtons);
  auto* form = new QFormLayout;
  m_certLabel = new QLabel(left);
  m_cert = new QComboBox(left);
  m_cert->setObjectName(QStringLiteral("certificate"));
  m_kindLabel = new QLabel(left);
  m_kind = new QComboBox(left);
  m_kind->setObjectName(QStringLiteral("kind"));
  for (const char* k : {"approved", "issued", "copy", "appendix", "incoming", "invisible"})
    m_kind->addItem(QString(), QString::fromLatin1(k));
  m_levelLabel = new QLabel(left);
  m_level = new QComboBox(left);
  m_level->setObjectName(QStringLiteral("level"));
  for (const char* l : {"B-B", "B-T", "B-LT", "B-LTA"})
    m_level->addItem(QString::fromLatin1(l), QString::fromLatin1(l));
  m_level->setCurrentIndex(1);
  form->addRow(m_certLabel, m_cert);
  form->addRow(m_kindLabel, m_kind);
  form->addRow(m_levelLabel, m_level);
  ll->addLayout(form);
  m_batch = new QTableWidget(0, 3, left);
  m_batch->setObjectName(QStringLiteral("batch"));
  m_batch->horizontalHeader()->setStretchLastSection(true);
  m_batch->verticalHeader()->hide();
  m_batch->setEditTriggers(QAbstractItemView::NoEditTriggers);
  ll->addWidget(m_batch, 2);
  auto* run = new QHBoxLayout;
  m_sign = new QPushButton(left);
  m_sign->setObjectName(QStringLiteral("signButton"));
  m_cancel = new QPushButton(left);
  m_openResult = new QPushButton(left);
  m_showInFolder = new QPushButton(left);
  for (auto* b : {m_sign, m_cancel, m_openResult, m_showInFolder}) {
    b->setEnabled(false);
    run->addWidget(b);
  }
  run->addStretch();
  ll->addLayout(run);

  // Right: the page preview.
  auto* right = new QWidget(split);
  auto* rl = new QVBoxLayout(right);
  auto* pageRow = new QHBoxLayout;
  m_pageLabel = new QLabel(right);
  m_pageSpin = new QSpinBox(right);
  m_pageSpin->setObjectName(QStringLiteral("page"));
  m_pageSpin->setRange(1, 1);
  pageRow->addWidget(m_pageLabel);
  pageRow->addWidget(m_pageSpin);
  pageRow->addStretch();
  rl->addLayout(pageRow);
  m_fileError = new QLabel(right);
  m_fileError->setWordWrap(true);
  m_fileError->setStyleSheet(QStringLiteral("color: #b00020;"));
  m_fileError->hide();
  rl->addWidget(m_fileError);
  m_preview = new PagePreview(right);
  rl->addWidget(m_preview, 1);
  m_placementText = new QLabel(right);
  m_placementText->setObjectName(QStringLiteral("placementText"));
  m_placementText->setWordWrap(true);
  rl->addWidget(m_placementText);
  split->setStretchFactor(0, 1);
  split->setStretchFactor(1, 1);

  connect(m_open, &QPushButton::clicked, this, &SignTab::chooseFiles);
  connect(m_remove, &QPushButton::clicked, this, [this] { qDeleteAll(m_files->selectedItems()); });
  connect(m_files, &QListWidget::currentItemChanged, this, [this](QListWidgetItem* item) {
    showFile(item ? item->data(Qt::UserRole).toString() : QString());
  });
  connect(m_pageSpin, &QSpinBox::valueChanged, this, [this](int v) { showPageIndex(v - 1); });
  connect(m_preview, &PagePreview::placementChanged, this, [this] { retranslateUi(); });
  retranslateUi();
}

SignTab::~SignTab() = default;

void SignTab::addFiles(const QStringList& paths) {
  m_files->addPaths(paths);
  if (!m_files->currentItem() && m_files->count() > 0) m_files->setCurrentRow(0);
}

void SignTab::chooseFiles() {
  auto* d = new QFileDialog(this, tr("Choose files to sign"));
  d->setAttribute(Qt::WA_DeleteOnClose);
  d->setFileMode(QFileDialog::ExistingFiles);
  d->setNameFilters({tr("PDF documents (*.pdf)"), tr("All files (*)")});
  connect(d, &QFileDialog::filesSelected, this, &SignTab::addFiles);
  d->open();
}

void SignTab::showFile(const QString& path) {
  m_pages.clear();
  m_preview->clear();
  m_doc->close();
  m_fileError->hide();
  if (path.isEmpty() || QFileInfo(path).suffix().toLower() != QLatin1String("pdf")) {
    // Other files are signed as detached CMS: nothing to place.
    m_pageSpin->setRange(1, 1);
    retranslateUi();
    return;
  }
  auto pages = readPageGeometry(path.toStdString());
  if (!pages.ok()) {
    m_fileError->setText(errorText(pages.error()));
    m_fileError->show();
    retranslateUi();
    return;
  }
  m_pages = std::move(*pages);
  if (m_doc->load(path) != QPdfDocument::Error::None || m_doc->pageCount() != int(m_pages.size())) {
    m_fileError->setText(tr("Qt PDF cannot show this file."));
    m_fileError->show();
    m_pages.clear();
    retranslateUi();
    return;
  }
  const QSignalBlocker block(m_pageSpin);
  m_pageSpin->setRange(1, std::max<int>(1, int(m_pages.size())));
  // Decree 30 places signatures on the last page of the document body by default.
  m_pageSpin->setValue(int(m_pages.size()));
  showPageIndex(int(m_pages.size()) - 1);
}

void SignTab::showPageIndex(int page) {
  if (page < 0 || page >= int(m_pages.size())) return;
  const auto previous = m_preview->placement();
  m_preview->showPage(m_doc.get(), page, m_pages[page]);
  if (previous && m_pages[page].visible.contains(*previous)) m_preview->setPlacement(*previous);
  retranslateUi();
}

void SignTab::retranslateUi() {
  m_open->setText(tr("Open…"));
  m_remove->setText(tr("Remove"));
  m_certLabel->setText(tr("Certificate"));
  m_kindLabel->setText(tr("Kind"));
  m_levelLabel->setText(tr("Level"));
  const QStringList kinds = {tr("Approved (personal signature)"),
                             tr("Issued (organisation seal)"),
                             tr("Copy (sao y)"),
                             tr("Appendix"),
                             tr("Incoming document"),
                             tr("Invisible")};
  for (int i = 0; i < kinds.size() && i < m_kind->count(); ++i) m_kind->setItemText(i, kinds[i]);
  m_cert->setPlaceholderText(tr("No certificate: plug in a token"));
  m_pageLabel->setText(tr("Page"));
  m_batch->setHorizontalHeaderLabels({tr("File"), tr("Progress"), tr("Result")});
  m_sign->setText(tr("Sign"));
  m_cancel->setText(tr("Cancel"));
  m_openResult->setText(tr("Open"));
  m_showInFolder->setText(tr("Show in folder"));
  m_files->setToolTip(tr("Drop PDF documents or other files here"));
  const auto p = m_preview->placement();
  if (m_pages.empty()) {
    m_placementText->setText(m_files->count() == 0 ? tr("Drop files on the list or press Open.")
                                                   : QString());
  } else if (!p) {
    m_placementText->setText(tr("Draw the rectangle where the signature goes."));
  } else {
    m_placementText->setText(tr("Signature on page %1 at (%2, %3)–(%4, %5) pt.")
                                 .arg(m_preview->page() + 1)
                                 .arg(p->llx, 0, 'f', 1)
                                 .arg(p->lly, 0, 'f', 1)
                                 .arg(p->urx, 0, 'f', 1)
                                 .arg(p->ury, 0, 'f', 1));
  }
}

void SignTab::changeEvent(QEvent* e) {
  if (e->type() == QEvent::LanguageChange) retranslateUi();
  QWidget::changeEvent(e);
}

}  // namespace kyso::ui
