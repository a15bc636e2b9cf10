// Transitions (judged by lifecycle.h's tables), history, expiry and the computed warnings.
#include "src/inventory/inventory.h"
#include "src/inventory/sql_rows.h"
#include "src/inventory/warning_text.h"

namespace kyso::inventory {

Result<Event> Inventory::transition(Subject s, std::string_view key, std::string_view to,
                                    EvidenceGiven e) {
  e.today = today();
  KYSO_ASSIGN_OR_RETURN(Transaction tx, Transaction::begin(*m_db));
  Event ev;
  ev.docNumber = e.docNumber;
  ev.docDate = e.docDate;
  ev.note = e.note;
  if (s == Subject::Token) {
    KYSO_ASSIGN_OR_RETURN(Token before, token(key));
    KYSO_ASSIGN_OR_RETURN(TransitionRule rule, checkTransition(s, before.state, to, e));
    Value holder = sql::id(before.holderId), unitId = sql::id(before.unitId);
    std::string issuedOn = before.issuedOn;
    if (rule.needs & kHolder) {
      KYSO_ASSIGN_OR_RETURN(Person h, person(std::to_string(*e.holderId)));
      if (!h.leftOn.empty() && h.leftOn <= e.today)
        return Error::kyso(Errc::TransitionNotAllowed, rule.event.data(),
                           h.fullName + " has left the unit");
      if (rule.event == "hand_over" && before.holderId == h.id)
        return Error::kyso(Errc::TransitionNotAllowed, "hand_over", h.fullName)
            .because(Detail::TokenAlreadyWith);
      holder = h.id;
      unitId = h.unitId;
      issuedOn = e.docDate;
    }
    if (to == "returned" || to == "in_stock" || to == "destroyed") holder = nullptr;
    KYSO_ASSIGN_OR_RETURN(
        long long n, m_db->exec("UPDATE tokens SET state = ?, holder_id = ?, unit_id = ?, "
                                "issued_on = ?, version = version + 1 "
                                "WHERE id = ? AND version = ?",
                                {std::string(to), holder, unitId, sql::text(issuedOn), before.id,
                                 before.version}));
    if (n == 0)
      return sql::noRowUpdated(*m_db, "tokens", before.id, before.version, "transition",
                               before.serial);
    KYSO_ASSIGN_OR_RETURN(Token after, token(std::to_string(before.id)));
    if (after.id != before.id) {
      KYSO_ASSIGN_OR_RETURN(after, token(before.serial));
    }
    ev.entity = "token";
    ev.entityId = before.id;
    ev.kind = rule.event;
    ev.fromState = before.state;
    ev.toState = std::string(to);
    if (rule.needs & kHolder)
      ev.note = (ev.note.empty() ? "" : ev.note + "; ") + "holder: " + after.holderName;
    if (e.wiped) ev.note = (ev.note.empty() ? "" : ev.note + "; ") + "wiped";
    // The event belongs to the unit that held the token before (an officer hands over their own).
    KYSO_TRY(record({"token", before.id, "transition", toJson(before).dump(), toJson(after).dump()},
                    &ev, before.unitId ? before.unitId : after.unitId));
  } else {
    KYSO_ASSIGN_OR_RETURN(Certificate before, certificate(key));
    if (e.notBefore.empty()) e.notBefore = before.notBefore;
    if (e.notAfter.empty()) e.notAfter = before.notAfter;
    KYSO_ASSIGN_OR_RETURN(TransitionRule rule, checkTransition(s, before.state, to, e));
    std::string notBefore = before.notBefore, notAfter = before.notAfter;
    if (rule.needs & kValidity) {
      notBefore = e.notBefore;
      notAfter = e.notAfter;
    }
    if (rule.needs & kNewExpiry) notAfter = e.newNotAfter;
    KYSO_ASSIGN_OR_RETURN(
        long long n, m_db->exec("UPDATE certificates SET state = ?, not_before = ?, not_after = ?, "
                                "version = version + 1 "
                                "WHERE id = ? AND version = ?",
                                {std::string(to), notBefore, notAfter, before.id, before.version}));
    if (n == 0)
      return sql::noRowUpdated(*m_db, "certificates", before.id, before.version, "transition",
                               before.sha256);
    KYSO_ASSIGN_OR_RETURN(
        Rows got, m_db->query(std::string(sql::kCertSelect) + "WHERE c.id = ?", {before.id}));
    const Certificate after = sql::certFrom(got[0]);
    ev.entity = "certificate";
    ev.entityId = before.id;
    ev.kind = rule.event;
    ev.fromState = before.state;
    ev.toState = std::string(to);
    if (rule.needs & kNewExpiry)
      ev.note = (ev.note.empty() ? "" : ev.note + "; ") + "valid until " + notAfter;
    KYSO_TRY(record(
        {"certificate", before.id, "transition", toJson(before).dump(), toJson(after).dump()}, &ev,
        after.unitId));
  }
  ev.who = m_who;
  ev.at = now();
  KYSO_TRY(tx.commit());
  return ev;
}

Result<std::vector<Event>> Inventory::history(Subject s, std::string_view key) {
  long long id = 0;
  if (s == Subject::Token) {
    KYSO_ASSIGN_OR_RETURN(Token t, token(key));
    id = t.id;
  } else {
    KYSO_ASSIGN_OR_RETURN(Certificate c, certificate(key));
    id = c.id;
  }
  KYSO_ASSIGN_OR_RETURN(
      Rows rows,
      m_db->query(std::string(sql::kEventSelect) + "WHERE entity = ? AND entity_id = ? ORDER BY id",
                  {std::string(s == Subject::Token ? "token" : "certificate"), id}));
  std::vector<Event> out;
  for (const Row& r : rows) out.push_back(sql::eventFrom(r));
  return out;
}

Result<std::vector<Certificate>> Inventory::expiring(long days) {
  if (days < 0) return Error::kyso(Errc::UsageError, "expiring").because(Detail::NegativeDays);
  const auto t = parseDate(today());
  KYSO_ASSIGN_OR_RETURN(
      Rows rows,
      m_db->query(std::string(sql::kCertSelect) +
                      "WHERE c.state IN ('valid', 'renewal_requested', 'change_requested') "
                      "AND c.not_after >= ? AND c.not_after <= ? ORDER BY c.not_after, c.id",
                  {today(), formatDate(*t + days)}));
  std::vector<Certificate> out;
  out.reserve(rows.size());
  for (const Row& r : rows) out.push_back(sql::certFrom(r));
  return out;
}

Result<std::vector<Warning>> Inventory::warnings() {
  std::vector<Warning> out;
  const std::string now_ = today();
  const long t = *parseDate(now_);
  // First: a lost token whose certificate is not revoked. Whoever finds it may sign with it; the
  // one action that stops that is asking the CA to revoke the certificate.
  KYSO_ASSIGN_OR_RETURN(
      Rows lost,
      m_db->query("SELECT t.serial, c.sha256, c.subject, c.state FROM tokens t JOIN certificates c "
                  "ON c.token_id = t.id WHERE t.state = 'lost' AND c.state NOT IN ('revoked', "
                  "'expired', 'revocation_requested') AND c.not_after >= ? ORDER BY t.serial, c.id",
                  {now_}));
  auto add = [&out](Warning w) {
    w.subject = w.tokenSerial.empty() ? "certificate " + w.certificate : "token " + w.tokenSerial;
    w.detail = warningText(w, Lang::En);
    out.push_back(std::move(w));
  };
  for (const Row& r : lost) {
    Warning w;
    w.kind = "lost_token_cert_valid";
    w.tokenSerial = r.text(0);
    w.certificate = r.text(1).substr(0, 16);
    w.certSubject = r.text(2);
    w.certState = r.text(3);
    add(std::move(w));
  }
  KYSO_ASSIGN_OR_RETURN(std::vector<Certificate> soon, expiring(60));
  for (const Certificate& c : soon) {
    const long left = *parseDate(c.notAfter) - t;
    Warning w;
    w.kind = left <= 7 ? "expiring_7" : left <= 30 ? "expiring_30" : "expiring_60";
    w.days = left;
    w.certificate = c.sha256.substr(0, 16);
    w.certSubject = c.subject;
    w.holder = c.holderName;
    w.date = c.notAfter;
    add(std::move(w));
  }
  // A holder who has left still holds a token or certificate in use.
  KYSO_ASSIGN_OR_RETURN(Rows left,
                        m_db->query("SELECT t.serial, p.full_name, p.left_on FROM tokens t JOIN "
                                    "people p ON p.id = t.holder_id "
                                    "WHERE p.left_on IS NOT NULL AND p.left_on <= ? "
                                    "AND t.state IN ('active', 'pin_locked', 'restore_requested', "
                                    "'suspended') ORDER BY t.serial",
                                    {now_}));
  for (const Row& r : left) {
    Warning w;
    w.kind = "holder_left";
    w.tokenSerial = r.text(0);
    w.holder = r.text(1);
    w.date = r.text(2);
    add(std::move(w));
  }
  KYSO_ASSIGN_OR_RETURN(Rows leftCerts,
                        m_db->query("SELECT c.sha256, p.full_name, p.left_on FROM certificates c "
                                    "JOIN people p ON p.id = c.holder_id "
                                    "WHERE p.left_on IS NOT NULL AND p.left_on <= ? "
                                    "AND c.state IN ('valid', 'renewal_requested', "
                                    "'change_requested', 'suspended') ORDER BY c.id",
                                    {now_}));
  for (const Row& r : leftCerts) {
    Warning w;
    w.kind = "holder_left";
    w.certificate = r.text(0).substr(0, 16);
    w.holder = r.text(1);
    w.date = r.text(2);
    add(std::move(w));
  }
  // A token back in stock must be empty: any certificate not revoked/expired on it is a leak.
  KYSO_ASSIGN_OR_RETURN(
      Rows stock,
      m_db->query(
          "SELECT t.serial, c.sha256, c.state FROM tokens t JOIN certificates c ON c.token_id = "
          "t.id "
          "WHERE t.state IN ('in_stock', 'returned') AND c.state NOT IN ('revoked', 'expired') "
          "ORDER BY t.serial"));
  for (const Row& r : stock) {
    Warning w;
    w.kind = "stock_token_with_cert";
    w.tokenSerial = r.text(0);
    w.certificate = r.text(1).substr(0, 16);
    w.certState = r.text(2);
    add(std::move(w));
  }
  KYSO_ASSIGN_OR_RETURN(
      Rows revoked,
      m_db->query(
          "SELECT t.serial, c.sha256 FROM tokens t JOIN certificates c ON c.token_id = t.id "
          "WHERE t.state = 'active' AND c.state = 'revoked' ORDER BY t.serial"));
  for (const Row& r : revoked) {
    Warning w;
    w.kind = "revoked_cert_on_active_token";
    w.tokenSerial = r.text(0);
    w.certificate = r.text(1).substr(0, 16);
    add(std::move(w));
  }
  return out;
}

}  // namespace kyso::inventory
