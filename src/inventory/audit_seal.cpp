#include "src/inventory/audit_seal.h"

#include <openssl/evp.h>

#include <cstdio>

#include "src/inventory/audit.h"
#include "src/inventory/sql_rows.h"

namespace kyso::inventory {
namespace {

constexpr std::string_view kHeader = "kyso audit seal 1\n";
constexpr std::string_view kBegin = "-----BEGIN CMS-----\n";
constexpr std::string_view kEnd = "-----END CMS-----\n";

Error invalid(const std::string& why) {
  return Error::kyso(Errc::AuditSealInvalid, "audit seal", why).because(Detail::Technical);
}

bool isHex(std::string_view s) {
  if (s.size() != 64) return false;
  for (char c : s)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

bool isDigits(std::string_view s) {
  if (s.empty() || s.size() > 18) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

Result<std::string> databaseId(Db& db) {
  KYSO_ASSIGN_OR_RETURN(Rows r, db.query("SELECT uid FROM kyso_identity WHERE id = 1"));
  if (r.empty() || r[0].text(0).empty()) return invalid("the database has no identity record");
  return r[0].text(0);
}

}  // namespace

std::string sealText(const SealFacts& f) {
  std::string s(kHeader);
  s += "database: " + f.database + "\n";
  s += "seq: " + std::to_string(f.seq) + "\n";
  s += "hash: " + f.hash + "\n";
  s += "at: " + f.at + "\n";
  return s;
}

Result<SealFacts> parseSealText(std::string_view text) {
  if (text.substr(0, kHeader.size()) != kHeader) return invalid("not a kyso audit seal");
  text.remove_prefix(kHeader.size());
  SealFacts f;
  for (const char* key : {"database: ", "seq: ", "hash: ", "at: "}) {
    const std::string_view k(key);
    const auto nl = text.find('\n');
    if (nl == std::string_view::npos || text.substr(0, k.size()) != k)
      return invalid(std::string("expected the line '") + key + "...'");
    const std::string_view v = text.substr(k.size(), nl - k.size());
    if (k == "database: ") f.database = v;
    if (k == "seq: ") {
      if (!isDigits(v)) return invalid("seq is not a number");
      f.seq = std::stoll(std::string(v));
    }
    if (k == "hash: ") {
      if (!isHex(v)) return invalid("hash is not 64 lower-case hex digits");
      f.hash = v;
    }
    if (k == "at: ") f.at = v;
    text.remove_prefix(nl + 1);
  }
  if (!text.empty()) return invalid("text after the last line");
  if (f.database.empty() || f.database.size() > 64) return invalid("no database identity");
  if (f.at.size() != 20) return invalid("at is not a UTC time");
  return f;
}

Result<SealFacts> headToSeal(Db& db, const std::string& at) {
  SealFacts f;
  KYSO_ASSIGN_OR_RETURN(f.database, databaseId(db));
  KYSO_ASSIGN_OR_RETURN(Rows head, db.query("SELECT seq, hash FROM audit_head WHERE id = 1"));
  if (head.empty() || head[0].integer(0) <= 0)
    return Error::kyso(Errc::UsageError, "audit-seal").because(Detail::AuditLogEmpty);
  f.seq = head[0].integer(0);
  f.hash = head[0].text(1);
  f.at = at;
  return f;
}

Status storeSeal(Db& db, const SealFacts& f, const std::string& who,
                 const std::vector<unsigned char>& cms) {
  KYSO_ASSIGN_OR_RETURN(Transaction tx, Transaction::begin(db));
  const std::string der(cms.begin(), cms.end());
  KYSO_ASSIGN_OR_RETURN(
      Rows r, db.query("INSERT INTO audit_seals (seq, hash, at, who, cms) VALUES (?, ?, ?, ?, ?) "
                       "RETURNING id",
                       {f.seq, f.hash, f.at, who, Blob{der}}));
  const long long id = r.empty() ? 0 : r[0].integer(0);
  Json after = Json::object();
  after.set("seq", f.seq).set("hash", f.hash).set("at", f.at).set("who", who);
  after.set("cms", "sha256:" + sha256Hex(der));
  KYSO_TRY(appendAudit(db, f.at, who, {"audit_seal", id, "seal", "", after.dump()}));
  return tx.commit();
}

Result<std::vector<Seal>> storedSeals(Db& db) {
  KYSO_ASSIGN_OR_RETURN(std::string uid, databaseId(db));
  KYSO_ASSIGN_OR_RETURN(
      Rows rows, db.query("SELECT id, seq, hash, at, who, cms FROM audit_seals ORDER BY id"));
  std::vector<Seal> out;
  for (const Row& r : rows) {
    Seal s;
    s.id = r.integer(0);
    s.facts.database = uid;
    s.facts.seq = r.integer(1);
    s.facts.hash = r.text(2);
    s.facts.at = r.text(3);
    s.who = r.text(4);
    s.cms.assign(r.text(5).begin(), r.text(5).end());
    s.source = "database #" + std::to_string(s.id);
    out.push_back(std::move(s));
  }
  return out;
}

std::string sealFile(const SealFacts& f, const std::vector<unsigned char>& cms) {
  std::string b64(4 * ((cms.size() + 2) / 3) + 1, '\0');
  const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(b64.data()), cms.data(),
                                static_cast<int>(cms.size()));
  b64.resize(static_cast<std::size_t>(n));
  std::string out = sealText(f);
  out += kBegin;
  for (std::size_t i = 0; i < b64.size(); i += 64) out += b64.substr(i, 64) + "\n";
  out += kEnd;
  return out;
}

Result<Seal> parseSealFile(std::string_view bytes, const std::string& source) {
  if (bytes.size() > (1u << 20)) return invalid(source + ": larger than a seal can be");
  const auto begin = bytes.find(kBegin);
  if (begin == std::string_view::npos) return invalid(source + ": no CMS block");
  Seal s;
  s.source = source;
  KYSO_ASSIGN_OR_RETURN(s.facts, parseSealText(bytes.substr(0, begin)));
  std::string_view rest = bytes.substr(begin + kBegin.size());
  const auto end = rest.find(kEnd);
  if (end == std::string_view::npos || !rest.substr(end + kEnd.size()).empty())
    return invalid(source + ": the CMS block is not closed, or text follows it");
  std::string b64;
  for (char c : rest.substr(0, end))
    if (c != '\n' && c != '\r') b64 += c;
  if (b64.empty() || b64.size() % 4 != 0) return invalid(source + ": the CMS block is not base64");
  std::vector<unsigned char> der(b64.size() / 4 * 3);
  const int n = EVP_DecodeBlock(der.data(), reinterpret_cast<const unsigned char*>(b64.data()),
                                static_cast<int>(b64.size()));
  if (n < 0) return invalid(source + ": the CMS block is not base64");
  std::size_t len = static_cast<std::size_t>(n);
  if (b64.size() >= 1 && b64.back() == '=') --len;
  if (b64.size() >= 2 && b64[b64.size() - 2] == '=') --len;
  der.resize(len);
  s.cms = std::move(der);
  return s;
}

Result<SealAge> sealAge(Db& db, std::chrono::system_clock::time_point now) {
  SealAge a;
  KYSO_ASSIGN_OR_RETURN(Rows head, db.query("SELECT seq FROM audit_head WHERE id = 1"));
  a.entries = head.empty() ? 0 : head[0].integer(0);
  KYSO_ASSIGN_OR_RETURN(Rows last,
                        db.query("SELECT seq, at FROM audit_seals ORDER BY id DESC LIMIT 1"));
  if (!last.empty()) {
    a.sealedUpTo = last[0].integer(0);
    a.lastSealAt = last[0].text(1);
  }
  // The seal's own entry (written when it was stored) does not need sealing.
  KYSO_ASSIGN_OR_RETURN(
      Rows after, db.query("SELECT count(*) FROM audit WHERE seq > ? AND entity <> 'audit_seal'",
                           {a.sealedUpTo}));
  if (after.empty() || after[0].integer(0) == 0) return a;
  if (a.lastSealAt.empty()) {
    a.overdue = true;
    return a;
  }
  // "YYYY-MM-DDTHH:MM:SSZ": the day is enough for a weekly reminder.
  int y = 0;
  unsigned m = 0, d = 0;
  if (std::sscanf(a.lastSealAt.c_str(), "%4d-%2u-%2u", &y, &m, &d) != 3) {
    a.overdue = true;
    return a;
  }
  const std::chrono::year_month_day day{std::chrono::year{y}, std::chrono::month{m},
                                        std::chrono::day{d}};
  a.overdue = !day.ok() || now - std::chrono::sys_days{day} > std::chrono::days{7};
  return a;
}

Result<std::vector<std::string>> sealProblems(Db& db, const SealFacts& f) {
  std::vector<std::string> out;
  KYSO_ASSIGN_OR_RETURN(std::string uid, databaseId(db));
  if (f.database != uid) {
    out.push_back("the seal belongs to another database (" + f.database + ", this is " + uid + ")");
    return out;
  }
  KYSO_ASSIGN_OR_RETURN(Rows r, db.query("SELECT hash FROM audit WHERE seq = ?", {f.seq}));
  if (r.empty()) {
    out.push_back("the sealed entry " + std::to_string(f.seq) +
                  " is no longer in the log (entries removed, or the log emptied or truncated)");
  } else if (r[0].text(0) != f.hash) {
    out.push_back("the sealed entry " + std::to_string(f.seq) +
                  " has another hash than when it was sealed (the log up to it was rewritten or "
                  "reordered)");
  }
  KYSO_ASSIGN_OR_RETURN(Rows head, db.query("SELECT seq FROM audit_head WHERE id = 1"));
  if (!head.empty() && head[0].integer(0) < f.seq)
    out.push_back("the log ends at entry " + std::to_string(head[0].integer(0)) +
                  ", before the sealed entry " + std::to_string(f.seq));
  return out;
}

}  // namespace kyso::inventory
