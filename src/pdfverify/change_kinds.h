// The kinds of change a later revision can make, each with a stable machine code for the JSON
// ("page-added", "content-replaced", ...) and a sentence in English and Vietnamese whose {1}, {2}
// are filled with page numbers, field names, keys or descriptions of what an object was used for.
// One table (change_kinds.cpp) in enum order, which is also the table of rules: under which
// signature rules each kind is allowed and why. A test checks it is complete in both languages.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/messages.h"
#include "core/placeholders.h"

namespace kyso::pdfverify {

enum class ChangeKind {
  EncryptionChanged,
  PageAdded,
  PageRemoved,
  FieldRemoved,
  SignatureReplaced,
  FieldSignedForbidden,
  LockedFieldSigned,
  SignatureAdded,
  TimestampAdded,
  FieldFilledForbidden,
  LockedFieldChanged,
  FieldFilled,
  AnnotationRemoved,
  WidgetWithoutFieldAdded,
  WidgetAddedToField,
  SignatureFieldAddedOnPageForbidden,
  SignatureFieldAddedOnPage,
  FormFieldAddedOnPage,
  AnnotationAdded,
  AnnotationAddedForbidden,
  FormFieldRemoved,
  FieldGroupAdded,
  FormFieldAdded,
  SignatureFieldAddedForbidden,
  SignatureFieldAdded,
  FormSettingsUpdated,
  FormDictionaryChanged,
  DssUpdated,
  MetadataUpdated,
  FormDictionaryReplaced,
  PageTreeReplaced,
  CatalogEntryChanged,
  ContentReplaced,
  PageResourcesChanged,
  PageChanged,
  AppearanceChangedWithoutValue,
  FieldWidgetsChanged,
  FieldChanged,
  AnnotationAppearanceChanged,
  AppearanceReused,
  AppearanceReplacedWithoutValue,
  PageTreeChanged,
  AnnotationChanged,
  WidgetChanged,
  FormResourcesUpdated,
  SignatureDictionaryChanged,
  InfoUpdated,
  PageResourceReplaced,
  StructureTreeUpdated,
  ObjectChanged,
  ObjectDeleted,
  VersionRaised,
  ExtensionsUpdated,
  ProducerDataUpdated,
  AnnotationShown,
  WidgetHidden,
  AnnotationActionChanged,
  XfaChanged,
  FormRenderingChanged,
  UnsignedSignatureFieldOverlay,
  TimestampFieldAdded,
  XrefDuplicateEntry,
  UpdateChangesNothing,
  RevisionUnreadable,
  RevisionsNotCheckedOneByOne,
  Count_
};

/// Number of kinds (== Count_).
constexpr std::size_t kChangeKindCount = static_cast<std::size_t>(ChangeKind::Count_);

/// Whether the rules in force allow a change of this kind: `docmdp` is the strictest DocMDP P of
/// the signatures it comes after (0: approval signatures only). One declared table decides.
bool changeAllowed(ChangeKind k, int docmdp);
/// The kind to report for a change of kind `k` under `docmdp`: `k` where allowed, else its
/// "forbidden" form (SignatureAdded -> FieldSignedForbidden under P=1) or `k` itself.
ChangeKind changeAsJudged(ChangeKind k, int docmdp);
/// Why the table allows or forbids this kind (one sentence, English).
const char* changeRuleReason(ChangeKind k);

/// The stable machine code of a kind ("page-added").
const char* changeCode(ChangeKind k);
/// The sentence template of a kind in `lang`, with {1}, {2} where the arguments go.
const char* changeTemplate(ChangeKind k, Lang lang);
/// The sentence of a kind in `lang` with `args` filled in ({N} without an argument stays as is).
std::string changeSentence(ChangeKind k, const std::vector<std::string>& args, Lang lang);

}  // namespace kyso::pdfverify
