// SQLite files that are not what they should be: not a database, damaged, read-only, a full disk;
// and backup/restore. Every case: a clear error, nothing half-written, the input untouched.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>

#include "core/atomic_file.h"
#include "src/inventory/audit.h"
#include "src/inventory/transfer.h"
#include "tests/inventory/inv_test_support.h"

namespace kyso::inventory {
namespace {

namespace fs = std::filesystem;

std::string slurp(const fs::path& p) {
  return readSmallFile(p).ok() ? *readSmallFile(p) : std::string();
}

void spit(const fs::path& p, const std::string& s) {
  std::ofstream(p, std::ios::binary) << s;
}

class SqliteFileTest : public ::testing::Test {
 protected:
  test::TempDir dir;
  FixedClock clock{test::fixedNow()};
};

TEST_F(SqliteFileTest, ASpreadsheetGivenAsTheDatabaseIsRefusedAndUntouched) {
  const fs::path f = dir.path / "tokens.csv";
  spit(f, "serial,manufacturer\nA,B\n");
  auto r = Inventory::open(f.string(), clock);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, Errc::DbNotADatabase);
  EXPECT_EQ(slurp(f), "serial,manufacturer\nA,B\n");
  EXPECT_FALSE(fs::exists(f.string() + "-wal"));
}

TEST_F(SqliteFileTest, ADamagedDatabaseIsRefused) {
  const fs::path f = dir.path / "damaged.sqlite";
  std::string bytes("SQLite format 3\0", 16);
  bytes += std::string(4080, '\x5a');
  spit(f, bytes);
  auto r = Inventory::open(f.string(), clock);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, Errc::DbNotADatabase) << r.error().technical();
  EXPECT_EQ(slurp(f), bytes);
}

TEST_F(SqliteFileTest, AReadOnlyDatabaseIsRefusedWithAClearError) {
  const fs::path f = dir.path / "ro.sqlite";
  {
    auto inv = Inventory::open(f.string(), clock);
    ASSERT_TRUE(inv.ok());
    Token t;
    t.serial = "RO-1";
    t.manufacturer = "SafeNet";
    ASSERT_TRUE(inv->addToken(t).ok());
  }
  fs::permissions(f, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
  const std::string before = slurp(f);
  if (geteuid() == 0) {
    // Root ignores file modes: run the real CLI as an unprivileged user instead.
    if (!fs::exists(test::kysoBin())) GTEST_SKIP() << "kyso binary not built";
    std::string out;
    const int rc = test::runCommand("setpriv --reuid=65534 --regid=65534 --clear-groups " +
                                        test::kysoBin() + " inventory --db " + f.string() +
                                        " token add --serial RO-2 --manufacturer X 2>&1",
                                    &out);
    EXPECT_EQ(rc, 4) << out;
    EXPECT_NE(out.find("read-only"), std::string::npos) << out;
  } else {
    auto inv = Inventory::open(f.string(), clock);
    ASSERT_FALSE(inv.ok());
    EXPECT_EQ(inv.error().kind, Errc::DbReadOnly);
  }
  EXPECT_EQ(slurp(f), before);
}

TEST_F(SqliteFileTest, AFullDiskLeavesNothingHalfWritten) {
  const fs::path f = dir.path / "full.sqlite";
  auto inv = Inventory::open(f.string(), clock);
  ASSERT_TRUE(inv.ok());
  // SQLite's own page limit produces the same SQLITE_FULL a full disk does.
  auto pages = inv->db().query("PRAGMA page_count");
  ASSERT_TRUE(pages.ok());
  ASSERT_TRUE(
      inv->db().script("PRAGMA max_page_count=" + std::to_string((*pages)[0].integer(0) + 8)).ok());
  std::string csv = "serial,manufacturer,model\r\n";
  for (int i = 0; i < 3000; ++i)
    csv +=
        "FULL-" + std::to_string(i) + ",Bit4id,miniLector EVO với tên rất dài để lấp đầy trang\r\n";
  auto r = importTokensCsv(*inv, csv);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, Errc::DiskFull) << r.error().technical();
  EXPECT_EQ((*inv->db().query("SELECT count(*) FROM tokens"))[0].integer(0), 0);
  EXPECT_TRUE(inv->verifyAudit()->ok());
}

TEST_F(SqliteFileTest, BackupAndRestore) {
  const fs::path f = dir.path / "main.sqlite", b = dir.path / "backup.sqlite";
  auto inv = Inventory::open(f.string(), clock);
  ASSERT_TRUE(inv.ok());
  Token t;
  t.serial = "BK-1";
  t.manufacturer = "SafeNet";
  ASSERT_TRUE(inv->addToken(t).ok());
  ASSERT_TRUE(inv->backup(b.string()).ok());
  EXPECT_EQ(inv->backup(b.string()).error().kind, Errc::FileExists);
  EXPECT_FALSE(fs::exists(b.string() + ".part"));
  t.serial = "BK-2";
  ASSERT_TRUE(inv->addToken(t).ok());
  const std::string backupBytes = slurp(b);
  ASSERT_TRUE(inv->restore(b.string()).ok());
  EXPECT_TRUE(inv->token("BK-1").ok());
  EXPECT_EQ(inv->token("BK-2").error().kind, Errc::DbNotFound);
  EXPECT_TRUE(inv->verifyAudit()->ok());
  EXPECT_EQ(slurp(b), backupBytes) << "restore must not modify its input";

  const fs::path notInv = dir.path / "other.csv";
  spit(notInv, "hello");
  EXPECT_EQ(inv->restore(notInv.string()).error().kind, Errc::DbNotADatabase);
  EXPECT_TRUE(inv->token("BK-1").ok());
}

}  // namespace
}  // namespace kyso::inventory
