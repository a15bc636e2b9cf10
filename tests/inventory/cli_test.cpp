// The `kyso inventory` command line as scripts use it (the shape in issue 8), on SQLite and on
// PostgreSQL, with a real certificate made by the openssl CLI (Vietnamese subject, PEM and DER).
#include <gtest/gtest.h>

#include <fstream>

#include "core/json.h"
#include "tests/inventory/inv_test_support.h"

namespace kyso::inventory {
namespace {

using test::Backend;
namespace fs = std::filesystem;

void spit(const fs::path& p, const std::string& s) {
  std::ofstream(p, std::ios::binary) << s;
}

class CliTest : public ::testing::TestWithParam<Backend> {
 protected:
  test::TempDir dir;
  std::string db;

  int kyso(const std::string& args, std::string* out = nullptr) {
    std::string o;
    const int rc = test::runCommand("cd " + dir.path.string() + " && " + test::kysoBin() +
                                        " inventory --db '" + db + "' " + args + " 2>&1",
                                    &o);
    if (out) *out = o;
    return rc;
  }
  Json kysoJson(const std::string& args) {
    std::string out;
    EXPECT_EQ(kyso(args + " --json", &out), 0) << args << "\n" << out;
    auto j = Json::parse(out);
    EXPECT_TRUE(j.ok()) << out;
    return j.ok() ? *j : Json();
  }
};

TEST_P(CliTest, TheIssuesCommandLine) {
  if (!fs::exists(test::kysoBin())) {
    if (test::inCi()) FAIL() << "kyso binary missing";
    GTEST_SKIP() << "kyso binary not built";
  }
  std::string o;
  if (test::runCommand("command -v openssl", &o) != 0) {
    if (test::inCi()) FAIL() << "openssl CLI missing";
    GTEST_SKIP() << "openssl CLI missing";
  }
  KYSO_FRESH_DB_OR_SKIP(loc, GetParam(), dir);
  db = loc;
  const std::string unit = "Trung tâm Y tế huyện Phú Vang";
  ASSERT_EQ(kyso("unit add --name 'Sở Y tế Thừa Thiên Huế' --kind department", &o), 0) << o;
  ASSERT_EQ(kyso("unit add --name '" + unit + "' --parent 'Sở Y tế Thừa Thiên Huế'", &o), 0) << o;
  // Issue 17: a bad handwriting image leaves no person behind, so the retry works; the same name
  // twice in one unit is said with the names.
  spit(dir.path / "chu-ky.png", "not a picture");
  ASSERT_EQ(
      kyso("person add --name 'Nguyễn Văn An' --unit '" + unit + "' --handwriting chu-ky.png", &o),
      4)
      << o;
  EXPECT_EQ(kysoJson("person list").size(), 0u);
  ASSERT_EQ(
      kyso("person add --name 'Nguyễn Văn An' --unit '" + unit + "' --position 'Giám đốc'", &o), 0)
      << o;
  ASSERT_EQ(kyso("person add --name 'Nguyễn Văn An' --unit '" + unit + "'", &o), 4) << o;
  EXPECT_NE(o.find("Nguyễn Văn An already exists in " + unit), std::string::npos) << o;
  EXPECT_EQ(o.find("UNIQUE"), std::string::npos) << o;
  ASSERT_EQ(
      kyso("token add --serial 5A1B2C --manufacturer Bit4id --model 'miniLector EVO' --unit '" +
               unit + "'",
           &o),
      0)
      << o;
  ASSERT_EQ(kyso("token add --serial 5A1B2C --manufacturer Bit4id --model x", &o), 4) << o;

  // A transition with its written request (the state named in Vietnamese, as an officer writes
  // it), then an illegal one.
  ASSERT_EQ(kyso("transition token 5A1B2C 'Đang sử dụng' --holder 'Nguyễn Văn An' --doc-number "
                 "12/SYT-VP --doc-date 2026-01-20",
                 &o),
            0)
      << o;
  // Issue 17: Vietnamese lists name the state in Vietnamese; --state takes the name too.
  ASSERT_EQ(kyso("--lang vi token list --state 'đang sử dụng'", &o), 0) << o;
  EXPECT_NE(o.find("Đang sử dụng"), std::string::npos) << o;
  EXPECT_EQ(o.find(" active"), std::string::npos) << o;
  ASSERT_EQ(kyso("token list --state active", &o), 0) << o;
  EXPECT_NE(o.find("5A1B2C"), std::string::npos) << o;
  EXPECT_EQ(
      kyso("transition token 5A1B2C destroyed --doc-number 13/SYT-VP --doc-date 2026-01-21", &o),
      4);
  EXPECT_NE(o.find("not allowed"), std::string::npos) << o;
  EXPECT_NE(o.find("active -> destroyed"), std::string::npos) << o;
  EXPECT_EQ(kyso("transition token 5A1B2C returned", &o), 4);
  EXPECT_NE(o.find("the request document's number is missing: --doc-number"), std::string::npos)
      << o;

  // A real certificate, PEM then the same as DER (a duplicate).
  ASSERT_EQ(test::runCommand(
                "cd " + dir.path.string() +
                    " && openssl req -x509 -utf8 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes"
                    " -keyout k.pem -out c.pem -days 400 -subj '/C=VN/O=Sở Y tế/CN=Nguyễn Văn An'"
                    " 2>&1 && openssl x509 -in c.pem -outform DER -out c.der",
                &o),
            0)
      << o;
  Json cert = kysoJson("cert import c.pem --token 5A1B2C --holder 'Nguyễn Văn An'");
  EXPECT_NE(cert["subject"].asString().find("CN=Nguyễn Văn An"), std::string::npos) << cert.dump();
  EXPECT_EQ(cert["sha256"].asString().size(), 64u);
  EXPECT_EQ(cert["token"].asString(), "5A1B2C");
  EXPECT_EQ(cert["unit"].asString(), unit);
  std::string fp;
  test::runCommand(
      "openssl x509 -in " + (dir.path / "c.pem").string() + " -noout -fingerprint -sha256", &fp);
  std::string hex;
  for (char ch : fp.substr(fp.find('=') + 1))
    if (std::isxdigit(static_cast<unsigned char>(ch)))
      hex += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  EXPECT_EQ(cert["sha256"].asString(), hex);
  EXPECT_EQ(kyso("cert import c.der", &o), 4) << o;
  spit(dir.path / "junk.pem", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
  EXPECT_EQ(kyso("cert import junk.pem", &o), 4) << o;

  Json list = kysoJson("token list --unit '" + unit + "' --state active");
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0]["holder"].asString(), "Nguyễn Văn An");
  EXPECT_EQ(kysoJson("token list --state lost").size(), 0u);
  Json hist = kysoJson("history token 5A1B2C");
  ASSERT_EQ(hist.size(), 2u);
  EXPECT_EQ(hist[1]["doc_number"].asString(), "12/SYT-VP");
  Json expiring = kysoJson("expiring --days 400");
  ASSERT_EQ(expiring.size(), 1u);
  EXPECT_EQ(kysoJson("expiring --days 10").size(), 0u);
  // For people: the days left first, then the last valid day; "(none)" when nothing ends soon.
  ASSERT_EQ(kyso("expiring --days 400", &o), 0) << o;
  EXPECT_EQ(o.rfind("DAYS LEFT  VALID UNTIL", 0), 0u) << o;
  const std::string row = o.substr(o.find('\n') + 1);
  const long left = std::strtol(row.c_str(), nullptr, 10);
  EXPECT_TRUE(left > 10 && left <= 400) << o;
  EXPECT_NE(row.find(expiring[0]["not_after"].asString()), std::string::npos) << o;
  ASSERT_EQ(kyso("expiring --days 10", &o), 0) << o;
  EXPECT_EQ(o, "(none)\n");
  EXPECT_EQ(kysoJson("unit list").size(), 2u);
  EXPECT_EQ(kysoJson("person list --unit '" + unit + "'").size(), 1u);
  EXPECT_EQ(kysoJson("unit show 2")["name"].asString(), unit);

  ASSERT_EQ(kyso("report --format html --output r.html", &o), 0) << o;
  std::ifstream html(dir.path / "r.html");
  std::string page((std::istreambuf_iterator<char>(html)), {});
  EXPECT_NE(page.find("<td>" + unit + "</td>"), std::string::npos);
  ASSERT_EQ(kyso("report --format csv", &o), 0);
  EXPECT_NE(o.find(unit + ",0,1,"), std::string::npos) << o;

  ASSERT_EQ(kyso("export-csv --output t.csv", &o), 0) << o;
  spit(dir.path / "bad.csv", "serial,manufacturer,unit\r\nN1,Bit4id,Không tồn tại\r\nN2,,\r\n");
  EXPECT_EQ(kyso("import-csv bad.csv", &o), 4);
  EXPECT_NE(o.find("line 2: unknown unit"), std::string::npos) << o;
  EXPECT_NE(o.find("line 3: manufacturer is empty"), std::string::npos) << o;
  EXPECT_NE(o.find("run again with --create-missing"), std::string::npos) << o;
  EXPECT_EQ(kysoJson("token list").size(), 1u);
  // Issue 17: the rows' reasons in Vietnamese; --create-missing adds the unit and lists it.
  spit(dir.path / "new.csv",
       "serial,manufacturer,unit,holder\r\nN1,Bit4id,Không tồn tại,Lê Văn "
       "Tám\r\n");
  EXPECT_EQ(kyso("import-csv new.csv --lang vi", &o), 4);
  EXPECT_NE(o.find("dòng 2: không có đơn vị 'Không tồn tại' trong sổ theo dõi"), std::string::npos)
      << o;
  EXPECT_NE(o.find("chạy lại với --create-missing"), std::string::npos) << o;
  ASSERT_EQ(kyso("import-csv new.csv --create-missing --lang vi", &o), 0) << o;
  EXPECT_NE(o.find("đã thêm đơn vị: Không tồn tại"), std::string::npos) << o;
  EXPECT_NE(o.find("đã thêm người: Lê Văn Tám (Không tồn tại)"), std::string::npos) << o;
  EXPECT_EQ(kysoJson("token list").size(), 2u);
  EXPECT_EQ(kyso("import-csv --lang vi", &o), 64);
  EXPECT_NE(o.find("cần đúng một tệp CSV"), std::string::npos) << o;

  ASSERT_EQ(kyso("audit-verify", &o), 0) << o;
  EXPECT_NE(o.find("chain intact"), std::string::npos);
  EXPECT_EQ(kyso("frobnicate", &o), 64);
}

// Issue 17: every inventory subcommand answers --help (exit 0) with its usage, and the ones with
// states list them.
TEST(InventoryHelp, EverySubcommandHasHelp) {
  if (!fs::exists(test::kysoBin())) {
    if (test::inCi()) FAIL() << "kyso binary missing";
    GTEST_SKIP() << "kyso binary not built";
  }
  for (const char* sub :
       {"unit add", "unit edit", "person add", "token add", "token list", "cert import",
        "transition", "history", "expiring", "warnings", "report", "import-csv", "export-csv",
        "audit-verify", "audit-seal", "backup", "restore", "sync", "check-revocation"}) {
    SCOPED_TRACE(sub);
    std::string out;
    EXPECT_EQ(test::runCommand(test::kysoBin() + " inventory " + sub + " --help 2>&1", &out), 0)
        << out;
    EXPECT_EQ(out.rfind("usage: kyso inventory ", 0), 0u) << out;
    EXPECT_NE(out.find("--db"), std::string::npos) << out;
  }
  std::string out;
  // A state that does not exist, and a change the rules do not allow, name what is possible.
  test::TempDir dir;
  const std::string db = " --db " + (dir.path / "inv.sqlite").string() + " ";
  ASSERT_EQ(test::runCommand(test::kysoBin() + " inventory" + db +
                                 "token add --serial H1 --manufacturer Bit4id 2>&1",
                             &out),
            0)
      << out;
  EXPECT_EQ(
      test::runCommand(test::kysoBin() + " inventory" + db +
                           "transition token H1 bogus --doc-number 1 --doc-date 2026-01-02 2>&1",
                       &out),
      64);
  EXPECT_NE(out.find("the states are in_stock, active"), std::string::npos) << out;
  EXPECT_NE(test::runCommand(test::kysoBin() + " inventory" + db +
                                 "transition token H1 restore_requested --doc-number 1 "
                                 "--doc-date 2026-01-02 2>&1",
                             &out),
            0);
  EXPECT_NE(out.find("from in_stock only to "), std::string::npos) << out;
  EXPECT_NE(out.find("active"), std::string::npos) << out;
  // A change that lacks its note says so, and which option gives it, in the CLI's language (it
  // used to ask for the request document, which was there).
  EXPECT_EQ(test::runCommand(test::kysoBin() + " inventory" + db +
                                 "transition token H1 damaged --doc-number 1 --doc-date 2026-01-02 "
                                 "2>&1",
                             &out),
            4);
  EXPECT_NE(out.find("this change needs a note on what happened: --note"), std::string::npos)
      << out;
  EXPECT_EQ(out.find("request document"), std::string::npos) << out;
  EXPECT_EQ(test::runCommand("KYSO_LANG=vi " + test::kysoBin() + " inventory" + db +
                                 "transition token H1 damaged --doc-number 1 --doc-date 2026-01-02 "
                                 "2>&1",
                             &out),
            4);
  EXPECT_NE(out.find("Lần đổi trạng thái bị từ chối"), std::string::npos) << out;
  EXPECT_NE(out.find("lần đổi này cần ghi chú về việc đã xảy ra: --note"), std::string::npos)
      << out;
  ASSERT_EQ(test::runCommand(test::kysoBin() + " inventory transition -h 2>&1", &out), 0);
  EXPECT_NE(out.find("Token states: in_stock, active"), std::string::npos) << out;
  EXPECT_NE(out.find("Example: kyso inventory transition"), std::string::npos) << out;
}

// Lists and records for people (issue 17): a header row, aligned columns, no version column,
// "(none)" for an empty list, one record as labelled fields; Vietnamese under LANG=vi.
TEST_P(CliTest, PlainTextListsAndRecords) {
  if (!fs::exists(test::kysoBin())) {
    if (test::inCi()) FAIL() << "kyso binary missing";
    GTEST_SKIP() << "kyso binary not built";
  }
  KYSO_FRESH_DB_OR_SKIP(loc, GetParam(), dir);
  db = loc;
  std::string o;
  ASSERT_EQ(kyso("token list", &o), 0) << o;
  EXPECT_EQ(o, "(none)\n");
  ASSERT_EQ(kyso("unit add --name 'Sở Y tế Thừa Thiên Huế' --kind department", &o), 0) << o;
  EXPECT_NE(o.find("Name:         Sở Y tế Thừa Thiên Huế\n"), std::string::npos) << o;
  ASSERT_EQ(kyso("unit add --name 'Trung tâm Y tế huyện Phú Vang' --parent 'Sở Y tế Thừa Thiên "
                 "Huế' --kind district",
                 &o),
            0)
      << o;
  ASSERT_EQ(kyso("unit list", &o), 0) << o;
  const std::string want =
      "ID  NAME                           KIND        PARENT                  SEAL\n"
      "1   Sở Y tế Thừa Thiên Huế         department  -                       no\n"
      "2   Trung tâm Y tế huyện Phú Vang  district    Sở Y tế Thừa Thiên Huế  no\n";
  EXPECT_EQ(o, want);
  EXPECT_EQ(o.find("\tv1"), std::string::npos);
  ASSERT_EQ(kyso("person add --name 'Nguyễn Văn An' --unit 'Sở Y tế Thừa Thiên Huế' --position "
                 "'Giám đốc' --email an@syt.example --phone 0234",
                 &o),
            0)
      << o;
  ASSERT_EQ(kyso("person show 'Nguyễn Văn An'", &o), 0) << o;
  for (const char* part : {"Position:", "Giám đốc", "E-mail:", "an@syt.example", "Phone:", "0234"})
    EXPECT_NE(o.find(part), std::string::npos) << part << "\n" << o;
  ASSERT_EQ(test::runCommand("cd " + dir.path.string() + " && LANG=vi_VN.UTF-8 " + test::kysoBin() +
                                 " inventory --db '" + db + "' token list 2>&1",
                             &o),
            0);
  EXPECT_EQ(o, "(không có)\n");
  ASSERT_EQ(test::runCommand("cd " + dir.path.string() + " && LANG=vi_VN.UTF-8 " + test::kysoBin() +
                                 " inventory --db '" + db + "' person list 2>&1",
                             &o),
            0);
  EXPECT_EQ(o.rfind("MÃ  HỌ VÀ TÊN", 0), 0u) << o;
  // --lang on any command, before or after it, whatever LANG says; a bad value is a usage error.
  for (const std::string& line : {" --lang vi inventory --db '" + db + "' token list",
                                  " inventory --db '" + db + "' token list --lang=vi"}) {
    ASSERT_EQ(
        test::runCommand("LANG=en_US.UTF-8 KYSO_LANG= " + test::kysoBin() + line + " 2>&1", &o), 0)
        << line;
    EXPECT_EQ(o, "(không có)\n") << line;
  }
  EXPECT_EQ(test::runCommand(
                test::kysoBin() + " inventory --db '" + db + "' token list --lang fr 2>&1", &o),
            64)
      << o;
  EXPECT_NE(o.find("--lang"), std::string::npos) << o;
  ASSERT_EQ(test::runCommand("LANG=en_US.UTF-8 " + test::kysoBin() + " --lang vi --help 2>&1", &o),
            0);
  EXPECT_NE(o.find("Cách dùng: kyso LỆNH"), std::string::npos) << o;
}

// Dates as office papers write them (DD/MM/YYYY) or as ISO tools do, on every date option; a day
// that does not exist names the option and the two forms.
TEST_P(CliTest, DatesAreAcceptedInBothFormsEverywhere) {
  if (!fs::exists(test::kysoBin())) {
    if (test::inCi()) FAIL() << "kyso binary missing";
    GTEST_SKIP() << "kyso binary not built";
  }
  KYSO_FRESH_DB_OR_SKIP(loc, GetParam(), dir);
  db = loc;
  std::string o;
  ASSERT_EQ(kyso("unit add --name 'Văn phòng Sở' --kind department", &o), 0) << o;
  ASSERT_EQ(kyso("token add --serial D1 --manufacturer Feitian --unit 'Văn phòng Sở' --received-on "
                 "03/11/2026",
                 &o),
            0)
      << o;
  ASSERT_EQ(kyso("token show D1 --json", &o), 0) << o;
  EXPECT_NE(o.find("2026-11-03"), std::string::npos) << o;
  ASSERT_EQ(kyso("token edit D1 --received-on 2026-11-04", &o), 0) << o;
  ASSERT_EQ(kyso("person add --name 'Lê Văn Nghỉ' --unit 'Văn phòng Sở' --left-on 1/2/2026", &o), 0)
      << o;
  ASSERT_EQ(kyso("person show 'Lê Văn Nghỉ' --json", &o), 0) << o;
  EXPECT_NE(o.find("2026-02-01"), std::string::npos) << o;
  EXPECT_EQ(kyso("token add --serial D2 --manufacturer Feitian --unit 'Văn phòng Sở' --received-on "
                 "31/02/2026 2>&1",
                 &o),
            64);
  EXPECT_NE(o.find("--received-on"), std::string::npos) << o;
  EXPECT_NE(o.find("DD/MM/YYYY or YYYY-MM-DD"), std::string::npos) << o;
  ASSERT_EQ(kyso("token list", &o), 0);
  EXPECT_EQ(o.find("D2"), std::string::npos) << "nothing saved for a refused command";
  EXPECT_EQ(kyso("cert list --expires-before 2026/13/01 2>&1", &o), 64) << o;
  EXPECT_EQ(kyso("transition token D1 damaged --doc-number 5/SYT-VP --doc-date 20/01/2026 --note "
                 "'Hỏng cổng USB'",
                 &o),
            0)
      << o;
  ASSERT_EQ(kyso("history token D1", &o), 0) << o;
  EXPECT_NE(o.find("2026-01-20"), std::string::npos) << o;
}

INSTANTIATE_TEST_SUITE_P(Backends, CliTest, ::testing::Values(Backend::Sqlite, Backend::Postgres),
                         test::backendName);

}  // namespace
}  // namespace kyso::inventory
