// `kyso sign FILE... --detached`: detached CAdES signatures (FILE.p7s) for any file, with one
// token login for the whole batch.
//   kyso sign report.docx --detached                      -> report.docx.p7s
//   kyso sign *.xlsx --detached --out-dir signed/ --level B-T --tsa http://tsa.example/
//   kyso sign report.docx --detached --pss --digest sha384  -> RSASSA-PSS (RSA keys only)
// Each file is hashed in one streaming pass (never held in memory) and its .p7s written through
// AtomicFile (temporary file + rename). The key comes from the token options (token_options.h);
// --key-file/--cert-file/--chain-file (PEM, unencrypted key) are a developer and test path for
// keys kept on disk, not for officials' keys. A bad file is reported and the batch goes on; a
// token error stops it.
#include <openssl/pem.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <deque>
#include <filesystem>
#include <future>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "certs/cert_info.h"
#include "certs/chain.h"
#include "certs/trust_store.h"
#include "pkcs11/evp_bridge.h"
#include "src/cli/args.h"
#include "src/cli/commands.h"
#include "src/cli/exit_codes.h"
#include "src/cli/signing_lanes.h"
#include "src/cli/token_options.h"
#include "src/cms/signed_data_template.h"
#include "src/cms/signer.h"
#include "src/core/atomic_file.h"
#include "src/core/commit_pool.h"
#include "src/core/json.h"
#include "src/core/messages.h"
#include "src/core/paths.h"

namespace kyso::cli {
namespace {
namespace fs = std::filesystem;

constexpr const char* kHelp =
    "Usage: kyso sign FILE... --detached [options]\n"
    "Makes a detached CAdES signature FILE.p7s for each FILE (any kind of file), with one token\n"
    "login for all of them. --key-file/--cert-file are for tests and developers only.\n\n";

int noPassphrase(char*, int, int, void*) {
  return -1;
}

Result<SigningIdentity> identityFromPem(const std::string& certFile, const std::string& keyFile,
                                        const std::optional<std::string>& chainFile) {
  SigningIdentity id;
  KYSO_ASSIGN_OR_RETURN(auto certs, certs::loadCertificates(certFile));
  id.cert = std::move(certs.front());
  ossl::Ptr<BIO> kb(BIO_new_file(keyFile.c_str(), "r"));
  if (!kb) return Error::kyso(Errc::FileUnreadable, "--key-file", keyFile);
  id.key.reset(PEM_read_bio_PrivateKey(kb.get(), nullptr, noPassphrase, nullptr));
  if (!id.key) return Error::openssl("PEM_read_bio_PrivateKey", keyFile, Errc::KeyNotFound);
  if (X509_check_private_key(id.cert.get(), id.key.get()) != 1)
    return Error::openssl("X509_check_private_key", keyFile, Errc::KeyNotFound);
  id.chain.reset(sk_X509_new_null());
  if (chainFile) {
    KYSO_ASSIGN_OR_RETURN(auto more, certs::loadCertificates(*chainFile));
    for (auto& c : more) sk_X509_push(id.chain.get(), c.release());
  }
  id.description = certs::commonName(X509_get_subject_name(id.cert.get()));
  return id;
}

// A removed token or a PIN problem fails every later file too: the batch stops there.
bool stopsTheBatch(const Error& e) {
  return e.kind == Errc::TokenRemoved || e.kind == Errc::PinLocked || e.kind == Errc::PinIncorrect;
}

// Signs one file and stages its .p7s in a temporary file; the caller commits it (fsync + rename).
// An output that exists already (without --force) is refused before the token signs anything: a
// batch run again over a folder must not spend a USB token's seconds on signatures it throws away.
Result<AtomicFile> signOne(const cms::SignedDataTemplate& tmpl, const SigningIdentity& id,
                           const std::string& in, const fs::path& out, bool force) {
  std::error_code ec;
  if (!fs::is_regular_file(in, ec)) return Error::kyso(Errc::FileNotFound, "sign", in);
  if (!force && fs::exists(out, ec)) return Error::kyso(Errc::FileExists, "open", out.string());
  KYSO_ASSIGN_OR_RETURN(auto digest, cms::digestFile(in, cms::digestNid(tmpl.options().digest)));
  auto signedDer = cms::signDigestSlowly(tmpl, id, digest);
  // A token failure surfaces from OpenSSL as a generic error: report the token's own instead
  // (TokenRemoved, MechanismUnsupported, ... with its CK_RV).
  if (!signedDer.ok()) {
    if (auto tokenErr = p11::takeLastTokenError()) return *tokenErr;
    return signedDer.error();
  }
  auto der = std::move(signedDer).value();
  KYSO_ASSIGN_OR_RETURN(auto file, AtomicFile::create(out, force ? AtomicFile::Overwrite::Allow
                                                                 : AtomicFile::Overwrite::Refuse));
  KYSO_TRY(file.write(std::as_bytes(std::span<const std::uint8_t>(der))));
  return file;
}

}  // namespace

int runSignDetached(const Args& args) {
  ArgParser p;
  addTokenOptions(p, ForceFlag::Separate);
  p.flag("detached", 0, "make detached CMS signatures (implied for non-PDF files)")
      .value("output", 'o', "output file (one input; default FILE.p7s)")
      .value("out-dir", 0, "output folder (FILE.p7s files go there)")
      .flag("force", 0, "replace existing .p7s files (a final PIN try needs --force-login)")
      .value("level", 0, "B-B (default) | B-T (adds a signature timestamp; needs --tsa)")
      .value("tsa", 0, "RFC 3161 timestamp authority URL")
      .value("digest", 0, "sha256 (default) | sha384 | sha512")
      .flag("pss", 0, "RSA keys: sign RSASSA-PSS (MGF1 with the digest, salt = digest length)")
      .flag("no-signing-time", 0, "omit the signingTime attribute")
      .flag("no-chain", 0, "do not include the intermediate certificates")
      .flag("offline", 0, "do not fetch missing intermediate certificates (AIA)")
      .value("proxy", 0, "HTTP proxy for the TSA and AIA (\"none\": no proxy)")
      .value("timeout", 0, "network timeout in seconds (default 15)")
      .flag("json", 0, "one JSON object per file (JSON lines)")
      .value("jobs", 'j',
             "signatures at once on a software token or HSM (default: cores, 2-8; USB tokens "
             "always sign one at a time)")
      .value("key-file", 0, "TEST/DEVELOPER PATH: signing key as an unencrypted PEM file")
      .value("cert-file", 0, "with --key-file: the signer's certificate (PEM)")
      .value("chain-file", 0, "with --key-file: intermediate certificates (PEM)")
      .flag("help", 'h', "this text");
  if (auto st = p.parse(args); !st.ok()) {
    printError("kyso sign --detached", st.error());
    return kExitUsage;
  }
  if (p.has("help")) {
    std::printf("%s%s", kHelp, p.optionHelp().c_str());
    return kExitOk;
  }
  auto usage = [](const std::string& what) {
    printError("kyso sign --detached", Error::kyso(Errc::UsageError, "kyso sign", what));
    return kExitUsage;
  };
  const auto& inputs = p.positional();
  if (inputs.empty()) return usage("no input file");
  if (p.has("output") && inputs.size() != 1)
    return usage("-o needs exactly one input; use --out-dir");

  cms::SignOptions opt;
  std::string digest = p.getOr("digest", "sha256");
  if (digest == "sha256")
    opt.digest = cms::DigestAlg::Sha256;
  else if (digest == "sha384")
    opt.digest = cms::DigestAlg::Sha384;
  else if (digest == "sha512")
    opt.digest = cms::DigestAlg::Sha512;
  else
    return usage("--digest must be sha256, sha384 or sha512");
  opt.rsaPss = p.has("pss");
  opt.signingTime = !p.has("no-signing-time");
  opt.includeChain = !p.has("no-chain");
  std::string level = p.getOr("level", p.has("tsa") ? "B-T" : "B-B");
  if (level == "B-T") {
    if (!p.has("tsa")) return usage("--level B-T needs --tsa URL");
    opt.tsaUrl = *p.get("tsa");
  } else if (level != "B-B") {
    return usage("--level must be B-B or B-T for detached signatures");
  }
  const auto jobsGiven = p.getInt("jobs", 1, 64, static_cast<long>(defaultSigningLanes()));
  if (!jobsGiven) return usage("--jobs must be a number from 1 to 64");
  const auto jobs = static_cast<std::size_t>(*jobsGiven);
  opt.http.proxy = p.getOr("proxy", "");
  try {
    opt.http.timeout = std::chrono::seconds(std::stoi(p.getOr("timeout", "15")));
  } catch (...) {
    return usage("--timeout must be a number of seconds");
  }

  // One identity (one login) for the whole batch.
  std::unique_ptr<CliToken> token;
  SigningIdentity id;
  if (p.has("key-file") || p.has("cert-file")) {
    if (!p.has("key-file") || !p.has("cert-file"))
      return usage("--key-file and --cert-file go together");
    auto r = identityFromPem(*p.get("cert-file"), *p.get("key-file"), p.get("chain-file"));
    if (!r.ok()) {
      printError("Reading the signing key failed", r.error());
      return kExitInputError;
    }
    id = std::move(*r);
  } else {
    auto t = openSelectedToken(p);
    if (!t.ok()) {
      printError("Opening the token failed", t.error());
      return exitCodeFor(t.error());
    }
    token = std::move(*t);
    auto r = token->signingIdentity();
    if (!r.ok()) {
      printError("Reading the signing key failed", r.error());
      return exitCodeFor(r.error());
    }
    id = std::move(*r);
  }
  // Tokens usually hold only the signer's certificate: complete the chain from the shipped
  // intermediates and AIA caIssuers so that verifiers without them can build it.
  if (opt.includeChain && (!id.chain || sk_X509_num(id.chain.get()) == 0)) {
    if (!id.chain) id.chain.reset(sk_X509_new_null());
    auto store = certs::TrustStore::loadShipped();
    certs::TrustStore empty = certs::TrustStore::empty();
    certs::HttpOptions http = opt.http;
    http.offline = p.has("offline");
    certs::ChainBuilder builder(store.ok() ? *store : empty,
                                certs::ChainOptions{http, dataDir() / "cache" / "issuers", 8});
    auto chain = builder.buildSlowly(id.cert.get(), nullptr, std::chrono::system_clock::now(),
                                     certs::Purpose::Any);
    if (chain.ok())
      for (size_t i = 1; i < chain->certs.size(); ++i) {
        X509* c = chain->certs[i].get();
        if (X509_check_issued(c, c) == X509_V_OK) continue;  // roots are not included
        X509_up_ref(c);
        sk_X509_push(id.chain.get(), c);
      }
  }
  if (EVP_PKEY_is_a(id.key.get(), "ED25519")) opt.digest = cms::DigestAlg::Sha512;  // RFC 8419
  if (EVP_PKEY_is_a(id.key.get(), "ED448")) opt.digest = cms::DigestAlg::Shake256;
  // Everything but the digest, the time and the signature is the same for every file.
  auto tmpl = cms::SignedDataTemplate::make(id, opt);
  if (!tmpl.ok()) {
    printError("Preparing the signature failed", tmpl.error());
    return kExitInputError;
  }
  SigningLanes lanes(std::move(id), token ? token->token().worker() : nullptr);
  if (inputs.size() > 1) {
    if (token)
      lanes.addTokenLanes(token->token(), std::min(jobs, inputs.size()));
    else
      lanes.addSharedKeyLanes(std::min(jobs, inputs.size()));
  }

  bool json = p.has("json");
  int rc = kExitOk;
  std::size_t ok = 0;
  bool stop = false;
  std::vector<bool> attempted(inputs.size(), false);
  auto report = [&](std::size_t i, const fs::path& out, const Status& st) {
    attempted[i] = true;
    const std::string& in = inputs[i];
    if (json) {
      Json j = Json::object();
      j.set("file", in);
      j.set("output", out.string());
      j.set("status", st.ok() ? "signed" : "failed");
      j.set("level", level);
      j.set("error", st.ok() ? Json() : Json(std::string(errcName(st.error().kind))));
      j.set("message", st.ok() ? Json() : Json(describe(st.error())));
      std::printf("%s\n", j.dump().c_str());
    } else if (st.ok()) {
      std::printf("Signed: %s -> %s\n", in.c_str(), out.string().c_str());
    } else {
      printError("Signing " + in + " failed", st.error());
    }
    if (st.ok()) {
      ++ok;
      return;
    }
    bool tokenGone = stopsTheBatch(st.error());
    rc = tokenGone ? kExitTokenError : kExitInputError;
    stop = stop || tokenGone;
  };
  // Batches of 32, pipelined: while earlier batches' outputs are committed (fsync + rename) on
  // worker threads, the next batch is signed. Within a batch every lane takes the next file in
  // turn. Results are reported in input order.
  constexpr std::size_t kBatch = 32;
  struct Batch {
    std::vector<std::future<Status>> commits;  // of the signed files, in input order
    std::vector<std::pair<std::size_t, fs::path>> committedInfo;
    std::vector<std::tuple<std::size_t, fs::path, Status>> results;
  };
  std::set<fs::path> committedDirs;  // fsynced once at the end
  auto finish = [&](Batch& b) {
    for (std::size_t j = 0; j < b.commits.size(); ++j) {
      Status st = b.commits[j].get();
      if (st.ok()) committedDirs.insert(b.committedInfo[j].second.parent_path());
      b.results.emplace_back(b.committedInfo[j].first, b.committedInfo[j].second, st);
    }
    std::sort(b.results.begin(), b.results.end(),
              [](const auto& x, const auto& y) { return std::get<0>(x) < std::get<0>(y); });
    for (const auto& [i, out, st] : b.results) report(i, out, st);
  };
  auto outputFor = [&](const std::string& in) {
    return p.has("output") ? fs::path(*p.get("output"))
           : p.has("out-dir")
               ? fs::path(*p.get("out-dir")) / (fs::path(in).filename().string() + ".p7s")
               : fs::path(in + ".p7s");
  };
  const bool force = p.has("force");
  // Batches whose outputs are being committed, oldest first. Signing goes on while up to
  // kMaxCommitting of them flush: a slow disk does not hold the token up.
  constexpr std::size_t kMaxCommitting = 4;
  CommitPool pool;
  std::deque<std::unique_ptr<Batch>> committing;
  auto finishOldest = [&] {
    std::unique_ptr<Batch> b = std::move(committing.front());
    committing.pop_front();
    finish(*b);
  };
  std::atomic<bool> tokenStop{false};
  for (std::size_t first = 0; first < inputs.size() && !tokenStop && !stop; first += kBatch) {
    const std::size_t last = std::min(inputs.size(), first + kBatch);
    std::vector<std::optional<Result<AtomicFile>>> signedFiles(last - first);
    std::atomic<std::size_t> next{first};
    auto signSome = [&](const SigningIdentity& laneId) {
      for (std::size_t i = next++; i < last && !tokenStop; i = next++) {
        auto r = signOne(*tmpl, laneId, inputs[i], outputFor(inputs[i]), force);
        if (!r.ok() && stopsTheBatch(r.error())) tokenStop = true;
        signedFiles[i - first].emplace(std::move(r));
      }
    };
    lanes.run(signSome);
    auto batch = std::make_unique<Batch>();
    for (std::size_t i = first; i < last; ++i) {
      auto& r = signedFiles[i - first];
      if (!r) continue;  // not attempted: the token stopped the batch
      if (r->ok()) {
        batch->commits.push_back(pool.commit(std::move(**r)));
        batch->committedInfo.emplace_back(i, outputFor(inputs[i]));
      } else {
        batch->results.emplace_back(i, outputFor(inputs[i]), r->error());
      }
    }
    committing.push_back(std::move(batch));
    while (committing.size() > kMaxCommitting) finishOldest();
  }
  while (!committing.empty()) finishOldest();
  // Files after a token failure are never started: say so for each, so nobody thinks them signed.
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    if (attempted[i]) continue;
    if (json) {
      Json j = Json::object();
      j.set("file", inputs[i]);
      j.set("status", "not attempted");
      j.set("level", level);
      std::printf("%s\n", j.dump().c_str());
    } else {
      std::printf("Not signed (the batch stopped at a token error): %s\n", inputs[i].c_str());
    }
    if (rc == kExitOk) rc = kExitTokenError;
  }
  for (const auto& dir : committedDirs)
    if (auto st = syncDirectory(dir); !st.ok()) {
      printError("Flushing the folder " + dir.string() + " to disk failed", st.error());
      if (rc == 0) rc = kExitInputError;
    }
  if (!json && inputs.size() > 1) std::printf("%zu of %zu file(s) signed.\n", ok, inputs.size());
  return rc;
}

}  // namespace kyso::cli
