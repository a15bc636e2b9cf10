// The inventory's warnings (model.h Warning) in words, English and Vietnamese: a short label for
// the kind ("LOST token, certificate not revoked" / "token BỊ MẤT, chứng thư chưa thu hồi"), what
// it is about ("token 0F95…" / "chứng thư số 3A…") and the sentence that says what to do. The CLI,
// the HTML report and the app's list all use these; the JSON keeps the codes.
#pragma once

#include <string>
#include <string_view>

#include "core/messages.h"
#include "src/inventory/model.h"

namespace kyso::inventory {

/// The kind's label; the code itself for an unknown kind.
std::string warningLabel(std::string_view kind, Lang lang);
/// "token <serial>" / "certificate <prefix>" in `lang`.
std::string warningSubject(const Warning& w, Lang lang);
/// The sentence: what is wrong and, where there is one, what to do.
std::string warningText(const Warning& w, Lang lang);

}  // namespace kyso::inventory
