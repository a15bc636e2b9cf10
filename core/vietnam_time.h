// Vietnam time: UTC+07:00 all year (no daylight saving), the time every date a person reads is
// shown in (the register's times, a certificate's expiry, a verification record, the year on a
// letter, a signature's time), whatever the machine's time zone. One conversion for all of them.
//
//   std::tm vn = vietnamTime(std::time(nullptr));                  // the calendar fields in
//   Vietnam auto t = parseUtcIso("2027-12-31T16:59:59Z");                  // seconds since the
//   epoch
#pragma once

#include <chrono>
#include <ctime>
#include <optional>
#include <string_view>

namespace kyso {

inline constexpr int kVietnamUtcOffsetSeconds = 7 * 3600;

/// The calendar fields (year, month, day, hour...) in Vietnam at `t`, seconds since the epoch.
std::tm vietnamTime(std::time_t t);
std::tm vietnamTime(std::chrono::system_clock::time_point t);

/// "YYYY-MM-DDTHH:MM:SS" read as UTC (what follows the seconds is not read: the caller checks
/// the zone) as seconds since the epoch; nullopt when the text does not start that way.
std::optional<std::time_t> parseUtcIso(std::string_view iso);

}  // namespace kyso
