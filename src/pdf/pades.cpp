#include "src/pdf/pades.h"

#include <qpdf/QPDFAcroFormDocumentHelper.hh>

namespace kyso::pdf {
namespace {

// Length of the DER element at the start of `b` (tag, length, content), or 0 if unreadable.
std::size_t derLength(const std::string& b) {
  if (b.size() < 2) return 0;
  auto u = [&](std::size_t i) { return static_cast<unsigned char>(b[i]); };
  std::size_t len = u(1);
  std::size_t hdr = 2;
  if (len & 0x80) {
    std::size_t n = len & 0x7F;
    if (n == 0 || n > 4 || b.size() < 2 + n) return 0;
    len = 0;
    for (std::size_t i = 0; i < n; ++i) len = (len << 8) | u(2 + i);
    hdr += n;
  }
  return hdr + len <= b.size() ? hdr + len : 0;
}

// The output's first part, the input as `doc` read it: from its bytes when it was read into
// memory, else copied from the file, which must still have the size qpdf parsed.
Result<RevisionWriter> startOutput(const PdfDocument& doc, const std::filesystem::path& input,
                                   const std::filesystem::path& output,
                                   AtomicFile::Overwrite overwrite) {
  if (!doc.bytes().empty()) return RevisionWriter::startWith(doc.bytes(), output, overwrite);
  KYSO_ASSIGN_OR_RETURN(RevisionWriter out, RevisionWriter::start(input, output, overwrite));
  if (out.size() != doc.fileSize())
    return Error::kyso(Errc::FileUnreadable, "signPdfFile", input.string())
        .because(Detail::ChangedWhileRead);
  return out;
}

Status addLtvAndTimestamp(RevisionWriter& out, PadesLevel level,
                          const std::vector<std::vector<unsigned char>>& contents, LtvSource& ltv,
                          ContentsMaker* docTimestamp, PadesResult& res) {
  std::vector<VriEntry> entries;
  for (const auto& c : contents) {
    KYSO_ASSIGN_OR_RETURN(VriEntry e, ltv.materialForSlowly(c));
    e.signatureContents = c;
    entries.push_back(std::move(e));
  }
  {
    KYSO_ASSIGN_OR_RETURN(auto doc, PdfDocument::open(out.tempPath()));
    KYSO_TRY(appendDss(out, *doc, entries));
    res.dssAdded = true;
  }
  if (level == PadesLevel::BLTA) {
    KYSO_ASSIGN_OR_RETURN(auto doc, PdfDocument::open(out.tempPath()));
    SignatureOptions ts;
    ts.kind = SignatureOptions::Kind::DocTimeStamp;
    ts.subFilter = "ETSI.RFC3161";
    KYSO_ASSIGN_OR_RETURN(auto rev, appendSignature(out, *doc, ts, *docTimestamp));
    (void)rev;
    res.docTimestampAdded = true;
  }
  return okStatus();
}

}  // namespace

std::optional<PadesLevel> parsePadesLevel(std::string_view s) {
  if (s == "B-B") return PadesLevel::BB;
  if (s == "B-T") return PadesLevel::BT;
  if (s == "B-LT") return PadesLevel::BLT;
  if (s == "B-LTA") return PadesLevel::BLTA;
  return std::nullopt;
}

const char* padesLevelName(PadesLevel l) {
  switch (l) {
    case PadesLevel::BB:
      return "B-B";
    case PadesLevel::BT:
      return "B-T";
    case PadesLevel::BLT:
      return "B-LT";
    case PadesLevel::BLTA:
      return "B-LTA";
  }
  return "?";
}

Result<std::vector<std::vector<unsigned char>>> signatureContents(PdfDocument& doc) {
  return guardQpdf("signatureContents", [&]() -> Result<std::vector<std::vector<unsigned char>>> {
    std::vector<std::vector<unsigned char>> out;
    QPDFAcroFormDocumentHelper af(doc.qpdf());
    for (auto& field : af.getFormFields()) {
      if (field.getFieldType() != "/Sig") continue;
      auto v = field.getValue();
      if (!v.isDictionary() || !v.getKey("/Contents").isString()) continue;
      std::string raw = v.getKey("/Contents").getStringValue();
      std::size_t n = derLength(raw);
      if (n == 0)
        return Error::kyso(Errc::CmsMalformed, "signatureContents", field.getFullyQualifiedName());
      out.emplace_back(raw.begin(), raw.begin() + static_cast<std::ptrdiff_t>(n));
    }
    return out;
  });
}

Result<PreparedPades> preparePdfSignature(const PadesRequest& req, ContentsMaker& signer,
                                          LtvSource* ltv, ContentsMaker* docTimestamp) {
  KYSO_ASSIGN_OR_RETURN(auto doc, PdfDocument::open(req.input));
  return preparePdfSignature(req, std::move(doc), signer, ltv, docTimestamp);
}

Result<PreparedPades> preparePdfSignature(const PadesRequest& req, std::unique_ptr<PdfDocument> doc,
                                          ContentsMaker& signer, LtvSource* ltv,
                                          ContentsMaker* docTimestamp) {
  const bool needLtv = req.level == PadesLevel::BLT || req.level == PadesLevel::BLTA;
  if (needLtv && !ltv)
    return Error::kyso(Errc::UsageError, "signPdfFile").because(Detail::BltNeedsRevocation);
  if (req.level == PadesLevel::BLTA && !docTimestamp)
    return Error::kyso(Errc::UsageError, "signPdfFile").because(Detail::BltaNeedsTsa);
  if (!doc) return Error::kyso(Errc::UsageError, "signPdfFile", req.input.string());
  KYSO_ASSIGN_OR_RETURN(RevisionWriter out,
                        startOutput(*doc, req.input, req.output, req.overwrite));
  PadesResult res;
  KYSO_ASSIGN_OR_RETURN(res.signature, appendSignature(out, *doc, req.sig, signer));
  doc.reset();
  if (needLtv)
    KYSO_TRY(addLtvAndTimestamp(out, req.level, {res.signature.contents}, *ltv, docTimestamp, res));
  res.outputSize = out.size();
  return PreparedPades{std::move(res), std::move(out)};
}

Result<PadesResult> signPdfFile(const PadesRequest& req, ContentsMaker& signer, LtvSource* ltv,
                                ContentsMaker* docTimestamp) {
  KYSO_ASSIGN_OR_RETURN(PreparedPades p, preparePdfSignature(req, signer, ltv, docTimestamp));
  KYSO_TRY(p.output.commit());
  return std::move(p.result);
}

Result<PadesResult> extendPdfFile(const std::filesystem::path& input,
                                  const std::filesystem::path& output,
                                  AtomicFile::Overwrite overwrite, PadesLevel level, LtvSource& ltv,
                                  ContentsMaker* docTimestamp) {
  if (level != PadesLevel::BLT && level != PadesLevel::BLTA)
    return Error::kyso(Errc::UsageError, "extend").because(Detail::ExtendLevel);
  if (level == PadesLevel::BLTA && !docTimestamp)
    return Error::kyso(Errc::UsageError, "extend").because(Detail::BltaNeedsTsa);
  KYSO_ASSIGN_OR_RETURN(auto doc, PdfDocument::open(input));
  KYSO_ASSIGN_OR_RETURN(auto contents, signatureContents(*doc));
  if (contents.empty()) return Error::kyso(Errc::PdfNoSignature, "extend", input.string());
  KYSO_ASSIGN_OR_RETURN(RevisionWriter out, startOutput(*doc, input, output, overwrite));
  doc.reset();
  PadesResult res;
  KYSO_TRY(addLtvAndTimestamp(out, level, contents, ltv, docTimestamp, res));
  res.outputSize = out.size();
  KYSO_TRY(out.commit());
  return res;
}

}  // namespace kyso::pdf
