// `kyso sign`: PAdES signatures on PDFs (issue 5), one file or a batch with one token login.
//   kyso sign IN.pdf -o OUT.pdf [--force]
//   kyso sign A.pdf B.pdf ... --out-dir DIR [--skip-existing]
//   --level B-B|B-T|B-LT|B-LTA (default B-B, B-T with --tsa), --tsa URL, --reason, --location,
//   --contact, --field NAME, --certify 1|2|3, --lock-fields, --subfilter ETSI.CAdES.detached|
//   adbe.pkcs7.detached, --trust-anchor FILE (chain building for B-LT), the token options
//   (token_options.h) or, for tests and files kept on disk, --key-file/--cert-file/--chain-file
//   (PEM, unencrypted), and the appearance options (appearance_options.h).
// Files are signed one after another on one session; a bad file is reported and the batch goes
// on; a token error (removed, PIN) stops it. Non-PDF inputs and --detached go to the CMS signer.
#include <openssl/pem.h>
#include <unistd.h>

#include <cstdio>
#include <deque>
#include <filesystem>
#include <future>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "certs/cert_info.h"
#include "certs/trust_store.h"
#include "pkcs11/evp_bridge.h"
#include "src/cli/appearance_options.h"
#include "src/cli/args.h"
#include "src/cli/commands.h"
#include "src/cli/exit_codes.h"
#include "src/cli/token_options.h"
#include "src/core/commit_pool.h"
#include "src/core/log.h"
#include "src/core/messages.h"
#include "src/pdf/active_content.h"
#include "src/pdf/pades.h"
#include "src/pdf/pades_services.h"

namespace kyso::cli {
namespace {
namespace fs = std::filesystem;

constexpr const char* kSignHelp =
    "Usage: kyso sign IN.pdf -o OUT.pdf [options]\n"
    "       kyso sign A.pdf B.pdf ... --out-dir DIR [options]\n"
    "Signs PDFs with PAdES signatures as incremental updates (the original bytes are kept).\n"
    "Other files, or --detached, make detached CMS signatures (see kyso sign --detached "
    "--help).\n\n";

bool endsWithPdf(const std::string& s) {
  if (s.size() < 4) return false;
  std::string ext = s.substr(s.size() - 4);
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext == ".pdf";
}

int noPrompt(char*, int, int, void*) {
  return -1;
}

// A SigningIdentity from PEM files (a key kept on disk; tests and servers without tokens).
Result<SigningIdentity> identityFromFiles(const fs::path& cert, const fs::path& key,
                                          const std::optional<fs::path>& chain) {
  SigningIdentity id;
  KYSO_ASSIGN_OR_RETURN(auto certs, certs::loadCertificates(cert));
  if (certs.empty()) return Error::kyso(Errc::CertificateNotFound, "--cert-file", cert.string());
  id.cert = std::move(certs.front());
  ossl::Ptr<BIO> kb(BIO_new_file(key.c_str(), "r"));
  if (!kb) return Error::kyso(Errc::FileUnreadable, "--key-file", key.string());
  id.key.reset(PEM_read_bio_PrivateKey(kb.get(), nullptr, noPrompt, nullptr));
  if (!id.key) return Error::openssl("PEM_read_bio_PrivateKey", key.string(), Errc::KeyNotFound);
  if (X509_check_private_key(id.cert.get(), id.key.get()) != 1)
    return Error::openssl("X509_check_private_key", key.string(), Errc::KeyNotFound);
  id.chain.reset(sk_X509_new_null());
  if (chain) {
    KYSO_ASSIGN_OR_RETURN(auto more, certs::loadCertificates(*chain));
    for (auto& c : more) sk_X509_push(id.chain.get(), c.release());
  }
  id.description = certs::commonName(X509_get_subject_name(id.cert.get()));
  return id;
}

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

bool isTokenFailure(const Error& e) {
  return e.domain == Domain::Pkcs11 || e.kind == Errc::TokenRemoved ||
         e.kind == Errc::PinIncorrect || e.kind == Errc::PinLocked ||
         e.kind == Errc::NoTokenPresent;
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

}  // namespace

int runSign(const Args& args) {
  if (wantsDetached(args)) return runSignDetached(args);

  ArgParser p;
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
  for (const auto& in : inputs) pdfs += endsWithPdf(in) ? 1 : 0;
  if (pdfs == 0) return runSignDetached(args);
  auto usage = [](const std::string& what) {
    printError("kyso sign", Error::kyso(Errc::UsageError, "kyso sign", what));
    return kExitUsage;
  };
  if (pdfs != inputs.size()) return usage("PDF and non-PDF inputs cannot be mixed; use --detached");
  if (p.has("output") == p.has("out-dir")) return usage("give exactly one of -o and --out-dir");
  if (p.has("output") && inputs.size() != 1) return usage("-o takes one input; use --out-dir");

  pdf::SignatureOptions sig;
  sig.reason = p.getOr("reason", "");
  sig.location = p.getOr("location", "");
  sig.contact = p.getOr("contact", "");
  sig.fieldName = p.getOr("field", "");
  sig.lockFields = p.has("lock-fields");
  sig.subFilter = p.getOr("subfilter", "ETSI.CAdES.detached");
  if (sig.subFilter != "ETSI.CAdES.detached" && sig.subFilter != "adbe.pkcs7.detached")
    return usage("--subfilter must be ETSI.CAdES.detached or adbe.pkcs7.detached");
  if (auto c = p.get("certify")) {
    if (*c != "1" && *c != "2" && *c != "3") return usage("--certify must be 1, 2 or 3");
    sig.certifyP = std::stoi(*c);
  }
  std::optional<std::string> tsa = p.get("tsa");
  auto level = pdf::parsePadesLevel(p.getOr("level", tsa ? "B-T" : "B-B"));
  if (!level) return usage("--level must be B-B, B-T, B-LT or B-LTA");
  if (*level != pdf::PadesLevel::BB && !tsa) return usage("B-T and above need --tsa URL");
  if (!p.has("key-file") && (p.has("cert-file") || p.has("chain-file")))
    return usage("--cert-file and --chain-file go with --key-file");

  // Outputs, decided before anything is signed.
  std::vector<FileOutcome> rows;
  if (p.has("out-dir")) {
    fs::path dir = *p.get("out-dir");
    std::error_code ec;
    // A new folder is made (the README's `--out-dir signed/`); one that cannot be written to is
    // refused now, before the PIN is asked.
    if (!fs::exists(dir, ec)) fs::create_directories(dir, ec);
    if (!fs::is_directory(dir, ec) || ::access(dir.c_str(), W_OK | X_OK) != 0) {
      printError("kyso sign", Error::kyso(Errc::OutputNotWritable, "--out-dir", dir.string()));
      return kExitInputError;
    }
    for (const auto& in : inputs) {
      fs::path out = dir / fs::path(in).filename();
      if (fs::exists(out, ec) && fs::equivalent(out, in, ec))
        return usage("--out-dir would replace the input " + in);
      for (const auto& r : rows)
        if (r.output == out.string())
          return usage("two inputs named " + out.filename().string() + " would share one output");
      rows.push_back({in, out.string(), "", ""});
    }
  } else {
    rows.push_back({inputs.front(), *p.get("output"), "", ""});
    std::error_code ec;
    fs::path folder = fs::path(rows.front().output).parent_path();
    if (folder.empty()) folder = ".";
    if (!fs::is_directory(folder, ec) || ::access(folder.c_str(), W_OK | X_OK) != 0) {
      printError("kyso sign", Error::kyso(Errc::OutputNotWritable, "-o", folder.string()));
      return kExitInputError;
    }
    if (fs::exists(rows.front().output, ec) &&
        fs::equivalent(rows.front().output, inputs.front(), ec))
      return usage("the output must not be the input");
  }

  // What could change a document's appearance after signing is said before the PIN is asked.
  if (!warnActiveContent(rows, p.has("refuse-active-content"))) return kExitInputError;

  // One identity (one token login) for the whole batch.
  std::unique_ptr<CliToken> token;
  Result<SigningIdentity> idr = Error::kyso(Errc::KeyNotFound, "identity");
  if (p.has("key-file")) {
    if (!p.has("cert-file")) return usage("--key-file needs --cert-file");
    std::optional<fs::path> chain;
    if (auto c = p.get("chain-file")) chain = fs::path(*c);
    idr = identityFromFiles(*p.get("cert-file"), *p.get("key-file"), chain);
    if (!idr.ok()) {
      printError("Reading the signing key failed", idr.error());
      return kExitInputError;
    }
  } else {
    auto tok = openSelectedToken(p);
    if (!tok.ok()) {
      printError("Opening the token failed", tok.error());
      return exitCodeFor(tok.error());
    }
    token = std::move(*tok);
    idr = token->signingIdentity();
    if (!idr.ok()) {
      printError("Reading the signing key failed", idr.error());
      return exitCodeFor(idr.error());
    }
  }
  const SigningIdentity& id = *idr;
  sig.signerName = certs::commonName(X509_get_subject_name(id.cert.get()));

  certs::HttpOptions http;
  // The shipped anchors are only needed to build chains for B-LT; loading them costs start-up time.
  const bool needTrust = *level == pdf::PadesLevel::BLT || *level == pdf::PadesLevel::BLTA;
  auto store = needTrust ? certs::TrustStore::loadShipped()
                         : Result<certs::TrustStore>(certs::TrustStore::empty());
  certs::TrustStore trust = store.ok() ? std::move(*store) : certs::TrustStore::empty();
  for (const auto& a : p.all("trust-anchor")) {
    if (auto st = trust.addAnchors(a, "admin"); !st.ok()) {
      printError("Reading --trust-anchor failed", st.error());
      return kExitInputError;
    }
  }
  pdf::CmsContentsMaker signer(id, tsa, http);
  std::optional<pdf::TsaContentsMaker> docTs;
  if (tsa) docTs.emplace(*tsa, http);
  pdf::NetworkLtvSource ltv(trust, http);
  SignerDetails details{
      sig.signerName, certs::nameEntry(X509_get_subject_name(id.cert.get()), NID_title),
      certs::nameEntry(X509_get_subject_name(id.cert.get()), NID_organizationName)};

  const auto overwrite =
      p.has("force") ? AtomicFile::Overwrite::Allow : AtomicFile::Overwrite::Refuse;
  int failed = 0;
  std::optional<Error> firstError;
  bool stop = false;
  auto fail = [&](FileOutcome& row, const Error& e) {
    ++failed;
    row.status = "failed";
    row.detail = describe(e);
    if (!firstError) firstError = e;
    if (rows.size() == 1) printError("Signing " + row.input + " failed", e);
    log::debug(e.technical());
  };
  // Commits (fsync, rename) run on the CommitPool's threads while the next file is signed: the
  // token still signs one file at a time, and waits on the disk overlap and coalesce. Each output
  // folder is fsynced once at the end (DirSync::Deferred), not once per file: every file's data is
  // on disk before its rename either way.
  struct Pending {
    std::size_t row;
    std::future<Status> done;
  };
  CommitPool commits;
  std::deque<Pending> pending;
  auto finishOne = [&] {
    Pending pc = std::move(pending.front());
    pending.pop_front();
    Status st = pc.done.get();
    if (!st.ok()) fail(rows[pc.row], st.error());
  };
  constexpr std::size_t kMaxPendingCommits = 16;
  // Two files are prepared at once (read, hash, build the update, CMS) so that one is being
  // hashed and written while the other's signature is computed: the token still signs one
  // digest at a time (its device worker queues them). Each lane has its own CMS maker (it keeps
  // the last size as the next estimate). B-LT and B-LTA fetch revocation data through one shared
  // source, and visible appearances are made one after another: those run one file at a time.
  const bool twoLanes = (*level == pdf::PadesLevel::BB || *level == pdf::PadesLevel::BT);
  const std::size_t lanes = twoLanes ? 2 : 1;
  std::vector<std::unique_ptr<pdf::CmsContentsMaker>> laneSigner;
  laneSigner.push_back(nullptr);  // lane 0 uses `signer`
  for (std::size_t l = 1; l < lanes; ++l)
    laneSigner.push_back(std::make_unique<pdf::CmsContentsMaker>(id, tsa, http));
  struct Outcome {
    std::optional<Result<pdf::PreparedPades>> prepared;
    std::optional<Error> tokenError;
  };
  struct InFlight {
    std::size_t row;
    std::unique_ptr<appearance::Appearance> ap;  // borrowed by the request until done
    std::future<Outcome> done;
  };
  std::deque<InFlight> inFlight;
  auto collect = [&] {
    InFlight f = std::move(inFlight.front());
    inFlight.pop_front();
    Outcome o = f.done.get();
    auto& row = rows[f.row];
    Result<pdf::PreparedPades>& prepared = *o.prepared;
    if (prepared.ok()) {
      row.status = "signed";
      row.detail =
          std::string(pdf::padesLevelName(*level)) + ", " + prepared->result.signature.fieldName;
      pending.push_back({f.row, commits.commit(std::move(prepared->output).takeFile())});
      while (pending.size() >= kMaxPendingCommits) finishOne();
      return;
    }
    // A token-backed key reports through OpenSSL; the token's own error says what happened.
    Error err = o.tokenError ? *o.tokenError : prepared.error();
    fail(row, err);
    // A removed token or a PIN problem will fail every later file too: stop, keep what is done.
    if (isTokenFailure(err)) stop = true;
  };
  for (std::size_t i = 0; i < rows.size(); ++i) {
    auto& row = rows[i];
    if (stop) {
      row.status = "not attempted";
      ++failed;
      continue;
    }
    std::error_code ec;
    if (p.has("skip-existing") && fs::exists(row.output, ec)) {
      row.status = "skipped";
      row.detail = "output exists";
      continue;
    }
    if (rows.size() > 1)
      std::fprintf(stderr, "[%zu/%zu] %s\n", i + 1, rows.size(), row.input.c_str());
    pdf::PadesRequest req;
    req.input = row.input;
    req.output = row.output;
    req.overwrite = overwrite;
    req.sig = sig;
    req.sig.signingTime = std::chrono::system_clock::now();
    req.level = *level;
    auto ap = appearanceFromOptions(p, req.input, details, req.sig.signingTime);
    if (!ap.ok()) {
      fail(row, ap.error());
      continue;
    }
    InFlight f{i, nullptr, {}};
    if (ap->has_value()) {
      printAppearanceNotes(**ap);
      f.ap = std::make_unique<appearance::Appearance>(std::move(**ap));
      req.sig.appearance = f.ap.get();
    }
    // The lane of the file before last is free once that file is collected.
    while (inFlight.size() >= lanes) collect();
    if (stop) {
      row.status = "not attempted";
      ++failed;
      continue;
    }
    pdf::ContentsMaker& maker =
        laneSigner[i % lanes] ? *laneSigner[i % lanes] : static_cast<pdf::ContentsMaker&>(signer);
    f.done = std::async(std::launch::async, [req = std::move(req), &maker, &ltv, &docTs] {
      Outcome o;
      o.prepared.emplace(pdf::preparePdfSignature(req, maker, &ltv, docTs ? &*docTs : nullptr));
      if (!o.prepared->ok()) o.tokenError = p11::takeLastTokenError();  // this thread's
      return o;
    });
    inFlight.push_back(std::move(f));
  }
  while (!inFlight.empty()) collect();
  while (!pending.empty()) finishOne();
  std::set<fs::path> outputDirs;
  for (const auto& row : rows)
    if (row.status == "signed") outputDirs.insert(fs::path(row.output).parent_path());
  for (const auto& dir : outputDirs)
    if (auto st = syncDirectory(dir); !st.ok()) {
      printError("Flushing the folder " + dir.string() + " to disk failed", st.error());
      if (!firstError) firstError = st.error();
      ++failed;
    }
  if (rows.size() > 1) printTable(rows);
  if (failed == 0) return kExitOk;
  if (rows.size() == 1 && firstError) return exitCodeForFileError(*firstError);
  return kExitSignatureFailed;
}

}  // namespace kyso::cli
