// JSON forms of the records, for --json listings and the audit log's before/after.
#include "src/inventory/model.h"

namespace kyso::inventory {
namespace {
Json optId(const std::optional<long long>& v) {
  return v ? Json(*v) : Json();
}
Json optText(const std::string& s) {
  return s.empty() ? Json() : Json(s);
}
}  // namespace

Json toJson(const Unit& u) {
  Json j = Json::object();
  j.set("id", u.id).set("name", u.name).set("kind", u.kind);
  j.set("parent_id", optId(u.parentId)).set("parent", optText(u.parentName));
  j.set("focal_person_id", optId(u.focalPersonId)).set("focal_person", optText(u.focalPersonName));
  j.set("has_seal", u.hasSeal).set("version", u.version);
  return j;
}

Json toJson(const Person& p) {
  Json j = Json::object();
  j.set("id", p.id).set("name", p.fullName).set("position", p.position);
  j.set("unit_id", p.unitId).set("unit", p.unitName).set("email", p.email).set("phone", p.phone);
  j.set("left_on", optText(p.leftOn))
      .set("has_handwriting", p.hasHandwriting)
      .set("version", p.version);
  return j;
}

Json toJson(const Token& t) {
  Json j = Json::object();
  j.set("id", t.id)
      .set("serial", t.serial)
      .set("manufacturer", t.manufacturer)
      .set("model", t.model);
  j.set("provider", t.provider).set("module", t.module).set("state", t.state);
  j.set("holder_id", optId(t.holderId)).set("holder", optText(t.holderName));
  j.set("unit_id", optId(t.unitId)).set("unit", optText(t.unitName));
  j.set("received_on", optText(t.receivedOn)).set("issued_on", optText(t.issuedOn));
  j.set("last_seen", optText(t.lastSeen)).set("version", t.version);
  return j;
}

Json toJson(const Certificate& c) {
  Json j = Json::object();
  j.set("id", c.id).set("serial", c.serial).set("issuer", c.issuer).set("subject", c.subject);
  j.set("not_before", c.notBefore).set("not_after", c.notAfter).set("sha256", c.sha256);
  j.set("key_id", c.keyId).set("token_id", optId(c.tokenId)).set("token", optText(c.tokenSerial));
  j.set("holder_id", optId(c.holderId)).set("holder", optText(c.holderName));
  j.set("unit_id", optId(c.unitId)).set("unit", optText(c.unitName));
  j.set("kind", c.kind).set("state", c.state).set("version", c.version);
  return j;
}

Json toJson(const Event& e) {
  Json j = Json::object();
  j.set("id", e.id).set("entity", e.entity).set("entity_id", e.entityId).set("kind", e.kind);
  j.set("from", optText(e.fromState)).set("to", optText(e.toState));
  j.set("doc_number", optText(e.docNumber)).set("doc_date", optText(e.docDate));
  j.set("who", e.who).set("at", e.at).set("note", optText(e.note));
  return j;
}

Json toJson(const Warning& w) {
  Json j = Json::object();
  j.set("kind", w.kind).set("subject", w.subject).set("detail", w.detail);
  if (w.kind.starts_with("expiring")) j.set("days_left", w.days);
  return j;
}

}  // namespace kyso::inventory
