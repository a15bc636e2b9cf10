// Roles: what each object of one revision is used for. Every object reachable from the trailer
// gets exactly one structural role, the first in this order: catalog, page-tree node, page,
// annotation list, annotation or widget, form field, signature dictionary, page content, a page's
// other attributes (/MediaBox, /CropBox, /Rotate, /AA...), an annotation's parts (/A, /F...),
// appearance, page resource, form parts (/DR, /XFA, /DA...), /DSS, metadata, document information,
// encryption, then any other catalog entry. Every key is walked; /P and /Parent are skipped only
// where they are back-links (an annotation's /P, a field's and a page-tree node's /Parent), and
// links from navigation structures (/OpenAction, outlines, named destinations, the structure
// tree's /Pg, /Perms, a signature reference's /Data) add no role to an object that has one: only
// objects reachable solely through them are judged as that catalog entry. A reference to an object
// the revision does not define still gets the role of the place it is referenced from (defining
// it later changes what that place shows). Walks are bounded (object count, nesting depth, the
// shared time budget) and tolerate loops.
#pragma once

#include <map>
#include <qpdf/QPDFObjGen.hh>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "core/messages.h"
#include "core/result.h"
#include "src/pdfverify/revision.h"

namespace kyso::pdfverify {

enum class RoleKind {
  Catalog,
  PageTree,
  Page,
  PageContent,
  PageResource,
  PageAttribute,      // an indirect value of a page's key other than contents/resources/annots
  PageTreeAttribute,  // an indirect value of a page-tree node's key (inherited attributes)
  AnnotsArray,
  Annotation,
  AnnotationPart,  // an indirect value of an annotation's or widget's key (/A, /F, /Rect...)
  Widget,
  Field,
  FieldsArray,
  AcroForm,
  FormResource,
  FormPart,  // an indirect value of the form dictionary's keys other than /Fields and /DR
  Appearance,
  SignatureDict,
  Dss,
  Metadata,
  Info,
  Encrypt,
  Other,
};

/// One use of an object: its kind, the page (1-based) or field it belongs to, and a detail such
/// as the catalog key it was reached from or the key whose value it is (`key`).
struct Role {
  Role(RoleKind k, int p = 0, std::string n = {}, std::string k2 = {})
      : kind(k), page(p), name(std::move(n)), key(std::move(k2)) {}
  RoleKind kind;
  int page = 0;
  std::string name;  // field name, or the key path for Other
  std::string key;   // for the *Attribute and *Part kinds: the key whose value this is
  bool operator<(const Role& o) const {
    return std::tie(kind, page, name, key) < std::tie(o.kind, o.page, o.name, o.key);
  }
};

/// A form field as seen in one revision.
struct FieldInfo {
  std::string name;
  std::string type;     // /Sig, /Tx, ... (inherited)
  QPDFObjGen value_og;  // /V when it is an indirect object
  bool has_value = false;
  std::vector<QPDFObjGen> widgets;
};

/// The roles of every object reachable in one revision.
struct RoleMap {
  std::map<QPDFObjGen, Role> roles;               // one structural role per object
  std::vector<QPDFObjGen> pages;                  // page objects in order
  std::map<QPDFObjGen, FieldInfo> fields;         // terminal fields by object
  std::map<QPDFObjGen, QPDFObjGen> widget_field;  // widget annotation -> its terminal field
  QPDFObjGen root;
  /// For objects given a role by a walk: the object whose value referred to it (0 0 at the top).
  std::map<QPDFObjGen, QPDFObjGen> referrer;
  /// Appearance streams that something else uses too (a catalog entry, another annotation): the
  /// first such other use. Filling the field may not rewrite them.
  std::map<QPDFObjGen, Role> appearance_also_used_as;
  /// The role of `og`, or null when the revision does not reach it.
  const Role* roleOf(QPDFObjGen og) const {
    auto it = roles.find(og);
    return it == roles.end() ? nullptr : &it->second;
  }
  /// The terminal field named `name`, or null.
  const FieldInfo* field(const std::string& name) const {
    for (auto& [og, f] : fields)
      if (f.name == name) return &f;
    return nullptr;
  }
};

/// Maps the roles of `rev`. PdfTooComplex when a bound is hit, PdfDamaged on broken structure.
Result<RoleMap> mapRoles(OpenRevision& rev, const Budget& budget);

/// "page 2", "field Signature1" (Vietnamese: "trang 2", "trường Signature1"): words for a role.
std::string describeRole(const Role& r, Lang lang = Lang::En);

}  // namespace kyso::pdfverify
