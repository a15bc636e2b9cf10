// The problems and notes the verifier reports about a signature or a file (structural faults,
// where revocation data came from), each with a stable machine code ("byte-range-not-at-start",
// ...) and a sentence in English and Vietnamese whose {1} is filled with a number, a PDF name or a
// technical detail. One table (problems.cpp) in enum order. The verifier stores Findings (a row
// and its words, or the CMS layer's typed note, src/cms/notes.h); the reports make the sentences.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/messages.h"
#include "src/cms/notes.h"

namespace kyso::pdfverify {

enum class Problem {
  ByteRangeShape,
  ByteRangeOutOfFile,
  ByteRangeNotAtStart,
  ByteRangesOverlap,
  ByteRangePastEnd,
  GapImpossibleSize,
  ContentsUnreadable,
  GapNotContents,
  ContentsOddDigits,
  GapNotHex,
  GapNotThisContents,
  GapOutsideDictionary,
  SignedEndNotRevision,
  NoType,
  WrongType,
  NoFilter,
  NoSubFilter,
  UnsupportedSubFilter,
  TimestampWrongType,
  DocTimeStampWrongSubFilter,
  NoContents,
  SignedRevisionUnreadable,
  OrphanEofMarkers,
  LargeFileRawSearchSkipped,
  TrailingBytes,
  UnusedSignatureDictionaries,
  DictionaryInObjectStream,
  BytesAppended,
  NoCryptoCheck,
  DamagedObject,
  DamagedDocument,
  RevocationFromVri,
  RevocationFromDssVriSilent,
  RevocationFromDss,
  CmsNoUsableSigner,
  CmsManySigners,
  DetachedWithContent,
  NoUsableSigner,
  Sha1Mismatch,
  TimestampUnreadable,
  TimestampHashUnknown,
  TimestampNotCovering,
  TimestampNotVerifying,
  UnsupportedFormat,
  CadesWithoutSigningCertificate,
  SignatureDictionaryUnreadable,
  Said,     // {1}: a sentence another layer made in the report's language
  FromCms,  // the CMS layer's note (Finding::cms)
  Count_
};

/// Number of problems (== Count_).
constexpr std::size_t kProblemCount = static_cast<std::size_t>(Problem::Count_);

/// The stable machine code of a problem ("byte-range-not-at-start").
const char* problemCode(Problem p);
/// The sentence template of a problem in `lang`, with {1}, {2} where the arguments go.
const char* problemTemplate(Problem p, Lang lang);
/// The sentence of a problem in `lang` with `args` filled in.
std::string problemSentence(Problem p, const std::vector<std::string>& args = {},
                            Lang lang = Lang::En);
/// A problem or note as the verifier stores it: the row and the words that fill it, or the CMS
/// layer's own note. Sentences are made from it at the edge (findingText).
struct Finding {
  Problem problem = Problem::Said;
  std::vector<std::string> args;
  std::optional<cms::Note> cms;  // problem == FromCms
  static Finding of(Problem p, std::vector<std::string> args = {});
  static Finding from(cms::Note n);
};
/// The stable code of a finding ("byte-range-not-at-start", "cms-chain-not-trusted").
const char* findingCode(const Finding& f);
/// The sentence of a finding in `lang`.
std::string findingText(const Finding& f, Lang lang);

}  // namespace kyso::pdfverify
