#include "src/pdf/pdf_document.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <qpdf/QPDFAcroFormDocumentHelper.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFFormFieldObjectHelper.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>

#include "core/log.h"

namespace kyso::pdf {
namespace {

struct FileCloser {
  void operator()(std::FILE* f) const noexcept { std::fclose(f); }
};
using File = std::unique_ptr<std::FILE, FileCloser>;

std::string readAt(std::FILE* f, std::uint64_t offset, std::size_t n) {
  std::string buf(n, '\0');
  if (::fseeko(f, static_cast<off_t>(offset), SEEK_SET) != 0) return {};
  buf.resize(std::fread(buf.data(), 1, n, f));
  return buf;
}

bool isPdfSpace(char c) {
  return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
}

// Parses "N G obj" at the start of `s` (after white space); returns N or -1.
long parseObjHeader(std::string_view s, long* gen = nullptr) {
  std::size_t i = 0;
  while (i < s.size() && isPdfSpace(s[i])) ++i;
  auto number = [&](long& v) {
    std::size_t st = i;
    v = 0;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])) && i - st < 10)
      v = v * 10 + (s[i++] - '0');
    return i > st;
  };
  long n = 0, g = 0;
  if (!number(n)) return -1;
  if (i >= s.size() || !isPdfSpace(s[i])) return -1;
  while (i < s.size() && isPdfSpace(s[i])) ++i;
  if (!number(g)) return -1;
  while (i < s.size() && isPdfSpace(s[i])) ++i;
  if (s.substr(i, 3) != "obj") return -1;
  if (gen) *gen = g;
  return n;
}

// The newest startxref (the last one in the file's tail) and whether it points at a table
// ("xref") rather than a cross-reference stream ("N G obj").
struct StartXref {
  std::uint64_t offset = 0;
  bool table = false;
};

Result<StartXref> readStartXref(std::FILE* f, std::uint64_t size, const std::string& ctx) {
  const std::uint64_t tailLen = std::min<std::uint64_t>(size, 4096);
  std::string tail = readAt(f, size - tailLen, tailLen);
  auto sx = tail.rfind("startxref");
  if (sx == std::string::npos || tail.find("%%EOF", sx) == std::string::npos)
    return Error::kyso(Errc::PdfDamaged, "startxref",
                       detailArgs({ctx, "no startxref/%%EOF at the end"}))
        .because(Detail::TechnicalIn);
  std::size_t i = sx + 9;
  while (i < tail.size() && isPdfSpace(tail[i])) ++i;
  StartXref out;
  std::size_t digits = 0;
  while (i < tail.size() && std::isdigit(static_cast<unsigned char>(tail[i])) && digits < 16) {
    out.offset = out.offset * 10 + static_cast<std::uint64_t>(tail[i++] - '0');
    ++digits;
  }
  if (digits == 0 || out.offset >= size)
    return Error::kyso(Errc::PdfDamaged, "startxref",
                       detailArgs({ctx, "startxref points outside the file"}))
        .because(Detail::TechnicalIn);
  std::string sec = readAt(f, out.offset, 64);
  std::size_t j = 0;
  while (j < sec.size() && isPdfSpace(sec[j])) ++j;
  out.table = sec.compare(j, 4, "xref") == 0;
  if (!out.table && parseObjHeader(sec) < 0)
    return Error::kyso(Errc::PdfDamaged, "startxref",
                       detailArgs({ctx, "startxref does not point at a cross-reference section"}))
        .because(Detail::TechnicalIn);
  return out;
}

// qpdf on the file, or on its content in memory when `bytes` holds it, without recovery: damage and
// encryption are errors.
Result<std::unique_ptr<QPDF>> openWithQpdf(const std::filesystem::path& path,
                                           const std::string* bytes, const std::string& ctx) {
  auto q = std::make_unique<QPDF>();
  q->setSuppressWarnings(true);
  q->setAttemptRecovery(false);
  try {
    if (bytes)
      q->processMemoryFile(path.c_str(), bytes->data(), bytes->size());
    else
      q->processFile(path.c_str());
  } catch (const QPDFExc& e) {
    if (e.getErrorCode() == qpdf_e_password)
      return Error::kyso(Errc::PdfEncrypted, "QPDF::processFile", ctx)
          .because(Detail::EncryptedPdf);
    return Error::kyso(Errc::PdfDamaged, "QPDF::processFile", detailArgs({ctx, e.what()}))
        .because(Detail::TechnicalIn);
  } catch (const std::exception& e) {
    return Error::kyso(Errc::PdfDamaged, "QPDF::processFile", detailArgs({ctx, e.what()}))
        .because(Detail::TechnicalIn);
  }
  if (q->isEncrypted())
    return Error::kyso(Errc::PdfEncrypted, "QPDF::isEncrypted", ctx).because(Detail::EncryptedPdf);
  return q;
}

// Every in-use entry must point at "N G obj" for its own number: a signature over a file that
// viewers would repair (each in its own way) is worthless. Returns the highest object number.
Result<int> checkXrefEntries(QPDF& q, std::FILE* f, std::uint64_t size, const std::string& ctx) {
  int maxObj = 0;
  for (const auto& [og, entry] : q.getXRefTable()) {
    maxObj = std::max(maxObj, og.getObj());
    if (entry.getType() != 1) continue;
    auto off = static_cast<std::uint64_t>(entry.getOffset());
    long gen = -1;
    long n = off < size ? parseObjHeader(readAt(f, off, 48), &gen) : -1;
    if (n != og.getObj() || gen != og.getGen())
      return Error::kyso(Errc::PdfDamaged, "xref",
                         detailArgs({ctx, "entry for object " + std::to_string(og.getObj()) +
                                              " points at offset " + std::to_string(off) +
                                              " which does not hold it"}))
          .because(Detail::TechnicalIn);
  }
  return maxObj;
}

// Files up to this size are read with one system call and parsed from memory: qpdf's reader of a
// FILE* seeks with a system call for every object, which cost a one-page letter more than hashing
// and writing it (issue 22). Larger files are read where they lie, so memory stays flat.
constexpr std::uint64_t kInMemoryLimit = 16u << 20;

}  // namespace

Result<std::unique_ptr<PdfDocument>> PdfDocument::open(const std::filesystem::path& path) {
  const std::string ctx = path.string();
  File f(std::fopen(path.c_str(), "rb"));
  if (!f) return Error::posix(errno, "fopen", ctx);
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec))
    return Error::kyso(Errc::FileUnreadable, "open", ctx);
  if (::fseeko(f.get(), 0, SEEK_END) != 0) return Error::posix(errno, "fseeko", ctx);
  const auto size = static_cast<std::uint64_t>(::ftello(f.get()));
  if (size == 0) return Error::kyso(Errc::NotAPdf, "open", ctx).because(Detail::EmptyFile);

  std::unique_ptr<PdfDocument> doc(new PdfDocument());
  doc->m_size = size;
  doc->m_stamp = FileStamp::of(::fileno(f.get()));
  if (size <= kInMemoryLimit) {
    doc->m_bytes.resize(size);
    if (::fseeko(f.get(), 0, SEEK_SET) != 0) return Error::posix(errno, "fseeko", ctx);
    if (std::fread(doc->m_bytes.data(), 1, size, f.get()) != size)
      return Error::posix(std::ferror(f.get()) ? errno : EIO, "fread", ctx);
    // The bytes are what is parsed, signed and written: a file written meanwhile is refused.
    if (FileStamp::of(::fileno(f.get())) != doc->m_stamp ||
        (doc->m_stamp && doc->m_stamp->size != size))
      return Error::kyso(Errc::FileUnreadable, "read", ctx).because(Detail::ChangedWhileRead);
    File mem(::fmemopen(doc->m_bytes.data(), size, "rb"));
    if (!mem) return Error::posix(errno, "fmemopen", ctx);
    f = std::move(mem);
  }
  const std::string* inMemory = doc->m_bytes.empty() ? nullptr : &doc->m_bytes;
  std::string head = readAt(f.get(), 0, 1024);
  auto hp = head.find("%PDF-");
  if (hp == std::string::npos) return Error::kyso(Errc::NotAPdf, "open", ctx + ": no %PDF- header");
  doc->m_version = head.substr(hp + 5, 3);
  KYSO_ASSIGN_OR_RETURN(StartXref sx, readStartXref(f.get(), size, ctx));
  doc->m_startxref = sx.offset;
  KYSO_ASSIGN_OR_RETURN(auto q, openWithQpdf(path, inMemory, ctx));
  try {
    QPDFObjectHandle trailer = q->getTrailer();
    if (sx.table)
      doc->m_kind = trailer.hasKey("/XRefStm") ? XrefKind::Hybrid : XrefKind::Table;
    else
      doc->m_kind = XrefKind::Stream;
    QPDFObjectHandle root = trailer.getKey("/Root");
    if (!root.isIndirect() || !root.isDictionary())
      return Error::kyso(Errc::PdfDamaged, "trailer", detailArgs({ctx, "no /Root catalog"}))
          .because(Detail::TechnicalIn);
    long long sizeKey =
        trailer.getKey("/Size").isInteger() ? trailer.getKey("/Size").getIntValue() : 0;
    KYSO_ASSIGN_OR_RETURN(int maxObj, checkXrefEntries(*q, f.get(), size, ctx));
    doc->m_nextObj = static_cast<int>(std::max<long long>(sizeKey, maxObj + 1));
    // Reading the page tree resolves the objects a signer touches; failures mean damage.
    QPDFPageDocumentHelper(*q).getAllPages();
  } catch (const std::exception& e) {
    return Error::kyso(Errc::PdfDamaged, "QPDF", detailArgs({ctx, e.what()}))
        .because(Detail::TechnicalIn);
  }
  // With recovery off, qpdf throws on real damage; what it still warns about is cosmetic (a /Size
  // one too large, white space before `xref`) and is only logged.
  for (const auto& w : q->getWarnings()) log::debug(std::string("qpdf: ") + w.what());
  doc->m_qpdf = std::move(q);
  return doc;
}

std::string PdfDocument::rootRef() {
  return m_qpdf->getTrailer().getKey("/Root").unparse();
}

std::optional<std::string> PdfDocument::infoRef() {
  auto info = m_qpdf->getTrailer().getKey("/Info");
  if (info.isNull()) return std::nullopt;
  return info.unparse();
}

std::optional<std::string> PdfDocument::idArray() {
  auto id = m_qpdf->getTrailer().getKey("/ID");
  if (!id.isArray() || id.getArrayNItems() != 2) return std::nullopt;
  return id.unparseResolved();
}

Result<std::vector<SignatureField>> PdfDocument::signatureFields() {
  return guardQpdf("signatureFields", [&]() -> Result<std::vector<SignatureField>> {
    std::vector<SignatureField> out;
    QPDFAcroFormDocumentHelper af(*m_qpdf);
    for (auto& field : af.getFormFields()) {
      if (field.getFieldType() != "/Sig") continue;
      SignatureField sf;
      sf.name = field.getFullyQualifiedName();
      sf.objgen = field.getObjectHandle().getObjGen();
      sf.signed_ = field.getValue().isDictionary();
      out.push_back(std::move(sf));
    }
    return out;
  });
}

std::optional<int> PdfDocument::docMdpPermission() {
  try {
    auto perms = m_qpdf->getRoot().getKey("/Perms");
    if (!perms.isDictionary()) return std::nullopt;
    auto sig = perms.getKey("/DocMDP");
    if (!sig.isDictionary()) return std::nullopt;
    auto refs = sig.getKey("/Reference");
    if (refs.isArray()) {
      for (int k = 0; k < refs.getArrayNItems(); ++k) {
        auto r = refs.getArrayItem(k);
        if (!r.isDictionary() || !r.getKey("/TransformMethod").isNameAndEquals("/DocMDP")) continue;
        auto p = r.getKey("/TransformParams").isDictionary()
                     ? r.getKey("/TransformParams").getKey("/P")
                     : QPDFObjectHandle::newNull();
        return p.isInteger() ? static_cast<int>(p.getIntValue()) : 2;
      }
    }
    return 2;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

Result<int> PdfDocument::pageCount() {
  return guardQpdf("pageCount", [&]() -> Result<int> {
    return static_cast<int>(QPDFPageDocumentHelper(*m_qpdf).getAllPages().size());
  });
}

}  // namespace kyso::pdf
