// The one place where codes become sentences for people, in English and Vietnamese. Call sites add
// what was being done ("Changing the PIN failed: ..."); this table says why. Cancel is not an
// error.
#pragma once

#include <string>
#include <string_view>

#include "core/detail.h"
#include "core/error.h"

namespace kyso {

enum class Lang { En, Vi };

/// The language from KYSO_LANG or LANG ("vi*" -> Vietnamese), English otherwise.
Lang defaultLang();

/// A sentence for a kyso code; never empty for any Errc in [Ok, Count_).
std::string_view errcSentence(Errc e, Lang lang);
/// The symbolic name of a kyso code ("PinFinalTry"), for JSON and logs.
std::string_view errcName(Errc e);
/// A sentence for a PKCS#11 return value; a generic one, with the hex code, for unknown values.
std::string ckrSentence(unsigned long rv, Lang lang);
/// The CKR_* name of a return value ("CKR_PIN_INCORRECT"), or hex for unknown values.
std::string ckrName(unsigned long rv);
/// A sentence for a PC/SC code.
std::string pcscSentence(long rv, Lang lang);
std::string pcscName(long rv);

/// The sentence of a Detail with the values in `context` (detail.h): nothing for Technical, the
/// first value for TechnicalIn, the context as it is for None.
std::string detailSentence(Detail d, std::string_view context, Lang lang);
/// A Detail's sentence with its numbered places; empty outside the enum.
std::string_view detailTemplate(Detail d, Lang lang);

/// The sentence for an Error: the kyso classification when set, else the raw domain table.
/// Context that helps a person (a file name) is appended; technical details are not.
std::string describe(const Error& e, Lang lang = defaultLang());

/// Every CK_RV the table knows, for tests that check both languages exist.
const unsigned long* knownCkrCodes(std::size_t* count);
const long* knownPcscCodes(std::size_t* count);

}  // namespace kyso
