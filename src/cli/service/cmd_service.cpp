// `kyso service`: the local signing service that web document systems call as they call the VGCA
// plug-in (issue 19).
//   run      answer the plug-in's calls on wss://127.0.0.1:8987 until Ctrl-C; every site, document
//            and certificate request is asked on this terminal, the PIN through the token prompt
//   status   whether the service answers, its local CA, and which browsers trust it
//   trust    put the local CA into this user's Chromium and Firefox databases (certutil); print
//            the Chromium policy an IT officer installs to pre-grant the document system
//   untrust  take it out again
//   sites    the sites the person allowed or refused; --forget ORIGIN asks again next time
// Settings from the config file's [service] section: port, allow (origins, space separated),
// test_origins, level, tsa, image, seal.
#include <signal.h>

#include <cstdio>
#include <sstream>

#include "certs/cert_info.h"
#include "core/messages.h"
#include "src/appearance/compose.h"
#include "src/cli/kyso/args.h"
#include "src/cli/kyso/cli_settings.h"
#include "src/cli/kyso/commands.h"
#include "src/cli/kyso/common_help.h"
#include "src/cli/kyso/exit_codes.h"
#include "src/cli/kyso/token_options.h"
#include "src/cli/kyso/words.h"
#include "src/cli/service/nss_trust.h"
#include "src/cli/service/terminal_host.h"
#include "src/service/audit_log.h"
#include "src/service/document_transfer.h"
#include "src/service/local_tls.h"
#include "src/service/signing_service.h"
#include "src/service/wss_server.h"

namespace kyso::cli {

namespace fs = std::filesystem;

namespace {

constexpr const char* kServiceHelp =
    "Usage: kyso service run|status|trust|untrust|sites|log [options]\n"
    "\n"
    "The local signing service: web document systems call it as they call the VGCA plug-in\n"
    "(wss://127.0.0.1:8987), and kyso signs with your token after you agree on this terminal.\n"
    "\n"
    "  kyso service trust                  once: your browsers trust kyso's local certificate\n"
    "  kyso service run --allow-origin https://vanban.soyte.example.gov.vn\n"
    "  kyso service status                 is it running, is it trusted\n"
    "  kyso service sites [--forget ORIGIN]\n"
    "  kyso service log [--last N]         what web pages asked, newest last\n"
    "  kyso service untrust\n"
    "\n"
    "Settings ([service] in /etc/kyso/config.ini, then in ~/.config/kyso/config.ini):\n"
    "port = 8987, allow = ORIGIN ..., test_origins = ORIGIN ..., level = B-B|B-T|B-LT,\n"
    "tsa = URL, image = handwriting.png, seal = seal.png, trust = ROOT.pem ... (VerifyPDF and\n"
    "VerifyXML, beside the shipped roots).\n"
    "Example: kyso service run --allow-origin https://vanban.soyte.example.gov.vn --module "
    "viettel\n"
    "\n";

constexpr const char* kServiceHelpVi =
    "Cách dùng: kyso service run|status|trust|untrust|sites|log [tùy chọn]\n"
    "\n"
    "Dịch vụ ký số cục bộ: hệ thống quản lý văn bản trên web gọi nó như gọi plug-in của VGCA\n"
    "(wss://127.0.0.1:8987), và kyso ký bằng token của bạn sau khi bạn đồng ý trên cửa sổ này.\n"
    "\n"
    "  kyso service trust                  một lần: trình duyệt tin cậy chứng thư cục bộ của kyso\n"
    "  kyso service run --allow-origin https://vanban.soyte.example.gov.vn\n"
    "  kyso service status                 dịch vụ có đang chạy, có được tin cậy không\n"
    "  kyso service sites [--forget ORIGIN]\n"
    "  kyso service log [--last N]         các trang web đã yêu cầu gì, mới nhất ở cuối\n"
    "  kyso service untrust\n"
    "\n"
    "Cài đặt (mục [service] trong /etc/kyso/config.ini, rồi trong ~/.config/kyso/config.ini):\n"
    "port = 8987, allow = ORIGIN ..., test_origins = ORIGIN ..., level = B-B|B-T|B-LT,\n"
    "tsa = URL, image = chu-ky.png, seal = con-dau.png, trust = GỐC.pem ... (cho VerifyPDF và\n"
    "VerifyXML, ngoài các chứng thư gốc có sẵn).\n"
    "Ví dụ: kyso service run --allow-origin https://vanban.soyte.example.gov.vn --module viettel\n"
    "\n";

// The [service] section of the settings files (cli_settings.h).
std::map<std::string, std::string> serviceConfig() {
  return cliSettings().section("service");
}

std::vector<std::string> words(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

int usageError(const std::string& what) {
  printError("kyso service", Error::kyso(Errc::UsageError, "kyso service", what));
  return kExitUsage;
}

struct Options {
  ArgParser p;
  std::map<std::string, std::string> config;
  int port = 8987;
  std::vector<std::string> allowed, testOrigins;
};

int parseOptions(const Args& args, Options& o) {
  o.p.usage({kServiceHelp, kServiceHelpVi});
  o.p.value("port", 0,
            {"the port on 127.0.0.1 (default 8987; 0: any free port, printed)",
             "cổng trên 127.0.0.1 (mặc định 8987; 0: cổng trống bất kỳ, được in ra)"})
      .multi("allow-origin", 0,
             {"a document system's origin served without a question (https)",
              "địa chỉ (origin) của hệ thống văn bản được phục vụ không cần hỏi (https)"})
      .multi("test-origin", 0,
             {"an http origin to serve, for testing only",
              "một origin http được phục vụ, chỉ để kiểm thử"})
      .value("level", 0, {"B-B (default), B-T, B-LT", "B-B (mặc định), B-T, B-LT"})
      .value("tsa", 0,
             {"RFC 3161 timestamp authority URL (B-T and above)",
              "URL máy chủ cấp dấu thời gian RFC 3161 (từ B-T trở lên)"})
      .value("image", 0,
             {"PNG or JPEG of your handwritten signature (SignApproved)",
              "ảnh PNG hoặc JPEG chữ ký tay của bạn (SignApproved)"})
      .value("seal", 0,
             {"PNG or JPEG of the unit's seal (SignIssued)",
              "ảnh PNG hoặc JPEG con dấu của đơn vị (SignIssued)"})
      .multi("trust", 0,
             {"VerifyPDF/VerifyXML and B-LT chains: also trust this root (PEM/DER file or "
              "folder; beside the shipped government and public roots)",
              "VerifyPDF/VerifyXML và chuỗi chứng thư ở B-LT: tin cậy thêm chứng thư gốc này (tệp "
              "PEM/DER hoặc thư mục; ngoài các chứng thư gốc Chính phủ và công cộng có sẵn)"})
      .flag("offline", 0,
            {"VerifyPDF/VerifyXML: no network (revocation from the document only)",
             "VerifyPDF/VerifyXML: không dùng mạng (chỉ kiểm tra thu hồi bằng dữ liệu trong tài "
             "liệu)"})
      .value("forget", 0, {"sites: ask about ORIGIN again", "sites: hỏi lại về ORIGIN này"})
      .value("last", 0,
             {"log: the last N requests (default 50)", "log: N yêu cầu gần nhất (mặc định 50)"})
      .flag("help", 'h', kThisTextHelp);
  addTokenOptions(o.p, ForceFlag::Separate);
  if (auto st = o.p.parse(args); !st.ok()) {
    printError("kyso service", st.error());
    return kExitUsage;
  }
  o.config = serviceConfig();
  const std::string port =
      o.p.getOr("port", o.config.count("port") ? o.config.at("port") : std::string("8987"));
  try {
    o.port = std::stoi(port);
  } catch (...) {
    o.port = -1;
  }
  if (o.port < 0 || o.port > 65535) return usageError("--port " + port);  // 0: any free port
  o.allowed = o.p.all("allow-origin");
  for (const auto& w : words(o.config["allow"])) o.allowed.push_back(w);
  o.testOrigins = o.p.all("test-origin");
  for (const auto& w : words(o.config["test_origins"])) o.testOrigins.push_back(w);
  for (const auto& origin : o.allowed) {
    auto parsed = service::parseOrigin(origin);
    if (!parsed.ok() || parsed->scheme != "https")
      return usageError("--allow-origin " + origin +
                        say(": an https origin (https://host[:port])",
                            ": cần một origin https (https://máy[:cổng])"));
  }
  for (const auto& origin : o.testOrigins)
    if (!service::parseOrigin(origin).ok()) return usageError("--test-origin " + origin);
  return kExitOk;
}

int run(Options& o) {
  service::ServiceSettings s;
  s.sites.allowedOrigins = o.allowed;
  s.sites.testOrigins = o.testOrigins;
  s.siteMemory = service::serviceDir() / "sites.txt";
  s.auditLog = service::serviceDir() / "audit.jsonl";
  const std::string levelWord =
      o.p.getOr("level", o.config.count("level") ? o.config["level"] : "B-B");
  auto level = pdf::parsePadesLevel(levelWord);
  if (!level || *level == pdf::PadesLevel::BLTA) return usageError("--level " + levelWord);
  s.level = *level;
  const std::string tsa = o.p.getOr("tsa", o.config.count("tsa") ? o.config["tsa"] : "");
  if (!tsa.empty()) s.tsaUrl = tsa;
  if (s.level != pdf::PadesLevel::BB && !s.tsaUrl)
    return usageError(levelWord + " needs --tsa URL");
  // VerifyPDF and VerifyXML: the shipped roots (and --trust), revocation as `kyso verify`.
  jobs::VerifyProfileSettings vs;
  for (const auto& t : o.p.all("trust")) vs.extraAnchors.emplace_back(t);
  for (const auto& t : words(o.config["trust"])) vs.extraAnchors.emplace_back(t);
  vs.offline = o.p.has("offline");
  auto verify = jobs::VerifyProfile::create(vs);
  if (!verify.ok()) {
    printError(vi() ? "Không đọc được chứng thư gốc để kiểm tra chữ ký"
                    : "Reading the root certificates for verification failed",
               verify.error());
    return kExitInputError;
  }
  s.verify = *verify;
  s.extraAnchors = vs.extraAnchors;  // B-LT: the chains end at the same roots
  auto tls = service::ensureLocalTls(service::serviceDir());
  if (!tls.ok()) {
    printError(
        vi() ? "Không chuẩn bị được chứng thư cục bộ" : "Preparing the local certificate failed",
        tls.error());
    return kExitInputError;
  }
  if (tls->madeCa)
    std::fprintf(stderr, vi()
                             ? "kyso service: đã tạo CA cục bộ mới; chạy `kyso service trust` để "
                               "trình duyệt tin cậy nó.\n"
                             : "kyso service: a new local CA was made; run `kyso service trust` so "
                               "that your browsers trust it.\n");
  // Images from the options, else the config file.
  auto path = [&](const char* k) -> std::optional<fs::path> {
    if (auto v = o.p.get(k)) return fs::path(*v);
    if (o.config.count(k) && !o.config[k].empty()) return fs::path(o.config[k]);
    return std::nullopt;
  };
  TerminalHost host(o.p, path("image"), path("seal"));
  service::SigningService svc(s, host);
  service::ServerOptions so;
  so.port = o.port;
  so.tls = *tls;
  so.lang = vi() ? "vi" : "en";
  // Signals are waited for, not handled: blocked before the server's threads start.
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  auto server = service::WssServer::start(so, svc);
  if (!server.ok()) {
    printError(vi() ? "Không mở được cổng của dịch vụ" : "Opening the service's port failed",
               server.error());
    return kExitInputError;
  }
  std::printf(vi() ? "kyso service: đang chạy tại https://127.0.0.1:%d (Ctrl-C để dừng)\n"
                   : "kyso service: running at https://127.0.0.1:%d (Ctrl-C stops it)\n",
              (*server)->port());
  for (const auto& a : o.allowed) std::printf("  %s %s\n", vi() ? "phục vụ" : "serving", a.c_str());
  std::fflush(stdout);
  int sig = 0;
  sigwait(&set, &sig);
  (*server)->stop();
  std::printf(vi() ? "kyso service: đã dừng.\n" : "kyso service: stopped.\n");
  return kExitOk;
}

fs::path home() {
  const char* h = std::getenv("HOME");
  return h && *h ? fs::path(h) : fs::path("/tmp");
}

int status(const Options& o) {
  const fs::path ca = service::serviceDir() / "local-ca.pem";
  std::error_code ec;
  if (!fs::exists(ca, ec)) {
    std::printf(vi() ? "Dịch vụ chưa chạy lần nào (chưa có CA cục bộ).\n"
                     : "The service has never run (no local CA yet).\n");
    return kExitInputError;
  }
  auto tls = service::ensureLocalTls(service::serviceDir());
  if (!tls.ok()) {
    printError("kyso service status", tls.error());
    return kExitInputError;
  }
  service::TransferOptions t;
  t.timeout = std::chrono::milliseconds(3000);
  t.connectTimeout = std::chrono::milliseconds(1000);
  t.caFile = tls->caCert;
  const std::string url = "https://127.0.0.1:" + std::to_string(o.port) + "/";
  const auto page = service::fetchDocumentSlowly(url, t);
  const bool running = page.ok() && page->find("kyso") != std::string::npos;
  std::printf("%s %s\n", vi() ? "Dịch vụ:" : "Service:",
              running ? (vi() ? ("đang chạy tại " + url).c_str() : ("running at " + url).c_str())
                      : (vi() ? "không chạy" : "not running"));
  std::printf("CA SHA-256: %s\n", tls->caSha256.c_str());
  for (const auto& db : nssDatabases(home()))
    std::printf("  %-9s %s: %s\n", db.browser.c_str(), db.dir.c_str(),
                caTrusted(db, tls->caSha256) ? (vi() ? "tin cậy" : "trusted")
                                             : (vi() ? "CHƯA tin cậy" : "NOT trusted"));
  return running ? kExitOk : kExitSignatureFailed;
}

int trust(const Options& o, bool add) {
  auto tls = service::ensureLocalTls(service::serviceDir());
  if (!tls.ok()) {
    printError("kyso service trust", tls.error());
    return kExitInputError;
  }
  int rc = kExitOk;
  for (const auto& db : nssDatabases(home())) {
    Status st = add ? trustCa(db, tls->caCert) : untrustCa(db);
    if (!st.ok()) {
      printError(db.dir.string(), st.error());
      rc = kExitInputError;
      continue;
    }
    std::printf(
        "%s %s (%s)\n",
        add ? (vi() ? "Đã tin cậy trong" : "Trusted in") : (vi() ? "Đã gỡ khỏi" : "Removed from"),
        db.dir.c_str(), db.browser.c_str());
  }
  if (add) {
    std::printf(vi() ? "\nChromium hỏi trước khi một trang mạng truy cập địa chỉ 127.0.0.1 (Local "
                       "Network Access).\nĐể cho phép sẵn hệ thống văn bản, cán bộ CNTT đặt tệp "
                       "/etc/chromium/policies/managed/kyso-local-network.json:\n"
                     : "\nChromium asks before a web page may reach 127.0.0.1 (Local Network "
                       "Access).\nTo pre-grant the document system, the IT officer writes "
                       "/etc/chromium/policies/managed/kyso-local-network.json:\n");
    std::fputs(
        chromiumPolicy(o.allowed.empty() ? std::vector<std::string>{"https://vanban.example.gov.vn"}
                                         : o.allowed)
            .c_str(),
        stdout);
  }
  return rc;
}

int sites(const Options& o) {
  service::SiteMemory memory(service::serviceDir() / "sites.txt");
  if (auto f = o.p.get("forget")) {
    auto origin = service::parseOrigin(*f);
    if (!origin.ok()) return usageError("--forget " + *f);
    if (auto st = memory.forget(origin->text); !st.ok()) {
      printError("kyso service sites", st.error());
      return kExitInputError;
    }
  }
  for (const auto& a : o.allowed)
    std::printf("%-8s %s\n", vi() ? "danh-sach" : "listed", a.c_str());
  for (const auto& [origin, yes] : memory.all())
    std::printf("%-8s %s\n", yes ? (vi() ? "cho-phep" : "allowed") : (vi() ? "tu-choi" : "refused"),
                origin.c_str());
  return kExitOk;
}

// The audit log, one request per line, oldest first: time (Vietnam time), result, call, site,
// document.
int log(const Options& o) {
  const auto last = o.p.getInt("last", 1, 100000, 50);
  if (!last)
    return usageError(
        say("--last must be a number from 1 to 100000", "--last phải là một số từ 1 đến 100000"));
  auto read =
      service::readAuditLog(service::serviceDir() / "audit.jsonl", static_cast<std::size_t>(*last));
  if (!read.ok()) {
    printError("kyso service log", read.error());
    return kExitInputError;
  }
  for (const service::AuditEntry& e : read->entries) {
    auto t = certs::parseIsoTime(e.time);
    const std::string when = t.ok() ? appearance::vietnamIsoTime(*t) : e.time;
    const std::string outcome = e.status == 0   ? (vi() ? "xong" : "done")
                                : e.status == 3 ? (vi() ? "từ chối" : "declined")
                                                : (vi() ? "không xong" : "not done");
    std::printf("%s  %-10s %-13s %s  %s%s%s\n", when.c_str(), outcome.c_str(), e.call.c_str(),
                e.origin.c_str(), e.document.empty() ? e.digest.c_str() : e.document.c_str(),
                e.message.empty() ? "" : "  ", e.message.c_str());
  }
  if (read->unreadable)
    std::fprintf(stderr,
                 vi() ? "kyso service log: %zu dòng không đọc được\n"
                      : "kyso service log: %zu lines could not be read\n",
                 read->unreadable);
  if (read->entries.empty())
    std::printf(vi() ? "Chưa có trang web nào yêu cầu dịch vụ ký số.\n"
                     : "No web page has asked the signing service yet.\n");
  return kExitOk;
}

}  // namespace

int runService(const Args& args) {
  if (args.empty() || args[0] == "--help" || args[0] == "-h") {
    std::printf("%s", say(kServiceHelp, kServiceHelpVi));
    return args.empty() ? kExitUsage : kExitOk;
  }
  const std::string sub = args[0];
  Options o;
  if (int rc = parseOptions(Args(args.begin() + 1, args.end()), o); rc != kExitOk) return rc;
  if (o.p.has("help")) {
    std::printf("%s", o.p.helpText().c_str());
    return kExitOk;
  }
  if (sub == "run") return run(o);
  if (sub == "status") return status(o);
  if (sub == "trust") return trust(o, true);
  if (sub == "untrust") return trust(o, false);
  if (sub == "sites") return sites(o);
  if (sub == "log") return log(o);
  return usageError(say("unknown subcommand '", "không có lệnh con '") + sub + "'");
}

}  // namespace kyso::cli
