// Test support for the inventory suites: the two backends (a temporary SQLite file; a fresh
// database on the throwaway PostgreSQL server of the 'inventory_pg' fixture), a fixed clock, and
// small seeded records. Tests skip loudly when the PostgreSQL server is absent, but fail under CI.
#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>

#include "core/clock.h"
#include "src/inventory/inventory.h"

namespace kyso::inventory::test {

enum class Backend { Sqlite, Postgres };

inline std::string backendName(const ::testing::TestParamInfo<Backend>& i) {
  return i.param == Backend::Sqlite ? "sqlite" : "postgres";
}

/// A unique temporary directory, removed on destruction.
struct TempDir {
  TempDir();
  ~TempDir();
  std::filesystem::path path;
};

/// The server's admin URL (superuser), from KYSO_TEST_PORT_BASE + 50.
std::string pgAdminUrl(const std::string& database = "postgres");
/// True when the fixture's server answers.
bool pgAvailable();
bool inCi();

/// A new empty database: an SQLite file in `dir`, or a new PostgreSQL database. nullopt when the
/// PostgreSQL server is not there.
std::optional<std::string> freshDatabase(Backend b, const TempDir& dir);

/// 2026-11-25T08:00:00Z and days-based helpers.
std::chrono::system_clock::time_point fixedNow();

/// A unique fake certificate (no DER) valid from..to.
Certificate fakeCert(const std::string& tag, const std::string& from, const std::string& to);

/// Runs a shell command, returns its exit status and captures stdout.
int runCommand(const std::string& cmd, std::string* out = nullptr);
/// Path of the kyso binary (KYSO_BIN/kyso).
std::string kysoBin();

}  // namespace kyso::inventory::test

/// Opens `loc` for the current backend parameter or skips (fails under CI=true).
#define KYSO_FRESH_DB_OR_SKIP(var, backend, dir)                                         \
  auto var##_opt = ::kyso::inventory::test::freshDatabase(backend, dir);                 \
  if (!var##_opt) {                                                                      \
    if (::kyso::inventory::test::inCi()) FAIL() << "PostgreSQL test server not running"; \
    GTEST_SKIP() << "PostgreSQL test server not running (fixture inventory_pg)";         \
  }                                                                                      \
  const std::string var = *var##_opt
