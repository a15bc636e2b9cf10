// kyso_sign_batch_driver: the app's batch (ui::SignBatch, what the Sign tab runs) without a
// window, for the token-call test and the latency bench (issue 22, item 6). It does what the tab
// does once the person presses Sign: the certificate is the one listSigningCertificates() offers
// for the token, the PDFs are checked before the PIN (jobs::findActiveContent, the stamps handed to
// the batch), and SignBatch logs in once and signs every file through the jobs layer. The PIN comes
// from a file (a FixedPinPrompt in place of the dialog).
// Usage: kyso_sign_batch_driver MODULE PIN_FILE OUT_DIR LEVEL TSA|- ANCHOR|- FILE...
// Prints one line per file, then `BATCH_MS=<ms>`: from the check to the batch's end, the time the
// person waits after pressing Sign. Exits 0 when every file was signed.
#include <openssl/crypto.h>

#include <QCoreApplication>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <memory>
#include <string>

#include "pkcs11/device_worker.h"
#include "pkcs11/module.h"
#include "pkcs11/pin_prompt.h"
#include "pkcs11/token_info.h"
#include "src/jobs/active_content_check.h"
#include "src/jobs/document_format.h"
#include "ui/sign/sign_batch.h"
#include "ui/sign/signing_certs.h"

using namespace kyso;
namespace fs = std::filesystem;

namespace {

int fail(const std::string& what) {
  std::fprintf(stderr, "kyso_sign_batch_driver: %s\n", what.c_str());
  return 2;
}

// The token as the Tokens tab sees it: the first present token of `module`.
Result<ui::TokenSnapshot> firstToken(const std::string& module) {
  KYSO_ASSIGN_OR_RETURN(auto m, p11::Module::load(module));
  auto found = p11::listSlots(*m, true);
  if (!found.ok()) return found.error();
  for (const auto& s : *found) {
    if (!s.token) continue;
    ui::TokenSnapshot t;
    t.present = true;
    t.module = QString::fromStdString(module);
    t.serial = QString::fromStdString(s.token->serial);
    t.label = QString::fromStdString(s.token->label);
    return t;
  }
  return Error::kyso(Errc::NoTokenPresent, "listSlots", module);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 8)
    return fail(
        "usage: kyso_sign_batch_driver MODULE PIN_FILE OUT_DIR LEVEL TSA|- ANCHOR|- FILE...");
  QCoreApplication app(argc, argv);
  qRegisterMetaType<ui::SignOutcome>();
  const std::string module = argv[1], tsa = argv[5], anchor = argv[6];
  const fs::path outDir = argv[3];
  std::shared_ptr<p11::PinPrompt> prompt;
  {
    std::string line;
    std::ifstream in(argv[2]);
    if (!std::getline(in, line)) return fail("cannot read the PIN file");
    prompt = std::make_shared<p11::FixedPinPrompt>(line);
    OPENSSL_cleanse(line.data(), line.size());
  }
  auto worker = std::make_shared<p11::DeviceWorker>();

  auto token = firstToken(module);
  if (!token.ok()) return fail(token.error().technical());
  auto listed = ui::listSigningCertificates({*token}, worker);
  listed.waitForFinished();
  auto certs = listed.result();
  if (!certs.ok() || certs->empty())
    return fail(certs.ok() ? "no signing certificate" : certs.error().technical());

  ui::SignSettings st;
  st.cert = certs->front();
  st.level = QString::fromLocal8Bit(argv[4]);
  if (tsa != "-") st.tsaUrl = QString::fromStdString(tsa);
  if (anchor != "-") st.extraAnchors << QString::fromStdString(anchor);
  std::vector<ui::SignItem> items;
  std::vector<fs::path> pdfs;
  for (int i = 7; i < argc; ++i) {
    const QString in = QString::fromLocal8Bit(argv[i]);
    items.push_back({in, ui::signedOutputPath(in, QString::fromStdString(outDir.string())), false,
                     std::nullopt});
    if (jobs::formatOf(argv[i]) == jobs::DocumentFormat::Pdf) pdfs.emplace_back(argv[i]);
  }

  const auto t0 = std::chrono::steady_clock::now();
  st.checked = std::make_shared<jobs::CheckedPdfs>();
  const auto findings = jobs::findActiveContent(pdfs, Lang::En, st.checked.get());
  if (!findings.empty()) return fail("the check before the PIN found active content");

  ui::SignBatch batch(worker, prompt);
  int signedCount = 0;
  QObject::connect(&batch, &ui::SignBatch::itemFinished, [&](const ui::SignOutcome& o) {
    if (o.state == ui::SignOutcome::State::Signed) ++signedCount;
    std::printf("%d %s: %s\n", o.index,
                o.state == ui::SignOutcome::State::Signed ? "signed" : "not signed",
                o.detail.toStdString().c_str());
  });
  QString failure;
  QObject::connect(&batch, &ui::SignBatch::finished, [&](bool, const QString& f) {
    failure = f;
    app.quit();
  });
  if (!batch.start(std::move(items), st)) return fail("the batch did not start");
  app.exec();
  const auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0);
  std::printf("BATCH_MS=%.0f\n", ms.count());
  if (!failure.isEmpty()) return fail(failure.toStdString());
  return signedCount == argc - 7 ? 0 : 1;
}
