// kyso: the command-line front end. Dispatches to one subcommand per file: `token` here,
// `sign --detached` through the module kyso-detached.so, the others through kyso-commands.so,
// loaded on demand (commands_module.h).
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/messages.h"
#include "core/module_loader.h"
#include "kyso_version.h"  // generated: KYSO_VERSION, KYSO_COMMIT
#include "src/cli/kyso/commands.h"
#include "src/cli/kyso/commands_module.h"
#include "src/cli/kyso/exit_codes.h"

namespace {

constexpr const char* kUsage =
    "kyso " KYSO_VERSION
    ": digital signatures for official documents\n"
    "\n"
    "Usage: kyso COMMAND [OPTIONS]\n"
    "\n"
    "Commands:\n"
    "  token       list tokens, show keys and certificates, manage PINs and keys\n"
    "  sign        sign PDFs (PAdES), XML (XML-DSig) or any file (detached CMS/CAdES)\n"
    "  extend      raise a signed PDF to B-LT or B-LTA\n"
    "  verify      verify signed PDFs, XML files and CMS signatures\n"
    "  inventory   the register of issued tokens and certificates\n"
    "  service     the local signing service web document systems call\n"
    "  demo        the main job on a demo token: sign and verify a sample letter\n"
    "\n"
    "Options:\n"
    "  --lang vi|en  the language of messages (default: from LANG); any command\n"
    "  --version     print the version\n"
    "  --help        this text; `kyso COMMAND --help` for a command\n"
    "\n"
    "Settings: /etc/kyso/config.ini for every user of this machine, then your own\n"
    "~/.config/kyso/config.ini ([token] module, [sign] tsa and level, [verify] trust_group,\n"
    "trust and crl, [inventory] database, [service] allow); an option on the command line wins.\n"
    "\n"
    "Exit codes: 0 success, 1 a signature failed, 2 indeterminate, 3 no signature,\n"
    "4 input error, 5 token or PIN error, 64 usage error, 130 stopped by Ctrl-C.\n";

constexpr const char* kUsageVi =
    "kyso " KYSO_VERSION
    ": chữ ký số cho văn bản hành chính\n"
    "\n"
    "Cách dùng: kyso LỆNH [TÙY CHỌN]\n"
    "\n"
    "Lệnh:\n"
    "  token       liệt kê token, xem khóa và chứng thư số, quản lý PIN và khóa\n"
    "  sign        ký PDF (PAdES), XML (XML-DSig) hoặc tệp bất kỳ (chữ ký rời CMS/CAdES)\n"
    "  extend      nâng văn bản PDF đã ký lên B-LT hoặc B-LTA\n"
    "  verify      kiểm tra chữ ký trên PDF, XML và chữ ký CMS\n"
    "  inventory   sổ theo dõi token và chứng thư số đã cấp\n"
    "  service     dịch vụ ký số cục bộ cho hệ thống quản lý văn bản trên web\n"
    "  demo        việc chính trên token thử: ký và kiểm tra một công văn mẫu\n"
    "\n"
    "Tùy chọn:\n"
    "  --lang vi|en  ngôn ngữ của thông báo (mặc định: theo LANG); dùng được với mọi lệnh\n"
    "  --version     in phiên bản\n"
    "  --help        nội dung này; `kyso LỆNH --help` cho từng lệnh\n"
    "\n"
    "Cài đặt: /etc/kyso/config.ini cho mọi người dùng máy này, rồi tệp riêng của bạn\n"
    "~/.config/kyso/config.ini ([token] module, [sign] tsa và level, [verify] trust_group,\n"
    "trust và crl, [inventory] database, [service] allow); tùy chọn trên dòng lệnh được ưu tiên.\n"
    "\n"
    "Mã thoát: 0 thành công, 1 có chữ ký không hợp lệ, 2 chưa xác định, 3 không có chữ ký,\n"
    "4 lỗi đầu vào, 5 lỗi token hoặc PIN, 64 dùng sai lệnh, 130 dừng bằng Ctrl-C.\n";

const char* usage() {
  return kyso::defaultLang() == kyso::Lang::Vi ? kUsageVi : kUsage;
}

// `--lang vi|en` anywhere on the line sets the language of every message (KYSO_LANG, which
// defaultLang() reads first). `verify` keeps the option too: it also names its report's language.
// Returns false for a value other than vi or en.
bool takeLangOption(const std::string& cmd, std::vector<std::string>& args) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--") break;
    std::string value;
    std::size_t span = 0;
    if (args[i] == "--lang" && i + 1 < args.size()) {
      value = args[i + 1];
      span = 2;
    } else if (args[i].rfind("--lang=", 0) == 0) {
      value = args[i].substr(7);
      span = 1;
    } else {
      continue;
    }
    if (value != "vi" && value != "en") return false;
    ::setenv("KYSO_LANG", value.c_str(), 1);
    if (cmd != "verify")
      args.erase(args.begin() + static_cast<std::ptrdiff_t>(i),
                 args.begin() + static_cast<std::ptrdiff_t>(i + span));
    return true;
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace kyso::cli;
  std::vector<std::string> args(argv + 1, argv + argc);
  auto badLang = [] {
    std::fputs(kyso::defaultLang() == kyso::Lang::Vi ? "kyso: --lang nhận vi hoặc en\n"
                                                     : "kyso: --lang takes vi or en\n",
               stderr);
    return kExitUsage;
  };
  // `kyso --lang vi COMMAND ...`: the option before the command.
  if (!args.empty() && args.front().rfind("--lang", 0) == 0 && !takeLangOption("", args))
    return badLang();
  if (args.empty()) {
    std::fputs(usage(), stderr);
    return kExitUsage;
  }
  const std::string cmd = args.front();
  std::vector<std::string> rest(args.begin() + 1, args.end());
  if (!takeLangOption(cmd, rest)) return badLang();
  if (cmd == "--help" || cmd == "-h" || cmd == "help") {
    std::fputs(usage(), stdout);
    return kExitOk;
  }
  if (cmd == "--version") {
    std::printf("kyso %s (commit %s)\n", KYSO_VERSION, KYSO_COMMIT);
    return kExitOk;
  }
  if (cmd == "token") return runToken(rest);
  if (isModuleCommand(cmd)) {
    const bool detached = cmd == "sign" && wantsDetached(rest);
    auto api = detached
                   ? kyso::modules::loadApi<CommandsApi>("kyso-detached.so", "kyso_detached_api")
               : cmd == "service"
                   ? kyso::modules::loadApi<CommandsApi>("kyso-service.so", "kyso_service_api")
                   : kyso::modules::loadApi<CommandsApi>("kyso-commands.so", "kyso_commands_api");
    if (!api.ok()) {
      printError("", api.error());
      return kExitInputError;
    }
    return api.value()->run(cmd, rest);
  }
  std::fprintf(stderr,
               kyso::defaultLang() == kyso::Lang::Vi ? "kyso: không có lệnh '%s'\n\n%s"
                                                     : "kyso: unknown command '%s'\n\n%s",
               cmd.c_str(), usage());
  return kExitUsage;
}
