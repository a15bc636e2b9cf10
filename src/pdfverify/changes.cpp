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
  void note(ChangeKind kind, std::vector<std::string> args, bool allowed,
            std::vector<std::string> argsVi = {}) {
    std::string what = changeSentence(kind, args, Lang::En);
    if (!m_seen.insert(what).second) return;
    Change c;
    c.kind = kind;
    c.args = std::move(args);
    c.args_vi = std::move(argsVi);
    c.allowed = allowed;
    c.what = std::move(what);
    m_out.push_back(std::move(c));
  }
  static std::string num(long long n) { return std::to_string(n); }

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
      note(ChangeKind::CatalogReplaced, {}, false);
    if (to.getKey("/Encrypt").unparse() != tn.getKey("/Encrypt").unparse())
      note(ChangeKind::EncryptionChanged, {}, false);
  }

  void pages() {
    auto& po = m_oldRoles.pages;
    auto& pn = m_newRoles.pages;
    for (std::size_t i = 0; i < std::min(po.size(), pn.size()); ++i)
      if (po[i] != pn[i]) note(ChangeKind::PageReplaced, {num(i + 1)}, false);
    for (std::size_t i = po.size(); i < pn.size(); ++i)
      note(ChangeKind::PageAdded, {num(i + 1)}, false);
    for (std::size_t i = pn.size(); i < po.size(); ++i)
      note(ChangeKind::PageRemoved, {num(i + 1)}, false);
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
      note(ChangeKind::FieldRemoved, {name}, false);
      return;
    }
    if (nf->type == "/Sig") {
      if (of && of->has_value) {
        if (of->value_og != nf->value_og) note(ChangeKind::SignatureReplaced, {name}, false);
        return;
      }
      if (!nf->has_value) return;
      bool ts = isDocTimestamp(nf->value_og);
      if (p1() && !ts) {
        note(ChangeKind::FieldSignedForbidden, {name}, false);
      } else if (locked(name)) {
        note(ChangeKind::LockedFieldSigned, {name}, false);
      } else {
        note(ts ? ChangeKind::TimestampAdded : ChangeKind::SignatureAdded, {name}, true);
      }
      return;
    }
    if (p1()) {
      note(ChangeKind::FieldFilledForbidden, {name}, false);
    } else if (locked(name)) {
      note(ChangeKind::LockedFieldChanged, {name}, false);
    } else {
      note(ChangeKind::FieldFilled, {name}, true);
    }
  }

  void annotationLists(int page, QPDFObjectHandle ao, QPDFObjectHandle an) {
    auto lo = refsOf(ao), ln = refsOf(an);
    std::set<QPDFObjGen> so(lo.begin(), lo.end()), sn(ln.begin(), ln.end());
    const std::string pg = std::to_string(page);
    for (auto og : lo)
      if (!sn.count(og)) note(ChangeKind::AnnotationRemoved, {pg}, false);
    for (auto og : ln) {
      if (so.count(og)) continue;
      auto a = m_new.pdf().getObjectByObjGen(og);
      std::string subtype = a.getKey("/Subtype").isName() ? a.getKey("/Subtype").getName() : "?";
      if (subtype == "/Widget") {
        auto it = m_newRoles.widget_field.find(og);
        const FieldInfo* f = nullptr;
        if (it != m_newRoles.widget_field.end()) f = &m_newRoles.fields.at(it->second);
        if (!f) {
          note(ChangeKind::WidgetWithoutFieldAdded, {pg}, false);
        } else if (oldField(f->name)) {
          note(ChangeKind::WidgetAddedToField, {f->name, pg}, false);
        } else if (f->type == "/Sig") {
          bool ts = isDocTimestamp(f->value_og);
          if (p1() && !ts)
            note(ChangeKind::SignatureFieldAddedOnPageForbidden, {f->name, pg}, false);
          else
            note(ChangeKind::SignatureFieldAddedOnPage, {f->name, pg}, true);
        } else {
          note(ChangeKind::FormFieldAddedOnPage, {f->name, pg}, false);
        }
        continue;
      }
      note(
          annotationsAllowed() ? ChangeKind::AnnotationAdded : ChangeKind::AnnotationAddedForbidden,
          {subtype.substr(1), pg}, annotationsAllowed());
    }
  }

  void fieldList(QPDFObjectHandle fo, QPDFObjectHandle fn) {
    auto lo = refsOf(fo), ln = refsOf(fn);
    std::set<QPDFObjGen> sn(ln.begin(), ln.end()), so(lo.begin(), lo.end());
    for (auto og : lo)
      if (!sn.count(og)) note(ChangeKind::FormFieldRemoved, {}, false);
    for (auto og : ln) {
      if (so.count(og)) continue;
      auto it = m_newRoles.fields.find(og);
      if (it == m_newRoles.fields.end()) {
        note(ChangeKind::FieldGroupAdded, {}, false);
      } else if (it->second.type != "/Sig") {
        note(ChangeKind::FormFieldAdded, {it->second.name}, false);
      } else if (p1() && !isDocTimestamp(it->second.value_og)) {
        note(ChangeKind::SignatureFieldAddedForbidden, {it->second.name}, false);
      } else {
        note(ChangeKind::SignatureFieldAdded, {it->second.name}, true);
      }
    }
  }

  void acroFormDict(QPDFObjectHandle o, QPDFObjectHandle n) {
    for (auto& k : diffKeys(o, n)) {
      if (k == "/Fields") {
        fieldList(o.getKey("/Fields"), n.getKey("/Fields"));
      } else if (k == "/SigFlags" || k == "/DR" || k == "/DA" || k == "/NeedAppearances") {
        note(ChangeKind::FormSettingsUpdated, {k.substr(1)}, !p1());
      } else {
        note(ChangeKind::FormDictionaryChanged, {k.substr(1)}, false);
      }
    }
  }

  void catalog(QPDFObjectHandle o, QPDFObjectHandle n) {
    for (auto& k : diffKeys(o, n)) {
      if (k == "/DSS" || k == "/Extensions") {
        note(ChangeKind::DssUpdated, {}, true);
      } else if (k == "/Metadata") {
        note(ChangeKind::MetadataUpdated, {}, !p1());
      } else if (k == "/AcroForm") {
        auto ao = o.getKey("/AcroForm"), an = n.getKey("/AcroForm");
        if (ao.isIndirect() && an.isIndirect() && ao.getObjGen() != an.getObjGen())
          note(ChangeKind::FormDictionaryReplaced, {}, false);
        else if (!ao.isIndirect() || !an.isIndirect())
          acroFormDict(ao, an);
        if (ao.isNull() && an.isDictionary())
          fieldList(QPDFObjectHandle::newArray(), an.getKey("/Fields"));
      } else if (k == "/Pages") {
        note(ChangeKind::PageTreeReplaced, {}, false);
      } else {
        note(ChangeKind::CatalogEntryChanged, {k.substr(1)}, false);
      }
    }
  }

  void page(int n, QPDFObjectHandle o, QPDFObjectHandle nw) {
    const std::string pg = std::to_string(n);
    for (auto& k : diffKeys(o, nw)) {
      if (k == "/Annots") {
        annotationLists(n, o.getKey("/Annots"), nw.getKey("/Annots"));
      } else if (k == "/Contents") {
        note(ChangeKind::ContentReplaced, {pg}, false);
      } else if (k == "/Resources") {
        note(ChangeKind::PageResourcesChanged, {pg}, false);
      } else {
        note(ChangeKind::PageChanged, {pg, k.substr(1)}, false);
      }
    }
  }

  void field(const std::string& name, QPDFObjectHandle o, QPDFObjectHandle n) {
    for (auto& k : diffKeys(o, n)) {
      if (k == "/V" || k == "/AS" || k == "/AP" || k == "/MK") {
        fieldFilled(name);
        if (k == "/AP" && !fieldValueChanged(name) && !newlySigned(name))
          note(ChangeKind::AppearanceChangedWithoutValue, {name}, false);
      } else if (k == "/Kids") {
        note(ChangeKind::FieldWidgetsChanged, {name}, false);
      } else {
        note(ChangeKind::FieldChanged, {name, k.substr(1)}, false);
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
      note(ChangeKind::AnnotationAppearanceChanged, {num(r.page)}, annotationsAllowed());
      return;
    }
    for (auto& other : all) {
      if (other.kind == RoleKind::Appearance || other.kind == RoleKind::PageResource ||
          other.kind == RoleKind::FormResource)
        continue;
      note(ChangeKind::AppearanceReused, {r.name, describeRole(other)}, false,
           {"", describeRole(other, Lang::Vi)});
    }
    if (fieldValueChanged(r.name) || newlySigned(r.name)) {
      fieldFilled(r.name);
    } else {
      note(ChangeKind::AppearanceReplacedWithoutValue, {r.name}, false);
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
              note(ChangeKind::PageTreeChanged, {k.substr(1)}, false);
          break;
        case RoleKind::Page:
          page(r.page, o, n);
          break;
        case RoleKind::AnnotsArray:
          annotationLists(r.page, o, n);
          break;
        case RoleKind::Annotation:
          note(ChangeKind::AnnotationChanged, {num(r.page)}, annotationsAllowed());
          break;
        case RoleKind::Widget:
        case RoleKind::Field:
          if (!r.name.empty())
            field(r.name, o, n);
          else if (roles.size() == 1)
            note(ChangeKind::WidgetChanged, {num(r.page)}, false);
          break;
        case RoleKind::FieldsArray:
          fieldList(o, n);
          break;
        case RoleKind::AcroForm:
          acroFormDict(o, n);
          break;
        case RoleKind::FormResource:
          note(ChangeKind::FormResourcesUpdated, {}, !p1());
          break;
        case RoleKind::Appearance:
          appearance(r, roles);
          break;
        case RoleKind::SignatureDict:
          note(ChangeKind::SignatureDictionaryChanged, {r.name}, false);
          break;
        case RoleKind::Dss:
          note(ChangeKind::DssUpdated, {}, true);
          break;
        case RoleKind::Metadata:
          note(ChangeKind::MetadataUpdated, {}, !p1());
          break;
        case RoleKind::Info:
          note(ChangeKind::InfoUpdated, {}, true);
          break;
        case RoleKind::PageContent:
          note(ChangeKind::ContentReplaced, {num(r.page)}, false);
          break;
        case RoleKind::PageResource:
          note(ChangeKind::PageResourceReplaced, {num(r.page)}, false);
          break;
        case RoleKind::Other:
          if (r.name == "catalog /StructTreeRoot") {
            // Tagged PDFs record each new widget in the structure tree's /ParentTree; the tree
            // does not change what a page shows.
            note(ChangeKind::StructureTreeUpdated, {}, !p1());
            break;
          }
          note(ChangeKind::ObjectChanged, {std::to_string(og.getObj()), r.name}, false);
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
          note(ChangeKind::ObjectDeleted, {describeRole(*rit->second.begin())}, false,
               {describeRole(*rit->second.begin(), Lang::Vi)});
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
