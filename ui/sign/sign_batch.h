// SignBatch: signs the Sign tab's files off the UI thread with one token login for the batch.
// PDFs get a PAdES signature (kyso_pdf: B-B to B-LTA; the visible Decree 30 appearance from
// sign_appearance.h), other files a detached CAdES signature FILE.p7s (kyso_cms: B-B or B-T).
// The key is on a token opened through the app's one DeviceWorker; its PIN is asked once through
// the given PinPrompt (QtPinPrompt in the app). Files are signed one after another; each output
// is written through a temporary file and renamed into place only when complete, so a cancelled
// or failed batch leaves every finished file valid and nothing half-written. Cancel stops after
// the current file. A token failure (removed, PIN) stops the batch; a bad file does not.
// Built with kyso_pkcs11, kyso_pdf and kyso_appearance.
#pragma once

#include <QDate>
#include <QObject>
#include <QString>
#include <QStringList>
#include <map>
#include <memory>
#include <optional>
#include <vector>

#include "src/jobs/checked_pdfs.h"
#include "ui/sign/sign_appearance.h"
#include "ui/sign/signing_certs.h"

namespace kyso::p11 {
class DeviceWorker;
class PinPrompt;
}  // namespace kyso::p11

namespace kyso::ui {

/// One file to sign and where its signed copy goes.
struct SignItem {
  QString input;
  QString output;
  bool overwrite = false;            // the person agreed to replace an existing output
  std::optional<PlacedRect> placed;  // PDFs: the rectangle from the preview; nullopt: automatic
};

/// What applies to every file of the batch.
struct SignSettings {
  SigningCert cert;
  QString kind = QStringLiteral("invisible");  // approved|issued|copy|appendix|incoming|invisible
  QString level = QStringLiteral("B-B");       // B-B|B-T|B-LT|B-LTA (detached: B-B|B-T)
  QString tsaUrl;                              // needed from B-T up
  QString image;      // the handwriting or seal PNG chosen by the person; empty: the inventory's
  QString inventory;  // the inventory location (empty: the default)
  QStringList extraAnchors;  // for B-LT chain building, with the shipped anchors
  /// The document's details for the appearance (SignerFields::document): doc_number,
  /// arrival_number, copy_form.
  std::map<std::string, std::string> document;
  /// PDFs: the signature dictionary's /Reason and /Location (empty: left out), as `kyso sign
  /// --reason --location`.
  QString reason;
  QString location;
  /// Kind issued: the date written into the letter's "ngày ... tháng ... năm" line, as `kyso sign
  /// --issued-date`; null: the signing date.
  QDate issuedDate;
  /// The PDFs the check before the PIN read (jobs::findActiveContent): one changed since is not
  /// signed. Null: no comparison.
  std::shared_ptr<jobs::CheckedPdfs> checked;
};

/// The result of one file.
struct SignOutcome {
  enum class State { Signed, Failed, NotAttempted };
  int index = -1;
  State state = State::NotAttempted;
  QString output;
  QString detail;  // "B-T, Signature1" when signed; the reason (a sentence) otherwise
  Errc error = Errc::Ok;
};

class SignBatch : public QObject {
  Q_OBJECT
 public:
  SignBatch(std::shared_ptr<p11::DeviceWorker> worker, std::shared_ptr<p11::PinPrompt> prompt,
            QObject* parent = nullptr);
  /// Does not wait: a running batch is told to stop after its current file and reports nothing
  /// more to this object.
  ~SignBatch() override;

  /// Starts signing `items` on a pool thread. Refused (false) while a batch runs.
  bool start(std::vector<SignItem> items, SignSettings settings);
  /// Stops after the current file; the remaining ones are reported NotAttempted.
  void cancel();
  bool running() const { return m_running; }

 signals:
  void itemStarted(int index);
  void itemFinished(const kyso::ui::SignOutcome& outcome);
  /// The batch ended: `cancelled` by the person; `failure` a sentence when the token could not be
  /// opened or the identity not read (empty otherwise).
  void finished(bool cancelled, const QString& failure);

 private:
  struct Shared;
  std::shared_ptr<p11::DeviceWorker> m_worker;
  std::shared_ptr<p11::PinPrompt> m_prompt;
  std::shared_ptr<Shared> m_shared;
  bool m_running = false;
};

/// The sentence for people about a signing error, in the app's words: the appearance library names
/// the missing part (doc_number, image, rect), the app its fields and the preview.
QString signErrorText(const Error& e);

/// "NAME-signed.pdf" beside the input (or in `folder` when not empty) for PDFs, "NAME-signed.xml"
/// for XML files (the signature inside), "NAME.ext.p7s" for other files.
QString signedOutputPath(const QString& input, const QString& folder);

}  // namespace kyso::ui

Q_DECLARE_METATYPE(kyso::ui::SignOutcome)
