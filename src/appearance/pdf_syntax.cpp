#include "src/appearance/pdf_syntax.h"

#include <zlib.h>

#include <cmath>
#include <cstdio>

namespace kyso::appearance {

std::string pdfNum(double v) {
  if (!std::isfinite(v)) v = 0;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.4f", v);
  std::string s(buf);
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  if (s == "-0" || s.empty()) s = "0";
  return s;
}

std::string mmText(double pt) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", std::isfinite(pt) ? pt / kPtPerMm : 0.0);
  return buf;
}

std::string refTo(std::size_t k) {
  return "{{ref:" + std::to_string(k) + "}}";
}

Result<std::string> flate(std::string_view data) {
  uLongf cap = compressBound(static_cast<uLong>(data.size()));
  std::string out(cap, '\0');
  const int rc = compress2(reinterpret_cast<Bytef*>(out.data()), &cap,
                           reinterpret_cast<const Bytef*>(data.data()),
                           static_cast<uLong>(data.size()), Z_BEST_COMPRESSION);
  if (rc != Z_OK) return Error::raw(Domain::Kyso, rc, "compress2", "zlib", Errc::InputTooLarge);
  out.resize(cap);
  return out;
}

Result<std::string> flateStream(std::string_view dictEntries, std::string_view data) {
  KYSO_ASSIGN_OR_RETURN(std::string z, flate(data));
  std::string body = "<< ";
  body += dictEntries;
  body += " /Filter /FlateDecode /Length " + std::to_string(z.size()) + " >>\nstream\n";
  body += z;
  body += "\nendstream";
  return body;
}

}  // namespace kyso::appearance
