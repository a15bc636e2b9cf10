// SignTab: files to sign (dropped or opened), the certificate (the signing certificates of the
// plugged tokens), the kind (approved, issued, copy, appendix, incoming, invisible), the PAdES
// level, the signature's reason and location (remembered), the issue date (kind issued) and the
// image (handwriting or seal: the inventory's, else a chosen PNG), a page preview with the
// signature's rectangle (the automatic placement first; drag to move, handle to resize), and the
// batch list with per-file progress and result, cancel, "open" and "show in folder". Signing runs
// in SignBatch (sign_batch.h) off the UI thread, one PIN for the batch. Outputs go beside the
// inputs as NAME-signed.pdf (NAME.ext.p7s for other files) or into a chosen folder; existing files
// are replaced only when the person agrees. Without the token layer, kyso_pdf and kyso_appearance
// in the build, the tab previews and places but says that it cannot sign.
#pragma once

#include <QImage>
#include <QMap>
#include <QWidget>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "ui/common/app_settings.h"
#include "ui/sign/placement.h"

class QComboBox;
class QFormLayout;
class QSplitter;
class QVBoxLayout;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPdfDocument;
class QPushButton;
class QSettings;
class QSpinBox;
class QTableWidget;

namespace kyso::p11 {
class DeviceWorker;
class PinPrompt;
}  // namespace kyso::p11

namespace kyso::jobs {
class CheckedPdfs;
}  // namespace kyso::jobs

namespace kyso::appearance {
struct KindInfo;
}  // namespace kyso::appearance

namespace kyso::ui {

class FileDropList;
class PagePreview;
class SignBatch;
class TokenListModel;
struct SigningCert;
struct SignOutcome;

class SignTab : public QWidget {
  Q_OBJECT
 public:
  explicit SignTab(QWidget* parent = nullptr);
  ~SignTab() override;
  /// Adds files as if dropped (for "Open…", the command line and screenshots).
  void addFiles(const QStringList& paths);
  PagePreview* preview() const { return m_preview; }
  QComboBox* certificateBox() const { return m_cert; }
  QTableWidget* batchTable() const { return m_batch; }

  /// The app's token layer: the token list (for the certificate chooser), the one device worker
  /// and the PIN prompt. Without it the tab cannot sign.
  void setTokenLayer(TokenListModel* tokens, std::shared_ptr<p11::DeviceWorker> worker,
                     std::shared_ptr<p11::PinPrompt> prompt);
  /// TSA, anchors for B-LT, the inventory (for images).
  void setSettings(const AppSettings& settings);
  /// Where the form's reason and location are remembered (SignFormMemory): read now, written
  /// when they are edited and when a batch starts. Null: not remembered.
  void setFormStore(QSettings* store);
  /// Where signed copies go; empty: beside the originals.
  void setOutputFolder(const QString& folder);
  /// The PNG to use for approved (handwriting) or issued (seal); empty: the inventory's.
  void setImageFile(const QString& png);
  /// Reads the signing certificates of the plugged tokens again.
  void refreshCertificates();
  /// The Sign button: checks, asks before replacing files, then starts the batch.
  void startSigning();
  void cancelSigning();
  bool signing() const;
  /// Something is being read in the background: the certificates, the inventory's image.
  bool loading() const { return m_loading > 0; }

 signals:
  /// The certificate chooser was filled again (count may be 0).
  void certificatesChanged();
  /// The batch ended (after its last result was shown).
  void batchFinished();

 protected:
  void changeEvent(QEvent* e) override;

 private:
  struct Placed {
    int page = 0;
    PdfRectF rect;
  };
  void retranslateUi();
  void showFile(const QString& path);
  void showPageIndex(int page);
  void chooseFiles();
  void chooseImage();
  void chooseFolder();
  void requestAutomaticPlacement();
  void updateButtons();
  void buildFileList(QWidget* left, QVBoxLayout* layout);
  QFormLayout* buildForm(QWidget* left);
  void buildBatchArea(QWidget* left, QVBoxLayout* layout);
  void buildPreview(QSplitter* split);
  void connectSignals();
  void updateDetailRow();
  /// The chosen kind's entry in appearance::kinds() (nullptr only if the list is empty).
  const appearance::KindInfo* currentKind() const;
  std::map<std::string, std::string> documentFields() const;
  void rememberForm();
  void chooseLevel();
  void runBatch(bool replaceExisting);
  /// Asks about outputs that exist already, then runs the batch.
  void askReplaceThenRun();
  void onOutcome(const SignOutcome& o);
  QString currentFile() const;
  QString selectedOutput() const;

  FileDropList* m_files = nullptr;
  QPushButton* m_open = nullptr;
  QPushButton* m_remove = nullptr;
  QLabel* m_certLabel = nullptr;
  QComboBox* m_cert = nullptr;
  QLabel* m_kindLabel = nullptr;
  QComboBox* m_kind = nullptr;
  QLabel* m_levelLabel = nullptr;
  QComboBox* m_level = nullptr;
  QLabel* m_detailLabel = nullptr;
  QLineEdit* m_detail = nullptr;    // document number (issued, appendix) or arrival number
  QComboBox* m_copyForm = nullptr;  // copy: SAO Y, SAO LỤC, TRÍCH SAO
  QLabel* m_issuedDateLabel = nullptr;
  QDateEdit* m_issuedDate = nullptr;  // issued: the letter's date (today unless changed)
  QLabel* m_reasonLabel = nullptr;
  QLineEdit* m_reason = nullptr;  // PAdES /Reason
  QLabel* m_locationLabel = nullptr;
  QLineEdit* m_location = nullptr;  // PAdES /Location
  QSettings* m_formStore = nullptr;
  QLabel* m_imageLabel = nullptr;
  QLabel* m_imageText = nullptr;
  QPushButton* m_imageButton = nullptr;
  QPushButton* m_imageClear = nullptr;
  QLabel* m_folderLabel = nullptr;
  QLabel* m_folderText = nullptr;
  QPushButton* m_folderButton = nullptr;
  QPushButton* m_folderClear = nullptr;
  QLabel* m_pageLabel = nullptr;
  QSpinBox* m_pageSpin = nullptr;
  QLabel* m_fileError = nullptr;
  QLabel* m_placementText = nullptr;
  PagePreview* m_preview = nullptr;
  QTableWidget* m_batch = nullptr;
  QLabel* m_batchStatus = nullptr;
  QPushButton* m_sign = nullptr;
  QPushButton* m_cancel = nullptr;
  QPushButton* m_openResult = nullptr;
  QPushButton* m_showInFolder = nullptr;
  QLabel* m_signNotice = nullptr;
  std::unique_ptr<QPdfDocument> m_doc;
  std::vector<PageGeometry> m_pages;
  QString m_shownFile;
  QMap<QString, Placed> m_placed;  // per PDF: the rectangle shown (automatic or the person's)
  // The PDFs read by the check before the PIN, for the batch that follows it to compare.
  std::shared_ptr<jobs::CheckedPdfs> m_checked;
  QString m_autoNote;     // why the automatic placement failed, for people
  int m_autoRequest = 0;  // the latest automatic-placement request (older ones ignored)
  AppSettings m_settings;
  QString m_imageFile;
  QString m_outputFolder;
  TokenListModel* m_tokens = nullptr;
  std::shared_ptr<p11::DeviceWorker> m_worker;
  std::shared_ptr<p11::PinPrompt> m_prompt;
  std::vector<SigningCert> m_certs;
  // The inventory's image for the chosen certificate and kind, for the preview's box (when no
  // image is chosen); read off the UI thread, the newest request wins.
  QImage m_inventoryImage;
  int m_inventoryImageRequest = 0;
  int m_loading = 0;  // background reads not finished
  void fetchInventoryImage();
  void updatePreviewImage();
  int m_certRequest = 0;
  SignBatch* m_job = nullptr;
  QString m_batchFailure;
  int m_done = 0, m_failed = 0;
};

}  // namespace kyso::ui
