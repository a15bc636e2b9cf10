#include "src/service/audit_log.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <deque>
#include <fstream>

#include "core/json.h"

namespace kyso::service {

namespace fs = std::filesystem;

std::string auditLine(const AuditEntry& e) {
  Json line = Json::object();
  line.set("time", e.time);
  line.set("origin", e.origin);
  line.set("call", e.call);
  if (!e.document.empty()) line.set("document", e.document);
  if (!e.sha256.empty()) line.set("sha256", e.sha256);
  if (!e.digest.empty()) line.set("digest", e.digest);
  line.set("status", e.status);
  if (!e.message.empty()) line.set("message", e.message);
  return line.dump() + "\n";
}

Status appendAuditLines(const fs::path& log, const std::string& lines) {
  std::error_code ec;
  if (fs::create_directories(log.parent_path(), ec))
    fs::permissions(log.parent_path(), fs::perms::owner_all, ec);
  const int fd = ::open(log.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) return Error::posix(errno, "open", log.string());
  const ssize_t n = ::write(fd, lines.data(), lines.size());
  const int err = errno;
  ::close(fd);
  if (n != static_cast<ssize_t>(lines.size()))
    return Error::posix(n < 0 ? err : EIO, "write", log.string());
  return okStatus();
}

Result<AuditLog> readAuditLog(const fs::path& log, std::size_t maxEntries) {
  AuditLog out;
  std::error_code ec;
  if (!fs::exists(log, ec)) return out;
  std::ifstream in(log, std::ios::binary);
  if (!in) return Error::posix(errno, "open", log.string());
  std::deque<AuditEntry> last;
  std::string text;
  while (std::getline(in, text)) {
    if (text.empty()) continue;
    auto j = Json::parse(text);
    if (!j.ok() || !j->isObject() || !(*j)["call"].isString() || !(*j)["status"].isInt()) {
      ++out.unreadable;
      continue;
    }
    auto str = [&](const char* k) {
      const Json& v = (*j)[k];
      return v.isString() ? v.asString() : std::string();
    };
    AuditEntry e{str("time"),
                 str("origin"),
                 str("call"),
                 str("document"),
                 str("sha256"),
                 str("digest"),
                 static_cast<int>((*j)["status"].asInt()),
                 str("message")};
    last.push_back(std::move(e));
    if (last.size() > maxEntries) last.pop_front();
  }
  if (in.bad()) return Error::posix(EIO, "read", log.string());
  out.entries.assign(std::make_move_iterator(last.begin()), std::make_move_iterator(last.end()));
  return out;
}

}  // namespace kyso::service
