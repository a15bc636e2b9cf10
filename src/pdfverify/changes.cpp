#include "src/pdfverify/changes.h"

#include <algorithm>
#include <qpdf/Buffer.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <set>

namespace kyso::pdfverify {

namespace {

constexpr long long kMaxCompareStream = 64ll << 20;

std::vector<std::string> diffKeys(QPDFObjectHandle a, QPDFObjectHandle b) {
  if (a.isStream()) a = a.getDict();
  if (b.isStream()) b = b.getDict();
  std::set<std::string> keys;
  if (a.isDictionary())
    for (auto& k : a.getKeys()) keys.insert(k);
  if (b.isDictionary())
    for (auto& k : b.getKeys()) keys.insert(k);
  std::vector<std::string> out;
  for (auto& k : keys) {
    auto va = a.isDictionary() ? a.getKey(k) : QPDFObjectHandle::newNull();
    auto vb = b.isDictionary() ? b.getKey(k) : QPDFObjectHandle::newNull();
    if (va.unparse() != vb.unparse()) out.push_back(k);
  }
  return out;
}

bool sameObject(QPDFObjectHandle a, QPDFObjectHandle b) {
  if (a.isStream() != b.isStream()) return false;
  if (!a.isStream()) return a.unparseResolved() == b.unparseResolved();
  if (a.getDict().unparse() != b.getDict().unparse()) return false;
  auto la = a.getDict().getKey("/Length");
  if (la.isInteger() && la.getIntValue() > kMaxCompareStream) return false;
  auto da = a.getRawStreamData();
  auto db = b.getRawStreamData();
  return da->getSize() == db->getSize() &&
         std::equal(da->getBuffer(), da->getBuffer() + da->getSize(), db->getBuffer());
}

std::vector<QPDFObjGen> refsOf(QPDFObjectHandle arr) {
  std::vector<QPDFObjGen> out;
  if (!arr.isArray()) return out;
  for (int i = 0; i < arr.getArrayNItems(); ++i)
    if (arr.getArrayItem(i).isIndirect()) out.push_back(arr.getArrayItem(i).getObjGen());
  return out;
}

class Analyser {
 public:
  Analyser(OpenRevision& o, const RoleMap& orol, OpenRevision& n, const RoleMap& nrol,
           const ChangeRules& rules, const Budget& budget, std::vector<Change>& out)
      : m_old(o),
        m_oldRoles(orol),
        m_new(n),
        m_newRoles(nrol),
        m_rules(rules),
        m_budget(budget),
        m_out(out) {}

  Status run() {
    trailer();
    pages();
    KYSO_TRY(objects());
    return okStatus();
  }

 private:
  void note(std::string what, bool allowed) {
    if (!m_seen.insert(what).second) return;
    m_out.push_back({std::move(what), allowed});
  }

  bool p1() const { return m_rules.docmdp == 1; }
  bool annotationsAllowed() const { return m_rules.docmdp == 0 || m_rules.docmdp == 3; }

  bool locked(const std::string& field) const {
    for (auto& l : m_rules.locks) {
      bool listed = std::find(l.fields.begin(), l.fields.end(), field) != l.fields.end();
      if (l.action == "All" || (l.action == "Include" && listed) ||
          (l.action == "Exclude" && !listed))
        return true;
    }
    return false;
  }

  void trailer() {
    auto to = m_old.pdf().getTrailer(), tn = m_new.pdf().getTrailer();
    if (to.getKey("/Root").unparse() != tn.getKey("/Root").unparse())
      note("the document catalog was replaced by another object", false);
    if (to.getKey("/Encrypt").unparse() != tn.getKey("/Encrypt").unparse())
      note("the document's encryption was changed", false);
  }

  void pages() {
    auto& po = m_oldRoles.pages;
    auto& pn = m_newRoles.pages;
    for (std::size_t i = 0; i < std::min(po.size(), pn.size()); ++i)
      if (po[i] != pn[i])
        note("page " + std::to_string(i + 1) + " replaced by another page", false);
    for (std::size_t i = po.size(); i < pn.size(); ++i)
      note("page " + std::to_string(i + 1) + " added", false);
    for (std::size_t i = pn.size(); i < po.size(); ++i)
      note("page " + std::to_string(i + 1) + " removed", false);
  }

  const FieldInfo* newField(const std::string& name) const {
    for (auto& [og, f] : m_newRoles.fields)
      if (f.name == name) return &f;
    return nullptr;
  }
  const FieldInfo* oldField(const std::string& name) const {
    for (auto& [og, f] : m_oldRoles.fields)
      if (f.name == name) return &f;
    return nullptr;
  }

  bool isDocTimestamp(QPDFObjGen og) {
    if (og.getObj() == 0) return false;
    auto v = m_new.pdf().getObjectByObjGen(og);
    return v.isDictionary() && v.getKey("/Type").isName() &&
           v.getKey("/Type").getName() == "/DocTimeStamp";
  }

  // A field that is now signed or filled and was not before (or whose value changed).
  void fieldFilled(const std::string& name) {
    const FieldInfo* nf = newField(name);
    const FieldInfo* of = oldField(name);
    if (!nf) {
      note("field " + name + " removed", false);
      return;
    }
    if (nf->type == "/Sig") {
      if (of && of->has_value) {
        if (of->value_og != nf->value_og)
          note("the signature in field " + name + " replaced", false);
        return;
      }
      if (!nf->has_value) return;
      bool ts = isDocTimestamp(nf->value_og);
      if (p1() && !ts) {
        note("field " + name + " signed, which the certification (no changes) forbids", false);
      } else if (locked(name)) {
        note("field " + name + " is locked by a signature and was signed", false);
      } else {
        note(std::string(ts ? "document timestamp" : "signature") + " added in field " + name,
             true);
      }
      return;
    }
    if (p1()) {
      note("field " + name + " filled in, which the certification (no changes) forbids", false);
    } else if (locked(name)) {
      note("field " + name + " is locked by a signature and was changed", false);
    } else {
      note("field " + name + " filled in", true);
    }
  }

  void annotationLists(int page, QPDFObjectHandle ao, QPDFObjectHandle an) {
    auto lo = refsOf(ao), ln = refsOf(an);
    std::set<QPDFObjGen> so(lo.begin(), lo.end()), sn(ln.begin(), ln.end());
    const std::string pg = "page " + std::to_string(page);
    for (auto og : lo)
      if (!sn.count(og)) note("an annotation removed from " + pg, false);
    for (auto og : ln) {
      if (so.count(og)) continue;
      auto a = m_new.pdf().getObjectByObjGen(og);
      std::string subtype = a.getKey("/Subtype").isName() ? a.getKey("/Subtype").getName() : "?";
      if (subtype == "/Widget") {
        auto it = m_newRoles.widget_field.find(og);
        const FieldInfo* f = nullptr;
        if (it != m_newRoles.widget_field.end()) f = &m_newRoles.fields.at(it->second);
        if (!f) {
          note("a form widget not belonging to any field added on " + pg, false);
        } else if (oldField(f->name)) {
          note("a widget added to the existing field " + f->name + " on " + pg, false);
        } else if (f->type == "/Sig") {
          bool ts = isDocTimestamp(f->value_og);
          if (p1() && !ts)
            note("signature field " + f->name + " added on " + pg +
                     ", which the certification (no changes) forbids",
                 false);
          else
            note("signature field " + f->name + " added on " + pg, true);
        } else {
          note("form field " + f->name + " added on " + pg, false);
        }
        continue;
      }
      note("annotation (" + subtype.substr(1) + ") added on " + pg +
               (annotationsAllowed() ? "" : ", which the certification forbids"),
           annotationsAllowed());
    }
  }

  void fieldList(QPDFObjectHandle fo, QPDFObjectHandle fn) {
    auto lo = refsOf(fo), ln = refsOf(fn);
    std::set<QPDFObjGen> sn(ln.begin(), ln.end()), so(lo.begin(), lo.end());
    for (auto og : lo)
      if (!sn.count(og)) note("a form field removed", false);
    for (auto og : ln) {
      if (so.count(og)) continue;
      auto it = m_newRoles.fields.find(og);
      if (it == m_newRoles.fields.end()) {
        note("a group of form fields added", false);
      } else if (it->second.type != "/Sig") {
        note("form field " + it->second.name + " added", false);
      } else if (p1() && !isDocTimestamp(it->second.value_og)) {
        note("signature field " + it->second.name +
                 " added, which the certification (no changes) forbids",
             false);
      } else {
        note("signature field " + it->second.name + " added", true);
      }
    }
  }

  void acroFormDict(QPDFObjectHandle o, QPDFObjectHandle n) {
    for (auto& k : diffKeys(o, n)) {
      if (k == "/Fields") {
        fieldList(o.getKey("/Fields"), n.getKey("/Fields"));
      } else if (k == "/SigFlags" || k == "/DR" || k == "/DA" || k == "/NeedAppearances") {
        note("form settings updated (" + k.substr(1) + ")", !p1());
      } else {
        note("form dictionary changed (" + k.substr(1) + ")", false);
      }
    }
  }

  void catalog(QPDFObjectHandle o, QPDFObjectHandle n) {
    for (auto& k : diffKeys(o, n)) {
      if (k == "/DSS" || k == "/Extensions") {
        note("document security store (/DSS) added or updated", true);
      } else if (k == "/Metadata") {
        note("XMP metadata updated", !p1());
      } else if (k == "/AcroForm") {
        auto ao = o.getKey("/AcroForm"), an = n.getKey("/AcroForm");
        if (ao.isIndirect() && an.isIndirect() && ao.getObjGen() != an.getObjGen())
          note("the form dictionary was replaced by another object", false);
        else if (!ao.isIndirect() || !an.isIndirect())
          acroFormDict(ao, an);
        if (ao.isNull() && an.isDictionary())
          fieldList(QPDFObjectHandle::newArray(), an.getKey("/Fields"));
      } else if (k == "/Pages") {
        note("the page tree was replaced", false);
      } else {
        note("document catalog entry " + k.substr(1) + " changed", false);
      }
    }
  }

  void page(int n, QPDFObjectHandle o, QPDFObjectHandle nw) {
    const std::string pg = "page " + std::to_string(n);
    for (auto& k : diffKeys(o, nw)) {
      if (k == "/Annots") {
        annotationLists(n, o.getKey("/Annots"), nw.getKey("/Annots"));
      } else if (k == "/Contents") {
        note("content of " + pg + " replaced", false);
      } else if (k == "/Resources") {
        note("resources (fonts, images) of " + pg + " changed", false);
      } else {
        note(pg + " changed (" + k.substr(1) + ")", false);
      }
    }
  }

  void field(const std::string& name, QPDFObjectHandle o, QPDFObjectHandle n) {
    for (auto& k : diffKeys(o, n)) {
      if (k == "/V" || k == "/AS" || k == "/AP" || k == "/MK") {
        fieldFilled(name);
        if (k == "/AP" && !fieldValueChanged(name) && !newlySigned(name))
          note("the appearance of field " + name + " changed without a new value", false);
      } else if (k == "/Kids") {
        note("the widgets of field " + name + " changed", false);
      } else {
        note("field " + name + " changed (" + k.substr(1) + ")", false);
      }
    }
  }

  bool fieldValueChanged(const std::string& name) {
    const FieldInfo* nf = newField(name);
    const FieldInfo* of = oldField(name);
    if (!nf || !of) return true;
    return of->value_og != nf->value_og || of->has_value != nf->has_value ||
           fieldValueText(m_old, m_oldRoles, name) != fieldValueText(m_new, m_newRoles, name);
  }
  bool newlySigned(const std::string& name) {
    const FieldInfo* nf = newField(name);
    const FieldInfo* of = oldField(name);
    return nf && nf->type == "/Sig" && nf->has_value && (!of || !of->has_value);
  }
  static std::string fieldValueText(OpenRevision& rev, const RoleMap& roles,
                                    const std::string& name) {
    for (auto& [og, f] : roles.fields)
      if (f.name == name) return rev.pdf().getObjectByObjGen(og).getKey("/V").unparse();
    return {};
  }

  void appearance(const Role& r, const std::set<Role>& all) {
    if (r.name == "annotation") {
      note("the appearance of an annotation on page " + std::to_string(r.page) + " changed",
           annotationsAllowed());
      return;
    }
    for (auto& other : all) {
      if (other.kind == RoleKind::Appearance || other.kind == RoleKind::PageResource ||
          other.kind == RoleKind::FormResource)
        continue;
      note("the appearance of field " + r.name + " replaced by an object used elsewhere (" +
               describeRole(other) + ")",
           false);
    }
    if (fieldValueChanged(r.name) || newlySigned(r.name)) {
      fieldFilled(r.name);
    } else {
      note("the appearance of field " + r.name + " replaced without a new value", false);
    }
  }

  void classify(QPDFObjGen og, const std::set<Role>& roles, QPDFObjectHandle o,
                QPDFObjectHandle n) {
    for (auto& r : roles) {
      switch (r.kind) {
        case RoleKind::Catalog:
          catalog(o, n);
          break;
        case RoleKind::PageTree:
          // Added, removed and reordered pages are reported by pages(); anything else here is
          // a change to inherited page attributes or to the tree itself.
          for (auto& k : diffKeys(o, n))
            if ((k != "/Kids" && k != "/Count") || m_oldRoles.pages == m_newRoles.pages)
              note("the page tree changed (" + k.substr(1) + ")", false);
          break;
        case RoleKind::Page:
          page(r.page, o, n);
          break;
        case RoleKind::AnnotsArray:
          annotationLists(r.page, o, n);
          break;
        case RoleKind::Annotation:
          note("an annotation on page " + std::to_string(r.page) + " changed",
               annotationsAllowed());
          break;
        case RoleKind::Widget:
        case RoleKind::Field:
          if (!r.name.empty())
            field(r.name, o, n);
          else if (roles.size() == 1)
            note("a form widget on page " + std::to_string(r.page) + " changed", false);
          break;
        case RoleKind::FieldsArray:
          fieldList(o, n);
          break;
        case RoleKind::AcroForm:
          acroFormDict(o, n);
          break;
        case RoleKind::FormResource:
          note("the form's default resources updated", !p1());
          break;
        case RoleKind::Appearance:
          appearance(r, roles);
          break;
        case RoleKind::SignatureDict:
          note("signature dictionary of " + r.name + " changed", false);
          break;
        case RoleKind::Dss:
          note("document security store (/DSS) added or updated", true);
          break;
        case RoleKind::Metadata:
          note("XMP metadata updated", !p1());
          break;
        case RoleKind::Info:
          note("document information (title, dates) updated", true);
          break;
        case RoleKind::PageContent:
          note("content of page " + std::to_string(r.page) + " replaced", false);
          break;
        case RoleKind::PageResource:
          note("a resource (font, image or form) of page " + std::to_string(r.page) + " replaced",
               false);
          break;
        case RoleKind::Other:
          if (r.name == "catalog /StructTreeRoot") {
            // Tagged PDFs record each new widget in the structure tree's /ParentTree; the tree
            // does not change what a page shows.
            note("the document's structure tree (tags) updated", !p1());
            break;
          }
          note("object " + std::to_string(og.getObj()) + " reached from " + r.name + " changed",
               false);
          break;
      }
    }
  }

  Status objects() {
    auto& xo = m_old.xref();
    auto& xn = m_new.xref();
    std::size_t n = 0;
    for (auto& [og, po] : xo) {
      if ((++n & 255) == 0) KYSO_TRY(m_budget.check("analyseChanges"));
      auto rit = m_oldRoles.roles.find(og);
      auto it = xn.find(og);
      if (it == xn.end()) {
        if (rit != m_oldRoles.roles.end())
          note(describeRole(*rit->second.begin()) + " deleted", false);
        continue;
      }
      bool moved = !(it->second == po);
      if (!moved && po.type == 2) {
        QPDFObjGen s(po.stream, 0);
        auto a = xo.find(s), b = xn.find(s);
        moved = a == xo.end() || b == xn.end() || !(a->second == b->second);
      }
      if (!moved || rit == m_oldRoles.roles.end()) continue;
      auto o = m_old.pdf().getObjectByObjGen(og);
      auto nw = m_new.pdf().getObjectByObjGen(og);
      if (sameObject(o, nw)) continue;
      classify(og, rit->second, o, nw);
    }
    return okStatus();
  }

  OpenRevision& m_old;
  const RoleMap& m_oldRoles;
  OpenRevision& m_new;
  const RoleMap& m_newRoles;
  const ChangeRules& m_rules;
  const Budget& m_budget;
  std::vector<Change>& m_out;
  std::set<std::string> m_seen;
};

}  // namespace

Status analyseChanges(OpenRevision& signedRev, const RoleMap& signedRoles, OpenRevision& current,
                      const RoleMap& currentRoles, const ChangeRules& rules, const Budget& budget,
                      std::vector<Change>& out) {
  try {
    Analyser a(signedRev, signedRoles, current, currentRoles, rules, budget, out);
    KYSO_TRY(a.run());
  } catch (const std::exception& e) {
    return qpdfError(e, "analyseChanges", current.pdf().getFilename());
  }
  return okStatus();
}

}  // namespace kyso::pdfverify
