// What a refused change of state lacks, in words: checkTransition() (lifecycle.h) names it with a
// code ("note", "doc_date_future", ...); the front ends say it to people in their language and add
// where it is given (the CLI's option, the dialog's field).
#pragma once

#include <string>
#include <string_view>

#include "core/error.h"
#include "core/messages.h"

namespace kyso::inventory {

/// The sentence for an evidence code of checkTransition() in `lang` ("the request document's
/// number is missing"); the code itself when it is not one.
std::string evidenceText(std::string_view code, Lang lang);

/// `e` with an EvidenceMissing code in its context put into words in `lang`; any other error is
/// returned as it is.
Error explainEvidence(Error e, Lang lang);

}  // namespace kyso::inventory
