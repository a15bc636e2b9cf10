// Token reconciliation and recording of confirmed revocations.
#include "src/inventory/sync.h"

#include <openssl/x509v3.h>

#include <algorithm>

#include "core/openssl_ptr.h"
#include "src/inventory/certfile.h"

namespace kyso::inventory {
namespace {

// A CA certificate on a token (the issuer's chain, as CAs load it beside the holder's own) was not
// issued to the holder: it is no certificate of the register, and counting it would inflate the
// unit's figures (and could have the Government CA marked revoked).
bool isCaCertificate(const std::string& der) {
  const unsigned char* p = reinterpret_cast<const unsigned char*>(der.data());
  ossl::Ptr<X509> x(d2i_X509(nullptr, &p, static_cast<long>(der.size())));
  return x && X509_check_ca(x.get()) > 0;
}

std::string trim(std::string s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\0')) s.pop_back();
  while (!s.empty() && s.front() == ' ') s.erase(0, 1);
  return s;
}

}  // namespace

Result<SyncReport> reconcileTokens(Inventory& inv, const std::vector<SeenToken>& seen) {
  SyncReport rep;
  for (const SeenToken& raw : seen) {
    ++rep.tokensSeen;
    SeenToken s = raw;
    s.serial = trim(s.serial);
    s.manufacturer = trim(s.manufacturer);
    s.model = trim(s.model);
    if (s.serial.empty()) {
      rep.mismatches.push_back("a token (" + trim(s.label) +
                               ") reports no serial number: not recorded");
      continue;
    }
    auto known = inv.token(s.serial);
    Token tok;
    if (!known.ok()) {
      if (known.error().kind != Errc::DbNotFound) return known.error();
      Token t;
      t.serial = s.serial;
      t.manufacturer = s.manufacturer.empty() ? "unknown" : s.manufacturer;
      t.model = s.model;
      t.module = s.module;
      t.state = "in_stock";
      t.receivedOn = inv.today();
      KYSO_ASSIGN_OR_RETURN(tok, inv.addToken(t));
      rep.registered.push_back("token " + s.serial + " (" + t.manufacturer + " " + t.model + ")");
    } else {
      tok = *known;
      if (tok.manufacturer != s.manufacturer || (!tok.model.empty() && tok.model != s.model))
        rep.mismatches.push_back("token " + s.serial + ": recorded as " + tok.manufacturer + " " +
                                 tok.model + ", the token says " + s.manufacturer + " " + s.model);
      if (tok.state == "lost" || tok.state == "destroyed" || tok.state == "suspended")
        rep.mismatches.push_back("token " + s.serial + " is recorded as " + tok.state +
                                 " but is plugged in now");
    }
    KYSO_TRY(inv.markSeen(s.serial));

    std::vector<std::string> onToken;
    for (const std::string& der : s.certificatesDer) {
      if (isCaCertificate(der)) continue;
      auto parsed = parseCertificate(der, "token " + s.serial);
      if (!parsed.ok()) {
        rep.mismatches.push_back("token " + s.serial +
                                 " holds a certificate object that cannot be parsed");
        continue;
      }
      onToken.push_back(parsed->cert.sha256);
      auto have = inv.certificate(parsed->cert.sha256);
      if (have.ok()) {
        if (have->tokenId != tok.id)
          rep.mismatches.push_back(
              "certificate " + have->sha256.substr(0, 16) + " (" + have->subject +
              ") is on token " + s.serial + " but recorded " +
              (have->tokenSerial.empty() ? "without a token" : "on token " + have->tokenSerial));
        continue;
      }
      if (have.error().kind != Errc::DbNotFound) return have.error();
      Certificate c = parsed->cert;
      c.tokenId = tok.id;
      c.holderId = tok.holderId;
      c.unitId = tok.unitId;
      c.state = c.notAfter < inv.today() ? "expired" : "valid";
      KYSO_ASSIGN_OR_RETURN(Certificate added, inv.addCertificate(c, parsed->der));
      rep.registered.push_back("certificate " + added.sha256.substr(0, 16) + " (" + added.subject +
                               ") on token " + s.serial);
    }
    CertFilter f;
    f.tokenId = tok.id;
    KYSO_ASSIGN_OR_RETURN(std::vector<Certificate> recorded, inv.certificates(f));
    for (const Certificate& c : recorded) {
      if (!certInUse(c.state)) continue;
      if (std::find(onToken.begin(), onToken.end(), c.sha256) == onToken.end())
        rep.mismatches.push_back("certificate " + c.sha256.substr(0, 16) + " (" + c.subject +
                                 ") is recorded on token " + s.serial + " but is not on it");
    }
  }
  return rep;
}

Result<Event> markRevoked(Inventory& inv, const std::string& sha256, const RevocationEvidence& ev) {
  EvidenceGiven e;
  e.revocationSource = ev.source;
  e.docDate = ev.revokedOn;
  e.docNumber = ev.source == "ocsp" ? "OCSP" : "CRL";
  e.note = ev.source + (ev.url.empty() ? "" : " " + ev.url) +
           (ev.reason.empty() ? "" : ", reason " + ev.reason);
  return inv.transition(Subject::Certificate, sha256, "revoked", e);
}

}  // namespace kyso::inventory
