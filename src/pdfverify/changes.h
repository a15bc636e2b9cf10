// Modification analysis: what one revision changed against the revision before it, for a signature
// that covers an earlier one. Every object the newer revision defines or redefines, and every
// object the older one referenced without defining, is compared by value (value_compare.h) with
// what the older revision had; an object that reads the same is no change. Each real change is
// judged by the structural role the object had (roles.h) against one declared table of rules
// (change_kinds.cpp): DocMDP P=1 allows validation data and document timestamps; P=2 adds form
// filling and signing; P=3 and approval signatures add annotations; FieldMDP locks fields.
// Rewriting an object the signed revision used is judged by what it was used for, however
// harmless the new version looks (shadow attacks).
#pragma once

#include <string>
#include <vector>

#include "core/result.h"
#include "src/pdfverify/model.h"
#include "src/pdfverify/revision.h"
#include "src/pdfverify/roles.h"
#include "src/pdfverify/signatures.h"

namespace kyso::pdfverify {

/// The rules that apply to changes after one signature.
struct ChangeRules {
  int docmdp = 0;                // strictest DocMDP P in force (0: none)
  std::vector<FieldLock> locks;  // FieldMDP locks of this and earlier signatures
};

/// Compares `signedRev` (with its roles) against `current`; appends changes to `out`, each
/// judged by the table (Change::allowed).
Status analyseChanges(OpenRevision& signedRev, const RoleMap& signedRoles, OpenRevision& current,
                      const RoleMap& currentRoles, const ChangeRules& rules, const Budget& budget,
                      std::vector<Change>& out);

}  // namespace kyso::pdfverify
