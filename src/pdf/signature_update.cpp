#include "src/pdf/signature_update.h"

#include <cstdio>
#include <map>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <set>

#include "src/pdf/incremental_update.h"
#include "src/pdf/pdf_syntax.h"

namespace kyso::pdf {
namespace {

constexpr std::size_t kByteRangeWidth = 34;  // "0 " + three 10-digit numbers, space separated
constexpr std::size_t kPlaceholderMargin = 2048;

// A reference to an object that qpdf does not know yet: a unique name replaced by "N 0 R" once the
// body is unparsed.
QPDFObjectHandle newRef(int num) {
  return QPDFObjectHandle::newName("/KysoNewRef" + std::to_string(num) + "X");
}

std::string substituteRefs(std::string s) {
  const std::string tag = "/KysoNewRef";
  for (std::size_t p = s.find(tag); p != std::string::npos; p = s.find(tag, p)) {
    std::size_t e = s.find('X', p);
    std::string num = s.substr(p + tag.size(), e - p - tag.size());
    s.replace(p, e + 1 - p, num + " 0 R");
  }
  return s;
}

// Existing objects changed by this revision, as direct copies keyed by their object id.
class Edits {
 public:
  QPDFObjectHandle& edit(QPDFObjectHandle indirect) {
    auto og = indirect.getObjGen();
    auto it = m_map.find(og);
    if (it == m_map.end()) it = m_map.emplace(og, indirect.shallowCopy()).first;
    return it->second;
  }
  void renderInto(IncrementalUpdate& up) {
    for (auto& [og, h] : m_map) up.setObject(og.getObj(), og.getGen(), substituteRefs(h.unparse()));
  }

 private:
  std::map<QPDFObjGen, QPDFObjectHandle> m_map;
};

std::string transformRefs(const SignatureOptions& o) {
  std::string refs;
  if (o.certifyP > 0)
    refs +=
        "<< /Type /SigRef /TransformMethod /DocMDP /TransformParams << /Type /TransformParams /P " +
        std::to_string(o.certifyP) + " /V /1.2 >> >>";
  if (o.lockFields)
    refs +=
        "<< /Type /SigRef /TransformMethod /FieldMDP /TransformParams << /Type /TransformParams "
        "/Action /All /V /1.2 >> >>";
  return refs.empty() ? refs : " /Reference [" + refs + "]";
}

std::string sigDictionary(const SignatureOptions& o, std::size_t placeholderBytes) {
  // /ByteRange and /Contents come first, before any free text (/Reason may contain anything), so
  // that the first match after the object's start is theirs.
  std::string d =
      o.kind == SignatureOptions::Kind::DocTimeStamp
          ? "<< /Type /DocTimeStamp /Filter /Adobe.PPKLite /SubFilter /ETSI.RFC3161"
          : "<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter " + nameObject(o.subFilter);
  d += " /ByteRange [" + std::string("0 0000000000 0000000000 0000000000") + "]";
  d += " /Contents <" + std::string(placeholderBytes * 2, '0') + ">";
  if (o.kind == SignatureOptions::Kind::Signature) {
    d += " /M " + dateString(o.signingTime);
    if (!o.signerName.empty()) d += " /Name " + textString(o.signerName);
    if (!o.reason.empty()) d += " /Reason " + textString(o.reason);
    if (!o.location.empty()) d += " /Location " + textString(o.location);
    if (!o.contact.empty()) d += " /ContactInfo " + textString(o.contact);
    d += transformRefs(o);
  }
  return d + " >>";
}

// The appearance's objects, numbered now so that widgets and marks can point at them ("{{ref:K}}"
// in a body becomes the K-th object's reference). Returns their numbers in order.
Result<std::vector<int>> writeAppearanceObjects(const appearance::Appearance& ap,
                                                IncrementalUpdate& up) {
  std::vector<int> nums;
  for (std::size_t k = 0; k < ap.objects.size(); ++k) nums.push_back(up.allocate());
  for (std::size_t k = 0; k < nums.size(); ++k) {
    std::string body = ap.objects[k].body;
    for (std::size_t r = 0; r < nums.size(); ++r) {
      std::string ph = "{{ref:" + std::to_string(r) + "}}";
      for (auto p = body.find(ph); p != std::string::npos; p = body.find(ph, p))
        body.replace(p, ph.size(), std::to_string(nums[r]) + " 0 R");
    }
    if (body.find("{{ref:") != std::string::npos)
      return Error::kyso(Errc::TemplateInvalid, "appearance", "reference outside the object list")
          .because(Detail::Technical);
    up.setObject(nums[k], 0, std::move(body));
  }
  if (ap.formIndex >= nums.size())
    return Error::kyso(Errc::TemplateInvalid, "appearance", "form index outside the object list")
        .because(Detail::Technical);
  return nums;
}

// The visible widget: its /Rect, /AP /N and, for a turned page, /MK /R.
void setWidgetAppearance(QPDFObjectHandle& widget, const appearance::Appearance& ap,
                         const std::vector<int>& apNums) {
  const auto& r = ap.rect;
  widget.replaceKey(
      "/Rect", QPDFObjectHandle::newArray(QPDFObjectHandle::Rectangle(r.llx, r.lly, r.urx, r.ury)));
  auto apDict = QPDFObjectHandle::newDictionary();
  apDict.replaceKey("/N", newRef(apNums[ap.formIndex]));
  widget.replaceKey("/AP", apDict);
  if (ap.rotate != 0) {  // the form is already turned; this tells form editors
    auto mk = QPDFObjectHandle::newDictionary();
    mk.replaceKey("/R", QPDFObjectHandle::newInteger(ap.rotate));
    widget.replaceKey("/MK", mk);
  }
}

QPDFObjectHandle lockDict() {
  auto l = QPDFObjectHandle::newDictionary();
  l.replaceKey("/Type", QPDFObjectHandle::newName("/SigFieldLock"));
  l.replaceKey("/Action", QPDFObjectHandle::newName("/All"));
  return l;
}

// Adds annotation `num` to `page`'s /Annots: an indirect array is edited in place, otherwise the
// page is (with the array as this revision has it so far).
void appendToAnnots(Edits& edits, QPDFObjectHandle page, int num) {
  QPDFObjectHandle annots = page.getKey("/Annots");
  if (annots.isArray() && annots.isIndirect()) {
    edits.edit(annots).appendItem(newRef(num));
    return;
  }
  QPDFObjectHandle& pg = edits.edit(page);
  auto arr = pg.getKey("/Annots");
  arr = arr.isArray() ? arr.shallowCopy() : QPDFObjectHandle::newArray();
  arr.appendItem(newRef(num));
  pg.replaceKey("/Annots", arr);
}

// The AcroForm this revision writes: the indirect one edited in place, or a copy of a direct one
// (or a new one) as a new object the catalog points at.
class AcroFormEdit {
 public:
  AcroFormEdit(QPDF& q, Edits& edits, IncrementalUpdate& up) {
    QPDFObjectHandle root = q.getRoot();
    QPDFObjectHandle orig = root.getKey("/AcroForm");
    if (orig.isDictionary() && orig.isIndirect()) {
      m_dict = &edits.edit(orig);
      return;
    }
    m_copy = orig.isDictionary() ? orig.shallowCopy() : QPDFObjectHandle::newDictionary();
    m_newNum = up.allocate();
    edits.edit(root).replaceKey("/AcroForm", newRef(m_newNum));
    m_dict = &m_copy;
  }
  AcroFormEdit(const AcroFormEdit&) = delete;
  AcroFormEdit& operator=(const AcroFormEdit&) = delete;
  QPDFObjectHandle& dict() { return *m_dict; }
  // Adds field `num` to /Fields (an indirect array in place, else a new array here).
  void addField(Edits& edits, int num) {
    QPDFObjectHandle fields = m_dict->getKey("/Fields");
    if (fields.isArray() && fields.isIndirect()) {
      edits.edit(fields).appendItem(newRef(num));
      return;
    }
    auto arr = fields.isArray() ? fields.shallowCopy() : QPDFObjectHandle::newArray();
    arr.appendItem(newRef(num));
    m_dict->replaceKey("/Fields", arr);
  }
  void renderNewInto(IncrementalUpdate& up) {
    if (m_newNum) up.setObject(m_newNum, 0, substituteRefs(m_copy.unparse()));
  }

 private:
  QPDFObjectHandle* m_dict = nullptr;
  QPDFObjectHandle m_copy;
  int m_newNum = 0;
};

// A new signature field (widget) named SignatureN on the appearance's page (or o.page).
Status addNewField(QPDF& q, const SignatureOptions& o, const std::set<std::string>& names,
                   int sigNum, const std::vector<int>& apNums, Edits& edits, AcroFormEdit& acro,
                   IncrementalUpdate& up, std::string& fieldName) {
  auto pages = QPDFPageDocumentHelper(q).getAllPages();
  int pageIdx = o.appearance ? o.appearance->pageIndex : o.page;
  if (pageIdx < 0 || static_cast<std::size_t>(pageIdx) >= pages.size())
    return Error::kyso(Errc::PdfPageOutOfRange, "page", std::to_string(pageIdx + 1));
  QPDFObjectHandle page = pages[static_cast<std::size_t>(pageIdx)].getObjectHandle();
  for (int n = 1;; ++n) {
    fieldName = "Signature" + std::to_string(n);
    if (!names.count(fieldName)) break;
  }
  const int widgetNum = up.allocate();
  auto w = QPDFObjectHandle::newDictionary();
  w.replaceKey("/Type", QPDFObjectHandle::newName("/Annot"));
  w.replaceKey("/Subtype", QPDFObjectHandle::newName("/Widget"));
  w.replaceKey("/FT", QPDFObjectHandle::newName("/Sig"));
  w.replaceKey("/T", QPDFObjectHandle::newUnicodeString(fieldName));
  w.replaceKey("/V", newRef(sigNum));
  w.replaceKey("/F", QPDFObjectHandle::newInteger(132));  // Print | Locked
  w.replaceKey("/P", page);
  w.replaceKey("/Rect", QPDFObjectHandle::newArray(QPDFObjectHandle::Rectangle(0, 0, 0, 0)));
  if (o.lockFields) w.replaceKey("/Lock", lockDict());
  if (o.appearance) setWidgetAppearance(w, *o.appearance, apNums);
  up.setObject(widgetNum, 0, substituteRefs(w.unparse()));
  appendToAnnots(edits, page, widgetNum);
  acro.addField(edits, widgetNum);
  return okStatus();
}

// Text on the letter's own lines (the number after "Số:", the issue date): locked, read-only,
// printable stamp annotations, signed with this revision, each named (/NM) by what it holds.
Status addMarks(QPDF& q, const appearance::Appearance& ap, const std::vector<int>& apNums,
                Edits& edits, IncrementalUpdate& up) {
  auto pages = QPDFPageDocumentHelper(q).getAllPages();
  for (const auto& m : ap.marks) {
    if (m.pageIndex < 0 || static_cast<std::size_t>(m.pageIndex) >= pages.size() ||
        m.formIndex >= apNums.size())
      return Error::kyso(Errc::PdfPageOutOfRange, "appearance_mark",
                         std::to_string(m.pageIndex + 1));
    QPDFObjectHandle mp = pages[static_cast<std::size_t>(m.pageIndex)].getObjectHandle();
    const int markNum = up.allocate();
    auto a = QPDFObjectHandle::newDictionary();
    a.replaceKey("/Type", QPDFObjectHandle::newName("/Annot"));
    a.replaceKey("/Subtype", QPDFObjectHandle::newName("/Stamp"));
    a.replaceKey("/F", QPDFObjectHandle::newInteger(708));  // Print|ReadOnly|Locked|LockedContents
    a.replaceKey("/P", mp);
    a.replaceKey("/Rect", QPDFObjectHandle::newArray(QPDFObjectHandle::Rectangle(
                              m.rect.llx, m.rect.lly, m.rect.urx, m.rect.ury)));
    a.replaceKey("/Contents", QPDFObjectHandle::newUnicodeString(m.text));
    // What the mark is, so that a verifier can say "number 286, dated 25/11/2026".
    if (!m.role.empty()) a.replaceKey("/NM", QPDFObjectHandle::newUnicodeString("kyso-" + m.role));
    auto apDict = QPDFObjectHandle::newDictionary();
    apDict.replaceKey("/N", newRef(apNums[m.formIndex]));
    a.replaceKey("/AP", apDict);
    up.setObject(markNum, 0, substituteRefs(a.unparse()));
    appendToAnnots(edits, mp, markNum);
  }
  return okStatus();
}

// Builds the update (everything except the /Contents value). Returns the sig object number.
Result<int> buildUpdate(PdfDocument& doc, const SignatureOptions& o, std::size_t placeholder,
                        IncrementalUpdate& up, std::string& fieldName) {
  QPDF& q = doc.qpdf();
  KYSO_ASSIGN_OR_RETURN(auto fields, doc.signatureFields());
  bool anySigned = false;
  std::set<std::string> names;
  for (const auto& f : fields) {
    anySigned = anySigned || f.signed_;
    names.insert(f.name);
  }
  if (auto p = doc.docMdpPermission(); p && *p == 1)
    return Error::kyso(Errc::PdfCertifiedLocked, "DocMDP", "P=1");
  if (o.certifyP > 0 && anySigned)
    return Error::kyso(Errc::UsageError, "--certify").because(Detail::AlreadyHasSignatures);

  Edits edits;
  const int sigNum = up.allocate();
  std::vector<int> apNums;
  if (o.appearance) {
    KYSO_ASSIGN_OR_RETURN(apNums, writeAppearanceObjects(*o.appearance, up));
  }
  AcroFormEdit acro(q, edits, up);
  acro.dict().replaceKey("/SigFlags", QPDFObjectHandle::newInteger(3));

  if (!o.fieldName.empty()) {
    const SignatureField* target = nullptr;
    for (const auto& f : fields)
      if (f.name == o.fieldName) target = &f;
    if (!target) return Error::kyso(Errc::PdfFieldNotFound, "--field", o.fieldName);
    if (target->signed_)
      return Error::kyso(Errc::UsageError, "--field", o.fieldName)
          .because(Detail::FieldAlreadySigned);
    QPDFObjectHandle& field = edits.edit(q.getObjectByObjGen(target->objgen));
    field.replaceKey("/V", newRef(sigNum));
    if (o.lockFields) field.replaceKey("/Lock", lockDict());
    if (o.appearance) setWidgetAppearance(field, *o.appearance, apNums);
    fieldName = o.fieldName;
  } else {
    KYSO_TRY(addNewField(q, o, names, sigNum, apNums, edits, acro, up, fieldName));
  }
  if (o.appearance) KYSO_TRY(addMarks(q, *o.appearance, apNums, edits, up));
  if (o.certifyP > 0) {
    auto perms = QPDFObjectHandle::newDictionary();
    perms.replaceKey("/DocMDP", newRef(sigNum));
    edits.edit(q.getRoot()).replaceKey("/Perms", perms);
  }
  acro.renderNewInto(up);
  edits.renderInto(up);
  up.setObject(sigNum, 0, sigDictionary(o, placeholder));
  return sigNum;
}

}  // namespace

Result<SignedRevision> appendSignature(RevisionWriter& out, PdfDocument& doc,
                                       const SignatureOptions& opts, ContentsMaker& maker) {
  if (doc.fileSize() != out.size())
    return Error::kyso(Errc::FileUnreadable, "appendSignature",
                       "document and output differ in size")
        .because(Detail::Technical);
  if (opts.certifyP < 0 || opts.certifyP > 3)
    return Error::kyso(Errc::UsageError, "--certify", std::to_string(opts.certifyP));
  std::size_t placeholder = maker.estimatedSize() + kPlaceholderMargin;
  SignedRevision result;
  for (int attempt = 1; attempt <= 3; ++attempt) {
    IncrementalUpdate up(doc);
    std::string fieldName;
    auto sigNum = guardQpdf("buildUpdate",
                            [&] { return buildUpdate(doc, opts, placeholder, up, fieldName); });
    if (!sigNum.ok()) return sigNum.error();
    RenderedUpdate r = up.render();
    std::string& b = r.bytes;
    const std::size_t objAt = r.objectOffsets.at(*sigNum);
    const std::size_t brAt = b.find("/ByteRange [", objAt) + 12;
    const std::size_t lt = b.find("/Contents <", objAt) + 10;
    const std::size_t gt = lt + 1 + placeholder * 2;
    if (b[gt] != '>') return Error::kyso(Errc::PdfByteRangeInvalid, "appendSignature", "layout");
    const std::uint64_t base = out.size();
    result.byteRange[0] = 0;
    result.byteRange[1] = base + lt;
    result.byteRange[2] = base + gt + 1;
    result.byteRange[3] = b.size() - (gt + 1);
    char br[kByteRangeWidth + 1];
    int n = std::snprintf(br, sizeof br, "0 %llu %llu %llu",
                          static_cast<unsigned long long>(result.byteRange[1]),
                          static_cast<unsigned long long>(result.byteRange[2]),
                          static_cast<unsigned long long>(result.byteRange[3]));
    if (n < 0 || static_cast<std::size_t>(n) > kByteRangeWidth)
      return Error::kyso(Errc::InputTooLarge, "ByteRange", "offsets over 10 digits")
          .because(Detail::Technical);
    std::string brText(br);
    brText.resize(kByteRangeWidth, ' ');
    b.replace(brAt, kByteRangeWidth, brText);

    std::string_view sv(b);
    std::string_view parts[2] = {sv.substr(0, lt), sv.substr(gt + 1)};
    KYSO_ASSIGN_OR_RETURN(auto digest, out.digestWith(parts));
    KYSO_ASSIGN_OR_RETURN(auto der, maker.make(digest));
    if (der.empty()) return Error::kyso(Errc::CmsMalformed, "appendSignature", "empty /Contents");
    if (der.size() > placeholder) {
      // Never truncate: rebuild with room for what the signer actually produced.
      placeholder = der.size() + kPlaceholderMargin;
      continue;
    }
    std::string hex = hexUpper(der);
    b.replace(lt + 1, hex.size(), hex);
    KYSO_TRY(out.append(b));
    result.fieldName = fieldName;
    result.contents = std::move(der);
    result.attempts = attempt;
    return result;
  }
  return Error::kyso(Errc::PdfPlaceholderTooSmall, "appendSignature", "signature kept growing")
      .because(Detail::Technical);
}

}  // namespace kyso::pdf
