#include "src/pdfverify/signatures.h"

#include <algorithm>
#include <map>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <set>

#include "src/pdfverify/problems.h"

namespace kyso::pdfverify {

namespace {

// /KysoKind of the normal appearance of the field's widget (the field itself when merged, else its
// first widget kid): a short known name, else "".
std::string appearanceKind(QPDFObjectHandle field) {
  auto ap = field.getKey("/AP");
  if (!ap.isDictionary()) {
    auto kids = field.getKey("/Kids");
    if (kids.isArray() && kids.getArrayNItems() > 0) ap = kids.getArrayItem(0).getKey("/AP");
  }
  if (!ap.isDictionary()) return {};
  auto n = ap.getKey("/N");
  if (!n.isStream()) return {};
  auto kind = n.getDict().getKey("/KysoKind");
  if (!kind.isName()) return {};
  const std::string k = kind.getName().substr(1);
  for (const char* known : {"approved", "issued", "copy", "appendix", "incoming"})
    if (k == known) return k;
  return {};
}

constexpr int kMaxFieldDepth = 32;
constexpr std::size_t kMaxFields = 20000;
constexpr std::uint64_t kMaxContentsHex = 4u << 20;  // 2 MiB of DER is far beyond any real CMS

std::string nameOf(QPDFObjectHandle h) {
  return h.isName() ? h.getName() : std::string();
}

void readReference(QPDFObjectHandle sigDict, FoundSignature& s) {
  auto refs = sigDict.getKey("/Reference");
  if (!refs.isArray()) return;
  int n = std::min(refs.getArrayNItems(), 16);
  for (int i = 0; i < n; ++i) {
    auto ref = refs.getArrayItem(i);
    if (!ref.isDictionary()) continue;
    auto method = nameOf(ref.getKey("/TransformMethod"));
    auto params = ref.getKey("/TransformParams");
    if (method == "/DocMDP") {
      int p = 2;  // the default P when /TransformParams has none
      if (params.isDictionary() && params.getKey("/P").isInteger())
        p = static_cast<int>(params.getKey("/P").getIntValue());
      s.docmdp = (p >= 1 && p <= 3) ? p : 2;
    } else if (method == "/FieldMDP" && params.isDictionary()) {
      FieldLock lock;
      lock.action = nameOf(params.getKey("/Action"));
      if (!lock.action.empty()) lock.action.erase(0, 1);
      auto fields = params.getKey("/Fields");
      if (fields.isArray())
        for (int j = 0; j < std::min(fields.getArrayNItems(), 1000); ++j)
          if (fields.getArrayItem(j).isString())
            lock.fields.push_back(fields.getArrayItem(j).getUTF8Value());
      s.locks.push_back(std::move(lock));
    }
  }
}

struct Walker {
  const Budget& budget;
  std::vector<FoundSignature>& out;
  std::set<QPDFObjGen> seen;
  std::size_t count = 0;
  bool encrypted = false;

  Status walk(QPDFObjectHandle field, const std::string& parentName, const std::string& inheritedFt,
              int depth) {
    if (depth > kMaxFieldDepth)
      return Error::kyso(Errc::PdfTooComplex, "findSignatures", "form fields nested too deeply")
          .because(Detail::Technical);
    if (++count > kMaxFields)
      return Error::kyso(Errc::PdfTooComplex, "findSignatures", "too many form fields")
          .because(Detail::Technical);
    KYSO_TRY(budget.check("findSignatures"));
    if (!field.isDictionary()) return okStatus();
    if (field.isIndirect() && !seen.insert(field.getObjGen()).second)
      return Error::kyso(Errc::PdfDamaged, "findSignatures", "form field tree has a loop")
          .because(Detail::Technical);
    std::string name = parentName;
    if (field.getKey("/T").isString()) {
      std::string t = field.getKey("/T").getUTF8Value();
      name = name.empty() ? t : name + "." + t;
    }
    std::string ft = field.hasKey("/FT") ? nameOf(field.getKey("/FT")) : inheritedFt;
    auto kids = field.getKey("/Kids");
    bool hasFieldKids = false;
    if (kids.isArray()) {
      for (int i = 0; i < kids.getArrayNItems(); ++i) {
        auto kid = kids.getArrayItem(i);
        // Kids with /T are fields; kids without are widgets of this field.
        if (kid.isDictionary() && kid.hasKey("/T")) {
          hasFieldKids = true;
          KYSO_TRY(walk(kid, name, ft, depth + 1));
        }
      }
    }
    if (hasFieldKids || ft != "/Sig") return okStatus();
    auto v = field.getKey("/V");
    if (!v.isDictionary()) {
      // A /V that refers to an object qpdf could not read (a number out of range in /ByteRange,
      // a broken dictionary) is a signature that fails, never an empty field: otherwise a damaged
      // signature would make the document look unsigned.
      if (!v.getObjGen().isIndirect() || !v.isNull()) return okStatus();  // an empty field
      FoundSignature s;
      s.field = name;
      s.field_og = field.getObjGen();
      s.dict_og = v.getObjGen();
      s.unreadable = true;
      s.encrypted = encrypted;
      out.push_back(std::move(s));
      return okStatus();
    }
    FoundSignature s;
    s.field = name;
    s.field_og = field.getObjGen();
    s.dict_og = v.getObjGen();
    s.appearance = appearanceKind(field);
    s.type = nameOf(v.getKey("/Type"));
    s.filter = nameOf(v.getKey("/Filter"));
    s.subfilter = nameOf(v.getKey("/SubFilter"));
    if (!s.filter.empty()) s.filter.erase(0, 1);
    if (!s.subfilter.empty()) s.subfilter.erase(0, 1);
    auto br = v.getKey("/ByteRange");
    if (br.isArray() && br.getArrayNItems() == 4) {
      s.byte_range_shape_ok = true;
      for (int i = 0; i < 4; ++i) {
        auto item = br.getArrayItem(i);
        if (!item.isInteger()) {
          s.byte_range_shape_ok = false;
          break;
        }
        s.byte_range.push_back(item.getIntValue());
      }
    } else if (br.isArray()) {
      for (int i = 0; i < std::min(br.getArrayNItems(), 16); ++i)
        if (br.getArrayItem(i).isInteger())
          s.byte_range.push_back(br.getArrayItem(i).getIntValue());
    }
    auto contents = v.getKey("/Contents");
    if (contents.isString()) {
      s.parsed_contents = contents.getStringValue();
      // A prepared field that was never signed: its placeholder is all zeros (or empty).
      if (s.parsed_contents.find_first_not_of('\0') == std::string::npos) return okStatus();
      s.contents_offset = static_cast<long long>(contents.getParsedOffset());
    }
    s.encrypted = encrypted;
    auto text = [&](const char* key) {
      auto t = v.getKey(key);
      return t.isString() ? t.getUTF8Value().substr(0, 512) : std::string();
    };
    s.name = text("/Name");
    s.reason = text("/Reason");
    s.location = text("/Location");
    s.claimed_time = text("/M");
    readReference(v, s);
    auto lock = field.getKey("/Lock");
    if (lock.isDictionary()) {
      FieldLock l;
      l.action = nameOf(lock.getKey("/Action"));
      if (!l.action.empty()) l.action.erase(0, 1);
      auto fields = lock.getKey("/Fields");
      if (fields.isArray())
        for (int j = 0; j < std::min(fields.getArrayNItems(), 1000); ++j)
          if (fields.getArrayItem(j).isString())
            l.fields.push_back(fields.getArrayItem(j).getUTF8Value());
      s.locks.push_back(std::move(l));
    }
    out.push_back(std::move(s));
    return okStatus();
  }
};

int hexVal(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The number and date marks kyso wrote on the letter (letter_fill, signature_update addMarks):
// stamp annotations named kyso-<role>, on at most the first 2000 pages, 500 annotations each.
void readLetterMarks(QPDF& pdf, std::string& number, std::string& date) {
  std::map<std::string, std::string> byRole;
  std::vector<QPDFObjectHandle> all;
  try {
    all = pdf.getAllPages();
  } catch (const std::exception&) {
    return;  // a page tree qpdf cannot walk has no marks to report; the rest says it is damaged
  }
  for (std::size_t p = 0; p < std::min<std::size_t>(all.size(), 2000); ++p) {
    auto annots = all[p].getKey("/Annots");
    if (!annots.isArray()) continue;
    for (int i = 0; i < std::min(annots.getArrayNItems(), 500); ++i) {
      auto a = annots.getArrayItem(i);
      if (!a.isDictionary() || !a.getKey("/Subtype").isNameAndEquals("/Stamp")) continue;
      auto nm = a.getKey("/NM");
      auto contents = a.getKey("/Contents");
      if (!nm.isString() || !contents.isString()) continue;
      const std::string name = nm.getUTF8Value();
      if (name.rfind("kyso-", 0) == 0 && !byRole.count(name.substr(5)))
        byRole[name.substr(5)] = contents.getUTF8Value().substr(0, 64);
    }
  }
  number = byRole["number"];
  for (const char* part : {"day", "month", "year"})
    if (!byRole[part].empty()) date += (date.empty() ? "" : "/") + byRole[part];
}

}  // namespace

Result<std::vector<FoundSignature>> findSignatures(OpenRevision& rev, const Budget& budget) {
  std::vector<FoundSignature> out;
  try {
    auto acro = rev.pdf().getRoot().getKey("/AcroForm");
    if (!acro.isDictionary()) return out;
    auto fields = acro.getKey("/Fields");
    if (!fields.isArray()) return out;
    Walker w{budget, out, {}, 0, rev.pdf().isEncrypted()};
    for (int i = 0; i < fields.getArrayNItems(); ++i)
      KYSO_TRY(w.walk(fields.getArrayItem(i), "", "", 0));
    if (std::any_of(out.begin(), out.end(),
                    [](const FoundSignature& s) { return s.appearance == "issued"; })) {
      std::string number, date;
      readLetterMarks(rev.pdf(), number, date);
      for (auto& s : out)
        if (s.appearance == "issued") {
          s.stampedNumber = number;
          s.stampedDate = date;
        }
    }
  } catch (const std::exception& e) {
    return qpdfError(e, "findSignatures", rev.pdf().getFilename());
  }
  return out;
}

std::pair<int, QPDFObjGen> catalogDocMdp(OpenRevision& rev) {
  try {
    auto perms = rev.pdf().getRoot().getKey("/Perms");
    if (!perms.isDictionary()) return {0, {}};
    auto sig = perms.getKey("/DocMDP");
    if (!sig.isDictionary()) return {0, {}};
    FoundSignature s;
    readReference(sig, s);
    return {s.docmdp != 0 ? s.docmdp : 2, sig.getObjGen()};
  } catch (const std::exception&) {
    return {0, {}};
  }
}

ByteRangeFacts checkByteRange(const FileBytes& bytes, const FoundSignature& sig,
                              const std::vector<RevisionEnd>& revisions,
                              std::uint64_t dict_offset) {
  ByteRangeFacts f;
  auto fail = [&](Finding why) {
    f.problems.push_back(std::move(why));
    f.fatal = true;
    return f;
  };
  if (sig.unreadable)
    return fail(Finding::of(Problem::SignatureDictionaryUnreadable,
                            {std::to_string(sig.dict_og.getObj())}));
  if (!sig.byte_range_shape_ok) return fail(Finding::of(Problem::ByteRangeShape));
  const auto& br = sig.byte_range;
  const std::uint64_t size = bytes.size();
  for (auto v : br)
    if (v < 0 || static_cast<std::uint64_t>(v) > size)
      return fail(Finding::of(Problem::ByteRangeOutOfFile));
  const std::uint64_t a = static_cast<std::uint64_t>(br[1]);
  const std::uint64_t b = static_cast<std::uint64_t>(br[2]);
  const std::uint64_t c = static_cast<std::uint64_t>(br[3]);
  if (br[0] != 0) return fail(Finding::of(Problem::ByteRangeNotAtStart));
  if (b <= a) return fail(Finding::of(Problem::ByteRangesOverlap));
  if (c > size - b) return fail(Finding::of(Problem::ByteRangePastEnd));
  f.end = b + c;
  if (b - a < 2 || b - a > kMaxContentsHex + 2)
    return fail(Finding::of(Problem::GapImpossibleSize));
  // The gap must be exactly `<hex>` and it must be this dictionary's /Contents.
  std::string gap;
  if (!bytes.readAt(a, static_cast<std::size_t>(b - a), gap).ok() || gap.size() != b - a)
    return fail(Finding::of(Problem::ContentsUnreadable));
  if (gap.front() != '<' || gap.back() != '>') return fail(Finding::of(Problem::GapNotContents));
  if ((gap.size() - 2) % 2 != 0) return fail(Finding::of(Problem::ContentsOddDigits));
  std::string der((gap.size() - 2) / 2, '\0');
  int bad = 0;  // any digit that is not hex, checked once after the loop
  for (std::size_t i = 1, o = 0; i + 1 < gap.size(); i += 2, ++o) {
    int hi = hexVal(gap[i]), lo = hexVal(gap[i + 1]);
    bad |= hi | lo;
    der[o] = static_cast<char>(((hi & 0x0f) << 4) | (lo & 0x0f));
  }
  if (bad < 0) return fail(Finding::of(Problem::GapNotHex));
  // In an encrypted document the signature's /Contents is never encrypted, but a reader may have
  // decrypted it like any other string: there, the gap must start where /Contents was parsed.
  const bool sameBytes = der == sig.parsed_contents;
  const bool samePlace = sig.encrypted && sig.contents_offset >= 0 &&
                         static_cast<std::uint64_t>(sig.contents_offset) == a;
  if (!sameBytes && !samePlace) return fail(Finding::of(Problem::GapNotThisContents));
  if (dict_offset != 0 && (a <= dict_offset))
    return fail(Finding::of(Problem::GapOutsideDictionary));
  if (dict_offset != 0) {
    // No `endobj` may come between the dictionary's start and the gap.
    std::string head;
    if (bytes
            .readAt(dict_offset,
                    static_cast<std::size_t>(std::min<std::uint64_t>(a - dict_offset, 1u << 20)),
                    head)
            .ok() &&
        (head.find("endobj") != std::string::npos || a - dict_offset > (1u << 20)))
      return fail(Finding::of(Problem::GapOutsideDictionary));
  }
  f.gap_is_contents = true;
  // The DER is padded with zeros to the reserved size; the outer definite length says where the
  // CMS ends (an indefinite-length BER encoding is left whole: its end-of-contents are zeros too).
  if (der.size() >= 2 && static_cast<unsigned char>(der[0]) == 0x30) {
    auto l0 = static_cast<unsigned char>(der[1]);
    std::uint64_t len = 0, hdr = 2;
    if (l0 < 0x80) {
      len = l0;
    } else if (l0 > 0x80 && l0 <= 0x84 && der.size() >= 2u + (l0 & 0x7f)) {
      for (int i = 0; i < (l0 & 0x7f); ++i)
        len = (len << 8) | static_cast<unsigned char>(der[2 + i]);
      hdr += l0 & 0x7f;
    } else {
      hdr = 0;
    }
    if (hdr != 0 && hdr + len <= der.size()) der.resize(static_cast<std::size_t>(hdr + len));
  }
  f.contents_der = std::move(der);
  for (std::size_t i = 0; i < revisions.size(); ++i)
    if (f.end == revisions[i].end || f.end == revisions[i].end_with_eol) f.revision = int(i) + 1;
  if (f.revision == 0) f.problems.push_back(Finding::of(Problem::SignedEndNotRevision));
  return f;
}

}  // namespace kyso::pdfverify
