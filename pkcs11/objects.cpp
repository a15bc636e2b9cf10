#include "pkcs11/objects.h"

#include <openssl/core_names.h>
#include <openssl/param_build.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <map>

namespace kyso::p11 {
namespace {

// The curve name from a DER-encoded CKA_EC_PARAMS (a named-curve OID).
int curveNid(const Bytes& params) {
  const unsigned char* p = params.data();
  ossl::Ptr<ASN1_OBJECT> obj(d2i_ASN1_OBJECT(nullptr, &p, static_cast<long>(params.size())));
  return obj ? OBJ_obj2nid(obj.get()) : NID_undef;
}

std::string curveName(int nid) {
  switch (nid) {
    case NID_X9_62_prime256v1:
      return "P-256";
    case NID_secp384r1:
      return "P-384";
    case NID_secp521r1:
      return "P-521";
    default:
      return nid == NID_undef ? "unknown" : OBJ_nid2sn(nid);
  }
}

std::string nameText(X509_NAME* n) {
  ossl::Ptr<BIO> b(BIO_new(BIO_s_mem()));
  X509_NAME_print_ex(b.get(), n, 0, XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB);
  char* d = nullptr;
  long len = BIO_get_mem_data(b.get(), &d);
  return std::string(d, static_cast<std::size_t>(len));
}

std::string timeText(const ASN1_TIME* t) {
  struct tm tm {};
  if (!ASN1_TIME_to_tm(t, &tm)) return {};
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// Builds an OpenSSL public key from the RSA modulus/exponent or EC params/point on the token.
Result<ossl::Ptr<EVP_PKEY>> keyFromAttributes(const Session& s, CK_OBJECT_HANDLE o,
                                              CK_KEY_TYPE type) {
  ossl::Ptr<EVP_PKEY_CTX> ctx;
  OSSL_PARAM_BLD* bld = OSSL_PARAM_BLD_new();
  std::unique_ptr<OSSL_PARAM_BLD, void (*)(OSSL_PARAM_BLD*)> bldOwner(bld, OSSL_PARAM_BLD_free);
  ossl::Ptr<BIGNUM> n, e;
  Bytes point;
  if (type == CKK_RSA) {
    KYSO_ASSIGN_OR_RETURN(auto mod, getAttribute(s, o, CKA_MODULUS));
    KYSO_ASSIGN_OR_RETURN(auto exp, getAttribute(s, o, CKA_PUBLIC_EXPONENT));
    n.reset(BN_bin2bn(mod.data(), static_cast<int>(mod.size()), nullptr));
    e.reset(BN_bin2bn(exp.data(), static_cast<int>(exp.size()), nullptr));
    OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_N, n.get());
    OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_E, e.get());
    ctx.reset(EVP_PKEY_CTX_new_from_name(nullptr, "RSA", nullptr));
  } else if (type == CKK_EC) {
    KYSO_ASSIGN_OR_RETURN(auto params, getAttribute(s, o, CKA_EC_PARAMS));
    KYSO_ASSIGN_OR_RETURN(auto pt, getAttribute(s, o, CKA_EC_POINT));
    int nid = curveNid(params);
    if (nid == NID_undef)
      return Error::kyso(Errc::MechanismUnsupported, "CKA_EC_PARAMS", "unknown curve")
          .because(Detail::Technical);
    // CKA_EC_POINT is a DER OCTET STRING around the point (some modules give the raw point).
    const unsigned char* p = pt.data();
    ossl::Ptr<ASN1_OCTET_STRING> os(
        d2i_ASN1_OCTET_STRING(nullptr, &p, static_cast<long>(pt.size())));
    if (os && p == pt.data() + pt.size())
      point.assign(os->data, os->data + os->length);
    else
      point = pt;
    OSSL_PARAM_BLD_push_utf8_string(bld, OSSL_PKEY_PARAM_GROUP_NAME, OBJ_nid2sn(nid), 0);
    OSSL_PARAM_BLD_push_octet_string(bld, OSSL_PKEY_PARAM_PUB_KEY, point.data(), point.size());
    ctx.reset(EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr));
  } else {
    return Error::kyso(Errc::MechanismUnsupported, "publicKeyFor")
        .because(Detail::KeyTypeUnsupported);
  }
  std::unique_ptr<OSSL_PARAM, void (*)(OSSL_PARAM*)> params(OSSL_PARAM_BLD_to_param(bld),
                                                            OSSL_PARAM_free);
  EVP_PKEY* pk = nullptr;
  if (!ctx || EVP_PKEY_fromdata_init(ctx.get()) <= 0 ||
      EVP_PKEY_fromdata(ctx.get(), &pk, EVP_PKEY_PUBLIC_KEY, params.get()) <= 0)
    return Error::openssl("EVP_PKEY_fromdata: token public key");
  return ossl::Ptr<EVP_PKEY>(pk);
}

}  // namespace

std::string KeyView::typeName() const {
  if (type == CKK_RSA) return "RSA-" + std::to_string(bits);
  if (type == CKK_EC) return "EC " + curve;
  return "other";
}

Result<Bytes> getAttribute(const Session& s, CK_OBJECT_HANDLE o, CK_ATTRIBUTE_TYPE t) {
  CK_ATTRIBUTE a{t, nullptr, 0};
  CK_RV rv = KYSO_CK(s.fl(), C_GetAttributeValue, s.get(), o, &a, 1);
  if (rv != CKR_OK) return ck::toError(rv, "C_GetAttributeValue");
  if (a.ulValueLen == CK_UNAVAILABLE_INFORMATION)
    return ck::toError(CKR_ATTRIBUTE_TYPE_INVALID, "C_GetAttributeValue");
  Bytes v(a.ulValueLen);
  a.pValue = v.data();
  rv = KYSO_CK(s.fl(), C_GetAttributeValue, s.get(), o, &a, 1);
  if (rv != CKR_OK) return ck::toError(rv, "C_GetAttributeValue");
  v.resize(a.ulValueLen);
  return v;
}

std::map<CK_ATTRIBUTE_TYPE, Bytes> getAttributes(const Session& s, CK_OBJECT_HANDLE o,
                                                 const std::vector<CK_ATTRIBUTE_TYPE>& types) {
  std::map<CK_ATTRIBUTE_TYPE, Bytes> out;
  auto oneByOne = [&] {
    out.clear();
    for (CK_ATTRIBUTE_TYPE t : types)
      if (auto v = getAttribute(s, o, t); v.ok()) out[t] = std::move(v).value();
    return out;
  };
  std::vector<CK_ATTRIBUTE> tmpl;
  for (CK_ATTRIBUTE_TYPE t : types) tmpl.push_back({t, nullptr, 0});
  CK_RV rv = KYSO_CK(s.fl(), C_GetAttributeValue, s.get(), o, tmpl.data(), tmpl.size());
  // PKCS#11 2.40 5.7: with an invalid or sensitive attribute in the template the call fails with
  // that code and still fills in every other length.
  if (rv != CKR_OK && rv != CKR_ATTRIBUTE_TYPE_INVALID && rv != CKR_ATTRIBUTE_SENSITIVE)
    return oneByOne();
  std::vector<Bytes> values;
  std::vector<CK_ATTRIBUTE> present;
  for (const auto& a : tmpl)
    if (a.ulValueLen != CK_UNAVAILABLE_INFORMATION) {
      values.emplace_back(a.ulValueLen);
      present.push_back({a.type, nullptr, a.ulValueLen});
    }
  if (present.empty()) return out;
  for (std::size_t i = 0; i < present.size(); ++i)
    present[i].pValue = values[i].empty() ? nullptr : values[i].data();
  rv = KYSO_CK(s.fl(), C_GetAttributeValue, s.get(), o, present.data(), present.size());
  if (rv != CKR_OK) return oneByOne();
  for (std::size_t i = 0; i < present.size(); ++i) {
    values[i].resize(present[i].ulValueLen == CK_UNAVAILABLE_INFORMATION ? 0
                                                                         : present[i].ulValueLen);
    out[present[i].type] = std::move(values[i]);
  }
  return out;
}

Result<std::vector<CK_OBJECT_HANDLE>> findObjects(const Session& s,
                                                  std::vector<CK_ATTRIBUTE> tmpl) {
  CK_RV rv = KYSO_CK(s.fl(), C_FindObjectsInit, s.get(), tmpl.data(), tmpl.size());
  if (rv != CKR_OK) return ck::toError(rv, "C_FindObjectsInit");
  std::vector<CK_OBJECT_HANDLE> out;
  CK_OBJECT_HANDLE buf[32];
  for (;;) {
    CK_ULONG n = 0;
    rv = KYSO_CK(s.fl(), C_FindObjects, s.get(), buf, 32, &n);
    if (rv != CKR_OK) break;
    out.insert(out.end(), buf, buf + n);
    if (n == 0) break;
  }
  CK_RV rvf = KYSO_CK(s.fl(), C_FindObjectsFinal, s.get());
  if (rv != CKR_OK) return ck::toError(rv, "C_FindObjects");
  if (rvf != CKR_OK) return ck::toError(rvf, "C_FindObjectsFinal");
  return out;
}

Result<std::vector<KeyView>> listPrivateKeys(const Session& s) {
  CK_OBJECT_CLASS cls = CKO_PRIVATE_KEY;
  KYSO_ASSIGN_OR_RETURN(auto handles, findObjects(s, {{CKA_CLASS, &cls, sizeof cls}}));
  std::vector<KeyView> out;
  for (auto h : handles) {
    KeyView k;
    k.handle = h;
    auto attrs = getAttributes(s, h,
                               {CKA_KEY_TYPE, CKA_ID, CKA_LABEL, CKA_SIGN, CKA_ALWAYS_AUTHENTICATE,
                                CKA_MODULUS, CKA_EC_PARAMS});
    auto has = [&](CK_ATTRIBUTE_TYPE t) { return attrs.count(t) != 0; };
    if (has(CKA_KEY_TYPE) && attrs[CKA_KEY_TYPE].size() == sizeof(CK_KEY_TYPE))
      std::memcpy(&k.type, attrs[CKA_KEY_TYPE].data(), sizeof(CK_KEY_TYPE));
    if (has(CKA_ID)) k.id = attrs[CKA_ID];
    if (has(CKA_LABEL)) k.label.assign(attrs[CKA_LABEL].begin(), attrs[CKA_LABEL].end());
    auto flag = [&](CK_ATTRIBUTE_TYPE t) {
      return has(t) && !attrs[t].empty() && attrs[t][0] != 0;
    };
    k.canSign = flag(CKA_SIGN);
    k.alwaysAuthenticate = flag(CKA_ALWAYS_AUTHENTICATE);
    if (k.type == CKK_RSA) {
      if (has(CKA_MODULUS)) {
        const Bytes& mod = attrs[CKA_MODULUS];
        std::size_t i = 0;
        while (i < mod.size() && mod[i] == 0) ++i;
        k.bits = static_cast<int>((mod.size() - i) * 8);
      }
    } else if (k.type == CKK_EC) {
      int nid = has(CKA_EC_PARAMS) ? curveNid(attrs[CKA_EC_PARAMS]) : NID_undef;
      k.curve = curveName(nid);
      k.bits = nid == NID_X9_62_prime256v1 ? 256
               : nid == NID_secp384r1      ? 384
               : nid == NID_secp521r1      ? 521
                                           : 0;
    }
    out.push_back(std::move(k));
  }
  return out;
}

Result<std::vector<CertView>> listCertificates(const Session& s) {
  CK_OBJECT_CLASS cls = CKO_CERTIFICATE;
  CK_CERTIFICATE_TYPE ct = CKC_X_509;
  KYSO_ASSIGN_OR_RETURN(auto handles, findObjects(s, {{CKA_CLASS, &cls, sizeof cls},
                                                      {CKA_CERTIFICATE_TYPE, &ct, sizeof ct}}));
  std::vector<CertView> out;
  for (auto h : handles) {
    CertView c;
    c.handle = h;
    auto attrs = getAttributes(s, h, {CKA_ID, CKA_LABEL, CKA_VALUE});
    if (attrs.count(CKA_ID)) c.id = attrs[CKA_ID];
    if (attrs.count(CKA_LABEL)) c.label.assign(attrs[CKA_LABEL].begin(), attrs[CKA_LABEL].end());
    if (attrs.count(CKA_VALUE)) {
      const Bytes& der = attrs[CKA_VALUE];
      const unsigned char* p = der.data();
      c.cert.reset(d2i_X509(nullptr, &p, static_cast<long>(der.size())));
    }
    out.push_back(std::move(c));
  }
  return out;
}

Result<std::vector<KeyPairView>> listKeyPairs(const Session& s) {
  KYSO_ASSIGN_OR_RETURN(auto keys, listPrivateKeys(s));
  KYSO_ASSIGN_OR_RETURN(auto certs, listCertificates(s));
  return pairByCkaId(std::move(keys), std::move(certs));
}

std::vector<KeyPairView> pairByCkaId(std::vector<KeyView> keys, std::vector<CertView> certs) {
  std::map<Bytes, KeyPairView> byId;
  std::vector<KeyPairView> noId;
  for (auto& k : keys) {
    if (k.id.empty()) {
      KeyPairView p;
      p.key = std::move(k);
      noId.push_back(std::move(p));
      continue;
    }
    auto& p = byId[k.id];
    p.id = k.id;
    if (!p.key)
      p.key = std::move(k);
    else
      noId.push_back(KeyPairView{k.id, std::move(k), std::nullopt});  // duplicate id
  }
  for (auto& c : certs) {
    if (c.id.empty()) {
      noId.push_back(KeyPairView{{}, std::nullopt, std::move(c)});
      continue;
    }
    auto& p = byId[c.id];
    p.id = c.id;
    if (!p.cert)
      p.cert = std::move(c);
    else
      noId.push_back(KeyPairView{c.id, std::nullopt, std::move(c)});
  }
  std::vector<KeyPairView> out;
  for (auto& [id, p] : byId) out.push_back(std::move(p));
  for (auto& p : noId) out.push_back(std::move(p));
  return out;
}

Result<ossl::Ptr<EVP_PKEY>> publicKeyFor(const Session& s, const KeyView& k) {
  if (!k.id.empty()) {
    CK_OBJECT_CLASS cls = CKO_PUBLIC_KEY;
    Bytes id = k.id;
    auto pubs = findObjects(s, {{CKA_CLASS, &cls, sizeof cls}, {CKA_ID, id.data(), id.size()}});
    if (pubs.ok() && !pubs->empty()) {
      auto pk = keyFromAttributes(s, pubs->front(), k.type);
      if (pk.ok()) return pk;
    }
    auto certs = listCertificates(s);
    if (certs.ok())
      for (auto& c : *certs)
        if (c.id == k.id && c.cert) {
          EVP_PKEY* pk = X509_get0_pubkey(c.cert.get());
          if (pk && EVP_PKEY_up_ref(pk)) return ossl::Ptr<EVP_PKEY>(pk);
        }
  }
  return keyFromAttributes(s, k.handle, k.type);
}

std::string hexId(const Bytes& id) {
  std::string s;
  char b[3];
  for (auto c : id) {
    std::snprintf(b, sizeof b, "%02x", c);
    s += b;
  }
  return s;
}

std::optional<Bytes> parseHexId(std::string_view hex) {
  if (hex.empty() || hex.size() % 2) return std::nullopt;
  Bytes out;
  for (std::size_t i = 0; i < hex.size(); i += 2) {
    auto nib = [](char c) -> int {
      if (c >= '0' && c <= '9') return c - '0';
      if (c >= 'a' && c <= 'f') return c - 'a' + 10;
      if (c >= 'A' && c <= 'F') return c - 'A' + 10;
      return -1;
    };
    int hi = nib(hex[i]), lo = nib(hex[i + 1]);
    if (hi < 0 || lo < 0) return std::nullopt;
    out.push_back(static_cast<std::uint8_t>(hi * 16 + lo));
  }
  return out;
}

Json certificateJson(X509* cert) {
  Json j = Json::object();
  if (!cert) {
    j.set("error", "unreadable certificate");
    return j;
  }
  j.set("subject", nameText(X509_get_subject_name(cert)));
  j.set("issuer", nameText(X509_get_issuer_name(cert)));
  ossl::Ptr<BIGNUM> bn(ASN1_INTEGER_to_BN(X509_get0_serialNumber(cert), nullptr));
  ossl::Mem<char> hex(bn ? BN_bn2hex(bn.get()) : nullptr);
  j.set("serial", hex ? std::string(hex.get()) : std::string());
  j.set("not_before", timeText(X509_get0_notBefore(cert)));
  j.set("not_after", timeText(X509_get0_notAfter(cert)));
  Json ku = Json::array();
  uint32_t usage = X509_get_key_usage(cert);
  if (usage != UINT32_MAX) {
    if (usage & KU_DIGITAL_SIGNATURE) ku.push("digitalSignature");
    if (usage & KU_NON_REPUDIATION) ku.push("nonRepudiation");
    if (usage & KU_KEY_ENCIPHERMENT) ku.push("keyEncipherment");
    if (usage & KU_KEY_CERT_SIGN) ku.push("keyCertSign");
    if (usage & KU_CRL_SIGN) ku.push("cRLSign");
  }
  j.set("key_usage", std::move(ku));
  return j;
}

Json KeyPairView::toJson() const {
  Json j = Json::object();
  j.set("id", hexId(id));
  if (key) {
    Json k = Json::object();
    k.set("label", key->label);
    k.set("type", key->typeName());
    k.set("bits", key->bits);
    k.set("can_sign", key->canSign);
    k.set("always_authenticate", key->alwaysAuthenticate);
    j.set("key", std::move(k));
  } else {
    j.set("key", nullptr);
  }
  if (cert) {
    Json c = certificateJson(cert->cert.get());
    c.set("label", cert->label);
    j.set("certificate", std::move(c));
  } else {
    j.set("certificate", nullptr);
  }
  return j;
}

}  // namespace kyso::p11
