// `kyso inventory audit-seal` and `audit-verify` (issue 16): the officer's token signs the head of
// the audit log (src/inventory/audit_seal.h); verification walks the hash chain and checks every
// seal, stored ones and those given with --seal FILE: its CMS signature and trust, and that the
// sealed entry is still in the log with its hash.
#include <cstdio>
#include <sstream>

#include "certs/cert_info.h"
#include "core/atomic_file.h"
#include "src/cli/commands/inventory_cli.h"
#include "src/cli/commands/verify_options.h"
#include "src/cli/kyso/exit_codes.h"
#include "src/cli/kyso/token_options.h"
#include "src/cms/signer.h"
#include "src/cms/verifier.h"
#include "src/inventory/audit.h"
#include "src/inventory/audit_seal.h"

namespace kyso::cli::inv {
namespace {

using namespace kyso::inventory;

// One seal's verdict: problems (the log or the signature contradict it) and, when nothing is
// wrong, whether its signer is trusted.
struct SealVerdict {
  std::string source, signer, at;
  long long seq = 0;
  std::vector<std::string> problems;
  bool trusted = false;
};

SealVerdict checkSeal(Db& db, const Seal& s, const cms::VerifyOptions& opt) {
  SealVerdict v;
  v.source = s.source;
  v.seq = s.facts.seq;
  v.at = s.facts.at;
  const std::string text = sealText(s.facts);
  const auto content = cms::DetachedContent::fromBytes(
      std::span(reinterpret_cast<const unsigned char*>(text.data()), text.size()));
  const cms::CmsReport rep = cms::verifyCmsSlowly(s.cms, &content, opt);
  if (rep.signers.empty()) {
    v.problems.push_back(
        "the seal's signature cannot be read" +
        (rep.notes.empty() ? std::string() : ": " + cms::noteText(rep.notes.front(), Lang::En)));
  } else {
    const cms::SignerReport& sr = rep.signers.front();
    if (sr.signer) v.signer = sr.signer->commonName;
    if (!sr.intact)
      v.problems.push_back(
          "the seal's signature does not match the sealed text (forged or edited)");
    else if (sr.indication == cms::Indication::TotalFailed)
      v.problems.push_back(
          "the seal's signature is not valid" +
          (sr.notes.empty() ? std::string() : ": " + cms::noteText(sr.notes.front(), Lang::En)));
    v.trusted = sr.intact && sr.indication == cms::Indication::TotalPassed;
  }
  auto against = sealProblems(db, s.facts);
  if (!against.ok())
    v.problems.push_back(describe(against.error()));
  else
    for (auto& p : *against) v.problems.push_back(std::move(p));
  return v;
}

}  // namespace

int runAuditSeal(Context& c) {
  ArgParser p = parserFor(c);
  addTokenOptions(p, ForceFlag::IsForceLogin);
  p.usage(
      {"usage: kyso inventory audit-seal [--out FILE] [--module M] [--token T] [--key K]\n"
       "Signs the head of the audit log (entry number, hash, time, database identity) with\n"
       "your token. audit-verify then finds any change to the log up to that entry, even by\n"
       "someone who can write the whole database, as long as a seal survives: keep --out\n"
       "files apart.\n"
       "Example: kyso inventory audit-seal --out niem-2026-12-06.seal\n",
       "cách dùng: kyso inventory audit-seal [--out TỆP] [--module M] [--token T] [--key K]\n"
       "Ký phần đầu nhật ký kiểm toán (số mục, giá trị băm, thời điểm, định danh cơ sở dữ\n"
       "liệu) bằng token của bạn. Sau đó audit-verify phát hiện mọi thay đổi trên nhật ký tới\n"
       "mục đó, kể cả của người có quyền ghi toàn bộ cơ sở dữ liệu, miễn là còn một dấu niêm:\n"
       "hãy cất các tệp --out ở nơi khác.\n"
       "Ví dụ: kyso inventory audit-seal --out niem-2026-12-06.seal\n"});
  p.value("out", 0,
          {"also write the seal to this file (keep it outside the database)",
           "ghi thêm dấu niêm vào tệp này (cất ngoài cơ sở dữ liệu)"});
  if (!parseOrReport(p, c.rest, "kyso inventory audit-seal")) return kExitUsage;
  applyGlobals(c, p);
  auto opened = c.open();
  if (!opened.ok()) return fail("Opening the inventory failed", opened.error());
  Inventory& inv = **opened;
  auto facts = headToSeal(inv.db(), inv.now());
  if (!facts.ok()) return fail("Sealing the audit log failed", facts.error());

  auto tok = openSelectedToken(p);
  if (!tok.ok()) {
    printError("Opening the token failed", tok.error());
    return exitCodeFor(tok.error());
  }
  auto id = (*tok)->signingIdentity();
  if (!id.ok()) {
    printError("Reading the signing key failed", id.error());
    return exitCodeFor(id.error());
  }
  std::istringstream text(sealText(*facts));
  auto der = cms::signStreamSlowly(*id, text, {});
  if (!der.ok()) {
    printError("Signing the seal failed", der.error());
    return exitCodeFor(der.error());
  }
  const std::vector<unsigned char> cmsDer(der->begin(), der->end());
  // The file first: a seal the database refuses is still worth keeping outside it.
  if (auto out = p.get("out")) {
    auto st = writeOutput(*out, sealFile(*facts, cmsDer));
    if (!st.ok()) return fail("Writing the seal file failed", st.error());
  }
  if (auto st = storeSeal(inv.db(), *facts, inv.who(), cmsDer); !st.ok())
    return fail("Storing the seal failed", st.error());
  const std::string signer = certs::commonName(X509_get_subject_name(id->cert.get()));
  if (c.json) {
    Json j = Json::object();
    j.set("seq", facts->seq).set("hash", facts->hash).set("at", facts->at);
    j.set("database", facts->database).set("signer", signer);
    j.set("file", p.get("out") ? Json(*p.get("out")) : Json());
    printJson(j);
  } else {
    std::printf("Sealed the audit log at entry %lld (%s...) as %s, %s\n", facts->seq,
                facts->hash.substr(0, 16).c_str(), signer.c_str(), facts->at.c_str());
  }
  return kExitOk;
}

int runAuditVerify(Context& c) {
  ArgParser p = parserFor(c);
  declareVerifyOptions(p);
  p.usage(
      {"usage: kyso inventory audit-verify [--seal FILE]... [--trust FILE] [--offline]\n"
       "Checks the audit log's hash chain, then every seal (stored and --seal files): its\n"
       "signature, whether its signer is trusted, and that the sealed entry is still in the\n"
       "log with its hash.\n"
       "Example: kyso inventory audit-verify --seal niem-2026-12-06.seal --offline\n",
       "cách dùng: kyso inventory audit-verify [--seal TỆP]... [--trust TỆP] [--offline]\n"
       "Kiểm tra chuỗi băm của nhật ký kiểm toán, rồi mọi dấu niêm (đã lưu và các tệp\n"
       "--seal): chữ ký, người ký có được tin cậy không, và mục được niêm còn trong nhật ký\n"
       "với đúng giá trị băm không.\n"
       "Ví dụ: kyso inventory audit-verify --seal niem-2026-12-06.seal --offline\n"});
  p.multi("seal", 0,
          {"a seal file written by audit-seal --out (checked with the stored seals)",
           "tệp dấu niêm do audit-seal --out ghi (kiểm tra cùng các dấu niêm đã lưu)"});
  if (!parseOrReport(p, c.rest, "kyso inventory audit-verify")) return kExitUsage;
  applyGlobals(c, p);
  int failCode = kExitOk;
  auto setup = makeVerifySetup(p, "kyso inventory audit-verify", failCode);
  if (!setup) return failCode;
  auto opened = c.open();
  if (!opened.ok()) return fail("Opening the inventory failed", opened.error());
  Inventory& inv = **opened;

  auto r = inv.verifyAudit();
  if (!r.ok()) return fail("Reading the audit log failed", r.error());
  std::vector<Seal> seals;
  auto stored = storedSeals(inv.db());
  if (!stored.ok()) return fail("Reading the seals failed", stored.error());
  seals = std::move(*stored);
  for (const auto& f : p.all("seal")) {
    auto bytes = readSmallFile(f, 1u << 20);
    if (!bytes.ok()) return fail("Reading the seal file failed", bytes.error());
    auto s = parseSealFile(*bytes, f);
    if (!s.ok()) return fail("Reading the seal file failed", s.error());
    seals.push_back(std::move(*s));
  }
  std::vector<SealVerdict> verdicts;
  bool sealBroken = false, sealUntrusted = false;
  for (const Seal& s : seals) {
    verdicts.push_back(checkSeal(inv.db(), s, setup->cms()));
    sealBroken = sealBroken || !verdicts.back().problems.empty();
    sealUntrusted = sealUntrusted || !verdicts.back().trusted;
  }

  if (c.json) {
    Json j = Json::object();
    j.set("ok", r->ok() && !sealBroken).set("entries", r->entries);
    Json probs = Json::array();
    for (const auto& s : r->problems) probs.push(s);
    j.set("problems", std::move(probs));
    Json js = Json::array();
    for (const auto& v : verdicts) {
      Json o = Json::object();
      o.set("source", v.source).set("seq", v.seq).set("at", v.at).set("signer", v.signer);
      o.set("trusted", v.trusted).set("ok", v.problems.empty());
      Json vp = Json::array();
      for (const auto& s : v.problems) vp.push(s);
      o.set("problems", std::move(vp));
      js.push(std::move(o));
    }
    j.set("seals", std::move(js));
    printJson(j);
  } else {
    for (const auto& s : r->problems) std::printf("%s\n", s.c_str());
    std::printf("%lld entries, %s\n", r->entries, r->ok() ? "chain intact" : "CHAIN BROKEN");
    if (verdicts.empty())
      std::printf(
          "no seals: the chain shows edits only to someone who cannot rewrite the whole "
          "log (see `kyso inventory audit-seal`)\n");
    for (const auto& v : verdicts) {
      std::printf("seal %s: entry %lld, %s, by %s: %s\n", v.source.c_str(), v.seq, v.at.c_str(),
                  v.signer.empty() ? "?" : v.signer.c_str(),
                  !v.problems.empty() ? "BROKEN"
                  : v.trusted         ? "holds"
                                      : "holds, but its signer is not trusted here (--trust)");
      for (const auto& s : v.problems) std::printf("  %s\n", s.c_str());
    }
  }
  if (!r->ok() || sealBroken) {
    printError("", Error::kyso(sealBroken ? Errc::AuditSealBroken : Errc::AuditChainBroken,
                               "audit-verify"));
    return kExitSignatureFailed;
  }
  return sealUntrusted ? kExitIndeterminate : kExitOk;
}

}  // namespace kyso::cli::inv
