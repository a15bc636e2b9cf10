// The CLI's language for people's words: Vietnamese under LANG=vi_VN.UTF-8 or --lang vi, else
// English. Every command asks here, so that one setting decides.
#pragma once

#include "core/messages.h"

namespace kyso::cli {

inline bool vi() {
  return defaultLang() == Lang::Vi;
}

/// `vietnamese` or `en`, by the CLI's language.
inline const char* say(const char* en, const char* vietnamese) {
  return vi() ? vietnamese : en;
}

}  // namespace kyso::cli
