// The register keeps times in UTC (ISO 8601, "2026-12-07T02:50:08Z"); people read them in Vietnam
// time. One conversion for the CLI, the HTML report and the app.
#pragma once

#include <string>
#include <string_view>

namespace kyso::inventory {

/// "2026-12-07T02:50:08Z" -> "2026-12-07 09:50:08 (+07:00)"; a date alone, an empty text or
/// anything that is not a UTC time comes back as it is.
std::string vietnamTimeText(std::string_view utcIso);

}  // namespace kyso::inventory
