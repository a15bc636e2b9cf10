// The table of the module kyso-pg.so: the PostgreSQL engine (pg_db.cpp on libpq, which brings
// GSSAPI, LDAP and Kerberos libraries with it). openDb reaches it through openPostgres
// (pg_client.cpp), which loads the module the first time a postgresql:// inventory is opened, so
// that SQLite users and every other command never load libpq.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "src/inventory/db.h"

namespace kyso::inventory {

struct PgApi {
  static constexpr std::uint32_t kAbi = 2;
  std::uint32_t abi;
  Result<std::unique_ptr<Db>> (*open)(const std::string& url);
};

}  // namespace kyso::inventory
