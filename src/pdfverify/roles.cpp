#include "src/pdfverify/roles.h"

#include <deque>
#include <qpdf/QPDFObjectHandle.hh>

namespace kyso::pdfverify {

namespace {

constexpr std::size_t kMaxVisits = 400000;
constexpr int kMaxDirectDepth = 64;
constexpr int kMaxTreeDepth = 64;

class Mapper {
 public:
  Mapper(OpenRevision& rev, const Budget& budget) : m_rev(rev), m_budget(budget) {}

  Status run() {
    auto root = m_rev.pdf().getRoot();
    m_map.root = root.getObjGen();
    add(root, {RoleKind::Catalog});
    KYSO_TRY(pageTree(root.getKey("/Pages"), 0, {}));
    KYSO_TRY(acroForm(root.getKey("/AcroForm")));
    KYSO_TRY(reach(root.getKey("/DSS"), {RoleKind::Dss}, false));
    KYSO_TRY(reach(root.getKey("/Metadata"), {RoleKind::Metadata}, false));
    KYSO_TRY(reach(m_rev.pdf().getTrailer().getKey("/Info"), {RoleKind::Info}, false));
    // The signature of a certification is reachable from /Perms too; keep that role.
    KYSO_TRY(reach(root.getKey("/Perms"), {RoleKind::Other, 0, "/Perms"}, true));
    for (auto& key : root.getKeys()) {
      if (key == "/Pages" || key == "/AcroForm" || key == "/DSS" || key == "/Metadata" ||
          key == "/Perms" || key == "/Type")
        continue;
      KYSO_TRY(reach(root.getKey(key), {RoleKind::Other, 0, "catalog " + key}, true));
    }
    return okStatus();
  }

  RoleMap take() { return std::move(m_map); }

 private:
  bool add(QPDFObjectHandle h, Role r) {
    if (!h.isIndirect()) return false;
    return m_map.roles[h.getObjGen()].insert(std::move(r)).second;
  }

  Status tick() {
    if (++m_visits > kMaxVisits)
      return Error::kyso(Errc::PdfTooComplex, "mapRoles", "too many objects");
    if ((m_visits & 1023) == 0) KYSO_TRY(m_budget.check("mapRoles"));
    return okStatus();
  }

  // Everything reachable from `h` gets `role`. With `stopAtStructure`, objects that already have
  // a structural role get this role too but are not descended into (an outline's link to a page
  // must not make the page "outline data"). /Parent and /P links are never followed.
  Status reach(QPDFObjectHandle start, Role role, bool stopAtStructure) {
    // A reference to a missing or unreadable object still has its role: defining that object in
    // a later revision changes what the document shows.
    if (start.isNull()) {
      add(start, role);
      return okStatus();
    }
    std::deque<std::pair<QPDFObjectHandle, int>> todo{{start, 0}};
    std::set<QPDFObjGen> seen;
    while (!todo.empty()) {
      auto [h, depth] = todo.front();
      todo.pop_front();
      KYSO_TRY(tick());
      if (h.isIndirect()) {
        if (!seen.insert(h.getObjGen()).second) continue;
        bool structural = m_map.roles.count(h.getObjGen()) != 0;
        add(h, role);
        if (stopAtStructure && structural) continue;
        depth = 0;
      }
      if (depth > kMaxDirectDepth)
        return Error::kyso(Errc::PdfTooComplex, "mapRoles", "objects nested too deeply");
      if (h.isArray()) {
        for (int i = 0; i < h.getArrayNItems(); ++i)
          todo.emplace_back(h.getArrayItem(i), depth + 1);
      } else if (h.isDictionary() || h.isStream()) {
        auto d = h.isStream() ? h.getDict() : h;
        for (auto& key : d.getKeys()) {
          if (key == "/Parent" || key == "/P") continue;
          todo.emplace_back(d.getKey(key), depth + 1);
        }
      }
    }
    return okStatus();
  }

  Status pageTree(QPDFObjectHandle node, int depth, std::set<QPDFObjGen> path) {
    if (depth > kMaxTreeDepth)
      return Error::kyso(Errc::PdfTooComplex, "mapRoles", "page tree nested too deeply");
    KYSO_TRY(tick());
    if (!node.isDictionary()) return Error::kyso(Errc::PdfDamaged, "mapRoles", "bad page tree");
    if (node.isIndirect() && !path.insert(node.getObjGen()).second)
      return Error::kyso(Errc::PdfDamaged, "mapRoles", "page tree has a loop");
    auto kids = node.getKey("/Kids");
    if (node.getKey("/Type").isName() && node.getKey("/Type").getName() == "/Page") {
      return page(node);
    }
    if (!kids.isArray()) return page(node);
    add(node, {RoleKind::PageTree});
    for (int i = 0; i < kids.getArrayNItems(); ++i)
      KYSO_TRY(pageTree(kids.getArrayItem(i), depth + 1, path));
    return okStatus();
  }

  Status page(QPDFObjectHandle p) {
    if (!p.isIndirect()) return Error::kyso(Errc::PdfDamaged, "mapRoles", "page is not an object");
    if (m_map.pages.size() > 100000)
      return Error::kyso(Errc::PdfTooComplex, "mapRoles", "too many pages");
    m_map.pages.push_back(p.getObjGen());
    const int n = static_cast<int>(m_map.pages.size());
    add(p, {RoleKind::Page, n});
    KYSO_TRY(reach(p.getKey("/Contents"), {RoleKind::PageContent, n}, false));
    // Resources may be inherited from the page tree.
    auto res = p.getKey("/Resources");
    for (auto up = p.getKey("/Parent"); res.isNull() && up.isDictionary() && m_inherit < 64;
         up = up.getKey("/Parent"), ++m_inherit)
      res = up.getKey("/Resources");
    m_inherit = 0;
    KYSO_TRY(reach(res, {RoleKind::PageResource, n}, false));
    auto annots = p.getKey("/Annots");
    if (annots.isIndirect()) add(annots, {RoleKind::AnnotsArray, n});
    if (annots.isArray()) {
      for (int i = 0; i < annots.getArrayNItems(); ++i) {
        auto a = annots.getArrayItem(i);
        if (!a.isDictionary()) continue;
        bool widget = a.getKey("/Subtype").isName() && a.getKey("/Subtype").getName() == "/Widget";
        add(a, {widget ? RoleKind::Widget : RoleKind::Annotation, n});
        if (!widget)
          KYSO_TRY(reach(a.getKey("/AP"), {RoleKind::Appearance, n, "annotation"}, false));
      }
    }
    return okStatus();
  }

  Status acroForm(QPDFObjectHandle af) {
    if (!af.isDictionary()) return okStatus();
    add(af, {RoleKind::AcroForm});
    auto fields = af.getKey("/Fields");
    if (fields.isIndirect()) add(fields, {RoleKind::FieldsArray});
    KYSO_TRY(reach(af.getKey("/DR"), {RoleKind::FormResource}, false));
    if (!fields.isArray()) return okStatus();
    for (int i = 0; i < fields.getArrayNItems(); ++i)
      KYSO_TRY(field(fields.getArrayItem(i), "", "", 0));
    return okStatus();
  }

  Status field(QPDFObjectHandle f, const std::string& parent, const std::string& inheritedFt,
               int depth) {
    if (depth > kMaxTreeDepth)
      return Error::kyso(Errc::PdfTooComplex, "mapRoles", "form fields nested too deeply");
    KYSO_TRY(tick());
    if (!f.isDictionary()) return okStatus();
    if (f.isIndirect() && !m_fieldSeen.insert(f.getObjGen()).second)
      return Error::kyso(Errc::PdfDamaged, "mapRoles", "form field tree has a loop");
    std::string name = parent;
    if (f.getKey("/T").isString()) {
      auto t = f.getKey("/T").getUTF8Value();
      name = name.empty() ? t : name + "." + t;
    }
    std::string ft = f.getKey("/FT").isName() ? f.getKey("/FT").getName() : inheritedFt;
    add(f, {RoleKind::Field, 0, name});
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
    if (!terminal) return okStatus();
    if (f.getKey("/Subtype").isName() && f.getKey("/Subtype").getName() == "/Widget")
      widgets.push_back(f);
    FieldInfo info;
    info.name = name;
    info.type = ft;
    auto v = f.getKey("/V");
    info.has_value = !v.isNull();
    if (v.isIndirect()) info.value_og = v.getObjGen();
    if (ft == "/Sig" && v.isDictionary()) {
      KYSO_TRY(reach(v, {RoleKind::SignatureDict, 0, name}, false));
    } else if (!v.isNull()) {
      KYSO_TRY(reach(v, {RoleKind::Field, 0, name}, false));
    }
    for (auto& w : widgets) {
      add(w, {RoleKind::Widget, 0, name});
      if (w.isIndirect()) {
        info.widgets.push_back(w.getObjGen());
        m_map.widget_field[w.getObjGen()] = f.getObjGen();
      }
      KYSO_TRY(reach(w.getKey("/AP"), {RoleKind::Appearance, 0, name}, false));
    }
    m_map.fields[f.getObjGen()] = std::move(info);
    return okStatus();
  }

  OpenRevision& m_rev;
  const Budget& m_budget;
  RoleMap m_map;
  std::size_t m_visits = 0;
  int m_inherit = 0;
  std::set<QPDFObjGen> m_fieldSeen;
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
// key path. Widget and Appearance have a second form (no field name / an annotation's).
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
    case RoleKind::AnnotsArray:
      return {"the annotation list of page {p}", "danh sách chú thích của trang {p}"};
    case RoleKind::Annotation:
      return {"an annotation on page {p}", "một chú thích trên trang {p}"};
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
    } else {
      out += t[i];
    }
  }
  return out;
}

}  // namespace kyso::pdfverify
