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
  for (const std::string* f :
       {&seq, &at, &who, &entity, &entityId, &action, &before, &after, &prev}) {
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
  return appendAuditBatch(db, at, who, {c});
}

Status appendAuditBatch(Db& db, const std::string& at, const std::string& who,
                        const std::vector<AuditChange>& changes) {
  // PostgreSQL writes its own entries, one per row changed, from the triggers of schema step 3;
  // no login but the owner may write the log there.
  if (changes.empty() || db.dialect() == Db::Dialect::Postgres) return {};
  KYSO_ASSIGN_OR_RETURN(Rows head, db.query("SELECT seq, hash FROM audit_head WHERE id = 1"));
  if (head.empty())
    return Error::kyso(Errc::AuditChainBroken, "appendAudit", "audit_head missing")
        .because(Detail::Technical);
  const long long first = head[0].integer(0) + 1;
  std::vector<std::string> prev(changes.size()), hash(changes.size());
  std::string last = head[0].text(1);
  for (std::size_t i = 0; i < changes.size(); ++i) {
    const AuditChange& c = changes[i];
    prev[i] = last;
    hash[i] = entryHash(std::to_string(first + static_cast<long long>(i)), at, who, c.entity,
                        std::to_string(c.entityId), c.action, c.before, c.after, last);
    last = hash[i];
  }
  KYSO_TRY(insertRows(db,
                      "INSERT INTO audit (seq, at, who, entity, entity_id, action, before_json, "
                      "after_json, prev_hash, hash)",
                      10, changes.size(), [&](std::size_t i, Params& p) {
                        const AuditChange& c = changes[i];
                        p.emplace_back(first + static_cast<long long>(i));
                        p.emplace_back(at);
                        p.emplace_back(who);
                        p.emplace_back(c.entity);
                        p.emplace_back(c.entityId);
                        p.emplace_back(c.action);
                        p.emplace_back(c.before);
                        p.emplace_back(c.after);
                        p.emplace_back(prev[i]);
                        p.emplace_back(hash[i]);
                      }));
  KYSO_TRY(db.exec("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1",
                   {first + static_cast<long long>(changes.size()) - 1, last}));
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
      rep.problems.push_back("entries " + std::to_string(expected) + ".." +
                             std::to_string(seq - 1) + " are missing");
    }
    if (r.text(8) != prev)
      rep.problems.push_back("entry " + std::to_string(seq) +
                             ": does not follow the previous entry");
    const std::string h = entryHash(r.text(0), r.text(1), r.text(2), r.text(3), r.text(4),
                                    r.text(5), r.text(6), r.text(7), r.text(8));
    if (h != r.text(9))
      rep.problems.push_back("entry " + std::to_string(seq) +
                             ": contents do not match its hash (edited)");
    prev = r.text(9);
    expected = seq + 1;
    ++rep.entries;
  }
  KYSO_ASSIGN_OR_RETURN(Rows head, db.query("SELECT seq, hash FROM audit_head WHERE id = 1"));
  if (head.empty()) {
    rep.problems.push_back("the audit head record is missing");
  } else if (head[0].integer(0) != expected - 1 || head[0].text(1) != prev) {
    rep.problems.push_back("the log ends at entry " + std::to_string(expected - 1) + " but " +
                           std::to_string(head[0].integer(0)) +
                           " entries were written (entries removed from the end)");
  }
  return rep;
}

}  // namespace kyso::inventory
