#include "src/cms/signer.h"

#include <fcntl.h>
#include <openssl/err.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>
#include <unistd.h>

#include <cerrno>
#include <ctime>

#include "certs/timestamp.h"
#include "core/openssl_ptr.h"
#include "src/cms/signed_data_template.h"

namespace kyso::cms {

int digestNid(DigestAlg d) {
  switch (d) {
    case DigestAlg::Sha256:
      return NID_sha256;
    case DigestAlg::Sha384:
      return NID_sha384;
    case DigestAlg::Sha512:
      return NID_sha512;
    case DigestAlg::Shake256:
      return NID_shake256;
  }
  return NID_sha256;
}

std::size_t digestSize(DigestAlg d) {
  return d == DigestAlg::Sha256 ? 32 : d == DigestAlg::Sha384 ? 48 : 64;  // SHAKE256: 512 bits
}

namespace {
constexpr const char* kOp = "cms::sign";
}  // namespace

Result<std::vector<std::uint8_t>> signDigestSlowly(const SigningIdentity& id,
                                                   std::span<const std::uint8_t> digest,
                                                   const SignOptions& opt) {
  KYSO_ASSIGN_OR_RETURN(auto t, SignedDataTemplate::make(id, opt));
  return signDigestSlowly(t, id, digest);
}

Result<std::vector<std::uint8_t>> signDigestSlowly(const SignedDataTemplate& t,
                                                   const SigningIdentity& id,
                                                   std::span<const std::uint8_t> digest) {
  KYSO_ASSIGN_OR_RETURN(SignatureParts p, signPartsSlowly(t, id, digest));
  return t.contentInfo(p.signedAttrs, p.signature, p.timestampToken);
}

Result<SignatureParts> signPartsSlowly(const SignedDataTemplate& t, const SigningIdentity& id,
                                       std::span<const std::uint8_t> digest) {
  const SignOptions& opt = t.options();
  if (!id.key) return Error::kyso(Errc::KeyNotFound, kOp, "no key");
  if (digest.size() != digestSize(opt.digest))
    return Error::kyso(Errc::UsageError, kOp, "digest length does not match the algorithm");
  const std::time_t now = opt.signingTimeOverride
                              ? static_cast<std::time_t>(*opt.signingTimeOverride)
                              : std::time(nullptr);
  // RFC 5652 5.4: the signature covers the DER of the signed attributes with an explicit SET tag.
  const std::string tbs = t.signedAttributes(digest, now);
  ossl::Ptr<EVP_MD_CTX> mctx(EVP_MD_CTX_new());
  EVP_PKEY_CTX* pctx = nullptr;  // owned by mctx
  if (!mctx || EVP_DigestSignInit(mctx.get(), &pctx, t.eddsa() ? nullptr : t.digest(), nullptr,
                                  id.key.get()) != 1)
    return Error::openssl("EVP_DigestSignInit", id.description);
  if (opt.rsaPss && (EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING) <= 0 ||
                     EVP_PKEY_CTX_set_rsa_mgf1_md(pctx, t.digest()) <= 0 ||
                     EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, RSA_PSS_SALTLEN_DIGEST) <= 0))
    return Error::openssl("EVP_PKEY_CTX_set_rsa_padding", "RSASSA-PSS");
  size_t sigLen = 0;
  const auto* tbsp = reinterpret_cast<const unsigned char*>(tbs.data());
  if (EVP_DigestSign(mctx.get(), nullptr, &sigLen, tbsp, tbs.size()) != 1)
    return Error::openssl("EVP_DigestSign", id.description);
  std::vector<unsigned char> sig(sigLen);
  if (EVP_DigestSign(mctx.get(), sig.data(), &sigLen, tbsp, tbs.size()) != 1)
    return Error::openssl("EVP_DigestSign", id.description);
  sig.resize(sigLen);

  std::string token;
  if (opt.tsaUrl) {
    unsigned char h[32];
    unsigned int hl = 0;
    EVP_Digest(sig.data(), sig.size(), h, &hl, EVP_sha256(), nullptr);
    KYSO_ASSIGN_OR_RETURN(
        token, certs::requestTimestampSlowly(*opt.tsaUrl, NID_sha256,
                                             std::span<const unsigned char>(h, hl), opt.http));
  }
  return SignatureParts{tbs, std::move(sig), std::move(token)};
}

Result<std::vector<std::uint8_t>> signStreamSlowly(const SigningIdentity& id, std::istream& in,
                                                   const SignOptions& optIn) {
  SignOptions opt = optIn;
  if (id.key && EVP_PKEY_is_a(id.key.get(), "ED25519")) opt.digest = DigestAlg::Sha512;
  if (id.key && EVP_PKEY_is_a(id.key.get(), "ED448")) opt.digest = DigestAlg::Shake256;
  ossl::Ptr<EVP_MD_CTX> ctx(EVP_MD_CTX_new());
  if (!ctx ||
      EVP_DigestInit_ex(ctx.get(), EVP_get_digestbynid(digestNid(opt.digest)), nullptr) != 1)
    return Error::openssl("EVP_DigestInit_ex");
  std::vector<char> buf(1 << 16);
  while (in) {
    in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
    std::streamsize got = in.gcount();
    if (got > 0) EVP_DigestUpdate(ctx.get(), buf.data(), static_cast<size_t>(got));
  }
  if (in.bad()) return Error::kyso(Errc::FileUnreadable, "read");
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (opt.digest == DigestAlg::Shake256) {
    len = 64;
    EVP_DigestFinalXOF(ctx.get(), md, len);
  } else {
    EVP_DigestFinal_ex(ctx.get(), md, &len);
  }
  return signDigestSlowly(id, std::span<const std::uint8_t>(md, len), opt);
}

Result<std::vector<std::uint8_t>> digestFile(const std::string& path, int mdNid) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Error::posix(errno, "open", path);
  struct FdCloser {
    int fd;
    ~FdCloser() { ::close(fd); }
  } closer{fd};
  ::posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
  ossl::Ptr<EVP_MD_CTX> ctx(EVP_MD_CTX_new());
  const EVP_MD* md = EVP_get_digestbynid(mdNid);
  if (!ctx || !md || EVP_DigestInit_ex(ctx.get(), md, nullptr) != 1)
    return Error::openssl("EVP_DigestInit_ex");
  // One buffer per thread, reused: a fresh zeroed megabyte per small file costs more than hashing
  // it.
  thread_local std::vector<unsigned char> buf(1 << 20);
  for (;;) {
    ssize_t n = ::read(fd, buf.data(), buf.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return Error::posix(errno, "read", path);
    }
    if (n == 0) break;
    EVP_DigestUpdate(ctx.get(), buf.data(), static_cast<size_t>(n));
  }
  std::vector<std::uint8_t> out(EVP_MAX_MD_SIZE);
  unsigned int len = 0;
  if (mdNid == NID_shake256) {
    len = 64;  // RFC 8419: SHAKE256 with 512-bit output
    EVP_DigestFinalXOF(ctx.get(), out.data(), len);
  } else {
    EVP_DigestFinal_ex(ctx.get(), out.data(), &len);
  }
  out.resize(len);
  return out;
}

}  // namespace kyso::cms
