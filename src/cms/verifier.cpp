#include "src/cms/verifier.h"

#include <openssl/err.h>

#include <cstring>
#include <optional>
#include <set>

#include "certs/ess.h"
#include "certs/timestamp.h"
#include "src/cms/algorithms.h"
#include "src/cms/cms_parse.h"
#include "src/cms/content_digest.h"
#include "src/cms/countersignature.h"
#include "src/cms/signed_attrs.h"

namespace kyso::cms {
namespace {

using certs::TimePoint;

int rank(Indication i) {
  return i == Indication::TotalFailed ? 2 : i == Indication::Indeterminate ? 1 : 0;
}

// Records a finding; the most severe indication wins, and the first reason of that severity.
void fail(SignerReport& r, Indication i, SubIndication s, Errc e, std::optional<Note> note) {
  if (note) r.notes.push_back(std::move(*note));
  if (rank(i) > rank(r.indication)) {
    r.indication = i;
    r.subIndication = s;
    r.errc = e;
  }
}

std::span<const unsigned char> bytesOf(const ASN1_STRING* s) {
  return {ASN1_STRING_get0_data(s), static_cast<size_t>(ASN1_STRING_length(s))};
}

std::string keyDescription(X509* c) {
  EVP_PKEY* k = X509_get0_pubkey(c);
  if (!k) return "unknown";
  if (EVP_PKEY_is_a(k, "RSA") || EVP_PKEY_is_a(k, "RSA-PSS"))
    return "RSA-" + std::to_string(EVP_PKEY_get_bits(k));
  if (EVP_PKEY_is_a(k, "EC")) {
    char name[64] = {0};
    size_t len = 0;
    EVP_PKEY_get_utf8_string_param(k, "group", name, sizeof name, &len);
    return std::string("EC ") + name;
  }
  if (EVP_PKEY_is_a(k, "ED25519")) return "Ed25519";
  if (EVP_PKEY_is_a(k, "ED448")) return "Ed448";
  return "other";
}

// The ASN1_TYPE of a single-valued attribute, or null.
const ASN1_TYPE* attrValue(X509_ATTRIBUTE* a) {
  return a && X509_ATTRIBUTE_count(a) == 1 ? X509_ATTRIBUTE_get0_type(a, 0) : nullptr;
}

struct Ctx {
  const VerifyOptions& opt;
  certs::ChainBuilder builder;
  certs::RevocationChecker checker;
  TimePoint now;
  STACK_OF(X509) * certs;
  std::map<int, std::vector<unsigned char>> digests;
  bool contentAvailable;
  std::string eContentType;
};

void checkTimestamp(Ctx& ctx, SignerReport& r, CMS_SignerInfo* si) {
  int idx = CMS_unsigned_get_attr_by_NID(si, NID_id_smime_aa_timeStampToken, -1);
  if (idx < 0) return;
  TimestampReport tr;
  const ASN1_TYPE* t = attrValue(CMS_unsigned_get_attr(si, idx));
  if (!t || t->type != V_ASN1_SEQUENCE) {
    tr.status = "invalid";
    tr.detail = "the signature timestamp attribute is malformed";
    r.timestamp = tr;
    return;
  }
  auto seq = bytesOf(t->value.sequence);
  std::string_view der(reinterpret_cast<const char*>(seq.data()), seq.size());
  auto alg = certs::imprintAlgorithm(der);
  if (!alg.ok()) {
    tr.status = "invalid";
    tr.detail = alg.error().technical();
    r.timestamp = tr;
    return;
  }
  std::vector<unsigned char> imprint =
      digestBytes(*alg, bytesOf(CMS_SignerInfo_get0_signature(si)));
  auto info = certs::verifyTimestampToken(der, imprint);
  if (!info.ok()) {
    tr.status = "invalid";
    tr.detail = info.error().technical();
    r.timestamp = tr;
    return;
  }
  tr.valid = true;
  tr.time = certs::isoTime(info->genTime);
  tr.tsa = info->tsaName;
  // The TSA's chain at genTime, with the certificates the token carries.
  ossl::Ptr<CMS_ContentInfo> tok = parseCms(seq);
  ossl::X509Stack tokCerts(tok ? CMS_get1_certs(tok.get()) : nullptr);
  auto chain = ctx.builder.buildSlowly(info->tsaCert.get(), tokCerts.get(), info->genTime,
                                       certs::Purpose::Tsa);
  tr.trusted = chain.ok() && chain->trusted;
  tr.status = tr.trusted ? "valid" : "untrusted";
  if (chain.ok() && !chain->trusted)
    tr.detail = std::string("TSA chain: ") + certs::chainStatusName(chain->status) + " (" +
                chain->detail + ")";
  r.timestamp = tr;
}

CertSummary summarise(X509* cert) {
  CertSummary s;
  s.subject = certs::nameToString(X509_get_subject_name(cert));
  s.commonName = certs::commonName(X509_get_subject_name(cert));
  s.organization = certs::nameEntry(X509_get_subject_name(cert), NID_organizationName);
  s.issuer = certs::nameToString(X509_get_issuer_name(cert));
  s.serial = certs::serialHex(cert);
  s.sha256 = certs::sha256Hex(cert);
  if (auto nb = certs::toTimePoint(X509_get0_notBefore(cert)); nb.ok())
    s.notBefore = certs::isoTime(*nb);
  if (auto na = certs::toTimePoint(X509_get0_notAfter(cert)); na.ok())
    s.notAfter = certs::isoTime(*na);
  s.keyType = keyDescription(cert);
  return s;
}

void checkRevocation(Ctx& ctx, SignerReport& r, const certs::ChainResult& chain, TimePoint at);

void checkChain(Ctx& ctx, SignerReport& r, X509* cert, TimePoint at) {
  auto chain = ctx.builder.buildSlowly(cert, ctx.certs, at, certs::Purpose::Signer);
  if (!chain.ok()) {
    fail(r, Indication::Indeterminate, SubIndication::CertificateChainGeneralFailure,
         chain.error().kind, Note{NoteId::Detail, {chain.error().technical()}, {}});
    return;
  }
  r.chainTrusted = chain->trusted;
  r.chainAnchor = chain->anchor;
  r.chainAnchorSource = chain->anchorSource;
  r.chainStatus = certs::chainStatusName(chain->status);
  r.missing = chain->missing;
  for (auto& c : chain->certs) r.chain.push_back(summarise(c.get()));
  using CS = certs::ChainStatus;
  switch (chain->status) {
    case CS::Valid:
      break;
    case CS::Untrusted:
      fail(r, Indication::Indeterminate, SubIndication::NoCertificateChainFound,
           Errc::ChainUntrusted,
           Note{NoteId::ChainNotTrusted,
                {r.chain.empty() ? std::string("?") : r.chain.back().subject},
                {}});
      break;
    case CS::Incomplete: {
      std::string miss;
      for (auto& m : chain->missing) miss += (miss.empty() ? "" : "; ") + m;
      fail(r, Indication::Indeterminate, SubIndication::NoCertificateChainFound,
           Errc::ChainIncomplete, Note{NoteId::IssuerMissing, {miss}, {}});
      break;
    }
    case CS::Expired:
    case CS::NotYetValid:
      fail(r, Indication::Indeterminate, SubIndication::OutOfBoundsNoPoe, chain->errc,
           Note{NoteId::CertNotValidAt, {r.validationTime, chain->detail}, {}});
      break;
    case CS::UsageNotAllowed:
      fail(r, Indication::Indeterminate, SubIndication::ChainConstraintsFailure,
           Errc::KeyUsageNotAllowed, Note{NoteId::UsageNotAllowed, {chain->detail}, {}});
      break;
    case CS::BadSignature:
    case CS::Invalid:
      fail(r, Indication::Indeterminate, SubIndication::CertificateChainGeneralFailure, chain->errc,
           Note{NoteId::ChainInvalid, {chain->detail}, {}});
      break;
  }
  if (!chain->trusted || r.indication == Indication::TotalFailed) return;
  checkRevocation(ctx, r, *chain, at);
}

// The revocation of every certificate of a trusted chain at `at`.
void checkRevocation(Ctx& ctx, SignerReport& r, const certs::ChainResult& chain, TimePoint at) {
  if (!ctx.opt.checkRevocation) {
    r.revocationStatus = "not-checked";
    r.notes.push_back({NoteId::RevocationOff, {}, {}});
    return;
  }
  std::vector<X509*> path;
  for (auto& c : chain.certs) path.push_back(c.get());
  r.revocation = ctx.opt.revocationCache
                     ? ctx.opt.revocationCache->with(
                           ctx.checker, [&] { return ctx.checker.checkChainSlowly(path, at); })
                     : ctx.checker.checkChainSlowly(path, at);
  r.revocationStatus = "good";
  for (size_t i = 0; i < r.revocation.size(); ++i) {
    const auto& rv = r.revocation[i];
    if (rv.status == certs::RevocationStatus::Revoked) {
      r.revocationStatus = "revoked";
      fail(r, Indication::Indeterminate,
           i == 0 ? SubIndication::RevokedNoPoe : SubIndication::RevokedCaNoPoe,
           Errc::CertificateRevoked,
           rv.revokedAt
               ? Note{NoteId::CertRevokedOn,
                      {rv.subject, certs::isoTime(*rv.revokedAt), certs::crlReasonName(rv.reason)},
                      {}}
               : Note{NoteId::CertRevoked, {rv.subject, certs::crlReasonName(rv.reason)}, {}});
    } else if (rv.status == certs::RevocationStatus::Unknown && r.revocationStatus != "revoked") {
      r.revocationStatus = "unknown";
      fail(r, Indication::Indeterminate, SubIndication::TryLater, Errc::RevocationUnknown,
           Note{NoteId::RevocationUnknown, {rv.subject, rv.detail}, {}});
    }
  }
}

// A claimed signingTime is shown as the signer's computer's word; when it cannot be true (before
// the signer's certificate existed, or later than the time of checking, with five minutes for
// clocks), the report says so. It is never used as the time of validation.
void noteImplausibleClaimedTime(SignerReport& r, TimePoint checkedAt) {
  if (!r.signingTime || !r.signer) return;
  auto claimed = certs::parseIsoTime(*r.signingTime);
  if (!claimed.ok()) return;
  if (auto nb = certs::parseIsoTime(r.signer->notBefore); nb.ok() && *claimed < *nb)
    r.notes.push_back(
        {NoteId::ClaimedTimeBeforeCertificate, {*r.signingTime, r.signer->notBefore}, {}});
  else if (*claimed > checkedAt + std::chrono::minutes(5))
    r.notes.push_back(
        {NoteId::ClaimedTimeInFuture, {*r.signingTime, certs::isoTime(checkedAt)}, {}});
}

// checkChain() on a fresh report, so that the caller sees what the chain alone concluded.
SignerReport chainAt(Ctx& ctx, X509* cert, TimePoint at) {
  SignerReport c;
  c.indication = Indication::TotalPassed;
  c.validationTime = certs::isoTime(at);
  checkChain(ctx, c, cert, at);
  return c;
}

// Moves the chain, revocation and validation-time findings of `c` into `r`.
void adoptChain(SignerReport& r, SignerReport&& c) {
  r.validationTime = c.validationTime;
  r.chainTrusted = c.chainTrusted;
  r.chainAnchor = std::move(c.chainAnchor);
  r.chainAnchorSource = std::move(c.chainAnchorSource);
  r.chainStatus = std::move(c.chainStatus);
  r.chain = std::move(c.chain);
  r.missing = std::move(c.missing);
  r.revocationStatus = std::move(c.revocationStatus);
  r.revocation = std::move(c.revocation);
  for (auto& n : c.notes) r.notes.push_back(std::move(n));
  if (c.indication != Indication::TotalPassed)
    fail(r, c.indication, c.subIndication, c.errc, std::nullopt);
}

bool noPoe(SubIndication s) {
  return s == SubIndication::RevokedNoPoe || s == SubIndication::RevokedCaNoPoe ||
         s == SubIndication::OutOfBoundsNoPoe;
}

// What a proof of existence must precede, for notes: the first revocation in the chain, else the
// end of the signer certificate's validity.
Note poeEvent(const SignerReport& c) {
  for (const auto& rv : c.revocation)
    if (rv.status == certs::RevocationStatus::Revoked)
      return rv.revokedAt
                 ? Note{NoteId::EventRevokedOn, {rv.subject, certs::isoTime(*rv.revokedAt)}, {}}
                 : Note{NoteId::EventRevoked, {rv.subject}, {}};
  if (!c.chain.empty() && !c.chain.front().notAfter.empty())
    return Note{NoteId::EventValidUntil, {c.chain.front().notAfter}, {}};
  return Note{NoteId::EventOutOfValidity, {}, {}};
}

// After validation at the signature timestamp's time: says which later events (a revocation, the
// end of the signer certificate's validity before `now`) the timestamp outlives.
void notePoe(SignerReport& c, const std::string& tsTime, X509* cert, TimePoint now) {
  for (const auto& rv : c.revocation)
    if (rv.status == certs::RevocationStatus::Good && rv.revokedAt) {
      c.revocationStatus = "revoked-after-timestamp";
      c.notes.push_back(
          {NoteId::RevokedAfterTimestamp,
           {rv.subject, certs::isoTime(*rv.revokedAt), certs::crlReasonName(rv.reason), tsTime},
           {}});
    }
  if (auto na = certs::toTimePoint(X509_get0_notAfter(cert)); na.ok() && *na < now)
    c.notes.push_back({NoteId::ExpiredAfterTimestamp, {certs::isoTime(*na), tsTime}, {}});
}

// messageDigest against the content, contentType against the encapsulated type, signingTime.
void checkSignedAttributes(const Ctx& ctx, CMS_SignerInfo* si, SignerReport& r,
                           const std::vector<unsigned char>* contentDigest) {
  int mdIdx = CMS_signed_get_attr_by_NID(si, NID_pkcs9_messageDigest, -1);
  const ASN1_TYPE* mdv = mdIdx >= 0 ? attrValue(CMS_signed_get_attr(si, mdIdx)) : nullptr;
  if (!mdv || mdv->type != V_ASN1_OCTET_STRING ||
      CMS_signed_get_attr_by_NID(si, NID_pkcs9_messageDigest, mdIdx) >= 0) {
    fail(r, Indication::TotalFailed, SubIndication::FormatFailure, Errc::CmsMalformed,
         Note{NoteId::NoMessageDigest, {}, {}});
  } else if (contentDigest) {
    auto got = bytesOf(mdv->value.octet_string);
    r.digestMatches = got.size() == contentDigest->size() &&
                      std::memcmp(got.data(), contentDigest->data(), got.size()) == 0;
    if (!r.digestMatches)
      fail(r, Indication::TotalFailed, SubIndication::HashFailure, Errc::CmsDigestMismatch,
           Note{NoteId::DigestMismatch, {}, {}});
  }
  int ctIdx = CMS_signed_get_attr_by_NID(si, NID_pkcs9_contentType, -1);
  const ASN1_TYPE* ctv = ctIdx >= 0 ? attrValue(CMS_signed_get_attr(si, ctIdx)) : nullptr;
  char ct[80] = {0};
  if (ctv && ctv->type == V_ASN1_OBJECT) OBJ_obj2txt(ct, sizeof ct, ctv->value.object, 1);
  if (!ctv || ctv->type != V_ASN1_OBJECT)
    fail(r, Indication::TotalFailed, SubIndication::FormatFailure, Errc::CmsMalformed,
         Note{NoteId::NoContentType, {}, {}});
  else if (ctx.eContentType != ct)
    fail(r, Indication::TotalFailed, SubIndication::FormatFailure, Errc::CmsMalformed,
         Note{NoteId::ContentTypeDiffers, {}, {}});
  int stIdx = CMS_signed_get_attr_by_NID(si, NID_pkcs9_signingTime, -1);
  if (const ASN1_TYPE* st = stIdx >= 0 ? attrValue(CMS_signed_get_attr(si, stIdx)) : nullptr;
      st && (st->type == V_ASN1_UTCTIME || st->type == V_ASN1_GENERALIZEDTIME))
    if (auto tp = certs::toTimePoint(st->value.asn1_string); tp.ok())
      r.signingTime = certs::isoTime(*tp);
}

// The signature value over the signed attributes (DER order, else the stored order, noted) or,
// without them, over the content's digest.
Status checkSignatureValue(CMS_SignerInfo* si, EVP_PKEY* key, const X509_ALGOR* sigAlg, int dnid,
                           std::span<const unsigned char> sigBytes,
                           const std::vector<unsigned char>* contentDigest, SignerReport& r) {
  if (!key) return Error::kyso(Errc::CertificateMalformed, "X509_get0_pubkey");
  auto asSpan = [](const std::string& d) {
    return std::span<const unsigned char>(reinterpret_cast<const unsigned char*>(d.data()),
                                          d.size());
  };
  if (CMS_signed_get_attr_count(si) > 0) {
    KYSO_ASSIGN_OR_RETURN(auto tbs, signedAttributesDer(si));
    Status st = verifySignature(key, sigAlg, dnid, asSpan(tbs), sigBytes);
    if (st.ok() || st.error().kind != Errc::CmsSignatureInvalid) return st;
    auto stored = signedAttributesDer(si, true);
    if (stored.ok() && *stored != tbs &&
        verifySignature(key, sigAlg, dnid, asSpan(*stored), sigBytes).ok()) {
      r.notes.push_back({NoteId::AttributesStoredOrder, {}, {}});
      return okStatus();
    }
    return st;
  }
  if (!contentDigest)
    return Error::kyso(Errc::CmsNoSigner, "verify", "no content").because(Detail::Technical);
  Status st = verifySignatureOfDigest(key, sigAlg, dnid, *contentDigest, sigBytes);
  r.digestMatches = st.ok();
  return st;
}

void reportSignatureValue(SignerReport& r, const Status& st) {
  r.signatureValid = st.ok();
  if (st.ok()) return;
  const Errc k = st.error().kind;
  if (k == Errc::CmsAlgorithmMismatch)
    fail(r, Indication::TotalFailed, SubIndication::FormatFailure, k,
         Note{NoteId::AlgorithmsDisagree, {st.error().context}, {}});
  else if (k == Errc::CmsUnknownAlgorithm)
    fail(r, Indication::Indeterminate, SubIndication::CryptoConstraintsFailure, k,
         Note{NoteId::SignatureAlgorithmUnsupported, {st.error().context}, {}});
  else if (k == Errc::CmsSignatureInvalid)
    fail(r, Indication::TotalFailed, SubIndication::SigCryptoFailure, k,
         Note{NoteId::SignatureInvalid, {}, {}});
  else if (k != Errc::CmsNoSigner)
    fail(r, Indication::TotalFailed, SubIndication::FormatFailure, k,
         Note{NoteId::Detail, {st.error().technical()}, {}});
}

// ESS signingCertificate(V2), which binds the signature to this certificate, and the policy on
// weak algorithms.
void checkBindingAndStrength(const Ctx& ctx, CMS_SignerInfo* si, X509* cert, int dnid,
                             SignerReport& r) {
  certs::EssCheck ess = certs::checkEssSigningCertificate(si, cert);
  r.signingCertificateBound = ess == certs::EssCheck::Match;
  if (ess == certs::EssCheck::Mismatch)
    fail(r, Indication::Indeterminate, SubIndication::NoSigningCertificateFound,
         Errc::CmsSigningCertificateMismatch, Note{NoteId::SigningCertMismatch, {}, {}});
  else if (ess == certs::EssCheck::Malformed)
    fail(r, Indication::TotalFailed, SubIndication::FormatFailure, Errc::CmsMalformed,
         Note{NoteId::SigningCertUnreadable, {}, {}});
  EVP_PKEY* key = X509_get0_pubkey(cert);
  const bool weakKey = key && (EVP_PKEY_is_a(key, "RSA") || EVP_PKEY_is_a(key, "RSA-PSS")) &&
                       EVP_PKEY_get_bits(key) < 2048;
  if (!weakDigest(dnid) && !weakKey) return;
  std::string what = weakDigest(dnid) ? r.digestAlgorithm : keyDescription(cert);
  if (ctx.opt.acceptWeak)
    r.notes.push_back({NoteId::WeakAccepted, {what}, {}});
  else
    fail(r, Indication::Indeterminate, SubIndication::CryptoConstraintsFailure, Errc::WeakAlgorithm,
         Note{NoteId::WeakAlgorithm, {what}, {}});
}

// Counter-signatures and the signature timestamp sign this signature's value. A counter-signer's
// chain and revocation are judged at `base` (the signature timestamp does not cover
// counter-signatures added after it).
void checkCounterSignaturesAndTimestamp(Ctx& ctx, CMS_SignerInfo* si, bool haveCert, TimePoint base,
                                        SignerReport& r) {
  r.counterSignatures = verifyCounterSignatures(
      si, ctx.certs, ctx.opt.acceptWeak, [&](SignerReport& cs, X509* csCert) {
        cs.validationTimeSource = ctx.opt.at ? "at" : "now";
        adoptChain(cs, chainAt(ctx, csCert, base));
      });
  for (auto& cs : r.counterSignatures)
    if (cs.indication == Indication::TotalFailed)
      r.notes.push_back({NoteId::CounterSignatureInvalid, {}, {}});
    else if (cs.indication == Indication::Indeterminate)
      r.notes.push_back({NoteId::CounterSignatureUnconfirmed, {}, {}});
  if (haveCert) checkTimestamp(ctx, r, si);
  if (r.timestamp && !r.timestamp->valid)
    fail(r, Indication::Indeterminate, SubIndication::SigConstraintsFailure, Errc::TimestampInvalid,
         Note{NoteId::TimestampInvalid, {r.timestamp->detail}, {}});
}

// The chain, validity and revocation of `cert` at the time of validation: --at, else a valid and
// trusted signature timestamp (proof that the signature existed then, ETSI EN 319 102-1 5.6.2.4),
// else now; with past validation when --at falls after the event the timestamp predates.
void checkChainAtValidationTime(Ctx& ctx, X509* cert, TimePoint base, SignerReport& r) {
  std::optional<TimePoint> poe;
  if (r.timestamp && r.timestamp->valid && r.timestamp->trusted)
    if (auto t = certs::parseIsoTime(r.timestamp->time); t.ok()) poe = *t;
  TimePoint at = base;
  r.validationTimeSource = ctx.opt.at ? "at" : "now";
  if (poe && !ctx.opt.at) {
    at = *poe;
    r.validationTimeSource = "timestamp";
  }
  r.validationTime = certs::isoTime(at);
  if (!cert) return;
  noteImplausibleClaimedTime(r, base);

  SignerReport c = chainAt(ctx, cert, at);
  if (noPoe(c.subIndication) && poe && *poe < at) {
    // --at after the event: the timestamp may still prove existence before it (past validation).
    Note event = poeEvent(c);
    SignerReport past = chainAt(ctx, cert, *poe);
    if (!noPoe(past.subIndication)) {
      past.notes.insert(past.notes.begin(), Note{NoteId::PoeAt, {certs::isoTime(at)}, {event}});
      c = std::move(past);
      r.validationTimeSource = "timestamp";
    } else {
      c.notes.push_back({NoteId::TimestampNoPoe, {r.timestamp->time}, {event}});
    }
  } else if (noPoe(c.subIndication)) {
    c.notes.push_back(poe ? Note{NoteId::TimestampNotBefore, {r.timestamp->time}, {}}
                          : Note{NoteId::NoTimestampPoe, {}, {}});
  }
  if (r.validationTimeSource == "timestamp" && !noPoe(c.subIndication))
    notePoe(c, r.timestamp->time, cert, base);
  adoptChain(r, std::move(c));
}

SignerReport verifySigner(Ctx& ctx, CMS_SignerInfo* si) {
  SignerReport r;
  r.indication = Indication::TotalPassed;
  EVP_PKEY* pk = nullptr;
  X509* sc = nullptr;
  X509_ALGOR *dig = nullptr, *sigAlg = nullptr;
  CMS_SignerInfo_get0_algs(si, &pk, &sc, &dig, &sigAlg);
  int dnid = OBJ_obj2nid(dig->algorithm);
  r.digestAlgorithm = digestName(dnid);
  r.signatureAlgorithm = describeSigAlg(sigAlg).name;
  auto sigBytes = bytesOf(CMS_SignerInfo_get0_signature(si));
  r.signatureValue.assign(sigBytes.begin(), sigBytes.end());

  X509* cert = nullptr;
  for (int i = 0; ctx.certs && i < sk_X509_num(ctx.certs) && !cert; ++i)
    if (CMS_SignerInfo_cert_cmp(si, sk_X509_value(ctx.certs, i)) == 0)
      cert = sk_X509_value(ctx.certs, i);

  auto digIt = ctx.digests.find(dnid);
  const std::vector<unsigned char>* contentDigest =
      digIt != ctx.digests.end() ? &digIt->second : nullptr;
  if (!contentDigest) {
    fail(r, Indication::Indeterminate,
         ctx.contentAvailable ? SubIndication::CryptoConstraintsFailure
                              : SubIndication::SignedDataNotFound,
         ctx.contentAvailable ? Errc::CmsUnknownAlgorithm : Errc::CmsNoSigner,
         ctx.contentAvailable ? Note{NoteId::DigestUnsupported, {r.digestAlgorithm}, {}}
                              : Note{NoteId::ContentNotGiven, {}, {}});
  }
  if (CMS_signed_get_attr_count(si) > 0) checkSignedAttributes(ctx, si, r, contentDigest);

  if (!cert) {
    fail(r, Indication::Indeterminate, SubIndication::NoSigningCertificateFound,
         Errc::CertificateNotFound, Note{NoteId::SignerCertMissing, {}, {}});
  } else {
    r.signer = summarise(cert);
    reportSignatureValue(r, checkSignatureValue(si, X509_get0_pubkey(cert), sigAlg, dnid, sigBytes,
                                                contentDigest, r));
    checkBindingAndStrength(ctx, si, cert, dnid, r);
  }
  r.intact = r.digestMatches && r.signatureValid;
  const TimePoint base = ctx.opt.at ? *ctx.opt.at : ctx.now;
  checkCounterSignaturesAndTimestamp(ctx, si, cert != nullptr, base, r);
  checkChainAtValidationTime(ctx, cert, base, r);
  return r;
}

}  // namespace

void judgeSignerCertificateSlowly(X509* cert, STACK_OF(X509) * extra, const VerifyOptions& opt,
                                  SignerReport& r) {
  static const certs::TrustStore kEmpty;
  const certs::TrustStore& trust = opt.trust ? *opt.trust : kEmpty;
  static const SystemClock kSystemClock;
  const Clock& clock = opt.clock ? *opt.clock : kSystemClock;
  Ctx ctx{opt,
          certs::ChainBuilder(trust, opt.chain),
          certs::RevocationChecker(trust, opt.revocation),
          clock.now(),
          extra,
          {},
          false,
          {}};
  for (const auto& c : opt.extraCrls) (void)ctx.checker.addCrl(c);
  for (const auto& o : opt.extraOcsp) (void)ctx.checker.addOcspResponse(o);
  if (cert) r.signer = summarise(cert);
  checkChainAtValidationTime(ctx, cert, opt.at ? *opt.at : ctx.now, r);
}

CmsReport verifyCmsSlowly(std::span<const unsigned char> der, const DetachedContent* content,
                          const VerifyOptions& opt) {
  CmsReport rep;
  auto bad = [&](Errc e, NoteId why) {
    rep.indication = Indication::TotalFailed;
    rep.subIndication = SubIndication::FormatFailure;
    rep.error =
        Error::kyso(e, "verifyCms", noteText({why, {}, {}}, Lang::En)).because(Detail::Technical);
    rep.notes.push_back({why, {}, {}});
    return rep;
  };
  if (der.empty()) return bad(Errc::CmsMalformed, NoteId::Empty);
  if (der.size() > (64u << 20)) return bad(Errc::InputTooLarge, NoteId::TooLarge);
  const unsigned char* p = der.data();
  ossl::Ptr<CMS_ContentInfo> cms = parseCms(der, &p);
  ERR_clear_error();
  if (!cms) return bad(Errc::CmsMalformed, NoteId::NotCms);
  for (const unsigned char* q = p; q < der.data() + der.size(); ++q)
    if (*q != 0) {
      rep.notes.push_back({NoteId::TrailingBytes, {}, {}});
      break;
    }
  if (OBJ_obj2nid(CMS_get0_type(cms.get())) != NID_pkcs7_signed)
    return bad(Errc::CmsMalformed, NoteId::NotSignedData);
  char oid[80] = {0};
  OBJ_obj2txt(oid, sizeof oid, CMS_get0_eContentType(cms.get()), 1);
  rep.eContentType = oid;
  ASN1_OCTET_STRING** pos = CMS_get0_content(cms.get());
  bool hasEContent = pos && *pos;
  rep.detached = !hasEContent;
  STACK_OF(CMS_SignerInfo)* sis = CMS_get0_SignerInfos(cms.get());
  if (sk_CMS_SignerInfo_num(sis) <= 0) return bad(Errc::CmsNoSigner, NoteId::NoSigner);

  static const certs::TrustStore kEmpty;
  const certs::TrustStore& trust = opt.trust ? *opt.trust : kEmpty;
  ossl::X509Stack all(CMS_get1_certs(cms.get()));
  if (!all) all.reset(sk_X509_new_null());
  for (const std::string& c : opt.extraCerts)
    if (auto parsed = certs::parseCertificates(c); parsed.ok())
      for (auto& x : *parsed) sk_X509_push(all.get(), x.release());
  static const SystemClock kSystemClock;
  const Clock& clock = opt.clock ? *opt.clock : kSystemClock;
  Ctx ctx{opt,
          certs::ChainBuilder(trust, opt.chain),
          certs::RevocationChecker(trust, opt.revocation),
          clock.now(),
          all.get(),
          {},
          false,
          rep.eContentType};
  for (const auto& c : opt.extraCrls) (void)ctx.checker.addCrl(c);
  for (const auto& o : opt.extraOcsp) (void)ctx.checker.addOcspResponse(o);

  std::set<int> nids;
  for (int i = 0; i < sk_CMS_SignerInfo_num(sis); ++i) {
    X509_ALGOR* dig = nullptr;
    CMS_SignerInfo_get0_algs(sk_CMS_SignerInfo_value(sis, i), nullptr, nullptr, &dig, nullptr);
    if (dig) nids.insert(OBJ_obj2nid(dig->algorithm));
  }
  if (hasEContent && opt.requireDetached) {
    rep.indication = Indication::TotalFailed;
    rep.subIndication = SubIndication::FormatFailure;
    rep.error =
        Error::kyso(Errc::CmsUnexpectedContent, "verifyCms", "detached signature with eContent")
            .because(Detail::Technical);
    rep.notes.push_back({NoteId::DetachedContentInside, {}, {}});
  }
  if (content) {
    auto d = computeDigests(*content, nids);
    if (!d.ok()) {
      rep.error = d.error();
      rep.indication = Indication::Indeterminate;
      rep.subIndication = SubIndication::SignedDataNotFound;
      rep.notes.push_back({NoteId::ContentUnreadable, {}, {}});
      return rep;
    }
    ctx.digests = std::move(*d);
    ctx.contentAvailable = true;
    if (hasEContent) rep.notes.push_back({NoteId::AlsoCarriesContent, {}, {}});
  } else if (hasEContent) {
    auto bytes = bytesOf(*pos);
    for (int nid : nids)
      if (auto d = digestBytes(nid, bytes); !d.empty()) ctx.digests[nid] = std::move(d);
    ctx.contentAvailable = true;
    if (bytes.size() <= (64u << 20)) rep.eContent.assign(bytes.begin(), bytes.end());
  }

  Indication overall = Indication::TotalPassed;
  for (int i = 0; i < sk_CMS_SignerInfo_num(sis); ++i) {
    rep.signers.push_back(verifySigner(ctx, sk_CMS_SignerInfo_value(sis, i)));
    overall = worse(overall, rep.signers.back().indication);
  }
  if (hasEContent && opt.requireDetached)
    for (auto& sr : rep.signers)
      fail(sr, Indication::TotalFailed, SubIndication::FormatFailure, Errc::CmsUnexpectedContent,
           Note{NoteId::DetachedEContent, {}, {}});
  for (const auto& sr : rep.signers) overall = worse(overall, sr.indication);
  rep.indication = worse(
      rep.indication == Indication::TotalFailed ? Indication::TotalFailed : Indication::TotalPassed,
      overall);
  rep.material = ctx.checker.material();
  return rep;
}

}  // namespace kyso::cms
