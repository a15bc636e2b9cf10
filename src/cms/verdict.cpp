#include "src/cms/verdict.h"

namespace kyso::cms {

const char* indicationName(Indication i) {
  switch (i) {
    case Indication::TotalPassed:
      return "TOTAL-PASSED";
    case Indication::TotalFailed:
      return "TOTAL-FAILED";
    case Indication::Indeterminate:
      return "INDETERMINATE";
  }
  return "INDETERMINATE";
}

const char* subIndicationName(SubIndication s) {
  switch (s) {
    case SubIndication::None:
      return "";
    case SubIndication::FormatFailure:
      return "FORMAT_FAILURE";
    case SubIndication::HashFailure:
      return "HASH_FAILURE";
    case SubIndication::SigCryptoFailure:
      return "SIG_CRYPTO_FAILURE";
    case SubIndication::Revoked:
      return "REVOKED";
    case SubIndication::SigConstraintsFailure:
      return "SIG_CONSTRAINTS_FAILURE";
    case SubIndication::ChainConstraintsFailure:
      return "CHAIN_CONSTRAINTS_FAILURE";
    case SubIndication::NoSigningCertificateFound:
      return "NO_SIGNING_CERTIFICATE_FOUND";
    case SubIndication::NoCertificateChainFound:
      return "NO_CERTIFICATE_CHAIN_FOUND";
    case SubIndication::NoCertificateChainFoundNoPoe:
      return "NO_CERTIFICATE_CHAIN_FOUND_NO_POE";
    case SubIndication::RevokedNoPoe:
      return "REVOKED_NO_POE";
    case SubIndication::RevokedCaNoPoe:
      return "REVOKED_CA_NO_POE";
    case SubIndication::OutOfBoundsNoPoe:
      return "OUT_OF_BOUNDS_NO_POE";
    case SubIndication::OutOfBoundsNotRevoked:
      return "OUT_OF_BOUNDS_NOT_REVOKED";
    case SubIndication::CryptoConstraintsFailure:
      return "CRYPTO_CONSTRAINTS_FAILURE";
    case SubIndication::CryptoConstraintsFailureNoPoe:
      return "CRYPTO_CONSTRAINTS_FAILURE_NO_POE";
    case SubIndication::TryLater:
      return "TRY_LATER";
    case SubIndication::SignedDataNotFound:
      return "SIGNED_DATA_NOT_FOUND";
    case SubIndication::CertificateChainGeneralFailure:
      return "CERTIFICATE_CHAIN_GENERAL_FAILURE";
    case SubIndication::TimestampOrderFailure:
      return "TIMESTAMP_ORDER_FAILURE";
    case SubIndication::GenericFailure:
      return "GENERIC";
  }
  return "";
}

Indication worse(Indication a, Indication b) {
  auto rank = [](Indication i) {
    return i == Indication::TotalFailed ? 2 : i == Indication::Indeterminate ? 1 : 0;
  };
  return rank(a) >= rank(b) ? a : b;
}

}  // namespace kyso::cms
