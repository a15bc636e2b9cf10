// Objects on a token: private keys, public keys and certificates, read with C_FindObjects and
// C_GetAttributeValue, and paired by CKA_ID (never by label: labels change with driver versions).
// Device-thread only (device_worker.h). Results are plain values.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/json.h"
#include "core/openssl_ptr.h"
#include "pkcs11/cryptoki_ptr.h"

namespace kyso::p11 {

using Bytes = std::vector<std::uint8_t>;

/// A private key's attributes (never its value: keys stay on the token).
struct KeyView {
  CK_OBJECT_HANDLE handle = 0;
  CK_KEY_TYPE type = CKK_RSA;
  Bytes id;
  std::string label;
  bool canSign = false;
  bool alwaysAuthenticate = false;
  int bits = 0;       // RSA modulus bits, or EC field bits when the curve is known
  std::string curve;  // "P-256", "P-384", ... for EC keys
  std::string typeName() const;
};

/// A certificate object and its parsed X.509 certificate.
struct CertView {
  CK_OBJECT_HANDLE handle = 0;
  Bytes id;
  std::string label;
  ossl::Ptr<X509> cert;
};

/// A key and its certificate with the same CKA_ID; either side may be missing.
struct KeyPairView {
  Bytes id;
  std::optional<KeyView> key;
  std::optional<CertView> cert;
  Json toJson() const;
};

/// Reads one attribute (two-call length query). Missing/sensitive attributes give an error.
Result<Bytes> getAttribute(const Session& s, CK_OBJECT_HANDLE o, CK_ATTRIBUTE_TYPE t);
/// Reads several attributes of one object in two calls (lengths, then values) instead of two per
/// attribute: on a USB token each call is a round trip of milliseconds (issue 22). An attribute
/// the object lacks, or a sensitive one, is absent from the result. A token that answers a
/// batched template with any other error is asked one attribute at a time.
std::map<CK_ATTRIBUTE_TYPE, Bytes> getAttributes(const Session& s, CK_OBJECT_HANDLE o,
                                                 const std::vector<CK_ATTRIBUTE_TYPE>& types);
/// Finds objects matching `tmpl`.
Result<std::vector<CK_OBJECT_HANDLE>> findObjects(const Session& s, std::vector<CK_ATTRIBUTE> tmpl);

Result<std::vector<KeyView>> listPrivateKeys(const Session& s);
Result<std::vector<CertView>> listCertificates(const Session& s);
/// Keys and certificates paired by CKA_ID, sorted by id.
Result<std::vector<KeyPairView>> listKeyPairs(const Session& s);
/// The same pairing of lists already read (each object is searched for once on a slow token).
std::vector<KeyPairView> pairByCkaId(std::vector<KeyView> keys, std::vector<CertView> certs);
/// The public key of a private key (from its certificate, else its public-key object, else the
/// private key's own public attributes), as an OpenSSL key.
Result<ossl::Ptr<EVP_PKEY>> publicKeyFor(const Session& s, const KeyView& k);

std::string hexId(const Bytes& id);
std::optional<Bytes> parseHexId(std::string_view hex);
/// Describes a certificate for people and JSON: subject, issuer, serial, validity, usage.
Json certificateJson(X509* cert);

}  // namespace kyso::p11
