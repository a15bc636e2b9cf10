#include <cmath>

#include "core/messages.h"
#include "src/pdfverify/problems.h"
#include "src/pdfverify/report.h"

namespace kyso::pdfverify {

namespace {

Json orNull(const Json& j) {
  return j.isNull() ? Json() : j;
}

Json visualJson(const VisualCheck& v) {
  Json j = Json::object();
  j.set("status", visualStatusCode(v.status));
  j.set("skipped",
        v.status == VisualCheck::Status::Skipped ? Json(visualSkipCode(v.skipped)) : Json());
  j.set("detail", v.detail.empty() ? Json() : Json(v.detail));
  j.set("pages_compared", v.pages_compared);
  j.set("pages_signed", v.pages_signed);
  j.set("pages_now", v.pages_now);
  j.set("cut_short", v.cut_short == VisualCheck::Cut::Pages  ? Json("pages")
                     : v.cut_short == VisualCheck::Cut::Time ? Json("time")
                                                             : Json());
  Json diffs = Json::array();
  for (auto& d : v.differences) {
    Json dj = Json::object();
    dj.set("page", d.page);
    dj.set("code", visualDiffCode(d.kind));
    Json region = Json::array();
    for (double x : {d.x, d.y, d.w, d.h}) region.push(Json(std::round(x * 10) / 10));
    dj.set("region", std::move(region));  // points from the top-left: x, y, width, height
    dj.set("what", visualDifferenceText(d, Lang::En));
    diffs.push(std::move(dj));
  }
  j.set("differences", std::move(diffs));
  return j;
}

Json signatureJson(const SignatureReport& s) {
  Json j = Json::object();
  j.set("index", s.index);
  j.set("field", s.field);
  j.set("kind", signatureKindCode(s.kind));
  j.set("subfilter", s.subfilter);
  j.set("indication", indicationName(s.indication));
  j.set("subindication",
        s.subindication == SubIndication::None ? Json() : Json(subIndicationName(s.subindication)));
  j.set("intact", s.crypto.intact ? Json(*s.crypto.intact) : Json());
  j.set("coverage", coverageCode(s.coverage));
  j.set("modifications", modificationsCode(s.modifications));
  Json changes = Json::array();
  for (auto& c : s.changes) {
    Json cj = Json::object();
    cj.set("revision", c.revision);
    cj.set("code", changeCode(c.kind));
    cj.set("what", changeText(c, Lang::En));
    cj.set("allowed", c.allowed);
    changes.push(std::move(cj));
  }
  j.set("changes", std::move(changes));
  j.set("visual_check", visualJson(s.visual));
  j.set("level", s.crypto.level.empty() ? Json() : Json(s.crypto.level));
  j.set("signer", orNull(s.crypto.signer));
  j.set("signing_time", s.crypto.signing_time.empty() ? Json() : Json(s.crypto.signing_time));
  j.set("timestamp", orNull(s.crypto.timestamp));
  Json chain = s.crypto.chain;
  if (chain.isNull()) {
    chain = Json::object();
    chain.set("trusted", Json());
    chain.set("anchor", Json());
    chain.set("status", "unknown");
  }
  j.set("chain", std::move(chain));
  j.set("revocation", orNull(s.crypto.revocation));
  Json br = Json::array();
  for (auto v : s.byte_range) br.push(Json(static_cast<long long>(v)));
  j.set("byte_range", std::move(br));
  j.set("revision", s.revision);
  j.set("docmdp", s.docmdp == 0 ? Json() : Json(s.docmdp));
  auto optional = [](const std::string& v) { return v.empty() ? Json() : Json(v); };
  j.set("name", optional(s.name));
  j.set("reason", optional(s.reason));
  j.set("location", optional(s.location));
  j.set("claimed_signing_time", optional(s.claimed_time));
  j.set("appearance", optional(s.appearance));
  j.set("stamped_number", optional(s.stamped_number));
  j.set("stamped_date", optional(s.stamped_date));
  Json problems = Json::array();
  for (auto& p : s.problems) problems.push(findingText(p, Lang::En));
  j.set("problems", std::move(problems));
  // The stable code of each problem, in the same order.
  Json codes = Json::array();
  for (auto& p : s.problems) codes.push(findingCode(p));
  j.set("problem_codes", std::move(codes));
  Json notes = Json::array(), noteCodes = Json::array();
  for (const auto* list : {&s.notes, &s.crypto.notes})
    for (auto& n : *list) {
      notes.push(findingText(n, Lang::En));
      noteCodes.push(findingCode(n));
    }
  j.set("notes", std::move(notes));
  j.set("note_codes", std::move(noteCodes));
  return j;
}

}  // namespace

Json reportJson(const FileReport& r) {
  Json j = Json::object();
  j.set("file", r.file);
  j.set("status", fileStatusCode(r.status));
  if (r.error) {
    Json e = Json::object();
    e.set("code", std::string(r.error->domain == Domain::Kyso ? errcName(r.error->kind)
                                                              : std::string_view("raw")));
    e.set("message", describe(*r.error, Lang::En));
    e.set("technical", r.error->technical());
    j.set("error", std::move(e));
  } else {
    j.set("error", Json());
  }
  j.set("indication", r.status == FileStatus::Signed ? Json(indicationName(r.indication)) : Json());
  j.set("revisions", r.revisions);
  Json sigs = Json::array();
  for (auto& s : r.signatures) sigs.push(signatureJson(s));
  j.set("signatures", std::move(sigs));
  Json notes = Json::array(), noteCodes = Json::array();
  for (auto& n : r.notes) {
    notes.push(findingText(n, Lang::En));
    noteCodes.push(findingCode(n));
  }
  j.set("notes", std::move(notes));
  j.set("note_codes", std::move(noteCodes));
  return j;
}

}  // namespace kyso::pdfverify
