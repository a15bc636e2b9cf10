#include "src/pdfverify/cms_checker.h"

#include <openssl/evp.h>
#include <openssl/objects.h>

#include "certs/timestamp.h"

namespace kyso::pdfverify {

namespace {

Indication mapIndication(cms::Indication i) {
  switch (i) {
    case cms::Indication::TotalPassed:
      return Indication::TotalPassed;
    case cms::Indication::TotalFailed:
      return Indication::TotalFailed;
    case cms::Indication::Indeterminate:
      return Indication::Indeterminate;
  }
  return Indication::Indeterminate;
}

void fromSigner(const cms::SignerReport& s, CryptoFacts& f) {
  f.checked = true;
  f.intact = s.intact;
  f.indication = mapIndication(s.indication);
  f.subindication = cms::subIndicationName(s.subIndication);
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
  for (auto& n : s.notes) f.notes.push_back(n);
  f.reason = s.errc;
}

CryptoFacts failed(const std::string& sub, const std::string& why, std::optional<bool> intact) {
  CryptoFacts f;
  f.checked = true;
  f.indication = sub == "FORMAT_FAILURE" || sub == "HASH_FAILURE" || sub == "SIG_CRYPTO_FAILURE"
                     ? Indication::TotalFailed
                     : Indication::Indeterminate;
  f.subindication = sub;
  f.intact = intact;
  f.notes.push_back(why);
  return f;
}

}  // namespace

CryptoFacts KysoCmsChecker::checkSlowly(const CmsInput& in) {
  cms::VerifyOptions opt = m_base;
  for (auto& c : in.dss->certs) opt.extraCerts.push_back(c);
  for (auto& c : in.dss->crls) opt.extraCrls.push_back(c);
  for (auto& o : in.dss->ocsps) opt.extraOcsp.push_back(o);
  const auto* der = reinterpret_cast<const unsigned char*>(in.contents_der->data());
  std::span<const unsigned char> derSpan(der, in.contents_der->size());

  if (in.subfilter == "adbe.pkcs7.detached" || in.subfilter == "ETSI.CAdES.detached") {
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
          rep.subIndication == cms::SubIndication::None ? "FORMAT_FAILURE"
                                                        : cms::subIndicationName(rep.subIndication),
          rep.notes.empty() ? "the CMS in /Contents has no usable signer" : rep.notes.front(),
          std::nullopt);
    CryptoFacts f;
    fromSigner(rep.signers.front(), f);
    if (rep.signers.size() > 1)
      f.notes.push_back("the CMS holds more than one signer; only the first is reported");
    if (!rep.detached && f.indication != Indication::TotalFailed) {
      f.indication = Indication::TotalFailed;
      f.subindication = "FORMAT_FAILURE";
      f.notes.push_back("a detached PDF signature must not carry the signed content (eContent)");
    }
    for (auto& n : rep.notes) f.notes.push_back(n);
    const bool ts = rep.signers.front().timestamp && rep.signers.front().timestamp->valid;
    f.level =
        in.subfilter == "ETSI.CAdES.detached" ? (ts ? "B-T" : "B-B") : (ts ? "PKCS7-T" : "PKCS7");
    return f;
  }

  if (in.subfilter == "adbe.pkcs7.sha1") {
    cms::CmsReport rep = cms::verifyCmsSlowly(derSpan, nullptr, opt);
    if (rep.signers.empty())
      return failed("FORMAT_FAILURE", rep.notes.empty() ? "no usable signer" : rep.notes.front(),
                    std::nullopt);
    CryptoFacts f;
    fromSigner(rep.signers.front(), f);
    auto sha1 = in.digest_covered(EVP_sha1());
    if (!sha1.ok()) return failed("FORMAT_FAILURE", sha1.error().technical(), std::nullopt);
    std::vector<unsigned char> econtent(rep.eContent.begin(), rep.eContent.end());
    if (econtent != *sha1) {
      f.intact = false;
      f.indication = Indication::TotalFailed;
      f.subindication = "HASH_FAILURE";
      f.notes.push_back("the SHA-1 inside the signature does not match the signed bytes");
    }
    f.level = "PKCS7";
    return f;
  }

  if (in.subfilter == "ETSI.RFC3161") {
    std::string_view tok(in.contents_der->data(), in.contents_der->size());
    auto nid = certs::imprintAlgorithm(tok);
    if (!nid.ok())
      return failed("FORMAT_FAILURE", "the document timestamp is unreadable", std::nullopt);
    const EVP_MD* md = EVP_get_digestbynid(*nid);
    if (!md)
      return failed("FORMAT_FAILURE", "the timestamp's hash algorithm is unknown", std::nullopt);
    auto digest = in.digest_covered(md);
    if (!digest.ok()) return failed("FORMAT_FAILURE", digest.error().technical(), std::nullopt);
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
      f.subindication = mismatch ? "HASH_FAILURE" : "SIG_CRYPTO_FAILURE";
      f.notes.push_back(mismatch ? "the timestamp does not cover these bytes"
                                 : "the timestamp token does not verify");
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
  return failed("FORMAT_FAILURE", "unsupported signature format " + in.subfilter, std::nullopt);
}

}  // namespace kyso::pdfverify
