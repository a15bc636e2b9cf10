#include "ui/sign/sign_tab.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDesktopServices>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPdfDocument>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QUrl>
#include <QVBoxLayout>
#include <QtConcurrent>

#include "core/messages.h"
#include "src/appearance/template.h"
#include "src/jobs/document_format.h"
#include "ui/common/file_drop_list.h"
#include "ui/common/pool_thread_cleanup.h"
#include "ui/common/ui_text.h"
#include "ui/sign/page_boxes.h"
#include "ui/sign/page_preview.h"
#include "ui/sign/sign_batch.h"
#include "ui/sign/signing_certs.h"
#include "ui/tokens/token_list_model.h"

namespace kyso::ui {

namespace {

bool isPdfPath(const QString& p) {
  return jobs::formatOf(p.toStdU16String()) == jobs::DocumentFormat::Pdf;
}
}  // namespace

SignTab::SignTab(QWidget* parent) : QWidget(parent), m_doc(std::make_unique<QPdfDocument>()) {
  setObjectName(QStringLiteral("SignTab"));
  auto* outer = new QVBoxLayout(this);
  auto* split = new QSplitter(Qt::Horizontal, this);
  outer->addWidget(split, 1);
  // Left: files, options, batch. Right: the page preview.
  auto* left = new QWidget(split);
  auto* ll = new QVBoxLayout(left);
  buildFileList(left, ll);
  ll->addLayout(buildForm(left));
  buildBatchArea(left, ll);
  buildPreview(split);
  split->setStretchFactor(0, 1);
  split->setStretchFactor(1, 1);
  connectSignals();
  retranslateUi();
  updateDetailRow();
}

// The files to sign and the buttons to add and remove them.
void SignTab::buildFileList(QWidget* left, QVBoxLayout* ll) {
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
}

// The certificate, the kind and level, the document's details, the image and the output folder.
QFormLayout* SignTab::buildForm(QWidget* left) {
  auto* form = new QFormLayout;
  m_certLabel = new QLabel(left);
  m_cert = new QComboBox(left);
  m_cert->setObjectName(QStringLiteral("certificate"));
  m_kindLabel = new QLabel(left);
  m_kind = new QComboBox(left);
  m_kind->setObjectName(QStringLiteral("kind"));
  for (const appearance::KindInfo& k : appearance::kinds())
    m_kind->addItem(QString(), QString::fromLatin1(k.word.data(), qsizetype(k.word.size())));
  m_levelLabel = new QLabel(left);
  m_level = new QComboBox(left);
  m_level->setObjectName(QStringLiteral("level"));
  for (const char* l : {"B-B", "B-T", "B-LT", "B-LTA"})
    m_level->addItem(QString::fromLatin1(l), QString::fromLatin1(l));
  m_level->setCurrentIndex(0);  // B-B until the settings say a time-stamping server is set
  m_detailLabel = new QLabel(left);
  auto* detailRow = new QHBoxLayout;
  m_detail = new QLineEdit(left);
  m_detail->setObjectName(QStringLiteral("documentDetail"));
  m_copyForm = new QComboBox(left);
  m_copyForm->setObjectName(QStringLiteral("copyForm"));
  m_copyForm->addItem(QStringLiteral("SAO Y"), QStringLiteral("sao-y"));
  m_copyForm->addItem(QStringLiteral("SAO LỤC"), QStringLiteral("sao-luc"));
  m_copyForm->addItem(QStringLiteral("TRÍCH SAO"), QStringLiteral("trich-sao"));
  detailRow->addWidget(m_detail, 1);
  detailRow->addWidget(m_copyForm, 1);
  m_issuedDateLabel = new QLabel(left);
  m_issuedDate = new QDateEdit(QDate::currentDate(), left);
  m_issuedDate->setObjectName(QStringLiteral("issuedDate"));
  m_issuedDate->setCalendarPopup(true);
  m_issuedDate->setDisplayFormat(QStringLiteral("dd/MM/yyyy"));
  m_issuedDate->setMinimumDate(QDate(1900, 1, 1));  // the range the letter's date line accepts
  m_issuedDate->setMaximumDate(QDate(9999, 12, 31));
  m_reasonLabel = new QLabel(left);
  m_reason = new QLineEdit(left);
  m_reason->setObjectName(QStringLiteral("reason"));
  m_locationLabel = new QLabel(left);
  m_location = new QLineEdit(left);
  m_location->setObjectName(QStringLiteral("location"));
  auto row = [left](QLabel*& text, QPushButton*& choose, QPushButton*& clear) {
    auto* box = new QVBoxLayout;
    text = new QLabel(left);
    text->setWordWrap(true);
    auto* buttons = new QHBoxLayout;
    choose = new QPushButton(left);
    clear = new QPushButton(left);
    buttons->addWidget(choose);
    buttons->addWidget(clear);
    buttons->addStretch();
    box->addWidget(text);
    box->addLayout(buttons);
    return box;
  };
  m_imageLabel = new QLabel(left);
  auto* imageRow = row(m_imageText, m_imageButton, m_imageClear);
  m_folderLabel = new QLabel(left);
  auto* folderRow = row(m_folderText, m_folderButton, m_folderClear);
  form->addRow(m_certLabel, m_cert);
  form->addRow(m_kindLabel, m_kind);
  form->addRow(m_levelLabel, m_level);
  form->addRow(m_detailLabel, detailRow);
  form->addRow(m_issuedDateLabel, m_issuedDate);
  form->addRow(m_reasonLabel, m_reason);
  form->addRow(m_locationLabel, m_location);
  form->addRow(m_imageLabel, imageRow);
  form->addRow(m_folderLabel, folderRow);
  return form;
}

// The batch's results, its status line and the buttons that run it and open its outputs.
void SignTab::buildBatchArea(QWidget* left, QVBoxLayout* ll) {
  m_batch = new QTableWidget(0, 3, left);
  m_batch->setObjectName(QStringLiteral("batch"));
  m_batch->horizontalHeader()->setStretchLastSection(true);
  m_batch->verticalHeader()->hide();
  m_batch->setEditTriggers(QAbstractItemView::NoEditTriggers);
  m_batch->setSelectionBehavior(QAbstractItemView::SelectRows);
  m_batch->setSelectionMode(QAbstractItemView::SingleSelection);
  ll->addWidget(m_batch, 2);
  m_batchStatus = new QLabel(left);
  m_batchStatus->setObjectName(QStringLiteral("batchStatus"));
  m_batchStatus->setWordWrap(true);
  ll->addWidget(m_batchStatus);
  auto* run = new QHBoxLayout;
  m_sign = new QPushButton(left);
  m_sign->setObjectName(QStringLiteral("signButton"));
  m_cancel = new QPushButton(left);
  m_cancel->setObjectName(QStringLiteral("cancelButton"));
  m_openResult = new QPushButton(left);
  m_openResult->setObjectName(QStringLiteral("openResult"));
  m_showInFolder = new QPushButton(left);
  m_showInFolder->setObjectName(QStringLiteral("showInFolder"));
  for (auto* b : {m_sign, m_cancel, m_openResult, m_showInFolder}) {
    b->setEnabled(false);
    run->addWidget(b);
  }
  run->addStretch();
  ll->addLayout(run);
}

void SignTab::buildPreview(QSplitter* split) {
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
}

void SignTab::connectSignals() {
  connect(m_open, &QPushButton::clicked, this, &SignTab::chooseFiles);
  connect(m_remove, &QPushButton::clicked, this, [this] {
    qDeleteAll(m_files->selectedItems());
    updateButtons();
  });
  connect(m_files, &QListWidget::currentItemChanged, this, [this](QListWidgetItem* item) {
    showFile(item ? item->data(Qt::UserRole).toString() : QString());
  });
  connect(m_files->model(), &QAbstractItemModel::rowsInserted, this, &SignTab::updateButtons);
  connect(m_pageSpin, &QSpinBox::valueChanged, this, [this](int v) { showPageIndex(v - 1); });
  connect(m_preview, &PagePreview::placementChanged, this, [this](const PdfRectF& r) {
    if (!m_shownFile.isEmpty()) m_placed[m_shownFile] = {m_preview->page(), r};
    retranslateUi();
  });
  auto placementInputsChanged = [this] {
    // The automatic placement depends on the kind, the signer and the image: start again.
    m_placed.clear();
    fetchInventoryImage();
    showFile(m_shownFile);
  };
  connect(m_kind, &QComboBox::currentIndexChanged, this, [this, placementInputsChanged] {
    updateDetailRow();
    placementInputsChanged();
  });
  connect(m_cert, &QComboBox::currentIndexChanged, this, [this, placementInputsChanged] {
    placementInputsChanged();
    updateButtons();
  });
  connect(m_reason, &QLineEdit::editingFinished, this, &SignTab::rememberForm);
  connect(m_location, &QLineEdit::editingFinished, this, &SignTab::rememberForm);
  connect(m_level, &QComboBox::activated, this,
          &SignTab::rememberForm);  // the person's choice only
  connect(m_imageButton, &QPushButton::clicked, this, &SignTab::chooseImage);
  connect(m_imageClear, &QPushButton::clicked, this, [this] { setImageFile(QString()); });
  connect(m_folderButton, &QPushButton::clicked, this, &SignTab::chooseFolder);
  connect(m_folderClear, &QPushButton::clicked, this, [this] { setOutputFolder(QString()); });
  connect(m_sign, &QPushButton::clicked, this, &SignTab::startSigning);
  connect(m_cancel, &QPushButton::clicked, this, &SignTab::cancelSigning);
  connect(m_batch, &QTableWidget::itemSelectionChanged, this, &SignTab::updateButtons);
  connect(m_openResult, &QPushButton::clicked, this, [this] {
    const QString out = selectedOutput();
    if (!out.isEmpty()) QDesktopServices::openUrl(QUrl::fromLocalFile(out));
  });
  connect(m_showInFolder, &QPushButton::clicked, this, [this] {
    const QString out = selectedOutput();
    if (!out.isEmpty())
      QDesktopServices::openUrl(QUrl::fromLocalFile(QFileInfo(out).absolutePath()));
  });
}

SignTab::~SignTab() = default;

const appearance::KindInfo* SignTab::currentKind() const {
  return appearance::findKind(m_kind->currentData().toString().toStdString());
}

void SignTab::updateDetailRow() {
  const appearance::KindInfo* kind = currentKind();
  const std::string_view field = kind ? kind->documentField : std::string_view();
  const bool number = field == "doc_number" || field == "arrival_number";
  const bool copy = field == "copy_form";
  m_detail->setVisible(number);
  m_copyForm->setVisible(copy);
  m_detailLabel->setVisible(number || copy);
  const bool issuedDate = kind && kind->printsIssuedDate;
  m_issuedDate->setVisible(issuedDate);
  m_issuedDateLabel->setVisible(issuedDate);
  retranslateUi();
}

std::map<std::string, std::string> SignTab::documentFields() const {
  std::map<std::string, std::string> out;
  const appearance::KindInfo* kind = currentKind();
  const std::string field(kind ? kind->documentField : std::string_view());
  if (field == "copy_form")
    out[field] = m_copyForm->currentData().toString().toStdString();
  else if (!field.empty())
    out[field] = m_detail->text().trimmed().toStdString();
  return out;
}

void SignTab::addFiles(const QStringList& paths) {
  m_files->addPaths(paths);
  if (!m_files->currentItem() && m_files->count() > 0) m_files->setCurrentRow(0);
  updateButtons();
}

void SignTab::setSettings(const AppSettings& settings) {
  m_settings = settings;
  chooseLevel();
}

// The level the person chose last time; without one, B-T when a time-stamping server is set and
// B-B when none is (B-T and above cannot be signed without one). A remembered level above B-B is
// not kept once the server is removed from the settings.
void SignTab::chooseLevel() {
  QString level = m_formStore ? SignFormMemory::load(*m_formStore).level : QString();
  if (level.isEmpty())
    level = m_settings.tsaUrl.isEmpty() ? QStringLiteral("B-B") : QStringLiteral("B-T");
  if (m_settings.tsaUrl.isEmpty()) level = QStringLiteral("B-B");
  const int i = m_level->findData(level);
  m_level->setCurrentIndex(i >= 0 ? i : 0);
}

void SignTab::setFormStore(QSettings* store) {
  m_formStore = store;
  if (!m_formStore) return;
  const SignFormMemory m = SignFormMemory::load(*m_formStore);
  m_reason->setText(m.reason);
  m_location->setText(m.location);
  chooseLevel();
}

void SignTab::rememberForm() {
  if (!m_formStore) return;
  SignFormMemory m;
  m.reason = m_reason->text().trimmed();
  m.location = m_location->text().trimmed();
  m.level = m_level->currentData().toString();
  m.save(*m_formStore);
}

void SignTab::setOutputFolder(const QString& folder) {
  m_outputFolder = folder;
  retranslateUi();
}

void SignTab::setImageFile(const QString& png) {
  m_imageFile = png;
  m_placed.clear();
  showFile(m_shownFile);
}

void SignTab::refreshCertificates() {
  if (!m_tokens || !m_worker) return;
  QList<TokenSnapshot> tokens;
  for (int r = 0; r < m_tokens->rowCount(); ++r) tokens << m_tokens->snapshot(r);
  const int request = ++m_certRequest;
  auto* w = new QFutureWatcher<Result<std::vector<SigningCert>>>(this);
  ++m_loading;
  connect(w, &QFutureWatcherBase::finished, this, [this, w, request] {
    w->deleteLater();
    --m_loading;
    if (request != m_certRequest) return;  // a newer listing is on its way
    auto r = w->future().result();
    const QString previous = m_cert->currentData().toString();
    const QSignalBlocker block(m_cert);
    m_cert->clear();
    m_certs.clear();
    if (!r.ok()) {
      m_cert->setToolTip(errorText(r.error()));
    } else {
      m_cert->setToolTip(QString());
      m_certs = std::move(*r);
      // The holder and the expiry fit the form; the token is named only where one holder has
      // certificates on several, and always in the tooltip.
      for (const SigningCert& c : m_certs) {
        int sameHolder = 0;
        for (const SigningCert& o : m_certs) sameHolder += o.name == c.name;
        m_cert->addItem(c.shortText(sameHolder > 1), c.sha256);
        m_cert->setItemData(m_cert->count() - 1, c.displayText(), Qt::ToolTipRole);
      }
      const int keep = m_cert->findData(previous);
      m_cert->setCurrentIndex(keep >= 0 ? keep : (m_certs.empty() ? -1 : 0));
    }
    if (m_cert->currentData().toString() != previous) {
      // Another signer: the placement and the inventory's image are theirs (the chooser's own
      // signal is blocked while it is filled).
      m_placed.clear();
      fetchInventoryImage();
      showFile(m_shownFile);
    }
    updateButtons();
    emit certificatesChanged();
  });
  w->setFuture(listSigningCertificates(tokens, m_worker));
}

void SignTab::chooseFiles() {
  auto* d = new QFileDialog(this, tr("Choose files to sign"));
  d->setAttribute(Qt::WA_DeleteOnClose);
  d->setFileMode(QFileDialog::ExistingFiles);
  d->setNameFilters({tr("PDF documents (*.pdf)"), tr("All files (*)")});
  connect(d, &QFileDialog::filesSelected, this, &SignTab::addFiles);
  d->open();
}

void SignTab::chooseImage() {
  auto* d = new QFileDialog(this, tr("Choose the handwritten signature or the seal"));
  d->setAttribute(Qt::WA_DeleteOnClose);
  d->setFileMode(QFileDialog::ExistingFile);
  d->setNameFilters({tr("Images (*.png *.jpg *.jpeg)")});
  connect(d, &QFileDialog::fileSelected, this, &SignTab::setImageFile);
  d->open();
}

void SignTab::chooseFolder() {
  auto* d = new QFileDialog(this, tr("Choose the folder for the signed files"));
  d->setAttribute(Qt::WA_DeleteOnClose);
  d->setFileMode(QFileDialog::Directory);
  d->setOption(QFileDialog::ShowDirsOnly);
  connect(d, &QFileDialog::fileSelected, this, &SignTab::setOutputFolder);
  d->open();
}

void SignTab::showFile(const QString& path) {
  m_shownFile = path;
  m_autoNote.clear();
  m_pages.clear();
  m_preview->clear();
  m_doc->close();
  m_fileError->hide();
  if (path.isEmpty() || !isPdfPath(path)) {
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
  m_preview->setFile(path);
  const QSignalBlocker block(m_pageSpin);
  m_pageSpin->setRange(1, std::max<int>(1, int(m_pages.size())));
  const auto placed = m_placed.constFind(path);
  // Decree 30 places signatures on the last page of the document body by default.
  const int page = placed != m_placed.constEnd() && placed->page < int(m_pages.size())
                       ? placed->page
                       : int(m_pages.size()) - 1;
  m_pageSpin->setValue(page + 1);
  showPageIndex(page);
  if (placed == m_placed.constEnd()) requestAutomaticPlacement();
}

void SignTab::showPageIndex(int page) {
  if (page < 0 || page >= int(m_pages.size())) return;
  m_preview->showPage(m_doc.get(), page, m_pages[page]);
  updatePreviewImage();
  const auto placed = m_placed.constFind(m_shownFile);
  if (placed != m_placed.constEnd() && placed->page == page &&
      m_pages[page].visible.contains(placed->rect))
    m_preview->setPlacement(placed->rect);
  retranslateUi();
}

void SignTab::updatePreviewImage() {
  // The box shows the image the kind prints (the chosen handwriting or seal, else the
  // inventory's).
  const auto* kind = appearance::findKind(m_kind->currentData().toString().toStdString());
  m_preview->setAppearanceImage(!kind || kind->imageRole.empty() ? QImage()
                                : !m_imageFile.isEmpty()         ? QImage(m_imageFile)
                                                                 : m_inventoryImage);
}

void SignTab::fetchInventoryImage() {
  m_inventoryImage = QImage();
  const int request = ++m_inventoryImageRequest;
  const int c = m_cert->currentIndex();
  if (c < 0 || c >= int(m_certs.size()) || m_settings.inventoryDatabase.isEmpty()) return;
  auto* w = new QFutureWatcher<QImage>(this);
  ++m_loading;
  connect(w, &QFutureWatcherBase::finished, this, [this, w, request] {
    w->deleteLater();
    --m_loading;
    if (request != m_inventoryImageRequest) return;
    m_inventoryImage = w->result();
    updatePreviewImage();
  });
  w->setFuture(QtConcurrent::run([location = m_settings.inventoryDatabase.toStdString(),
                                  sha = m_certs[std::size_t(c)].sha256.toStdString(),
                                  kind = m_kind->currentData().toString().toStdString()] {
    const PoolThreadCleanup cleanup;
    auto png = inventoryImage(location, sha, kind);
    if (!png.ok() || !*png) return QImage();
    return QImage::fromData(reinterpret_cast<const uchar*>((*png)->data()), int((*png)->size()));
  }));
}

void SignTab::requestAutomaticPlacement() {
  const QString kind = m_kind->currentData().toString();
  if (kind == QLatin1String("invisible") || m_shownFile.isEmpty()) return;
  SignerFields signer;
  const int c = m_cert->currentIndex();
  if (c >= 0 && c < int(m_certs.size()))
    signer = {m_certs[c].name.toStdString(),
              m_certs[c].title.toStdString(),
              m_certs[c].org.toStdString(),
              {}};
  signer.document = documentFields();
  const QString file = m_shownFile;
  const int request = ++m_autoRequest;
  auto* w = new QFutureWatcher<Result<PlacedRect>>(this);
  connect(w, &QFutureWatcherBase::finished, this, [this, w, file, request] {
    w->deleteLater();
    if (request != m_autoRequest || file != m_shownFile || m_placed.contains(file)) return;
    const Result<PlacedRect> r = w->future().result();
    if (!r.ok()) {
      m_autoNote = signErrorText(r.error());
      retranslateUi();
      return;
    }
    if (r->pageIndex < 0 || r->pageIndex >= int(m_pages.size())) return;
    const PdfRectF rect{r->rect.llx, r->rect.lly, r->rect.urx, r->rect.ury};
    m_placed[file] = {r->pageIndex, rect};
    if (m_pageSpin->value() != r->pageIndex + 1)
      m_pageSpin->setValue(r->pageIndex + 1);  // shows the page and the placement
    else
      showPageIndex(r->pageIndex);
  });
  w->setFuture(QtConcurrent::run([kind, file, image = m_imageFile, signer] {
    const PoolThreadCleanup cleanup;
    return automaticPlacement(kind.toStdString(), std::filesystem::path(file.toStdU16String()),
                              std::filesystem::path(image.toStdU16String()), signer);
  }));
}

QString SignTab::currentFile() const {
  return m_shownFile;
}

void SignTab::retranslateUi() {
  m_open->setText(tr("Open…"));
  m_remove->setText(tr("Remove"));
  m_certLabel->setText(tr("Certificate"));
  m_kindLabel->setText(tr("Kind"));
  m_levelLabel->setText(tr("Level"));
  m_level->setToolTip(
      tr("B-B: the signature alone; its time is the computer's.\n"
         "B-T: with a timestamp from the time-stamping server set in Settings, which proves when "
         "it was signed.\n"
         "B-LT: also keeps the certificates and revocation answers, so that it can still be "
         "checked after the certificate expires.\n"
         "B-LTA: also a document timestamp, for records kept for many years."));
  const QString kindNow = m_kind->currentData().toString();
  m_detailLabel->setText(kindNow == QLatin1String("incoming") ? tr("Arrival number")
                         : kindNow == QLatin1String("copy")   ? tr("Copy form")
                                                              : tr("Document number"));
  m_detail->setPlaceholderText(kindNow == QLatin1String("incoming") ? tr("e.g. 125")
                                                                    : tr("e.g. 286/SYT-VP"));
  m_issuedDateLabel->setText(tr("Issue date"));
  m_issuedDate->setToolTip(
      tr("The date written into the letter's \"ngày ... tháng ... năm ...\" line"));
  m_reasonLabel->setText(tr("Reason"));
  m_reason->setPlaceholderText(tr("e.g. Phát hành"));
  m_reason->setToolTip(tr("The reason for signing, kept in the signature"));
  m_locationLabel->setText(tr("Location"));
  m_location->setPlaceholderText(tr("e.g. Huế"));
  m_location->setToolTip(tr("The place of signing, kept in the signature"));
  m_imageLabel->setText(tr("Image"));
  m_folderLabel->setText(tr("Save to"));
  const QStringList kinds = {tr("Approved (personal signature)"),
                             tr("Issued (organisation seal)"),
                             tr("Copy (sao y)"),
                             tr("Appendix"),
                             tr("Incoming document"),
                             tr("Invisible")};
  for (int i = 0; i < kinds.size() && i < m_kind->count(); ++i) m_kind->setItemText(i, kinds[i]);
  m_cert->setPlaceholderText(tr("No certificate: plug in a token"));
  m_imageText->setText(m_imageFile.isEmpty()
                           ? tr("From the inventory (the person's handwriting, the unit's seal)")
                           : QDir::toNativeSeparators(m_imageFile));
  m_imageButton->setText(tr("Choose…"));
  m_imageClear->setText(tr("Use the inventory's"));
  m_imageClear->setEnabled(!m_imageFile.isEmpty());
  m_folderText->setText(m_outputFolder.isEmpty() ? tr("Beside each original, as NAME-signed.pdf")
                                                 : QDir::toNativeSeparators(m_outputFolder));
  m_folderButton->setText(tr("Choose…"));
  m_folderClear->setText(tr("Beside the originals"));
  m_folderClear->setEnabled(!m_outputFolder.isEmpty());
  m_pageLabel->setText(tr("Page"));
  m_batch->setHorizontalHeaderLabels({tr("File"), tr("Progress"), tr("Result")});
  m_sign->setText(tr("Sign"));
  m_cancel->setText(tr("Cancel"));
  m_openResult->setText(tr("Open"));
  m_showInFolder->setText(tr("Show in folder"));
  m_files->setToolTip(tr("Drop PDF documents or other files here"));
  if (signing()) {
    m_batchStatus->setText(tr("Signing: %1 of %2 done; not signed: %3.")
                               .arg(m_done)
                               .arg(m_batch->rowCount())
                               .arg(m_failed));
  } else if (m_batch->rowCount() > 0) {
    QString s = tr("Signed: %1; not signed: %2.").arg(m_done).arg(m_failed);
    if (!m_batchFailure.isEmpty()) s += QLatin1Char(' ') + m_batchFailure;
    m_batchStatus->setText(s);
  }
  const auto p = m_preview->placement();
  const bool invisible = m_kind->currentData().toString() == QLatin1String("invisible");
  if (m_pages.empty()) {
    m_placementText->setText(m_files->count() == 0 ? tr("Drop files on the list or press Open.")
                             : m_shownFile.isEmpty() || isPdfPath(m_shownFile) ? QString()
                             : jobs::formatOf(m_shownFile.toStdU16String()) ==
                                     jobs::DocumentFormat::Xml
                                 ? tr("This XML file gets an XML signature inside it, in a copy "
                                      "named NAME-signed.xml.")
                                 : tr("This file gets a detached signature (.p7s) beside it."));
  } else if (invisible) {
    m_placementText->setText(tr("An invisible signature: nothing is drawn on the page."));
  } else if (!p) {
    m_placementText->setText(m_autoNote.isEmpty()
                                 ? tr("Draw the rectangle where the signature goes.")
                                 : tr("No automatic place: %1").arg(m_autoNote));
  } else {
    // In millimetres from the page's top-left corner as it is shown, as a ruler measures it.
    const PageGeometry& g = m_pages[std::size_t(m_preview->page())];
    const QRectF shown = pdfToWidget(g, QRectF(QPointF(0, 0), g.displaySize()), *p);
    constexpr double kMmPerPt = 25.4 / 72;
    m_placementText->setText(
        tr("Signature on page %1: %2 × %3 mm, %4 mm from the left and %5 mm from the top.")
            .arg(m_preview->page() + 1)
            .arg(shown.width() * kMmPerPt, 0, 'f', 0)
            .arg(shown.height() * kMmPerPt, 0, 'f', 0)
            .arg(shown.left() * kMmPerPt, 0, 'f', 0)
            .arg(shown.top() * kMmPerPt, 0, 'f', 0));
  }
}

void SignTab::changeEvent(QEvent* e) {
  if (e->type() == QEvent::LanguageChange) retranslateUi();
  QWidget::changeEvent(e);
}

}  // namespace kyso::ui
