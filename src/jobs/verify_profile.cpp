#include "src/jobs/verify_profile.h"

#include <memory>

#include "core/atomic_file.h"
#include "core/paths.h"

namespace kyso::jobs {

Result<std::shared_ptr<const VerifyProfile>> VerifyProfile::create(const VerifyProfileSettings& s,
                                                                   ProfileFailure* where) {
  auto failed = [&](ProfileFailure::Part part, const std::filesystem::path& file, Error e) {
    if (where) *where = ProfileFailure{part, file};
    return Result<std::shared_ptr<const VerifyProfile>>(std::move(e));
  };
  std::shared_ptr<VerifyProfile> p(new VerifyProfile());
  auto loaded = certs::TrustStore::loadShipped();
  if (!loaded.ok()) return failed(ProfileFailure::Part::ShippedAnchors, {}, loaded.error());
  p->m_store = std::move(*loaded);
  certs::TrustStore& store = p->m_store;
  store.setGroupEnabled(certs::TrustGroup::Gov, s.trustGovernment);
  store.setGroupEnabled(certs::TrustGroup::Public, s.trustPublic);
  for (const auto& a : s.extraAnchors)
    if (auto st = store.addAnchors(a); !st.ok())
      return failed(ProfileFailure::Part::ExtraAnchor, a, st.error());
  if (s.systemTrust)
    if (auto st = store.enableSystemStore(); !st.ok())
      return failed(ProfileFailure::Part::SystemStore, {}, st.error());

  p->m_visualCheck = s.visualCheck;
  cms::VerifyOptions& o = p->m_cms;
  o.trust = &store;
  o.acceptWeak = s.acceptWeak;
  o.checkRevocation = s.checkRevocation;
  o.chain.http.offline = s.offline;
  o.chain.http.proxy = s.proxy;
  o.chain.http.timeout = s.timeout;
  o.chain.cacheDir = s.issuerCache.empty() ? dataDir() / "cache" / "issuers" : s.issuerCache;
  // One AIA fetch per missing issuer for everything verified with this profile.
  // One request per CRL address, and per certificate and responder, asked in parallel.
  o.chain.shared = std::make_shared<certs::SharedFetches>();
  o.revocation.http = o.chain.http;
  o.revocation.shared = o.chain.shared;
  // Each OCSP answer decoded and verified once, whichever file's signer it answers for.
  o.revocation.verifiedOcsp = std::make_shared<certs::VerifiedOcspAnswers>();
  o.revocation.crlCacheDir = s.crlCache.empty() ? dataDir() / "cache" / "crls" : s.crlCache;
  o.revocation.ocspCacheDir = s.ocspCache.empty() ? dataDir() / "cache" / "ocsp" : s.ocspCache;
  o.at = s.at;
  // One responder question per certificate for everything verified with this profile.
  o.revocationCache = std::make_shared<certs::RevocationCache>();
  for (const auto& c : s.crlFiles) {
    auto data = readSmallFile(c, 64u << 20);
    if (!data.ok()) return failed(ProfileFailure::Part::CrlFile, c, data.error());
    o.extraCrls.push_back(std::move(*data));
  }
  return std::shared_ptr<const VerifyProfile>(std::move(p));
}

}  // namespace kyso::jobs
