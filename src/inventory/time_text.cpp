#include "src/inventory/time_text.h"

#include <cstdio>
#include <ctime>

#include "core/vietnam_time.h"

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
  const auto t = parseUtcIso(utcIso);
  if (!t) return std::string(utcIso);
  const std::tm vn = vietnamTime(*t);
  char buf[96];  // room for any int the format could print
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d:%02d (+07:00)", vn.tm_year + 1900,
                vn.tm_mon + 1, vn.tm_mday, vn.tm_hour, vn.tm_min, vn.tm_sec);
  return buf;
}

}  // namespace kyso::inventory
