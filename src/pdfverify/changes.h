// Modification analysis: what the document as it is now changed against the revision a signature
// covers, object by object, each change in words and judged against the rules of issue 7: after
// an approval signature only new signatures (their fields and widgets), form filling (values and
// their appearances), /DSS and document timestamps, and annotations (unless DocMDP P=1 or P=2) are
// allowed; DocMDP P=1 allows only /DSS and document timestamps; FieldMDP locks fields. Rewriting
// an object the signed revision used is judged by what it was used for, however harmless the new
// version looks (shadow attacks).
#pragma once

#include <string>
#include <vector>

#include "src/core/result.h"
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

/// Compares `signedRev` (with its roles) against `current`; appends changes to `out`.
Status analyseChanges(OpenRevision& signedRev, const RoleMap& signedRoles, OpenRevision& current,
                      const RoleMap& currentRoles, const ChangeRules& rules, const Budget& budget,
                      std::vector<Change>& out);

}  // namespace kyso::pdfverify
