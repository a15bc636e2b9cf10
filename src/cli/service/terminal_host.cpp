#include "src/cli/service/terminal_host.h"

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>

#include "core/messages.h"
#include "src/cli/kyso/token_options.h"
#include "src/cli/kyso/words.h"
#include "src/pdfverify/report.h"

namespace kyso::cli {

namespace {

std::string callWords(service::Call c, const std::string& kind) {
  using service::Call;
  const bool v = vi();
  switch (c) {
    case Call::SignMsg:
      return v ? "ký một giá trị băm (SignMsg)" : "sign a digest (SignMsg)";
    case Call::GetCertInfo:
      return v ? "xem chứng thư số của bạn" : "see your certificate";
    case Call::SignFile:
      return v ? "ký tệp (chữ ký rời .p7s)" : "sign a file (detached .p7s signature)";
    case Call::SignXML:
      return v ? "ký tài liệu XML" : "sign an XML document";
    case Call::SignFiles:
      return v ? "ký một lô văn bản (PDF: chữ ký không hiển thị; tệp khác: chữ ký rời .p7s)"
               : "sign a batch (PDFs: no visible signature; other files: a detached .p7s)";
    default:
      break;
  }
  if (kind.empty()) return v ? "ký văn bản PDF" : "sign a PDF";
  return (v ? "ký văn bản PDF, kiểu " : "sign a PDF, kind ") + kind;
}

}  // namespace

std::string describeApproval(const service::Approval& a) {
  const bool v = vi();
  std::string s;
  s += (v ? "Trang web: " : "Site:        ") + a.origin + "\n";
  s += (v ? "Yêu cầu:   " : "Asks to:     ") + callWords(a.call, a.kind) + "\n";
  if (!a.batch.empty()) {
    s += (v ? "Các văn bản (" : "Documents (") + std::to_string(a.batch.size()) + "):\n";
    for (std::size_t i = 0; i < a.batch.size(); ++i) {
      const auto& d = a.batch[i];
      s += "  " + std::to_string(i + 1) + ". " + d.name + " (" + std::to_string(d.size) +
           (v ? " byte" : " bytes") + (d.pdf ? "" : ", .p7s") + ")\n     SHA-256 " + d.sha256 +
           "\n";
    }
  } else if (!a.documentName.empty()) {
    s += (v ? "Văn bản:   " : "Document:    ") + a.documentName + " (" +
         std::to_string(a.documentSize) + (v ? " byte" : " bytes") +
         (a.localFile ? (v ? ", chọn trên máy này" : ", chosen on this computer") : "") + ")\n";
    s += "SHA-256:     " + a.documentSha256 + "\n";
  }
  if (a.call == service::Call::SignXML) {
    s += (v ? "Phần tử gốc: <" : "Root:        <") + a.xmlRoot + "> (" + a.xmlProfile + ")\n";
    if (a.xmlSignatures > 0)
      s += (v ? "Đã có chữ ký: " : "Signatures:  ") + std::to_string(a.xmlSignatures) + "\n";
    if (a.signatureOnly)
      s += v ? "Trang nhận:  chỉ phần chữ ký, để tự đặt vào tài liệu\n"
             : "Site gets:   the signature alone, to place in the document itself\n";
  }
  if (!a.docNumber.empty()) s += (v ? "Số:        " : "Number:      ") + a.docNumber + "\n";
  if (!a.issuedDate.empty()) s += (v ? "Ngày:      " : "Date:        ") + a.issuedDate + "\n";
  if (!a.digestHex.empty())
    s += (v ? "Giá trị băm: " : "Digest:      ") + a.digestAlg + " " + a.digestHex + "\n";
  if (!a.uploadTo.empty()) s += (v ? "Gửi về:    " : "Upload to:   ") + a.uploadTo + "\n";
  return s;
}

TerminalHost::TerminalHost(const ArgParser& p, std::optional<std::filesystem::path> handwriting,
                           std::optional<std::filesystem::path> seal)
    : m_args(p), m_handwriting(std::move(handwriting)), m_seal(std::move(seal)) {}

std::string TerminalHost::askLine(const std::string& text) {
  std::lock_guard lock(m_tty);
  const int fd = ::open("/dev/tty", O_RDWR | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) {
    std::fprintf(stderr, vi() ? "kyso service: không có cửa sổ dòng lệnh để hỏi; đã từ chối.\n"
                              : "kyso service: no terminal to ask; refused.\n");
    return {};
  }
  if (::write(fd, text.data(), text.size()) < 0) {
    ::close(fd);
    return {};
  }
  std::string answer;
  char c = 0;
  while (::read(fd, &c, 1) == 1 && c != '\n') answer.push_back(c);
  ::close(fd);
  while (!answer.empty() && (answer.back() == '\r' || answer.back() == ' ')) answer.pop_back();
  return answer;
}

std::optional<std::filesystem::path> TerminalHost::pickLocalFile(const service::Approval& what) {
  const std::string path =
      askLine("\n" + (vi() ? "Trang " + what.origin +
                                 " yêu cầu bạn chọn tệp để ký. Đường dẫn tệp (bỏ trống: không): "
                           : "The site " + what.origin +
                                 " asks you to choose the file to sign. Path (empty: none): "));
  if (path.empty()) return std::nullopt;
  return std::filesystem::path(path);
}

bool TerminalHost::ask(const std::string& text) {
  const std::string answer = askLine(text + (vi() ? " [c/K] " : " [y/N] "));
  return answer == "y" || answer == "Y" || answer == "yes" || answer == "c" || answer == "C" ||
         answer == "có";
}

bool TerminalHost::allowSite(const std::string& origin) {
  return ask(vi() ? "\nTrang " + origin + " muốn yêu cầu kyso ký số. Cho phép trang này?"
                  : "\nThe site " + origin + " wants kyso to sign. Allow this site?");
}

Result<service::ApprovedKey> TerminalHost::approve(const service::Approval& what) {
  const std::string question =
      "\n" + describeApproval(what) +
      (what.call == service::Call::GetCertInfo
           ? (vi() ? "Cho trang xem chứng thư số?" : "Show the certificate?")
           : (vi() ? "Ký?" : "Sign?"));
  if (!ask(question)) return Error::kyso(Errc::ServiceDeclined, "approve", what.origin);
  // The token and its PIN for this request only, through the CLI's own prompt and rules.
  std::lock_guard lock(m_tty);
  KYSO_ASSIGN_OR_RETURN(std::unique_ptr<CliToken> token, openSelectedToken(m_args));
  KYSO_ASSIGN_OR_RETURN(SigningIdentity id, token->signingIdentity());
  std::fprintf(stderr, "%s%s\n", vi() ? "kyso service: ký bằng " : "kyso service: signing with ",
               id.description.c_str());
  service::ApprovedKey k;
  k.key.identity = std::move(id);
  k.key.token = &token->token();
  k.keepAlive = std::shared_ptr<CliToken>(std::move(token));
  return k;
}

std::optional<std::filesystem::path> TerminalHost::image(const std::string& role) {
  return role == "seal" ? m_seal : m_handwriting;
}

void TerminalHost::batchProgress(std::size_t done, std::size_t total) {
  std::fprintf(stderr,
               vi() ? "kyso service: đã ký %zu/%zu văn bản\n" : "kyso service: %zu/%zu signed\n",
               done, total);
}

}  // namespace kyso::cli

namespace kyso::cli {

void TerminalHost::showVerification(const service::VerificationShown& what) {
  if (!what.report) return;
  std::lock_guard lock(m_tty);
  std::fprintf(stderr, "\n%s %s (%s)\n%s",
               vi() ? "kyso service: kiểm tra theo yêu cầu của" : "kyso service: verified for",
               what.origin.c_str(), what.documentUrl.c_str(),
               pdfverify::reportText(*what.report, defaultLang()).c_str());
}

}  // namespace kyso::cli
