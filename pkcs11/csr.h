// PKCS#10 certificate requests signed by a token key (through the EVP_PKEY bridge). Subject
// attributes are UTF-8 and encoded as UTF8String (countryName stays PrintableString, as X.520
// requires), so Vietnamese names ("Nguyễn Thị Lấp Lánh", "Sở Y tế") survive intact.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/openssl_ptr.h"
#include "pkcs11/token_session.h"

namespace kyso::p11 {

/// Subject as (short name, UTF-8 value) pairs in order: {{"C","VN"},{"O","Sở Y tế"},{"CN",...}}.
using SubjectParts = std::vector<std::pair<std::string, std::string>>;

/// Parses "/C=VN/O=Sở Y tế/CN=Nguyễn Văn A" (a '/'-separated list; "\/" escapes a slash).
Result<SubjectParts> parseSubject(std::string_view s);

/// Makes and signs (with `key`, token-backed or not) a CSR for `subject`. Blocks while signing.
Result<ossl::Ptr<X509_REQ>> makeCsr(EVP_PKEY* key, const SubjectParts& subject, HashAlg hash);

/// PEM text of a request.
Result<std::string> csrPem(X509_REQ* req);

}  // namespace kyso::p11
