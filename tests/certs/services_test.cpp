// Chains, revocation, timestamps and HTTP against the loopback services of the test PKI
// (HTTP :BASE, OCSP :BASE+1 backed by `openssl ocsp`, TSA :BASE+2), plus the bad cases: hanging
// and garbage responders, an unauthorised OCSP signer, a TSA answering the wrong imprint or nonce.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <memory>
#include <thread>

#include "certs/chain.h"
#include "certs/http.h"
#include "certs/revocation.h"
#include "certs/timestamp.h"
#include "tests/certs/test_env.h"

namespace kyso::certs {
namespace {

using namespace std::chrono_literals;
using test::TempDir;
namespace fs = std::filesystem;

class Services : public ::testing::Test {
 protected:
  void SetUp() override {
    KYSO_REQUIRE_PKI();
    store = TrustStore::empty();
    ASSERT_TRUE(store.addAnchors(test::pki("root.pem")).ok());
    http.timeout = 3000ms;
  }
  ossl::Ptr<X509> cert(const std::string& n) { return test::loadCert(test::pki(n + ".pem")); }
  TrustStore store;
  HttpOptions http;
  TimePoint now = std::chrono::system_clock::now();
};

TEST_F(Services, ChainCompletedByAiaFetchAndCached) {
  TempDir cache;
  ChainBuilder b(store, ChainOptions{http, cache.path(), 8, nullptr});
  auto leaf = cert("signer-rsa2048");
  auto r = b.buildSlowly(leaf.get(), nullptr, now, Purpose::Signer);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->trusted) << r->detail;
  EXPECT_EQ(r->status, ChainStatus::Valid);
  EXPECT_EQ(r->certs.size(), 3u);
  EXPECT_NE(r->anchor.find("RootCA (test)"), std::string::npos);
  EXPECT_EQ(r->anchorSource, "admin");
  ASSERT_EQ(r->fetched.size(), 1u);
  EXPECT_NE(r->fetched[0].find("/gov-ca.der"), std::string::npos);
  // A second builder, offline, finds the issuer in the cache.
  HttpOptions off = http;
  off.offline = true;
  ChainBuilder b2(store, ChainOptions{off, cache.path(), 8, nullptr});
  auto r2 = b2.buildSlowly(leaf.get(), nullptr, now, Purpose::Signer);
  ASSERT_TRUE(r2.ok());
  EXPECT_TRUE(r2->trusted);
  EXPECT_TRUE(r2->fetched.empty());
}

TEST_F(Services, OfflineWithoutIntermediateNamesTheMissingIssuer) {
  HttpOptions off = http;
  off.offline = true;
  ChainBuilder b(store, ChainOptions{off, {}, 8, nullptr});
  auto leaf = cert("signer-ec256");
  auto r = b.buildSlowly(leaf.get(), nullptr, now, Purpose::Signer);
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->trusted);
  EXPECT_EQ(r->status, ChainStatus::Incomplete);
  ASSERT_EQ(r->missing.size(), 1u);
  EXPECT_NE(r->missing[0].find("Government CA (test)"), std::string::npos);
  EXPECT_EQ(r->errc, Errc::ChainIncomplete);
}

TEST_F(Services, ValidationAtAChosenTime) {
  ChainBuilder b(store, ChainOptions{http, {}, 8, nullptr});
  auto leaf = cert("expired");
  auto gov = cert("gov-ca");
  ossl::X509Stack extra(sk_X509_new_null());
  sk_X509_push(extra.get(), gov.release());
  auto r = b.buildSlowly(leaf.get(), extra.get(), now, Purpose::Signer);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->status, ChainStatus::Expired);
  EXPECT_FALSE(r->trusted);
  auto at = parseIsoTime("2020-06-01");
  auto r2 = b.buildSlowly(leaf.get(), extra.get(), *at, Purpose::Signer);
  ASSERT_TRUE(r2.ok());
  EXPECT_TRUE(r2->trusted) << r2->detail;
}

TEST_F(Services, KeyUsageForPurposes) {
  ChainBuilder b(store, ChainOptions{http, {}, 8, nullptr});
  auto r = b.buildSlowly(cert("wrong-ku").get(), nullptr, now, Purpose::Signer);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->status, ChainStatus::UsageNotAllowed);
  EXPECT_EQ(r->errc, Errc::KeyUsageNotAllowed);
  auto tsa = b.buildSlowly(cert("tsa").get(), nullptr, now, Purpose::Tsa);
  ASSERT_TRUE(tsa.ok());
  EXPECT_TRUE(tsa->trusted) << tsa->detail;
  auto notTsa = b.buildSlowly(cert("signer-rsa2048").get(), nullptr, now, Purpose::Tsa);
  ASSERT_TRUE(notTsa.ok());
  EXPECT_EQ(notTsa->status, ChainStatus::UsageNotAllowed);
  auto ocsp = b.buildSlowly(cert("ocsp").get(), nullptr, now, Purpose::Ocsp);
  ASSERT_TRUE(ocsp.ok());
  EXPECT_TRUE(ocsp->trusted);
}

TEST_F(Services, PartialChainWhenAnIntermediateIsAnchored) {
  TrustStore s = TrustStore::empty();
  s.addAnchor(cert("gov-ca"), "admin");
  HttpOptions off = http;
  off.offline = true;
  ChainBuilder b(s, ChainOptions{off, {}, 8, nullptr});
  auto r = b.buildSlowly(cert("signer-rsa3072").get(), nullptr, now, Purpose::Signer);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->trusted) << r->detail;
  EXPECT_NE(r->anchor.find("Government CA (test)"), std::string::npos);
}

TEST_F(Services, UntrustedRootIsNotTrusted) {
  TrustStore s = TrustStore::empty();
  ChainBuilder b(s, ChainOptions{http, {}, 8, nullptr});
  auto r = b.buildSlowly(cert("signer-rsa2048").get(), nullptr, now, Purpose::Signer);
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->trusted);
  EXPECT_TRUE(r->status == ChainStatus::Untrusted || r->status == ChainStatus::Incomplete)
      << chainStatusName(r->status);
}

TEST_F(Services, OcspGoodAndRevoked) {
  RevocationOptions ro;
  ro.http = http;
  ro.useCrl = false;
  RevocationChecker c(store, ro);
  auto good = c.checkSlowly(cert("signer-rsa2048").get(), cert("gov-ca").get(), now);
  EXPECT_EQ(good.status, RevocationStatus::Good) << good.detail;
  EXPECT_EQ(good.source, "ocsp");
  EXPECT_TRUE(good.nextUpdate.has_value());
  auto rev = c.checkSlowly(cert("revoked").get(), cert("gov-ca").get(), now + 1h);
  EXPECT_EQ(rev.status, RevocationStatus::Revoked) << rev.detail;
  EXPECT_EQ(rev.reason, 1);  // keyCompromise
  ASSERT_TRUE(rev.revokedAt.has_value());
  // Before the revocation date the certificate was good.
  auto before =
      c.checkSlowly(cert("revoked").get(), cert("gov-ca").get(), *parseIsoTime("2025-01-01"));
  EXPECT_EQ(before.status, RevocationStatus::Good) << before.detail;
  EXPECT_EQ(c.material().ocspResponses.size(), 3u);
}

// The files of one verification share OCSP answers (issue 22): the second checker asks nobody,
// and its result names the responder the kept answer came from; an answer older than the cache's
// age limit is asked for again.
TEST_F(Services, RevocationCacheSharesAnswersAcrossCheckers) {
  RevocationOptions ro;
  ro.http = http;
  ro.useCrl = false;
  RevocationCache cache;
  const auto signerCert = cert("signer-rsa2048"), issuerCert = cert("gov-ca");
  X509* signer = signerCert.get();
  X509* issuer = issuerCert.get();
  RevocationChecker first(store, ro);
  auto a = cache.with(first, [&] { return first.checkSlowly(signer, issuer, now); });
  EXPECT_EQ(a.status, RevocationStatus::Good) << a.detail;
  EXPECT_EQ(first.fetchedOcsp().size(), 1u);
  RevocationChecker second(store, ro);
  auto b = cache.with(second, [&] { return second.checkSlowly(signer, issuer, now); });
  EXPECT_EQ(b.status, RevocationStatus::Good) << b.detail;
  EXPECT_TRUE(second.fetchedOcsp().empty()) << "the kept answer is used";
  EXPECT_EQ(b.url, a.url) << "reported with the responder it came from, not as a /DSS answer";
  RevocationCache expired(std::chrono::seconds(0));
  RevocationChecker third(store, ro), fourth(store, ro);
  (void)expired.with(third, [&] { return third.checkSlowly(signer, issuer, now); });
  std::this_thread::sleep_for(std::chrono::milliseconds(5));
  (void)expired.with(fourth, [&] { return fourth.checkSlowly(signer, issuer, now); });
  EXPECT_EQ(fourth.fetchedOcsp().size(), 1u) << "an answer past the age limit is asked again";
}

// Across runs (issue 22): an OCSP answer is kept on disk by responder and certificate and used by a
// later run, offline even, while its nextUpdate is ahead; it still speaks only about the
// certificate it was asked for, and a damaged file is asked for again, never trusted.
TEST_F(Services, OcspDiskCacheAnswersLaterRunsUntilNextUpdate) {
  TempDir dir;
  RevocationOptions ro;
  ro.http = http;
  ro.useCrl = false;
  ro.ocspCacheDir = dir.path() / "ocsp";
  const auto signerCert = cert("signer-rsa2048"), issuerCert = cert("gov-ca");
  RevocationChecker first(store, ro);
  auto a = first.checkSlowly(signerCert.get(), issuerCert.get(), now);
  ASSERT_EQ(a.status, RevocationStatus::Good) << a.detail;
  std::vector<fs::path> kept;
  for (const auto& e : fs::directory_iterator(ro.ocspCacheDir)) kept.push_back(e.path());
  ASSERT_EQ(kept.size(), 1u);

  RevocationOptions off = ro;
  off.http.offline = true;
  RevocationChecker later(store, off);
  auto b = later.checkSlowly(signerCert.get(), issuerCert.get(), now);
  EXPECT_EQ(b.status, RevocationStatus::Good) << b.detail;
  EXPECT_EQ(b.source, "ocsp");
  EXPECT_EQ(b.url, a.url) << "reported with the responder it came from";
  EXPECT_EQ(later.material().ocspResponses.size(), 1u) << "and kept for a B-LT signature's /DSS";
  // Another certificate of the same issuer is not answered by it.
  auto other = later.checkSlowly(cert("revoked").get(), issuerCert.get(), now);
  EXPECT_EQ(other.status, RevocationStatus::Unknown) << other.detail;

  std::ofstream(kept[0], std::ios::binary | std::ios::trunc) << "not an OCSP response";
  RevocationChecker damaged(store, off);
  EXPECT_EQ(damaged.checkSlowly(signerCert.get(), issuerCert.get(), now).status,
            RevocationStatus::Unknown);
  RevocationChecker again(store, ro);
  EXPECT_EQ(again.checkSlowly(signerCert.get(), issuerCert.get(), now).status,
            RevocationStatus::Good);
  EXPECT_EQ(again.fetchedOcsp().size(), 1u);
  RevocationChecker repaired(store, off);
  EXPECT_EQ(repaired.checkSlowly(signerCert.get(), issuerCert.get(), now).status,
            RevocationStatus::Good)
      << "the fresh answer replaced the damaged file";
}

// Verifying threads share what AIA addresses answered: a second builder that may not use the
// network completes its chain from the first one's fetch.
TEST_F(Services, IssuerFetchesAreSharedBetweenBuilders) {
  auto shared = std::make_shared<SharedFetches>();
  ChainBuilder online(store, ChainOptions{http, {}, 8, shared});
  auto leaf = cert("signer-rsa2048");
  auto r = online.buildSlowly(leaf.get(), nullptr, now, Purpose::Signer);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->trusted) << r->detail;
  EXPECT_EQ(r->fetched.size(), 1u);
  HttpOptions off = http;
  off.offline = true;
  ChainBuilder second(store, ChainOptions{off, {}, 8, shared});
  auto r2 = second.buildSlowly(leaf.get(), nullptr, now, Purpose::Signer);
  ASSERT_TRUE(r2.ok());
  EXPECT_TRUE(r2->trusted) << r2->detail;
  EXPECT_TRUE(r2->fetched.empty());
  ChainBuilder alone(store, ChainOptions{off, {}, 8, nullptr});
  auto r3 = alone.buildSlowly(leaf.get(), nullptr, now, Purpose::Signer);
  ASSERT_TRUE(r3.ok());
  EXPECT_FALSE(r3->trusted) << "without the shared answers, offline, the issuer is missing";
}

TEST_F(Services, CrlGoodAndRevoked) {
  RevocationOptions ro;
  ro.http = http;
  ro.useOcsp = false;
  RevocationChecker c(store, ro);
  auto good = c.checkSlowly(cert("signer-ec256").get(), cert("gov-ca").get(), now);
  EXPECT_EQ(good.status, RevocationStatus::Good) << good.detail;
  EXPECT_EQ(good.source, "crl");
  auto rev = c.checkSlowly(cert("revoked").get(), cert("gov-ca").get(), now + 1h);
  EXPECT_EQ(rev.status, RevocationStatus::Revoked) << rev.detail;
  EXPECT_EQ(std::string(crlReasonName(rev.reason)), "keyCompromise");
  auto ca = c.checkSlowly(cert("gov-ca").get(), cert("root").get(), now);
  EXPECT_EQ(ca.status, RevocationStatus::Good) << ca.detail;
  EXPECT_FALSE(c.material().crls.empty());
}

TEST_F(Services, CrlDiskCacheIsUsedUntilNextUpdate) {
  TempDir cache;
  RevocationOptions ro;
  ro.http = http;
  ro.useOcsp = false;
  ro.crlCacheDir = cache.path();
  RevocationChecker online(store, ro);
  EXPECT_EQ(online.checkSlowly(cert("revoked").get(), cert("gov-ca").get(), now + 1h).status,
            RevocationStatus::Revoked);
  // Offline, a new checker finds the fetched CRL in the cache (its nextUpdate is years ahead).
  ro.http.offline = true;
  RevocationChecker offline(store, ro);
  auto r = offline.checkSlowly(cert("revoked").get(), cert("gov-ca").get(), now + 1h);
  EXPECT_EQ(r.status, RevocationStatus::Revoked) << r.detail;
  EXPECT_EQ(offline.checkSlowly(cert("signer-rsa2048").get(), cert("gov-ca").get(), now).status,
            RevocationStatus::Good);
}

// A CRL with the issuer's name made with another key (as when a CA is re-made under the same
// addresses) in the cache: it is not believed, the CRL is fetched again and the cache repaired.
std::string crlFromAnotherKey(X509* like) {
  ossl::Ptr<EVP_PKEY> key(EVP_RSA_gen(2048));
  ossl::Ptr<X509_CRL> crl(X509_CRL_new());
  ossl::Ptr<ASN1_TIME> last(ASN1_TIME_adj(nullptr, std::time(nullptr), -1, 0));
  ossl::Ptr<ASN1_TIME> next(ASN1_TIME_adj(nullptr, std::time(nullptr), 365, 0));
  if (!key || !crl || !last || !next) return {};
  X509_CRL_set_version(crl.get(), 1);
  X509_CRL_set_issuer_name(crl.get(), X509_get_subject_name(like));
  X509_CRL_set1_lastUpdate(crl.get(), last.get());
  X509_CRL_set1_nextUpdate(crl.get(), next.get());
  if (X509_CRL_sign(crl.get(), key.get(), EVP_sha256()) <= 0) return {};
  unsigned char* der = nullptr;
  const int n = i2d_X509_CRL(crl.get(), &der);
  std::string out(reinterpret_cast<char*>(der), static_cast<std::size_t>(n > 0 ? n : 0));
  OPENSSL_free(der);
  return out;
}

TEST_F(Services, CachedCrlFromAnotherKeyIsFetchedAgain) {
  TempDir cache;
  RevocationOptions ro;
  ro.http = http;
  ro.useOcsp = false;
  ro.crlCacheDir = cache.path();
  {
    RevocationChecker first(store, ro);
    ASSERT_EQ(first.checkSlowly(cert("gov-ca").get(), cert("root").get(), now).status,
              RevocationStatus::Good);
  }
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(cache.path())) files.push_back(e.path());
  ASSERT_EQ(files.size(), 1u);
  const std::string genuine = test::readFile(files[0]);
  const std::string forged = crlFromAnotherKey(cert("root").get());
  ASSERT_FALSE(forged.empty());
  test::writeFile(files[0], forged);

  // Offline, the forged CRL is not believed: unknown, and it says why.
  RevocationOptions off = ro;
  off.http.offline = true;
  RevocationChecker offline(store, off);
  auto r = offline.checkSlowly(cert("gov-ca").get(), cert("root").get(), now);
  EXPECT_EQ(r.status, RevocationStatus::Unknown);
  EXPECT_NE(r.detail.find("signature does not verify"), std::string::npos) << r.detail;

  // Online, the CRL is fetched again, answers, and replaces the cached one.
  RevocationChecker online(store, ro);
  auto g = online.checkSlowly(cert("gov-ca").get(), cert("root").get(), now);
  EXPECT_EQ(g.status, RevocationStatus::Good) << g.detail;
  EXPECT_EQ(test::readFile(files[0]), genuine);
}

TEST_F(Services, ImportedCrlWorksOffline) {
  RevocationOptions ro;
  ro.http.offline = true;
  RevocationChecker c(store, ro);
  ASSERT_TRUE(c.addCrl(test::readFile(test::pki("gov-ca.crl.pem"))).ok());
  auto rev = c.checkSlowly(cert("revoked").get(), cert("gov-ca").get(), now + 1h);
  EXPECT_EQ(rev.status, RevocationStatus::Revoked);
  // A CRL from another issuer is not used for this one.
  RevocationChecker c2(store, ro);
  ASSERT_TRUE(c2.addCrl(test::readFile(test::pki("root.crl.pem"))).ok());
  EXPECT_EQ(c2.checkSlowly(cert("revoked").get(), cert("gov-ca").get(), now).status,
            RevocationStatus::Unknown);
  EXPECT_FALSE(c2.addCrl("garbage").ok());
  // Issue 17: a PEM bundle of both CRLs (as officers keep them, root's first) serves both CAs.
  RevocationChecker c3(store, ro);
  ASSERT_TRUE(c3.addCrl(test::readFile(test::pki("root.crl.pem")) +
                        test::readFile(test::pki("gov-ca.crl.pem")))
                  .ok());
  EXPECT_EQ(c3.checkSlowly(cert("revoked").get(), cert("gov-ca").get(), now + 1h).status,
            RevocationStatus::Revoked);
  EXPECT_EQ(c3.checkSlowly(cert("gov-ca").get(), cert("root").get(), now).status,
            RevocationStatus::Good);
  // A bundle whose second block is damaged is an error, not a silent half.
  EXPECT_FALSE(c3.addCrl(test::readFile(test::pki("root.crl.pem")) +
                         "-----BEGIN X509 CRL-----\nAAAA\n-----END X509 CRL-----\n")
                   .ok());
}

TEST_F(Services, OfflineIsUnknownNeverGood) {
  RevocationOptions ro;
  ro.http.offline = true;
  RevocationChecker c(store, ro);
  auto r = c.checkSlowly(cert("signer-rsa2048").get(), cert("gov-ca").get(), now);
  EXPECT_EQ(r.status, RevocationStatus::Unknown);
  EXPECT_NE(r.detail.find("offline"), std::string::npos);
}

TEST_F(Services, HangingResponderTimesOut) {
  RevocationOptions ro;
  ro.http = http;
  ro.http.timeout = 1500ms;
  RevocationChecker c(store, ro);
  auto t0 = std::chrono::steady_clock::now();
  auto r = c.checkSlowly(cert("ocsp-hang").get(), cert("gov-ca").get(), now);
  auto took = std::chrono::steady_clock::now() - t0;
  EXPECT_EQ(r.status, RevocationStatus::Unknown);
  EXPECT_LT(took, 6s);
  EXPECT_NE(r.detail.find("OCSP"), std::string::npos) << r.detail;
}

TEST_F(Services, GarbageResponderIsUnknown) {
  RevocationOptions ro;
  ro.http = http;
  RevocationChecker c(store, ro);
  auto r = c.checkSlowly(cert("ocsp-garbage").get(), cert("gov-ca").get(), now);
  EXPECT_EQ(r.status, RevocationStatus::Unknown);
  EXPECT_EQ(c.checkOcspResponse("garbage", cert("signer-rsa2048").get(), cert("gov-ca").get(),
                                nullptr, now)
                .errc,
            Errc::OcspResponseInvalid);
}

TEST_F(Services, UnauthorisedOcspSignerIsRejected) {
  KYSO_REQUIRE_TOOL("openssl");
  TempDir t;
  std::string out;
  // A request for signer-rsa2048, answered by the real responder logic but signed with a key that
  // gov-ca never authorised (the rogue responder certificate is issued by the root).
  ASSERT_EQ(test::run("openssl ocsp -issuer " + test::pki("gov-ca.pem").string() + " -cert " +
                          test::pki("signer-rsa2048.pem").string() + " -reqout " +
                          (t / "req.der").string() + " -no_nonce",
                      &out),
            0)
      << out;
  ASSERT_EQ(test::run("openssl ocsp -index " + test::pki("gov-ca-index.txt").string() + " -CA " +
                          test::pki("gov-ca.pem").string() + " -rsigner " +
                          test::pki("rogue-ocsp.pem").string() + " -rkey " +
                          test::pki("rogue-ocsp.key").string() + " -reqin " +
                          (t / "req.der").string() + " -respout " + (t / "resp.der").string(),
                      &out),
            0)
      << out;
  RevocationChecker c(store, RevocationOptions{});
  auto r = c.checkOcspResponse(test::readFile(t / "resp.der"), cert("signer-rsa2048").get(),
                               cert("gov-ca").get(), nullptr, now);
  EXPECT_EQ(r.status, RevocationStatus::Unknown);
  EXPECT_EQ(r.errc, Errc::OcspResponseInvalid);
  // The same answer signed by the authorised responder is accepted (the test is not vacuous).
  ASSERT_EQ(
      test::run("openssl ocsp -index " + test::pki("gov-ca-index.txt").string() + " -CA " +
                    test::pki("gov-ca.pem").string() + " -rsigner " +
                    test::pki("ocsp.pem").string() + " -rkey " + test::pki("ocsp.key").string() +
                    " -reqin " + (t / "req.der").string() + " -respout " + (t / "ok.der").string(),
                &out),
      0)
      << out;
  auto ok = c.checkOcspResponse(test::readFile(t / "ok.der"), cert("signer-rsa2048").get(),
                                cert("gov-ca").get(), nullptr, now);
  EXPECT_EQ(ok.status, RevocationStatus::Good) << ok.detail;
  // And an answer about another certificate is not taken for this one.
  auto other = c.checkOcspResponse(test::readFile(t / "ok.der"), cert("signer-ec256").get(),
                                   cert("gov-ca").get(), nullptr, now);
  EXPECT_EQ(other.status, RevocationStatus::Unknown);
}

// Verifying a folder (issue 22): the checkers of one verification share the OCSP answers they
// decoded and verified (VerifiedOcspAnswers). What is shared is only the answer checked against
// one issuer: a refused answer stays refused, an answer about another certificate is still not
// taken, the same answer under another issuer is checked afresh, and the validation time is
// still applied to each file.
TEST_F(Services, SharedVerifiedOcspAnswersKeepEveryVerdict) {
  KYSO_REQUIRE_TOOL("openssl");
  TempDir t;
  std::string out;
  for (const char* who : {"signer-rsa2048", "revoked"})
    ASSERT_EQ(test::run("openssl ocsp -issuer " + test::pki("gov-ca.pem").string() + " -cert " +
                            test::pki(std::string(who) + ".pem").string() + " -reqout " +
                            (t / (std::string(who) + ".req")).string() + " -no_nonce",
                        &out),
              0)
        << out;
  auto answer = [&](const std::string& who, const std::string& signer) {
    const fs::path resp = t / (who + "-" + signer + ".der");
    EXPECT_EQ(test::run("openssl ocsp -index " + test::pki("gov-ca-index.txt").string() + " -CA " +
                            test::pki("gov-ca.pem").string() + " -rsigner " +
                            test::pki(signer + ".pem").string() + " -rkey " +
                            test::pki(signer + ".key").string() + " -reqin " +
                            (t / (who + ".req")).string() + " -respout " + resp.string(),
                        &out),
              0)
        << out;
    return test::readFile(resp);
  };
  const std::string good = answer("signer-rsa2048", "ocsp");
  const std::string rogue = answer("signer-rsa2048", "rogue-ocsp");
  const std::string revoked = answer("revoked", "ocsp");
  RevocationOptions ro;
  ro.verifiedOcsp = std::make_shared<VerifiedOcspAnswers>();
  const auto signer = cert("signer-rsa2048"), gov = cert("gov-ca"), root = cert("root");
  const auto revokedCert = cert("revoked");
  for (int run = 0; run < 2; ++run) {  // the second run is answered from what the first kept
    SCOPED_TRACE(run);
    RevocationChecker c(store, ro);
    EXPECT_EQ(c.checkOcspResponse(good, signer.get(), gov.get(), nullptr, now).status,
              RevocationStatus::Good);
    EXPECT_EQ(c.checkOcspResponse(rogue, signer.get(), gov.get(), nullptr, now).errc,
              Errc::OcspResponseInvalid)
        << "an unauthorised responder's answer";
    EXPECT_EQ(c.checkOcspResponse(good, revokedCert.get(), gov.get(), nullptr, now).status,
              RevocationStatus::Unknown)
        << "an answer about another certificate";
    EXPECT_EQ(c.checkOcspResponse(good, signer.get(), root.get(), nullptr, now).errc,
              Errc::OcspResponseInvalid)
        << "the same answer under an issuer that did not sign it";
    EXPECT_EQ(c.checkOcspResponse(revoked, revokedCert.get(), gov.get(), nullptr, now + 1h).status,
              RevocationStatus::Revoked);
    EXPECT_EQ(c.checkOcspResponse(revoked, revokedCert.get(), gov.get(), nullptr,
                                  *parseIsoTime("2025-01-01"))
                  .status,
              RevocationStatus::Good)
        << "before its revocation date";
  }
  // Kept: the good answer under gov-ca and under root (refused), the rogue one and the revoked one.
  EXPECT_NE(ro.verifiedOcsp->find(good, gov.get()), nullptr);
  EXPECT_NE(ro.verifiedOcsp->find(rogue, gov.get()), nullptr);
  EXPECT_EQ(ro.verifiedOcsp->find(good, signer.get()), nullptr);
}

TEST_F(Services, TimestampFromTheTsaVerifiesWithOpenssl) {
  KYSO_REQUIRE_TOOL("openssl");
  std::string data = "văn bản cần đóng dấu thời gian";
  unsigned char md[32];
  unsigned int n = 0;
  EVP_Digest(data.data(), data.size(), md, &n, EVP_sha256(), nullptr);
  auto tok = requestTimestampSlowly(test::tsaUrl(), NID_sha256,
                                    std::span<const unsigned char>(md, n), http);
  ASSERT_TRUE(tok.ok()) << tok.error().technical();
  auto info = verifyTimestampToken(*tok, std::span<const unsigned char>(md, n));
  ASSERT_TRUE(info.ok()) << info.error().technical();
  EXPECT_NE(info->tsaName.find("TSA (test)"), std::string::npos);
  EXPECT_LT(std::chrono::abs(info->genTime - now), 120s);
  TempDir t;
  test::writeFile(t / "tok.der", *tok);
  test::writeFile(t / "data", data);
  std::string out;
  EXPECT_EQ(test::run("openssl ts -verify -token_in -in " + (t / "tok.der").string() + " -data " +
                          (t / "data").string() + " -CAfile " + test::pki("root.pem").string() +
                          " -untrusted " + test::pki("gov-ca.pem").string(),
                      &out),
            0)
      << out;
  // The TSA chain for that token, at genTime.
  ChainBuilder b(store, ChainOptions{http, {}, 8, nullptr});
  auto ch = b.buildSlowly(info->tsaCert.get(), nullptr, info->genTime, Purpose::Tsa);
  ASSERT_TRUE(ch.ok());
  EXPECT_TRUE(ch->trusted) << ch->detail;
  // Another imprint is refused.
  md[0] ^= 1;
  auto bad = verifyTimestampToken(*tok, std::span<const unsigned char>(md, n));
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().kind, Errc::TimestampImprintMismatch);
}

TEST_F(Services, TsaMisbehaviourIsCaught) {
  unsigned char md[32] = {1, 2, 3};
  std::span<const unsigned char> d(md, 32);
  auto imprint = requestTimestampSlowly(test::tsaUrl("/wrong-imprint"), NID_sha256, d, http);
  ASSERT_FALSE(imprint.ok());
  EXPECT_EQ(imprint.error().kind, Errc::TimestampImprintMismatch) << imprint.error().technical();
  auto nonce = requestTimestampSlowly(test::tsaUrl("/wrong-nonce"), NID_sha256, d, http);
  ASSERT_FALSE(nonce.ok());
  EXPECT_EQ(nonce.error().kind, Errc::TimestampNonceMismatch);
  auto rej = requestTimestampSlowly(test::tsaUrl("/rejection"), NID_sha256, d, http);
  ASSERT_FALSE(rej.ok());
  EXPECT_EQ(rej.error().kind, Errc::TimestampInvalid);
  auto garbage = requestTimestampSlowly(test::tsaUrl("/garbage"), NID_sha256, d, http);
  ASSERT_FALSE(garbage.ok());
  EXPECT_EQ(garbage.error().kind, Errc::TimestampInvalid);
  HttpOptions quick = http;
  quick.timeout = 1000ms;
  auto hang = requestTimestampSlowly(test::tsaUrl("/hang"), NID_sha256, d, quick);
  ASSERT_FALSE(hang.ok());
  EXPECT_EQ(hang.error().kind, Errc::HttpTimeout);
}

TEST_F(Services, HttpLimits) {
  HttpOptions small = http;
  small.maxBytes = 1 << 20;
  auto big = httpGetSlowly(test::httpUrl("/big"), small);
  ASSERT_FALSE(big.ok());
  EXPECT_EQ(big.error().kind, Errc::HttpTooLarge);
  auto e500 = httpGetSlowly(test::httpUrl("/status500"), http);
  ASSERT_FALSE(e500.ok());
  EXPECT_EQ(e500.error().kind, Errc::HttpFailed);
  EXPECT_EQ(e500.error().code, 500);
  HttpOptions off = http;
  off.offline = true;
  EXPECT_FALSE(httpGetSlowly(test::httpUrl("/root.der"), off).ok());
  EXPECT_FALSE(httpGetSlowly("file:///etc/passwd", http).ok());
  auto ok = httpGetSlowly(test::httpUrl("/root.der"), http);
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(*ok, test::readFile(test::pki("root.der")));
}

}  // namespace
}  // namespace kyso::certs
