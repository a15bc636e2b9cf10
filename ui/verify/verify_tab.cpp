#include "ui/verify/verify_tab.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDateTime>
#include <QDragEnterEvent>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMimeData>
#include <QPdfWriter>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QTextDocument>
#include <QVBoxLayout>

#include "core/atomic_file.h"
#include "src/jobs/document_format.h"
#include "src/pdfverify/report.h"
#include "ui/common/file_drop_list.h"
#include "ui/common/ui_text.h"
#include "ui/verify/verify_model.h"
#include "ui/verify/verify_service.h"
#include "ui/verify/visual_diff_dialog.h"

namespace kyso::ui {

VerifyTab::VerifyTab(const AppSettings& settings, QWidget* parent)
    : QWidget(parent), m_settings(settings) {
  setObjectName(QStringLiteral("VerifyTab"));
  setAcceptDrops(true);
  auto* layout = new QVBoxLayout(this);
  m_hint = new QLabel(this);
  m_hint->setWordWrap(true);
  layout->addWidget(m_hint);
  m_error = new QLabel(this);
  m_error->setWordWrap(true);
  m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
  m_error->hide();
  layout->addWidget(m_error);

  auto* split = new QSplitter(Qt::Vertical, this);
  m_model = new VerifyModel(this);
  m_table = new QTableView(split);
  m_table->setObjectName(QStringLiteral("verifyTable"));
  m_table->setModel(m_model);
  m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
  m_table->setSelectionMode(QAbstractItemView::SingleSelection);
  m_table->horizontalHeader()->setStretchLastSection(true);
  m_table->verticalHeader()->hide();
  m_table->setColumnWidth(0, 260);
  m_table->setColumnWidth(1, 150);
  m_details = new QTextBrowser(split);
  m_details->setObjectName(QStringLiteral("verifyDetails"));
  split->setStretchFactor(0, 3);
  split->setStretchFactor(1, 2);
  layout->addWidget(split, 1);

  auto* row = new QHBoxLayout;
  m_add = new QPushButton(this);
  m_addFolder = new QPushButton(this);
  m_progress = new QProgressBar(this);
  m_progress->hide();
  m_cancel = new QPushButton(this);
  m_cancel->setEnabled(false);
  m_clear = new QPushButton(this);
  m_save = new QPushButton(this);
  m_save->setObjectName(QStringLiteral("verifySave"));
  m_save->setEnabled(false);
  m_compare = new QPushButton(this);
  m_compare->setObjectName(QStringLiteral("verifyCompare"));
  m_compare->setEnabled(false);
  for (QWidget* w : std::initializer_list<QWidget*>{m_add, m_addFolder, m_progress, m_cancel,
                                                    m_clear, m_compare, m_save})
    row->addWidget(w);
  row->addStretch();
  layout->addLayout(row);

  connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
          [this] { showDetails(); });
  connect(m_model, &QAbstractItemModel::dataChanged, this, [this] {
    showDetails();
    m_save->setEnabled(!m_model->doneReports().empty());
  });
  connect(m_add, &QPushButton::clicked, this, [this] {
    auto* d = new QFileDialog(this, tr("Choose documents to verify"));
    d->setAttribute(Qt::WA_DeleteOnClose);
    d->setFileMode(QFileDialog::ExistingFiles);
    d->setNameFilters({tr("Signed documents (*.pdf *.xml)"), tr("PDF documents (*.pdf)"),
                       tr("XML files (*.xml)")});
    connect(d, &QFileDialog::filesSelected, this, &VerifyTab::addPaths);
    d->open();
  });
  connect(m_addFolder, &QPushButton::clicked, this, [this] {
    auto* d = new QFileDialog(this, tr("Choose a folder to verify"));
    d->setAttribute(Qt::WA_DeleteOnClose);
    d->setFileMode(QFileDialog::Directory);
    connect(d, &QFileDialog::fileSelected, this, [this](const QString& f) { addPaths({f}); });
    d->open();
  });
  connect(m_cancel, &QPushButton::clicked, this, [this] {
    m_queue.clear();
    if (m_watcher) m_watcher->cancel();
  });
  connect(m_clear, &QPushButton::clicked, this, [this] {
    if (busy()) return;
    m_model->clear();
    m_details->clear();
    m_save->setEnabled(false);
    m_compare->setEnabled(false);
  });
  connect(m_save, &QPushButton::clicked, this, &VerifyTab::saveReport);
  connect(m_compare, &QPushButton::clicked, this, [this] {
    const int current = m_table->currentIndex().row();
    if (current < 0 || current >= m_model->rowCount() || !m_model->report(current)) return;
    auto* d = new VisualDiffDialog(m_model->report(current), this);
    d->setAttribute(Qt::WA_DeleteOnClose);
    d->open();
  });
  setSettings(m_settings);
  retranslateUi();
}

VerifyTab::~VerifyTab() {
  // The job holds its own reference to the service; cancel it and let it finish on the pool.
  m_queue.clear();
  if (m_watcher) m_watcher->cancel();
}

void VerifyTab::setSettings(const AppSettings& settings) {
  m_settings = settings;
  auto service = VerifyService::create(m_settings);
  if (!service.ok()) {
    m_service.reset();
    m_error->setText(tr("The trust settings cannot be used: %1").arg(errorText(service.error())));
    m_error->show();
    return;
  }
  m_error->hide();
  m_service = *service;
}

bool VerifyTab::busy() const {
  return m_watcher != nullptr;
}

void VerifyTab::addPaths(const QStringList& paths) {
  // The PDFs, XML files and detached signatures (.p7s, .p7m) among the files and in the folders
  // given (the format registry decides); a .p7s is verified over the file beside it.
  QStringList files;
  for (const QString& f : expandPaths(paths, {})) {
    if (jobs::formatOf(f.toStdU16String()) != jobs::DocumentFormat::Other) files << f;
  }
  const QStringList added = m_model->addFiles(files);
  m_queue << added;
  if (m_table->currentIndex().row() < 0 && m_model->rowCount() > 0) m_table->selectRow(0);
  startNext();
}

void VerifyTab::startNext() {
  if (m_watcher || m_queue.isEmpty() || !m_service) {
    if (!m_watcher) emit finished();
    return;
  }
  m_running = m_queue;
  m_queue.clear();
  auto* watcher = new QFutureWatcher<FileReportPtr>(this);
  m_watcher = watcher;
  m_progress->setRange(0, int(m_running.size()));
  m_progress->setValue(0);
  m_progress->show();
  m_cancel->setEnabled(true);
  connect(watcher, &QFutureWatcherBase::progressValueChanged, m_progress, &QProgressBar::setValue);
  connect(watcher, &QFutureWatcherBase::resultReadyAt, this, [this, watcher](int i) {
    if (i < m_running.size()) m_model->setReport(m_running[i], watcher->resultAt(i));
  });
  connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
    watcher->deleteLater();
    m_watcher = nullptr;
    m_running.clear();
    m_progress->hide();
    m_cancel->setEnabled(false);
    startNext();
  });
  watcher->setFuture(m_service->verifyFiles(m_running));
}

void VerifyTab::showDetails() {
  const int row = m_table->currentIndex().row();
  const bool done = row >= 0 && row < m_model->rowCount() && m_model->report(row);
  m_compare->setEnabled(done && VisualDiffDialog::hasDifferences(*m_model->report(row)));
  if (!done) {
    m_details->setPlainText(row >= 0 ? tr("Checking…") : QString());
    return;
  }
  m_details->setHtml(
      QString::fromStdString(pdfverify::reportHtml({*m_model->report(row)}, uiLang())));
}

void VerifyTab::saveReport() {
  auto* d = new QFileDialog(this, tr("Save the report"));
  d->setAttribute(Qt::WA_DeleteOnClose);
  d->setAcceptMode(QFileDialog::AcceptSave);
  d->setNameFilters({tr("HTML report (*.html)"), tr("PDF report (*.pdf)")});
  d->setDefaultSuffix(QStringLiteral("html"));
  connect(d, &QFileDialog::fileSelected, this, [this](const QString& path) {
    // A saved report is a record: it says when the check was made (Vietnam time).
    const QString when = QDateTime::currentDateTimeUtc().toOffsetFromUtc(7 * 3600).toString(
        QStringLiteral("dd/MM/yyyy HH:mm:ss '(+07:00)'"));
    // ... and by what: the program and its version, as Help > About says them.
    const QString producer = QCoreApplication::applicationVersion().isEmpty()
                                 ? QStringLiteral("kyso")
                                 : QStringLiteral("kyso ") + QCoreApplication::applicationVersion();
    const std::string html =
        pdfverify::reportHtml(m_model->doneReports(), uiLang(),
                              pdfverify::RecordContext{when.toStdString(), producer.toStdString()});
    QByteArray bytes;
    if (path.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive)) {
      QBuffer buf(&bytes);
      buf.open(QIODevice::WriteOnly);
      QPdfWriter writer(&buf);
      writer.setPageSize(QPageSize(QPageSize::A4));
      QTextDocument doc;
      doc.setHtml(QString::fromStdString(html));
      doc.print(&writer);
    } else {
      bytes = QByteArray::fromStdString(html);
    }
    auto file = AtomicFile::create(path.toStdString(), AtomicFile::Overwrite::Allow);
    Status st = file.ok() ? file->write(std::string_view(bytes.constData(), size_t(bytes.size())))
                          : Status(file.error());
    if (st.ok()) st = file->commit();
    m_error->setVisible(!st.ok());
    if (!st.ok()) m_error->setText(tr("The report was not saved: %1").arg(errorText(st.error())));
  });
  d->open();
}

void VerifyTab::dragEnterEvent(QDragEnterEvent* e) {
  if (e->mimeData()->hasUrls()) e->acceptProposedAction();
}

void VerifyTab::dropEvent(QDropEvent* e) {
  QStringList paths;
  for (const QUrl& u : e->mimeData()->urls()) {
    if (u.isLocalFile()) paths << u.toLocalFile();
  }
  addPaths(paths);
  e->acceptProposedAction();
}

void VerifyTab::retranslateUi() {
  m_hint->setText(tr("Drop signed PDF documents or folders here, or press Add."));
  m_add->setText(tr("Add files…"));
  m_addFolder->setText(tr("Add folder…"));
  m_cancel->setText(tr("Cancel"));
  m_clear->setText(tr("Clear"));
  m_save->setText(tr("Save report…"));
  m_compare->setText(tr("Show what looks different…"));
  m_table->viewport()->update();  // verdict words are made in the current language when drawn
  emit m_model->headerDataChanged(Qt::Horizontal, 0, VerifyModel::ColumnCount_ - 1);
  showDetails();
}

void VerifyTab::changeEvent(QEvent* e) {
  if (e->type() == QEvent::LanguageChange) retranslateUi();
  QWidget::changeEvent(e);
}

}  // namespace kyso::ui
