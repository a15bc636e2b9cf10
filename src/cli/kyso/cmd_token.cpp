// `kyso token`: list, info, mechanisms, self-test here; PIN and key management in
// token_manage.cpp; watch (PC/SC hot-plug) in token_watch.cpp.
#include <cstdio>
#include <ctime>
#include <string>

#include "core/messages.h"
#include "core/vietnam_time.h"
#include "pkcs11/module_candidates.h"
#include "pkcs11/open_token.h"
#include "pkcs11/pcsc_readers.h"
#include "src/cli/kyso/commands.h"
#include "src/cli/kyso/common_help.h"
#include "src/cli/kyso/exit_codes.h"
#include "src/cli/kyso/token_commands.h"
#include "src/cli/kyso/token_options.h"
#include "src/cli/kyso/words.h"

namespace kyso::cli {
namespace {

constexpr const char* kUsage =
    "Usage: kyso token COMMAND [OPTIONS]\n"
    "\n"
    "Commands:\n"
    "  list           modules, readers/slots and tokens with their flags\n"
    "  info           a token's keys and certificates, paired by CKA_ID\n"
    "  mechanisms     the token's mechanisms with flags and key sizes\n"
    "  self-test      sign and verify with every key on the token\n"
    "  change-pin     change the user PIN (current PIN, then the new one)\n"
    "  unblock        reset a locked user PIN with the SO PIN (SO PIN, then the new PIN)\n"
    "  change-so-pin  change the SO PIN (current SO PIN, then the new one)\n"
    "  init           initialise (erase) a token: new SO PIN, then the first user PIN\n"
    "  keygen         generate a key pair: --type rsa:2048|rsa:3072|ec:P-256|ec:P-384 --id HEX\n"
    "  csr            make a PKCS#10 request signed by the key: --subject '/C=VN/O=.../CN=...'\n"
    "  import-cert    put a certificate (DER, PEM, PKCS#7) on the token under its key's CKA_ID\n"
    "  delete         delete the objects with --id HEX (asks, or --yes)\n"
    "  watch          print PC/SC reader and card events as JSON lines\n"
    "\n"
    "Common options (see `kyso token COMMAND --help`):\n"
    "  --module PATH|NAME --token SERIAL|LABEL --key ID|LABEL|pkcs11:URI\n"
    "  --pin-stdin | --pin-file PATH | --pin-env VAR   (default: ask without echo)\n"
    "  --force --json\n";

constexpr const char* kUsageVi =
    "Cách dùng: kyso token LỆNH [TÙY CHỌN]\n"
    "\n"
    "Lệnh:\n"
    "  list           các mô-đun, đầu đọc/khe và token cùng các cờ trạng thái\n"
    "  info           khóa và chứng thư số trên token, ghép theo CKA_ID\n"
    "  mechanisms     các cơ chế token hỗ trợ, với cờ và độ dài khóa\n"
    "  self-test      ký thử và kiểm tra bằng mọi khóa trên token\n"
    "  change-pin     đổi PIN người dùng (PIN hiện tại, rồi PIN mới)\n"
    "  unblock        mở khóa PIN người dùng bằng SO PIN (SO PIN, rồi PIN mới)\n"
    "  change-so-pin  đổi SO PIN (SO PIN hiện tại, rồi SO PIN mới)\n"
    "  init           khởi tạo (xóa sạch) token: SO PIN mới, rồi PIN người dùng đầu tiên\n"
    "  keygen         sinh cặp khóa: --type rsa:2048|rsa:3072|ec:P-256|ec:P-384 --id HEX\n"
    "  csr            tạo yêu cầu PKCS#10 do khóa ký: --subject '/C=VN/O=.../CN=...'\n"
    "  import-cert    nạp chứng thư số (DER, PEM, PKCS#7) lên token theo CKA_ID của khóa\n"
    "  delete         xóa các đối tượng có --id HEX (hỏi xác nhận, hoặc --yes)\n"
    "  watch          in sự kiện cắm/rút đầu đọc và thẻ PC/SC, mỗi dòng một JSON\n"
    "\n"
    "Tùy chọn chung (xem `kyso token LỆNH --help`):\n"
    "  --module ĐƯỜNG_DẪN|TÊN --token SERIAL|NHÃN --key ID|NHÃN|pkcs11:URI\n"
    "  --pin-stdin | --pin-file ĐƯỜNG_DẪN | --pin-env BIẾN   (mặc định: hỏi PIN, không hiện chữ)\n"
    "  --force --json\n";

const char* tokenUsage() {
  return say(kUsage, kUsageVi);
}

// A card the module shows no token for: the module says so (CKR_TOKEN_NOT_RECOGNIZED), or PC/SC
// sees a card in the reader a slot is named after (OpenSC and the vendors' modules name slots
// after readers). Said in words, since "(no token)" there sends people looking for a missing card.
void printUnrecognisedCards(const p11::Module& m) {
  auto all = p11::listSlots(m, false);
  if (!all.ok()) return;
  auto readers = p11::readersNow();  // no pcscd: only what the module says
  const bool vi = defaultLang() == Lang::Vi;
  for (const p11::SlotView& s : *all) {
    if (s.token) continue;
    std::string d = s.description;  // blank-padded, and cut at 64 bytes
    while (!d.empty() && d.back() == ' ') d.pop_back();
    std::string reader = d, atr;
    bool card = s.unrecognised;
    if (readers.ok())
      for (const p11::ReaderNow& r : *readers)
        if (r.cardPresent && !d.empty() && r.name.rfind(d, 0) == 0) {
          reader = r.name;
          atr = r.atr;
          card = true;
        }
    if (!card) continue;
    const std::string atrText = atr.empty() ? "" : " (ATR " + atr + ")";
    std::printf(vi ? "  Có thẻ trong đầu đọc \"%s\" nhưng trình điều khiển %s không nhận ra thẻ%s. "
                     "Thẻ có thể cần mô-đun PKCS#11 của nhà cung cấp khác (--module).\n"
                   : "  A card is in reader \"%s\", but the driver %s does not recognise it%s. It "
                     "may need another vendor's PKCS#11 module (--module).\n",
                reader.c_str(), m.path().filename().c_str(), atrText.c_str());
  }
}

// The PIN's state for people, from the token's flags (which stay in --json).
std::string pinStateText(const p11::TokenView& t) {
  const Lang lang = defaultLang();
  if (!t.has(CKF_USER_PIN_INITIALIZED))
    return say("the user PIN is not set (`kyso token init`)",
               "chưa đặt PIN người dùng (`kyso token init`)");
  if (t.has(CKF_USER_PIN_LOCKED)) return std::string(errcSentence(Errc::PinLocked, lang));
  if (t.has(CKF_USER_PIN_FINAL_TRY)) return std::string(errcSentence(Errc::PinFinalTry, lang));
  if (t.has(CKF_USER_PIN_TO_BE_CHANGED))
    return std::string(errcSentence(Errc::PinToBeChanged, lang));
  if (t.has(CKF_USER_PIN_COUNT_LOW))
    return say("set; a wrong PIN was entered since the last good one (fewer tries left)",
               "đã đặt; có lần nhập sai PIN kể từ lần đúng gần nhất (còn ít lần thử hơn)");
  return say("set, not locked", "đã đặt, không bị khóa");
}

// "2027-12-31T16:59:59Z" as "31/12/2027 23:59 (+07:00)", the time a person in Vietnam reads.
std::string vietnamTime(const std::string& iso) {
  const auto t = parseUtcIso(iso);
  if (!t) return iso;
  const std::tm vn = kyso::vietnamTime(*t);
  char buf[40];
  std::strftime(buf, sizeof buf, "%d/%m/%Y %H:%M (+07:00)", &vn);
  return buf;
}

void printSlotHuman(const p11::SlotView& s) {
  std::printf("  %s %lu: %s\n", say("Slot", "Khe"), static_cast<unsigned long>(s.id),
              s.description.c_str());
  if (!s.token) {
    std::printf("    %s\n", s.unrecognised ? say("(a card the driver does not recognise)",
                                                 "(có thẻ nhưng trình điều khiển không nhận ra)")
                                           : say("(no token)", "(không có token)"));
    return;
  }
  const auto& t = *s.token;
  if (!t.has(CKF_TOKEN_INITIALIZED)) {
    std::printf(vi() ? "    Token:        (chưa khởi tạo; `kyso token init --slot %lu`)\n"
                     : "    Token:        (not initialised; `kyso token init --slot %lu`)\n",
                static_cast<unsigned long>(s.id));
    return;
  }
  std::printf("    Token:        %s\n", t.label.c_str());
  std::printf(vi() ? "    Hãng:         %s\n    Loại:         %s\n    Số sê-ri:     %s\n"
                   : "    Manufacturer: %s\n    Model:        %s\n    Serial:       %s\n",
              t.manufacturer.c_str(), t.model.c_str(), t.serial.c_str());
  std::printf(vi() ? "    Phần mềm:     %u.%u  Phần cứng: %u.%u\n"
                   : "    Firmware:     %u.%u  Hardware: %u.%u\n",
              t.firmware.major, t.firmware.minor, t.hardware.major, t.hardware.minor);
  std::printf("    PIN:          %s\n", pinStateText(t).c_str());
  if (t.freePublic || t.freePrivate)
    std::printf(vi() ? "    Bộ nhớ trống: công khai %s, riêng %s byte\n"
                     : "    Free memory:  public %s, private %s bytes\n",
                t.freePublic ? std::to_string(*t.freePublic).c_str() : "?",
                t.freePrivate ? std::to_string(*t.freePrivate).c_str() : "?");
  if (t.has(CKF_PROTECTED_AUTHENTICATION_PATH))
    std::printf("    %s\n", say("PIN-pad reader: the PIN is entered on the reader.",
                                "Đầu đọc có bàn phím: nhập PIN trên đầu đọc."));
}

int runList(const Args& args) {
  ArgParser p;
  p.usage(
      {"usage: kyso token list [--module M] [--all] [--json]\n"
       "Lists the tokens in every known PKCS#11 module installed (bit4id, safenet, viettel,\n"
       "vnpt, fpt, opensc, p11-kit, softhsm), or only in --module. --all also lists readers\n"
       "without a token, and names a card the driver does not recognise.\n"
       "Example: kyso token list --module viettel\n",
       "cách dùng: kyso token list [--module M] [--all] [--json]\n"
       "Liệt kê token trong mọi mô-đun PKCS#11 đã biết có trên máy (bit4id, safenet, viettel,\n"
       "vnpt, fpt, opensc, p11-kit, softhsm), hoặc chỉ trong --module. --all liệt kê cả đầu\n"
       "đọc không có token, và nêu thẻ mà trình điều khiển không nhận ra.\n"
       "Ví dụ: kyso token list --module viettel\n"});
  p.value("module", 0,
          {"PKCS#11 module path or known name (default: every known module found)",
           "đường dẫn hoặc tên đã biết của mô-đun PKCS#11 (mặc định: mọi mô-đun đã biết có trên "
           "máy)"})
      .flag("json", 0, kJsonHelp)
      .flag("all", 0, {"also slots without a token", "cả các khe không có token"});
  if (auto st = p.parse(args); !st.ok()) {
    printError("", st.error());
    return kExitUsage;
  }
  std::vector<std::string> specs;
  auto sel = tokenSelectorFrom(p);  // --module, else the config file's module
  if (!sel.module.empty()) {
    specs.push_back(sel.module);
  } else {
    // The same modules token selection searches (known drivers and p11-kit's registrations).
    for (const auto& m : p11::installedModules()) specs.push_back(m.path.string());
    if (specs.empty()) {
      printError("", Error::kyso(Errc::ModuleNotFound, "token list"));
      return kExitTokenError;
    }
  }
  bool json = p.has("json");
  Json out = Json::array();
  int rc = kExitOk;
  p11::DeviceWorker worker;
  for (const auto& spec : specs) {
    auto r = worker.call([&]() -> Result<Json> {
      KYSO_ASSIGN_OR_RETURN(auto m, p11::Module::load(spec));
      KYSO_ASSIGN_OR_RETURN(auto slots, p11::listSlots(*m, !p.has("all")));
      Json j = Json::object();
      j.set("module", m->path().string());
      j.set("manufacturer", m->manufacturer());
      j.set("description", m->description());
      Json js = Json::array();
      if (!json)
        std::printf(vi() ? "Mô-đun: %s (%s)\n" : "Module: %s (%s)\n", m->path().c_str(),
                    m->description().c_str());
      for (const auto& s : slots) {
        js.push(s.toJson());
        if (!json) printSlotHuman(s);
      }
      if (!json && slots.empty()) std::printf("  %s\n", say("(no token)", "(không có token)"));
      if (!json) printUnrecognisedCards(*m);
      j.set("slots", std::move(js));
      return j;
    });
    if (!r.ok()) {
      if (json) {
        Json j = Json::object();
        j.set("module", spec);
        j.set("error", describe(r.error()));
        j.set("code", std::string(errcName(r.error().kind)));
        out.push(std::move(j));
      }
      printError(std::string(say("Loading the module ", "Không nạp được mô-đun ")) + spec +
                     say(" failed", ""),
                 r.error());
      rc = exitCodeFor(r.error());
      continue;
    }
    out.push(std::move(r).value());
  }
  if (json) std::printf("%s\n", out.dump(2).c_str());
  return rc;
}

int runInfo(const Args& args) {
  ArgParser p;
  p.usage(
      {"usage: kyso token info [--module M] [--token SERIAL|LABEL] [--no-login] [--json]\n"
       "Shows the token, its PIN state, and its keys and certificates paired by CKA_ID. Logs\n"
       "in once (asks the PIN) unless --no-login; refuses on the final PIN try unless\n"
       "--force-login.\n"
       "Example: kyso token info --module vnpt --no-login\n",
       "cách dùng: kyso token info [--module M] [--token SERIAL|NHÃN] [--no-login] [--json]\n"
       "Hiện token, tình trạng PIN, các khóa và chứng thư số ghép theo CKA_ID. Đăng nhập một\n"
       "lần (hỏi PIN) trừ khi có --no-login; từ chối khi chỉ còn một lần nhập PIN, trừ khi có\n"
       "--force-login.\n"
       "Ví dụ: kyso token info --module vnpt --no-login\n"});
  addTokenOptions(p);
  p.flag("json", 0, kJsonHelp)
      .flag("no-login", 0,
            {"show only public objects; ask no PIN",
             "chỉ hiện các đối tượng công khai; không hỏi PIN"});
  if (auto st = p.parse(args); !st.ok()) {
    printError("", st.error());
    return kExitUsage;
  }
  p11::OpenOptions opt;
  opt.login = !p.has("no-login");
  auto tok = openSelectedToken(p, opt);
  if (!tok.ok()) {
    printError(say("Opening the token failed", "Không mở được token"), tok.error());
    return exitCodeFor(tok.error());
  }
  auto pairs = (*tok)->token().keyPairs();
  if (!pairs.ok()) {
    printError(say("Reading the token failed", "Không đọc được token"), pairs.error());
    return exitCodeFor(pairs.error());
  }
  const auto& t = (*tok)->token().token();
  if (p.has("json")) {
    Json j = Json::object();
    j.set("token", t.toJson());
    Json objs = Json::array();
    for (auto& kp : *pairs) objs.push(kp.toJson());
    j.set("objects", std::move(objs));
    std::printf("%s\n", j.dump(2).c_str());
    return kExitOk;
  }
  std::printf(
      vi() ? "Token %s (%s %s, số sê-ri %s)\nPIN: %s\n" : "Token %s (%s %s, serial %s)\nPIN: %s\n",
      t.label.c_str(), t.manufacturer.c_str(), t.model.c_str(), t.serial.c_str(),
      pinStateText(t).c_str());
  if (pairs->empty())
    std::printf("\n  %s\n", say("(no keys or certificates)", "(không có khóa hay chứng thư số)"));
  for (auto& kp : *pairs) {
    Json j = kp.toJson();
    std::printf("\n  ID %s\n", j["id"].asString().c_str());
    if (kp.key)
      std::printf("    %s %s \"%s\"%s%s\n", say("Key:        ", "Khóa:       "),
                  kp.key->typeName().c_str(), kp.key->label.c_str(),
                  kp.key->canSign ? say(", can sign", ", ký được")
                                  : say(", cannot sign", ", không ký được"),
                  kp.key->alwaysAuthenticate
                      ? say(", PIN for every signature", ", nhập PIN cho mỗi chữ ký")
                      : "");
    else
      std::printf("    %s\n", say("Key:         (none with this ID)",
                                  "Khóa:        (không có khóa với ID này)"));
    if (kp.cert) {
      const Json& c = j["certificate"];
      std::printf(vi() ? "    Chứng thư:   %s\n      Cấp bởi:   %s\n      Số sê-ri:  %s\n"
                         "      Hiệu lực:  %s .. %s\n"
                       : "    Certificate: %s\n      Issuer:    %s\n      Serial:    %s\n"
                         "      Valid:     %s .. %s\n",
                  c["subject"].asString().c_str(), c["issuer"].asString().c_str(),
                  c["serial"].asString().c_str(), vietnamTime(c["not_before"].asString()).c_str(),
                  vietnamTime(c["not_after"].asString()).c_str());
      std::string ku;
      for (auto& u : c["key_usage"].items()) ku += (ku.empty() ? "" : ", ") + u.asString();
      if (!ku.empty()) std::printf("      %s %s\n", say("Usage:    ", "Dùng cho: "), ku.c_str());
    } else {
      std::printf("    %s\n", say("Certificate: (none with this ID)",
                                  "Chứng thư:   (không có chứng thư với ID này)"));
    }
  }
  return kExitOk;
}

int runMechanisms(const Args& args) {
  ArgParser p;
  p.usage(
      {"usage: kyso token mechanisms [--module M] [--token SERIAL|LABEL] [--json]\n"
       "Lists what the token can do (CKM_* mechanisms with key sizes and flags).\n"
       "Example: kyso token mechanisms --module softhsm\n",
       "cách dùng: kyso token mechanisms [--module M] [--token SERIAL|NHÃN] [--json]\n"
       "Liệt kê những gì token làm được (các cơ chế CKM_* với độ dài khóa và cờ).\n"
       "Ví dụ: kyso token mechanisms --module softhsm\n"});
  addTokenOptions(p);
  p.flag("json", 0, kJsonHelp);
  if (auto st = p.parse(args); !st.ok()) {
    printError("", st.error());
    return kExitUsage;
  }
  p11::OpenOptions opt;
  opt.login = false;
  auto tok = openSelectedToken(p, opt);
  if (!tok.ok()) {
    printError(say("Opening the token failed", "Không mở được token"), tok.error());
    return exitCodeFor(tok.error());
  }
  const auto& mechs = (*tok)->token().tokenSession()->mechanisms();
  if (p.has("json")) {
    Json a = Json::array();
    for (auto& m : mechs) a.push(m.toJson());
    std::printf("%s\n", a.dump(2).c_str());
    return kExitOk;
  }
  for (auto& m : mechs) {
    std::string f;
    for (auto& n : m.flagNames()) f += (f.empty() ? "" : ",") + n;
    std::printf("%-28s keys %5lu..%-5lu %s\n", m.name().c_str(), m.minKey, m.maxKey, f.c_str());
  }
  return kExitOk;
}

}  // namespace

int runToken(const Args& args) {
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    std::fputs(tokenUsage(), args.empty() ? stderr : stdout);
    return args.empty() ? kExitUsage : kExitOk;
  }
  const std::string sub = args[0];
  Args rest(args.begin() + 1, args.end());
  if (sub == "list") return runList(rest);
  if (sub == "info") return runInfo(rest);
  if (sub == "mechanisms") return runMechanisms(rest);
  if (sub == "self-test") return runTokenSelfTest(rest);
  if (sub == "change-pin" || sub == "unblock" || sub == "change-so-pin")
    return runTokenPin(sub, rest);
  if (sub == "init") return runTokenInit(rest);
  if (sub == "keygen") return runTokenKeygen(rest);
  if (sub == "csr") return runTokenCsr(rest);
  if (sub == "import-cert") return runTokenImportCert(rest);
  if (sub == "delete") return runTokenDelete(rest);
  if (sub == "watch") return runTokenWatch(rest);
  std::fprintf(
      stderr,
      vi() ? "kyso token: không có lệnh '%s'\n\n%s" : "kyso token: unknown command '%s'\n\n%s",
      sub.c_str(), tokenUsage());
  return kExitUsage;
}

}  // namespace kyso::cli
