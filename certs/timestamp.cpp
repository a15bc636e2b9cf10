#include "certs/timestamp.h"

#include <openssl/err.h>
#include <openssl/rand.h>

#include <cstring>

#include "certs/ess.h"
#include "core/openssl_ptr.h"

namespace kyso::certs {
namespace {

Error tsErr(Errc e, std::string ctx) {
  return Error::kyso(e, "verifyTimestampToken", std::move(ctx));
}

Result<ossl::Ptr<TS_TST_INFO>> parseTstInfo(CMS_ContentInfo* cms) {
  if (OBJ_obj2nid(CMS_get0_type(cms)) != NID_pkcs7_signed ||
      OBJ_obj2nid(CMS_get0_eContentType(cms)) != NID_id_smime_ct_TSTInfo)
    return tsErr(Errc::TimestampInvalid, "not a TimeStampToken (eContentType is not TSTInfo)");
  ASN1_OCTET_STRING** pos = CMS_get0_content(cms);
  if (!pos || !*pos) return tsErr(Errc::TimestampInvalid, "the token has no TSTInfo");
  const unsigned char* p = ASN1_STRING_get0_data(*pos);
  ossl::Ptr<TS_TST_INFO> tst(d2i_TS_TST_INFO(nullptr, &p, ASN1_STRING_length(*pos)));
  if (!tst) {
    ERR_clear_error();
    return tsErr(Errc::TimestampInvalid, "TSTInfo cannot be decoded");
  }
  return tst;
}

Result<ossl::Ptr<CMS_ContentInfo>> parseToken(std::string_view der) {
  const unsigned char* p = reinterpret_cast<const unsigned char*>(der.data());
  ossl::Ptr<CMS_ContentInfo> cms(d2i_CMS_ContentInfo(nullptr, &p, static_cast<long>(der.size())));
  if (!cms) {
    ERR_clear_error();
    return tsErr(Errc::TimestampInvalid, "the token is not a CMS ContentInfo");
  }
  return cms;
}

}  // namespace

Result<int> imprintAlgorithm(std::string_view tokenDer) {
  KYSO_ASSIGN_OR_RETURN(auto cms, parseToken(tokenDer));
  KYSO_ASSIGN_OR_RETURN(auto tst, parseTstInfo(cms.get()));
  X509_ALGOR* alg = TS_MSG_IMPRINT_get_algo(TS_TST_INFO_get_msg_imprint(tst.get()));
  const ASN1_OBJECT* obj = nullptr;
  X509_ALGOR_get0(&obj, nullptr, nullptr, alg);
  int nid = OBJ_obj2nid(obj);
  if (nid == NID_undef) return tsErr(Errc::CmsUnknownAlgorithm, "imprint hash algorithm");
  return nid;
}

Result<TimestampInfo> verifyTimestampToken(std::string_view tokenDer,
                                           std::span<const unsigned char> expectedDigest) {
  KYSO_ASSIGN_OR_RETURN(auto cms, parseToken(tokenDer));
  KYSO_ASSIGN_OR_RETURN(auto tst, parseTstInfo(cms.get()));
  STACK_OF(CMS_SignerInfo)* sis = CMS_get0_SignerInfos(cms.get());
  if (sk_CMS_SignerInfo_num(sis) != 1)
    return tsErr(Errc::TimestampInvalid, "a token must have one signer");
  // The signature over TSTInfo (and its messageDigest), with the signer certificate from the token.
  // The chain is judged by the caller at genTime.
  if (CMS_verify(cms.get(), nullptr, nullptr, nullptr, nullptr,
                 CMS_NO_SIGNER_CERT_VERIFY | CMS_BINARY) != 1) {
    Error e = Error::openssl("CMS_verify: timestamp token", {}, Errc::TimestampInvalid);
    return e;
  }
  ossl::X509Stack signers(CMS_get0_signers(cms.get()));
  // CMS_get0_signers returns borrowed pointers in a new stack: take a reference on each so the
  // owning stack may free them.
  for (int i = 0; signers && i < sk_X509_num(signers.get()); ++i)
    X509_up_ref(sk_X509_value(signers.get(), i));
  X509* tsaCert =
      signers && sk_X509_num(signers.get()) == 1 ? sk_X509_value(signers.get(), 0) : nullptr;
  if (!tsaCert) return tsErr(Errc::TimestampInvalid, "the token's signer certificate is missing");
  X509_up_ref(tsaCert);
  ossl::Ptr<X509> tsaOwned(tsaCert);
  EssCheck ess = checkEssSigningCertificate(sk_CMS_SignerInfo_value(sis, 0), tsaCert);
  if (ess != EssCheck::Match)
    return tsErr(Errc::TimestampInvalid,
                 std::string("ESS signing certificate: ") + essCheckName(ess));
  if (!(X509_get_extended_key_usage(tsaCert) & XKU_TIMESTAMP) ||
      X509_get_extended_key_usage(tsaCert) == UINT32_MAX)
    return tsErr(Errc::KeyUsageNotAllowed,
                 "the TSA certificate lacks extendedKeyUsage timeStamping");
  TS_MSG_IMPRINT* mi = TS_TST_INFO_get_msg_imprint(tst.get());
  ASN1_OCTET_STRING* msg = TS_MSG_IMPRINT_get_msg(mi);
  std::string imprint(reinterpret_cast<const char*>(ASN1_STRING_get0_data(msg)),
                      static_cast<size_t>(ASN1_STRING_length(msg)));
  if (imprint.size() != expectedDigest.size() ||
      std::memcmp(imprint.data(), expectedDigest.data(), imprint.size()) != 0)
    return Error::kyso(Errc::TimestampImprintMismatch, "verifyTimestampToken", "imprint differs")
        .because(Detail::Technical);
  TimestampInfo info;
  KYSO_ASSIGN_OR_RETURN(info.genTime, toTimePoint(TS_TST_INFO_get_time(tst.get())));
  info.tsaName = nameToString(X509_get_subject_name(tsaCert));
  char oid[128] = {0};
  OBJ_obj2txt(oid, sizeof oid, TS_TST_INFO_get_policy_id(tst.get()), 1);
  info.policy = oid;
  ossl::Ptr<BIGNUM> bn(ASN1_INTEGER_to_BN(TS_TST_INFO_get_serial(tst.get()), nullptr));
  if (bn) {
    ossl::Mem<char> h(BN_bn2hex(bn.get()));
    if (h) info.serial = h.get();
  }
  const ASN1_OBJECT* algObj = nullptr;
  X509_ALGOR_get0(&algObj, nullptr, nullptr, TS_MSG_IMPRINT_get_algo(mi));
  info.digestAlgorithm = OBJ_nid2sn(OBJ_obj2nid(algObj));
  info.imprint = std::move(imprint);
  info.tsaCert = std::move(tsaOwned);
  return info;
}

Result<std::string> requestTimestampSlowly(const std::string& url, int mdNid,
                                           std::span<const unsigned char> digest,
                                           const HttpOptions& http) {
  const char* op = "requestTimestamp";
  ossl::Ptr<TS_REQ> req(TS_REQ_new());
  ossl::Ptr<TS_MSG_IMPRINT> mi(TS_MSG_IMPRINT_new());
  ossl::Ptr<X509_ALGOR> alg(X509_ALGOR_new());
  ossl::Ptr<ASN1_INTEGER> nonce;
  unsigned char nb[8];
  if (RAND_bytes(nb, sizeof nb) != 1) return Error::openssl("RAND_bytes");
  nb[0] &= 0x7f;  // positive
  ossl::Ptr<BIGNUM> nbn(BN_bin2bn(nb, sizeof nb, nullptr));
  nonce.reset(BN_to_ASN1_INTEGER(nbn.get(), nullptr));
  if (!req || !mi || !alg || !nonce ||
      !X509_ALGOR_set0(alg.get(), OBJ_nid2obj(mdNid), V_ASN1_NULL, nullptr) ||
      !TS_MSG_IMPRINT_set_algo(mi.get(), alg.get()) ||
      !TS_MSG_IMPRINT_set_msg(mi.get(), const_cast<unsigned char*>(digest.data()),
                              static_cast<int>(digest.size())) ||
      !TS_REQ_set_version(req.get(), 1) || !TS_REQ_set_msg_imprint(req.get(), mi.get()) ||
      !TS_REQ_set_nonce(req.get(), nonce.get()) || !TS_REQ_set_cert_req(req.get(), 1))
    return Error::openssl("TS_REQ");
  unsigned char* buf = nullptr;
  int len = i2d_TS_REQ(req.get(), &buf);
  ossl::Mem<unsigned char> guard(buf);
  if (len <= 0) return Error::openssl("i2d_TS_REQ");
  KYSO_ASSIGN_OR_RETURN(
      std::string body,
      httpPostSlowly(url, "application/timestamp-query",
                     std::string_view(reinterpret_cast<char*>(buf), static_cast<size_t>(len)),
                     http));
  const unsigned char* p = reinterpret_cast<const unsigned char*>(body.data());
  ossl::Ptr<TS_RESP> resp(d2i_TS_RESP(nullptr, &p, static_cast<long>(body.size())));
  if (!resp) {
    ERR_clear_error();
    return Error::kyso(Errc::TimestampInvalid, op,
                       "the TSA's answer is not a TimeStampResp: " + url);
  }
  const ASN1_INTEGER* st = TS_STATUS_INFO_get0_status(TS_RESP_get_status_info(resp.get()));
  long status = ASN1_INTEGER_get(st);
  if (status != TS_STATUS_GRANTED && status != TS_STATUS_GRANTED_WITH_MODS)
    return Error::raw(Domain::Kyso, static_cast<long>(Errc::TimestampInvalid), op,
                      "the TSA refused (PKIStatus " + std::to_string(status) + "): " + url,
                      Errc::TimestampInvalid);
  PKCS7* token = TS_RESP_get_token(resp.get());
  TS_TST_INFO* tst = TS_RESP_get_tst_info(resp.get());
  if (!token || !tst)
    return Error::kyso(Errc::TimestampInvalid, op, "granted but no token: " + url);
  const ASN1_INTEGER* gotNonce = TS_TST_INFO_get_nonce(tst);
  if (!gotNonce || ASN1_INTEGER_cmp(gotNonce, nonce.get()) != 0)
    return Error::kyso(Errc::TimestampNonceMismatch, op, url);
  unsigned char* tb = nullptr;
  int tlen = i2d_PKCS7(token, &tb);
  ossl::Mem<unsigned char> tguard(tb);
  if (tlen <= 0) return Error::openssl("i2d_PKCS7");
  std::string tokenDer(reinterpret_cast<char*>(tb), static_cast<size_t>(tlen));
  KYSO_ASSIGN_OR_RETURN(int algNid, imprintAlgorithm(tokenDer));
  if (algNid != mdNid)
    return Error::kyso(Errc::TimestampImprintMismatch, op, "imprint algorithm differs");
  auto info = verifyTimestampToken(tokenDer, digest);
  if (!info.ok()) return info.error();
  return tokenDer;
}

}  // namespace kyso::certs
