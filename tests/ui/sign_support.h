// Helpers for the Sign tab tests: the test PKI (fixture 'pki') and sample letter (fixture
// 'samples') locations, a SoftHSM token holding a test-PKI signer with its CA, and a handwritten
// signature PNG with transparency, and the signature dictionaries of a PDF as qpdf reads them.
#pragma once

#include <gtest/gtest.h>

#include <QColor>
#include <QImage>
#include <QPainter>
#include <QString>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/json.h"
#include "core/result.h"
#include "tests/support/softhsm_fixture.h"

namespace kyso::ui::testing {
namespace fs = std::filesystem;

inline fs::path envDir(const char* name) {
  const char* v = std::getenv(name);
  return v ? fs::path(v) : fs::path();
}
inline fs::path pkiDir() {
  return envDir("KYSO_TEST_PKI");
}
inline fs::path samplesDir() {
  return envDir("KYSO_BINARY_DIR") / "test-samples";
}
inline std::string readAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

/// Puts signer-rsa2048 (key + certificate, CKA_ID 01) and the issuing CA (CKA_ID ca) on the
/// token. The files are copied into the token's folder first (the fixture writes DER beside them).
inline Status importTestSigner(test::SoftHsmToken& t, bool alwaysAuthenticate = false) {
  const fs::path pki = pkiDir();
  for (const char* f : {"signer-rsa2048.key", "signer-rsa2048.pem", "gov-ca.pem"}) {
    std::error_code ec;
    fs::copy_file(pki / f, t.dir() / f, fs::copy_options::overwrite_existing, ec);
    if (ec) return Error::posix(ec.value(), "copy", (pki / f).string());
  }
  KYSO_TRY(t.importKey(t.dir() / "signer-rsa2048.key", "01", "Lap Lanh", alwaysAuthenticate));
  KYSO_TRY(t.importCert(t.dir() / "signer-rsa2048.pem", "01", "Lap Lanh"));
  return t.importCert(t.dir() / "gov-ca.pem", "ca", "Government CA");
}

/// A handwriting-like PNG (blue strokes on a transparent background).
inline QString makeSignaturePng(const fs::path& dir) {
  QImage img(600, 240, QImage::Format_ARGB32);
  img.fill(Qt::transparent);
  QPainter p(&img);
  p.setPen(QPen(QColor(20, 40, 160), 8));
  p.drawLine(40, 180, 220, 40);
  p.drawLine(220, 40, 330, 200);
  p.drawLine(330, 200, 560, 70);
  p.end();
  const QString out = QString::fromStdString((dir / "handwriting.png").string());
  img.save(out, "PNG");
  return out;
}

/// The signature dictionaries (those with /ByteRange and /Contents) of `pdf`, read with
/// `qpdf --json=2` (text strings come back as "u:..." in UTF-8).
inline std::vector<Json> signatureDictionaries(const QString& pdf) {
  const auto r = test::runTool({"qpdf", "--json=2", "--json-key=qpdf", pdf.toStdString()});
  EXPECT_EQ(r.status, 0) << r.out;
  auto json = Json::parse(r.out);
  EXPECT_TRUE(json.ok()) << r.out.substr(0, 400);
  std::vector<Json> out;
  if (!json.ok()) return out;
  for (const auto& [key, obj] : (*json)["qpdf"][1].members()) {
    const Json& v = obj["value"];
    if (v.isObject() && v.contains("/ByteRange") && v.contains("/Contents")) out.push_back(v);
  }
  return out;
}

}  // namespace kyso::ui::testing
