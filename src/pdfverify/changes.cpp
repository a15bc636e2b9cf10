#include "src/pdfverify/changes.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <qpdf/QPDFObjectHandle.hh>
#include <set>

#include "src/pdfverify/annotation_facts.h"
#include "src/pdfverify/value_compare.h"

namespace kyso::pdfverify {

namespace {

constexpr std::size_t kMaxFieldsChecked = 2000;

// Keys real signers and form fillers set on a field or widget they fill or sign.
bool fillKey(const std::string& k) {
  return k == "/V" || k == "/AP" || k == "/AS" || k == "/F" || k == "/Ff" || k == "/M" ||
         k == "/MK" || k == "/DA" || k == "/Q" || k == "/Type";
}

// Keys producers write for themselves that no renderer reads.
bool producerPrivateKey(const std::string& k) {
  return k == "/ITXT";
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
        m_out(out),
        m_cmp(budget, [&orol](QPDFObjGen og) { return orol.roles.count(og) != 0; }),
        m_deep(budget, nullptr) {}

  Status run() {
    trailer();
    pages();
    KYSO_TRY(objects());
    if (m_cmp.exhausted() || m_deep.exhausted()) KYSO_TRY(m_budget.check("analyseChanges"));
    return okStatus();
  }

 private:
  // Records a change judged by the table (the kind may turn into its "forbidden" form), with the
  // areas of the annotations being judged (m_areas). The same sentence twice is one change with
  // the areas of both.
  void note(ChangeKind kind, std::vector<std::string> args, std::vector<std::string> argsVi = {}) {
    kind = changeAsJudged(kind, m_rules.docmdp);
    std::string what = changeSentence(kind, args, Lang::En);
    if (auto seen = m_seen.find(what); seen != m_seen.end()) {
      auto& areas = m_out[seen->second].areas;
      areas.insert(areas.end(), m_areas.begin(), m_areas.end());
      return;
    }
    Change c;
    c.kind = kind;
    c.args = std::move(args);
    c.args_vi = std::move(argsVi);
    c.allowed = changeAllowed(kind, m_rules.docmdp);
    c.areas = m_areas;
    m_seen.emplace(std::move(what), m_out.size());
    m_out.push_back(std::move(c));
  }

  // Adds where annotation `og` is on its page in the older and the newer revision.
  void addAreasOf(QPDFObjGen og) {
    PageArea a;
    if (annotationArea(m_old, m_oldRoles, og, a)) m_areas.push_back(a);
    if (annotationArea(m_new, m_newRoles, og, a)) m_areas.push_back(a);
  }
  // Adds the areas of every widget of field `name` in either revision.
  void addFieldAreas(const std::string& name) {
    for (const FieldInfo* f : {oldField(name), newField(name)})
      if (f)
        for (auto w : f->widgets) addAreasOf(w);
  }
  // The areas a change to object `og` (with role `r`) shows in.
  void areasForRole(QPDFObjGen og, const Role& r) {
    m_areas.clear();
    switch (r.kind) {
      case RoleKind::Annotation:
      case RoleKind::Widget:
        addAreasOf(og);
        if (!r.name.empty()) addFieldAreas(r.name);
        break;
      case RoleKind::AnnotationPart:
      case RoleKind::Appearance:
      case RoleKind::Field:
        if (auto a = owningAnnotation(m_oldRoles, og); a.getObj() != 0) addAreasOf(a);
        if (!r.name.empty() && r.name != "annotation") addFieldAreas(r.name);
        break;
      default:
        break;
    }
  }
  // Every widget of a field that is not a signature (what a viewer regenerates from /DA, /DR or
  // /NeedAppearances).
  void addFormFieldAreas() {
    for (auto& [og, f] : m_newRoles.fields)
      if (f.type != "/Sig") addFieldAreas(f.name);
  }
  static std::string num(long long n) { return std::to_string(n); }
  static std::string bare(const std::string& key) { return key.empty() ? key : key.substr(1); }

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
    auto ro = to.getKey("/Root"), rn = tn.getKey("/Root");
    if (ro.getObjGen() != rn.getObjGen() && !m_cmp.equal(ro, rn)) catalog(ro, rn);
    if (!m_deep.equal(to.getKey("/Encrypt"), tn.getKey("/Encrypt")))
      note(ChangeKind::EncryptionChanged, {});
    if (!m_cmp.equal(to.getKey("/Info"), tn.getKey("/Info"))) note(ChangeKind::InfoUpdated, {});
  }

  void pages() {
    auto& po = m_oldRoles.pages;
    auto& pn = m_newRoles.pages;
    for (std::size_t i = 0; i < std::min(po.size(), pn.size()); ++i) {
      if (po[i] == pn[i]) continue;
      auto o = m_old.pdf().getObjectByObjGen(po[i]);
      auto n = m_new.pdf().getObjectByObjGen(pn[i]);
      if (!m_cmp.equal(o, n)) page(static_cast<int>(i) + 1, o, n);
    }
    for (std::size_t i = po.size(); i < pn.size(); ++i) note(ChangeKind::PageAdded, {num(i + 1)});
    for (std::size_t i = pn.size(); i < po.size(); ++i) note(ChangeKind::PageRemoved, {num(i + 1)});
  }

  const FieldInfo* newField(const std::string& name) const { return m_newRoles.field(name); }
  const FieldInfo* oldField(const std::string& name) const { return m_oldRoles.field(name); }

  bool isDocTimestamp(QPDFObjGen og) {
    if (og.getObj() == 0) return false;
    auto v = m_new.pdf().getObjectByObjGen(og);
    return v.isDictionary() && v.getKey("/Type").isName() &&
           v.getKey("/Type").getName() == "/DocTimeStamp";
  }

  QPDFObjectHandle fieldValue(OpenRevision& rev, const RoleMap& roles, const std::string& name) {
    for (auto& [og, f] : roles.fields)
      if (f.name == name) return rev.pdf().getObjectByObjGen(og).getKey("/V");
    return QPDFObjectHandle::newNull();
  }

  // The field's value differs by value (a rewritten or re-pointed /V alike).
  bool fieldValueChanged(const std::string& name) {
    const FieldInfo* nf = newField(name);
    const FieldInfo* of = oldField(name);
    if (!nf || !of) return true;
    return !m_deep.equal(fieldValue(m_old, m_oldRoles, name), fieldValue(m_new, m_newRoles, name));
  }
  bool newlySigned(const std::string& name) {
    const FieldInfo* nf = newField(name);
    const FieldInfo* of = oldField(name);
    return nf && nf->type == "/Sig" && nf->has_value && (!of || !of->has_value);
  }
  bool filledNow(const std::string& name) {
    const FieldInfo* nf = newField(name);
    return nf && nf->has_value && (fieldValueChanged(name) || newlySigned(name));
  }

  // A field that is now signed or filled and was not before (or whose value changed).
  void fieldFilled(const std::string& name) {
    const FieldInfo* nf = newField(name);
    const FieldInfo* of = oldField(name);
    const auto saved = m_areas;
    addFieldAreas(name);
    fieldFilledIn(name, nf, of);
    m_areas = saved;
  }
  void fieldFilledIn(const std::string& name, const FieldInfo* nf, const FieldInfo* of) {
    if (!nf) {
      note(ChangeKind::FieldRemoved, {name});
      return;
    }
    if (nf->type == "/Sig") {
      if (of && of->has_value) {
        if (fieldValueChanged(name)) note(ChangeKind::SignatureReplaced, {name});
        return;
      }
      if (!nf->has_value) return;
      const bool ts = isDocTimestamp(nf->value_og);
      if (locked(name))
        note(ChangeKind::LockedFieldSigned, {name});
      else
        note(ts ? ChangeKind::TimestampAdded : ChangeKind::SignatureAdded, {name});
      return;
    }
    if (!fieldValueChanged(name)) return;
    note(locked(name) ? ChangeKind::LockedFieldChanged : ChangeKind::FieldFilled, {name});
  }

  // A new signature field: signed in this update, a document timestamp, or an empty field (an
  // overlay when its widget draws over the page).
  void newSignatureField(const FieldInfo& f, const std::string& page) {
    const bool ts = isDocTimestamp(f.value_og);
    if (ts) {
      note(ChangeKind::TimestampFieldAdded, {f.name});
      return;
    }
    if (!f.has_value) {
      for (auto og : f.widgets)
        if (visibleAppearance(m_new.pdf().getObjectByObjGen(og))) {
          note(ChangeKind::UnsignedSignatureFieldOverlay, {f.name, page.empty() ? "?" : page});
          return;
        }
    }
    if (page.empty())
      note(ChangeKind::SignatureFieldAdded, {f.name});
    else
      note(ChangeKind::SignatureFieldAddedOnPage, {f.name, page});
  }

  void annotationLists(int page, QPDFObjectHandle ao, QPDFObjectHandle an) {
    auto lo = refsOf(ao), ln = refsOf(an);
    std::set<QPDFObjGen> so(lo.begin(), lo.end()), sn(ln.begin(), ln.end());
    const std::string pg = std::to_string(page);
    const auto saved = m_areas;
    for (auto og : lo) {
      if (sn.count(og)) continue;
      m_areas.clear();
      addAreasOf(og);
      note(ChangeKind::AnnotationRemoved, {pg});
    }
    for (auto og : ln) {
      if (so.count(og)) continue;
      m_areas.clear();
      addAreasOf(og);
      auto a = m_new.pdf().getObjectByObjGen(og);
      std::string subtype = a.getKey("/Subtype").isName() ? a.getKey("/Subtype").getName() : "/?";
      if (subtype == "/Widget") {
        auto it = m_newRoles.widget_field.find(og);
        const FieldInfo* f = nullptr;
        if (it != m_newRoles.widget_field.end()) f = &m_newRoles.fields.at(it->second);
        if (!f)
          note(ChangeKind::WidgetWithoutFieldAdded, {pg});
        else if (oldField(f->name))
          note(ChangeKind::WidgetAddedToField, {f->name, pg});
        else if (f->type == "/Sig")
          newSignatureField(*f, pg);
        else
          note(ChangeKind::FormFieldAddedOnPage, {f->name, pg});
        continue;
      }
      note(ChangeKind::AnnotationAdded, {subtype.substr(1), pg});
    }
    m_areas = saved;
  }

  void fieldList(QPDFObjectHandle fo, QPDFObjectHandle fn) {
    auto lo = refsOf(fo), ln = refsOf(fn);
    std::set<QPDFObjGen> sn(ln.begin(), ln.end()), so(lo.begin(), lo.end());
    for (auto og : lo)
      if (!sn.count(og)) note(ChangeKind::FormFieldRemoved, {});
    for (auto og : ln) {
      if (so.count(og)) continue;
      auto it = m_newRoles.fields.find(og);
      if (it == m_newRoles.fields.end()) {
        note(ChangeKind::FieldGroupAdded, {});
      } else {
        const auto saved = m_areas;
        addFieldAreas(it->second.name);
        if (it->second.type != "/Sig")
          note(ChangeKind::FormFieldAdded, {it->second.name});
        else
          newSignatureField(it->second, "");
        m_areas = saved;
      }
    }
  }

  // The first text or choice field whose normal appearance does not show its value (a viewer
  // told to regenerate appearances would then show something else), or "".
  std::string fieldShowingOtherValue() {
    std::size_t n = 0;
    for (auto& [og, f] : m_newRoles.fields) {
      if (++n > kMaxFieldsChecked) break;
      if (f.type != "/Tx" && f.type != "/Ch") continue;
      auto v = m_new.pdf().getObjectByObjGen(og).getKey("/V");
      if (!v.isString() || v.getStringValue().empty()) continue;
      for (auto w : f.widgets) {
        auto ap = m_new.pdf().getObjectByObjGen(w).getKey("/AP").getKey("/N");
        std::string data;
        try {
          if (ap.isStream()) {
            auto b = ap.getStreamData(qpdf_dl_generalized);
            data.assign(reinterpret_cast<const char*>(b->getBuffer()), b->getSize());
          }
        } catch (const std::exception&) {
        }
        if (data.find(v.getStringValue()) == std::string::npos &&
            data.find(v.getUTF8Value()) == std::string::npos)
          return f.name;
      }
    }
    return {};
  }

  void formKey(const std::string& k, QPDFObjectHandle o, QPDFObjectHandle n) {
    if (k == "/Fields") {
      fieldList(o.getKey("/Fields"), n.getKey("/Fields"));
    } else if (k == "/SigFlags") {
      note(ChangeKind::FormSettingsUpdated, {bare(k)});
    } else if (k == "/DA" || k == "/DR" || k == "/NeedAppearances") {
      // Appearances regenerated from /DA, /DR or because /NeedAppearances is on show each field's
      // value: harmless unless a field shows something other than its value.
      const bool turnedOff = k == "/NeedAppearances" && !n.getKey(k).isBool();
      const bool off = k == "/NeedAppearances" &&
                       (turnedOff || (n.getKey(k).isBool() && !n.getKey(k).getBoolValue()));
      std::string other = off ? std::string() : fieldShowingOtherValue();
      const auto saved = m_areas;
      if (other.empty()) addFormFieldAreas();  // regenerated, each shows its own value
      if (!other.empty())
        note(ChangeKind::FormRenderingChanged, {bare(k), other});
      else if (k == "/DR")
        note(ChangeKind::FormResourcesUpdated, {});
      else
        note(ChangeKind::FormSettingsUpdated, {bare(k)});
      m_areas = saved;
    } else if (k == "/XFA") {
      note(ChangeKind::XfaChanged, {});
    } else {
      note(ChangeKind::FormDictionaryChanged, {bare(k)});
    }
  }

  void acroFormDict(QPDFObjectHandle o, QPDFObjectHandle n) {
    for (auto& k : m_cmp.differingKeys(o, n)) formKey(k, o, n);
  }

  void catalog(QPDFObjectHandle o, QPDFObjectHandle n) {
    for (auto& k : m_cmp.differingKeys(o, n)) {
      if (k == "/DSS") {
        note(ChangeKind::DssUpdated, {});
      } else if (k == "/Extensions") {
        note(ChangeKind::ExtensionsUpdated, {});
      } else if (k == "/Version") {
        auto v = n.getKey("/Version");
        note(ChangeKind::VersionRaised, {v.isName() ? bare(v.getName()) : "?"});
      } else if (k == "/Metadata") {
        note(ChangeKind::MetadataUpdated, {});
      } else if (k == "/AcroForm") {
        auto ao = o.getKey("/AcroForm"), an = n.getKey("/AcroForm");
        if (ao.isDictionary() && an.isDictionary())
          acroFormDict(ao, an);
        else if (an.isDictionary())
          acroFormDict(QPDFObjectHandle::newDictionary(), an);
        else
          note(ChangeKind::FormDictionaryReplaced, {});
      } else if (k == "/Pages") {
        note(ChangeKind::PageTreeReplaced, {});
      } else if (k == "/StructTreeRoot") {
        note(ChangeKind::StructureTreeUpdated, {});
      } else if (producerPrivateKey(k)) {
        note(ChangeKind::ProducerDataUpdated, {bare(k)});
      } else {
        note(ChangeKind::CatalogEntryChanged, {bare(k)});
      }
    }
  }

  void pageKey(int p, const std::string& k, QPDFObjectHandle o, QPDFObjectHandle n) {
    const std::string pg = num(p);
    if (k == "/Annots")
      annotationLists(p, o.getKey("/Annots"), n.getKey("/Annots"));
    else if (k == "/Contents")
      note(ChangeKind::ContentReplaced, {pg});
    else if (k == "/Resources")
      note(ChangeKind::PageResourcesChanged, {pg});
    else if (producerPrivateKey(k))
      note(ChangeKind::ProducerDataUpdated, {bare(k)});
    else
      note(ChangeKind::PageChanged, {pg, bare(k)});
  }

  void page(int p, QPDFObjectHandle o, QPDFObjectHandle n) {
    for (auto& k : m_cmp.differingKeys(o, n)) pageKey(p, k, o, n);
  }

  void pageTreeNode(QPDFObjectHandle o, QPDFObjectHandle n) {
    for (auto& k : m_cmp.differingKeys(o, n)) {
      // Added, removed and reordered pages are reported by pages().
      if ((k == "/Kids" || k == "/Count") && m_oldRoles.pages != m_newRoles.pages) continue;
      if (producerPrivateKey(k))
        note(ChangeKind::ProducerDataUpdated, {bare(k)});
      else
        note(ChangeKind::PageTreeChanged, {bare(k)});
    }
  }

  // Key `k` of an annotation on page `p` changed; `o` and `n` are the key's old and new values.
  void annotationKey(int p, const std::string& k, QPDFObjectHandle o, QPDFObjectHandle n) {
    const std::string pg = num(p);
    if (k == "/F" && hiddenFlags(o) && !hiddenFlags(n))
      note(ChangeKind::AnnotationShown, {pg});
    else if (k == "/A" || k == "/AA")
      note(ChangeKind::AnnotationActionChanged, {pg, bare(k)});
    else if (k == "/AP")
      note(ChangeKind::AnnotationAppearanceChanged, {pg});
    else
      note(ChangeKind::AnnotationChanged, {pg});
  }

  void annotation(int p, QPDFObjectHandle o, QPDFObjectHandle n) {
    for (auto& k : m_cmp.differingKeys(o, n)) annotationKey(p, k, o.getKey(k), n.getKey(k));
  }

  // Key `k` of field `name` (or of one of its widgets) changed from `o` to `n`.
  void fieldKey(const std::string& name, const std::string& k, QPDFObjectHandle o,
                QPDFObjectHandle n) {
    if (k == "/V" || k == "/AS") {
      fieldFilled(name);
    } else if (k == "/AP") {
      if (filledNow(name))
        fieldFilled(name);
      else
        note(ChangeKind::AppearanceChangedWithoutValue, {name});
    } else if (k == "/F" && !hiddenFlags(o) && hiddenFlags(n)) {
      note(ChangeKind::WidgetHidden, {name});
    } else if (fillKey(k) && filledNow(name)) {
      fieldFilled(name);
    } else if (k == "/Kids") {
      note(ChangeKind::FieldWidgetsChanged, {name});
    } else if (k == "/A" || k == "/AA") {
      note(ChangeKind::FieldChanged, {name, bare(k)});
    } else {
      note(ChangeKind::FieldChanged, {name, k == "(data)" ? "data" : bare(k)});
    }
  }

  void field(const std::string& name, QPDFObjectHandle o, QPDFObjectHandle n) {
    for (auto& k : m_cmp.differingKeys(o, n)) fieldKey(name, k, o.getKey(k), n.getKey(k));
  }

  void appearance(QPDFObjGen og, const Role& r) {
    if (auto other = m_oldRoles.appearance_also_used_as.find(og);
        other != m_oldRoles.appearance_also_used_as.end()) {
      // Rewriting it changes that other use as well, whatever the field shows.
      note(ChangeKind::AppearanceReused, {r.name, describeRole(other->second)},
           {"", describeRole(other->second, Lang::Vi)});
      return;
    }
    if (r.name == "annotation") {
      note(ChangeKind::AnnotationAppearanceChanged, {num(r.page)});
      return;
    }
    if (filledNow(r.name))
      fieldFilled(r.name);
    else
      note(ChangeKind::AppearanceReplacedWithoutValue, {r.name});
  }

  void classify(QPDFObjGen og, const Role& r, QPDFObjectHandle o, QPDFObjectHandle n) {
    areasForRole(og, r);
    classifyIn(og, r, o, n);
    m_areas.clear();
  }
  void classifyIn(QPDFObjGen og, const Role& r, QPDFObjectHandle o, QPDFObjectHandle n) {
    switch (r.kind) {
      case RoleKind::Catalog:
        catalog(o, n);
        break;
      case RoleKind::PageTree:
        pageTreeNode(o, n);
        break;
      case RoleKind::Page:
        page(r.page, o, n);
        break;
      case RoleKind::PageAttribute:
        note(ChangeKind::PageChanged, {num(r.page), bare(r.key)});
        break;
      case RoleKind::PageTreeAttribute:
        note(ChangeKind::PageTreeChanged, {bare(r.key)});
        break;
      case RoleKind::AnnotsArray:
        annotationLists(r.page, o, n);
        break;
      case RoleKind::Annotation:
        annotation(r.page, o, n);
        break;
      case RoleKind::AnnotationPart:
        if (!r.name.empty())
          fieldKey(r.name, r.key, o, n);
        else
          annotationKey(r.page, r.key, o, n);
        break;
      case RoleKind::Widget:
        if (!r.name.empty())
          field(r.name, o, n);
        else
          note(ChangeKind::WidgetChanged, {num(r.page)});
        break;
      case RoleKind::Field:
        if (r.key.empty())
          field(r.name, o, n);
        else
          fieldKey(r.name, r.key, o, n);
        break;
      case RoleKind::FieldsArray:
        fieldList(o, n);
        break;
      case RoleKind::AcroForm:
        acroFormDict(o, n);
        break;
      case RoleKind::FormPart: {
        auto af = m_new.pdf().getRoot().getKey("/AcroForm");
        auto afOld = m_old.pdf().getRoot().getKey("/AcroForm");
        formKey(r.key, afOld.isDictionary() ? afOld : QPDFObjectHandle::newDictionary(),
                af.isDictionary() ? af : QPDFObjectHandle::newDictionary());
        break;
      }
      case RoleKind::FormResource:
        formKey("/DR", m_old.pdf().getRoot().getKey("/AcroForm"),
                m_new.pdf().getRoot().getKey("/AcroForm"));
        break;
      case RoleKind::Appearance:
        appearance(og, r);
        break;
      case RoleKind::SignatureDict:
        note(ChangeKind::SignatureDictionaryChanged, {r.name});
        break;
      case RoleKind::Dss:
        note(ChangeKind::DssUpdated, {});
        break;
      case RoleKind::Metadata:
        note(ChangeKind::MetadataUpdated, {});
        break;
      case RoleKind::Info:
        note(ChangeKind::InfoUpdated, {});
        break;
      case RoleKind::Encrypt:
        note(ChangeKind::EncryptionChanged, {});
        break;
      case RoleKind::PageContent:
        note(ChangeKind::ContentReplaced, {num(r.page)});
        break;
      case RoleKind::PageResource:
        if (r.page > 0)
          note(ChangeKind::PageResourceReplaced, {num(r.page)});
        else
          note(ChangeKind::PageTreeChanged, {"Resources"});
        break;
      case RoleKind::Other:
        if (r.name == "catalog /StructTreeRoot") {
          // Tagged PDFs record each new widget in the structure tree's /ParentTree; the tree
          // does not change what a page shows.
          note(ChangeKind::StructureTreeUpdated, {});
          break;
        }
        note(ChangeKind::ObjectChanged, {std::to_string(og.getObj()), r.name});
        break;
    }
  }

  // Every object the newer revision defines anew or differently, and every object the older one
  // referred to without defining it, compared by value and judged by its role.
  Status objects() {
    auto& xo = m_old.xref();
    auto& xn = m_new.xref();
    std::size_t n = 0;
    for (auto& [og, role] : m_oldRoles.roles) {
      if (xo.count(og) && !xn.count(og))
        note(ChangeKind::ObjectDeleted, {describeRole(role)}, {describeRole(role, Lang::Vi)});
    }
    for (auto& [og, pn] : xn) {
      if ((++n & 255) == 0) KYSO_TRY(m_budget.check("analyseChanges"));
      const Role* role = m_oldRoles.roleOf(og);
      if (!role) continue;  // new or unused when signed: judged where something refers to it
      auto it = xo.find(og);
      bool moved = it == xo.end() || !(it->second == pn);
      if (!moved && pn.type == 2) {
        QPDFObjGen s(pn.stream, 0);
        auto a = xo.find(s), b = xn.find(s);
        moved = a == xo.end() || b == xn.end() || !(a->second == b->second);
      }
      if (!moved) continue;
      auto o = m_old.pdf().getObjectByObjGen(og);
      auto nw = m_new.pdf().getObjectByObjGen(og);
      // The object itself, compared by value (its references to objects judged on their own
      // are equal here).
      bool same = false;
      if (o.isStream() || nw.isStream() || o.isDictionary() || nw.isDictionary())
        same = m_cmp.differingKeys(o, nw).empty();
      else
        same = m_cmp.equalContents(o, nw);
      if (!same) classify(og, *role, o, nw);
    }
    // An object the signed revision referred to without defining it (a reader showed nothing
    // there), defined now: what refers to it is unchanged, so only its role in the newer
    // revision tells what it changes.
    for (auto& [og, pn] : xn) {
      if (xo.count(og) || m_oldRoles.roleOf(og)) continue;
      const Role* role = m_newRoles.roleOf(og);
      auto from = m_newRoles.referrer.find(og);
      if (!role || from == m_newRoles.referrer.end() || from->second.getObj() == 0) continue;
      auto a = xo.find(from->second), b = xn.find(from->second);
      if (a == xo.end() || b == xn.end() || !(a->second == b->second)) continue;
      classify(og, *role, QPDFObjectHandle::newNull(), m_new.pdf().getObjectByObjGen(og));
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
  ValueComparer m_cmp;                        // references to objects judged on their own are equal
  ValueComparer m_deep;                       // resolves every reference
  std::map<std::string, std::size_t> m_seen;  // sentence -> index in m_out
  std::vector<PageArea> m_areas;              // where the object being judged shows
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
