#include "src/xml/xml_verify.h"

#include <openssl/x509.h>

#include "core/html_text.h"
#include "core/openssl_ptr.h"
#include "src/xml/xml.h"
#include "src/xml/xml_findings.h"

namespace kyso::xml {
namespace {

using cms::Indication;
using cms::SubIndication;

int rank(Indication i) {
  return i == Indication::TotalFailed ? 2 : i == Indication::Indeterminate ? 1 : 0;
}

void lower(cms::SignerReport& r, Indication i, SubIndication s, Errc e) {
  if (rank(i) > rank(r.indication)) {
    r.indication = i;
    r.subIndication = s;
    r.errc = e;
  }
}

// How each finding weighs on a signature.
void weigh(cms::SignerReport& r, XmlFinding f, bool acceptWeak) {
  switch (f) {
    case XmlFinding::NoCertificate:
    case XmlFinding::CertificateUnreadable:
      return lower(r, Indication::Indeterminate, SubIndication::NoSigningCertificateFound,
                   Errc::CertificateNotFound);
    case XmlFinding::DigestMismatch:
      return lower(r, Indication::TotalFailed, SubIndication::HashFailure, Errc::CmsDigestMismatch);
    case XmlFinding::SignatureValueInvalid:
      return lower(r, Indication::TotalFailed, SubIndication::SigCryptoFailure,
                   Errc::CmsSignatureInvalid);
    case XmlFinding::ReferenceInsideSignature:
    case XmlFinding::NothingOfDocumentCovered:
    case XmlFinding::ProfileDataNotCovered:
    case XmlFinding::DuplicateId:
      return lower(r, Indication::TotalFailed, SubIndication::SigConstraintsFailure,
                   Errc::XmlMalformed);
    case XmlFinding::WeakAlgorithm:
      if (!acceptWeak)
        lower(r, Indication::Indeterminate, SubIndication::CryptoConstraintsFailureNoPoe,
              Errc::WeakAlgorithm);
      return;
    case XmlFinding::ChangedByLaterSignature:
      return;
    default:
      return lower(r, Indication::TotalFailed, SubIndication::FormatFailure, Errc::XmlMalformed);
  }
}

XmlSignatureReport judge(XmlSignatureFacts&& facts, const cms::VerifyOptions& opt) {
  XmlSignatureReport out;
  cms::SignerReport& r = out.verdict;
  r.indication = Indication::TotalPassed;
  r.signatureAlgorithm = facts.signatureMethod;
  if (!facts.references.empty()) r.digestAlgorithm = facts.references.front().digestMethod;
  r.signingTime = facts.signingTime;
  r.digestMatches = !facts.references.empty();
  for (const auto& ref : facts.references)
    r.digestMatches = r.digestMatches && ref.digestChecked && ref.digestOk;
  r.signatureValid = facts.valueChecked && facts.valueOk;
  r.intact = r.digestMatches && r.signatureValid;
  for (const auto& p : facts.problems) weigh(r, p.code, opt.acceptWeak);
  for (const auto& n : facts.notes) weigh(r, n.code, opt.acceptWeak);

  ossl::X509Stack extra(sk_X509_new_null());
  ossl::Ptr<X509> signer;
  for (std::size_t i = 0; i < facts.certificates.size(); ++i) {
    const auto& der = facts.certificates[i];
    const unsigned char* p = reinterpret_cast<const unsigned char*>(der.data());
    X509* x = d2i_X509(nullptr, &p, static_cast<long>(der.size()));
    if (!x) continue;
    if (static_cast<int>(i) == facts.signerCertificate) {
      X509_up_ref(x);
      signer.reset(x);
    }
    sk_X509_push(extra.get(), x);
  }
  // The chain is judged whenever the signer is known, so that a report says who signed even a
  // broken signature; a signature whose value was not checked gets no trust from it.
  if (signer) cms::judgeSignerCertificateSlowly(signer.get(), extra.get(), opt, r);
  out.facts = std::move(facts);
  return out;
}

const char* scopeName(XmlReferenceFacts::Scope s) {
  using S = XmlReferenceFacts::Scope;
  switch (s) {
    case S::WholeDocument:
      return "whole-document";
    case S::DocumentElement:
      return "element";
    case S::OwnSignatureProperties:
      return "signature-properties";
    case S::InsideSignature:
      return "inside-signature";
    case S::None:
      break;
  }
  return "none";
}

// What a reference covers, for people.
std::string coverage(const XmlReferenceFacts& r, Lang lang) {
  const bool vi = lang == Lang::Vi;
  using S = XmlReferenceFacts::Scope;
  switch (r.scope) {
    case S::WholeDocument:
      return vi ? "toàn bộ tài liệu (trừ chữ ký này)" : "the whole document (but this signature)";
    case S::DocumentElement:
      return (vi ? "phần tử " : "the element ") + r.path;
    case S::OwnSignatureProperties:
      return vi ? "thuộc tính của chính chữ ký (thời điểm ký)"
                : "the signature's own properties (signing time)";
    case S::InsideSignature:
      return (vi ? "nội dung bên trong một chữ ký: " : "content inside a signature: ") + r.path;
    case S::None:
      break;
  }
  return vi ? "không xác định" : "nothing that could be resolved";
}

Json findingsJson(const std::vector<XmlFindingAt>& fs, Lang lang) {
  Json a = Json::array();
  for (const auto& f : fs) {
    Json j = Json::object();
    j.set("code", findingCode(f.code));
    j.set("argument", f.arg);
    j.set("message", findingSentence(f, lang));
    a.push(std::move(j));
  }
  return a;
}

}  // namespace

XmlReport verifyXmlSlowly(const XmlSource& document, const cms::VerifyOptions& opt) {
  XmlReport rep;
  XmlInspection in = inspectXml(document);
  rep.root = in.root;
  rep.profile = in.profile;
  rep.problems = in.problems;
  if (in.error) {
    rep.error = in.error;
    rep.indication = Indication::TotalFailed;
    rep.subIndication = SubIndication::FormatFailure;
    return rep;
  }
  Indication overall = Indication::TotalPassed;
  for (auto& f : in.signatures) {
    rep.signatures.push_back(judge(std::move(f), opt));
    const auto& v = rep.signatures.back().verdict;
    if (rank(v.indication) > rank(overall)) rep.subIndication = v.subIndication;
    overall = cms::worse(overall, v.indication);
  }
  if (!rep.problems.empty()) {
    overall = Indication::TotalFailed;
    rep.subIndication = SubIndication::FormatFailure;
  }
  if (rep.signatures.empty() && rep.problems.empty()) {
    rep.error = Error::kyso(Errc::CmsNoSigner, "verifyXml").because(Detail::NoXmlSignature);
    rep.indication = Indication::Indeterminate;
    rep.subIndication = SubIndication::SignedDataNotFound;
    return rep;
  }
  rep.indication = overall;
  return rep;
}

std::string summaryLine(const XmlSignatureReport& s, Lang lang) {
  if (s.facts.problems.empty()) return cms::summaryLine(s.verdict, lang);
  const std::string first = findingSentence(s.facts.problems.front(), lang);
  return cms::summaryLine(s.verdict, lang, &first);
}

Json xmlReportToJson(const XmlReport& r, Lang lang) {
  Json j = Json::object();
  j.set("format", "xml");
  j.set("indication", cms::indicationName(r.indication));
  j.set("subindication", cms::subIndicationName(r.subIndication));
  j.set("error", r.error ? Json(std::string(errcName(r.error->kind))) : Json());
  j.set("message", r.error ? Json(describe(*r.error, lang)) : Json());
  j.set("root", r.root);
  j.set("profile", profileName(r.profile));
  j.set("problems", findingsJson(r.problems, lang));
  Json sigs = Json::array();
  int index = 0;
  for (const auto& s : r.signatures) {
    Json sj = Json::object();
    sj.set("index", index++);
    sj.set("path", s.facts.path);
    sj.set("id", s.facts.id);
    sj.set("canonicalization", s.facts.c14nMethod);
    sj.set("summary", summaryLine(s, lang));
    Json refs = Json::array();
    for (const auto& ref : s.facts.references) {
      Json rj = Json::object();
      rj.set("uri", ref.uri);
      rj.set("covers", scopeName(ref.scope));
      rj.set("path", ref.path);
      rj.set("digest_algorithm", ref.digestMethod);
      rj.set("digest_matches", ref.digestChecked ? Json(ref.digestOk) : Json());
      refs.push(std::move(rj));
    }
    sj.set("references", std::move(refs));
    sj.set("covers_document", s.facts.coversDocument);
    sj.set("findings", findingsJson(s.facts.problems, lang));
    sj.set("remarks", findingsJson(s.facts.notes, lang));
    const Json signer = cms::signerReportToJson(s.verdict);
    for (const auto& [k, v] : signer.members()) sj.set(k, v);
    sigs.push(std::move(sj));
  }
  j.set("signatures", std::move(sigs));
  return j;
}

std::string xmlReportToHtml(const XmlReport& r, const std::string& file, Lang lang) {
  const bool vi = lang == Lang::Vi;
  std::string h = "<!DOCTYPE html>\n<html lang=\"";
  h += vi ? "vi" : "en";
  h += "\"><head><meta charset=\"utf-8\"><title>kyso: " + htmlEscape(file) +
       "</title><style>body{font-family:sans-serif;max-width:60em;margin:2em auto}"
       ".ok{color:#0a6b0a}.bad{color:#b00020}.unk{color:#8a5a00}td{padding:2px 8px;"
       "vertical-align:top}</style></head><body>\n";
  h += "<h1>" + htmlEscape(file) + "</h1>\n";
  auto cls = [](Indication i) {
    return i == Indication::TotalPassed ? "ok" : i == Indication::TotalFailed ? "bad" : "unk";
  };
  if (r.error) {
    h += std::string("<p class=\"bad\">") + (vi ? "KHÔNG hợp lệ: " : "NOT valid: ") +
         htmlEscape(describe(*r.error, lang)) + "</p>\n";
  }
  for (const auto& p : r.problems)
    h += "<p class=\"bad\">" + htmlEscape(findingSentence(p, lang)) + "</p>\n";
  int i = 0;
  for (const auto& s : r.signatures) {
    const auto& v = s.verdict;
    h += "<h2>" + std::string(vi ? "Chữ ký " : "Signature ") + std::to_string(++i) + "</h2>\n";
    h += std::string("<p class=\"") + cls(v.indication) + "\">" + htmlEscape(summaryLine(s, lang)) +
         "</p>\n<table>\n";
    auto row = [&](const char* en, const char* vn, const std::string& value) {
      h +=
          "<tr><td>" + std::string(vi ? vn : en) + "</td><td>" + htmlEscape(value) + "</td></tr>\n";
    };
    row("Indication", "Kết luận",
        std::string(cms::indicationName(v.indication)) + " " +
            cms::subIndicationName(v.subIndication));
    row("Location", "Vị trí", s.facts.path);
    for (const auto& ref : s.facts.references)
      row("Covers", "Phạm vi ký",
          coverage(ref, lang) + (ref.digestChecked
                                     ? (ref.digestOk ? (vi ? " — nguyên vẹn" : " — intact")
                                                     : (vi ? " — ĐÃ THAY ĐỔI" : " — CHANGED"))
                                     : ""));
    if (v.signer) {
      row("Signer", "Người ký", v.signer->subject);
      row("Issuer", "Nơi cấp", v.signer->issuer);
      row("Valid", "Hiệu lực", v.signer->notBefore + " – " + v.signer->notAfter);
    }
    row("Algorithms", "Thuật toán", v.signatureAlgorithm + ", " + s.facts.c14nMethod);
    if (v.signingTime) row("Signing time (claimed)", "Thời điểm ký (tự ghi)", *v.signingTime);
    row("Chain", "Chuỗi chứng thư",
        (v.chainStatus.empty() ? std::string("-") : v.chainStatus) +
            (v.chainAnchor.empty() ? "" : " (" + v.chainAnchor + ")"));
    row("Revocation", "Thu hồi", v.revocationStatus);
    h += "</table>\n<ul>\n";
    for (const auto& f : s.facts.problems)
      h += "<li>" + htmlEscape(findingSentence(f, lang)) + "</li>\n";
    for (const auto& f : s.facts.notes)
      h += "<li>" + htmlEscape(findingSentence(f, lang)) + "</li>\n";
    for (const auto& n : v.notes) h += "<li>" + htmlEscape(cms::noteText(n, lang)) + "</li>\n";
    h += "</ul>\n";
  }
  h += "</body></html>\n";
  return h;
}

}  // namespace kyso::xml
