#include "src/jobs/key_file_identity.h"

#include <openssl/pem.h>

#include "certs/cert_info.h"

namespace kyso::jobs {
namespace {

int noPassphrase(char*, int, int, void*) {
  return -1;
}

}  // namespace

Result<SigningIdentity> identityFromKeyFiles(const std::filesystem::path& cert,
                                             const std::filesystem::path& key,
                                             const std::optional<std::filesystem::path>& chain) {
  SigningIdentity id;
  KYSO_ASSIGN_OR_RETURN(auto certs, certs::loadCertificates(cert));
  if (certs.empty())
    return Error::kyso(Errc::CertificateNotFound, "certificate file", cert.string());
  id.cert = std::move(certs.front());
  ossl::Ptr<BIO> kb(BIO_new_file(key.c_str(), "r"));
  if (!kb) return Error::kyso(Errc::FileUnreadable, "key file", key.string());
  id.key.reset(PEM_read_bio_PrivateKey(kb.get(), nullptr, noPassphrase, nullptr));
  if (!id.key) return Error::openssl("PEM_read_bio_PrivateKey", key.string(), Errc::KeyNotFound);
  if (X509_check_private_key(id.cert.get(), id.key.get()) != 1)
    return Error::openssl("X509_check_private_key", key.string(), Errc::KeyNotFound);
  id.chain.reset(sk_X509_new_null());
  if (chain) {
    KYSO_ASSIGN_OR_RETURN(auto more, certs::loadCertificates(*chain));
    for (auto& c : more) sk_X509_push(id.chain.get(), c.release());
  }
  id.description = certs::commonName(X509_get_subject_name(id.cert.get()));
  return id;
}

}  // namespace kyso::jobs
