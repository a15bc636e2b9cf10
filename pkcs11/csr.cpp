#include "pkcs11/csr.h"

#include <openssl/pem.h>

#include "pkcs11/evp_bridge.h"

namespace kyso::p11 {

Result<SubjectParts> parseSubject(std::string_view s) {
  SubjectParts out;
  if (s.empty() || s.front() != '/')
    return Error::kyso(Errc::UsageError, "parseSubject").because(Detail::SubjectSyntax);
  std::string cur;
  std::vector<std::string> items;
  for (std::size_t i = 1; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size()) {
      cur += s[++i];
    } else if (s[i] == '/') {
      items.push_back(std::move(cur));
      cur.clear();
    } else {
      cur += s[i];
    }
  }
  items.push_back(std::move(cur));
  for (auto& it : items) {
    auto eq = it.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == it.size())
      return Error::kyso(Errc::UsageError, "parseSubject", it);
    out.emplace_back(it.substr(0, eq), it.substr(eq + 1));
  }
  return out;
}

Result<ossl::Ptr<X509_REQ>> makeCsr(EVP_PKEY* key, const SubjectParts& subject, HashAlg hash) {
  ossl::Ptr<X509_REQ> req(X509_REQ_new());
  ossl::Ptr<X509_NAME> name(X509_NAME_new());
  if (!req || !name) return Error::openssl("X509_REQ_new");
  for (const auto& [field, value] : subject) {
    int nid = OBJ_txt2nid(field.c_str());
    if (nid == NID_undef)
      return Error::kyso(Errc::UsageError, "makeCsr", field).because(Detail::UnknownSubjectField);
    // UTF8String for everything but the PrintableString-only fields.
    int type = (nid == NID_countryName || nid == NID_serialNumber) ? V_ASN1_PRINTABLESTRING
                                                                   : V_ASN1_UTF8STRING;
    if (!X509_NAME_add_entry_by_NID(name.get(), nid, type,
                                    reinterpret_cast<const unsigned char*>(value.data()),
                                    static_cast<int>(value.size()), -1, 0))
      return Error::openssl("X509_NAME_add_entry_by_NID", field);
  }
  if (!X509_REQ_set_version(req.get(), X509_REQ_VERSION_1) ||
      !X509_REQ_set_subject_name(req.get(), name.get()) || !X509_REQ_set_pubkey(req.get(), key))
    return Error::openssl("X509_REQ_set_pubkey");
  const EVP_MD* md = hash == HashAlg::Sha256   ? EVP_sha256()
                     : hash == HashAlg::Sha384 ? EVP_sha384()
                                               : EVP_sha512();
  if (X509_REQ_sign(req.get(), key, md) <= 0) return Error::openssl("X509_REQ_sign");
  return req;
}

Result<std::string> csrPem(X509_REQ* req) {
  ossl::Ptr<BIO> b(BIO_new(BIO_s_mem()));
  if (!PEM_write_bio_X509_REQ(b.get(), req)) return Error::openssl("PEM_write_bio_X509_REQ");
  char* d = nullptr;
  long n = BIO_get_mem_data(b.get(), &d);
  return std::string(d, static_cast<std::size_t>(n));
}

}  // namespace kyso::p11
