#include "src/cli/kyso/token_choice.h"

#include <fcntl.h>
#include <unistd.h>

#include <string>

#include "src/cli/kyso/words.h"

namespace kyso::cli {
namespace {

// One line typed on the terminal (echo on: it is no secret); nullopt at end of input.
std::optional<std::string> readLine(int fd) {
  std::string line;
  char c = 0;
  while (::read(fd, &c, 1) == 1) {
    if (c == '\n' || c == '\r') return line;
    if (line.size() < 64) line.push_back(c);
  }
  return std::nullopt;
}

void writeAll(int fd, const std::string& text) {
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n <= 0) return;
    done += static_cast<std::size_t>(n);
  }
}

}  // namespace

Result<std::optional<p11::TokenCandidate>> askTokenChoice(const p11::TokenSelector& sel) {
  const int fd = ::open("/dev/tty", O_RDWR | O_CLOEXEC);
  if (fd < 0) return std::optional<p11::TokenCandidate>();
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  KYSO_ASSIGN_OR_RETURN(std::vector<p11::TokenCandidate> found, p11::tokenCandidates(sel));
  if (found.size() < 2) return std::optional<p11::TokenCandidate>();
  std::string text = say("Several tokens are plugged in:\n", "Đang cắm nhiều token:\n");
  for (std::size_t i = 0; i < found.size(); ++i) {
    const auto& c = found[i];
    text += "  " + std::to_string(i + 1) + ". " + c.label + " (" + say("serial ", "số serial ") +
            c.serial + (c.model.empty() ? "" : ", " + c.model) + ") " + say("in ", "của ") +
            c.moduleName + "\n";
  }
  text += say("Which one? [1-", "Dùng token nào? [1-") + std::to_string(found.size()) + "]: ";
  writeAll(fd, text);
  const auto answer = readLine(fd);
  std::size_t chosen = 0;
  if (answer) {
    try {
      std::size_t used = 0;
      const unsigned long n = std::stoul(*answer, &used);
      if (used == answer->size() && n >= 1 && n <= found.size()) chosen = n;
    } catch (const std::exception&) {
    }
  }
  if (chosen == 0)
    return Error::kyso(Errc::Cancelled, "choose token",
                       say("no token was chosen", "chưa chọn token nào"));
  const auto& c = found[chosen - 1];
  writeAll(fd,
           say("Next time, choose it with: --module ", "Lần sau, chọn token này bằng: --module ") +
               c.moduleName + " --token " + c.serial + "\n");
  return std::optional<p11::TokenCandidate>(c);
}

}  // namespace kyso::cli
