// ETSI EN 319 102-1 validation indications and sub-indications, shared by the CMS and PDF
// verifiers. Names print exactly as the standard spells them ("TOTAL-PASSED", "HASH_FAILURE").
#pragma once

namespace kyso::cms {

enum class Indication { TotalPassed, TotalFailed, Indeterminate };

enum class SubIndication {
  None,
  // TOTAL-FAILED
  FormatFailure,
  HashFailure,
  SigCryptoFailure,
  Revoked,
  SigConstraintsFailure,  // also INDETERMINATE in some cases; used for key usage / structure rules
  ChainConstraintsFailure,
  // INDETERMINATE
  NoSigningCertificateFound,
  NoCertificateChainFound,
  NoCertificateChainFoundNoPoe,
  RevokedNoPoe,
  RevokedCaNoPoe,
  OutOfBoundsNoPoe,
  OutOfBoundsNotRevoked,
  CryptoConstraintsFailure,
  CryptoConstraintsFailureNoPoe,
  TryLater,
  SignedDataNotFound,
  CertificateChainGeneralFailure,
  TimestampOrderFailure,
  GenericFailure,
};

/// "TOTAL-PASSED", "TOTAL-FAILED", "INDETERMINATE".
const char* indicationName(Indication i);
/// "HASH_FAILURE", ...; "" for None.
const char* subIndicationName(SubIndication s);
/// The worse of two indications (FAILED > INDETERMINATE > PASSED), for a document's overall
/// verdict.
Indication worse(Indication a, Indication b);

}  // namespace kyso::cms
