// What the signing service needs from the front end that hosts it (the GUI's tray, or `kyso
// service run` in a terminal): the person's answers, in kyso's own window, and the token opened
// with the front end's own PIN dialog and its final-try rules. Nothing is fetched before the site
// is allowed, and nothing is signed and no certificate given before approve() says yes.
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "src/appearance/appearance.h"
#include "src/jobs/signing_key.h"
#include "src/pdfverify/model.h"
#include "src/service/vgca_calls.h"

namespace kyso::service {

/// One document of a batch (vgca_sign_files), as the person is shown it.
struct BatchDocument {
  std::string id;    // the system's FileID
  std::string name;  // the name the system gives it
  std::string url;
  std::size_t size = 0;
  std::string sha256;          // hex
  std::filesystem::path file;  // a private copy (read only)
  bool pdf = false;            // a PDF gets a PAdES signature; anything else a detached .p7s
};

/// The names a visible signature writes, from the certificate that would sign.
struct SignerNames {
  std::string name, title, org;
};
/// Where a visible signature would go: its page (0-based) and its rectangle in PDF user space.
struct PreviewPlacement {
  int pageIndex = 0;
  appearance::PdfRect rect;
};

/// Everything the person is shown before deciding one request.
struct Approval {
  std::string origin;  // the site that asks: "https://vanban.soyte.example.gov.vn"
  Call call = Call::SignPDF;
  std::string kind;          // "approved", "issued", ... ("" invisible or detached)
  std::string documentName;  // the file name from the address
  std::string documentUrl;
  bool localFile = false;  // the person picked the document on this machine (FileName empty)
  std::size_t documentSize = 0;
  std::string documentSha256;          // hex
  std::filesystem::path documentFile;  // a private copy, for the preview (read only)
  std::string uploadTo;                // FileUploadHandler
  std::string docNumber, issuedDate;   // SignIssued
  std::string digestAlg, digestHex;    // SignMsg: what is signed
  std::vector<BatchDocument> batch;    // vgca_sign_files: every document, approved at once
  std::string xmlRoot;                 // SignXML: the document's root element ("GIAMDINHHS")
  std::string xmlProfile;              // SignXML: "bhyt", "einvoice" or "generic"
  std::size_t xmlSignatures = 0;       // SignXML: signatures already in the document
  bool signatureOnly = false;          // SignXML: the site gets the Signature element alone
  /// A file flow with a visible signature: where it would go for a signer with these names (the
  /// certificate the person chooses), for the preview; empty for invisible and detached ones.
  /// Reads the document; call off the UI thread, and only during approve() (it refers to the
  /// request's private copy, removed when the request ends).
  std::function<Result<PreviewPlacement>(const SignerNames&)> placement;
};

/// A request once answered, for the front end's "last request" (the tray).
struct RequestEnded {
  Call call = Call::SignPDF;
  std::string origin;
  int status = 0;  // the reply's Status (0: done)
  std::string message;
  std::chrono::system_clock::time_point at;
};

/// A verification a site asked for (VerifyPDF), for the person to read in kyso's window.
struct VerificationShown {
  std::string origin;
  std::string documentName, documentUrl;
  std::shared_ptr<const pdfverify::FileReport> report;
};

/// The key the person approved, and whatever keeps its token open until the request ends.
struct ApprovedKey {
  std::shared_ptr<void> keepAlive;  // declared first: destroyed after the key that uses it
  jobs::SigningKey key;
};

class ServiceHost {
 public:
  virtual ~ServiceHost() = default;
  /// "Allow this site to ask for signatures?", asked once for an origin that is neither on the
  /// officer's list nor remembered. The service remembers the answer.
  virtual bool allowSite(const std::string& origin) = 0;
  /// Shows `what`, with the certificate that would sign, in kyso's own window; on yes, opens the
  /// token and logs in through the front end's PIN dialog and returns the key. ServiceDeclined
  /// when the person says no; the token's own errors (PinIncorrect, PinLocked...) as they come.
  virtual Result<ApprovedKey> approve(const Approval& what) = 0;
  /// During an approved batch, after each document: `done` of `total` signed (or failed). The
  /// window that shows it stays open until batchEnded.
  virtual void batchProgress(std::size_t done, std::size_t total) {
    (void)done;
    (void)total;
  }
  /// True once the person stopped the batch: the documents not started are left unsigned and
  /// nothing more is sent. Asked between documents, from the signing thread.
  virtual bool batchStopRequested() { return false; }
  /// The batch ended (every document done, or stopped): `uploaded` of `total` reached the system.
  virtual void batchEnded(std::size_t uploaded, std::size_t total) {
    (void)uploaded;
    (void)total;
  }
  /// A file flow whose FileName is empty (the plug-in's "pick a local file"): the file the person
  /// picks in kyso's own window for `what` (the site, the kind, where it goes); nullopt when they
  /// pick none. Before approve(), which then shows the file as any other.
  virtual std::optional<std::filesystem::path> pickLocalFile(const Approval& what) {
    (void)what;
    return std::nullopt;
  }
  /// VerifyPDF: shows the report in kyso's own window (without waiting for the person).
  virtual void showVerification(const VerificationShown& what) { (void)what; }
  /// Every answered request (not the busy refusals), after its audit line.
  virtual void requestEnded(const RequestEnded& what) { (void)what; }
  /// Config: opens kyso's settings window; false when this front end has none (a terminal).
  virtual bool openSettings() { return false; }
  /// The handwriting ("signature") or seal ("seal") image configured for the person, if any.
  virtual std::optional<std::filesystem::path> image(const std::string& role) {
    (void)role;
    return std::nullopt;
  }
};

}  // namespace kyso::service
