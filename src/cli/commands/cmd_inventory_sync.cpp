// `kyso inventory sync` (the tokens plugged in now, through pkcs11/) and `kyso inventory
// check-revocation` (CRL/OCSP for every certificate in use, through certs/). The decisions about
// the records are made in src/inventory/sync.h; this file only gathers what the devices and the
// network say.
#include <cstdio>

#include "certs/cert_info.h"
#include "certs/revocation.h"
#include "certs/trust_store.h"
#include "core/atomic_file.h"
#include "core/messages.h"
#include "pkcs11/device_worker.h"
#include "pkcs11/module.h"
#include "pkcs11/module_candidates.h"
#include "src/cli/commands/inventory_cli.h"
#include "src/cli/kyso/exit_codes.h"
#include "src/inventory/sync.h"
#include "src/inventory/token_scan.h"

namespace kyso::cli::inv {
namespace {

using namespace kyso::inventory;

X509* findIssuer(X509* cert, const std::vector<X509*>& candidates) {
  for (X509* c : candidates)
    if (X509_check_issued(c, cert) == X509_V_OK) return c;
  return nullptr;
}

}  // namespace

int runSync(Context& c) {
  ArgParser p = parserFor(c);
  p.usage(
      {"usage: kyso inventory sync [--module M]...\n"
       "Registers the tokens plugged in now (new serials in_stock, with their certificates)\n"
       "and marks known ones as seen; reports a token whose certificates differ from the\n"
       "records. Without --module every known module installed is searched.\n"
       "Example: kyso inventory sync --module viettel --module vnpt\n",
       "cách dùng: kyso inventory sync [--module M]...\n"
       "Đăng ký các token đang cắm (số serial mới vào trạng thái in_stock, cùng chứng thư số\n"
       "trên đó) và ghi nhận đã thấy các token đã biết; báo token có chứng thư số khác với sổ.\n"
       "Không có --module thì tìm trong mọi mô-đun đã biết có trên máy.\n"
       "Ví dụ: kyso inventory sync --module viettel --module vnpt\n"});
  p.multi("module", 'm',
          {"PKCS#11 module (path or known name); repeatable",
           "mô-đun PKCS#11 (đường dẫn hoặc tên đã biết); lặp lại được"});
  if (!parseOrReport(p, c.rest, "kyso inventory sync")) return kExitUsage;
  applyGlobals(c, p);
  auto opened = c.open();
  if (!opened.ok()) return fail("Opening the inventory failed", opened.error());
  std::vector<std::string> specs = p.all("module");
  if (specs.empty()) {
    for (const auto& m : p11::installedModules()) specs.push_back(m.path.string());
  }
  if (specs.empty()) {
    printError("kyso inventory sync", Error::kyso(Errc::ModuleNotFound, "sync"));
    return kExitTokenError;
  }
  std::vector<SeenToken> seen;
  p11::DeviceWorker worker;
  for (const auto& spec : specs) {
    auto r = worker.call([&] { return scanModuleTokens(spec); });
    if (!r.ok()) {
      printError("Reading the tokens of " + spec + " failed", r.error());
      return kExitTokenError;
    }
    for (auto& t : *r) seen.push_back(std::move(t));
  }
  auto rep = reconcileTokens(**opened, seen);
  if (!rep.ok()) return fail("Recording the tokens failed", rep.error());
  if (c.json) {
    Json j = Json::object();
    j.set("tokens_seen", rep->tokensSeen);
    Json reg = Json::array(), mis = Json::array();
    for (const auto& s : rep->registered) reg.push(s);
    for (const auto& s : rep->mismatches) mis.push(s);
    j.set("registered", std::move(reg)).set("mismatches", std::move(mis));
    printJson(j);
  } else {
    for (const auto& s : rep->registered) std::printf("registered: %s\n", s.c_str());
    for (const auto& s : rep->mismatches) std::printf("MISMATCH: %s\n", s.c_str());
    std::printf("%ld token(s) seen, %zu registered, %zu mismatch(es)\n", rep->tokensSeen,
                rep->registered.size(), rep->mismatches.size());
  }
  return rep->mismatches.empty() ? kExitOk : kExitSignatureFailed;
}

namespace {

// One certificate's revocation, checked and (when revoked) recorded: its status name and what to
// tell the officer.
std::pair<std::string, std::string> checkOne(Inventory& inv, const Certificate& cert,
                                             const std::vector<X509*>& candidates,
                                             certs::RevocationChecker& checker) {
  auto der = inv.certificateDer(cert.sha256);
  ossl::Ptr<X509> x;
  if (der.ok() && !der->empty()) {
    const unsigned char* q = reinterpret_cast<const unsigned char*>(der->data());
    x.reset(d2i_X509(nullptr, &q, static_cast<long>(der->size())));
  }
  if (!x) return {"unknown", "no certificate file recorded (import it with `cert import`)"};
  X509* issuer = findIssuer(x.get(), candidates);
  if (!issuer) return {"unknown", "issuer certificate not found (give --issuers)"};
  certs::RevocationResult r = checker.checkSlowly(x.get(), issuer, inv.clock().now());
  std::string status = certs::revocationStatusName(r.status);
  std::string detail = r.detail;
  if (r.status != certs::RevocationStatus::Revoked) return {status, detail};
  RevocationEvidence ev;
  ev.source = r.source;
  ev.url = r.url;
  ev.revokedOn = r.revokedAt ? dateOf(*r.revokedAt) : inv.today();
  ev.reason = certs::crlReasonName(r.reason);
  auto marked = markRevoked(inv, cert.sha256, ev);
  if (!marked.ok()) return {status, detail + "; recording it failed: " + describe(marked.error())};
  return {status, "revoked on " + ev.revokedOn + " (" + ev.source + ", " + ev.reason + "), marked"};
}

}  // namespace

int runCheckRevocation(Context& c) {
  ArgParser p = parserFor(c);
  p.usage(
      {"usage: kyso inventory check-revocation [--issuers FILE|DIR]... [--crl FILE]... "
       "[--offline]\n"
       "Checks every certificate in use against its CA's CRL or OCSP responder and records the\n"
       "revoked ones. The shipped Vietnamese CA certificates are used to find issuers.\n"
       "Example: kyso inventory check-revocation --crl cabcy-g2.crl --offline\n",
       "cách dùng: kyso inventory check-revocation [--issuers TỆP|THƯ_MỤC]... [--crl TỆP]...\n"
       "                         [--offline]\n"
       "Kiểm tra mọi chứng thư số đang dùng theo CRL hoặc máy chủ OCSP của CA cấp, và ghi nhận\n"
       "các chứng thư đã bị thu hồi. Dùng chứng thư của các CA Việt Nam có sẵn để tìm nơi cấp.\n"
       "Ví dụ: kyso inventory check-revocation --crl cabcy-g2.crl --offline\n"});
  p.multi("issuers", 0,
          {"CA certificates (file or folder) to find issuers and trust",
           "chứng thư CA (tệp hoặc thư mục) để tìm nơi cấp và tin cậy"});
  p.flag("offline", 0,
         {"use only supplied CRLs", "chỉ dùng các CRL được cung cấp, không dùng mạng"});
  p.multi("crl", 0,
          {"a CRL file to use; a PEM file may hold several (repeatable)",
           "tệp CRL dùng để kiểm tra; một tệp PEM có thể chứa nhiều CRL (lặp lại được)"});
  if (!parseOrReport(p, c.rest, "kyso inventory check-revocation")) return kExitUsage;
  applyGlobals(c, p);
  auto opened = c.open();
  if (!opened.ok()) return fail("Opening the inventory failed", opened.error());
  Inventory& inv = **opened;

  auto shipped = certs::TrustStore::loadShipped();
  certs::TrustStore store = shipped.ok() ? std::move(*shipped) : certs::TrustStore::empty();
  for (const auto& f : p.all("issuers")) {
    auto st = store.addAnchors(f, "admin");
    if (!st.ok()) return fail("Reading the CA certificates failed", st.error());
  }
  std::vector<X509*> candidates = store.anchors();
  for (X509* x : store.intermediates()) candidates.push_back(x);
  certs::RevocationOptions opt;
  opt.http.offline = p.has("offline");
  certs::RevocationChecker checker(store, opt);
  for (const auto& f : p.all("crl")) {
    auto data = readSmallFile(f);
    if (!data.ok()) return fail("Reading the CRL failed", data.error());
    auto st = checker.addCrl(*data);
    if (!st.ok()) return fail("Reading the CRL failed", st.error());
  }

  auto all = inv.certificates();
  if (!all.ok()) return fail("Listing certificates failed", all.error());
  Json out = Json::array();
  int unknown = 0;
  for (const Certificate& cert : *all) {
    if (!certInUse(cert.state) && cert.state != "revocation_requested" && cert.state != "suspended")
      continue;
    Json row = Json::object();
    row.set("sha256", cert.sha256).set("subject", cert.subject).set("state_before", cert.state);
    const auto [status, detail] = checkOne(inv, cert, candidates, checker);
    if (status == "unknown") ++unknown;
    row.set("status", status).set("detail", detail);
    if (c.json)
      out.push(std::move(row));
    else
      std::printf("%s\t%s\t%s\t%s\n", cert.sha256.substr(0, 16).c_str(), status.c_str(),
                  cert.subject.c_str(), detail.c_str());
  }
  if (c.json) printJson(out);
  return unknown ? kExitIndeterminate : kExitOk;
}

}  // namespace kyso::cli::inv
