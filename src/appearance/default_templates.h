// The JSON text of the shipped templates, generated at configure time from templates/*.json
// (see CMakeLists.txt). Internal to kyso_appearance.
#pragma once

#include <string_view>

namespace kyso::appearance::shipped {

extern const std::string_view kApproved;
extern const std::string_view kIssued;
extern const std::string_view kCopy;
extern const std::string_view kAppendix;
extern const std::string_view kIncoming;
extern const std::string_view kApprovedWithText;
extern const std::string_view kApprovedName;

}  // namespace kyso::appearance::shipped
