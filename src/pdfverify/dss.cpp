#include "src/pdfverify/dss.h"

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
      return Error::kyso(Errc::PdfDamaged, "pipeStreamData", "a stream could not be decoded");
  } catch (const TooLarge&) {
    return Error::kyso(Errc::PdfTooComplex, "pipeStreamData", "decoded stream too large");
  } catch (const std::exception& e) {
    return Error::kyso(Errc::PdfDamaged, "pipeStreamData", e.what());
  }
  return out;
}

Result<DssMaterial> readDss(OpenRevision& rev) {
  DssMaterial m;
  try {
    auto dss = rev.pdf().getRoot().getKey("/DSS");
    if (!dss.isDictionary()) return m;
    m.present = true;
    std::size_t total = 0;
    for (auto [key, out] : {std::pair{"/Certs", &m.certs}, std::pair{"/CRLs", &m.crls},
                            std::pair{"/OCSPs", &m.ocsps}}) {
      auto arr = dss.getKey(key);
      if (!arr.isArray()) continue;
      int n = arr.getArrayNItems();
      if (n > kMaxItems) return Error::kyso(Errc::PdfTooComplex, "readDss", "too many /DSS items");
      for (int i = 0; i < n; ++i) {
        auto s = arr.getArrayItem(i);
        if (!s.isStream()) continue;
        KYSO_ASSIGN_OR_RETURN(std::string der, boundedStreamData(s, kMaxItem));
        total += der.size();
        if (total > kMaxTotal) return Error::kyso(Errc::PdfTooComplex, "readDss", "/DSS too large");
        out->push_back(std::move(der));
      }
    }
  } catch (const std::exception& e) {
    return qpdfError(e, "readDss", rev.pdf().getFilename());
  }
  return m;
}

}  // namespace kyso::pdfverify
