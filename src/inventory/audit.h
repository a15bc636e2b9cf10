// The append-only audit log: every change (who, when, what, before, after) is one entry whose hash
// covers its fields and the previous entry's hash; audit_head keeps the last sequence number and
// hash so that removing entries from the end is found too. On SQLite kyso appends inside the
// caller's transaction (serialised by SQLite's write lock). On PostgreSQL the database appends the
// entries itself (schema_hardening.cpp: one per row written, who = session_user, even for writes
// made with psql), and appendAudit does nothing.
#pragma once

#include <string>
#include <vector>

#include "core/json.h"
#include "src/inventory/db.h"

namespace kyso::inventory {

/// One change to record. before/after are JSON texts (empty when the record did not / no longer
/// exists).
struct AuditChange {
  std::string entity;
  long long entityId = 0;
  std::string action;
  std::string before;
  std::string after;
};

/// Appends `change` as the next entry. Must be called inside a transaction.
Status appendAudit(Db& db, const std::string& at, const std::string& who,
                   const AuditChange& change);

/// Appends several changes as consecutive entries with one lock and one head update (importer).
Status appendAuditBatch(Db& db, const std::string& at, const std::string& who,
                        const std::vector<AuditChange>& changes);

/// What audit-verify found.
struct AuditReport {
  long long entries = 0;
  std::vector<std::string> problems;  // "entry 12: hash does not match its contents", ...
  bool ok() const { return problems.empty(); }
};

/// Walks the whole chain. Blocks on the database; reads only.
Result<AuditReport> verifyAudit(Db& db);

/// Lower-case hex SHA-256 of bytes.
std::string sha256Hex(std::string_view bytes);

}  // namespace kyso::inventory
