#include "src/inventory/time_text.h"

#include <cstdio>
#include <ctime>

namespace kyso::inventory {

std::string vietnamTimeText(std::string_view utcIso) {
  // YYYY-MM-DDTHH:MM:SS, then Z or +00:00 (a fraction of a second is left out).
  if (utcIso.size() < 20 || utcIso[4] != '-' || utcIso[7] != '-' || utcIso[10] != 'T' ||
      utcIso[13] != ':' || utcIso[16] != ':')
    return std::string(utcIso);
  std::string_view zone = utcIso.substr(19);
  if (!zone.empty() && zone.front() == '.') {
    std::size_t i = 1;
    while (i < zone.size() && zone[i] >= '0' && zone[i] <= '9') ++i;
    zone.remove_prefix(i);
  }
  if (zone != "Z" && zone != "+00:00") return std::string(utcIso);
  std::tm tm{};
  char tail = 0;
  const std::string head(utcIso.substr(0, 19));
  if (std::sscanf(head.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%c", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
                  &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &tail) != 6)
    return std::string(utcIso);
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  const std::time_t t = timegm(&tm) + 7 * 3600;
  std::tm vn{};
  if (!gmtime_r(&t, &vn)) return std::string(utcIso);
  char buf[96];  // room for any int the format could print
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d:%02d (+07:00)", vn.tm_year + 1900,
                vn.tm_mon + 1, vn.tm_mday, vn.tm_hour, vn.tm_min, vn.tm_sec);
  return buf;
}

}  // namespace kyso::inventory
