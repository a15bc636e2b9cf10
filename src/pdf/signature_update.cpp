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
    return Error::kyso(Errc::UsageError, "--certify", "the document already has signatures");

  Edits edits;
  QPDFObjectHandle root = q.getRoot();
  const int sigNum = up.allocate();

  // Appearance objects, numbered now so the widget can point at the form XObject.
  std::vector<int> apNums;
  if (o.appearance) {
    for (std::size_t k = 0; k < o.appearance->objects.size(); ++k) apNums.push_back(up.allocate());
    for (std::size_t k = 0; k < apNums.size(); ++k) {
      std::string body = o.appearance->objects[k].body;
      for (std::size_t r = 0; r < apNums.size(); ++r) {
        std::string ph = "{{ref:" + std::to_string(r) + "}}";
        for (auto p = body.find(ph); p != std::string::npos; p = body.find(ph, p))
          body.replace(p, ph.size(), std::to_string(apNums[r]) + " 0 R");
      }
      if (body.find("{{ref:") != std::string::npos)
        return Error::kyso(Errc::TemplateInvalid, "appearance",
                           "reference outside the object list");
      up.setObject(apNums[k], 0, std::move(body));
    }
    if (o.appearance->formIndex >= apNums.size())
      return Error::kyso(Errc::TemplateInvalid, "appearance", "form index outside the object list");
  }
  auto setAppearance = [&](QPDFObjectHandle& widget) {
    if (!o.appearance) return;
    const auto& r = o.appearance->rect;
    widget.replaceKey("/Rect", QPDFObjectHandle::newArray(
                                   QPDFObjectHandle::Rectangle(r.llx, r.lly, r.urx, r.ury)));
    auto ap = QPDFObjectHandle::newDictionary();
    ap.replaceKey("/N", newRef(apNums[o.appearance->formIndex]));
    widget.replaceKey("/AP", ap);
    if (o.appearance->rotate != 0) {  // the form is already turned; this tells form editors
      auto mk = QPDFObjectHandle::newDictionary();
      mk.replaceKey("/R", QPDFObjectHandle::newInteger(o.appearance->rotate));
      widget.replaceKey("/MK", mk);
    }
  };
  auto lockDict = [] {
    auto l = QPDFObjectHandle::newDictionary();
    l.replaceKey("/Type", QPDFObjectHandle::newName("/SigFieldLock"));
    l.replaceKey("/Action", QPDFObjectHandle::newName("/All"));
    return l;
  };

  // The AcroForm: indirect (edited in place), direct in the catalog, or new.
  QPDFObjectHandle acroOrig = root.getKey("/AcroForm");
  QPDFObjectHandle* acro = nullptr;
  QPDFObjectHandle newAcro;
  int newAcroNum = 0;
  if (acroOrig.isDictionary() && acroOrig.isIndirect()) {
    acro = &edits.edit(acroOrig);
  } else {
    QPDFObjectHandle& cat = edits.edit(root);
    newAcro = acroOrig.isDictionary() ? acroOrig.shallowCopy() : QPDFObjectHandle::newDictionary();
    newAcroNum = up.allocate();
    cat.replaceKey("/AcroForm", newRef(newAcroNum));
    acro = &newAcro;
  }
  acro->replaceKey("/SigFlags", QPDFObjectHandle::newInteger(3));

  if (!o.fieldName.empty()) {
    const SignatureField* target = nullptr;
    for (const auto& f : fields)
      if (f.name == o.fieldName) target = &f;
    if (!target) return Error::kyso(Errc::PdfFieldNotFound, "--field", o.fieldName);
    if (target->signed_)
      return Error::kyso(Errc::UsageError, "--field", o.fieldName + " is already signed");
    QPDFObjectHandle& field = edits.edit(q.getObjectByObjGen(target->objgen));
    field.replaceKey("/V", newRef(sigNum));
    if (o.lockFields) field.replaceKey("/Lock", lockDict());
    setAppearance(field);
    fieldName = o.fieldName;
  } else {
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
    setAppearance(w);
    up.setObject(widgetNum, 0, substituteRefs(w.unparse()));

    // The page's /Annots: an indirect array is edited in place, otherwise the page is.
    QPDFObjectHandle annots = page.getKey("/Annots");
    if (annots.isArray() && annots.isIndirect()) {
      edits.edit(annots).appendItem(newRef(widgetNum));
    } else {
      QPDFObjectHandle& pg = edits.edit(page);
      auto arr = annots.isArray() ? annots.shallowCopy() : QPDFObjectHandle::newArray();
      arr.appendItem(newRef(widgetNum));
      pg.replaceKey("/Annots", arr);
    }
    // /Fields: likewise.
    QPDFObjectHandle fieldsArr = acro->getKey("/Fields");
    if (fieldsArr.isArray() && fieldsArr.isIndirect()) {
      edits.edit(fieldsArr).appendItem(newRef(widgetNum));
    } else {
      auto arr = fieldsArr.isArray() ? fieldsArr.shallowCopy() : QPDFObjectHandle::newArray();
      arr.appendItem(newRef(widgetNum));
      acro->replaceKey("/Fields", arr);
    }
  }
  // Text on the letter's own lines (the number after "Số:", the issue date): locked, read-only,
  // printable stamp annotations, signed with this revision.
  if (o.appearance) {
    auto pages = QPDFPageDocumentHelper(q).getAllPages();
    for (const auto& m : o.appearance->marks) {
      if (m.pageIndex < 0 || static_cast<std::size_t>(m.pageIndex) >= pages.size() ||
          m.formIndex >= apNums.size())
        return Error::kyso(Errc::PdfPageOutOfRange, "appearance_mark",
                           std::to_string(m.pageIndex + 1));
      QPDFObjectHandle mp = pages[static_cast<std::size_t>(m.pageIndex)].getObjectHandle();
      const int markNum = up.allocate();
      auto a = QPDFObjectHandle::newDictionary();
      a.replaceKey("/Type", QPDFObjectHandle::newName("/Annot"));
      a.replaceKey("/Subtype", QPDFObjectHandle::newName("/Stamp"));
      a.replaceKey("/F",
                   QPDFObjectHandle::newInteger(708));  // Print|ReadOnly|Locked|LockedContents
      a.replaceKey("/P", mp);
      a.replaceKey("/Rect", QPDFObjectHandle::newArray(QPDFObjectHandle::Rectangle(
                                m.rect.llx, m.rect.lly, m.rect.urx, m.rect.ury)));
      a.replaceKey("/Contents", QPDFObjectHandle::newUnicodeString(m.text));
      auto ap = QPDFObjectHandle::newDictionary();
      ap.replaceKey("/N", newRef(apNums[m.formIndex]));
      a.replaceKey("/AP", ap);
      up.setObject(markNum, 0, substituteRefs(a.unparse()));
      QPDFObjectHandle annots = mp.getKey("/Annots");
      if (annots.isArray() && annots.isIndirect()) {
        edits.edit(annots).appendItem(newRef(markNum));
      } else {
        QPDFObjectHandle& pg = edits.edit(mp);
        auto arr = pg.getKey("/Annots");
        arr = arr.isArray() ? arr.shallowCopy() : QPDFObjectHandle::newArray();
        arr.appendItem(newRef(markNum));
        pg.replaceKey("/Annots", arr);
      }
    }
  }
  if (o.certifyP > 0) {
    QPDFObjectHandle& cat = edits.edit(root);
    auto perms = QPDFObjectHandle::newDictionary();
    perms.replaceKey("/DocMDP", newRef(sigNum));
    cat.replaceKey("/Perms", perms);
  }
  if (newAcroNum) up.setObject(newAcroNum, 0, substituteRefs(newAcro.unparse()));
  edits.renderInto(up);
  up.setObject(sigNum, 0, sigDictionary(o, placeholder));
  return sigNum;
}

}  // namespace

Result<SignedRevision> appendSignature(RevisionWriter& out, PdfDocument& doc,
                                       const SignatureOptions& opts, ContentsMaker& maker) {
  if (doc.fileSize() != out.size())
    return Error::kyso(Errc::FileUnreadable, "appendSignature",
                       "document and output differ in size");
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
      return Error::kyso(Errc::InputTooLarge, "ByteRange", "offsets over 10 digits");
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
  return Error::kyso(Errc::PdfPlaceholderTooSmall, "appendSignature", "signature kept growing");
}

}  // namespace kyso::pdf
