// Tokens and certificates: add, find, list with filters, edit with version checks.
#include "src/inventory/inventory.h"
#include "src/inventory/sql_rows.h"

namespace kyso::inventory {
namespace {

Error notFound(const char* what, std::string_view key) {
  return Error::kyso(Errc::DbNotFound, what, std::string(key));
}

}  // namespace

// ---- tokens ----

Result<Token> Inventory::token(std::string_view key) {
  KYSO_ASSIGN_OR_RETURN(
      Rows rows,
      m_db->query(std::string(sql::kTokenSelect) + "WHERE t.serial = ?", {std::string(key)}));
  if (rows.empty() && sql::isNumber(key)) {
    KYSO_ASSIGN_OR_RETURN(rows, m_db->query(std::string(sql::kTokenSelect) + "WHERE t.id = ?",
                                            {std::stoll(std::string(key))}));
  }
  if (rows.empty()) return notFound("token", key);
  return sql::tokenFrom(rows[0]);
}

Result<std::vector<Token>> Inventory::tokens(const TokenFilter& f) {
  std::string q = std::string(sql::kTokenSelect) + "WHERE 1 = 1";
  Params p;
  if (!f.state.empty()) {
    q += " AND t.state = ?";
    p.emplace_back(f.state);
  }
  if (f.unitId) {
    q += " AND t.unit_id = ?";
    p.emplace_back(*f.unitId);
  }
  if (f.holderId) {
    q += " AND t.holder_id = ?";
    p.emplace_back(*f.holderId);
  }
  if (!f.manufacturer.empty()) {
    q += " AND t.manufacturer = ?";
    p.emplace_back(f.manufacturer);
  }
  if (!f.search.empty()) {
    q += " AND (t.serial LIKE ? OR t.model LIKE ?)";
    p.emplace_back("%" + f.search + "%");
    p.emplace_back("%" + f.search + "%");
  }
  q += " ORDER BY t.serial";
  if (f.limit > 0) q += " LIMIT " + std::to_string(f.limit);
  KYSO_ASSIGN_OR_RETURN(Rows rows, m_db->query(q, p));
  std::vector<Token> out;
  out.reserve(rows.size());
  for (const Row& r : rows) out.push_back(sql::tokenFrom(r));
  return out;
}

Result<Token> Inventory::addToken(Token t) {
  if (t.serial.empty())
    return Error::kyso(Errc::UsageError, "token add", "--serial").because(Detail::OptionRequired);
  if (t.manufacturer.empty())
    return Error::kyso(Errc::UsageError, "token add", "--manufacturer")
        .because(Detail::OptionRequired);
  if (!isState(Subject::Token, t.state))
    return Error::kyso(Errc::UsageError, "token add",
                       detailArgs({t.state, statesList(Subject::Token)}))
        .because(Detail::UnknownState);
  for (const std::string* d : {&t.receivedOn, &t.issuedOn})
    if (!d->empty() && !parseDate(*d))
      return Error::kyso(Errc::UsageError, "token add", *d).because(Detail::BadDate);
  KYSO_ASSIGN_OR_RETURN(Transaction tx, Transaction::begin(*m_db));
  if (t.holderId) {
    KYSO_ASSIGN_OR_RETURN(Person h, person(std::to_string(*t.holderId)));
    if (t.unitId && *t.unitId != h.unitId)
      return Error::kyso(Errc::UsageError, "token add", h.fullName).because(Detail::NotInThatUnit);
    t.unitId = h.unitId;
  }
  KYSO_ASSIGN_OR_RETURN(
      Rows r,
      m_db->query(
          "INSERT INTO tokens (serial, manufacturer, model, provider, module, state, holder_id, "
          "unit_id, "
          "received_on, issued_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
          {t.serial, t.manufacturer, t.model, t.provider, t.module, t.state, sql::id(t.holderId),
           sql::id(t.unitId), sql::text(t.receivedOn), sql::text(t.issuedOn)}));
  KYSO_ASSIGN_OR_RETURN(Token added, token(std::to_string(r[0].integer(0))));
  if (added.id != r[0].integer(0)) {  // a serial that looks like another token's id
    KYSO_ASSIGN_OR_RETURN(added, token(t.serial));
  }
  Event e{0, "token", added.id, "registered", "", added.state, "", "", "", "", ""};
  KYSO_TRY(record({"token", added.id, "create", "", toJson(added).dump()}, &e, added.unitId));
  KYSO_TRY(tx.commit());
  return added;
}

Result<Token> Inventory::editToken(const Token& t) {
  if (t.serial.empty() || t.manufacturer.empty())
    return Error::kyso(Errc::UsageError, "token edit").because(Detail::SerialAndMaker);
  KYSO_ASSIGN_OR_RETURN(Transaction tx, Transaction::begin(*m_db));
  KYSO_ASSIGN_OR_RETURN(Rows cur,
                        m_db->query(std::string(sql::kTokenSelect) + "WHERE t.id = ?", {t.id}));
  if (cur.empty()) return notFound("token", std::to_string(t.id));
  const Token before = sql::tokenFrom(cur[0]);
  if (before.version != t.version)
    return Error::kyso(Errc::DbConflict, "token edit", before.serial)
        .because(Detail::ChangedMeanwhile);
  if (t.unitId != before.unitId && before.holderId)
    return Error::kyso(Errc::UsageError, "token edit").because(Detail::HandOverInstead);
  KYSO_ASSIGN_OR_RETURN(
      long long n, m_db->exec("UPDATE tokens SET serial = ?, manufacturer = ?, model = ?, provider "
                              "= ?, module = ?, unit_id = ?, "
                              "received_on = ?, version = version + 1 WHERE id = ? AND version = ?",
                              {t.serial, t.manufacturer, t.model, t.provider, t.module,
                               sql::id(t.unitId), sql::text(t.receivedOn), t.id, t.version}));
  if (n == 0) {
    // Either someone committed first (the version moved) or row-level security hid the row.
    KYSO_ASSIGN_OR_RETURN(Rows again,
                          m_db->query("SELECT version FROM tokens WHERE id = ?", {t.id}));
    if (!again.empty() && again[0].integer(0) != t.version)
      return Error::kyso(Errc::DbConflict, "token edit", before.serial);
    return Error::kyso(Errc::PermissionDenied, "token edit", before.serial);
  }
  KYSO_ASSIGN_OR_RETURN(Rows now_,
                        m_db->query(std::string(sql::kTokenSelect) + "WHERE t.id = ?", {t.id}));
  const Token after = sql::tokenFrom(now_[0]);
  Event e{0, "token", t.id, "edited", "", "", "", "", "", "", ""};
  KYSO_TRY(record({"token", t.id, "edit", toJson(before).dump(), toJson(after).dump()}, &e,
                  after.unitId));
  KYSO_TRY(tx.commit());
  return after;
}

Status Inventory::markSeen(std::string_view serial) {
  KYSO_ASSIGN_OR_RETURN(long long n, m_db->exec("UPDATE tokens SET last_seen = ? WHERE serial = ?",
                                                {now(), std::string(serial)}));
  if (n == 0) return notFound("token", serial);
  return {};
}

// ---- certificates ----

Result<Certificate> Inventory::certificate(std::string_view key) {
  Rows rows;
  if (sql::isNumber(key) && key.size() < 8) {
    KYSO_ASSIGN_OR_RETURN(rows, m_db->query(std::string(sql::kCertSelect) + "WHERE c.id = ?",
                                            {std::stoll(std::string(key))}));
  } else if (key.size() >= 8) {
    std::string k(key);
    for (char& ch : k) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    KYSO_ASSIGN_OR_RETURN(
        rows,
        m_db->query(std::string(sql::kCertSelect) + "WHERE c.sha256 LIKE ? LIMIT 2", {k + "%"}));
    if (rows.size() > 1)
      return Error::kyso(Errc::UsageError, "certificate", k).because(Detail::SeveralCertificates);
  }
  if (rows.empty()) return notFound("certificate", key);
  return sql::certFrom(rows[0]);
}

Result<std::vector<Certificate>> Inventory::certificates(const CertFilter& f) {
  std::string q = std::string(sql::kCertSelect) + "WHERE 1 = 1";
  Params p;
  if (!f.state.empty()) {
    q += " AND c.state = ?";
    p.emplace_back(f.state);
  }
  if (f.unitId) {
    q += " AND c.unit_id = ?";
    p.emplace_back(*f.unitId);
  }
  if (f.holderId) {
    q += " AND c.holder_id = ?";
    p.emplace_back(*f.holderId);
  }
  if (f.tokenId) {
    q += " AND c.token_id = ?";
    p.emplace_back(*f.tokenId);
  }
  if (!f.expiresBefore.empty()) {
    q += " AND c.not_after <= ?";
    p.emplace_back(f.expiresBefore);
  }
  q += " ORDER BY c.not_after, c.id";
  if (f.limit > 0) q += " LIMIT " + std::to_string(f.limit);
  KYSO_ASSIGN_OR_RETURN(Rows rows, m_db->query(q, p));
  std::vector<Certificate> out;
  out.reserve(rows.size());
  for (const Row& r : rows) out.push_back(sql::certFrom(r));
  return out;
}

Result<Certificate> Inventory::addCertificate(Certificate c, const std::string& der) {
  if (c.sha256.size() != 64 || c.serial.empty() || c.issuer.empty())
    return Error::kyso(Errc::UsageError, "cert add").because(Detail::CertFieldsRequired);
  if (!parseDate(c.notBefore) || !parseDate(c.notAfter) || c.notAfter < c.notBefore)
    return Error::kyso(Errc::UsageError, "cert add").because(Detail::BadValidityDates);
  if (!isState(Subject::Certificate, c.state))
    return Error::kyso(Errc::UsageError, "cert add",
                       detailArgs({c.state, statesList(Subject::Certificate)}))
        .because(Detail::UnknownState);
  if (c.kind != "personal" && c.kind != "organisation")
    return Error::kyso(Errc::UsageError, "cert add").because(Detail::CertKind);
  KYSO_ASSIGN_OR_RETURN(Transaction tx, Transaction::begin(*m_db));
  if (c.holderId) {
    KYSO_ASSIGN_OR_RETURN(Person h, person(std::to_string(*c.holderId)));
    if (!c.unitId) c.unitId = h.unitId;
  }
  if (c.tokenId && !c.unitId) {
    KYSO_ASSIGN_OR_RETURN(Token t, token(std::to_string(*c.tokenId)));
    c.unitId = t.unitId;
  }
  KYSO_ASSIGN_OR_RETURN(
      Rows r, m_db->query("INSERT INTO certificates (serial, issuer, subject, not_before, "
                          "not_after, sha256, key_id, "
                          "token_id, holder_id, unit_id, kind, state, der) VALUES (?, ?, ?, ?, ?, "
                          "?, ?, ?, ?, ?, ?, ?, ?) "
                          "RETURNING id",
                          {c.serial, c.issuer, c.subject, c.notBefore, c.notAfter, c.sha256,
                           c.keyId, sql::id(c.tokenId), sql::id(c.holderId), sql::id(c.unitId),
                           c.kind, c.state, der.empty() ? Value(nullptr) : Value(Blob{der})}));
  KYSO_ASSIGN_OR_RETURN(
      Rows got, m_db->query(std::string(sql::kCertSelect) + "WHERE c.id = ?", {r[0].integer(0)}));
  const Certificate added = sql::certFrom(got[0]);
  Event e{0, "certificate", added.id, "registered", "", added.state, "", "", "", "", ""};
  KYSO_TRY(record({"certificate", added.id, "create", "", toJson(added).dump()}, &e, added.unitId));
  KYSO_TRY(tx.commit());
  return added;
}

Result<std::string> Inventory::certificateDer(std::string_view key) {
  KYSO_ASSIGN_OR_RETURN(Certificate c, certificate(key));
  KYSO_ASSIGN_OR_RETURN(Rows r, m_db->query("SELECT der FROM certificates WHERE id = ?", {c.id}));
  return r.empty() ? std::string() : r[0].text(0);
}

Result<Certificate> Inventory::editCertificate(const Certificate& c) {
  if (c.kind != "personal" && c.kind != "organisation")
    return Error::kyso(Errc::UsageError, "cert edit").because(Detail::CertKind);
  KYSO_ASSIGN_OR_RETURN(Transaction tx, Transaction::begin(*m_db));
  KYSO_ASSIGN_OR_RETURN(Rows cur,
                        m_db->query(std::string(sql::kCertSelect) + "WHERE c.id = ?", {c.id}));
  if (cur.empty()) return notFound("certificate", std::to_string(c.id));
  const Certificate before = sql::certFrom(cur[0]);
  if (before.version != c.version) return Error::kyso(Errc::DbConflict, "cert edit", before.sha256);
  KYSO_ASSIGN_OR_RETURN(long long n, m_db->exec("UPDATE certificates SET token_id = ?, holder_id = "
                                                "?, unit_id = ?, kind = ?, version = version + 1 "
                                                "WHERE id = ? AND version = ?",
                                                {sql::id(c.tokenId), sql::id(c.holderId),
                                                 sql::id(c.unitId), c.kind, c.id, c.version}));
  if (n == 0) {
    KYSO_ASSIGN_OR_RETURN(Rows again,
                          m_db->query("SELECT version FROM certificates WHERE id = ?", {c.id}));
    if (!again.empty() && again[0].integer(0) != c.version)
      return Error::kyso(Errc::DbConflict, "cert edit", before.sha256);
    return Error::kyso(Errc::PermissionDenied, "cert edit", before.sha256);
  }
  KYSO_ASSIGN_OR_RETURN(Rows now_,
                        m_db->query(std::string(sql::kCertSelect) + "WHERE c.id = ?", {c.id}));
  const Certificate after = sql::certFrom(now_[0]);
  Event e{0, "certificate", c.id, "edited", "", "", "", "", "", "", ""};
  KYSO_TRY(record({"certificate", c.id, "edit", toJson(before).dump(), toJson(after).dump()}, &e,
                  after.unitId));
  KYSO_TRY(tx.commit());
  return after;
}

}  // namespace kyso::inventory
