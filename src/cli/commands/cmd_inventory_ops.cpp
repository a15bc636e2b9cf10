// `kyso inventory transition|history|expiring|warnings|report|import-csv|export-csv|
// backup|restore` (audit-verify and audit-seal: cmd_inventory_audit.cpp).
#include <algorithm>
#include <cstdio>
#include <map>

#include "core/atomic_file.h"
#include "core/messages.h"
#include "src/cli/commands/inventory_cli.h"
#include "src/cli/commands/text_table.h"
#include "src/cli/kyso/exit_codes.h"
#include "src/cli/kyso/words.h"
#include "src/inventory/evidence_text.h"
#include "src/inventory/lifecycle.h"
#include "src/inventory/report.h"
#include "src/inventory/state_names.h"
#include "src/inventory/time_text.h"
#include "src/inventory/transfer.h"
#include "src/inventory/warning_text.h"

namespace kyso::cli::inv {
namespace {

using namespace kyso::inventory;

Result<Subject> subjectOf(const std::string& word) {
  if (word == "token") return Subject::Token;
  if (word == "cert" || word == "certificate") return Subject::Certificate;
  return Error::kyso(Errc::UsageError, "subject",
                     "'" + word + say("': say token or cert", "': hãy ghi token hoặc cert"));
}

Result<Inventory*> openWith(Context& c, ArgParser& p, const char* what, bool& usage) {
  usage = !parseOrReport(p, c.rest, what);
  if (usage) return Error::kyso(Errc::UsageError, what);
  applyGlobals(c, p);
  return c.open();
}

#define KYSO_INV_OPEN(parser, what)                                                \
  bool usage_ = false;                                                             \
  auto opened_ = openWith(c, parser, what, usage_);                                \
  if (usage_) return kExitUsage;                                                   \
  if (!opened_.ok()) return fail("Opening the inventory failed", opened_.error()); \
  Inventory& inv = **opened_

void printEvent(const Event& e) {
  std::printf("%s\t%s\t%s -> %s\tdoc %s %s\tby %s\t%s\n", inventory::vietnamTimeText(e.at).c_str(),
              e.kind.c_str(), e.fromState.empty() ? "-" : e.fromState.c_str(),
              e.toState.empty() ? "-" : e.toState.c_str(),
              e.docNumber.empty() ? "-" : e.docNumber.c_str(), e.docDate.c_str(), e.who.c_str(),
              e.note.c_str());
}

// The option that gives what a refused change lacks (evidence_text.h's codes), after the words.
Error withOption(Error explained, const std::string& code) {
  static const std::map<std::string, std::string> options = {
      {"doc_number", "--doc-number"},
      {"doc_date", "--doc-date"},
      {"doc_date_future", "--doc-date"},
      {"holder", "--holder"},
      {"wiped", "--wiped"},
      {"note", "--note"},
      {"validity", "--valid-from, --valid-until"},
      {"validity_over_5_years", "--valid-until"},
      {"valid_until", "--valid-until"},
      {"valid_until_not_later", "--valid-until"},
      {"renewal_over_3_years", "--valid-until"}};
  if (explained.kind != Errc::EvidenceMissing) return explained;
  if (auto it = options.find(code); it != options.end()) explained.context += ": " + it->second;
  return explained;
}

}  // namespace

int runTransition(Context& c) {
  ArgParser p = parserFor(c);
  p.usage(
      {"usage: kyso inventory transition token|cert KEY NEW-STATE --doc-number N --doc-date DATE\n"
       "                                 [--holder P] [--unit U] [--note T] [--wiped]\n"
       "                                 [--valid-from DATE --valid-until DATE]\n"
       "Records a change of state with the request document that asks for it. KEY is a token\n"
       "serial or a certificate SHA-256 prefix; a state is written as its code or its name. A\n"
       "change the rules do not allow is refused and lists the allowed ones. Dates: DD/MM/YYYY\n"
       "or YYYY-MM-DD.\n"
       "Token states: " +
           inventory::statesList(Subject::Token) + "\n" +
           "Certificate states: " + inventory::statesList(Subject::Certificate) + "\n" +
           "Example: kyso inventory transition token 54C1A2 active --holder \"Nguyễn Văn An\" "
           "--doc-number 12/SYT-VP --doc-date 20/11/2026\n",
       "cách dùng: kyso inventory transition token|cert KHÓA TRẠNG-THÁI-MỚI --doc-number SỐ\n"
       "                         --doc-date NGÀY [--holder NGƯỜI] [--unit ĐƠN-VỊ] [--note "
       "GHI-CHÚ]\n"
       "                         [--wiped] [--valid-from NGÀY --valid-until NGÀY]\n"
       "Ghi một lần đổi trạng thái kèm văn bản đề nghị. KHÓA là số serial của token hoặc phần\n"
       "đầu mã SHA-256 của chứng thư số; trạng thái viết bằng mã hoặc tên. Lần đổi mà quy tắc\n"
       "không cho phép bị từ chối, kèm danh sách các lần đổi được phép. Ngày viết DD/MM/YYYY\n"
       "hoặc YYYY-MM-DD.\n"
       "Trạng thái của token: " +
           inventory::statesWithLabels(Subject::Token, Lang::Vi) + "\n" +
           "Trạng thái của chứng thư số: " +
           inventory::statesWithLabels(Subject::Certificate, Lang::Vi) + "\n" +
           "Ví dụ: kyso inventory transition token 54C1A2 active --holder \"Nguyễn Văn An\" "
           "--doc-number 12/SYT-VP --doc-date 20/11/2026\n"});
  p.value("doc-number", 0,
          {"number of the request document, e.g. 12/SYT-VP",
           "số của văn bản đề nghị, ví dụ 12/SYT-VP"})
      .value("doc-date", 0,
             {"its date (DD/MM/YYYY or YYYY-MM-DD)",
              "ngày của văn bản đó (DD/MM/YYYY hoặc "
              "YYYY-MM-DD)"})
      .value("note", 0,
             {"a note kept with the event (what happened; some changes need one)",
              "ghi chú lưu cùng sự kiện (chuyện gì đã xảy ra; một số lần đổi bắt buộc phải có)"})
      .value("holder", 0,
             {"the person who receives the token (hand-over, issue)",
              "người nhận token (bàn giao, cấp phát)"})
      .value("unit", 0, {"the unit (name or id)", "đơn vị (tên hoặc id)"});
  p.flag("wiped", 0,
         {"the token was wiped (return, destroy)", "token đã được xóa sạch (thu hồi, tiêu hủy)"})
      .value("valid-from", 0,
             {"certificate: start of validity (DD/MM/YYYY or YYYY-MM-DD)",
              "chứng thư số: ngày bắt đầu hiệu lực (DD/MM/YYYY hoặc YYYY-MM-DD)"})
      .value("valid-until", 0,
             {"certificate: end of validity, or the new end on renewal",
              "chứng thư số: ngày hết hiệu lực, hoặc ngày hết hạn mới khi gia hạn"});
  KYSO_INV_OPEN(p, "kyso inventory transition");
  const auto& pos = p.positional();
  if (pos.size() != 3)
    return fail("kyso inventory transition",
                Error::kyso(Errc::UsageError, "transition", "token|cert KEY NEW-STATE"));
  auto subject = subjectOf(pos[0]);
  if (!subject.ok()) return fail("kyso inventory transition", subject.error());
  EvidenceGiven e;
  e.docNumber = p.getOr("doc-number", "");
  auto docDate = dateOption(p, "doc-date");
  auto validFrom = dateOption(p, "valid-from");
  auto validUntil = dateOption(p, "valid-until");
  for (const auto* d : {&docDate, &validFrom, &validUntil})
    if (!d->ok()) return fail("kyso inventory transition", d->error());
  e.docDate = docDate->value_or("");
  e.note = p.getOr("note", "");
  e.wiped = p.has("wiped");
  e.notBefore = validFrom->value_or("");
  e.newNotAfter = validUntil->value_or("");
  if (*subject == Subject::Certificate && !e.notBefore.empty()) e.notAfter = e.newNotAfter;
  if (auto h = p.get("holder")) {
    std::optional<long long> unitId;
    if (auto u = p.get("unit")) {
      auto unit = inv.unit(*u);
      if (!unit.ok()) return fail("Finding the unit failed", unit.error());
      unitId = unit->id;
    }
    auto who = inv.person(*h, unitId);
    if (!who.ok()) return fail("Finding the holder failed", who.error());
    e.holderId = who->id;
  }
  // NEW-STATE by its code or its name, English or Vietnamese ("Bị mất").
  const std::string to = inventory::stateFromText(*subject, pos[2]).value_or(pos[2]);
  auto r = inv.transition(*subject, pos[1], to, e);
  if (!r.ok())
    return fail(
        say("The change of state was refused", "Lần đổi trạng thái bị từ chối"),
        withOption(inventory::explainEvidence(r.error(), defaultLang()), r.error().context));
  if (c.json)
    printJson(toJson(*r));
  else
    printEvent(*r);
  return kExitOk;
}

int runHistory(Context& c) {
  ArgParser p = parserFor(c);
  p.usage(
      {"usage: kyso inventory history token|cert KEY\n"
       "Every recorded event of a token (serial) or certificate (SHA-256 prefix), oldest\n"
       "first.\n"
       "Example: kyso inventory history token 54C1A2\n",
       "cách dùng: kyso inventory history token|cert KHÓA\n"
       "Mọi sự kiện đã ghi của một token (số serial) hoặc chứng thư số (phần đầu mã SHA-256),\n"
       "cũ nhất trước.\n"
       "Ví dụ: kyso inventory history token 54C1A2\n"});
  KYSO_INV_OPEN(p, "kyso inventory history");
  const auto& pos = p.positional();
  if (pos.size() != 2)
    return fail("kyso inventory history",
                Error::kyso(Errc::UsageError, "history", "token|cert KEY"));
  auto subject = subjectOf(pos[0]);
  if (!subject.ok()) return fail("kyso inventory history", subject.error());
  auto r = inv.history(*subject, pos[1]);
  if (!r.ok()) return fail("Reading the history failed", r.error());
  Json arr = Json::array();
  for (const Event& e : *r) {
    if (c.json)
      arr.push(toJson(e));
    else
      printEvent(e);
  }
  if (c.json) printJson(arr);
  return kExitOk;
}

int runExpiring(Context& c) {
  ArgParser p = parserFor(c);
  p.usage(
      {"usage: kyso inventory expiring [--days N]\n"
       "Certificates in use that end within N days (default 60), with the days left.\n"
       "Example: kyso inventory expiring --days 60\n",
       "cách dùng: kyso inventory expiring [--days N]\n"
       "Chứng thư số đang dùng sẽ hết hạn trong N ngày tới (mặc định 60), kèm số ngày còn lại.\n"
       "Ví dụ: kyso inventory expiring --days 60\n"});
  p.value("days", 0, {"how many days ahead (default 60)", "số ngày tính tới (mặc định 60)"});
  KYSO_INV_OPEN(p, "kyso inventory expiring");
  const std::string d = p.getOr("days", "60");
  char* end = nullptr;
  const long days = std::strtol(d.c_str(), &end, 10);
  if (d.empty() || *end)
    return fail("kyso inventory expiring", Error::kyso(Errc::UsageError, "--days", d));
  auto r = inv.expiring(days);
  if (!r.ok()) return fail("Listing expiring certificates failed", r.error());
  if (c.json) {
    Json arr = Json::array();
    for (const Certificate& x : *r) arr.push(toJson(x));
    printJson(arr);
    return kExitOk;
  }
  // For people: the days left first (0: its last valid day is today), then whose it is.
  const bool vi = defaultLang() == Lang::Vi;
  TextTable table(vi ? std::vector<std::string>{"CÒN (NGÀY)", "HẾT HẠN", "CHỦ THỂ", "NGƯỜI GIỮ",
                                                "ĐƠN VỊ", "SHA-256"}
                     : std::vector<std::string>{"DAYS LEFT", "VALID UNTIL", "SUBJECT", "HOLDER",
                                                "UNIT", "SHA-256"});
  const auto today = inventory::parseDate(inv.today());
  for (const Certificate& x : *r) {
    const auto last = inventory::parseDate(x.notAfter);
    const std::string left = today && last ? std::to_string(*last - *today) : "";
    table.add({left, x.notAfter, x.subject, x.holderName, x.unitName, x.sha256.substr(0, 16)});
  }
  std::fputs(table.render(noneText()).c_str(), stdout);
  return kExitOk;
}

int runWarnings(Context& c) {
  ArgParser p = parserFor(c);
  p.usage(
      {"usage: kyso inventory warnings [--json]\n"
       "What needs attention, the most urgent first: a lost token whose certificate is not\n"
       "revoked (ask the CA to revoke it), certificates expiring within 60 days, holders who\n"
       "left, certificates left on tokens in stock, revoked certificates on active tokens.\n"
       "Example: kyso inventory warnings\n",
       "cách dùng: kyso inventory warnings [--json]\n"
       "Những việc cần xử lý, gấp nhất trước: token bị mất mà chứng thư số chưa bị thu hồi\n"
       "(đề nghị CA thu hồi ngay), chứng thư số hết hạn trong 60 ngày, người giữ đã thôi việc,\n"
       "chứng thư số còn trên token trong kho, chứng thư số đã thu hồi trên token đang dùng.\n"
       "Ví dụ: kyso inventory warnings\n"});
  KYSO_INV_OPEN(p, "kyso inventory warnings");
  auto r = inv.warnings();
  if (!r.ok()) return fail("Computing warnings failed", r.error());
  if (c.json) {
    Json arr = Json::array();
    for (const Warning& w : *r) arr.push(toJson(w));
    printJson(arr);
    return kExitOk;
  }
  TextTable table(
      {say("warning", "cảnh báo"), say("what", "đối tượng"), say("detail", "chi tiết")});
  const Lang lang = defaultLang();
  for (const Warning& w : *r)
    table.add({warningLabel(w.kind, lang), warningSubject(w, lang), warningText(w, lang)});
  std::fputs(table.render(noneText()).c_str(), stdout);
  return kExitOk;
}

int runReport(Context& c) {
  ArgParser p = parserFor(c);
  p.usage(
      {"usage: kyso inventory report [--format csv|html|json] [--unit UNIT] [-o FILE]\n"
       "Tokens and certificates per unit by state, next year's renewals, and what needs\n"
       "attention (a lost token first), as CSV unless --format says otherwise (standard\n"
       "output without -o). HTML is for people, in the language of --lang or LANG, printable\n"
       "on A4. --unit: one unit's report, with its tokens, certificates and focal person for\n"
       "cyber security, to send to the Department.\n"
       "Example: kyso --lang vi inventory report --format html --unit \"Trung tâm Y tế huyện "
       "Phú Vang\" -o bao-cao.html\n",
       "cách dùng: kyso inventory report [--format csv|html|json] [--unit ĐƠN-VỊ] [-o TỆP]\n"
       "Số token và chứng thư số của từng đơn vị theo trạng thái, các chứng thư cần gia hạn\n"
       "trong năm tới và những việc cần xử lý (token bị mất trước hết), dạng CSV trừ khi\n"
       "--format chọn khác (in ra đầu ra chuẩn khi không có -o). HTML dành cho người đọc,\n"
       "theo ngôn ngữ của --lang hoặc LANG, in được trên giấy A4. --unit: báo cáo của một đơn\n"
       "vị, gồm token, chứng thư số và đầu mối an toàn thông tin mạng, để gửi Sở.\n"
       "Ví dụ: kyso --lang vi inventory report --format html --unit \"Trung tâm Y tế huyện "
       "Phú Vang\" -o bao-cao.html\n"});
  p.value("format", 0,
          {"csv (default), html or json (--json)", "csv (mặc định), html hoặc json (--json)"})
      .value("output", 'o',
             {"write the report to this file (default: standard output)",
              "ghi báo cáo vào tệp này (mặc định: đầu ra chuẩn)"})
      .value("unit", 0,
             {"one unit's report: its counts, tokens, certificates and focal person",
              "báo cáo của một đơn vị: số liệu, token, chứng thư số và đầu mối"});
  KYSO_INV_OPEN(p, "kyso inventory report");
  const std::string fmt = p.getOr("format", c.json ? "json" : "csv");
  if (fmt != "csv" && fmt != "html" && fmt != "json")
    return fail("kyso inventory report",
                Error::kyso(Errc::UsageError, "--format",
                            fmt + say(": csv, html or json", ": csv, html hoặc json")));
  auto r = buildReport(inv, p.get("unit"));
  if (!r.ok()) return fail("Building the report failed", r.error());
  const std::string text = fmt == "csv"    ? reportCsv(*r)
                           : fmt == "html" ? reportHtml(*r, defaultLang())
                                           : reportJson(*r).dump(2) + "\n";
  auto st = writeOutput(p.getOr("output", ""), text);
  if (!st.ok()) return fail("Writing the report failed", st.error());
  return kExitOk;
}

namespace {

void printImportReport(const ImportReport& r) {
  for (const auto& x : r.rejected)
    std::printf(vi() ? "dòng %ld: %s\n" : "line %ld: %s\n", x.line,
                rowProblemText(x, defaultLang()).c_str());
  for (const auto& u : r.createdUnits)
    std::printf(vi() ? "đã thêm đơn vị: %s\n" : "unit added: %s\n", u.c_str());
  for (const auto& p : r.createdPeople)
    std::printf(vi() ? "đã thêm người: %s (%s)\n" : "person added: %s (%s)\n", p.name.c_str(),
                p.unit.c_str());
  std::printf(vi() ? "đã đọc %ld dòng (%s), nhập %ld, từ chối %zu\n"
                   : "%ld rows read (%s), %ld imported, %zu rejected\n",
              r.rows, r.encoding.c_str(), r.imported, r.rejected.size());
  if (std::any_of(r.rejected.begin(), r.rejected.end(), missingRecord))
    std::printf(vi() ? "Để thêm các đơn vị và người chưa có trong sổ, chạy lại với "
                       "--create-missing.\n"
                     : "To add the units and people the inventory does not have, run again with "
                       "--create-missing.\n");
}

Json importReportJson(const ImportReport& r) {
  Json j = Json::object();
  j.set("encoding", r.encoding).set("rows", r.rows).set("imported", r.imported);
  Json rej = Json::array();
  for (const auto& x : r.rejected) {
    Json o = Json::object();
    o.set("line", x.line).set("reason", rowProblemText(x, Lang::En));
    rej.push(std::move(o));
  }
  j.set("rejected", std::move(rej));
  Json units = Json::array();
  for (const auto& u : r.createdUnits) units.push(u);
  j.set("created_units", std::move(units));
  Json people = Json::array();
  for (const auto& p : r.createdPeople) {
    Json o = Json::object();
    o.set("name", p.name).set("unit", p.unit);
    people.push(std::move(o));
  }
  j.set("created_people", std::move(people));
  return j;
}

}  // namespace

int runImportCsv(Context& c) {
  ArgParser p = parserFor(c);
  p.usage(
      {"usage: kyso inventory import-csv FILE [--create-missing]\n"
       "Adds the tokens of a spreadsheet saved as CSV (UTF-8 or Windows-1258, comma or semicolon\n"
       "separated, a header row), all or nothing: any bad row is reported with its line and\n"
       "nothing is imported.\n"
       "Columns: serial, manufacturer (both required), model, provider, module, state, unit,\n"
       "holder, received_on, issued_on; or the office sheet's Vietnamese headers: Số serial,\n"
       "Hãng sản xuất, Loại token, Nhà cung cấp, Trạng thái (or Tình trạng), Đơn vị, Người giữ,\n"
       "Ngày nhận, Ngày cấp (STT and Ghi chú are left out). Dates DD/MM/YYYY or YYYY-MM-DD; unit\n"
       "and holder by name; a state by its code or its name (\"Đang sử dụng\", \"Trong kho\").\n"
       "Example: kyso inventory import-csv thiet-bi.csv --create-missing\n",
       "cách dùng: kyso inventory import-csv TỆP [--create-missing]\n"
       "Nhập các token trong bảng tính lưu dạng CSV (UTF-8 hoặc Windows-1258, phân cách bằng dấu\n"
       "phẩy hoặc chấm phẩy, có dòng tiêu đề), tất cả hoặc không gì cả: dòng nào sai được báo\n"
       "kèm số dòng và không dòng nào được nhập.\n"
       "Cột: serial, manufacturer (bắt buộc cả hai), model, provider, module, state, unit,\n"
       "holder, received_on, issued_on; hoặc tiêu đề tiếng Việt của bảng theo dõi: Số serial,\n"
       "Hãng sản xuất, Loại token, Nhà cung cấp, Trạng thái (hoặc Tình trạng), Đơn vị, Người giữ,\n"
       "Ngày nhận, Ngày cấp (cột STT và Ghi chú được bỏ qua). Ngày viết DD/MM/YYYY hoặc\n"
       "YYYY-MM-DD; đơn vị và người giữ theo tên; trạng thái theo mã hoặc tên (\"Đang sử dụng\",\n"
       "\"Trong kho\").\n"
       "Ví dụ: kyso inventory import-csv thiet-bi.csv --create-missing\n"});
  p.flag("create-missing", 0,
         {"add the units and people the sheet names that the inventory does not have (a new "
          "holder joins the row's unit); they are listed after the import",
          "thêm các đơn vị và người có trong bảng mà sổ theo dõi chưa có (người giữ mới thuộc "
          "đơn vị ghi trên dòng đó); danh sách được in sau khi nhập"});
  KYSO_INV_OPEN(p, "kyso inventory import-csv");
  if (p.positional().size() != 1)
    return fail("kyso inventory import-csv",
                Error::kyso(Errc::UsageError, "import-csv",
                            vi() ? "cần đúng một tệp CSV" : "give one CSV file"));
  auto bytes = readSmallFile(p.positional()[0]);
  if (!bytes.ok()) return fail("Reading the spreadsheet failed", bytes.error());
  ImportOptions options;
  options.createMissing = p.has("create-missing");
  auto r = importTokensCsv(inv, *bytes, options);
  if (!r.ok()) return fail("Importing the spreadsheet failed", r.error());
  if (c.json)
    printJson(importReportJson(*r));
  else
    printImportReport(*r);
  if (!r->rejected.empty()) {
    printError("Importing the spreadsheet failed",
               Error::kyso(Errc::CsvInvalid, "import-csv", p.positional()[0]));
    return kExitInputError;
  }
  return kExitOk;
}

int runExportCsv(Context& c) {
  ArgParser p = parserFor(c);
  p.usage(
      {"usage: kyso inventory export-csv [-o FILE]\n"
       "Every token as CSV, in the columns import-csv reads.\n"
       "Example: kyso inventory export-csv -o thiet-bi.csv\n",
       "cách dùng: kyso inventory export-csv [-o TỆP]\n"
       "Mọi token dạng CSV, theo các cột mà import-csv đọc được.\n"
       "Ví dụ: kyso inventory export-csv -o thiet-bi.csv\n"});
  p.value("output", 'o',
          {"write the CSV to this file (default: standard output)",
           "ghi CSV vào tệp này (mặc định: đầu ra chuẩn)"});
  KYSO_INV_OPEN(p, "kyso inventory export-csv");
  std::string out = p.getOr("output", p.positional().empty() ? "" : p.positional()[0]);
  auto r = exportTokensCsv(inv);
  if (!r.ok()) return fail("Exporting failed", r.error());
  auto st = writeOutput(out, *r);
  if (!st.ok()) return fail("Writing the CSV failed", st.error());
  return kExitOk;
}

int runBackup(Context& c) {
  ArgParser p = parserFor(c);
  p.usage(
      {"usage: kyso inventory backup FILE\n"
       "A consistent copy of an SQLite inventory (safe while others use it).\n"
       "Example: kyso inventory backup so-theo-doi-2026-12-06.sqlite\n",
       "cách dùng: kyso inventory backup TỆP\n"
       "Bản sao nhất quán của sổ theo dõi SQLite (an toàn cả khi người khác đang dùng).\n"
       "Ví dụ: kyso inventory backup so-theo-doi-2026-12-06.sqlite\n"});
  KYSO_INV_OPEN(p, "kyso inventory backup");
  if (p.positional().size() != 1)
    return fail("kyso inventory backup",
                Error::kyso(Errc::UsageError, "backup",
                            say("give the backup file", "hãy cho tệp sao lưu")));
  auto st = inv.backup(p.positional()[0]);
  if (!st.ok()) return fail("The backup failed", st.error());
  std::printf(vi() ? "đã ghi bản sao lưu vào %s\n" : "backup written to %s\n",
              p.positional()[0].c_str());
  return kExitOk;
}

int runRestore(Context& c) {
  ArgParser p = parserFor(c);
  p.usage(
      {"usage: kyso inventory restore FILE --yes\n"
       "Replaces the SQLite inventory with a backup; --yes is required.\n"
       "Example: kyso inventory restore so-theo-doi-2026-12-06.sqlite --yes\n",
       "cách dùng: kyso inventory restore TỆP --yes\n"
       "Thay sổ theo dõi SQLite bằng một bản sao lưu; bắt buộc có --yes.\n"
       "Ví dụ: kyso inventory restore so-theo-doi-2026-12-06.sqlite --yes\n"});
  p.flag("yes", 0, {"replace the inventory", "đồng ý thay sổ theo dõi"});
  KYSO_INV_OPEN(p, "kyso inventory restore");
  if (p.positional().size() != 1)
    return fail("kyso inventory restore",
                Error::kyso(Errc::UsageError, "restore",
                            say("give the backup file", "hãy cho tệp sao lưu")));
  if (!p.has("yes"))
    return fail("kyso inventory restore",
                Error::kyso(Errc::ConfirmationRequired, "restore",
                            say("this replaces the whole inventory: add --yes",
                                "việc này thay toàn bộ sổ quản lý: thêm --yes")));
  auto st = inv.restore(p.positional()[0]);
  if (!st.ok()) return fail("The restore failed", st.error());
  std::printf("inventory restored from %s\n", p.positional()[0].c_str());
  return kExitOk;
}

}  // namespace kyso::cli::inv
