#include "certs/ess.h"

#include <openssl/err.h>

#include "core/openssl_ptr.h"

namespace kyso::certs {

const char* essCheckName(EssCheck e) {
  switch (e) {
    case EssCheck::Absent:
      return "absent";
    case EssCheck::Match:
      return "match";
    case EssCheck::Mismatch:
      return "mismatch";
    case EssCheck::Malformed:
      return "malformed";
  }
  return "malformed";
}

EssCheck checkEssSigningCertificate(CMS_SignerInfo* si, X509* signer) {
  auto attrValue = [&](int nid) -> const ASN1_STRING* {
    int idx = CMS_signed_get_attr_by_NID(si, nid, -1);
    if (idx < 0) return nullptr;
    X509_ATTRIBUTE* a = CMS_signed_get_attr(si, idx);
    if (X509_ATTRIBUTE_count(a) != 1) return nullptr;
    ASN1_TYPE* t = X509_ATTRIBUTE_get0_type(a, 0);
    return (t && t->type == V_ASN1_SEQUENCE) ? t->value.sequence : nullptr;
  };
  bool hasV2 = CMS_signed_get_attr_by_NID(si, NID_id_smime_aa_signingCertificateV2, -1) >= 0;
  bool hasV1 = CMS_signed_get_attr_by_NID(si, NID_id_smime_aa_signingCertificate, -1) >= 0;
  if (!hasV1 && !hasV2) return EssCheck::Absent;
  ossl::Ptr<ESS_SIGNING_CERT_V2> v2;
  ossl::Ptr<ESS_SIGNING_CERT> v1;
  if (hasV2) {
    const ASN1_STRING* s = attrValue(NID_id_smime_aa_signingCertificateV2);
    if (!s) return EssCheck::Malformed;
    const unsigned char* p = ASN1_STRING_get0_data(s);
    v2.reset(d2i_ESS_SIGNING_CERT_V2(nullptr, &p, ASN1_STRING_length(s)));
    if (!v2) {
      ERR_clear_error();
      return EssCheck::Malformed;
    }
  } else {
    const ASN1_STRING* s = attrValue(NID_id_smime_aa_signingCertificate);
    if (!s) return EssCheck::Malformed;
    const unsigned char* p = ASN1_STRING_get0_data(s);
    v1.reset(d2i_ESS_SIGNING_CERT(nullptr, &p, ASN1_STRING_length(s)));
    if (!v1) {
      ERR_clear_error();
      return EssCheck::Malformed;
    }
  }
  ossl::X509Stack chain(sk_X509_new_null());
  X509_up_ref(signer);
  sk_X509_push(chain.get(), signer);
  int ok = OSSL_ESS_check_signing_certs(v1.get(), v2.get(), chain.get(), 1);
  ERR_clear_error();
  return ok > 0 ? EssCheck::Match : EssCheck::Mismatch;
}

}  // namespace kyso::certs
