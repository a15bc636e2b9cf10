#include "src/service/verify_replies.h"

#include "src/pdfverify/report.h"
#include "src/service/vgca_calls.h"
#include "src/xml/xml_findings.h"

namespace kyso::service {

namespace {

int statusOf(cms::Indication i) {
  switch (i) {
    case cms::Indication::TotalPassed:
      return 0;
    case cms::Indication::TotalFailed:
      return 1;
    default:
      return 2;
  }
}

struct CertWords {
  SignerCertState state;
  int status;
  const char* en;
  const char* vi;
};

// clang-format off
constexpr CertWords kCertWords[] = {
  {SignerCertState::Good, 0,
   "The signer's certificate is trusted and not revoked.",
   "Chứng thư số của người ký được tin cậy và chưa bị thu hồi."},
  {SignerCertState::Revoked, 1,
   "The signer's certificate has been revoked.",
   "Chứng thư số của người ký đã bị thu hồi."},
  {SignerCertState::Untrusted, 1,
   "The signer's certificate does not lead to a trusted root certificate.",
   "Chứng thư số của người ký không dẫn tới chứng thư gốc được tin cậy."},
  {SignerCertState::OutsideValidity, 1,
   "The signer's certificate was not valid at the time the signature was checked for.",
   "Chứng thư số của người ký không còn hiệu lực tại thời điểm kiểm tra."},
  {SignerCertState::RevocationUnknown, 2,
   "Whether the signer's certificate has been revoked could not be checked.",
   "Không kiểm tra được chứng thư số của người ký có bị thu hồi hay không."},
  {SignerCertState::NotChecked, 2,
   "Revocation of the signer's certificate was not checked.",
   "Chưa kiểm tra tình trạng thu hồi chứng thư số của người ký."},
  {SignerCertState::Missing, 1,
   "The signature carries no certificate of its signer.",
   "Chữ ký không kèm chứng thư số của người ký."},
};
// clang-format on

const CertWords& wordsFor(SignerCertState s) {
  for (const CertWords& w : kCertWords)
    if (w.state == s) return w;
  return kCertWords[0];
}

Json statusObject(int status, const std::string& description) {
  Json j = Json::object();
  j.set("Status", status);
  j.set("Description", description);
  return j;
}

Json certJson(const cms::CertSummary& c, const std::string& der) {
  Json j = Json::object();
  j.set("Subject", c.subject);
  j.set("Issuer", c.issuer);
  j.set("SerialNumber", c.serial);
  j.set("NotBefore", c.notBefore);
  j.set("NotAfter", c.notAfter);
  if (!der.empty()) j.set("CertBase64", base64(der));
  return j;
}

}  // namespace

SignerCertState signerCertState(const cms::SignerReport& r) {
  using S = cms::SubIndication;
  if (!r.signer) return SignerCertState::Missing;
  if (r.revocationStatus == "revoked" || r.subIndication == S::Revoked ||
      r.subIndication == S::RevokedNoPoe)
    return SignerCertState::Revoked;
  if (!r.chainTrusted) return SignerCertState::Untrusted;
  if (r.subIndication == S::OutOfBoundsNoPoe || r.subIndication == S::OutOfBoundsNotRevoked)
    return SignerCertState::OutsideValidity;
  if (r.revocationStatus == "good" || r.revocationStatus == "revoked-after-timestamp")
    return SignerCertState::Good;
  if (r.revocationStatus == "not-checked") return SignerCertState::NotChecked;
  return SignerCertState::RevocationUnknown;
}

Json xmlVerifyReply(const xml::XmlReport& r, Lang lang) {
  Json out = Json::array();
  for (const xml::XmlSignatureReport& s : r.signatures) {
    Json one = Json::object();
    one.set("Status", statusOf(s.verdict.indication));
    one.set("Description", xml::summaryLine(s, lang));
    Json info = Json::object();
    info.set("Path", s.facts.path);
    info.set("Id", s.facts.id);
    info.set("SigningTime", s.facts.signingTime ? Json(*s.facts.signingTime) : Json());
    const int at = s.facts.signerCertificate;
    const std::string der = at >= 0 && static_cast<std::size_t>(at) < s.facts.certificates.size()
                                ? s.facts.certificates[static_cast<std::size_t>(at)]
                                : std::string();
    info.set("SignerCert", s.verdict.signer ? certJson(*s.verdict.signer, der) : Json());
    one.set("SigInfo", std::move(info));

    Json details = Json::object();
    bool intact = s.facts.problems.empty() && s.facts.valueChecked && s.facts.valueOk;
    for (const auto& ref : s.facts.references) intact = intact && ref.digestChecked && ref.digestOk;
    const std::string integrity =
        intact ? std::string(lang == Lang::Vi ? "Nội dung được ký không bị thay đổi."
                                              : "The signed content has not changed.")
        : !s.facts.problems.empty() ? xml::findingSentence(s.facts.problems.front(), lang)
                                    : xml::summaryLine(s, lang);
    details.set("IntegrityStatus", statusObject(intact ? 0 : 1, integrity));
    const SignerCertState state = signerCertState(s.verdict);
    if (state == SignerCertState::NotChecked) {
      details.set("SignerCertStatus", Json());  // as VGCA: revocation checking is off
    } else {
      const CertWords& w = wordsFor(state);
      details.set("SignerCertStatus", statusObject(w.status, lang == Lang::Vi ? w.vi : w.en));
    }
    one.set("ValidationDetails", std::move(details));
    out.push(std::move(one));
  }
  return out;
}

Json pdfVerifyReply(const pdfverify::FileReport& r, Lang lang) {
  Json sigs = Json::array();
  for (const pdfverify::SignatureReport& s : r.signatures) {
    Json one = Json::object();
    one.set("Status", statusOf(s.indication));
    one.set("Description", pdfverify::verdictLine(s, lang));
    one.set("Field", s.field);
    one.set("SignerName", s.crypto.signer_name);
    one.set("SigningTime", s.crypto.signing_time);
    sigs.push(std::move(one));
  }
  Json out = Json::object();
  out.set("Status", 0);
  out.set("Message", "");
  out.set("Indication", cms::indicationName(r.indication));
  out.set("Signatures", std::move(sigs));
  out.set("Report", pdfverify::reportJson(r));
  return out;
}

}  // namespace kyso::service
