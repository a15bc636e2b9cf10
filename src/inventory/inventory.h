// Inventory: the register of units, people, tokens and certificates on one Db. Every change is one
// transaction that also writes its event and its audit entry; edits name the version they started
// from and fail with DbConflict ("changed by someone else") when another change came first;
// lifecycle changes go only through transition(), judged by the declared tables in lifecycle.h.
// Times come from the injected Clock. Not thread-safe; every call blocks on the database.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "src/inventory/audit.h"
#include "src/inventory/db.h"
#include "src/inventory/lifecycle.h"
#include "src/inventory/model.h"

namespace kyso::inventory {

/// Filters for token listings; empty fields match everything.
struct TokenFilter {
  std::string state;
  std::optional<long long> unitId;
  std::optional<long long> holderId;
  std::string manufacturer;
  std::string search;  // substring of serial or model
  long limit = 0;      // 0: no limit
};

/// Filters for certificate listings.
struct CertFilter {
  std::string state;
  std::optional<long long> unitId;
  std::optional<long long> holderId;
  std::optional<long long> tokenId;
  std::string expiresBefore;  // YYYY-MM-DD, inclusive
  long limit = 0;
};

/// The check setSeal and setHandwriting make (a PNG or JPEG of at most 8 MiB), for a caller that
/// checks an image before it writes anything else.
Status checkImage(const std::string& bytes, const char* what);

class Inventory {
 public:
  /// Opens (creating an SQLite file when needed) and migrates. The Clock is borrowed and must
  /// outlive the Inventory.
  static Result<Inventory> open(const std::string& location, const Clock& clock);
  /// The default SQLite location: kyso::dataDir()/inventory.sqlite.
  static std::string defaultLocation();

  Db& db() { return *m_db; }
  const Clock& clock() const { return *m_clock; }
  const std::string& who() const { return m_who; }
  /// Today (UTC) and now as ISO text, from the clock.
  std::string today() const;
  std::string now() const;

  // Units. `key` is a numeric id or an exact name.
  Result<Unit> addUnit(Unit u);
  Result<Unit> unit(std::string_view key);
  Result<std::vector<Unit>> units();
  /// Saves name/parent/kind/focal person; `u.version` is the version the edit started from.
  Result<Unit> editUnit(const Unit& u);
  Status setSeal(std::string_view unitKey, const std::string& png);
  Result<std::string> seal(std::string_view unitKey);

  // People. `key` is an id or a full name (unique, or narrowed by unit).
  Result<Person> addPerson(Person p);
  Result<Person> person(std::string_view key, std::optional<long long> unitId = std::nullopt);
  Result<std::vector<Person>> people(std::optional<long long> unitId = std::nullopt);
  Result<Person> editPerson(const Person& p);
  Status setHandwriting(std::string_view personKey, const std::string& png);
  Result<std::string> handwriting(std::string_view personKey);

  // Tokens, by serial (or id).
  Result<Token> addToken(Token t);
  Result<Token> token(std::string_view key);
  Result<std::vector<Token>> tokens(const TokenFilter& f = {});
  /// Saves the descriptive fields (not state or holder: those change only by transition).
  Result<Token> editToken(const Token& t);
  Status markSeen(std::string_view serial);

  // Certificates, by SHA-256 (full or an unambiguous prefix of at least 8), or id.
  Result<Certificate> addCertificate(Certificate c, const std::string& der = {});
  Result<Certificate> certificate(std::string_view key);
  Result<std::vector<Certificate>> certificates(const CertFilter& f = {});
  /// The certificate's DER as imported (empty when it was registered without one).
  Result<std::string> certificateDer(std::string_view key);
  /// Saves token/holder/unit/kind links; `c.version` is the version the edit started from.
  Result<Certificate> editCertificate(const Certificate& c);

  /// Moves a token or certificate to `to` if the declared table allows it with the evidence given;
  /// otherwise returns why and changes nothing. Records the event and the audit entry.
  Result<Event> transition(Subject s, std::string_view key, std::string_view to, EvidenceGiven e);
  /// Every event of one token or certificate, oldest first.
  Result<std::vector<Event>> history(Subject s, std::string_view key);
  /// Certificates still in use whose last valid day is within `days` from today, soonest first.
  Result<std::vector<Certificate>> expiring(long days);
  /// The computed warnings (see model.h Warning::kind).
  Result<std::vector<Warning>> warnings();

  Result<AuditReport> verifyAudit() { return inventory::verifyAudit(*m_db); }
  /// Writes a consistent copy (SQLite only) to a new file `path`.
  Status backup(const std::string& path);
  /// Replaces this (SQLite) inventory with the backup at `path`, after checking it is one.
  Status restore(const std::string& path);

  /// Inside an open transaction: records an event and its audit entry. For the importer.
  Status record(const AuditChange& change, const Event* event, std::optional<long long> unitId);

 private:
  Inventory(std::unique_ptr<Db> db, const Clock& clock) : m_db(std::move(db)), m_clock(&clock) {}
  std::unique_ptr<Db> m_db;
  const Clock* m_clock;
  std::string m_who;
};

/// Token and certificate states in use: certificates counted as "in use" by expiring and demand.
bool certInUse(std::string_view state);

}  // namespace kyso::inventory
