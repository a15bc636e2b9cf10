// Hash chain: hash_n = SHA-256(seq | at | who | entity | entity_id | action | before | after |
// hash_{n-1}) with an ASCII unit separator between fields, so no field can leak into another.
#include "src/inventory/audit.h"

#include <openssl/evp.h>

namespace kyso::inventory {
namespace {

std::string entryHash(const std::string& seq, const std::string& at, const std::string& who,
                      const std::string& entity, const std::string& entityId,
                      const std::string& action, const std::string& before,
                      const std::string& after, const std::string& prev) {
  std::string buf;
  for (const std::string* f : {&seq, &at, &who, &entity, &entityId, &action, &before, &after, &prev}) {
    buf += *f;
    buf += '\x1f';
  }
  return sha256Hex(buf);
}

}  // namespace

std::string sha256Hex(std::string_view bytes) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(bytes.data(), bytes.size(), md, &len, EVP_sha256(), nullptr);
  static constexpr char hex[] = "0123456789abcdef";
  std::string out;
  for (unsigned i = 0; i < len; ++i) {
    out += hex[md[i] >> 4];
    out += hex[md[i] & 15];
  }
  return out;
}

Status appendAudit(Db& db, const std::string& at, const std::string& who, const AuditChange& c) {
  if (db.dialect() == Db::Dialect::Postgres)
    KYSO_TRY(db.query("SELECT pg_advisory_xact_lock(80652)"));
  KYSO_ASSIGN_OR_RETURN(Rows head, db.query("SELECT seq, hash FROM audit_head WHERE id = 1"));
  if (head.empty()) return Error::kyso(Errc::AuditChainBroken, "appendAudit", "audit_head missing");
  const long long seq = head[0].integer(0) + 1;
  const std::string prev = head[0].text(1);
  const std::string seqText = std::to_string(seq), idText = std::to_string(c.entityId);
  const std::string hash =
      entryHash(seqText, at, who, c.entity, idText, c.action, c.before, c.after, prev);
  KYSO_TRY(db.exec(
      "INSERT INTO audit (seq, at, who, entity, entity_id, action, before_json, after_json, "
      "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {seq, at, who, c.entity, c.entityId, c.action, c.before, c.after, prev, hash}));
  KYSO_TRY(db.exec("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1", {seq, hash}));
  return {};
}

Result<AuditReport> verifyAudit(Db& db) {
  AuditReport rep;
  KYSO_ASSIGN_OR_RETURN(Rows rows,
                        db.query("SELECT seq, at, who, entity, entity_id, action, before_json, "
                                 "after_json, prev_hash, hash FROM audit ORDER BY seq"));
  std::string prev;
  long long expected = 1;
  for (const Row& r : rows) {
    const long long seq = r.integer(0);
    if (seq != expected) {
      rep.problems.push_back("entries " + std::to_string(expected) + ".." + std::to_string(seq - 1) +
                             " are missing");
    }
    if (r.text(8) != prev)
      rep.problems.push_back("entry " + std::to_string(seq) + ": does not follow the previous entry");
    const std::string h = entryHash(r.text(0), r.text(1), r.text(2), r.text(3), r.text(4), r.text(5),
                                    r.text(6), r.text(7), r.text(8));
    if (h != r.text(9))
      rep.problems.push_back("entry " + std::to_string(seq) + ": contents do not match its hash (edited)");
    prev = r.text(9);
    expected = seq + 1;
    ++rep.entries;
  }
  KYSO_ASSIGN_OR_RETURN(Rows head, db.query("SELECT seq, hash FROM audit_head WHERE id = 1"));
  if (head.empty()) {
    rep.problems.push_back("the audit head record is missing");
  } else if (head[0].integer(0) != expected - 1 || head[0].text(1) != prev) {
    rep.problems.push_back("the log ends at entry " + std::to_string(expected - 1) +
                           " but " + std::to_string(head[0].integer(0)) +
                           " entries were written (entries removed from the end)");
  }
  return rep;
}

}  // namespace kyso::inventory
