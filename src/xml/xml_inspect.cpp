#include "src/xml/xml_inspect.h"

#include <openssl/evp.h>
#include <openssl/x509.h>
#include <xmlsec/crypto.h>
#include <xmlsec/keys.h>
#include <xmlsec/openssl/evp.h>
#include <xmlsec/xmldsig.h>

#include <algorithm>

#include "core/openssl_ptr.h"
#include "src/xml/xml_algorithms.h"
#include "src/xml/xml_doc.h"

namespace kyso::xml {
namespace {

using Scope = XmlReferenceFacts::Scope;
using Role = XmlAlgorithm::Role;

void problem(XmlSignatureFacts& f, XmlFinding code, std::string arg = {}) {
  f.problems.push_back({code, std::move(arg)});
}

std::string algorithmOf(const xmlNode* n) {
  return n ? attribute(n, "Algorithm") : std::string();
}

// The algorithm `n` names if it has `role`; else a problem and null.
const XmlAlgorithm* allowed(const xmlNode* n, Role role, XmlSignatureFacts& f, XmlFinding refused) {
  const std::string uri = algorithmOf(n);
  const XmlAlgorithm* a = findAlgorithm(uri);
  if (!a || a->role != role) {
    problem(f, refused, refusedAlgorithmName(uri));
    return nullptr;
  }
  if (a->weak) f.notes.push_back({XmlFinding::WeakAlgorithm, a->name});
  return a;
}

bool isPropertiesElement(const xmlNode* n) {
  const std::string name = localName(n);
  return name == "SignatureProperties" || name == "SignatureProperty" ||
         name == "QualifyingProperties" || name == "SignedProperties";
}

// A reference's target inside its own signature covers the signature's properties when it is
// one of the property elements, or a ds:Object holding only such elements.
bool isOwnProperties(const xmlNode* target) {
  if (isPropertiesElement(target)) return true;
  if (!isDsig(target, "Object")) return false;
  auto children = elementChildren(target);
  return !children.empty() && std::all_of(children.begin(), children.end(), isPropertiesElement);
}

const xmlNode* enclosingSignature(const xmlNode* n, const std::vector<xmlNode*>& signatures) {
  for (auto* s : signatures)
    if (isWithin(n, s)) return s;
  return nullptr;
}

void resolveReference(xmlNode* sig, xmlNode* ref, const IdIndex& ids,
                      const std::vector<xmlNode*>& signatures, XmlSignatureFacts& f) {
  XmlReferenceFacts r;
  if (!xmlHasProp(ref, reinterpret_cast<const xmlChar*>("URI"))) {
    problem(f, XmlFinding::ReferenceWithoutUri);
    f.references.push_back(r);
    return;
  }
  r.uri = attribute(ref, "URI");
  if (r.uri.empty()) {
    r.scope = Scope::WholeDocument;
  } else if (r.uri.rfind("#xpointer(", 0) == 0) {
    problem(f, XmlFinding::XPointerReference, r.uri);
  } else if (r.uri[0] != '#') {
    problem(f, XmlFinding::ExternalReference, r.uri);
  } else {
    auto it = ids.find(r.uri.substr(1));
    if (it == ids.end()) {
      problem(f, XmlFinding::ReferenceNotFound, r.uri.substr(1));
    } else if (it->second.size() > 1) {
      problem(f, XmlFinding::DuplicateId, r.uri.substr(1));
    } else {
      const xmlNode* target = it->second.front();
      r.path = elementPath(target);
      if (isWithin(target, sig)) {
        r.scope = isOwnProperties(target) ? Scope::OwnSignatureProperties : Scope::InsideSignature;
        if (r.scope == Scope::InsideSignature)
          problem(f, XmlFinding::ReferenceInsideSignature, r.path);
      } else {
        r.scope = enclosingSignature(target, signatures) ? Scope::InsideSignature
                                                         : Scope::DocumentElement;
      }
    }
  }
  if (xmlNode* transforms = dsigChild(ref, "Transforms"))
    for (xmlNode* t = transforms->children; t; t = t->next) {
      if (t->type != XML_ELEMENT_NODE) continue;
      const XmlAlgorithm* a = findAlgorithm(algorithmOf(t));
      if (!isDsig(t, "Transform") || !a || (a->role != Role::C14N && a->role != Role::Enveloped))
        problem(f, XmlFinding::TransformRefused, refusedAlgorithmName(algorithmOf(t)));
    }
  if (const XmlAlgorithm* d =
          allowed(dsigChild(ref, "DigestMethod"), Role::Digest, f, XmlFinding::AlgorithmRefused))
    r.digestMethod = d->name;
  f.references.push_back(r);
}

// The claim file and the invoice data must be covered by a signature placed where their layout
// puts it (CHUKYDONVI; HDon/DSCKS): that is what the gateway and invoice software read.
void checkProfileCoverage(xmlDoc* doc, xmlNode* sig, XmlProfile profile, XmlSignatureFacts& f) {
  bool whole = std::any_of(f.references.begin(), f.references.end(),
                           [](const auto& r) { return r.scope == Scope::WholeDocument; });
  auto placedUnder = [&](const char* name) {
    for (xmlNode* p = sig->parent; p && p->type == XML_ELEMENT_NODE; p = p->parent)
      if (localName(p) == name) return true;
    return false;
  };
  if (profile == XmlProfile::Bhyt && placedUnder("CHUKYDONVI") && !whole)
    problem(f, XmlFinding::ProfileDataNotCovered, "/" + localName(xmlDocGetRootElement(doc)));
  if (profile == XmlProfile::EInvoice && placedUnder("DSCKS") && !whole) {
    xmlNode* data = nullptr;
    for (xmlNode* c : elementChildren(xmlDocGetRootElement(doc)))
      if (localName(c) == "DLHDon") {
        data = c;
        break;
      }
    const std::string want = data ? elementPath(data) : "/HDon/DLHDon";
    bool covered = data && std::any_of(f.references.begin(), f.references.end(), [&](auto& r) {
                     return r.scope == Scope::DocumentElement && r.path == want;
                   });
    if (!covered) problem(f, XmlFinding::ProfileDataNotCovered, want);
  }
}

std::string decodeBase64(const std::string& text) {
  std::string in;
  for (char c : text)
    if (c != ' ' && c != '\n' && c != '\r' && c != '\t') in += c;
  std::string out(in.size(), '\0');
  std::unique_ptr<EVP_ENCODE_CTX, void (*)(EVP_ENCODE_CTX*)> ctx(EVP_ENCODE_CTX_new(),
                                                                 EVP_ENCODE_CTX_free);
  if (!ctx) return {};
  EVP_DecodeInit(ctx.get());
  int n = 0, total = 0;
  if (EVP_DecodeUpdate(ctx.get(), reinterpret_cast<unsigned char*>(out.data()), &n,
                       reinterpret_cast<const unsigned char*>(in.data()),
                       static_cast<int>(in.size())) < 0)
    return {};
  total = n;
  if (EVP_DecodeFinal(ctx.get(), reinterpret_cast<unsigned char*>(out.data()) + total, &n) < 0)
    return {};
  out.resize(static_cast<std::size_t>(total + n));
  return out;
}

std::vector<ossl::Ptr<X509>> readCertificates(xmlNode* sig, XmlSignatureFacts& f) {
  std::vector<ossl::Ptr<X509>> certs;
  xmlNode* keyInfo = dsigChild(sig, "KeyInfo");
  for (xmlNode* data = keyInfo ? keyInfo->children : nullptr; data; data = data->next) {
    if (!isDsig(data, "X509Data")) continue;
    for (xmlNode* c = data->children; c; c = c->next) {
      if (!isDsig(c, "X509Certificate")) continue;
      std::string der = decodeBase64(trimmedText(c));
      const unsigned char* p = reinterpret_cast<const unsigned char*>(der.data());
      ossl::Ptr<X509> x(der.empty() ? nullptr
                                    : d2i_X509(nullptr, &p, static_cast<long>(der.size())));
      if (!x || p != reinterpret_cast<const unsigned char*>(der.data()) + der.size()) {
        problem(f, XmlFinding::CertificateUnreadable);
        continue;
      }
      f.certificates.push_back(std::move(der));
      certs.push_back(std::move(x));
    }
  }
  if (certs.empty() && f.problems.empty()) problem(f, XmlFinding::NoCertificate);
  return certs;
}

// Leaf first: a certificate that issued none of the others.
std::vector<std::size_t> candidateOrder(const std::vector<ossl::Ptr<X509>>& certs) {
  std::vector<std::size_t> leaves, rest;
  for (std::size_t i = 0; i < certs.size(); ++i) {
    bool issuer = false;
    for (std::size_t j = 0; j < certs.size(); ++j)
      if (i != j && X509_check_issued(certs[i].get(), certs[j].get()) == X509_V_OK) issuer = true;
    (issuer ? rest : leaves).push_back(i);
  }
  leaves.insert(leaves.end(), rest.begin(), rest.end());
  return leaves;
}

xmlSecKeyPtr publicKeyOf(X509* cert) {
  EVP_PKEY* pub = X509_get_pubkey(cert);  // a new reference, adopted below
  if (!pub) return nullptr;
  xmlSecKeyDataPtr data = xmlSecOpenSSLEvpKeyAdopt(pub);
  if (!data) {
    EVP_PKEY_free(pub);
    return nullptr;
  }
  xmlSecKeyPtr key = xmlSecKeyCreate();
  if (!key || xmlSecKeySetValue(key, data) < 0) {
    xmlSecKeyDataDestroy(data);
    if (key) xmlSecKeyDestroy(key);
    return nullptr;
  }
  return key;
}

struct DsigCtxFree {
  void operator()(xmlSecDSigCtx* c) const { xmlSecDSigCtxDestroy(c); }
};

// True when a signature other than `sig` lies inside what a reference of `sig` covers.
bool laterSignatureInside(xmlDoc* doc, xmlNode* sig, const XmlReferenceFacts& r,
                          const std::vector<xmlNode*>& signatures) {
  xmlNode* covered = coveredElement(doc, r.uri);
  for (xmlNode* other : signatures)
    if (other != sig && covered && isWithin(other, covered) && !isWithin(sig, other)) return true;
  return false;
}

void checkCryptography(xmlDoc* doc, xmlNode* sig, const std::vector<ossl::Ptr<X509>>& certs,
                       const std::vector<xmlNode*>& signatures, XmlSignatureFacts& f) {
  std::string errors;
  for (std::size_t i : candidateOrder(certs)) {
    std::unique_ptr<xmlSecDSigCtx, DsigCtxFree> ctx(xmlSecDSigCtxCreate(nullptr));
    if (!ctx || restrictContext(ctx.get()) < 0) {
      problem(f, XmlFinding::SignatureMalformed, "xmlSecDSigCtxCreate");
      return;
    }
    ctx->signKey = publicKeyOf(certs[i].get());
    if (!ctx->signKey) continue;
    takeLibraryErrors();
    const int rc = xmlSecDSigCtxVerify(ctx.get(), sig);
    if (rc < 0) {
      errors = takeLibraryErrors();
      continue;  // this certificate's key does not fit the method (RSA against ECDSA): the next
    }
    bool digestsOk = true;
    const xmlSecSize n = xmlSecPtrListGetSize(&ctx->signedInfoReferences);
    for (xmlSecSize k = 0; k < n && k < f.references.size(); ++k) {
      auto* rc2 = static_cast<xmlSecDSigReferenceCtxPtr>(
          xmlSecPtrListGetItem(&ctx->signedInfoReferences, k));
      auto& ref = f.references[k];
      ref.digestChecked = true;
      ref.digestOk = rc2 && rc2->status == xmlSecDSigStatusSucceeded;
      if (!ref.digestOk) {
        digestsOk = false;
        problem(f, XmlFinding::DigestMismatch, ref.uri);
        if (laterSignatureInside(doc, sig, ref, signatures))
          f.notes.push_back({XmlFinding::ChangedByLaterSignature, ref.uri});
      }
    }
    if (!digestsOk) {
      f.signerCertificate = static_cast<int>(i);
      return;  // the digests do not depend on the key
    }
    f.valueChecked = true;
    if (ctx->status == xmlSecDSigStatusSucceeded) {
      f.valueOk = true;
      f.signerCertificate = static_cast<int>(i);
      return;
    }
  }
  if (f.valueChecked) {
    f.signerCertificate = static_cast<int>(candidateOrder(certs).front());
    problem(f, XmlFinding::SignatureValueInvalid);
  } else {
    problem(f, XmlFinding::SignatureMalformed, errors.empty() ? "xmlSecDSigCtxVerify" : errors);
  }
}

XmlSignatureFacts inspectSignature(xmlDoc* doc, xmlNode* sig, const IdIndex& ids,
                                   const std::vector<xmlNode*>& signatures, XmlProfile profile) {
  XmlSignatureFacts f;
  f.path = elementPath(sig);
  f.id = attribute(sig, "Id");
  xmlNode* si = dsigChild(sig, "SignedInfo");
  if (!si || elementChildren(sig).front() != si) {  // non-empty: it holds `si`
    problem(f, XmlFinding::NoSignedInfo);
    return f;
  }
  if (auto* a = allowed(dsigChild(si, "CanonicalizationMethod"), Role::C14N, f,
                        XmlFinding::AlgorithmRefused))
    f.c14nMethod = a->name;
  if (auto* a = allowed(dsigChild(si, "SignatureMethod"), Role::Signature, f,
                        XmlFinding::AlgorithmRefused))
    f.signatureMethod = a->name;
  for (xmlNode* ref = si->children; ref; ref = ref->next)
    if (isDsig(ref, "Reference")) resolveReference(sig, ref, ids, signatures, f);
  if (f.references.empty()) problem(f, XmlFinding::NothingOfDocumentCovered);
  f.coversDocument = std::any_of(f.references.begin(), f.references.end(), [](const auto& r) {
    return r.scope == Scope::WholeDocument || r.scope == Scope::DocumentElement;
  });
  if (f.problems.empty() && !f.coversDocument) problem(f, XmlFinding::NothingOfDocumentCovered);
  if (f.problems.empty()) checkProfileCoverage(doc, sig, profile, f);
  walkElements(sig->children, [&](xmlNode* n) {
    if (!f.signingTime && localName(n) == "SigningTime") f.signingTime = trimmedText(n);
  });
  auto certs = readCertificates(sig, f);
  if (!f.problems.empty() || certs.empty()) return f;  // nothing refused is run
  checkCryptography(doc, sig, certs, signatures, f);
  return f;
}

}  // namespace

XmlProfile detectProfile(xmlDoc* doc) {
  xmlNode* root = xmlDocGetRootElement(doc);
  if (localName(root) == "HDon") return XmlProfile::EInvoice;
  bool claim = false;
  walkElements(root, [&](xmlNode* n) { claim = claim || localName(n) == "CHUKYDONVI"; });
  return claim ? XmlProfile::Bhyt : XmlProfile::Generic;
}

std::vector<xmlNode*> signatureElements(xmlDoc* doc) {
  std::vector<xmlNode*> out;
  walkElements(xmlDocGetRootElement(doc), [&](xmlNode* n) {
    if (isDsig(n, "Signature")) out.push_back(n);
  });
  return out;
}

xmlNode* coveredElement(xmlDoc* doc, const std::string& uri) {
  if (uri.empty()) return xmlDocGetRootElement(doc);
  if (uri[0] != '#') return nullptr;
  xmlAttr* a = xmlGetID(doc, reinterpret_cast<const xmlChar*>(uri.c_str() + 1));
  return a ? a->parent : nullptr;
}

XmlInspection inspectDocument(const XmlSource& document) {
  XmlInspection out;
  if (auto st = initLibraries(); !st.ok()) {
    out.error = st.error();
    return out;
  }
  auto doc = parseUntrusted(document);
  if (!doc.ok()) {
    out.error = doc.error();
    return out;
  }
  xmlDoc* d = doc->doc.get();
  out.root = localName(xmlDocGetRootElement(d));
  out.profile = detectProfile(d);
  const IdIndex ids = indexIds(d);
  walkElements(xmlDocGetRootElement(d), [&](xmlNode* n) {
    if (localName(n) != "Signature" || isDsig(n, "Signature")) return;
    bool looksSigned = false;
    for (xmlNode* c : elementChildren(n))
      looksSigned = looksSigned || localName(c) == "SignedInfo" || localName(c) == "SignatureValue";
    if (looksSigned)
      out.problems.push_back(
          {XmlFinding::ForeignSignature,
           n->ns && n->ns->href ? reinterpret_cast<const char*>(n->ns->href) : ""});
  });
  const auto signatures = signatureElements(d);
  for (xmlNode* sig : signatures)
    out.signatures.push_back(inspectSignature(d, sig, ids, signatures, out.profile));
  return out;
}

}  // namespace kyso::xml
