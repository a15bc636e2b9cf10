// Audit seals (issue 16): the head of the audit log (sequence number and hash) with the time and
// the database's identity, signed by an officer's token as a detached CMS. The hash chain alone
// shows edits and deletions only to someone who cannot rewrite the whole log; a seal fixes the
// log up to its entry for good: truncating, reordering, rewriting or emptying the log before the
// sealed entry is found by `audit-verify` even if the whole database or SQLite file was written
// by the attacker, as long as the seal itself survives (stored in the database, and with
// `audit-seal --out` also in a file kept elsewhere). This layer knows the text that is signed and
// checks a seal against the log; signing and verifying the CMS is the caller's (the CLI).
//
// The signed text, exactly (LF line ends, no trailing spaces):
//   kyso audit seal 1
//   database: <kyso_identity.uid>
//   seq: <sealed entry's sequence number>
//   hash: <its hash, lower-case hex>
//   at: <UTC time, YYYY-MM-DDTHH:MM:SSZ>
// A seal file is that text followed by the CMS in PEM armour ("-----BEGIN CMS-----").
#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "src/inventory/db.h"

namespace kyso::inventory {

struct SealFacts {
  std::string database;  // kyso_identity.uid
  long long seq = 0;
  std::string hash;
  std::string at;
};

/// A seal as stored (audit_seals) or read from a file.
struct Seal {
  long long id = 0;  // 0: from a file
  SealFacts facts;
  std::string who;                 // who stored it ("" from a file)
  std::vector<unsigned char> cms;  // DER
  std::string source;              // "database #3" or the file path
};

/// The text that is signed.
std::string sealText(const SealFacts& f);
/// Parses sealText's form; AuditSealInvalid when it is not exactly that.
Result<SealFacts> parseSealText(std::string_view text);

/// The current head of the log and the database identity, to be sealed at `at`. An empty log
/// cannot be sealed (UsageError).
Result<SealFacts> headToSeal(Db& db, const std::string& at);
/// Stores a signed seal (its own transaction; on SQLite also an audit entry for it, on PostgreSQL
/// the trigger writes that).
Status storeSeal(Db& db, const SealFacts& f, const std::string& who,
                 const std::vector<unsigned char>& cms);
/// Every stored seal, oldest first. A row that does not parse is returned with empty facts and
/// shown as broken by the caller.
Result<std::vector<Seal>> storedSeals(Db& db);

/// The seal file: sealText then the CMS in PEM armour.
std::string sealFile(const SealFacts& f, const std::vector<unsigned char>& cms);
/// Reads a seal file; AuditSealInvalid when it is not one.
Result<Seal> parseSealFile(std::string_view bytes, const std::string& source);

/// How far the log is from its last seal, for the reminder in the Inventory tab.
struct SealAge {
  long long entries = 0;     // the log's head
  long long sealedUpTo = 0;  // the newest seal's entry (0: never sealed)
  std::string lastSealAt;    // "" when never sealed
  bool overdue = false;      // entries after the last seal, and it is older than a week (or none)
};
Result<SealAge> sealAge(Db& db, std::chrono::system_clock::time_point now);

/// What the log says against a seal, one sentence each: another database, the sealed entry
/// missing (removed, or the log emptied or truncated), its hash changed (the log before it was
/// rewritten or reordered). Empty when the log still holds the sealed entry as sealed.
Result<std::vector<std::string>> sealProblems(Db& db, const SealFacts& f);

}  // namespace kyso::inventory
