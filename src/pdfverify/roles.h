// Roles: what each object of one revision is used for (catalog, page N, content of page N, a
// resource of page N, an annotation, a form field, a field's appearance, a signature dictionary,
// /DSS, metadata, or something else reached from the catalog). The modification analysis judges a
// rewritten object by the roles it had in the signed revision. Walks are bounded (object count,
// nesting depth, the shared time budget) and tolerate loops.
#pragma once

#include <map>
#include <qpdf/QPDFObjGen.hh>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "src/core/messages.h"
#include "src/core/result.h"
#include "src/pdfverify/revision.h"

namespace kyso::pdfverify {

enum class RoleKind {
  Catalog,
  PageTree,
  Page,
  PageContent,
  PageResource,
  AnnotsArray,
  Annotation,
  Widget,
  Field,
  FieldsArray,
  AcroForm,
  FormResource,
  Appearance,
  SignatureDict,
  Dss,
  Metadata,
  Info,
  Other,
};

/// One use of an object: its kind, the page (1-based) or field it belongs to, and a detail such
/// as the catalog key it was reached from.
struct Role {
  Role(RoleKind k, int p = 0, std::string n = {}) : kind(k), page(p), name(std::move(n)) {}
  RoleKind kind;
  int page = 0;
  std::string name;  // field name, or the key path for Other
  bool operator<(const Role& o) const {
    return std::tie(kind, page, name) < std::tie(o.kind, o.page, o.name);
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
  std::map<QPDFObjGen, std::set<Role>> roles;
  std::vector<QPDFObjGen> pages;                  // page objects in order
  std::map<QPDFObjGen, FieldInfo> fields;         // terminal fields by object
  std::map<QPDFObjGen, QPDFObjGen> widget_field;  // widget annotation -> its terminal field
  QPDFObjGen root;
};

/// Maps the roles of `rev`. PdfTooComplex when a bound is hit, PdfDamaged on broken structure.
Result<RoleMap> mapRoles(OpenRevision& rev, const Budget& budget);

/// "page 2", "field Signature1" (Vietnamese: "trang 2", "trường Signature1"): words for a role.
std::string describeRole(const Role& r, Lang lang = Lang::En);

}  // namespace kyso::pdfverify
