#include "src/cli/kyso/token_options.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>

#include "core/messages.h"
#include "src/cli/kyso/cli_settings.h"
#include "src/cli/kyso/exit_codes.h"
#include "src/cli/kyso/token_choice.h"
#include "src/cli/kyso/words.h"

namespace kyso::cli {
namespace {

// [token] module, token and key from the settings files (cli_settings.h).
std::optional<std::string> configValue(const std::string& key) {
  return cliSettings().get("token", key);
}

const char* question(const p11::PinRequest& r, Lang lang) {
  using K = p11::PinRequest::Kind;
  bool vi = lang == Lang::Vi;
  switch (r.kind) {
    case K::User:
      return vi ? "PIN của token" : "Token PIN";
    case K::So:
      return vi ? "PIN quản trị (SO)" : "Administrator (SO) PIN";
    case K::ContextSpecific:
      return vi ? "PIN để ký (khóa yêu cầu nhập lại)" : "PIN for this signature";
    case K::NewUser:
      return vi ? "PIN mới" : "New PIN";
    case K::NewSo:
      return vi ? "PIN quản trị (SO) mới" : "New administrator (SO) PIN";
  }
  return "PIN";
}

}  // namespace

void addTokenOptions(ArgParser& p, ForceFlag force) {
  p.value("module", 0,
          {"PKCS#11 module: path or known name (bit4id, safenet, viettel, vnpt, fpt, opensc, "
           "p11-kit, softhsm)",
           "mô-đun PKCS#11: đường dẫn hoặc tên đã biết (bit4id, safenet, viettel, vnpt, fpt, "
           "opensc, p11-kit, softhsm)"})
      .value("token", 0,
             {"token serial or label (not needed with one token)",
              "số serial hoặc nhãn của token (không cần khi chỉ cắm một token)"})
      .value("key", 0,
             {"key: CKA_ID in hex, label, or pkcs11: URI (not needed with one key)",
              "khóa: CKA_ID dạng hex, nhãn hoặc URI pkcs11: (không cần khi token chỉ có một khóa)"})
      .flag("pin-stdin", 0, {"read the PIN from standard input", "đọc PIN từ đầu vào chuẩn"})
      .value("pin-file", 0,
             {"read the PIN from the first line of this file", "đọc PIN từ dòng đầu của tệp này"})
      .value("pin-env", 0,
             {"read the PIN from this environment variable (other processes of the same user can "
              "read it in /proc/PID/environ)",
              "đọc PIN từ biến môi trường này (tiến trình khác của cùng người dùng đọc được nó "
              "trong /proc/PID/environ)"})
      .flag("force-login", 0,
            {"log in even if the token warns of a final PIN try",
             "vẫn đăng nhập khi token báo chỉ còn một lần nhập PIN"});
  if (force == ForceFlag::IsForceLogin)
    p.flagAlias("force", "force-login", {"the same as --force-login", "như --force-login"});
}

p11::TokenSelector tokenSelectorFrom(const ArgParser& p) {
  p11::TokenSelector s;
  s.module = p.get("module").value_or(configValue("module").value_or(""));
  s.token = p.get("token").value_or(configValue("token").value_or(""));
  s.key = p.get("key").value_or(configValue("key").value_or(""));
  s.force = p.has("force-login");
  return s;
}

Result<std::unique_ptr<CliPinPrompt>> CliPinPrompt::fromOptions(const ArgParser& p) {
  int n = (p.has("pin-stdin") ? 1 : 0) + (p.get("pin-file") ? 1 : 0) + (p.get("pin-env") ? 1 : 0);
  if (n > 1)
    return Error::kyso(Errc::UsageError, "pin options",
                       say("use only one of --pin-stdin, --pin-file, --pin-env",
                           "chỉ dùng một trong --pin-stdin, --pin-file, --pin-env"));
  if (p.has("pin-stdin")) return std::make_unique<CliPinPrompt>(Source::Stdin, "");
  if (auto f = p.get("pin-file")) return std::make_unique<CliPinPrompt>(Source::File, *f);
  if (auto e = p.get("pin-env")) return std::make_unique<CliPinPrompt>(Source::Env, *e);
  return std::make_unique<CliPinPrompt>(Source::Terminal, "");
}

Result<SecretBuffer> CliPinPrompt::nextLine() {
  if (!m_loaded) {
    m_loaded = true;
    if (m_source == Source::Env) {
      const char* v = std::getenv(m_arg.c_str());
      if (!v)
        return Error::kyso(Errc::PinSourceInvalid, "getenv",
                           m_arg + say(" is not set", " chưa được đặt"));
      m_lines.emplace_back(std::string_view(v));
    } else {
      int fd = m_source == Source::Stdin ? 0 : ::open(m_arg.c_str(), O_RDONLY | O_CLOEXEC);
      if (fd < 0) return Error::posix(errno, "open", m_arg);
      // As ssh does for keys: a PIN file others can read or change is refused (checked on the
      // open file, so it cannot be swapped between the check and the read). Pipes pass.
      struct stat st {};
      if (fd != 0 && ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
          (st.st_mode & (S_IRGRP | S_IWGRP | S_IROTH | S_IWOTH)) != 0) {
        ::close(fd);
        return Error::kyso(Errc::PinFileExposed, "pin file", "chmod 600 " + m_arg);
      }
      SecretBuffer cur;
      char c;
      for (std::size_t total = 0; total < 4096; ++total) {
        ssize_t r = ::read(fd, &c, 1);
        if (r <= 0) break;
        if (c == '\n') {
          cur.trimNewline();
          m_lines.push_back(std::move(cur));
          cur = SecretBuffer();
        } else {
          cur.push(c);
        }
      }
      c = 0;
      if (!cur.empty()) {
        cur.trimNewline();
        m_lines.push_back(std::move(cur));
      }
      if (fd != 0) ::close(fd);
    }
  }
  if (m_next >= m_lines.size())
    return Error::kyso(Errc::PinSourceInvalid, "getPin",
                       m_source == Source::Env
                           ? say("one PIN in ", "chỉ có một PIN trong ") + m_arg
                           : std::string(say("not enough lines", "không đủ dòng")));
  SecretBuffer out(m_lines[m_next].view());
  m_lines[m_next++].clear();
  if (out.empty()) return Error::kyso(Errc::PinEmpty, "getPin");
  return out;
}

Result<SecretBuffer> CliPinPrompt::fromTerminal(const std::string& q) {
  int fd = ::open("/dev/tty", O_RDWR | O_CLOEXEC);
  if (fd < 0)
    return Error::kyso(
        Errc::PinSourceInvalid, "open /dev/tty",
        say("no terminal; use --pin-stdin, --pin-file or --pin-env",
            "không có cửa sổ dòng lệnh; hãy dùng --pin-stdin, --pin-file hoặc --pin-env"));
  // Echo goes off before the question appears, so nothing typed in answer to it is echoed.
  termios old{};
  bool restore = tcgetattr(fd, &old) == 0;
  if (restore) {
    termios t = old;
    t.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    t.c_lflag |= ECHONL;
    tcsetattr(fd, TCSAFLUSH, &t);
  }
  std::string prompt = q + ": ";
  ssize_t ignored = ::write(fd, prompt.data(), prompt.size());
  SecretBuffer pin;
  char c = 0;
  bool gotNewline = false;
  while (::read(fd, &c, 1) == 1) {
    if (c == '\n' || c == '\r') {
      gotNewline = true;
      break;
    }
    pin.push(c);
  }
  c = 0;
  if (restore) tcsetattr(fd, TCSAFLUSH, &old);
  ignored = ::write(fd, "\n", gotNewline ? 0 : 1);
  (void)ignored;
  ::close(fd);
  if (!gotNewline && pin.empty()) return Error::kyso(Errc::Cancelled, "getPin");
  if (pin.empty()) return Error::kyso(Errc::PinEmpty, "getPin");
  return pin;
}

Result<SecretBuffer> CliPinPrompt::getPin(const p11::PinRequest& req) {
  using K = p11::PinRequest::Kind;
  Lang lang = defaultLang();
  if (req.countLow && (req.kind == K::User || req.kind == K::So))
    std::fprintf(stderr, "kyso: %s\n",
                 std::string(errcSentence(Errc::PinCountLowReported, lang)).c_str());
  if (req.kind == K::ContextSpecific && m_userPin && m_source != Source::Terminal)
    return SecretBuffer(m_userPin->view());
  if (m_source != Source::Terminal) {
    KYSO_ASSIGN_OR_RETURN(SecretBuffer pin, nextLine());
    if (req.kind == K::User || req.kind == K::ContextSpecific) m_userPin.emplace(pin.view());
    return pin;
  }
  std::string q = std::string(question(req, lang));
  if (!req.tokenLabel.empty()) q += " (" + req.tokenLabel + ")";
  if (!req.keyLabel.empty()) q += " [" + req.keyLabel + "]";
  KYSO_ASSIGN_OR_RETURN(SecretBuffer pin, fromTerminal(q));
  if (req.kind == K::NewUser || req.kind == K::NewSo) {
    KYSO_ASSIGN_OR_RETURN(SecretBuffer again, fromTerminal(lang == Lang::Vi ? "Nhập lại để xác nhận"
                                                                            : "Again to confirm"));
    if (again.view() != pin.view())
      return Error::kyso(Errc::PinSourceInvalid, "getPin",
                         lang == Lang::Vi ? "hai lần nhập không khớp" : "the two entries differ");
  }
  return pin;
}

void CliPinPrompt::notice(Errc what, const p11::PinRequest&) {
  std::fprintf(stderr, "kyso: %s\n", std::string(errcSentence(what, defaultLang())).c_str());
}

Result<std::unique_ptr<CliToken>> openSelectedToken(const ArgParser& p,
                                                    const p11::OpenOptions& opt) {
  KYSO_ASSIGN_OR_RETURN(auto prompt, CliPinPrompt::fromOptions(p));
  auto sel = tokenSelectorFrom(p);
  auto opened = p11::OpenToken::open(sel, *prompt, opt);
  // Several tokens and a person at the terminal: ask which one rather than fail. Without a
  // terminal (or with the PIN from a file or stdin, a script) the error lists them.
  if (!opened.ok() && opened.error().kind == Errc::TokenAmbiguous &&
      prompt->source() == CliPinPrompt::Source::Terminal) {
    KYSO_ASSIGN_OR_RETURN(std::optional<p11::TokenCandidate> chosen, askTokenChoice(sel));
    if (chosen) {
      sel.module = chosen->module;
      sel.token = chosen->serial;
      opened = p11::OpenToken::open(sel, *prompt, opt);
    }
  }
  KYSO_ASSIGN_OR_RETURN(auto tok, std::move(opened));
  // Found by searching every installed module: say which one, so the person can name it next time.
  if (!tok->foundIn().empty())
    std::fprintf(stderr,
                 defaultLang() == Lang::Vi ? "kyso: dùng token %s (%s) của mô-đun %s\n"
                                           : "kyso: using the token %s (%s) of the module %s\n",
                 tok->token().label.c_str(), tok->token().serial.c_str(), tok->foundIn().c_str());
  return std::make_unique<CliToken>(std::move(prompt), std::move(tok));
}

int exitCodeFor(const Error& e) {
  switch (e.kind) {
    case Errc::UsageError:
      return kExitUsage;
    case Errc::FileNotFound:
    case Errc::FileUnreadable:
    case Errc::CertificateMalformed:
      return kExitInputError;
    default:
      return kExitTokenError;
  }
}

}  // namespace kyso::cli
