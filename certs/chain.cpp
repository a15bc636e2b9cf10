#include "certs/chain.h"

#include <openssl/err.h>

#include <system_error>

#include "certs/cache_file.h"
#include "core/atomic_file.h"
#include "core/log.h"

namespace kyso::certs {

const char* chainStatusName(ChainStatus s) {
  switch (s) {
    case ChainStatus::Valid:
      return "valid";
    case ChainStatus::Untrusted:
      return "untrusted";
    case ChainStatus::Incomplete:
      return "incomplete";
    case ChainStatus::Expired:
      return "expired";
    case ChainStatus::NotYetValid:
      return "not-yet-valid";
    case ChainStatus::BadSignature:
      return "bad-signature";
    case ChainStatus::UsageNotAllowed:
      return "usage-not-allowed";
    case ChainStatus::Invalid:
      return "invalid";
  }
  return "invalid";
}

namespace {

bool selfIssued(X509* c) {
  return X509_check_issued(c, c) == X509_V_OK;
}

std::vector<std::string> caIssuerUrls(X509* cert) {
  std::vector<std::string> urls;
  ossl::Ptr<AUTHORITY_INFO_ACCESS> aia(static_cast<AUTHORITY_INFO_ACCESS*>(
      X509_get_ext_d2i(cert, NID_info_access, nullptr, nullptr)));
  if (!aia) return urls;
  for (int i = 0; i < sk_ACCESS_DESCRIPTION_num(aia.get()); ++i) {
    ACCESS_DESCRIPTION* ad = sk_ACCESS_DESCRIPTION_value(aia.get(), i);
    if (OBJ_obj2nid(ad->method) != NID_ad_ca_issuers || ad->location->type != GEN_URI) continue;
    const ASN1_IA5STRING* u = ad->location->d.uniformResourceIdentifier;
    urls.emplace_back(reinterpret_cast<const char*>(ASN1_STRING_get0_data(u)),
                      static_cast<size_t>(ASN1_STRING_length(u)));
  }
  return urls;
}

std::string urlKey(const std::string& url) {
  unsigned char md[32];
  unsigned int n = 0;
  EVP_Digest(url.data(), url.size(), md, &n, EVP_sha256(), nullptr);
  return hex(std::string_view(reinterpret_cast<char*>(md), n)).substr(0, 32);
}

bool usageAllowed(X509* c, Purpose p, std::string& why) {
  uint32_t ku = X509_get_key_usage(c);
  uint32_t xku = X509_get_extended_key_usage(c);
  switch (p) {
    case Purpose::Signer:
      if (ku != UINT32_MAX && !(ku & (KU_DIGITAL_SIGNATURE | KU_NON_REPUDIATION))) {
        why = "keyUsage has neither digitalSignature nor nonRepudiation";
        return false;
      }
      return true;
    case Purpose::Tsa: {
      int crit = -1;
      ossl::Ptr<EXTENDED_KEY_USAGE> eku(
          static_cast<EXTENDED_KEY_USAGE*>(X509_get_ext_d2i(c, NID_ext_key_usage, &crit, nullptr)));
      if (!eku || !(xku & XKU_TIMESTAMP)) {
        why = "the TSA certificate lacks extendedKeyUsage timeStamping";
        return false;
      }
      if (crit != 1 || sk_ASN1_OBJECT_num(eku.get()) != 1) {
        why = "the TSA certificate's extendedKeyUsage must be critical and hold only timeStamping";
        return false;
      }
      return true;
    }
    case Purpose::Ocsp:
      if (!(xku & XKU_OCSP_SIGN) || xku == UINT32_MAX) {
        why = "the responder certificate lacks extendedKeyUsage OCSPSigning";
        return false;
      }
      return true;
    case Purpose::Any:
      return true;
  }
  return true;
}

}  // namespace

ChainBuilder::ChainBuilder(const TrustStore& store, ChainOptions opt)
    : m_store(store), m_opt(std::move(opt)) {}

X509* ChainBuilder::findIssuer(X509* cert, STACK_OF(X509) * extra) {
  auto match = [&](X509* cand) {
    return cand && cand != cert && X509_check_issued(cand, cert) == X509_V_OK;
  };
  for (X509* a : m_store.anchors())
    if (match(a)) return a;
  if (extra)
    for (int i = 0; i < sk_X509_num(extra); ++i)
      if (match(sk_X509_value(extra, i))) return sk_X509_value(extra, i);
  for (X509* a : m_store.intermediates())
    if (match(a)) return a;
  for (auto& f : m_fetched)
    if (match(f.get())) return f.get();
  return nullptr;
}

Result<std::string> ChainBuilder::issuerBodySlowly(const std::string& url,
                                                   std::vector<std::string>& fetched) {
  std::filesystem::path cached;
  if (!m_opt.cacheDir.empty()) {
    cached = m_opt.cacheDir / (urlKey(url) + ".cer");
    auto r = readSmallFile(cached, 1u << 20);
    if (r.ok() && !r->empty()) return r;
  }
  if (m_opt.http.offline)
    return Error::kyso(Errc::ChainIncomplete, "AIA", url).because(Detail::OfflineNotFetched);
  auto r = httpGetSlowly(url, m_opt.http);
  fetched.push_back(url);
  if (!r.ok()) {
    log::info("AIA fetch failed: " + r.error().technical());
    return r;
  }
  keepInCache(cached, *r);
  return r;
}

X509* ChainBuilder::fetchIssuerSlowly(X509* cert, std::vector<std::string>& fetched) {
  for (const std::string& url : caIssuerUrls(cert)) {
    auto body =
        m_opt.shared
            ? m_opt.shared->getSlowly("aia " + url, [&] { return issuerBodySlowly(url, fetched); })
                  .body
            : issuerBodySlowly(url, fetched);
    if (!body.ok()) continue;
    const std::string data = std::move(*body);
    auto certs = parseCertificates(data);
    if (!certs.ok()) continue;
    X509* found = nullptr;
    for (auto& c : *certs) {
      if (!found && X509_check_issued(c.get(), cert) == X509_V_OK) found = c.get();
      m_fetched.push_back(std::move(c));
    }
    if (found) return found;
  }
  return nullptr;
}

Result<ChainResult> ChainBuilder::buildSlowly(X509* leaf, STACK_OF(X509) * extra, TimePoint at,
                                              Purpose purpose) {
  ChainResult res;
  if (!leaf)
    return Error::kyso(Errc::CertificateMalformed, "ChainBuilder::build", "no certificate")
        .because(Detail::Technical);
  // 1. Collect a path by names and key identifiers, fetching issuers when needed.
  ossl::X509Stack untrusted(sk_X509_new_null());
  X509* cur = leaf;
  for (int depth = 0; depth < m_opt.maxDepth && !selfIssued(cur); ++depth) {
    X509* issuer = findIssuer(cur, extra);
    if (!issuer) issuer = fetchIssuerSlowly(cur, res.fetched);
    if (!issuer) {
      res.missing.push_back(nameToString(X509_get_issuer_name(cur)));
      break;
    }
    X509_up_ref(issuer);
    sk_X509_push(untrusted.get(), issuer);
    cur = issuer;
    if (m_store.find(issuer) && m_store.find(issuer)->anchor) break;
  }
  // 2. Validate with OpenSSL at the time, anchors = the enabled anchors.
  ossl::Ptr<X509_STORE> xs(X509_STORE_new());
  for (X509* a : m_store.anchors()) X509_STORE_add_cert(xs.get(), a);
  ossl::Ptr<X509_STORE_CTX> ctx(X509_STORE_CTX_new());
  if (!xs || !ctx || !X509_STORE_CTX_init(ctx.get(), xs.get(), leaf, untrusted.get()))
    return Error::openssl("X509_STORE_CTX_init");
  X509_VERIFY_PARAM* vp = X509_STORE_CTX_get0_param(ctx.get());
  X509_VERIFY_PARAM_set_time(vp, std::chrono::system_clock::to_time_t(at));
  X509_VERIFY_PARAM_set_flags(vp, X509_V_FLAG_PARTIAL_CHAIN);
  X509_VERIFY_PARAM_set_depth(vp, m_opt.maxDepth);
  int ok = X509_verify_cert(ctx.get());
  res.x509Error = ok == 1 ? 0 : X509_STORE_CTX_get_error(ctx.get());
  ERR_clear_error();
  ossl::X509Stack built(X509_STORE_CTX_get1_chain(ctx.get()));
  if (built && sk_X509_num(built.get()) > 0) {
    for (int i = 0; i < sk_X509_num(built.get()); ++i) {
      X509* c = sk_X509_value(built.get(), i);
      X509_up_ref(c);
      res.certs.emplace_back(c);
    }
  } else {
    X509_up_ref(leaf);
    res.certs.emplace_back(leaf);
    for (int i = 0; i < sk_X509_num(untrusted.get()); ++i) {
      X509* c = sk_X509_value(untrusted.get(), i);
      X509_up_ref(c);
      res.certs.emplace_back(c);
    }
  }
  if (ok == 1) {
    X509* top = res.certs.back().get();
    res.anchor = nameToString(X509_get_subject_name(top));
    const TrustEntry* e = m_store.find(top);
    res.anchorSource = e ? e->source : "";
    std::string why;
    if (!usageAllowed(leaf, purpose, why)) {
      res.status = ChainStatus::UsageNotAllowed;
      res.errc = Errc::KeyUsageNotAllowed;
      res.detail = why;
      return res;
    }
    res.status = ChainStatus::Valid;
    res.trusted = true;
    res.detail = "chain valid at " + isoTime(at);
    return res;
  }
  res.detail = X509_verify_cert_error_string(res.x509Error);
  switch (res.x509Error) {
    case X509_V_ERR_CERT_HAS_EXPIRED:
      res.status = ChainStatus::Expired;
      res.errc = Errc::CertificateExpired;
      break;
    case X509_V_ERR_CERT_NOT_YET_VALID:
      res.status = ChainStatus::NotYetValid;
      res.errc = Errc::CertificateNotYetValid;
      break;
    case X509_V_ERR_CERT_SIGNATURE_FAILURE:
    case X509_V_ERR_UNABLE_TO_DECRYPT_CERT_SIGNATURE:
      res.status = ChainStatus::BadSignature;
      res.errc = Errc::ChainUntrusted;
      break;
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT:
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
    case X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE:
      res.status = res.missing.empty() ? ChainStatus::Untrusted : ChainStatus::Incomplete;
      res.errc = res.missing.empty() ? Errc::ChainUntrusted : Errc::ChainIncomplete;
      break;
    case X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT:
    case X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN:
      res.status = ChainStatus::Untrusted;
      res.errc = Errc::ChainUntrusted;
      break;
    default:
      res.status = ChainStatus::Invalid;
      res.errc = Errc::ChainUntrusted;
  }
  if (res.status == ChainStatus::Untrusted && !res.missing.empty())
    res.status = ChainStatus::Incomplete;
  return res;
}

}  // namespace kyso::certs
