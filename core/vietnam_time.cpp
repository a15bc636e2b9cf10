#include "core/vietnam_time.h"

#include <cstdio>
#include <string>

namespace kyso {

std::tm vietnamTime(std::time_t t) {
  const std::time_t shifted = t + kVietnamUtcOffsetSeconds;
  std::tm tm{};
  gmtime_r(&shifted, &tm);
  return tm;
}

std::tm vietnamTime(std::chrono::system_clock::time_point t) {
  const auto secs = std::chrono::floor<std::chrono::seconds>(t).time_since_epoch().count();
  return vietnamTime(static_cast<std::time_t>(secs));
}

std::optional<std::time_t> parseUtcIso(std::string_view iso) {
  if (iso.size() < 19) return std::nullopt;
  const std::string head(iso.substr(0, 19));
  std::tm tm{};
  char tail = 0;
  if (std::sscanf(head.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%c", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
                  &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &tail) != 6)
    return std::nullopt;
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  return timegm(&tm);
}

}  // namespace kyso
