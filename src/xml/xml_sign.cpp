#include "src/xml/xml_sign.h"

#include <libxml/xpath.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/x509.h>
#include <xmlsec/crypto.h>
#include <xmlsec/keys.h>
#include <xmlsec/openssl/evp.h>
#include <xmlsec/templates.h>
#include <xmlsec/xmldsig.h>

#include <chrono>
#include <ctime>
#include <mutex>

#include "core/openssl_ptr.h"
#include "src/xml/xml_algorithms.h"
#include "src/xml/xml_doc.h"
#include "src/xml/xml_inspect.h"

namespace kyso::xml {
namespace {

const xmlChar* X(const char* s) {
  return reinterpret_cast<const xmlChar*>(s);
}

Error signingFailed(const char* op, std::string why) {
  return Error::kyso(Errc::XmlSigningFailed, op, std::move(why)).because(Detail::Technical);
}

struct Methods {
  xmlSecTransformId digest, signature;
  const EVP_MD* md;
};

Result<Methods> methodsFor(const EVP_PKEY* key, const std::string& digest) {
  const bool ec = EVP_PKEY_base_id(key) == EVP_PKEY_EC;
  if (!ec && EVP_PKEY_base_id(key) != EVP_PKEY_RSA)
    return Error::kyso(Errc::MechanismUnsupported, "xmlSign").because(Detail::KeyTypeUnsupported);
  if (digest == "sha256")
    return Methods{xmlSecTransformSha256Id,
                   ec ? xmlSecTransformEcdsaSha256Id : xmlSecTransformRsaSha256Id, EVP_sha256()};
  if (digest == "sha384")
    return Methods{xmlSecTransformSha384Id,
                   ec ? xmlSecTransformEcdsaSha384Id : xmlSecTransformRsaSha384Id, EVP_sha384()};
  if (digest == "sha512")
    return Methods{xmlSecTransformSha512Id,
                   ec ? xmlSecTransformEcdsaSha512Id : xmlSecTransformRsaSha512Id, EVP_sha512()};
  return Error::kyso(Errc::UsageError, "xmlSign", "digest " + digest + ": sha256, sha384, sha512");
}

// A software key of the same kind as `like` (the same curve for EC), made once per process: it
// only lets xmlsec1 finish; its signature is replaced and never written.
Result<ossl::Ptr<EVP_PKEY>> standInKey(const EVP_PKEY* like) {
  static std::mutex mu;
  static std::map<std::string, ossl::Ptr<EVP_PKEY>> cache;
  std::string kind = "RSA";
  if (EVP_PKEY_base_id(like) == EVP_PKEY_EC) {
    char group[80] = {0};
    std::size_t len = 0;
    if (!EVP_PKEY_get_utf8_string_param(like, OSSL_PKEY_PARAM_GROUP_NAME, group, sizeof group,
                                        &len))
      return signingFailed("stand-in key", "the EC key's curve is unknown");
    kind = group;
  }
  std::lock_guard lock(mu);
  auto& slot = cache[kind];
  if (!slot) {
    slot.reset(kind == "RSA" ? EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", std::size_t{1024})
                             : EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", kind.c_str()));
    if (!slot) return Error::openssl("EVP_PKEY_Q_keygen");
  }
  EVP_PKEY_up_ref(slot.get());
  return ossl::Ptr<EVP_PKEY>(slot.get());
}

xmlSecKeyPtr xmlsecKey(ossl::Ptr<EVP_PKEY> pkey) {
  xmlSecKeyDataPtr data = xmlSecOpenSSLEvpKeyAdopt(pkey.get());
  if (!data) return nullptr;
  pkey.release();  // adopted
  xmlSecKeyPtr key = xmlSecKeyCreate();
  if (!key || xmlSecKeySetValue(key, data) < 0) {
    xmlSecKeyDataDestroy(data);
    if (key) xmlSecKeyDestroy(key);
    return nullptr;
  }
  return key;
}

// The SigningTime text: local time with its offset ("2026-12-05T22:40:00+07:00").
std::string localTimeNow() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  localtime_r(&t, &tm);
  char buf[40];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S%z", &tm);
  std::string s = buf;  // +0700 -> +07:00
  if (s.size() >= 5) s.insert(s.size() - 2, ":");
  return s;
}

xmlNode* firstElementNamed(xmlNode* from, const std::string& name) {
  xmlNode* found = nullptr;
  walkElements(from, [&](xmlNode* n) {
    if (!found && localName(n) == name) found = n;
  });
  return found;
}

xmlNode* childNamed(xmlNode* parent, const char* name) {
  for (xmlNode* c : elementChildren(parent))
    if (localName(c) == name) return c;
  return nullptr;
}

// A child element in its parent's namespace.
xmlNode* addChildLike(xmlNode* parent, const char* name) {
  return xmlNewChild(parent, parent->ns, X(name), nullptr);
}

Result<xmlNode*> byXPath(xmlDoc* doc, const std::string& expr) {
  std::unique_ptr<xmlXPathContext, void (*)(xmlXPathContextPtr)> ctx(xmlXPathNewContext(doc),
                                                                     xmlXPathFreeContext);
  if (!ctx) return signingFailed("xmlXPathNewContext", "");
  std::unique_ptr<xmlXPathObject, void (*)(xmlXPathObjectPtr)> r(
      xmlXPathEvalExpression(X(expr.c_str()), ctx.get()), xmlXPathFreeObject);
  if (!r)
    return Error::kyso(Errc::UsageError, "--xml-signature-parent", expr)
        .because(Detail::NotAnXPath);
  if (r->type != XPATH_NODESET || !r->nodesetval || r->nodesetval->nodeNr != 1 ||
      r->nodesetval->nodeTab[0]->type != XML_ELEMENT_NODE)
    return Error::kyso(Errc::XmlPlaceNotFound, "--xml-signature-parent", expr)
        .because(Detail::NotOneElement);
  return r->nodesetval->nodeTab[0];
}

struct Placement {
  XmlProfile profile;
  xmlNode* parent = nullptr;  // where the Signature goes
  std::string signId;         // "" = the whole document
  std::string signatureId;
  bool properties = false;  // EInvoice: a SigningTime object, referenced
};

Result<Placement> place(xmlDoc* doc, const XmlSignSpec& spec, const IdIndex& ids) {
  Placement p;
  p.profile = spec.profile == XmlProfile::Auto ? detectProfile(doc) : spec.profile;
  xmlNode* root = xmlDocGetRootElement(doc);
  switch (p.profile) {
    case XmlProfile::Bhyt:
      p.parent = firstElementNamed(root, "CHUKYDONVI");
      if (!p.parent) return Error::kyso(Errc::XmlPlaceNotFound, "bhyt", "no CHUKYDONVI element");
      break;
    case XmlProfile::EInvoice: {
      xmlNode* data = childNamed(root, "DLHDon");
      if (!data)
        return Error::kyso(Errc::XmlPlaceNotFound, "einvoice").because(Detail::NoInvoiceElement);
      p.signId = attribute(data, "Id");
      if (p.signId.empty()) p.signId = attribute(data, "ID");
      if (p.signId.empty())
        return Error::kyso(Errc::XmlPlaceNotFound, "einvoice").because(Detail::InvoiceWithoutId);
      xmlNode* list = childNamed(root, "DSCKS");
      if (!list) list = addChildLike(root, "DSCKS");
      p.parent = childNamed(list, "NBan");
      if (!p.parent) p.parent = addChildLike(list, "NBan");
      p.signatureId = spec.signatureId.empty() ? "seller" : spec.signatureId;
      p.properties = true;
      break;
    }
    case XmlProfile::Auto:
    case XmlProfile::Generic:
      p.profile = XmlProfile::Generic;
      p.signId = spec.signId;
      p.signatureId = spec.signatureId;
      if (spec.signatureParent.empty()) {
        p.parent = root;
      } else if (spec.signatureParent[0] == '/') {
        KYSO_ASSIGN_OR_RETURN(p.parent, byXPath(doc, spec.signatureParent));
      } else {
        p.parent = firstElementNamed(root, spec.signatureParent);
        if (!p.parent)
          return Error::kyso(Errc::XmlPlaceNotFound, "--xml-signature-parent", spec.signatureParent)
              .because(Detail::NoSuchElement);
      }
      break;
  }
  if (!p.signId.empty()) {
    auto it = ids.find(p.signId);
    if (it == ids.end())
      return Error::kyso(Errc::XmlPlaceNotFound, "--xml-sign-id", p.signId)
          .because(Detail::NoElementWithId);
    if (it->second.size() > 1) return Error::kyso(Errc::XmlIdNotUnique, "xmlSign", p.signId);
  }
  for (const std::string& id : {p.signatureId, p.signatureId + "-SigningTime"})
    if (!p.signatureId.empty() && ids.count(id))
      return Error::kyso(Errc::XmlIdNotUnique, "xmlSign", id).because(Detail::IdInDocument);
  return p;
}

// A signature already in the document whose references cover `parent` would fail once the new
// signature is added there.
Status checkExistingSignatures(xmlDoc* doc, const xmlNode* parent) {
  for (xmlNode* sig : signatureElements(doc)) {
    xmlNode* si = dsigChild(sig, "SignedInfo");
    for (xmlNode* ref = si ? si->children : nullptr; ref; ref = ref->next) {
      if (!isDsig(ref, "Reference")) continue;
      xmlNode* covered = coveredElement(doc, attribute(ref, "URI"));
      if (covered && isWithin(parent, covered) && !isWithin(parent, sig))
        return Error::kyso(Errc::XmlSignatureWouldBreak, "xmlSign", elementPath(sig));
    }
  }
  return Status();
}

Result<xmlNode*> buildTemplate(xmlDoc* doc, const Placement& p, const XmlSignSpec& spec,
                               const Methods& m) {
  xmlNode* sig =
      xmlSecTmplSignatureCreateNsPref(doc, xmlSecTransformInclC14NId, m.signature,
                                      p.signatureId.empty() ? nullptr : X(p.signatureId.c_str()),
                                      spec.dsPrefix ? X("ds") : nullptr);
  if (!sig) return signingFailed("xmlSecTmplSignatureCreate", takeLibraryErrors());
  xmlAddChild(p.parent, sig);
  const std::string uri = p.signId.empty() ? "" : "#" + p.signId;
  xmlNode* ref = xmlSecTmplSignatureAddReference(sig, m.digest, nullptr, X(uri.c_str()), nullptr);
  if (!ref || !xmlSecTmplReferenceAddTransform(ref, xmlSecTransformEnvelopedId))
    return signingFailed("xmlSecTmplSignatureAddReference", takeLibraryErrors());
  if (!xmlSecTmplSignatureEnsureKeyInfo(sig, nullptr))
    return signingFailed("xmlSecTmplSignatureEnsureKeyInfo", takeLibraryErrors());
  if (p.properties) {
    const std::string objectId = p.signatureId + "-SigningTime";
    xmlNode* obj = xmlSecTmplSignatureAddObject(sig, X(objectId.c_str()), nullptr, nullptr);
    if (!obj) return signingFailed("xmlSecTmplSignatureAddObject", takeLibraryErrors());
    xmlNode* props = addChildLike(obj, "SignatureProperties");
    xmlNode* prop = addChildLike(props, "SignatureProperty");
    xmlNewProp(prop, X("Target"), X(("#" + p.signatureId).c_str()));
    const std::string when = spec.signingTime.empty() ? localTimeNow() : spec.signingTime;
    xmlNewTextChild(prop, prop->ns, X("SigningTime"), X(when.c_str()));
    xmlNode* pref = xmlSecTmplSignatureAddReference(sig, m.digest, nullptr,
                                                    X(("#" + objectId).c_str()), nullptr);
    if (!pref) return signingFailed("xmlSecTmplSignatureAddReference", takeLibraryErrors());
  }
  return sig;
}

std::string base64(const std::string& bytes) {
  std::string out(4 * ((bytes.size() + 2) / 3) + 1, '\0');
  int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                          reinterpret_cast<const unsigned char*>(bytes.data()),
                          static_cast<int>(bytes.size()));
  out.resize(static_cast<std::size_t>(n));
  return out;
}

// XML-DSig's ECDSA value is r || s, each as wide as the curve's order (RFC 4050 / 6931).
Result<std::string> ecdsaPlain(const std::string& der, const EVP_PKEY* pub) {
  const unsigned char* p = reinterpret_cast<const unsigned char*>(der.data());
  ossl::Ptr<ECDSA_SIG> sig(d2i_ECDSA_SIG(nullptr, &p, static_cast<long>(der.size())));
  if (!sig) return Error::openssl("d2i_ECDSA_SIG");
  const int width = (EVP_PKEY_get_bits(pub) + 7) / 8;
  std::string out(static_cast<std::size_t>(2 * width), '\0');
  auto* o = reinterpret_cast<unsigned char*>(out.data());
  if (BN_bn2binpad(ECDSA_SIG_get0_r(sig.get()), o, width) != width ||
      BN_bn2binpad(ECDSA_SIG_get0_s(sig.get()), o + width, width) != width)
    return signingFailed("BN_bn2binpad", "ECDSA value wider than the curve");
  return out;
}

// The signer's key signs the canonical SignedInfo; the value is checked against the certificate.
Result<std::string> signSignedInfo(const std::string& canonical, const SigningIdentity& id,
                                   const EVP_MD* md) {
  ERR_clear_error();
  ossl::Ptr<EVP_MD_CTX> ctx(EVP_MD_CTX_new());
  std::size_t len = 0;
  if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, md, nullptr, id.key.get()) != 1 ||
      EVP_DigestSign(ctx.get(), nullptr, &len,
                     reinterpret_cast<const unsigned char*>(canonical.data()),
                     canonical.size()) != 1)
    return Error::openssl("EVP_DigestSign: signing the XML SignedInfo");
  std::string sig(len, '\0');
  if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(sig.data()), &len,
                     reinterpret_cast<const unsigned char*>(canonical.data()),
                     canonical.size()) != 1)
    return Error::openssl("EVP_DigestSign: signing the XML SignedInfo");
  sig.resize(len);
  EVP_PKEY* pub = X509_get0_pubkey(id.cert.get());
  ossl::Ptr<EVP_MD_CTX> vctx(EVP_MD_CTX_new());
  if (!pub || !vctx || EVP_DigestVerifyInit(vctx.get(), nullptr, md, nullptr, pub) != 1 ||
      EVP_DigestVerify(vctx.get(), reinterpret_cast<const unsigned char*>(sig.data()), sig.size(),
                       reinterpret_cast<const unsigned char*>(canonical.data()),
                       canonical.size()) != 1) {
    ERR_clear_error();
    return Error::kyso(Errc::XmlSigningFailed, "xmlSign").because(Detail::KeyDoesNotMatchCert);
  }
  if (EVP_PKEY_base_id(pub) == EVP_PKEY_EC) return ecdsaPlain(sig, pub);
  return sig;
}

void addKeyInfo(xmlNode* sig, X509* cert) {
  xmlNode* keyInfo = dsigChild(sig, "KeyInfo");
  xmlNode* data = xmlNewChild(keyInfo, keyInfo->ns, X("X509Data"), nullptr);
  ossl::Ptr<BIO> bio(BIO_new(BIO_s_mem()));
  X509_NAME_print_ex(bio.get(), X509_get_subject_name(cert), 0,
                     XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB);
  char* text = nullptr;
  long n = BIO_get_mem_data(bio.get(), &text);
  xmlNewTextChild(
      data, keyInfo->ns, X("X509SubjectName"),
      X(std::string(text ? text : "", static_cast<std::size_t>(n > 0 ? n : 0)).c_str()));
  unsigned char* der = nullptr;
  int len = i2d_X509(cert, &der);
  std::string b64 =
      len > 0 ? base64(std::string(reinterpret_cast<char*>(der), static_cast<std::size_t>(len)))
              : "";
  OPENSSL_free(der);
  xmlNewTextChild(data, keyInfo->ns, X("X509Certificate"), X(b64.c_str()));
}

struct DsigCtxFree {
  void operator()(xmlSecDSigCtx* c) const { xmlSecDSigCtxDestroy(c); }
};

}  // namespace

Result<XmlSigned> signDocument(const XmlSource& document, const XmlSignSpec& spec,
                               const SigningIdentity& identity, const XmlSink& out) {
  KYSO_TRY(initLibraries());
  if (!identity.key || !identity.cert)
    return Error::kyso(Errc::KeyNotFound, "xmlSign", "no key or certificate")
        .because(Detail::Technical);
  KYSO_ASSIGN_OR_RETURN(Methods methods, methodsFor(identity.key.get(), spec.digest));
  KYSO_ASSIGN_OR_RETURN(ParsedXml parsed, parseUntrusted(document));
  XmlDocPtr& doc = parsed.doc;
  IdIndex ids = indexIds(doc.get());
  KYSO_ASSIGN_OR_RETURN(Placement placement, place(doc.get(), spec, ids));
  KYSO_TRY(checkExistingSignatures(doc.get(), placement.parent));
  KYSO_ASSIGN_OR_RETURN(xmlNode * sig, buildTemplate(doc.get(), placement, spec, methods));
  indexIds(doc.get());  // the new Object's Id

  KYSO_ASSIGN_OR_RETURN(auto standIn, standInKey(identity.key.get()));
  std::unique_ptr<xmlSecDSigCtx, DsigCtxFree> ctx(xmlSecDSigCtxCreate(nullptr));
  if (!ctx || restrictContext(ctx.get()) < 0) return signingFailed("xmlSecDSigCtxCreate", "");
  ctx->flags |= XMLSEC_DSIG_FLAGS_STORE_SIGNATURE;
  ctx->signKey = xmlsecKey(std::move(standIn));
  if (!ctx->signKey) return signingFailed("xmlSecOpenSSLEvpKeyAdopt", takeLibraryErrors());
  if (xmlSecDSigCtxSign(ctx.get(), sig) < 0)
    return signingFailed("xmlSecDSigCtxSign", takeLibraryErrors());
  xmlSecBufferPtr pre = xmlSecDSigCtxGetPreSignBuffer(ctx.get());
  if (!pre || xmlSecBufferGetSize(pre) == 0)
    return signingFailed("xmlSecDSigCtxGetPreSignBuffer", "no canonical SignedInfo");
  const std::string canonical(reinterpret_cast<const char*>(xmlSecBufferGetData(pre)),
                              xmlSecBufferGetSize(pre));
  KYSO_ASSIGN_OR_RETURN(std::string value, signSignedInfo(canonical, identity, methods.md));
  xmlNode* valueNode = dsigChild(sig, "SignatureValue");
  if (!valueNode) return signingFailed("SignatureValue", "missing after signing");
  xmlNodeSetContent(valueNode, X(base64(value).c_str()));
  addKeyInfo(sig, identity.cert.get());

  XmlSigned where;
  where.profile = placement.profile;
  where.placedIn = elementPath(placement.parent);
  where.covers = placement.signId;
  if (spec.wantSignatureElement) where.signatureElement = serializeElement(doc.get(), sig);
  KYSO_TRY(serialize(doc.get(), parsed.bom, parsed.declaration, out));
  return where;
}

}  // namespace kyso::xml
