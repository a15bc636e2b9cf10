// `kyso sign`: PAdES signatures on PDFs (issue 5), one file or a batch with one token login.
//   kyso sign IN.pdf -o OUT.pdf [--force]
//   kyso sign A.pdf B.pdf ... --out-dir DIR [--skip-existing]
//   --level B-B|B-T|B-LT|B-LTA (default B-B, B-T with --tsa), --tsa URL, --reason, --location,
//   --contact, --field NAME, --certify 1|2|3, --lock-fields, --subfilter ETSI.CAdES.detached|
//   adbe.pkcs7.detached, --trust-anchor FILE (chain building for B-LT), the token options
//   (token_options.h) or, for tests and files kept on disk, --key-file/--cert-file/--chain-file
//   (PEM, unencrypted), and the appearance options (appearance_options.h).
// This file turns the options into a jobs::PdfSignJob (src/jobs/pdf_sign_job.h: the pipeline, the
// commits, the stop policy) and its results into a table; non-PDF inputs and --detached go to
// sign_detached.cpp.
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "certs/cert_info.h"
#include "core/log.h"
#include "core/messages.h"
#include "src/cli/commands/appearance_options.h"
#include "src/cli/commands/chain_trust_option.h"
#include "src/cli/detached/signing_key_options.h"
#include "src/cli/kyso/args.h"
#include "src/cli/kyso/commands.h"
#include "src/cli/kyso/exit_codes.h"
#include "src/cli/kyso/token_options.h"
#include "src/jobs/document_format.h"
#include "src/jobs/pdf_sign_job.h"
#include "src/pdf/active_content.h"

namespace kyso::cli {
namespace {
namespace fs = std::filesystem;

constexpr const char* kSignHelp =
    "Usage: kyso sign IN.pdf -o OUT.pdf [options]\n"
    "       kyso sign A.pdf B.pdf ... --out-dir DIR [options]\n"
    "Signs PDFs with PAdES signatures as incremental updates (the original bytes are kept).\n"
    "Other files, or --detached, make detached CMS signatures (see kyso sign --detached "
    "--help).\n\n";

struct FileOutcome {
  std::string input, output;
  std::string status;  // "signed", "skipped", "failed", "not attempted"
  std::string detail;
};

int exitCodeForFileError(const Error& e) {
  switch (e.kind) {
    case Errc::NotAPdf:
    case Errc::PdfDamaged:
    case Errc::PdfEncrypted:
    case Errc::FileNotFound:
    case Errc::FileUnreadable:
    case Errc::PdfCertifiedLocked:
    case Errc::PdfFieldNotFound:
    case Errc::PdfPageOutOfRange:
    case Errc::FileExists:
    case Errc::OutputNotWritable:
    case Errc::DiskFull:
      return kExitInputError;
    case Errc::UsageError:
      return kExitUsage;
    default:
      return e.domain == Domain::Pkcs11 ? kExitTokenError : kExitSignatureFailed;
  }
}

void printTable(const std::vector<FileOutcome>& rows) {
  std::size_t w = 4;
  for (const auto& r : rows) w = std::max(w, r.input.size());
  std::printf("%-*s  %-13s  %s\n", static_cast<int>(w), "FILE", "RESULT", "DETAIL");
  for (const auto& r : rows)
    std::printf("%-*s  %-13s  %s\n", static_cast<int>(w), r.input.c_str(), r.status.c_str(),
                r.detail.c_str());
}

// Prints, for each input, what in it can change what it shows after signing. False when
// `refuse` and at least one input has such content (nothing is signed then).
bool warnActiveContent(const std::vector<FileOutcome>& rows, bool refuse) {
  const Lang lang = defaultLang();
  const bool vi = lang == Lang::Vi;
  bool found = false;
  for (const auto& r : rows) {
    const auto sentences = pdf::activeContentWarnings(r.input, lang);
    if (sentences.empty()) continue;
    found = true;
    const char* what = refuse ? (vi ? "từ chối" : "refused") : (vi ? "cảnh báo" : "warning");
    for (const auto& sentence : sentences)
      std::fprintf(stderr, "kyso: %s: %s: %s\n", what, r.input.c_str(), sentence.c_str());
  }
  if (found && refuse)
    std::fprintf(stderr, vi ? "kyso: không ký tài liệu nào (--refuse-active-content).\n"
                            : "kyso: nothing was signed (--refuse-active-content).\n");
  return !(found && refuse);
}

// Progress on stderr, appearance notes, and one table row per file.
class SignPrinter : public jobs::BatchObserver {
 public:
  explicit SignPrinter(std::vector<FileOutcome>& rows) : m_rows(rows) {}
  void started(std::size_t index, std::size_t total) override {
    if (total > 1)
      std::fprintf(stderr, "[%zu/%zu] %s\n", index + 1, total, m_rows[index].input.c_str());
  }
  void note(std::size_t, const Error& note) override {
    std::fprintf(stderr, "kyso sign: %s\n", describe(note).c_str());
  }
  void finished(const jobs::ItemResult& r) override {
    using State = jobs::ItemResult::State;
    FileOutcome& row = m_rows[r.index];
    switch (r.state) {
      case State::Done:
        row.status = "signed";
        row.detail = r.level + ", " + r.field;
        break;
      case State::Skipped:
        row.status = "skipped";
        row.detail = "output exists";
        break;
      case State::Failed:
        row.status = "failed";
        row.detail = describe(*r.error);
        if (m_rows.size() == 1) printError("Signing " + row.input + " failed", *r.error);
        break;
      case State::NotAttempted:
        row.status = "not attempted";
        break;
    }
  }

 private:
  std::vector<FileOutcome>& m_rows;
};

int usageError(const std::string& what) {
  printError("kyso sign", Error::kyso(Errc::UsageError, "kyso sign", what));
  return kExitUsage;
}

void declareSignOptions(ArgParser& p) {
  addTokenOptions(p, ForceFlag::Separate);
  addAppearanceOptions(p);
  p.value("output", 'o', "output file (one input)")
      .value("out-dir", 0, "output folder (any number of inputs; same file names)")
      .flag("force", 0, "replace an existing output file (a final PIN try needs --force-login)")
      .flag("skip-existing", 0, "with --out-dir: skip inputs whose output already exists")
      .value("level", 0, "B-B | B-T | B-LT | B-LTA (default B-B, B-T with --tsa)")
      .value("tsa", 0, "RFC 3161 timestamp authority URL (B-T and above)")
      .value("reason", 0, "reason for signing")
      .value("location", 0, "place of signing")
      .value("contact", 0, "signer's contact information")
      .value("field", 0, "sign this existing empty signature field")
      .value("certify", 0,
             "1|2|3: certification signature allowing no changes / forms / annotations")
      .flag("lock-fields", 0, "lock all form fields once signed (FieldMDP)")
      .flag("refuse-active-content", 0,
            "refuse documents with scripts, XFA forms, missing objects or wrong stream lengths "
            "(default: warn before the PIN is asked)")
      .value("subfilter", 0, "ETSI.CAdES.detached (default) | adbe.pkcs7.detached")
      .multi("trust-anchor", 0, "extra trusted certificate file for B-LT chain building")
      .value("key-file", 0, "signing key as a PEM file instead of a token (unencrypted)")
      .value("cert-file", 0, "with --key-file: the signer's certificate (PEM)")
      .value("chain-file", 0, "with --key-file: intermediate certificates (PEM)")
      .flag("help", 'h', "this text");
}

// The job's settings from the options (everything but the trust store and the appearance).
int settingsFromOptions(const ArgParser& p, jobs::PdfSignSettings& settings) {
  pdf::SignatureOptions& sig = settings.signature;
  sig.reason = p.getOr("reason", "");
  sig.location = p.getOr("location", "");
  sig.contact = p.getOr("contact", "");
  sig.fieldName = p.getOr("field", "");
  sig.lockFields = p.has("lock-fields");
  sig.subFilter = p.getOr("subfilter", "ETSI.CAdES.detached");
  if (sig.subFilter != "ETSI.CAdES.detached" && sig.subFilter != "adbe.pkcs7.detached")
    return usageError("--subfilter must be ETSI.CAdES.detached or adbe.pkcs7.detached");
  if (auto c = p.get("certify")) {
    if (*c != "1" && *c != "2" && *c != "3") return usageError("--certify must be 1, 2 or 3");
    sig.certifyP = std::stoi(*c);
  }
  settings.tsaUrl = p.get("tsa");
  auto level = pdf::parsePadesLevel(p.getOr("level", settings.tsaUrl ? "B-T" : "B-B"));
  if (!level) return usageError("--level must be B-B, B-T, B-LT or B-LTA");
  if (*level != pdf::PadesLevel::BB && !settings.tsaUrl)
    return usageError("B-T and above need --tsa URL");
  settings.level = *level;
  settings.overwrite = p.has("force");
  settings.skipExisting = p.has("skip-existing");
  return kExitOk;
}

// The folder `flag` names can be written to (refused now, before the PIN is asked).
int checkWritableFolder(const fs::path& folder, const char* flag) {
  std::error_code ec;
  if (fs::is_directory(folder, ec) && ::access(folder.c_str(), W_OK | X_OK) == 0) return kExitOk;
  printError("kyso sign", Error::kyso(Errc::OutputNotWritable, flag, folder.string()));
  return kExitInputError;
}

// One row per input with its output, decided before anything is signed.
int planOutputs(const ArgParser& p, std::vector<FileOutcome>& rows) {
  const auto& inputs = p.positional();
  std::error_code ec;
  if (!p.has("out-dir")) {
    rows.push_back({inputs.front(), *p.get("output"), "", ""});
    fs::path folder = fs::path(rows.front().output).parent_path();
    if (int rc = checkWritableFolder(folder.empty() ? "." : folder, "-o"); rc != kExitOk) return rc;
    if (fs::exists(rows.front().output, ec) &&
        fs::equivalent(rows.front().output, inputs.front(), ec))
      return usageError("the output must not be the input");
    return kExitOk;
  }
  fs::path dir = *p.get("out-dir");
  // A new folder is made (the README's `--out-dir signed/`).
  if (!fs::exists(dir, ec)) fs::create_directories(dir, ec);
  if (int rc = checkWritableFolder(dir, "--out-dir"); rc != kExitOk) return rc;
  for (const auto& in : inputs) {
    fs::path out = dir / fs::path(in).filename();
    if (fs::exists(out, ec) && fs::equivalent(out, in, ec))
      return usageError("--out-dir would replace the input " + in);
    for (const auto& r : rows)
      if (r.output == out.string())
        return usageError("two inputs named " + out.filename().string() +
                          " would share one output");
    rows.push_back({in, out.string(), "", ""});
  }
  return kExitOk;
}

// The table, the folder flush errors and the exit code.
int report(const jobs::BatchSummary& summary, const std::vector<FileOutcome>& rows) {
  std::size_t failed = summary.failed + summary.notAttempted;
  for (const auto& e : summary.flushErrors) {
    printError("Flushing an output folder to disk failed", e);
    ++failed;
  }
  if (rows.size() > 1) printTable(rows);
  if (failed == 0) return kExitOk;
  if (rows.size() == 1 && summary.firstError) return exitCodeForFileError(*summary.firstError);
  if (rows.size() == 1 && !summary.flushErrors.empty())
    return exitCodeForFileError(summary.flushErrors.front());
  return kExitSignatureFailed;
}

}  // namespace

int runSign(const Args& args) {
  if (wantsDetached(args)) return runSignDetached(args);
  ArgParser p;
  declareSignOptions(p);
  if (auto st = p.parse(args); !st.ok()) {
    printError("kyso sign", st.error());
    return kExitUsage;
  }
  if (p.has("help")) {
    std::printf("%s%s", kSignHelp, p.optionHelp().c_str());
    return kExitOk;
  }
  const auto& inputs = p.positional();
  if (inputs.empty()) {
    std::fprintf(stderr, "%s%s", kSignHelp, p.optionHelp().c_str());
    return kExitUsage;
  }
  std::size_t pdfs = 0;
  for (const auto& in : inputs)
    pdfs += jobs::signingMethodFor(in) == jobs::SigningMethod::Pades ? 1 : 0;
  if (pdfs == 0) return runSignDetached(args);
  if (pdfs != inputs.size())
    return usageError("PDF and non-PDF inputs cannot be mixed; use --detached");
  if (p.has("output") == p.has("out-dir"))
    return usageError("give exactly one of -o and --out-dir");
  if (p.has("output") && inputs.size() != 1) return usageError("-o takes one input; use --out-dir");
  jobs::PdfSignSettings settings;
  if (int rc = settingsFromOptions(p, settings); rc != kExitOk) return rc;
  std::vector<FileOutcome> rows;
  if (int rc = planOutputs(p, rows); rc != kExitOk) return rc;
  // What could change a document's appearance after signing, and the anchors for B-LT chains,
  // come before the PIN is asked.
  if (!warnActiveContent(rows, p.has("refuse-active-content"))) return kExitInputError;
  if (int rc = chainTrustFromOptions(p, settings.level, settings.trust); rc != kExitOk) return rc;

  // One identity (one token login) for the whole batch.
  std::unique_ptr<CliToken> token;
  jobs::SigningKey key;
  if (int rc = signingKeyFromOptions(p, token, key); rc != kExitOk) return rc;
  X509_NAME* subject = X509_get_subject_name(key.identity.cert.get());
  const SignerDetails details{certs::commonName(subject), certs::nameEntry(subject, NID_title),
                              certs::nameEntry(subject, NID_organizationName)};
  settings.appearance = [&](std::size_t, const jobs::SignInput& item,
                            std::chrono::system_clock::time_point signingTime) {
    return appearanceFromOptions(p, item.input, details, signingTime);
  };
  std::vector<jobs::SignInput> items;
  for (const auto& r : rows) items.push_back({r.input, r.output, false});
  SignPrinter printer(rows);
  return report(jobs::PdfSignJob::run(items, key, settings, printer), rows);
}

}  // namespace kyso::cli
