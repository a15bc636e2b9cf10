// The Sign tab's batch: the token layer and SignBatch, the Sign / Cancel / Open / Show in folder
// buttons, the question before replacing signed files, and the batch table with per-file
// progress and result. The layout, the certificate chooser and the placement are in sign_tab.cpp.
#include <QComboBox>
#include <QDateEdit>
#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QTimer>
#include <QUrl>

#include "src/jobs/active_content_check.h"
#include "src/jobs/document_format.h"
#include "ui/common/file_drop_list.h"
#include "ui/common/ui_text.h"
#include "ui/sign/sign_batch.h"
#include "ui/sign/sign_tab.h"
#include "ui/tokens/token_list_model.h"

namespace kyso::ui {

namespace {
enum BatchColumn { ColFile, ColProgress, ColResult };
constexpr int kOutputRole = Qt::UserRole + 1;  // on the File cell: the output, once signed
}  // namespace

void SignTab::setTokenLayer(TokenListModel* tokens, std::shared_ptr<p11::DeviceWorker> worker,
                            std::shared_ptr<p11::PinPrompt> prompt) {
  m_tokens = tokens;
  m_worker = std::move(worker);
  m_prompt = std::move(prompt);
  delete m_job;
  m_job = new SignBatch(m_worker, m_prompt, this);
  connect(m_job, &SignBatch::itemStarted, this, [this](int i) {
    if (auto* bar = qobject_cast<QProgressBar*>(m_batch->cellWidget(i, ColProgress)))
      bar->setRange(0, 0);  // busy: the token and the disk work
  });
  connect(m_job, &SignBatch::itemFinished, this, &SignTab::onOutcome);
  connect(m_job, &SignBatch::finished, this, [this](bool cancelled, const QString& failure) {
    m_batchFailure = failure;
    if (cancelled) m_batchFailure = tr("Cancelled: the files already signed are kept.");
    updateButtons();
    retranslateUi();
    emit batchFinished();
  });
  if (m_tokens) {
    auto* debounce = new QTimer(this);
    debounce->setSingleShot(true);
    debounce->setInterval(150);
    connect(debounce, &QTimer::timeout, this, &SignTab::refreshCertificates);
    auto later = [debounce] { debounce->start(); };
    connect(m_tokens, &QAbstractItemModel::rowsInserted, this, later);
    connect(m_tokens, &QAbstractItemModel::rowsRemoved, this, later);
    connect(m_tokens, &QAbstractItemModel::dataChanged, this, later);
    connect(m_tokens, &QAbstractItemModel::modelReset, this, later);
    later();
  }
}

QString SignTab::selectedOutput() const {
  const auto rows = m_batch->selectionModel()->selectedRows();
  if (rows.isEmpty()) return {};
  const QTableWidgetItem* item = m_batch->item(rows.first().row(), ColFile);
  return item ? item->data(kOutputRole).toString() : QString();
}

bool SignTab::signing() const {
  return m_job && m_job->running();
}

void SignTab::cancelSigning() {
  if (m_job) m_job->cancel();
  m_batchStatus->setText(tr("Stopping after the current file…"));
}

void SignTab::updateButtons() {
  const bool busy = signing();
  m_sign->setEnabled(m_job && !busy && m_files->count() > 0 && m_cert->currentIndex() >= 0);
  m_cancel->setEnabled(busy);
  const bool haveOutput = !selectedOutput().isEmpty();
  m_openResult->setEnabled(haveOutput);
  m_showInFolder->setEnabled(haveOutput);
}

void SignTab::startSigning() {
  if (signing() || !m_job) return;
  const QString level = m_level->currentData().toString();
  if (level != QLatin1String("B-B") && m_settings.tsaUrl.isEmpty()) {
    m_batchStatus->setText(
        tr("The level %1 needs a time-stamping server: set it in Settings, or choose B-B.")
            .arg(level));
    return;
  }
  // What in a PDF can change what it shows after signing is said before the PIN is asked
  // (src/pdf/active_content.h); the person signs anyway or stops here.
  std::vector<std::filesystem::path> pdfs;
  for (int i = 0; i < m_files->count(); ++i) {
    const QString in = m_files->item(i)->data(Qt::UserRole).toString();
    if (jobs::formatOf(in.toStdU16String()) == jobs::DocumentFormat::Pdf)
      pdfs.emplace_back(in.toStdU16String());
  }
  QStringList risky;
  m_checked = std::make_shared<jobs::CheckedPdfs>();
  for (const auto& f : jobs::findActiveContent(pdfs, uiLang(), m_checked.get()))
    for (const auto& sentence : f.sentences)
      risky << QString::fromStdU16String(f.file.filename().u16string()) + QStringLiteral(": ") +
                   QString::fromStdString(sentence);
  if (risky.isEmpty()) return askReplaceThenRun();
  auto* box = new QMessageBox(
      QMessageBox::Warning, tr("Sign documents that can change?"),
      tr("What these documents show can change after you sign them:\n%1\n\nSign them anyway?")
          .arg(risky.mid(0, 10).join(QLatin1Char('\n'))),
      QMessageBox::Yes | QMessageBox::Cancel, this);
  box->setObjectName(QStringLiteral("activeContentQuestion"));
  box->button(QMessageBox::Yes)->setText(tr("Sign anyway"));
  box->setDefaultButton(QMessageBox::Cancel);
  box->setAttribute(Qt::WA_DeleteOnClose);
  connect(box, &QMessageBox::finished, this, [this, box](int) {
    if (box->standardButton(box->clickedButton()) == QMessageBox::Yes)
      askReplaceThenRun();
    else
      m_checked.reset();
  });
  box->open();
}

void SignTab::askReplaceThenRun() {
  QStringList existing;
  for (int i = 0; i < m_files->count(); ++i) {
    const QString out =
        signedOutputPath(m_files->item(i)->data(Qt::UserRole).toString(), m_outputFolder);
    if (QFileInfo::exists(out)) existing << QDir::toNativeSeparators(out);
  }
  if (existing.isEmpty()) return runBatch(false);
  auto* box = new QMessageBox(QMessageBox::Question, tr("Replace signed files?"),
                              tr("These files exist already:\n%1\n\nReplace them?")
                                  .arg(existing.mid(0, 10).join(QLatin1Char('\n'))),
                              QMessageBox::Yes | QMessageBox::No | QMessageBox::Cancel, this);
  box->setObjectName(QStringLiteral("replaceQuestion"));
  box->button(QMessageBox::Yes)->setText(tr("Replace"));
  box->button(QMessageBox::No)->setText(tr("Keep them and skip those files"));
  box->setAttribute(Qt::WA_DeleteOnClose);
  connect(box, &QMessageBox::finished, this, [this, box](int) {
    const auto b = box->standardButton(box->clickedButton());
    if (b == QMessageBox::Yes) runBatch(true);
    if (b == QMessageBox::No) runBatch(false);
    if (b != QMessageBox::Yes && b != QMessageBox::No) m_checked.reset();
  });
  box->open();
}

void SignTab::runBatch(bool replaceExisting) {
  const int c = m_cert->currentIndex();
  if (c < 0 || c >= int(m_certs.size())) return;
  SignSettings st;
  st.cert = m_certs[c];
  st.kind = m_kind->currentData().toString();
  st.level = m_level->currentData().toString();
  st.tsaUrl = m_settings.tsaUrl;
  st.image = m_imageFile;
  st.inventory = m_settings.inventoryDatabase;
  st.extraAnchors = m_settings.extraAnchors;
  st.document = documentFields();
  st.reason = m_reason->text().trimmed();
  st.location = m_location->text().trimmed();
  if (st.kind == QLatin1String("issued")) st.issuedDate = m_issuedDate->date();
  st.checked = std::move(m_checked);
  rememberForm();
  std::vector<SignItem> items;
  m_batch->setRowCount(0);
  m_done = m_failed = 0;
  m_batchFailure.clear();
  for (int i = 0; i < m_files->count(); ++i) {
    const QString in = m_files->item(i)->data(Qt::UserRole).toString();
    SignItem item{in, signedOutputPath(in, m_outputFolder), replaceExisting, std::nullopt};
    const auto placed = m_placed.constFind(in);
    if (st.kind != QLatin1String("invisible") && placed != m_placed.constEnd())
      item.placed = PlacedRect{
          placed->page, {placed->rect.llx, placed->rect.lly, placed->rect.urx, placed->rect.ury}};
    const int row = m_batch->rowCount();
    m_batch->insertRow(row);
    auto* name = new QTableWidgetItem(QFileInfo(in).fileName());
    name->setToolTip(QDir::toNativeSeparators(in));
    m_batch->setItem(row, ColFile, name);
    auto* bar = new QProgressBar(m_batch);
    bar->setRange(0, 1);
    bar->setValue(0);
    bar->setTextVisible(false);
    m_batch->setCellWidget(row, ColProgress, bar);
    const bool skip = !replaceExisting && QFileInfo::exists(item.output);
    m_batch->setItem(
        row, ColResult,
        new QTableWidgetItem(skip ? tr("Skipped: the signed file exists") : tr("Waiting")));
    if (skip) {
      bar->setValue(1);
      continue;
    }
    items.push_back(std::move(item));
    m_batch->item(row, ColFile)->setData(Qt::UserRole, int(items.size()) - 1);
  }
  // Rows of skipped files carry no job index; map job indexes back to rows.
  if (items.empty()) {
    m_batchStatus->setText(tr("Nothing to sign."));
    return;
  }
  m_job->start(std::move(items), std::move(st));
  updateButtons();
  retranslateUi();
}

void SignTab::onOutcome(const SignOutcome& o) {
  int row = -1;
  for (int r = 0; r < m_batch->rowCount(); ++r) {
    const QTableWidgetItem* f = m_batch->item(r, ColFile);
    const QVariant idx = f ? f->data(Qt::UserRole) : QVariant();
    if (idx.isValid() && idx.toInt() == o.index) row = r;
  }
  if (row < 0) return;
  auto* bar = qobject_cast<QProgressBar*>(m_batch->cellWidget(row, ColProgress));
  QString text;
  QColor colour;
  switch (o.state) {
    case SignOutcome::State::Signed:
      ++m_done;
      text = tr("Signed (%1): %2").arg(o.detail, QDir::toNativeSeparators(o.output));
      colour = QColor(0x1b, 0x5e, 0x20);
      m_batch->item(row, ColFile)->setData(kOutputRole, o.output);
      if (bar) {
        bar->setRange(0, 1);
        bar->setValue(1);
      }
      break;
    case SignOutcome::State::Failed:
      ++m_failed;
      text = tr("Not signed: %1").arg(o.detail);
      colour = QColor(0xb0, 0x00, 0x20);
      if (bar) bar->setRange(0, 1);
      break;
    case SignOutcome::State::NotAttempted:
      text = tr("Not signed (the batch stopped)");
      colour = QColor(0x6d, 0x4c, 0x41);
      if (bar) bar->setRange(0, 1);
      break;
  }
  auto* result = m_batch->item(row, ColResult);
  result->setText(text);
  result->setToolTip(text);
  result->setForeground(colour);
  result->setData(Qt::UserRole, int(o.state));
  if (o.state == SignOutcome::State::Signed && m_batch->selectionModel()->selectedRows().isEmpty())
    m_batch->selectRow(row);
  retranslateUi();
}

}  // namespace kyso::ui
