// `kyso inventory [--db PATH|postgresql://...] [--json] SUBCOMMAND ...`: dispatch, the shared
// context and output helpers. The subcommands live in cmd_inventory_records.cpp (unit, person,
// token, cert) and cmd_inventory_ops.cpp (transition, history, expiring, report, CSV, audit,
// backup, restore).
#include <cstdlib>

#include "core/atomic_file.h"
#include "src/cli/commands/inventory_cli.h"
#include "src/cli/kyso/cli_settings.h"
#include "src/cli/kyso/exit_codes.h"
#include "src/cli/kyso/words.h"
#include "src/inventory/lifecycle.h"

namespace kyso::cli {
namespace inv {

std::string inventoryLocation(const std::string& given) {
  if (!given.empty()) return given;
  const char* env = std::getenv("KYSO_INVENTORY_DB");
  if (env && *env) return env;
  return cliSettings()
      .get("inventory", "database")
      .value_or(inventory::Inventory::defaultLocation());
}

Result<inventory::Inventory*> Context::open() {
  if (!inventory) {
    KYSO_ASSIGN_OR_RETURN(inventory::Inventory i,
                          inventory::Inventory::open(inventoryLocation(dbLocation), clock));
    inventory.emplace(std::move(i));
  }
  return &*inventory;
}

ArgParser parserFor(Context&) {
  ArgParser p;
  p.value("db", 0,
          {"the inventory: a file path or a postgresql:// URL (default: see kyso inventory "
           "--help)",
           "sổ theo dõi: đường dẫn tệp hoặc URL postgresql:// (mặc định: xem kyso inventory "
           "--help)"});
  p.flag("json", 0, {"print JSON", "in kết quả dạng JSON"});
  return p;
}

bool parseOrReport(ArgParser& p, const Args& args, const char* what) {
  auto st = p.parse(args);
  if (!st.ok()) {
    printError(what, st.error());
    return false;
  }
  return true;
}

void applyGlobals(Context& c, const ArgParser& p) {
  if (auto db = p.get("db")) c.dbLocation = *db;
  if (p.has("json")) c.json = true;
}

Result<std::optional<std::string>> dateOption(const ArgParser& p, const char* name) {
  auto v = p.get(name);
  if (!v || v->empty()) return std::optional<std::string>();
  auto d = inventory::normalizeDate(*v);
  if (!d)
    return Error::kyso(Errc::UsageError, std::string("--") + name,
                       std::string("--") + name + " " + *v +
                           say(": not a date; write DD/MM/YYYY or YYYY-MM-DD",
                               ": không phải ngày; hãy viết DD/MM/YYYY hoặc YYYY-MM-DD"));
  return std::optional<std::string>(std::move(*d));
}

int fail(const std::string& what, const Error& e) {
  printError(what, e);
  return e.kind == Errc::UsageError ? kExitUsage : kExitInputError;
}

void printJson(const Json& j) {
  std::printf("%s\n", j.dump(2).c_str());
}

Status writeOutput(const std::string& path, std::string_view data) {
  if (path.empty() || path == "-") {
    std::fwrite(data.data(), 1, data.size(), stdout);
    return {};
  }
  KYSO_ASSIGN_OR_RETURN(AtomicFile f, AtomicFile::create(path, AtomicFile::Overwrite::Allow));
  KYSO_TRY(f.write(data));
  return f.commit();
}

}  // namespace inv

namespace {

constexpr const char* kInventoryUsage =
    "usage: kyso inventory [--db PATH|postgresql://...] [--json] SUBCOMMAND ...\n"
    "  unit   add|show|list|edit      units (a tree), focal person, seal image\n"
    "  person add|show|list|edit      people, positions, handwriting image\n"
    "  token  add|show|list|edit      tokens\n"
    "  cert   import|add|show|list|edit  certificates (import FILE: PEM or DER)\n"
    "  transition token|cert KEY NEW-STATE --doc-number N --doc-date YYYY-MM-DD [--holder P]\n"
    "             [--note T] [--wiped] [--valid-from D] [--valid-until D]\n"
    "  history token|cert KEY         every recorded event\n"
    "  expiring --days N              certificates ending within N days\n"
    "  warnings                       computed warnings (expiry, holder left, stock, revoked)\n"
    "  report [--format csv|html|json] [--unit U] [--output FILE]\n"
    "  import-csv FILE                tokens from a spreadsheet (all or nothing)\n"
    "  export-csv [--output FILE]     tokens as CSV\n"
    "  audit-verify [--seal FILE]... [--trust F] [--offline]  the hash chain and every seal\n"
    "  audit-seal [--out FILE] [token options]   sign the log's head with your token\n"
    "  backup FILE | restore FILE --yes   (SQLite inventories)\n"
    "  sync [--module M]...           register the tokens plugged in, report mismatches\n"
    "  check-revocation [--issuers F] [--crl F] [--offline]   CRL/OCSP for every certificate\n"
    "The database defaults to $KYSO_INVENTORY_DB, else database = ... under [inventory] in the\n"
    "settings (/etc/kyso/config.ini, ~/.config/kyso/config.ini), else <data "
    "dir>/inventory.sqlite.\n"
    "Units and people are named by name or id; tokens by serial; certificates by SHA-256 prefix.\n"
    "`kyso inventory SUBCOMMAND --help` shows each one's options, accepted values and an "
    "example.\n";

constexpr const char* kInventoryUsageVi =
    "cách dùng: kyso inventory [--db ĐƯỜNG_DẪN|postgresql://...] [--json] LỆNH_CON ...\n"
    "  unit   add|show|list|edit      đơn vị (dạng cây), đầu mối, ảnh con dấu\n"
    "  person add|show|list|edit      người dùng, chức vụ, ảnh chữ ký tay\n"
    "  token  add|show|list|edit      token\n"
    "  cert   import|add|show|list|edit  chứng thư số (import TỆP: PEM hoặc DER)\n"
    "  transition token|cert KHÓA TRẠNG-THÁI-MỚI --doc-number SỐ --doc-date NGÀY [--holder NGƯỜI]\n"
    "             [--note GHI-CHÚ] [--wiped] [--valid-from NGÀY] [--valid-until NGÀY]\n"
    "  history token|cert KHÓA        mọi sự kiện đã ghi\n"
    "  expiring --days N              chứng thư số hết hạn trong N ngày tới\n"
    "  warnings                       các cảnh báo (hết hạn, người giữ đã nghỉ, tồn kho, thu hồi)\n"
    "  report [--format csv|html|json] [--unit ĐƠN-VỊ] [--output TỆP]\n"
    "  import-csv TỆP                 nhập token từ bảng tính (tất cả hoặc không gì cả)\n"
    "  export-csv [--output TỆP]      xuất token ra CSV\n"
    "  audit-verify [--seal TỆP]... [--trust TỆP] [--offline]  kiểm tra chuỗi băm và mọi dấu niêm\n"
    "  audit-seal [--out TỆP] [tùy chọn token]   ký niêm phần đầu nhật ký bằng token của bạn\n"
    "  backup TỆP | restore TỆP --yes   (sổ theo dõi SQLite)\n"
    "  sync [--module M]...           đăng ký các token đang cắm, báo chỗ không khớp\n"
    "  check-revocation [--issuers TỆP] [--crl TỆP] [--offline]   CRL/OCSP cho mọi chứng thư số\n"
    "Cơ sở dữ liệu mặc định là $KYSO_INVENTORY_DB, nếu không có thì database = ... trong mục\n"
    "[inventory] của tệp cài đặt (/etc/kyso/config.ini, ~/.config/kyso/config.ini), nếu không\n"
    "nữa thì <thư mục dữ liệu>/inventory.sqlite.\n"
    "Đơn vị và người dùng gọi bằng tên hoặc id; token bằng số serial; chứng thư số bằng phần đầu\n"
    "mã SHA-256.\n"
    "`kyso inventory LỆNH_CON --help` cho biết tùy chọn, giá trị hợp lệ và ví dụ của từng lệnh.\n";

const char* inventoryUsage() {
  return say(kInventoryUsage, kInventoryUsageVi);
}

}  // namespace

int runInventory(const Args& args) {
  inv::Context c;
  std::size_t i = 0;
  for (; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--json") {
      c.json = true;
    } else if (a == "--db" && i + 1 < args.size()) {
      c.dbLocation = args[++i];
    } else if (a.starts_with("--db=")) {
      c.dbLocation = a.substr(5);
    } else if (a == "--help" || a == "-h") {
      std::fputs(inventoryUsage(), stdout);
      return kExitOk;
    } else {
      break;
    }
  }
  if (i >= args.size()) {
    std::fputs(inventoryUsage(), stderr);
    return kExitUsage;
  }
  const std::string sub = args[i++];
  const bool hasAction = sub == "unit" || sub == "person" || sub == "token" || sub == "cert";
  std::string action;
  if (hasAction) {
    // `kyso inventory unit --help`: the record command's own help, which lists its actions.
    if (i < args.size() && (args[i] == "--help" || args[i] == "-h")) {
      c.rest.assign(args.begin() + static_cast<long>(i), args.end());
      return sub == "unit"     ? inv::runUnit(c, "help")
             : sub == "person" ? inv::runPerson(c, "help")
             : sub == "token"  ? inv::runTokenCmd(c, "help")
                               : inv::runCert(c, "help");
    }
    if (i >= args.size() || args[i].starts_with("-")) {
      std::fprintf(stderr,
                   vi() ? "kyso inventory %s: hãy cho add, show, list hoặc edit\n"
                        : "kyso inventory %s: give add, show, list or edit\n",
                   sub.c_str());
      return kExitUsage;
    }
    action = args[i++];
  }
  c.rest.assign(args.begin() + static_cast<long>(i), args.end());
  if (sub == "unit") return inv::runUnit(c, action);
  if (sub == "person") return inv::runPerson(c, action);
  if (sub == "token") return inv::runTokenCmd(c, action);
  if (sub == "cert") return inv::runCert(c, action);
  if (sub == "transition") return inv::runTransition(c);
  if (sub == "history") return inv::runHistory(c);
  if (sub == "expiring") return inv::runExpiring(c);
  if (sub == "warnings") return inv::runWarnings(c);
  if (sub == "report") return inv::runReport(c);
  if (sub == "import-csv") return inv::runImportCsv(c);
  if (sub == "export-csv") return inv::runExportCsv(c);
  if (sub == "audit-verify") return inv::runAuditVerify(c);
  if (sub == "audit-seal") return inv::runAuditSeal(c);
  if (sub == "backup") return inv::runBackup(c);
  if (sub == "restore") return inv::runRestore(c);
  if (sub == "sync") return inv::runSync(c);
  if (sub == "check-revocation") return inv::runCheckRevocation(c);
  std::fprintf(stderr,
               vi() ? "kyso inventory: không có lệnh con '%s'\n%s"
                    : "kyso inventory: unknown subcommand '%s'\n%s",
               sub.c_str(), inventoryUsage());
  return kExitUsage;
}

}  // namespace kyso::cli
