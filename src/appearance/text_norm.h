// UTF-8 decoding and encoding, Unicode NFC normalisation and a Vietnamese-aware upper-casing used
// to compare text found on a page with names from certificates. NFC uses HarfBuzz's built-in
// Unicode data (decompose, canonical combining class, compose), so no ICU is needed.
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

namespace kyso::appearance {

/// Decodes UTF-8; malformed or overlong sequences and surrogates are an error (UsageError).
Result<std::u32string> decodeUtf8(std::string_view text);
/// Encodes code points as UTF-8.
std::string encodeUtf8(std::u32string_view text);
/// Canonical composition (NFC) of a code-point string.
std::u32string toNfc(std::u32string_view text);
/// UTF-8 in, NFC UTF-8 out.
Result<std::string> nfcUtf8(std::string_view text);
/// Upper case for Latin, Latin-1, Latin Extended-A/B letters used in Vietnamese and U+1EA0..U+1EF9.
/// Input should be NFC. Other characters are returned unchanged.
std::u32string upperVi(std::u32string_view text);
/// NFC + upper case + collapsed white space, for matching lines of a page against a name or title.
std::u32string matchKey(std::u32string_view text);

}  // namespace kyso::appearance
