// Text for HTML reports (the verification reports, the inventory report): the one escaper.
#pragma once

#include <string>
#include <string_view>

namespace kyso {

/// `s` with &, <, > and " written as entities, for element text and quoted attribute values.
std::string htmlEscape(std::string_view s);

}  // namespace kyso
