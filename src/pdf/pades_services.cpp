#include "src/pdf/pades_services.h"

#include <openssl/err.h>

#include <algorithm>
#include <set>

#include "certs/cert_info.h"
#include "certs/chain.h"
#include "certs/revocation.h"
#include "certs/timestamp.h"
#include "src/cms/signer.h"

namespace kyso::pdf {
namespace {

struct CmsSigner {
  ossl::Ptr<X509> cert;
  ossl::X509Stack certs;
};

// Parses a CMS SignedData; returns each signer certificate with the certificates it carries, and
// recursively those of timestamp tokens in unsigned attributes.
Status collectSigners(std::span<const unsigned char> der, std::vector<CmsSigner>& out,
                      int depth = 0) {
  if (depth > 2) return okStatus();
  const unsigned char* p = der.data();
  ossl::Ptr<CMS_ContentInfo> cms(d2i_CMS_ContentInfo(nullptr, &p, static_cast<long>(der.size())));
  if (!cms) return Error::openssl("d2i_CMS_ContentInfo", {}, Errc::CmsMalformed);
  ossl::X509Stack certs(CMS_get1_certs(cms.get()));
  if (!certs) certs.reset(sk_X509_new_null());
  CMS_set1_signers_certs(cms.get(), certs.get(), 0);
  ERR_clear_error();
  STACK_OF(CMS_SignerInfo)* sis = CMS_get0_SignerInfos(cms.get());
  for (int i = 0; i < sk_CMS_SignerInfo_num(sis); ++i) {
    CMS_SignerInfo* si = sk_CMS_SignerInfo_value(sis, i);
    X509* signer = nullptr;
    CMS_SignerInfo_get0_algs(si, nullptr, &signer, nullptr, nullptr);
    if (!signer) return Error::kyso(Errc::CmsNoSigner, "CMS_SignerInfo_get0_algs");
    CmsSigner s;
    X509_up_ref(signer);
    s.cert.reset(signer);
    s.certs.reset(X509_chain_up_ref(certs.get()));
    out.push_back(std::move(s));
    // Signature timestamps (id-aa-signatureTimeStampToken).
    int idx = -1;
    while ((idx = CMS_unsigned_get_attr_by_NID(si, NID_id_smime_aa_timeStampToken, idx)) >= 0) {
      X509_ATTRIBUTE* attr = CMS_unsigned_get_attr(si, idx);
      for (int k = 0; k < X509_ATTRIBUTE_count(attr); ++k) {
        ASN1_TYPE* t = X509_ATTRIBUTE_get0_type(attr, k);
        if (!t || t->type != V_ASN1_SEQUENCE) continue;
        const ASN1_STRING* s2 = t->value.sequence;
        KYSO_TRY(collectSigners(
            std::span<const unsigned char>(ASN1_STRING_get0_data(s2),
                                           static_cast<std::size_t>(ASN1_STRING_length(s2))),
            out, depth + 1));
      }
    }
  }
  return okStatus();
}

}  // namespace

CmsContentsMaker::CmsContentsMaker(const SigningIdentity& id, std::optional<std::string> tsaUrl,
                                   certs::HttpOptions http)
    : m_id(id), m_tsa(std::move(tsaUrl)), m_http(std::move(http)) {}

std::size_t CmsContentsMaker::estimatedSize() {
  if (m_lastSize) return m_lastSize + 256;
  std::size_t n = 1024 + static_cast<std::size_t>(EVP_PKEY_get_size(m_id.key.get()));
  n += certs::toDer(m_id.cert.get()).size();
  for (int i = 0; m_id.chain && i < sk_X509_num(m_id.chain.get()); ++i)
    n += certs::toDer(sk_X509_value(m_id.chain.get(), i)).size();
  if (m_tsa) n += 7000;  // a token with the TSA's certificate
  return n;
}

Result<std::vector<unsigned char>> CmsContentsMaker::make(std::span<const unsigned char> digest) {
  if (!m_template) {
    cms::SignOptions opt;
    opt.signingTime = false;  // PAdES: the time goes in /M
    opt.tsaUrl = m_tsa;
    opt.http = m_http;
    KYSO_ASSIGN_OR_RETURN(auto t, cms::SignedDataTemplate::make(m_id, opt));
    m_template.emplace(std::move(t));
  }
  KYSO_ASSIGN_OR_RETURN(auto der, cms::signDigestSlowly(*m_template, m_id, digest));
  m_lastSize = der.size();
  return std::vector<unsigned char>(der.begin(), der.end());
}

Result<std::vector<unsigned char>> TsaContentsMaker::make(std::span<const unsigned char> digest) {
  KYSO_ASSIGN_OR_RETURN(std::string tok,
                        certs::requestTimestampSlowly(m_url, NID_sha256, digest, m_http));
  m_lastSize = tok.size();
  return std::vector<unsigned char>(tok.begin(), tok.end());
}

namespace {
certs::ChainOptions chainOptions(const certs::HttpOptions& http,
                                 const std::filesystem::path& cacheDir) {
  certs::ChainOptions o;
  o.http = http;
  if (!cacheDir.empty()) o.cacheDir = cacheDir / "issuers";
  return o;
}
}  // namespace

NetworkLtvSource::NetworkLtvSource(const certs::TrustStore& store, certs::HttpOptions http,
                                   std::filesystem::path cacheDir)
    : m_store(store),
      m_http(std::move(http)),
      m_cacheDir(std::move(cacheDir)),
      m_builder(store, chainOptions(m_http, m_cacheDir)) {}

Result<VriEntry> NetworkLtvSource::materialForSlowly(std::span<const unsigned char> contentsDer) {
  std::vector<CmsSigner> signers;
  KYSO_TRY(collectSigners(contentsDer, signers));
  if (signers.empty()) return Error::kyso(Errc::CmsNoSigner, "materialForSlowly");
  VriEntry e;
  std::set<std::string> seen;
  auto addCert = [&](const std::string& der) {
    if (seen.insert(der).second) e.certs.push_back(der);
  };
  std::lock_guard lock(m_mu);
  certs::RevocationOptions ropt;
  ropt.http = m_http;
  if (!m_cacheDir.empty()) {
    ropt.crlCacheDir = m_cacheDir / "crls";
    ropt.ocspCacheDir = m_cacheDir / "ocsp";
  }
  certs::RevocationChecker checker(m_store, ropt);
  // The batch's earlier answers first: used when still valid, fetched again otherwise.
  for (const auto& o : m_ocsps) (void)checker.addOcspResponse(o);
  for (const auto& c : m_crls) (void)checker.addCrl(c);
  const auto now = std::chrono::system_clock::now();
  for (auto& s : signers) {
    KYSO_ASSIGN_OR_RETURN(
        certs::ChainResult chain,
        m_builder.buildSlowly(s.cert.get(), s.certs.get(), now, certs::Purpose::Any));
    std::vector<X509*> ptrs;
    for (auto& c : chain.certs) ptrs.push_back(c.get());
    if (ptrs.empty()) ptrs.push_back(s.cert.get());
    for (X509* c : ptrs) addCert(certs::toDer(c));
    // A self-signed signer is its own anchor: nothing above it to ask about.
    const bool selfSigned = X509_check_issued(s.cert.get(), s.cert.get()) == X509_V_OK;
    if (ptrs.size() < 2 && !selfSigned)
      return Error::kyso(Errc::ChainIncomplete, "materialForSlowly", chain.detail);
    for (const auto& r : checker.checkChainSlowly(ptrs, now)) {
      if (r.status == certs::RevocationStatus::Revoked)
        return Error::kyso(Errc::CertificateRevoked, "materialForSlowly", r.subject);
      if (r.status != certs::RevocationStatus::Good)
        return Error::kyso(r.errc == Errc::Ok ? Errc::RevocationUnknown : r.errc,
                           "materialForSlowly", r.subject + ": " + r.detail);
    }
  }
  const auto& m = checker.material();
  auto keep = [](std::vector<std::string>& into, const std::vector<std::string>& from) {
    for (const auto& x : from)
      if (std::find(into.begin(), into.end(), x) == into.end()) into.push_back(x);
  };
  keep(m_ocsps, m.ocspResponses);
  keep(m_crls, m.crls);
  // Every answer of the batch: one signer's chain, so each file's /DSS holds what proves it.
  e.ocsps = m_ocsps;
  e.crls = m_crls;
  for (const auto& c : m.certs) addCert(c);
  return e;
}

}  // namespace kyso::pdf
