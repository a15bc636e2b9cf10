// The CMS layer's findings for people, typed: which sentence (NoteId) and the words that fill it
// (subjects, times, a lower layer's technical detail). The layer stores only these; sentences are
// made at the edge (reports, the CLI, the app) by noteText, in English or Vietnamese, from one
// table (notes.cpp) in enum order, each row with a stable code for JSON.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/messages.h"

namespace kyso::cms {

enum class NoteId {
  Detail,  // {1}: a lower layer's own words (technical), shown as they are
  ChainNotTrusted,
  IssuerMissing,
  CertNotValidAt,
  UsageNotAllowed,
  ChainInvalid,
  RevocationOff,
  RevokedAfterTimestamp,
  CertRevokedOn,
  CertRevoked,
  RevocationUnknown,
  ExpiredAfterTimestamp,
  TimestampNoPoe,  // {2}: an event (Note::parts)
  TimestampNotBefore,
  NoTimestampPoe,
  DigestUnsupported,
  ContentNotGiven,
  NoMessageDigest,
  DigestMismatch,
  NoContentType,
  ContentTypeDiffers,
  SignerCertMissing,
  AttributesStoredOrder,
  AlgorithmsDisagree,
  SignatureAlgorithmUnsupported,
  SignatureInvalid,
  SigningCertMismatch,
  SigningCertUnreadable,
  WeakAccepted,
  WeakAlgorithm,
  CounterSignatureInvalid,
  CounterSignatureUnconfirmed,
  Empty,
  TooLarge,
  NotCms,
  NotSignedData,
  NoSigner,
  DetachedEContent,
  DetachedContentInside,
  AlsoCarriesContent,
  TrailingBytes,
  ContentUnreadable,
  TimestampInvalid,
  PoeAt,  // {2}: an event (Note::parts)
  EventRevokedOn,
  EventRevoked,
  EventValidUntil,
  EventOutOfValidity,
  ClaimedTimeBeforeCertificate,
  ClaimedTimeInFuture,
  CounterSignatureUnreadable,
  CounterSignerCertMissing,
  CounterSignatureValueInvalid,
  CounterSignatureNotCovering,
  CounterSignatureWeak,
  CounterSignatureChainNotEvaluated,
  Count_
};

constexpr std::size_t kNoteCount = static_cast<std::size_t>(NoteId::Count_);

/// One finding: its sentence, the words for its placeholders, and sentences that fill the
/// placeholders after those words (the event a timestamp must come before).
struct Note {
  NoteId id = NoteId::Detail;
  std::vector<std::string> args;
  std::vector<Note> parts;
};

/// The stable code of a sentence ("cms-chain-not-trusted").
const char* noteCode(NoteId id);
/// The sentence template in `lang`, with {1}, {2} where the words go.
const char* noteTemplate(NoteId id, Lang lang);
/// The sentence of `n` in `lang`.
std::string noteText(const Note& n, Lang lang);

}  // namespace kyso::cms
