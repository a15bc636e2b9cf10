#include "tests/pdfverify/verify_fixture.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <cstdlib>
#include <fstream>
#include <stdexcept>

#include "certs/cert_info.h"
#include "certs/trust_store.h"
#include "src/pdfverify/cms_checker.h"
#include "src/pdfverify/file_bytes.h"
#include "src/pdfverify/report.h"

namespace kyso::test {

struct TestVerifier::Impl {
  certs::TrustStore store = certs::TrustStore::empty();
  std::unique_ptr<pdfverify::KysoCmsChecker> cms;
  pdfverify::VerifyOptions opt;
};

TestVerifier::TestVerifier(const std::vector<std::filesystem::path>& anchors, const std::string& at)
    : m(std::make_unique<Impl>()) {
  for (auto& a : anchors)
    if (!m->store.addAnchors(a, "test").ok()) throw std::runtime_error("bad anchor " + a.string());
  cms::VerifyOptions co;
  co.trust = &m->store;
  co.chain.http.offline = true;
  co.revocation.http.offline = true;
  co.checkRevocation = false;
  if (!at.empty()) {
    auto t = certs::parseIsoTime(at);
    if (!t.ok()) throw std::runtime_error("bad time " + at);
    co.at = *t;
  }
  m->cms = std::make_unique<pdfverify::KysoCmsChecker>(co);
  if (hasCms()) m->opt.cms = m->cms.get();
}

TestVerifier::~TestVerifier() = default;

bool TestVerifier::hasCms() {
  // KYSO_PDFVERIFY_TEST_NO_CMS=1 checks the structure and modification analysis alone (to
  // isolate it from the CMS layer, e.g. under sanitizers).
  return std::getenv("KYSO_PDFVERIFY_TEST_NO_CMS") == nullptr;
}

namespace {

// KYSO_TEST_CHANGE_LOG=FILE: every change kind a test's verification reported, with whether the
// rules allowed it and the test's name, one line each (which test exercises which row of the
// rules table; see the issue 15 closing note).
pdfverify::FileReport logged(pdfverify::FileReport r) {
  if (const char* log = std::getenv("KYSO_TEST_CHANGE_LOG")) {
    const auto* t = ::testing::UnitTest::GetInstance()->current_test_info();
    std::ofstream out(log, std::ios::app);
    for (const auto& s : r.signatures)
      for (const auto& c : s.changes)
        out << pdfverify::changeCode(c.kind) << '#' << static_cast<int>(c.kind) << '\t'
            << (c.allowed ? "allowed" : "refused") << '\t'
            << (t ? std::string(t->test_suite_name()) + "." + t->name() : "?") << '\n';
  }
  return r;
}

}  // namespace

pdfverify::FileReport TestVerifier::file(const std::filesystem::path& p) {
  return logged(pdfverify::verifyPdfFile(p, m->opt));
}

pdfverify::FileReport TestVerifier::bytes(const std::string& data, const std::string& name) {
  return logged(pdfverify::verifyPdf(pdfverify::FileBytes::fromMemory(data, name), m->opt));
}

std::string changesText(const pdfverify::FileReport& r, std::size_t i) {
  std::string s;
  if (i >= r.signatures.size()) return "(no signature " + std::to_string(i) + ")";
  for (auto& c : r.signatures[i].changes)
    s += (c.allowed ? "[ok] " : "[NO] ") + pdfverify::changeText(c, Lang::En) + "; ";
  for (auto& p : r.signatures[i].problems)
    s += "[problem] " + pdfverify::findingText(p, Lang::En) + "; ";
  return s;
}

}  // namespace kyso::test
