// The lifecycle states (lifecycle.h) in words, English and Vietnamese, for people and for the
// office sheets they import: "in_stock" is "in stock" and "Trong kho". The codes stay what the
// database, the JSON and the history record.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/messages.h"
#include "src/inventory/lifecycle.h"

namespace kyso::inventory {

/// The state's name for people in `lang`; the code itself when it is no known state.
std::string stateLabel(Subject s, std::string_view state, Lang lang);

/// Every state of `s` for a help text: "in_stock (trong kho), active (đang sử dụng), ..." with the
/// names in `lang`, so that a person sees both what to type and what it means.
std::string statesWithLabels(Subject s, Lang lang);

/// The state a person wrote: its code, its English or its Vietnamese name, in any case and with
/// any spacing ("Đang sử dụng", "ĐANG SỬ DỤNG", "active", "in stock"). nullopt when none matches.
std::optional<std::string> stateFromText(Subject s, std::string_view text);

}  // namespace kyso::inventory
