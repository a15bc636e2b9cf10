// JSON and one-line summaries of verification reports (the shape the PDF verifier shares).
#include "core/messages.h"
#include "src/cms/verifier.h"

namespace kyso::cms {
namespace {

Json certJson(const CertSummary& c) {
  Json j = Json::object();
  j.set("subject", c.subject);
  j.set("common_name", c.commonName);
  j.set("organization", c.organization);
  j.set("issuer", c.issuer);
  j.set("serial", c.serial);
  j.set("sha256", c.sha256);
  j.set("not_before", c.notBefore);
  j.set("not_after", c.notAfter);
  j.set("key", c.keyType);
  return j;
}

Json optString(const std::optional<std::string>& s) {
  return s ? Json(*s) : Json();
}

}  // namespace

Json signerReportToJson(const SignerReport& r) {
  Json j = Json::object();
  j.set("indication", indicationName(r.indication));
  j.set("subindication",
        r.subIndication == SubIndication::None ? Json() : Json(subIndicationName(r.subIndication)));
  j.set("intact", r.intact);
  j.set("signer", r.signer ? certJson(*r.signer) : Json());
  j.set("signing_time", optString(r.signingTime));
  Json chain = Json::object();
  chain.set("trusted", r.chainTrusted);
  chain.set("anchor", r.chainAnchor.empty() ? Json() : Json(r.chainAnchor));
  chain.set("anchor_group", r.chainAnchorSource.empty() ? Json() : Json(r.chainAnchorSource));
  chain.set("status", r.chainStatus.empty() ? Json("not-built") : Json(r.chainStatus));
  Json missing = Json::array();
  for (const auto& m : r.missing) missing.push(m);
  chain.set("missing", std::move(missing));
  Json certsArr = Json::array();
  for (const auto& c : r.chain) certsArr.push(certJson(c));
  chain.set("certificates", std::move(certsArr));
  j.set("chain", std::move(chain));
  Json rev = Json::object();
  rev.set("status", r.revocationStatus);
  Json checks = Json::array();
  for (const auto& c : r.revocation) {
    Json cj = Json::object();
    cj.set("subject", c.subject);
    cj.set("status", certs::revocationStatusName(c.status));
    cj.set("source", c.source);
    cj.set("url", c.url);
    if (c.revokedAt) {
      cj.set("revoked_at", certs::isoTime(*c.revokedAt));
      cj.set("reason", certs::crlReasonName(c.reason));
    }
    if (c.thisUpdate) cj.set("this_update", certs::isoTime(*c.thisUpdate));
    if (c.nextUpdate) cj.set("next_update", certs::isoTime(*c.nextUpdate));
    cj.set("detail", c.detail);
    checks.push(std::move(cj));
  }
  rev.set("checks", std::move(checks));
  j.set("revocation", std::move(rev));
  if (r.timestamp) {
    Json t = Json::object();
    t.set("status", r.timestamp->status);
    t.set("valid", r.timestamp->valid);
    t.set("trusted", r.timestamp->trusted);
    t.set("time", r.timestamp->time.empty() ? Json() : Json(r.timestamp->time));
    t.set("tsa", r.timestamp->tsa);
    t.set("detail", r.timestamp->detail);
    j.set("timestamp", std::move(t));
  } else {
    j.set("timestamp", Json());
  }
  Json notes = Json::array(), codes = Json::array();
  for (const auto& n : r.notes) {
    notes.push(noteText(n, Lang::En));
    codes.push(noteCode(n.id));
  }
  j.set("notes", std::move(notes));
  j.set("note_codes", std::move(codes));
  j.set("digest_algorithm", r.digestAlgorithm);
  j.set("signature_algorithm", r.signatureAlgorithm);
  j.set("validation_time", r.validationTime);
  j.set("validation_time_source", r.validationTimeSource);
  j.set("error", r.errc == Errc::Ok ? Json() : Json(std::string(errcName(r.errc))));
  Json cs = Json::array();
  for (const auto& c : r.counterSignatures) cs.push(signerReportToJson(c));
  j.set("counter_signatures", std::move(cs));
  return j;
}

Json cmsReportToJson(const CmsReport& r) {
  Json j = Json::object();
  j.set("indication", indicationName(r.indication));
  j.set("subindication",
        r.subIndication == SubIndication::None ? Json() : Json(subIndicationName(r.subIndication)));
  j.set("detached", r.detached);
  j.set("content_type", r.eContentType);
  j.set("error", r.error ? Json(std::string(errcName(r.error->kind))) : Json());
  Json notes = Json::array(), codes = Json::array();
  for (const auto& n : r.notes) {
    notes.push(noteText(n, Lang::En));
    codes.push(noteCode(n.id));
  }
  j.set("notes", std::move(notes));
  j.set("note_codes", std::move(codes));
  Json sigs = Json::array();
  int index = 0;
  for (const auto& s : r.signers) {
    Json sj = signerReportToJson(s);
    Json withIndex = Json::object();
    withIndex.set("index", index++);
    for (const auto& [k, v] : sj.members()) withIndex.set(k, v);
    sigs.push(std::move(withIndex));
  }
  j.set("signatures", std::move(sigs));
  return j;
}

namespace {
// "The issuer ..." continues "the content is unchanged, but the issuer ...": the first letter is
// lowered unless it starts an acronym ("OCSP ...").
std::string continuing(std::string s) {
  auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  if (!s.empty() && upper(s[0]) && (s.size() == 1 || !upper(s[1])))
    s[0] = static_cast<char>(s[0] - 'A' + 'a');
  return s;
}
}  // namespace

std::string summaryLine(const SignerReport& r, Lang lang, const std::string* firstReason) {
  const bool vi = lang == Lang::Vi;
  std::string who = r.signer ? r.signer->commonName
                             : std::string(vi ? "người ký không xác định" : "an unknown signer");
  if (r.signer && !r.signer->organization.empty() && r.signer->organization != who)
    who += " (" + r.signer->organization + ")";
  std::string when =
      r.signingTime ? (vi ? " ngày " : " on ") + r.signingTime->substr(0, 10) : std::string();
  if (r.timestamp && r.timestamp->valid)
    when = (vi ? " lúc " : " at ") + r.timestamp->time +
           (vi ? " (có dấu thời gian)" : " (timestamped)");
  std::string first = firstReason       ? *firstReason
                      : r.notes.empty() ? std::string()
                                        : noteText(r.notes.front(), lang);
  const std::string why = first.empty() ? std::string(subIndicationName(r.subIndication)) : first;
  switch (r.indication) {
    case Indication::TotalPassed:
      return vi ? "Hợp lệ: ký bởi " + who + when + "; nội dung không thay đổi kể từ khi ký."
                : "Valid: signed by " + who + when + "; the content has not changed since.";
    case Indication::TotalFailed:
      return (vi ? "KHÔNG hợp lệ: " : "NOT valid: ") + why;
    case Indication::Indeterminate:
      break;
  }
  std::string head = vi ? "Chưa xác định được (ký bởi " + who + when + "): "
                        : "Cannot confirm (signed by " + who + when + "): ";
  if (!r.intact) return head + why;
  return head + (vi ? "nội dung không thay đổi, nhưng " : "the content is unchanged, but ") +
         (first.empty() ? why : continuing(why));
}

}  // namespace kyso::cms
