// The PAdES signer's links to the CMS and trust layers: a ContentsMaker that makes the CMS
// SignedData with kyso::cms (PAdES attributes: no signingTime, signingCertificateV2; B-T adds the
// signature timestamp), a ContentsMaker that asks an RFC 3161 TSA for a document timestamp, and an
// LtvSource that gathers the chain, OCSP responses and CRLs for every signer in a /Contents
// (including the TSA of a timestamp inside it). All of them block on the token or the network.
#pragma once

#include <chrono>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "certs/chain.h"
#include "certs/http.h"
#include "certs/trust_store.h"
#include "core/signing_identity.h"
#include "src/cms/signed_data_template.h"
#include "src/pdf/pades.h"

namespace kyso::pdf {

/// CMS signatures for PDF signature dictionaries, by a SigningIdentity (borrowed; may be a token).
/// One maker signs any number of PDFs one after another (a batch lane has its own): the CMS parts
/// that do not change are encoded at the first signature (cms::SignedDataTemplate).
class CmsContentsMaker : public ContentsMaker {
 public:
  /// `tsaUrl` set: B-T (signature timestamp). `pkcs7` true: adbe.pkcs7.detached (same CMS).
  CmsContentsMaker(const SigningIdentity& id, std::optional<std::string> tsaUrl,
                   certs::HttpOptions http);
  std::size_t estimatedSize() override;
  Result<std::vector<unsigned char>> make(std::span<const unsigned char> digest) override;

 private:
  const SigningIdentity& m_id;
  std::optional<std::string> m_tsa;
  certs::HttpOptions m_http;
  std::size_t m_lastSize = 0;  // the previous signature's size: the best estimate for the next
  std::optional<cms::SignedDataTemplate> m_template;  // made by the first make()
};

/// Document timestamps (ETSI.RFC3161): the TimeStampToken from a TSA for the digest.
class TsaContentsMaker : public ContentsMaker {
 public:
  TsaContentsMaker(std::string url, certs::HttpOptions http)
      : m_url(std::move(url)), m_http(std::move(http)) {}
  std::size_t estimatedSize() override { return m_lastSize ? m_lastSize + 512 : 8192; }
  Result<std::vector<unsigned char>> make(std::span<const unsigned char> digest) override;

 private:
  std::string m_url;
  certs::HttpOptions m_http;
  std::size_t m_lastSize = 0;
};

/// Validation material from the network (OCSP by AIA, CRLs by distribution point) and the
/// certificates in the CMS. Every certificate of each chain except the anchor must get an
/// answer: a revoked one is CertificateRevoked, no answer is RevocationUnknown.
/// One source serves a whole batch: the answers fetched for one file are kept and used for the
/// next while they are valid (an OCSP response until its nextUpdate, a CRL until its nextUpdate),
/// so a batch of 40 files by one signer asks each responder once per certificate, not 40 times
/// (issue 22). With `cacheDir`, what is fetched is kept for later runs too (issuers/, crls/ and
/// ocsp/ under it, each used until its nextUpdate), the folders a verification uses.
/// Thread-safe: files are served one at a time.
class NetworkLtvSource : public LtvSource {
 public:
  NetworkLtvSource(const certs::TrustStore& store, certs::HttpOptions http,
                   std::filesystem::path cacheDir = {});
  Result<VriEntry> materialForSlowly(std::span<const unsigned char> contentsDer) override;

 private:
  const certs::TrustStore& m_store;
  certs::HttpOptions m_http;
  std::filesystem::path m_cacheDir;
  std::mutex m_mu;
  certs::ChainBuilder m_builder;             // keeps the issuers fetched by AIA for the batch
  std::vector<std::string> m_ocsps, m_crls;  // DER, every answer fetched in this batch
};

}  // namespace kyso::pdf
