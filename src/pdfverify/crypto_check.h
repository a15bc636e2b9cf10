// The seam between the PDF verifier and the CMS layer (src/cms, kyso_cms): the verifier finds and
// checks the PDF structure, reads /Contents from the file bytes and offers the covered bytes as a
// streaming digest; a CmsChecker judges what is inside /Contents (signature value, message digest,
// eContent rules per SubFilter, signer, chain, revocation with the document's /DSS first, the
// signature timestamp, the LTV level). The verifier never verifies CMS itself.
#pragma once

#include <openssl/evp.h>

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "src/pdfverify/model.h"

namespace kyso::pdfverify {

/// The validation material of one /DSS /VRI entry (DER): the material for one signature.
struct VriMaterial {
  std::vector<std::string> certs;  // /Cert
  std::vector<std::string> crls;   // /CRL
  std::vector<std::string> ocsps;  // /OCSP
};

/// Validation material found in the document's /DSS (DER), for revocation and chain building.
struct DssMaterial {
  std::vector<std::string> certs;
  std::vector<std::string> crls;
  std::vector<std::string> ocsps;
  bool present = false;  // the document has a /DSS
  /// /VRI entries by key: the uppercase hex SHA-1 of a signature's /Contents.
  std::map<std::string, VriMaterial> vri;
};

/// The /VRI key of a signature whose /Contents holds `contents` (uppercase hex SHA-1).
std::string vriKey(std::string_view contents);

/// What a CmsChecker gets for one signature.
struct CmsInput {
  std::string subfilter;            // adbe.pkcs7.detached, ETSI.CAdES.detached, adbe.pkcs7.sha1,
                                    // ETSI.RFC3161
  const std::string* contents_der;  // /Contents, zero padding removed; borrowed
  /// Digest of the covered bytes with `md`, streamed from the file (blocks on reading it).
  std::function<Result<std::vector<unsigned char>>(const EVP_MD* md)> digest_covered;
  /// Passes the covered bytes, in order, to a sink (streamed from the file; blocks on reading).
  std::function<Status(const std::function<void(const unsigned char*, std::size_t)>&)> feed_covered;
  const DssMaterial* dss;  // borrowed; never null
  /// This signature's /VRI entry (borrowed; null when the /DSS has none for it): its revocation
  /// material is tried before the DSS-wide arrays.
  const VriMaterial* vri = nullptr;
  bool has_later_revisions = false;  // the signed revision is not the last one
};

/// Judges /Contents. Implementations may block on the network (revocation) unless offline.
class CmsChecker {
 public:
  virtual ~CmsChecker() = default;
  /// Fills everything in CryptoFacts it can; never throws.
  virtual CryptoFacts checkSlowly(const CmsInput& in) = 0;
};

}  // namespace kyso::pdfverify
