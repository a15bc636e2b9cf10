#include "src/pdfverify/cms_checker.h"

#include <openssl/evp.h>
#include <openssl/objects.h>

#include "certs/timestamp.h"
#include "src/pdfverify/problems.h"

namespace kyso::pdfverify {

void fromSigner(const cms::SignerReport& s, CryptoFacts& f) {
  f.checked = true;
  f.intact = s.intact;
  f.indication = s.indication;
  f.subindication = s.subIndication;
  Json j = cms::signerReportToJson(s);
  f.signer = j["signer"];
  f.chain = j["chain"];
  f.revocation = j["revocation"];
  f.timestamp = j["timestamp"];
  if (s.signer) {
    f.signer_name = s.signer->commonName;
    if (!s.signer->organization.empty() && s.signer->organization != s.signer->commonName)
      f.signer_name += " (" + s.signer->organization + ")";
  }
  if (s.timestamp && s.timestamp->valid)
    f.signing_time = s.timestamp->time;
  else if (s.signingTime)
    f.signing_time = *s.signingTime;
  for (auto& n : s.notes) f.notes.push_back(Finding::from(n));
  f.reason = s.errc;
}

namespace {

CryptoFacts failed(SubIndication sub, Finding why, std::optional<bool> intact) {
  CryptoFacts f;
  f.checked = true;
  f.indication = sub == SubIndication::FormatFailure || sub == SubIndication::HashFailure ||
                         sub == SubIndication::SigCryptoFailure
                     ? Indication::TotalFailed
                     : Indication::Indeterminate;
  f.subindication = sub;
  f.intact = intact;
  f.notes.push_back(std::move(why));
  return f;
}

CryptoFacts checkOnce(const CmsInput& in, const cms::VerifyOptions& opt);

// The signer's revocation status came out "good" or "revoked".
bool revocationAnswered(const CryptoFacts& f) {
  if (!f.revocation.isObject()) return false;
  const Json& st = f.revocation["status"];
  return st.isString() && (st.asString() == "good" || st.asString() == "revoked");
}

// Where the answers came from: "network" when any answer was fetched, else `supplied`.
std::string answeredFrom(const CryptoFacts& f, const std::string& supplied) {
  if (!revocationAnswered(f)) return "none";
  const Json& checks = f.revocation["checks"];
  for (std::size_t i = 0; i < checks.size(); ++i) {
    const Json& url = checks[i]["url"];
    if (url.isString() && !url.asString().empty()) return "network";
  }
  return supplied;
}

void recordMaterial(CryptoFacts& f, bool vriEntry, const std::string& used) {
  if (!f.revocation.isObject()) f.revocation = Json::object();
  f.revocation.set("vri_entry", vriEntry);
  f.revocation.set("material", used);
  if (used == "vri")
    f.notes.push_back(Finding::of(Problem::RevocationFromVri));
  else if (used == "dss")
    f.notes.push_back(
        Finding::of(vriEntry ? Problem::RevocationFromDssVriSilent : Problem::RevocationFromDss));
}

}  // namespace

CryptoFacts KysoCmsChecker::checkSlowly(const CmsInput& in) {
  std::vector<std::string> certs = m_base.extraCerts;
  if (in.vri) certs.insert(certs.end(), in.vri->certs.begin(), in.vri->certs.end());
  certs.insert(certs.end(), in.dss->certs.begin(), in.dss->certs.end());
  const bool vriRevocation = in.vri && (!in.vri->crls.empty() || !in.vri->ocsps.empty());
  if (vriRevocation && m_base.checkRevocation) {
    // First this signature's own /VRI material alone, without the network.
    cms::VerifyOptions opt = m_base;
    opt.extraCerts = certs;
    opt.extraCrls = in.vri->crls;
    opt.extraOcsp = in.vri->ocsps;
    opt.revocation.http.offline = true;
    CryptoFacts f = checkOnce(in, opt);
    if (revocationAnswered(f)) {
      recordMaterial(f, true, "vri");
      return f;
    }
  }
  // Then the /VRI material, the DSS-wide arrays and the material given on the command line, then
  // the network unless offline.
  cms::VerifyOptions opt = m_base;
  opt.extraCerts = certs;
  opt.extraCrls.clear();
  opt.extraOcsp.clear();
  if (in.vri) {
    opt.extraCrls = in.vri->crls;
    opt.extraOcsp = in.vri->ocsps;
  }
  opt.extraCrls.insert(opt.extraCrls.end(), in.dss->crls.begin(), in.dss->crls.end());
  opt.extraOcsp.insert(opt.extraOcsp.end(), in.dss->ocsps.begin(), in.dss->ocsps.end());
  opt.extraCrls.insert(opt.extraCrls.end(), m_base.extraCrls.begin(), m_base.extraCrls.end());
  opt.extraOcsp.insert(opt.extraOcsp.end(), m_base.extraOcsp.begin(), m_base.extraOcsp.end());
  CryptoFacts f = checkOnce(in, opt);
  const bool dssAnswers = !in.dss->crls.empty() || !in.dss->ocsps.empty();
  const bool cliAnswers = !m_base.extraCrls.empty() || !m_base.extraOcsp.empty();
  std::string used = answeredFrom(
      f, dssAnswers && !cliAnswers ? "dss"
                                   : (vriRevocation || dssAnswers ? "supplied" : "command-line"));
  if (!m_base.checkRevocation) used = "not-checked";
  recordMaterial(f, in.vri != nullptr, used);
  return f;
}

namespace {

// adbe.pkcs7.detached and ETSI.CAdES.detached: a detached SignedData over the covered bytes.
CryptoFacts checkDetached(const CmsInput& in, std::span<const unsigned char> derSpan,
                          cms::VerifyOptions opt) {
  opt.requireDetached = true;
  cms::DetachedContent content;
  content.feed = [&in](const cms::DetachedContent::Sink& sink) {
    return in.feed_covered([&sink](const unsigned char* p, std::size_t n) {
      sink(std::span<const unsigned char>(p, n));
    });
  };
  cms::CmsReport rep = cms::verifyCmsSlowly(derSpan, &content, opt);
  if (rep.signers.empty())
    return failed(
        rep.subIndication == SubIndication::None ? SubIndication::FormatFailure : rep.subIndication,
        rep.notes.empty() ? Finding::of(Problem::CmsNoUsableSigner)
                          : Finding::from(rep.notes.front()),
        std::nullopt);
  CryptoFacts f;
  fromSigner(rep.signers.front(), f);
  if (rep.signers.size() > 1) f.notes.push_back(Finding::of(Problem::CmsManySigners));
  if (!rep.detached && f.indication != Indication::TotalFailed) {
    f.indication = Indication::TotalFailed;
    f.subindication = SubIndication::FormatFailure;
    f.notes.push_back(Finding::of(Problem::DetachedWithContent));
  }
  for (auto& n : rep.notes) f.notes.push_back(Finding::from(n));
  const bool ts = rep.signers.front().timestamp && rep.signers.front().timestamp->valid;
  // PAdES B-B needs the ESS signing-certificate(-v2) attribute; without it the signature is
  // plain CMS whatever its /SubFilter says.
  const bool cades = in.subfilter == "ETSI.CAdES.detached";
  if (cades && !rep.signers.front().signingCertificateBound) {
    f.level = ts ? "CMS-T" : "CMS";
    f.notes.push_back(Finding::of(Problem::CadesWithoutSigningCertificate));
  } else {
    f.level = cades ? (ts ? "B-T" : "B-B") : (ts ? "PKCS7-T" : "PKCS7");
  }
  return f;
}

// adbe.pkcs7.sha1: the SHA-1 of the covered bytes is the signed content.
CryptoFacts checkSha1(const CmsInput& in, std::span<const unsigned char> derSpan,
                      const cms::VerifyOptions& opt) {
  cms::CmsReport rep = cms::verifyCmsSlowly(derSpan, nullptr, opt);
  if (rep.signers.empty())
    return failed(
        SubIndication::FormatFailure,
        rep.notes.empty() ? Finding::of(Problem::NoUsableSigner) : Finding::from(rep.notes.front()),
        std::nullopt);
  CryptoFacts f;
  fromSigner(rep.signers.front(), f);
  auto sha1 = in.digest_covered(EVP_sha1());
  if (!sha1.ok())
    return failed(SubIndication::FormatFailure,
                  Finding::from({cms::NoteId::Detail, {sha1.error().technical()}, {}}),
                  std::nullopt);
  std::vector<unsigned char> econtent(rep.eContent.begin(), rep.eContent.end());
  if (econtent != *sha1) {
    f.intact = false;
    f.indication = Indication::TotalFailed;
    f.subindication = SubIndication::HashFailure;
    f.notes.push_back(Finding::of(Problem::Sha1Mismatch));
  }
  f.level = "PKCS7";
  return f;
}

// ETSI.RFC3161: a document timestamp whose imprint is the covered bytes' digest.
CryptoFacts checkDocTimestamp(const CmsInput& in, std::span<const unsigned char> derSpan,
                              const cms::VerifyOptions& opt) {
  std::string_view tok(in.contents_der->data(), in.contents_der->size());
  auto nid = certs::imprintAlgorithm(tok);
  if (!nid.ok())
    return failed(SubIndication::FormatFailure, Finding::of(Problem::TimestampUnreadable),
                  std::nullopt);
  const EVP_MD* md = EVP_get_digestbynid(*nid);
  if (!md)
    return failed(SubIndication::FormatFailure, Finding::of(Problem::TimestampHashUnknown),
                  std::nullopt);
  auto digest = in.digest_covered(md);
  if (!digest.ok())
    return failed(SubIndication::FormatFailure,
                  Finding::from({cms::NoteId::Detail, {digest.error().technical()}, {}}),
                  std::nullopt);
  auto info = certs::verifyTimestampToken(tok, *digest);
  // The chain and trust of the TSA come from the CMS layer on the token itself.
  cms::CmsReport rep = cms::verifyCmsSlowly(derSpan, nullptr, opt);
  CryptoFacts f;
  if (!rep.signers.empty()) fromSigner(rep.signers.front(), f);
  f.checked = true;
  if (!info.ok()) {
    bool mismatch = info.error().kind == Errc::TimestampImprintMismatch;
    f.intact = false;
    f.indication = Indication::TotalFailed;
    f.subindication = mismatch ? SubIndication::HashFailure : SubIndication::SigCryptoFailure;
    f.notes.push_back(mismatch ? Finding::of(Problem::TimestampNotCovering)
                               : Finding::of(Problem::TimestampNotVerifying));
    return f;
  }
  f.intact = true;
  f.signing_time = certs::isoTime(info->genTime);
  f.signer_name = info->tsaName;
  Json t = Json::object();
  t.set("time", f.signing_time);
  t.set("tsa", info->tsaName);
  t.set("digest_algorithm", info->digestAlgorithm);
  t.set("serial", info->serial);
  f.timestamp = std::move(t);
  f.level = "DocTimeStamp";
  return f;
}

CryptoFacts checkOnce(const CmsInput& in, const cms::VerifyOptions& opt) {
  const auto* der = reinterpret_cast<const unsigned char*>(in.contents_der->data());
  std::span<const unsigned char> derSpan(der, in.contents_der->size());
  if (in.subfilter == "adbe.pkcs7.detached" || in.subfilter == "ETSI.CAdES.detached")
    return checkDetached(in, derSpan, opt);
  if (in.subfilter == "adbe.pkcs7.sha1") return checkSha1(in, derSpan, opt);
  if (in.subfilter == "ETSI.RFC3161") return checkDocTimestamp(in, derSpan, opt);
  return failed(SubIndication::FormatFailure,
                Finding::of(Problem::UnsupportedFormat, {in.subfilter}), std::nullopt);
}

}  // namespace

}  // namespace kyso::pdfverify
