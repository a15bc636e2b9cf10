#include "certs/revocation.h"

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/rand.h>

#include <future>
#include <memory>

#include "certs/cache_file.h"
#include "certs/verified_ocsp.h"
#include "core/atomic_file.h"
#include "core/log.h"

namespace kyso::certs {

const char* revocationStatusName(RevocationStatus s) {
  switch (s) {
    case RevocationStatus::Good:
      return "good";
    case RevocationStatus::Revoked:
      return "revoked";
    case RevocationStatus::Unknown:
      return "unknown";
  }
  return "unknown";
}

const char* crlReasonName(int reason) {
  static const char* names[] = {"unspecified",        "keyCompromise", "cACompromise",
                                "affiliationChanged", "superseded",    "cessationOfOperation",
                                "certificateHold",    "unused",        "removeFromCRL",
                                "privilegeWithdrawn", "aACompromise"};
  if (reason < 0 || reason > 10) return "unspecified";
  return names[reason];
}

namespace {

std::vector<std::string> uris(X509* cert, int nid) {
  std::vector<std::string> out;
  if (nid == NID_info_access) {
    ossl::Ptr<AUTHORITY_INFO_ACCESS> aia(static_cast<AUTHORITY_INFO_ACCESS*>(
        X509_get_ext_d2i(cert, NID_info_access, nullptr, nullptr)));
    for (int i = 0; aia && i < sk_ACCESS_DESCRIPTION_num(aia.get()); ++i) {
      ACCESS_DESCRIPTION* ad = sk_ACCESS_DESCRIPTION_value(aia.get(), i);
      if (OBJ_obj2nid(ad->method) == NID_ad_OCSP && ad->location->type == GEN_URI) {
        const ASN1_IA5STRING* u = ad->location->d.uniformResourceIdentifier;
        out.emplace_back(reinterpret_cast<const char*>(ASN1_STRING_get0_data(u)),
                         static_cast<size_t>(ASN1_STRING_length(u)));
      }
    }
  } else {
    ossl::Ptr<CRL_DIST_POINTS> dps(static_cast<CRL_DIST_POINTS*>(
        X509_get_ext_d2i(cert, NID_crl_distribution_points, nullptr, nullptr)));
    for (int i = 0; dps && i < sk_DIST_POINT_num(dps.get()); ++i) {
      DIST_POINT* dp = sk_DIST_POINT_value(dps.get(), i);
      if (!dp->distpoint || dp->distpoint->type != 0) continue;
      GENERAL_NAMES* names = dp->distpoint->name.fullname;
      for (int j = 0; j < sk_GENERAL_NAME_num(names); ++j) {
        GENERAL_NAME* gn = sk_GENERAL_NAME_value(names, j);
        if (gn->type != GEN_URI) continue;
        const ASN1_IA5STRING* u = gn->d.uniformResourceIdentifier;
        std::string s(reinterpret_cast<const char*>(ASN1_STRING_get0_data(u)),
                      static_cast<size_t>(ASN1_STRING_length(u)));
        if (s.rfind("http", 0) == 0) out.push_back(s);
      }
    }
  }
  return out;
}

RevocationResult unknown(X509* cert, Errc e, std::string detail, std::string url = {}) {
  RevocationResult r;
  r.subject = nameToString(X509_get_subject_name(cert));
  r.errc = e;
  r.detail = std::move(detail);
  r.url = std::move(url);
  return r;
}

std::string urlKey(const std::string& url) {
  unsigned char md[32];
  unsigned int n = 0;
  EVP_Digest(url.data(), url.size(), md, &n, EVP_sha256(), nullptr);
  return hex(std::string_view(reinterpret_cast<char*>(md), n)).substr(0, 32);
}

std::optional<TimePoint> optTime(const ASN1_TIME* t) {
  if (!t) return std::nullopt;
  auto r = toTimePoint(t);
  if (!r.ok()) return std::nullopt;
  return *r;
}

}  // namespace

RevocationChecker::RevocationChecker(const TrustStore& store, RevocationOptions opt)
    : m_store(store), m_opt(std::move(opt)) {}

Status RevocationChecker::addCrl(std::string_view data) {
  ossl::Ptr<BIO> b(BIO_new_mem_buf(data.data(), static_cast<int>(data.size())));
  if (data.find("-----BEGIN X509 CRL") == std::string_view::npos) {
    ossl::Ptr<X509_CRL> crl(d2i_X509_CRL_bio(b.get(), nullptr));
    if (!crl) return Error::openssl("d2i_X509_CRL", {}, Errc::CrlInvalid);
    m_crls.push_back(std::move(crl));
    return okStatus();
  }
  // A PEM file may hold several CRLs (one per CA, as officers keep them): every one is used.
  std::size_t added = 0;
  for (;;) {
    ossl::Ptr<X509_CRL> crl(PEM_read_bio_X509_CRL(b.get(), nullptr, nullptr, nullptr));
    if (!crl) break;
    m_crls.push_back(std::move(crl));
    ++added;
  }
  const unsigned long err = ERR_peek_last_error();
  const bool atEnd = ERR_GET_LIB(err) == ERR_LIB_PEM && ERR_GET_REASON(err) == PEM_R_NO_START_LINE;
  if (added == 0 || (err != 0 && !atEnd))
    return Error::openssl("PEM_read_bio_X509_CRL", {}, Errc::CrlInvalid);
  ERR_clear_error();
  return okStatus();
}

Status RevocationChecker::addOcspResponse(std::string_view der, std::string url) {
  for (const auto& [have, from] : m_ocsp)
    if (have == der) return okStatus();
  m_ocsp.emplace_back(std::string(der), std::move(url));
  return okStatus();
}

namespace {
VerifiedOcsp refused(std::string problem) {
  VerifiedOcsp v;
  v.problem = std::move(problem);
  return v;
}

// The basic response in `der`, its signature checked: by `issuer` itself, or by a certificate the
// issuer issued with id-kp-OCSPSigning. With `nonce`, an answer echoing another nonce is refused.
// A refused answer has no `basic`, and its `problem` says why, for the report.
VerifiedOcsp verifiedBasic(std::string_view der, X509* issuer, const std::string* nonce) {
  const unsigned char* p = reinterpret_cast<const unsigned char*>(der.data());
  ossl::Ptr<OCSP_RESPONSE> resp(d2i_OCSP_RESPONSE(nullptr, &p, static_cast<long>(der.size())));
  ERR_clear_error();
  if (!resp) return refused(std::string("the OCSP answer is not DER"));
  int st = OCSP_response_status(resp.get());
  if (st != OCSP_RESPONSE_STATUS_SUCCESSFUL)
    return refused(std::string("OCSP responder status: ") + OCSP_response_status_str(st));
  ossl::Ptr<OCSP_BASICRESP> basic(OCSP_response_get1_basic(resp.get()));
  if (!basic) return refused(std::string("no basic OCSP response"));
  // Nonce: when we sent one, an answer echoing a different one is a replay or a mix-up. An answer
  // without a nonce is accepted (RFC 8954 lets responders omit it) if it is fresh.
  if (nonce) {
    int idx = OCSP_BASICRESP_get_ext_by_NID(basic.get(), NID_id_pkix_OCSP_Nonce, -1);
    if (idx >= 0) {
      X509_EXTENSION* ext = OCSP_BASICRESP_get_ext(basic.get(), idx);
      const ASN1_OCTET_STRING* v = X509_EXTENSION_get_data(ext);
      std::string got(reinterpret_cast<const char*>(ASN1_STRING_get0_data(v)),
                      static_cast<size_t>(ASN1_STRING_length(v)));
      // The extension value is an OCTET STRING wrapping our nonce bytes.
      if (got.find(*nonce) == std::string::npos)
        return refused(std::string("the OCSP answer carries another nonce"));
    }
  }
  // Signature and responder authorisation: OCSP_basic_verify with the issuer as the only trusted
  // certificate and OCSP_TRUSTOTHER off enforces exactly that (and the EKU).
  ossl::Ptr<X509_STORE> xs(X509_STORE_new());
  X509_STORE_add_cert(xs.get(), issuer);
  ossl::X509Stack issuers(sk_X509_new_null());
  X509_up_ref(issuer);
  sk_X509_push(issuers.get(), issuer);
  X509_VERIFY_PARAM* vp = X509_STORE_get0_param(xs.get());
  X509_VERIFY_PARAM_set_flags(vp, X509_V_FLAG_PARTIAL_CHAIN);
  // Verify time: the responder certificate must be valid when the answer was produced.
  if (auto pt = optTime(OCSP_resp_get0_produced_at(basic.get())))
    X509_VERIFY_PARAM_set_time(vp, std::chrono::system_clock::to_time_t(*pt));
  if (OCSP_basic_verify(basic.get(), issuers.get(), xs.get(), 0) <= 0) {
    ERR_clear_error();
    return refused(
        std::string("the OCSP answer is not signed by the issuer or a responder it authorised"));
  }
  VerifiedOcsp v;
  v.basic = std::move(basic);
  return v;
}
}  // namespace

RevocationResult RevocationChecker::checkOcspResponse(std::string_view der, X509* cert,
                                                      X509* issuer, const std::string* nonce,
                                                      TimePoint at) const {
  // An answer met before (another file by the same signer) is decoded and verified once.
  VerifiedOcspAnswers* memo = nonce ? nullptr : m_opt.verifiedOcsp.get();
  std::shared_ptr<const VerifiedOcsp> kept = memo ? memo->find(der, issuer) : nullptr;
  if (!kept) {
    VerifiedOcsp checked = verifiedBasic(der, issuer, nonce);
    kept = memo ? memo->keep(der, issuer, std::move(checked))
                : std::make_shared<const VerifiedOcsp>(std::move(checked));
  }
  if (!kept->basic) return unknown(cert, Errc::OcspResponseInvalid, kept->problem);
  // Read-only from here: the answer may be shared with other threads.
  OCSP_BASICRESP* basicResp = kept->basic.get();
  const ASN1_GENERALIZEDTIME* produced = OCSP_resp_get0_produced_at(basicResp);
  ossl::Ptr<OCSP_CERTID> id(OCSP_cert_to_id(EVP_sha1(), cert, issuer));
  int status = -1, reason = -1;
  ASN1_GENERALIZEDTIME *rev = nullptr, *thisUpd = nullptr, *nextUpd = nullptr;
  if (!id ||
      !OCSP_resp_find_status(basicResp, id.get(), &status, &reason, &rev, &thisUpd, &nextUpd)) {
    // The responder may have used another hash for the CertID.
    id.reset(OCSP_cert_to_id(EVP_sha256(), cert, issuer));
    if (!id ||
        !OCSP_resp_find_status(basicResp, id.get(), &status, &reason, &rev, &thisUpd, &nextUpd)) {
      ERR_clear_error();
      return unknown(cert, Errc::OcspResponseInvalid,
                     "the OCSP answer is about another certificate");
    }
  }
  RevocationResult r;
  r.subject = nameToString(X509_get_subject_name(cert));
  r.source = "ocsp";
  r.thisUpdate = optTime(thisUpd);
  r.nextUpdate = optTime(nextUpd);
  r.producedAt = optTime(produced);
  long skew = static_cast<long>(m_opt.maxClockSkew.count());
  // Freshness: thisUpdate not in the future (now); nextUpdate, when given, not before `at`.
  if (!OCSP_check_validity(thisUpd, nullptr, skew, -1)) {
    ERR_clear_error();
    return unknown(cert, Errc::OcspResponseInvalid,
                   "the OCSP answer's thisUpdate is in the future");
  }
  if (r.nextUpdate && *r.nextUpdate + m_opt.maxClockSkew < at &&
      status != V_OCSP_CERTSTATUS_REVOKED)
    return unknown(cert, Errc::OcspResponseInvalid,
                   "the OCSP answer had expired at the validation time");
  if (status == V_OCSP_CERTSTATUS_GOOD) {
    r.status = RevocationStatus::Good;
    r.detail = "OCSP: good";
  } else if (status == V_OCSP_CERTSTATUS_REVOKED) {
    r.revokedAt = optTime(rev);
    r.reason = reason;
    if (r.revokedAt && *r.revokedAt > at) {
      r.status = RevocationStatus::Good;
      r.detail = "OCSP: revoked on " + isoTime(*r.revokedAt) + ", after the validation time";
    } else {
      r.status = RevocationStatus::Revoked;
      r.errc = Errc::CertificateRevoked;
      r.detail = std::string("OCSP: revoked (") + crlReasonName(reason) + ")";
    }
  } else {
    r.status = RevocationStatus::Unknown;
    r.errc = Errc::RevocationUnknown;
    r.detail = "OCSP: the responder does not know the certificate";
  }
  return r;
}

RevocationResult RevocationChecker::checkOcspSlowly(X509* cert, X509* issuer, TimePoint at) {
  for (const auto& [der, from] : m_ocsp) {
    RevocationResult r = checkOcspResponse(der, cert, issuer, nullptr, at);
    if (r.status != RevocationStatus::Unknown) {
      r.url = from;  // "" for a /DSS: the report says where the answer came from
      return r;
    }
  }
  auto urls = uris(cert, NID_info_access);
  if (urls.empty()) return unknown(cert, Errc::RevocationUnknown, "no OCSP responder named");
  ossl::Ptr<OCSP_REQUEST> req(OCSP_REQUEST_new());
  OCSP_CERTID* id = OCSP_cert_to_id(EVP_sha1(), cert, issuer);
  std::string idDer;
  if (id) {
    unsigned char* idBuf = nullptr;
    const int idLen = i2d_OCSP_CERTID(id, &idBuf);
    ossl::Mem<unsigned char> idGuard(idBuf);
    if (idLen > 0) idDer.assign(reinterpret_cast<char*>(idBuf), static_cast<size_t>(idLen));
  }
  if (!req || !id || idDer.empty() || !OCSP_request_add0_id(req.get(), id)) {
    if (id && (!req || idDer.empty())) OCSP_CERTID_free(id);
    ERR_clear_error();
    return unknown(cert, Errc::RevocationUnknown, "cannot build an OCSP request");
  }
  // An earlier run's answer from the same responder, while its nextUpdate is ahead (issue 22).
  for (const std::string& url : urls)
    if (auto kept = cachedOcsp(ocspCacheFile(url, idDer), cert, issuer, at, url); kept)
      return *kept;
  if (m_opt.http.offline)
    return unknown(cert, Errc::RevocationUnknown, "offline: OCSP not asked", urls[0]);
  std::string nonce;
  if (m_opt.ocspNonce) {
    unsigned char n[16];
    RAND_bytes(n, sizeof n);
    nonce.assign(reinterpret_cast<char*>(n), sizeof n);
    OCSP_request_add1_nonce(req.get(), n, sizeof n);
  }
  unsigned char* buf = nullptr;
  int len = i2d_OCSP_REQUEST(req.get(), &buf);
  ossl::Mem<unsigned char> guard(buf);
  RevocationResult last;
  for (const std::string& url : urls) {
    auto post = [&] {
      return httpPostSlowly(
          url, "application/ocsp-request",
          std::string_view(reinterpret_cast<char*>(buf), static_cast<size_t>(len)), m_opt.http);
    };
    // Another checker asking the same responder about the same certificate at the same time
    // shares its request; its answer carries that checker's nonce, so it is checked as a kept
    // answer is (fresh, signed, for this certificate) rather than against ours.
    SharedFetches::Answer got =
        m_opt.shared
            ? m_opt.shared->getSlowly("ocsp " + url + "\n" + idDer, post, std::chrono::seconds(0))
            : SharedFetches::Answer{post(), true};
    const Result<std::string>& body = got.body;
    if (!body.ok()) {
      last = unknown(cert, body.error().kind, "OCSP: " + body.error().technical(), url);
      continue;
    }
    RevocationResult r = checkOcspResponse(
        *body, cert, issuer, m_opt.ocspNonce && got.fetchedHere ? &nonce : nullptr, at);
    r.url = url;
    if (r.status != RevocationStatus::Unknown || r.errc == Errc::RevocationUnknown) {
      m_material.ocspResponses.push_back(*body);
      m_fetchedOcsp.emplace_back(*body, url);
      // Written by the checker that asked; those that waited for its answer have the same one.
      if (r.status != RevocationStatus::Unknown && r.nextUpdate && got.fetchedHere)
        keepInCache(ocspCacheFile(url, idDer), *body);
      return r;
    }
    last = r;
  }
  return last;
}

std::filesystem::path RevocationChecker::ocspCacheFile(const std::string& url,
                                                       const std::string& id) const {
  if (m_opt.ocspCacheDir.empty()) return {};
  return m_opt.ocspCacheDir / (urlKey(url + '\n' + id) + ".ocsp");
}

std::optional<RevocationResult> RevocationChecker::cachedOcsp(const std::filesystem::path& file,
                                                              X509* cert, X509* issuer,
                                                              TimePoint at,
                                                              const std::string& url) {
  if (file.empty()) return std::nullopt;
  auto der = readSmallFile(file, m_opt.http.maxBytes);
  if (!der.ok()) return std::nullopt;
  // Checked as a fetched answer is, signature and all: the file is only a place to keep it. One
  // that no longer answers (stale, damaged, another key) is asked for again.
  RevocationResult r = checkOcspResponse(*der, cert, issuer, nullptr, at);
  if (r.status == RevocationStatus::Unknown || !r.nextUpdate ||
      *r.nextUpdate <= std::chrono::system_clock::now())
    return std::nullopt;
  r.url = url;
  m_material.ocspResponses.push_back(*der);
  m_fetchedOcsp.emplace_back(std::move(*der), url);
  return r;
}

RevocationResult RevocationChecker::checkWithCrl(X509_CRL* crl, X509* cert, X509* issuer,
                                                 TimePoint at, const std::string& url) const {
  if (X509_NAME_cmp(X509_CRL_get_issuer(crl), X509_get_subject_name(issuer)) != 0)
    return unknown(cert, Errc::CrlInvalid, "the CRL is from another issuer", url);
  EVP_PKEY* ipk = X509_get0_pubkey(issuer);
  if (!ipk || X509_CRL_verify(crl, ipk) != 1) {
    ERR_clear_error();
    return unknown(cert, Errc::CrlInvalid, "the CRL's signature does not verify", url);
  }
  RevocationResult r;
  r.subject = nameToString(X509_get_subject_name(cert));
  r.source = "crl";
  r.url = url;
  r.thisUpdate = optTime(X509_CRL_get0_lastUpdate(crl));
  r.nextUpdate = optTime(X509_CRL_get0_nextUpdate(crl));
  X509_REVOKED* rev = nullptr;
  if (X509_CRL_get0_by_cert(crl, &rev, cert) == 1 && rev) {
    r.revokedAt = optTime(X509_REVOKED_get0_revocationDate(rev));
    ossl::Ptr<ASN1_STRING> reason(
        static_cast<ASN1_STRING*>(X509_REVOKED_get_ext_d2i(rev, NID_crl_reason, nullptr, nullptr)));
    r.reason = reason ? static_cast<int>(ASN1_ENUMERATED_get(reason.get())) : -1;
    if (r.revokedAt && *r.revokedAt > at) {
      r.status = RevocationStatus::Good;
      r.detail = "CRL: revoked on " + isoTime(*r.revokedAt) + ", after the validation time";
    } else {
      r.status = RevocationStatus::Revoked;
      r.errc = Errc::CertificateRevoked;
      r.detail = std::string("CRL: revoked (") + crlReasonName(r.reason) + ")";
    }
    return r;
  }
  // Not listed: only meaningful if the CRL was issued at or after the validation time (it then
  // speaks about that time); an older CRL cannot vouch for a later time... unless it is still
  // current (nextUpdate after `at`).
  if (r.thisUpdate && *r.thisUpdate < at && (!r.nextUpdate || *r.nextUpdate < at))
    return unknown(cert, Errc::RevocationUnknown, "the CRL is older than the validation time", url);
  r.status = RevocationStatus::Good;
  r.detail = "CRL: not listed";
  return r;
}

std::optional<std::string> RevocationChecker::cachedCrl(const std::filesystem::path& cached) const {
  if (cached.empty()) return std::nullopt;
  auto c = readSmallFile(cached, m_opt.http.maxBytes);
  if (!c.ok()) return std::nullopt;
  ossl::Ptr<BIO> cb(BIO_new_mem_buf(c->data(), static_cast<int>(c->size())));
  ossl::Ptr<X509_CRL> crl(d2i_X509_CRL_bio(cb.get(), nullptr));
  ERR_clear_error();
  auto next = crl ? optTime(X509_CRL_get0_nextUpdate(crl.get())) : std::nullopt;
  if (!next || *next <= std::chrono::system_clock::now()) return std::nullopt;
  return std::move(*c);
}

RevocationResult RevocationChecker::checkCrlBody(const std::string& body, X509* cert, X509* issuer,
                                                 TimePoint at, const std::string& url) {
  ossl::Ptr<BIO> b(BIO_new_mem_buf(body.data(), static_cast<int>(body.size())));
  ossl::Ptr<X509_CRL> crl(d2i_X509_CRL_bio(b.get(), nullptr));
  ERR_clear_error();
  if (!crl) return unknown(cert, Errc::CrlInvalid, "CRL: not a DER CRL", url);
  RevocationResult r = checkWithCrl(crl.get(), cert, issuer, at, url);
  if (r.status != RevocationStatus::Unknown) {
    m_material.crls.push_back(body);
    m_crls.push_back(std::move(crl));
  }
  return r;
}

RevocationResult RevocationChecker::checkCrlSlowly(X509* cert, X509* issuer, TimePoint at) {
  RevocationResult last = unknown(cert, Errc::RevocationUnknown, "no CRL distribution point");
  for (auto& crl : m_crls) {
    if (X509_NAME_cmp(X509_CRL_get_issuer(crl.get()), X509_get_subject_name(issuer)) != 0) continue;
    RevocationResult r = checkWithCrl(crl.get(), cert, issuer, at, {});
    if (r.status != RevocationStatus::Unknown) return r;
    last = r;
  }
  auto urls = uris(cert, NID_crl_distribution_points);
  if (urls.empty()) return last;
  for (const std::string& url : urls) {
    // The disk cache first: a CRL is reused until its nextUpdate, then fetched again.
    std::filesystem::path cached = m_opt.crlCacheDir.empty()
                                       ? std::filesystem::path()
                                       : m_opt.crlCacheDir / (urlKey(url) + ".crl");
    // A cached CRL that does not answer (another key under the same address, as when a CA is
    // re-made, or a damaged file) is fetched again rather than trusted or reported.
    if (auto c = cachedCrl(cached); c) {
      RevocationResult r = checkCrlBody(*c, cert, issuer, at, url);
      if (r.status != RevocationStatus::Unknown) return r;
      log::info("cached CRL for " + url + " not used: " + r.detail);
      last = r;
      if (m_opt.http.offline) continue;
    }
    if (m_opt.http.offline) {
      last = unknown(cert, Errc::RevocationUnknown, "offline: CRL not fetched", url);
      continue;
    }
    // Shared for ten minutes (a batch); one that does not answer (stale, another key) is dropped
    // and fetched again.
    auto fetchCrl = [&] { return httpGetSlowly(url, m_opt.http); };
    const std::string key = "crl " + url;
    SharedFetches::Answer shared =
        m_opt.shared ? m_opt.shared->getSlowly(key, fetchCrl, std::chrono::minutes(10))
                     : SharedFetches::Answer{fetchCrl(), true};
    RevocationResult r;
    if (shared.body.ok()) r = checkCrlBody(*shared.body, cert, issuer, at, url);
    if (!shared.fetchedHere && (!shared.body.ok() || r.status == RevocationStatus::Unknown)) {
      m_opt.shared->forget(key);
      shared = {fetchCrl(), true};
      if (shared.body.ok()) r = checkCrlBody(*shared.body, cert, issuer, at, url);
    }
    const Result<std::string>& got = shared.body;
    if (!got.ok()) {
      last = unknown(cert, got.error().kind, "CRL: " + got.error().technical(), url);
      continue;
    }
    if (r.status != RevocationStatus::Unknown) {
      if (shared.fetchedHere) keepInCache(cached, *got);  // once, by the checker that asked
      return r;
    }
    last = r;
  }
  return last;
}

RevocationResult RevocationChecker::checkSlowly(X509* cert, X509* issuer, TimePoint at) {
  if (!cert || !issuer)
    return RevocationResult{
        RevocationStatus::Unknown,          {}, {}, {}, {}, -1, {}, {}, {}, Errc::ChainIncomplete,
        "the issuer certificate is missing"};
  RevocationResult ocsp, crl;
  if (m_opt.useOcsp) {
    ocsp = checkOcspSlowly(cert, issuer, at);
    if (ocsp.status != RevocationStatus::Unknown) return ocsp;
  }
  if (m_opt.useCrl) {
    crl = checkCrlSlowly(cert, issuer, at);
    if (crl.status != RevocationStatus::Unknown) return crl;
  }
  RevocationResult r = m_opt.useOcsp ? ocsp : crl;
  if (m_opt.useOcsp && m_opt.useCrl) r.detail = ocsp.detail + "; " + crl.detail;
  if (r.errc == Errc::Ok) r.errc = Errc::RevocationUnknown;
  r.subject = nameToString(X509_get_subject_name(cert));
  return r;
}

// The certificates of a chain are asked about at the same time (issue 22): the signer's OCSP
// answer and its CA's CRL are independent, so a first verification waits for one round trip, not
// one per certificate. Each CA certificate is checked by a checker of its own (with this one's
// CRLs and supplied answers), whose CRLs, material and fetched answers are then merged here.
std::vector<RevocationResult> RevocationChecker::checkChainSlowly(const std::vector<X509*>& chain,
                                                                  TimePoint at) {
  std::vector<RevocationResult> out;
  if (chain.size() < 3) {
    for (size_t i = 0; i + 1 < chain.size(); ++i)
      out.push_back(checkSlowly(chain[i], chain[i + 1], at));
    return out;
  }
  struct Upper {
    RevocationResult result;
    std::vector<ossl::Ptr<X509_CRL>> crls;
    RevocationMaterial material;
    std::vector<std::pair<std::string, std::string>> fetchedOcsp;
  };
  // What is answered without the network (a kept answer, a CRL in memory or on disk) is taken
  // here; only the questions that need a request get a thread.
  std::vector<std::optional<RevocationResult>> local(chain.size());
  if (!m_opt.http.offline) {
    m_opt.http.offline = true;
    for (size_t i = 1; i + 1 < chain.size(); ++i) {
      RevocationResult r = checkSlowly(chain[i], chain[i + 1], at);
      if (r.status != RevocationStatus::Unknown) local[i] = std::move(r);
    }
    m_opt.http.offline = false;
  }
  std::vector<std::future<Upper>> uppers;
  for (size_t i = 1; i + 1 < chain.size(); ++i) {
    if (local[i]) continue;
    auto sub = std::make_shared<RevocationChecker>(m_store, m_opt);
    for (const auto& crl : m_crls) {
      X509_CRL_up_ref(crl.get());
      sub->m_crls.emplace_back(crl.get());
    }
    sub->m_ocsp = m_ocsp;
    const std::size_t knownCrls = sub->m_crls.size();
    uppers.push_back(std::async(std::launch::async,
                                [sub, knownCrls, cert = chain[i], issuer = chain[i + 1], at] {
                                  Upper u;
                                  u.result = sub->checkSlowly(cert, issuer, at);
                                  for (std::size_t k = knownCrls; k < sub->m_crls.size(); ++k)
                                    u.crls.push_back(std::move(sub->m_crls[k]));
                                  u.material = std::move(sub->m_material);
                                  u.fetchedOcsp = std::move(sub->m_fetchedOcsp);
                                  return u;
                                }));
  }
  out.push_back(checkSlowly(chain[0], chain[1], at));
  std::size_t next = 0;
  for (size_t i = 1; i + 1 < chain.size(); ++i) {
    if (local[i]) {
      out.push_back(std::move(*local[i]));
      continue;
    }
    Upper u = uppers[next++].get();
    out.push_back(std::move(u.result));
    for (auto& crl : u.crls) m_crls.push_back(std::move(crl));
    for (auto part : {&RevocationMaterial::ocspResponses, &RevocationMaterial::crls,
                      &RevocationMaterial::certs})
      for (auto& der : u.material.*part) (m_material.*part).push_back(std::move(der));
    for (auto& kept : u.fetchedOcsp) m_fetchedOcsp.push_back(std::move(kept));
  }
  return out;
}

}  // namespace kyso::certs
