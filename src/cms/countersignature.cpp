#include "src/cms/countersignature.h"

#include <openssl/err.h>
#include <openssl/pkcs7.h>

#include <cstring>

#include "certs/cert_info.h"
#include "src/cms/algorithms.h"
#include "src/cms/content_digest.h"
#include "src/cms/signed_attrs.h"

namespace kyso::cms {
namespace {

struct P7SignerInfoDeleter {
  void operator()(PKCS7_SIGNER_INFO* p) const noexcept { PKCS7_SIGNER_INFO_free(p); }
};

SignerReport checkOne(std::span<const unsigned char> der, std::span<const unsigned char> parentSig,
                      STACK_OF(X509) * certs, bool acceptWeak,
                      const ChainEvaluator& evaluateChain) {
  SignerReport r;
  r.indication = Indication::Indeterminate;
  r.subIndication = SubIndication::NoCertificateChainFound;
  const unsigned char* p = der.data();
  std::unique_ptr<PKCS7_SIGNER_INFO, P7SignerInfoDeleter> si(
      d2i_PKCS7_SIGNER_INFO(nullptr, &p, static_cast<long>(der.size())));
  ERR_clear_error();
  if (!si) {
    r.subIndication = SubIndication::FormatFailure;
    r.errc = Errc::CmsMalformed;
    r.notes.push_back({NoteId::CounterSignatureUnreadable, {}, {}});
    return r;
  }
  int dnid = OBJ_obj2nid(si->digest_alg->algorithm);
  r.digestAlgorithm = digestName(dnid);
  r.signatureAlgorithm = describeSigAlg(si->digest_enc_alg).name;
  X509* cert = nullptr;
  for (int i = 0; certs && i < sk_X509_num(certs) && !cert; ++i) {
    X509* c = sk_X509_value(certs, i);
    if (X509_NAME_cmp(X509_get_issuer_name(c), si->issuer_and_serial->issuer) == 0 &&
        ASN1_INTEGER_cmp(X509_get0_serialNumber(c), si->issuer_and_serial->serial) == 0)
      cert = c;
  }
  // messageDigest over the parent's signature value.
  std::vector<unsigned char> want = digestBytes(dnid, parentSig);
  ASN1_TYPE* md = PKCS7_get_signed_attribute(si.get(), NID_pkcs9_messageDigest);
  if (md && md->type == V_ASN1_OCTET_STRING && !want.empty()) {
    const ASN1_STRING* got = md->value.octet_string;
    r.digestMatches = static_cast<size_t>(ASN1_STRING_length(got)) == want.size() &&
                      std::memcmp(ASN1_STRING_get0_data(got), want.data(), want.size()) == 0;
  }
  if (!cert) {
    r.subIndication = SubIndication::NoSigningCertificateFound;
    r.errc = Errc::CertificateNotFound;
    r.notes.push_back({NoteId::CounterSignerCertMissing, {}, {}});
    return r;
  }
  CertSummary s;
  s.subject = certs::nameToString(X509_get_subject_name(cert));
  s.commonName = certs::commonName(X509_get_subject_name(cert));
  s.organization = certs::nameEntry(X509_get_subject_name(cert), NID_organizationName);
  s.issuer = certs::nameToString(X509_get_issuer_name(cert));
  s.serial = certs::serialHex(cert);
  s.sha256 = certs::sha256Hex(cert);
  r.signer = s;
  auto tbs = attributesDer(si->auth_attr);
  Status st = Error::kyso(Errc::CmsMalformed, "counter-signature", "no signed attributes")
                  .because(Detail::Technical);
  if (tbs.ok() && !tbs->empty())
    st = verifySignature(
        X509_get0_pubkey(cert), si->digest_enc_alg, dnid,
        std::span<const unsigned char>(reinterpret_cast<const unsigned char*>(tbs->data()),
                                       tbs->size()),
        std::span<const unsigned char>(ASN1_STRING_get0_data(si->enc_digest),
                                       static_cast<size_t>(ASN1_STRING_length(si->enc_digest))));
  r.signatureValid = st.ok();
  r.intact = r.digestMatches && r.signatureValid;
  if (!r.intact) {
    r.indication = Indication::TotalFailed;
    r.subIndication =
        r.digestMatches ? SubIndication::SigCryptoFailure : SubIndication::HashFailure;
    r.errc = r.digestMatches ? Errc::CmsSignatureInvalid : Errc::CmsDigestMismatch;
    r.notes.push_back({r.digestMatches ? NoteId::CounterSignatureValueInvalid
                                       : NoteId::CounterSignatureNotCovering,
                       {},
                       {}});
    return r;
  }
  // Intact: from here the chain and the policy decide, as for a signer.
  r.indication = Indication::TotalPassed;
  r.subIndication = SubIndication::None;
  if (weakDigest(dnid) && !acceptWeak) {
    r.indication = Indication::Indeterminate;
    r.subIndication = SubIndication::CryptoConstraintsFailure;
    r.errc = Errc::WeakAlgorithm;
    r.notes.push_back({NoteId::CounterSignatureWeak, {r.digestAlgorithm}, {}});
  }
  if (auto na = certs::toTimePoint(X509_get0_notAfter(cert)); na.ok())
    r.signer->notAfter = certs::isoTime(*na);
  if (auto nb = certs::toTimePoint(X509_get0_notBefore(cert)); nb.ok())
    r.signer->notBefore = certs::isoTime(*nb);
  if (evaluateChain) {
    evaluateChain(r, cert);
  } else {
    r.indication = Indication::Indeterminate;
    r.subIndication = SubIndication::NoCertificateChainFound;
    r.notes.push_back({NoteId::CounterSignatureChainNotEvaluated, {}, {}});
  }
  return r;
}

}  // namespace

std::vector<SignerReport> verifyCounterSignatures(CMS_SignerInfo* parent, STACK_OF(X509) * certs,
                                                  bool acceptWeak,
                                                  const ChainEvaluator& evaluateChain) {
  std::vector<SignerReport> out;
  const ASN1_OCTET_STRING* sig = CMS_SignerInfo_get0_signature(parent);
  std::span<const unsigned char> parentSig(ASN1_STRING_get0_data(sig),
                                           static_cast<size_t>(ASN1_STRING_length(sig)));
  for (int idx = CMS_unsigned_get_attr_by_NID(parent, NID_pkcs9_countersignature, -1);
       idx >= 0 && out.size() < 16;
       idx = CMS_unsigned_get_attr_by_NID(parent, NID_pkcs9_countersignature, idx)) {
    X509_ATTRIBUTE* a = CMS_unsigned_get_attr(parent, idx);
    for (int v = 0; v < X509_ATTRIBUTE_count(a) && out.size() < 16; ++v) {
      ASN1_TYPE* t = X509_ATTRIBUTE_get0_type(a, v);
      if (!t || t->type != V_ASN1_SEQUENCE) continue;
      const ASN1_STRING* s = t->value.sequence;
      out.push_back(checkOne({ASN1_STRING_get0_data(s), static_cast<size_t>(ASN1_STRING_length(s))},
                             parentSig, certs, acceptWeak, evaluateChain));
    }
  }
  return out;
}

}  // namespace kyso::cms
