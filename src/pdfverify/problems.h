// The problems and notes the verifier reports about a signature or a file (structural faults,
// where revocation data came from, what the CMS layer found), each with a stable machine code
// ("byte-range-not-at-start", ...) and a sentence in English and Vietnamese whose {1} is filled
// with a number, a PDF name or a technical detail. One table (problems.cpp) in enum order; the
// reports keep the English sentence (JSON compatibility) and find the row again to show the
// Vietnamese one. Sentences the CMS layer writes are rows too, so they reach people in Vietnamese.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/messages.h"

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
  CmsChainNotTrusted,
  CmsIssuerMissing,
  CmsCertNotValidAt,
  CmsUsageNotAllowed,
  CmsChainInvalid,
  CmsRevocationOff,
  CmsRevokedAfterTimestamp,
  CmsCertRevokedOn,
  CmsCertRevoked,
  CmsRevocationUnknown,
  CmsExpiredAfterTimestamp,
  CmsTimestampNoPoe,
  CmsTimestampNotBefore,
  CmsNoTimestampPoe,
  CmsDigestUnsupported,
  CmsContentNotGiven,
  CmsNoMessageDigest,
  CmsDigestMismatch,
  CmsNoContentType,
  CmsContentTypeDiffers,
  CmsSignerCertMissing,
  CmsAttributesStoredOrder,
  CmsAlgorithmsDisagree,
  CmsSignatureAlgorithmUnsupported,
  CmsSignatureInvalid,
  CmsSigningCertMismatch,
  CmsSigningCertUnreadable,
  CmsWeakAccepted,
  CmsWeakAlgorithm,
  CmsCounterSignatureInvalid,
  CmsCounterSignatureUnconfirmed,
  CmsEmpty,
  CmsTooLarge,
  CmsNotCms,
  CmsNotSignedData,
  CmsNoSigner,
  CmsDetachedEContent,
  CmsAlsoCarriesContent,
  CmsTrailingBytes,
  CmsContentUnreadable,
  CmsTimestampInvalid,
  CmsPoeAt,
  EventRevokedOn,
  EventRevoked,
  EventValidUntil,
  CmsClaimedTimeBeforeCertificate,
  CmsClaimedTimeInFuture,
  CadesWithoutSigningCertificate,
  SignatureDictionaryUnreadable,
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
/// Which row an English sentence came from, and the words that filled it.
struct ProblemMatch {
  Problem problem;
  std::vector<std::string> args;
};
std::optional<ProblemMatch> findProblem(const std::string& en);
/// An English problem or note sentence in `lang`: the table row's sentence when one matches,
/// else the sentence unchanged (a detail from a lower layer with no row, e.g. an OpenSSL error).
std::string localizeProblem(const std::string& en, Lang lang);

}  // namespace kyso::pdfverify
