#include "src/pdfverify/dss.h"

#include <openssl/evp.h>

#include <cctype>
#include <qpdf/Pipeline.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <stdexcept>

namespace kyso::pdfverify {

namespace {

constexpr std::size_t kMaxItem = 4u << 20;
constexpr std::size_t kMaxTotal = 64u << 20;
constexpr int kMaxItems = 5000;

struct TooLarge : std::runtime_error {
  TooLarge() : std::runtime_error("stream data larger than the limit") {}
};

// Collects decoded bytes and stops the decoder (by throwing) once the limit is passed.
class LimitedSink final : public Pipeline {
 public:
  LimitedSink(std::string& out, std::size_t max)
      : Pipeline("kyso-limited", nullptr), m_out(out), m_max(max) {}
  void write(unsigned char const* data, size_t len) override {
    if (len > m_max - m_out.size()) throw TooLarge();
    m_out.append(reinterpret_cast<const char*>(data), len);
  }
  void finish() override {}

 private:
  std::string& m_out;
  std::size_t m_max;
};

}  // namespace

Result<std::string> boundedStreamData(QPDFObjectHandle stream, std::size_t maxBytes) {
  std::string out;
  try {
    LimitedSink sink(out, maxBytes);
    if (!stream.pipeStreamData(&sink, 0, qpdf_dl_generalized, false, false))
      return Error::kyso(Errc::PdfDamaged, "pipeStreamData", "a stream could not be decoded")
          .because(Detail::Technical);
  } catch (const TooLarge&) {
    return Error::kyso(Errc::PdfTooComplex, "pipeStreamData", "decoded stream too large")
        .because(Detail::Technical);
  } catch (const std::exception& e) {
    return Error::kyso(Errc::PdfDamaged, "pipeStreamData", e.what()).because(Detail::Technical);
  }
  return out;
}

namespace {

// Decodes the streams of `arr` (skipping anything else) into `out`, counting against `total`.
Status readStreams(QPDFObjectHandle arr, std::vector<std::string>& out, std::size_t& total) {
  if (!arr.isArray()) return okStatus();
  int n = arr.getArrayNItems();
  if (n > kMaxItems)
    return Error::kyso(Errc::PdfTooComplex, "readDss", "too many /DSS items")
        .because(Detail::Technical);
  for (int i = 0; i < n; ++i) {
    auto s = arr.getArrayItem(i);
    if (!s.isStream()) continue;
    KYSO_ASSIGN_OR_RETURN(std::string der, boundedStreamData(s, kMaxItem));
    total += der.size();
    if (total > kMaxTotal)
      return Error::kyso(Errc::PdfTooComplex, "readDss", "/DSS too large")
          .because(Detail::Technical);
    out.push_back(std::move(der));
  }
  return okStatus();
}

}  // namespace

Result<DssMaterial> readDss(OpenRevision& rev) {
  DssMaterial m;
  try {
    auto dss = rev.pdf().getRoot().getKey("/DSS");
    if (!dss.isDictionary()) return m;
    m.present = true;
    std::size_t total = 0;
    KYSO_TRY(readStreams(dss.getKey("/Certs"), m.certs, total));
    KYSO_TRY(readStreams(dss.getKey("/CRLs"), m.crls, total));
    KYSO_TRY(readStreams(dss.getKey("/OCSPs"), m.ocsps, total));
    auto vri = dss.getKey("/VRI");
    if (vri.isDictionary()) {
      auto keys = vri.getKeys();
      if (keys.size() > static_cast<std::size_t>(kMaxItems))
        return Error::kyso(Errc::PdfTooComplex, "readDss", "too many /VRI entries")
            .because(Detail::Technical);
      for (auto& k : keys) {
        auto entry = vri.getKey(k);
        if (!entry.isDictionary()) continue;
        VriMaterial v;
        KYSO_TRY(readStreams(entry.getKey("/Cert"), v.certs, total));
        KYSO_TRY(readStreams(entry.getKey("/CRL"), v.crls, total));
        KYSO_TRY(readStreams(entry.getKey("/OCSP"), v.ocsps, total));
        // Keys are names: "/" + 40 hex digits; compared in upper case.
        std::string key = k.substr(1);
        for (auto& c : key) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        m.vri[key] = std::move(v);
      }
    }
  } catch (const std::exception& e) {
    return qpdfError(e, "readDss", rev.pdf().getFilename());
  }
  return m;
}

std::string vriKey(std::string_view contents) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  if (EVP_Digest(contents.data(), contents.size(), md, &n, EVP_sha1(), nullptr) != 1) return {};
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned int i = 0; i < n; ++i) {
    out += hex[md[i] >> 4];
    out += hex[md[i] & 15];
  }
  return out;
}

}  // namespace kyso::pdfverify
