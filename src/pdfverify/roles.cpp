#include "src/pdfverify/roles.h"

#include <deque>
#include <qpdf/QPDFObjectHandle.hh>

namespace kyso::pdfverify {

namespace {

constexpr std::size_t kMaxVisits = 400000;
constexpr int kMaxDirectDepth = 64;
constexpr int kMaxTreeDepth = 64;

bool isName(QPDFObjectHandle h, const char* name) {
  return h.isName() && h.getName() == name;
}

// Which keys a walk does not follow out of a dictionary.
enum class Skip {
  Nothing,       // resources, content, metadata, document information, catalog entries
  Annotation,    // /P (its page), /Parent (its field), /IRT (the annotation it replies to)
  SignatureRef,  // /Data of a signature reference (it points at the catalog or a field)
};

class Mapper {
 public:
  Mapper(OpenRevision& rev, const Budget& budget) : m_rev(rev), m_budget(budget) {}

  Status run() {
    auto trailer = m_rev.pdf().getTrailer();
    auto root = trailer.getKey("/Root");
    m_map.root = root.getObjGen();
    add(root, {RoleKind::Catalog});
    // Structure first, so that no navigation link can give a structural object another role.
    KYSO_TRY(pageTree(root.getKey("/Pages"), 0, {}));
    for (std::size_t i = 0; i < m_pageObjs.size(); ++i) KYSO_TRY(annotations(i));
    auto af = root.getKey("/AcroForm");
    if (af.isDictionary()) {
      add(af, {RoleKind::AcroForm});
      auto fields = af.getKey("/Fields");
      if (fields.isIndirect()) add(fields, {RoleKind::FieldsArray});
      if (fields.isArray())
        for (int i = 0; i < fields.getArrayNItems(); ++i)
          KYSO_TRY(field(fields.getArrayItem(i), "", "", 0));
    }
    for (std::size_t i = 0; i < m_pageObjs.size(); ++i)
      KYSO_TRY(walk(m_pageObjs[i].getKey("/Contents"), {RoleKind::PageContent, pageNo(i)},
                    m_pageObjs[i].getObjGen()));
    for (std::size_t i = 0; i < m_pageObjs.size(); ++i) {
      auto p = m_pageObjs[i];
      for (auto& k : p.getKeys()) {
        if (k == "/Type" || k == "/Parent" || k == "/Contents" || k == "/Resources" ||
            k == "/Annots")
          continue;
        KYSO_TRY(walk(p.getKey(k), {RoleKind::PageAttribute, pageNo(i), {}, k}, p.getObjGen()));
      }
    }
    for (auto& node : m_nodes)
      for (auto& k : node.getKeys()) {
        if (k == "/Type" || k == "/Parent" || k == "/Kids" || k == "/Count" || k == "/Resources")
          continue;
        KYSO_TRY(walk(node.getKey(k), {RoleKind::PageTreeAttribute, 0, {}, k}, node.getObjGen()));
      }
    for (auto& [a, page] : m_annots) {
      const bool widget = isName(a.getKey("/Subtype"), "/Widget");
      // A widget's parts belong to its field (named by the field walk).
      std::string owner;
      if (widget && a.isIndirect())
        if (auto r = m_map.roles.find(a.getObjGen()); r != m_map.roles.end())
          owner = r->second.name;
      for (auto& k : a.getKeys()) {
        if (k == "/P" || k == "/Parent" || k == "/IRT" || k == "/AP" || k == "/Subtype" ||
            k == "/Type")
          continue;
        if (widget && fieldKey(k)) continue;  // walked with the field
        KYSO_TRY(walk(a.getKey(k), {RoleKind::AnnotationPart, page, owner, k}, a.getObjGen()));
      }
    }
    for (std::size_t i = 0; i < m_pageObjs.size(); ++i)
      KYSO_TRY(walk(inheritedResources(m_pageObjs[i]), {RoleKind::PageResource, pageNo(i)},
                    m_pageObjs[i].getObjGen()));
    for (auto& node : m_nodes)
      KYSO_TRY(walk(node.getKey("/Resources"), {RoleKind::PageResource}, node.getObjGen()));
    for (auto& [a, page] : m_annots) {
      const bool widget = isName(a.getKey("/Subtype"), "/Widget");
      std::string name = "annotation";
      if (widget && a.isIndirect()) {
        auto r = m_map.roles.find(a.getObjGen());
        name = r != m_map.roles.end() ? r->second.name : std::string();
      }
      KYSO_TRY(walk(a.getKey("/AP"), {RoleKind::Appearance, page, name}, a.getObjGen()));
    }
    for (auto& [w, name] : m_fieldWidgets)
      KYSO_TRY(walk(w.getKey("/AP"), {RoleKind::Appearance, 0, name}, w.getObjGen()));
    if (af.isDictionary()) {
      KYSO_TRY(walk(af.getKey("/DR"), {RoleKind::FormResource}, af.getObjGen()));
      for (auto& k : af.getKeys())
        if (k != "/Fields" && k != "/DR")
          KYSO_TRY(walk(af.getKey(k), {RoleKind::FormPart, 0, {}, k}, af.getObjGen()));
    }
    KYSO_TRY(walk(root.getKey("/DSS"), {RoleKind::Dss}, root.getObjGen()));
    KYSO_TRY(walk(root.getKey("/Metadata"), {RoleKind::Metadata}, root.getObjGen()));
    KYSO_TRY(walk(trailer.getKey("/Info"), {RoleKind::Info}, {}));
    KYSO_TRY(walk(trailer.getKey("/Encrypt"), {RoleKind::Encrypt}, {}));
    for (auto& key : root.getKeys()) {
      if (key == "/Type" || key == "/Pages" || key == "/AcroForm" || key == "/DSS" ||
          key == "/Metadata")
        continue;
      KYSO_TRY(walk(root.getKey(key), {RoleKind::Other, 0, "catalog " + key}, root.getObjGen()));
    }
    return okStatus();
  }

  RoleMap take() { return std::move(m_map); }

 private:
  static int pageNo(std::size_t i) { return static_cast<int>(i) + 1; }

  // Keys of a field dictionary (walked by field()); the rest of a merged field/widget is the
  // widget's.
  static bool fieldKey(const std::string& k) {
    return k == "/FT" || k == "/T" || k == "/TU" || k == "/TM" || k == "/Ff" || k == "/V" ||
           k == "/DV" || k == "/Kids" || k == "/Opt" || k == "/TI" || k == "/I" || k == "/Lock" ||
           k == "/SV" || k == "/MaxLen" || k == "/DA" || k == "/Q" || k == "/DS" || k == "/RV" ||
           k == "/AA";
  }

  // Gives `h` the role when it is an object without one; true when it did.
  bool add(QPDFObjectHandle h, Role r) {
    if (!h.isIndirect()) return false;
    auto [it, added] = m_map.roles.emplace(h.getObjGen(), r);
    if (!added && it->second.kind == RoleKind::Appearance && r.kind != RoleKind::Appearance)
      m_map.appearance_also_used_as.emplace(h.getObjGen(), std::move(r));
    return added;
  }

  Status tick() {
    if (++m_visits > kMaxVisits)
      return Error::kyso(Errc::PdfTooComplex, "mapRoles", "too many objects")
          .because(Detail::Technical);
    if ((m_visits & 1023) == 0) KYSO_TRY(m_budget.check("mapRoles"));
    return okStatus();
  }

  // Everything reachable from `start` that has no role yet gets `role`; an object that already
  // has one is neither given this role nor walked again.
  // `from` is the object whose key holds `start`.
  Status walk(QPDFObjectHandle start, Role role, QPDFObjGen from, Skip skip = Skip::Nothing) {
    struct Item {
      QPDFObjectHandle h;
      int depth;
      QPDFObjGen from;
    };
    std::deque<Item> todo{{start, 0, from}};
    while (!todo.empty()) {
      auto [h, depth, parent] = todo.front();
      todo.pop_front();
      KYSO_TRY(tick());
      if (h.isIndirect()) {
        if (!add(h, role)) continue;
        m_map.referrer.emplace(h.getObjGen(), parent);
        parent = h.getObjGen();
        depth = 0;
      }
      if (depth > kMaxDirectDepth)
        return Error::kyso(Errc::PdfTooComplex, "mapRoles", "objects nested too deeply")
            .because(Detail::Technical);
      if (h.isArray()) {
        for (int i = 0; i < h.getArrayNItems(); ++i)
          todo.push_back({h.getArrayItem(i), depth + 1, parent});
      } else if (h.isDictionary() || h.isStream()) {
        auto d = h.isStream() ? h.getDict() : h;
        const bool sigRef = skip == Skip::SignatureRef &&
                            (d.hasKey("/TransformMethod") || isName(d.getKey("/Type"), "/SigRef"));
        for (auto& key : d.getKeys()) {
          if (sigRef && key == "/Data") continue;
          if (skip == Skip::Annotation && (key == "/P" || key == "/Parent" || key == "/IRT"))
            continue;
          todo.push_back({d.getKey(key), depth + 1, parent});
        }
      }
    }
    return okStatus();
  }

  Status pageTree(QPDFObjectHandle node, int depth, std::set<QPDFObjGen> path) {
    if (depth > kMaxTreeDepth)
      return Error::kyso(Errc::PdfTooComplex, "mapRoles", "page tree nested too deeply")
          .because(Detail::Technical);
    KYSO_TRY(tick());
    if (!node.isDictionary())
      return Error::kyso(Errc::PdfDamaged, "mapRoles", "bad page tree").because(Detail::Technical);
    if (node.isIndirect() && !path.insert(node.getObjGen()).second)
      return Error::kyso(Errc::PdfDamaged, "mapRoles", "page tree has a loop")
          .because(Detail::Technical);
    auto kids = node.getKey("/Kids");
    if (isName(node.getKey("/Type"), "/Page") || !kids.isArray()) return page(node);
    add(node, {RoleKind::PageTree});
    m_nodes.push_back(node);
    for (int i = 0; i < kids.getArrayNItems(); ++i)
      KYSO_TRY(pageTree(kids.getArrayItem(i), depth + 1, path));
    return okStatus();
  }

  Status page(QPDFObjectHandle p) {
    if (!p.isIndirect())
      return Error::kyso(Errc::PdfDamaged, "mapRoles", "page is not an object")
          .because(Detail::Technical);
    if (m_map.pages.size() > 100000)
      return Error::kyso(Errc::PdfTooComplex, "mapRoles", "too many pages")
          .because(Detail::Technical);
    m_map.pages.push_back(p.getObjGen());
    m_pageObjs.push_back(p);
    add(p, {RoleKind::Page, static_cast<int>(m_map.pages.size())});
    return okStatus();
  }

  QPDFObjectHandle inheritedResources(QPDFObjectHandle p) {
    auto res = p.getKey("/Resources");
    int up = 0;
    for (auto n = p.getKey("/Parent"); res.isNull() && n.isDictionary() && up < kMaxTreeDepth;
         n = n.getKey("/Parent"), ++up)
      res = n.getKey("/Resources");
    return res;
  }

  Status annotations(std::size_t i) {
    const int n = pageNo(i);
    auto annots = m_pageObjs[i].getKey("/Annots");
    if (annots.isIndirect()) add(annots, {RoleKind::AnnotsArray, n});
    if (!annots.isArray()) return okStatus();
    for (int k = 0; k < annots.getArrayNItems() && k < 100000; ++k) {
      KYSO_TRY(tick());
      auto a = annots.getArrayItem(k);
      if (!a.isDictionary()) continue;
      const bool widget = isName(a.getKey("/Subtype"), "/Widget");
      if (add(a, {widget ? RoleKind::Widget : RoleKind::Annotation, n}))
        m_annots.emplace_back(a, n);
      auto popup = a.getKey("/Popup");
      if (popup.isDictionary() && add(popup, {RoleKind::Annotation, n}))
        m_annots.emplace_back(popup, n);
    }
    return okStatus();
  }

  Status field(QPDFObjectHandle f, const std::string& parent, const std::string& inheritedFt,
               int depth) {
    if (depth > kMaxTreeDepth)
      return Error::kyso(Errc::PdfTooComplex, "mapRoles", "form fields nested too deeply")
          .because(Detail::Technical);
    KYSO_TRY(tick());
    if (!f.isDictionary()) return okStatus();
    if (f.isIndirect() && !m_fieldSeen.insert(f.getObjGen()).second)
      return Error::kyso(Errc::PdfDamaged, "mapRoles", "form field tree has a loop")
          .because(Detail::Technical);
    std::string name = parent;
    if (f.getKey("/T").isString()) {
      auto t = f.getKey("/T").getUTF8Value();
      name = name.empty() ? t : name + "." + t;
    }
    std::string ft = f.getKey("/FT").isName() ? f.getKey("/FT").getName() : inheritedFt;
    const bool selfWidget = isName(f.getKey("/Subtype"), "/Widget");
    if (!selfWidget) add(f, {RoleKind::Field, 0, name});
    std::vector<QPDFObjectHandle> widgets;
    auto kids = f.getKey("/Kids");
    bool terminal = true;
    if (kids.isArray()) {
      for (int i = 0; i < kids.getArrayNItems(); ++i) {
        auto k = kids.getArrayItem(i);
        if (!k.isDictionary()) continue;
        if (k.hasKey("/T")) {
          terminal = false;
          KYSO_TRY(field(k, name, ft, depth + 1));
        } else {
          widgets.push_back(k);
        }
      }
    }
    // The field's own keys other than its kids (values, defaults, actions, options).
    for (auto& key : f.getKeys()) {
      if (key == "/Kids" || key == "/Parent" || key == "/V" || (selfWidget && !fieldKey(key)))
        continue;
      KYSO_TRY(
          walk(f.getKey(key), {RoleKind::Field, 0, name, key}, f.getObjGen(), Skip::Annotation));
    }
    if (!terminal) return okStatus();
    if (selfWidget) widgets.push_back(f);
    FieldInfo info;
    info.name = name;
    info.type = ft;
    auto v = f.getKey("/V");
    info.has_value = !v.isNull();
    if (v.isIndirect()) info.value_og = v.getObjGen();
    if (ft == "/Sig" && v.isDictionary())
      KYSO_TRY(walk(v, {RoleKind::SignatureDict, 0, name}, f.getObjGen(), Skip::SignatureRef));
    else
      KYSO_TRY(walk(v, {RoleKind::Field, 0, name, "/V"}, f.getObjGen()));
    for (auto& w : widgets) {
      if (!w.isIndirect()) continue;
      const QPDFObjGen og = w.getObjGen();
      auto it = m_map.roles.find(og);
      if (it == m_map.roles.end()) {
        // A widget on no page: its field still shows it nowhere, but it is the field's.
        add(w, {RoleKind::Widget, 0, name});
        m_fieldWidgets.emplace_back(w, name);
        for (auto& k : w.getKeys())
          if (k != "/P" && k != "/Parent" && k != "/AP" && !fieldKey(k))
            KYSO_TRY(walk(w.getKey(k), {RoleKind::AnnotationPart, 0, name, k}, w.getObjGen()));
      } else if (it->second.kind == RoleKind::Widget) {
        it->second.name = name;
      }
      info.widgets.push_back(og);
      m_map.widget_field[og] = f.getObjGen();
    }
    m_map.fields[f.getObjGen()] = std::move(info);
    return okStatus();
  }

  OpenRevision& m_rev;
  const Budget& m_budget;
  RoleMap m_map;
  std::size_t m_visits = 0;
  std::set<QPDFObjGen> m_fieldSeen;
  std::vector<QPDFObjectHandle> m_pageObjs;
  std::vector<QPDFObjectHandle> m_nodes;
  std::vector<std::pair<QPDFObjectHandle, int>> m_annots;                // annotation, its page
  std::vector<std::pair<QPDFObjectHandle, std::string>> m_fieldWidgets;  // widgets on no page
};

}  // namespace

Result<RoleMap> mapRoles(OpenRevision& rev, const Budget& budget) {
  Mapper m(rev, budget);
  try {
    KYSO_TRY(m.run());
  } catch (const std::exception& e) {
    return qpdfError(e, "mapRoles", rev.pdf().getFilename());
  }
  return m.take();
}

namespace {

// Words for each role in English and Vietnamese; {p} is the page number, {n} the field name or
// key path, {k} the key whose value the object is. Widget and Appearance have a second form (no
// field name / an annotation's).
struct RoleWords {
  const char* en;
  const char* vi;
};

RoleWords roleWords(const Role& r) {
  switch (r.kind) {
    case RoleKind::Catalog:
      return {"the document catalog", "danh mục tài liệu"};
    case RoleKind::PageTree:
      return {"the page tree", "cây trang"};
    case RoleKind::Page:
      return {"page {p}", "trang {p}"};
    case RoleKind::PageContent:
      return {"the content of page {p}", "nội dung trang {p}"};
    case RoleKind::PageResource:
      return {"a resource (font, image or form) of page {p}",
              "một tài nguyên (phông chữ, hình ảnh hoặc biểu mẫu) của trang {p}"};
    case RoleKind::PageAttribute:
      return {"the {k} of page {p}", "{k} của trang {p}"};
    case RoleKind::PageTreeAttribute:
      return {"the {k} inherited by pages", "{k} được các trang kế thừa"};
    case RoleKind::AnnotsArray:
      return {"the annotation list of page {p}", "danh sách chú thích của trang {p}"};
    case RoleKind::Annotation:
      return {"an annotation on page {p}", "một chú thích trên trang {p}"};
    case RoleKind::AnnotationPart:
      return {"the {k} of an annotation on page {p}", "{k} của một chú thích trên trang {p}"};
    case RoleKind::Widget:
      if (r.name.empty()) return {"a form widget on page {p}", "một ô biểu mẫu trên trang {p}"};
      return {"the widget of field {n}", "ô hiển thị của trường {n}"};
    case RoleKind::Field:
      return {"field {n}", "trường {n}"};
    case RoleKind::FieldsArray:
      return {"the list of form fields", "danh sách trường biểu mẫu"};
    case RoleKind::AcroForm:
      return {"the form dictionary", "từ điển biểu mẫu"};
    case RoleKind::FormResource:
      return {"the form's default resources", "tài nguyên mặc định của biểu mẫu"};
    case RoleKind::FormPart:
      return {"the form's {k}", "{k} của biểu mẫu"};
    case RoleKind::Appearance:
      if (r.name == "annotation")
        return {"the appearance of an annotation on page {p}",
                "hình thức của một chú thích trên trang {p}"};
      return {"the appearance of field {n}", "hình thức của trường {n}"};
    case RoleKind::SignatureDict:
      return {"the signature dictionary of {n}", "từ điển chữ ký của {n}"};
    case RoleKind::Dss:
      return {"the document security store (/DSS)", "kho dữ liệu xác thực (/DSS)"};
    case RoleKind::Metadata:
      return {"the XMP metadata", "siêu dữ liệu XMP"};
    case RoleKind::Info:
      return {"the document information", "thông tin tài liệu"};
    case RoleKind::Encrypt:
      return {"the encryption dictionary", "từ điển mã hóa"};
    case RoleKind::Other:
      return {"an object reached from {n}", "một đối tượng dùng bởi {n}"};
  }
  return {"an object", "một đối tượng"};
}

}  // namespace

std::string describeRole(const Role& r, Lang lang) {
  RoleWords w = roleWords(r);
  std::string t = lang == Lang::Vi ? w.vi : w.en;
  std::string out;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t.compare(i, 3, "{p}") == 0) {
      out += std::to_string(r.page);
      i += 2;
    } else if (t.compare(i, 3, "{n}") == 0) {
      out += r.name;
      i += 2;
    } else if (t.compare(i, 3, "{k}") == 0) {
      out += r.key;
      i += 2;
    } else {
      out += t[i];
    }
  }
  return out;
}

}  // namespace kyso::pdfverify
