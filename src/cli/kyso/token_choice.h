// Choosing among several plugged tokens on the terminal: when a command's selection names more
// than one token, the person sees them numbered (label, serial, model, module) and types the
// number, instead of retyping the command with --module and --token.
#pragma once

#include <optional>

#include "core/result.h"
#include "pkcs11/open_token.h"

namespace kyso::cli {

/// Lists the tokens `sel` could mean and asks on /dev/tty which one. nullopt when there is no
/// terminal to ask on (the caller keeps its error, which lists the tokens); Cancelled when the
/// answer is empty or not one of the numbers. The selection to use is the candidate's module and
/// serial.
Result<std::optional<p11::TokenCandidate>> askTokenChoice(const p11::TokenSelector& sel);

}  // namespace kyso::cli
