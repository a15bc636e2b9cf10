#include "tests/pdfverify/pdf_builder.h"

#include <cstdio>
#include <fstream>
#include <sstream>

#include "tests/support/softhsm_fixture.h"

namespace kyso::test {

namespace {

namespace fs = std::filesystem;

constexpr std::size_t kPlaceholderHex = 8192;
const std::string kBrPlaceholder = "/ByteRange [0 0000000000 0000000000 0000000000]";

std::string readAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string sigDict(const std::string& subfilter, int docmdp, bool referenceData = false) {
  std::string d = "<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /" + subfilter + " " +
                  kBrPlaceholder + " /Contents <" + std::string(kPlaceholderHex, '0') +
                  "> /M (D:20261125080000Z)";
  if (docmdp > 0)
    d += " /Reference [ << /Type /SigRef /TransformMethod /DocMDP /TransformParams << /Type "
         "/TransformParams /P " +
         std::to_string(docmdp) + " /V /1.2 >>" + (referenceData ? " /Data 1 0 R" : "") + " >> ]";
  return d + " >>";
}

std::string stream(const std::string& dict, const std::string& data) {
  return "<< " + dict + " /Length " + std::to_string(data.size()) + " >>\nstream\n" + data +
         "\nendstream";
}

std::uint64_t lastStartxref(const std::string& pdf) {
  auto p = pdf.rfind("startxref");
  return std::stoull(pdf.substr(p + 9));
}

// Fills the last ByteRange placeholder and its /Contents with an openssl CMS signature over the
// covered bytes. Empty on failure.
std::string signLastPlaceholder(const fs::path& dir, std::string pdf, std::string* err) {
  auto br = pdf.rfind(kBrPlaceholder);
  if (br == std::string::npos) return *err = "no placeholder", std::string();
  auto a = pdf.find("/Contents <", br) + 10;
  auto b = a + kPlaceholderHex + 2;
  auto c = pdf.size() - b;
  char brText[128];
  std::snprintf(brText, sizeof brText, "/ByteRange [0 %010zu %010zu %010zu]", a, b, c);
  pdf.replace(br, kBrPlaceholder.size(), brText);
  {
    std::ofstream out(dir / "tosign.bin", std::ios::binary | std::ios::trunc);
    out.write(pdf.data(), static_cast<std::streamsize>(a));
    out.write(pdf.data() + b, static_cast<std::streamsize>(c));
  }
  // A PAdES producer writes the ESS signing-certificate-v2 attribute (openssl's -cades) for the
  // ETSI.CAdES.detached subfilter; a file named "plain-cms" in `dir` asks for a signature without
  // it (a producer that only changed the subfilter).
  const auto sf = pdf.rfind("/SubFilter", br);
  const bool pades =
      sf != std::string::npos && pdf.compare(sf, 31, "/SubFilter /ETSI.CAdES.detached") == 0;
  std::vector<std::string> cmd = {"openssl",  "cms",
                                  "-sign",    "-binary",
                                  "-in",      (dir / "tosign.bin").string(),
                                  "-signer",  (dir / "signer.pem").string(),
                                  "-inkey",   (dir / "signer.key").string(),
                                  "-md",      "sha256",
                                  "-outform", "DER",
                                  "-out",     (dir / "sig.der").string()};
  if (pades && !fs::exists(dir / "plain-cms")) cmd.push_back("-cades");
  auto r = runTool(cmd);
  if (r.status != 0) return *err = "openssl cms -sign: " + r.out, std::string();
  std::string der = readAll(dir / "sig.der");
  static const char* hex = "0123456789ABCDEF";
  std::string h;
  for (unsigned char ch : der) {
    h += hex[ch >> 4];
    h += hex[ch & 15];
  }
  if (h.size() > kPlaceholderHex) return *err = "signature too large", std::string();
  pdf.replace(a + 1, h.size(), h);
  return pdf;
}

}  // namespace

std::string streamObject(const std::string& dict, const std::string& data) {
  return stream(dict, data);
}

std::string objectBody(const std::string& bytes, int num) {
  const std::string head = "\n" + std::to_string(num) + " 0 obj\n";
  auto p = bytes.rfind(head);
  if (p == std::string::npos) return {};
  p += head.size();
  auto e = bytes.find("\nendobj", p);
  return e == std::string::npos ? std::string() : bytes.substr(p, e - p);
}

void writeBytes(const fs::path& path, const std::string& data) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(data.data(), static_cast<std::streamsize>(data.size()));
}

bool makeSigner(const fs::path& dir, std::string* err) {
  auto r = runTool({"openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout",
                    (dir / "signer.key").string(), "-out", (dir / "signer.pem").string(), "-days",
                    "30", "-utf8", "-subj", "/CN=Nguyễn Văn A/O=Sở Y tế (test)", "-addext",
                    "keyUsage=critical,digitalSignature,nonRepudiation"});
  if (r.status != 0) *err = "openssl req: " + r.out;
  return r.status == 0;
}

std::string appendUpdate(const std::string& base, const std::vector<PdfObject>& objects, int size,
                         const std::map<int, std::uint64_t>& xrefOverride, const std::string& root,
                         const std::string& trailerExtra,
                         const std::vector<std::pair<int, std::uint64_t>>& leadingEntries) {
  std::string out = base;
  if (!out.empty() && out.back() != '\n') out += "\n";
  std::map<int, std::uint64_t> offsets = xrefOverride;
  int maxNum = 0;
  for (auto& o : objects) {
    offsets[o.num] = out.size();
    out += std::to_string(o.num) + " 0 obj\n" + o.body + "\nendobj\n";
    maxNum = std::max(maxNum, o.num);
  }
  for (auto& [n, off] : xrefOverride) maxNum = std::max(maxNum, n);
  const std::uint64_t xref = out.size();
  out += "xref\n";
  char line[64];
  // An update without objects still lists object 0, the head of the free list (as Acrobat and
  // qpdf write it; an empty table is not a valid cross-reference section).
  if (offsets.empty() && leadingEntries.empty()) out += "0 1\n0000000000 65535 f \n";
  for (auto& [n, off] : leadingEntries) {
    std::snprintf(line, sizeof line, "%d 1\n%010llu 00000 n \n", n,
                  static_cast<unsigned long long>(off));
    out += line;
  }
  for (auto& [n, off] : offsets) {
    std::snprintf(line, sizeof line, "%d 1\n%010llu 00000 n \n", n,
                  static_cast<unsigned long long>(off));
    out += line;
  }
  out += "trailer\n<< /Size " + std::to_string(std::max(size, maxNum + 1)) + " /Root " + root +
         " /Prev " + std::to_string(lastStartxref(base)) + trailerExtra + " >>\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
  return out;
}

std::string appendXrefStreamUpdate(const std::string& base, const std::vector<PdfObject>& objects,
                                   int size, int xrefObj, const std::string& trailerExtra) {
  std::string out = base;
  if (!out.empty() && out.back() != '\n') out += "\n";
  std::map<int, std::uint64_t> offsets;
  int maxNum = xrefObj;
  for (auto& o : objects) {
    offsets[o.num] = out.size();
    out += std::to_string(o.num) + " 0 obj\n" + o.body + "\nendobj\n";
    maxNum = std::max(maxNum, o.num);
  }
  const std::uint64_t xref = out.size();
  offsets[xrefObj] = xref;
  // Rows of /W [1 4 2]: type 1, offset, generation 0.
  std::string rows, index;
  for (auto& [n, off] : offsets) {
    rows += '\x01';
    for (int shift = 24; shift >= 0; shift -= 8) rows += static_cast<char>((off >> shift) & 0xff);
    rows += std::string(2, '\0');
    index += std::to_string(n) + " 1 ";
  }
  out += std::to_string(xrefObj) + " 0 obj\n<< /Type /XRef /Size " +
         std::to_string(std::max(size, maxNum + 1)) + " /W [1 4 2] /Index [" + index +
         "] /Root 1 0 R /Prev " + std::to_string(lastStartxref(base)) + trailerExtra + " /Length " +
         std::to_string(rows.size()) + " >>\nstream\n" + rows + "\nendstream\nendobj\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
  return out;
}

std::string placeholderSigDict(const std::string& subfilter, const std::string& extra) {
  std::string d = sigDict(subfilter, 0);
  return d.substr(0, d.size() - 2) + extra + " >>";
}

std::string appendSignedUpdate(const fs::path& dir, const std::string& base,
                               const std::vector<PdfObject>& objects, int size, std::string* err) {
  return signLastPlaceholder(dir, appendUpdate(base, objects, size), err);
}

SignedPdf makeSignedPdf(const fs::path& dir, const BaseOptions& opt, std::string* err) {
  const std::string content = "BT /F1 24 Tf 72 700 Td (Signed text: pay 100 VND) Tj ET /Fm1 Do";
  const std::string evil = "BT /F1 24 Tf 72 700 Td (Signed text: pay 999999 VND) Tj ET";
  std::string catalog = "<< /Type /Catalog /Pages 2 0 R /AcroForm 6 0 R";
  if (opt.docmdp > 0) catalog += " /Perms << /DocMDP 8 0 R >>";
  catalog += " >>";
  std::vector<PdfObject> objs = {
      {1, catalog},
      {2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>"},
      {3,
       "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << "
       "/Font << /F1 5 0 R >> /XObject << /Fm1 10 0 R >> >> /Annots [7 0 R 11 0 R] >>"},
      {4, stream("", content)},
      {5, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"},
      {6, "<< /Fields [7 0 R 11 0 R] /SigFlags 3 >>"},
      {7,
       "<< /FT /Sig /T (Signature1) /Type /Annot /Subtype /Widget /Rect [0 0 0 0] /F 132 /P 3 "
       "0 R /V 8 0 R >>"},
      {8, sigDict(opt.subfilter, opt.docmdp, opt.referenceData)},
      {9, stream("", evil)},
      {10, stream("/Type /XObject /Subtype /Form /BBox [0 0 595 842]", "")},
      {11,
       "<< /FT /Tx /T (Name) /V (Alice) /Type /Annot /Subtype /Widget /Rect [100 100 300 120] "
       "/P 3 0 R /AP << /N 12 0 R >> >>"},
      {12, stream("/Type /XObject /Subtype /Form /BBox [0 0 200 20] /Resources << /Font << /F1 5 0 "
                  "R >> >>",
                  "BT /F1 12 Tf 2 4 Td (Alice) Tj ET")},
  };
  if (opt.padding > 0) {
    // An image resource of the page (never drawn) holding pseudo-random bytes.
    std::string data(opt.padding, '\0');
    std::uint64_t x = 0x9E3779B97F4A7C15ull;
    for (auto& ch : data) {
      x ^= x << 13;
      x ^= x >> 7;
      x ^= x << 17;
      ch = static_cast<char>(x);
    }
    objs[2].body =
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << "
        "/Font << /F1 5 0 R >> /XObject << /Fm1 10 0 R /Im1 13 0 R >> >> /Annots [7 0 R 11 0 R] >>";
    objs.push_back({13, stream("/Type /XObject /Subtype /Image /Width 1024 /Height " +
                                   std::to_string(opt.padding / 1024) +
                                   " /ColorSpace /DeviceGray /BitsPerComponent 8",
                               data)});
  }
  for (auto& o : objs)
    if (auto it = opt.replace.find(o.num); it != opt.replace.end()) o.body = it->second;
  for (auto& o : opt.extra) objs.push_back(o);
  SignedPdf s;
  s.size = opt.padding > 0 ? 14 : 13;
  for (auto& o : opt.extra) s.size = std::max(s.size, o.num + 1);
  std::string out = "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n";
  // An unused second version of page 3 showing the prepared content: invisible until an
  // attacker's xref points at it.
  s.hiddenPageOffset = out.size();
  out +=
      "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 9 0 R "
      "/Resources << /Font << /F1 5 0 R >> >> >>\nendobj\n";
  std::map<int, std::uint64_t> off;
  for (auto& o : objs) {
    off[o.num] = out.size();
    out += std::to_string(o.num) + " 0 obj\n" + o.body + "\nendobj\n";
  }
  const std::uint64_t xref = out.size();
  out += "xref\n0 " + std::to_string(s.size) + "\n0000000000 65535 f \n";
  char line[32];
  for (int n = 1; n < s.size; ++n) {
    if (!off.count(n)) {
      out += "0000000000 65535 f \n";  // not defined: a reference to it reads as null
      continue;
    }
    std::snprintf(line, sizeof line, "%010llu 00000 n \n", static_cast<unsigned long long>(off[n]));
    out += line;
  }
  out += "trailer\n<< /Size " + std::to_string(s.size) + " /Root 1 0 R >>\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
  s.bytes = opt.leaveUnsigned ? out : signLastPlaceholder(dir, out, err);
  return s;
}

std::string appendSignature(const fs::path& dir, const std::string& base, int size,
                            std::string* err) {
  std::string upd = appendUpdate(
      base,
      {{3,
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << "
        "/Font << /F1 5 0 R >> /XObject << /Fm1 10 0 R >> >> /Annots [7 0 R 11 0 R 20 0 R] >>"},
       {6, "<< /Fields [7 0 R 11 0 R 20 0 R] /SigFlags 3 >>"},
       {20,
        "<< /FT /Sig /T (Signature2) /Type /Annot /Subtype /Widget /Rect [0 0 0 0] /F 132 /P "
        "3 0 R /V 21 0 R >>"},
       {21, sigDict("adbe.pkcs7.detached", 0)}},
      size);
  return signLastPlaceholder(dir, upd, err);
}

}  // namespace kyso::test
