#include "src/pdfverify/change_kinds.h"

namespace kyso::pdfverify {

namespace {

// Under which rules a kind of change is allowed: approval signatures only, or certifications.
constexpr unsigned kApproval = 1, kP3 = 2, kP2 = 4, kP1 = 8;
constexpr unsigned kNever = 0, kAlways = kApproval | kP3 | kP2 | kP1;

struct Row {
  ChangeKind kind;
  const char* code;
  unsigned allowed;    // kApproval | kP3 | kP2 | kP1: the rules under which it is allowed
  ChangeKind instead;  // what is reported where it is not allowed (itself, or its "forbidden" form)
  const char* reason;  // why it is allowed or not
  const char* en;
  const char* vi;
};

// The rules for what may change after a signature, one row per kind of change, in enum order
// (checked below and by a test): which signature rules allow it, what is reported instead where
// it is not allowed, and why. DocMDP P=1 allows validation data and document timestamps only;
// P=2 adds form filling and signing; P=3 and approval signatures add annotations. Every row is
// reached by a test (tests/pdfverify/rules_test.cpp names the ones no attack, forgery or genuine
// pattern reaches; KYSO_TEST_CHANGE_LOG lists which test reaches which row).
constexpr Row kRows[] = {
    {ChangeKind::EncryptionChanged, "encryption-changed", kNever, ChangeKind::EncryptionChanged,
     "another key or method changes how every string and stream is read",
     "the document's encryption was changed", "mã hóa của tài liệu bị thay đổi"},
    {ChangeKind::PageAdded, "page-added", kNever, ChangeKind::PageAdded,
     "pages are not part of what any certification or approval allows", "page {1} added",
     "trang {1} được thêm vào"},
    {ChangeKind::PageRemoved, "page-removed", kNever, ChangeKind::PageRemoved,
     "a signed page must stay in the document", "page {1} removed", "trang {1} bị xóa"},
    {ChangeKind::FieldRemoved, "field-removed", kNever, ChangeKind::FieldRemoved,
     "a removed field takes its value or signature with it", "field {1} removed",
     "trường {1} bị xóa"},
    {ChangeKind::SignatureReplaced, "signature-replaced", kNever, ChangeKind::SignatureReplaced,
     "a signature's value is fixed once signed", "the signature in field {1} replaced",
     "chữ ký trong trường {1} bị thay"},
    {ChangeKind::FieldSignedForbidden, "field-signed-forbidden", kNever,
     ChangeKind::FieldSignedForbidden,
     "DocMDP P=1 allows only document timestamps and validation data",
     "field {1} signed, which the certification (no changes) forbids",
     "trường {1} được ký, điều mà chứng nhận (không cho phép thay đổi) cấm"},
    {ChangeKind::LockedFieldSigned, "locked-field-signed", kNever, ChangeKind::LockedFieldSigned,
     "FieldMDP locks the field", "field {1} is locked by a signature and was signed",
     "trường {1} đã bị một chữ ký khóa nhưng vẫn được ký"},
    {ChangeKind::SignatureAdded, "signature-added", kApproval | kP3 | kP2,
     ChangeKind::FieldSignedForbidden, "signing a field is allowed except under DocMDP P=1",
     "signature added in field {1}", "chữ ký được thêm vào trường {1}"},
    {ChangeKind::TimestampAdded, "timestamp-added", kAlways, ChangeKind::TimestampAdded,
     "a document timestamp is allowed at every level (PAdES B-LTA)",
     "document timestamp added in field {1}", "dấu thời gian tài liệu được thêm vào trường {1}"},
    {ChangeKind::FieldFilledForbidden, "field-filled-forbidden", kNever,
     ChangeKind::FieldFilledForbidden, "DocMDP P=1 forbids form filling",
     "field {1} filled in, which the certification (no changes) forbids",
     "trường {1} được điền, điều mà chứng nhận (không cho phép thay đổi) cấm"},
    {ChangeKind::LockedFieldChanged, "locked-field-changed", kNever, ChangeKind::LockedFieldChanged,
     "FieldMDP locks the field", "field {1} is locked by a signature and was changed",
     "trường {1} đã bị một chữ ký khóa nhưng vẫn bị thay đổi"},
    {ChangeKind::FieldFilled, "field-filled", kApproval | kP3 | kP2,
     ChangeKind::FieldFilledForbidden, "form filling is allowed except under DocMDP P=1",
     "field {1} filled in", "trường {1} được điền"},
    {ChangeKind::AnnotationRemoved, "annotation-removed", kNever, ChangeKind::AnnotationRemoved,
     "an annotation present when signed is part of what was signed",
     "an annotation removed from page {1}", "một chú thích bị xóa khỏi trang {1}"},
    {ChangeKind::WidgetWithoutFieldAdded, "widget-without-field-added", kNever,
     ChangeKind::WidgetWithoutFieldAdded,
     "a widget without a field is an overlay, not a form field",
     "a form widget not belonging to any field added on page {1}",
     "một ô biểu mẫu không thuộc trường nào được thêm vào trang {1}"},
    {ChangeKind::WidgetAddedToField, "widget-added-to-field", kNever,
     ChangeKind::WidgetAddedToField,
     "a new widget shows an existing value somewhere it was not signed",
     "a widget added to the existing field {1} on page {2}",
     "một ô hiển thị được thêm vào trường có sẵn {1} trên trang {2}"},
    {ChangeKind::SignatureFieldAddedOnPageForbidden, "signature-field-added-forbidden", kNever,
     ChangeKind::SignatureFieldAddedOnPageForbidden, "DocMDP P=1 allows only document timestamps",
     "signature field {1} added on page {2}, which the certification (no changes) forbids",
     "trường chữ ký {1} được thêm vào trang {2}, điều mà chứng nhận (không cho phép thay đổi) cấm"},
    {ChangeKind::SignatureFieldAddedOnPage, "signature-field-added", kApproval | kP3 | kP2,
     ChangeKind::SignatureFieldAddedOnPageForbidden,
     "a new signed signature field is allowed except under DocMDP P=1",
     "signature field {1} added on page {2}", "trường chữ ký {1} được thêm vào trang {2}"},
    {ChangeKind::FormFieldAddedOnPage, "form-field-added", kNever, ChangeKind::FormFieldAddedOnPage,
     "new form fields other than signatures are not allowed", "form field {1} added on page {2}",
     "trường biểu mẫu {1} được thêm vào trang {2}"},
    {ChangeKind::AnnotationAdded, "annotation-added", kApproval | kP3,
     ChangeKind::AnnotationAddedForbidden,
     "annotations are allowed by approval and DocMDP P=3 only",
     "annotation ({1}) added on page {2}", "chú thích ({1}) được thêm vào trang {2}"},
    {ChangeKind::AnnotationAddedForbidden, "annotation-added-forbidden", kNever,
     ChangeKind::AnnotationAddedForbidden, "DocMDP P=1 and P=2 forbid annotations",
     "annotation ({1}) added on page {2}, which the certification forbids",
     "chú thích ({1}) được thêm vào trang {2}, điều mà chứng nhận cấm"},
    {ChangeKind::FormFieldRemoved, "form-field-removed", kNever, ChangeKind::FormFieldRemoved,
     "a removed field takes its value or signature with it", "a form field removed",
     "một trường biểu mẫu bị xóa"},
    {ChangeKind::FieldGroupAdded, "field-group-added", kNever, ChangeKind::FieldGroupAdded,
     "new form fields other than signatures are not allowed", "a group of form fields added",
     "một nhóm trường biểu mẫu được thêm vào"},
    {ChangeKind::FormFieldAdded, "form-field-added", kNever, ChangeKind::FormFieldAdded,
     "new form fields other than signatures are not allowed", "form field {1} added",
     "trường biểu mẫu {1} được thêm vào"},
    {ChangeKind::SignatureFieldAddedForbidden, "signature-field-added-forbidden", kNever,
     ChangeKind::SignatureFieldAddedForbidden, "DocMDP P=1 allows only document timestamps",
     "signature field {1} added, which the certification (no changes) forbids",
     "trường chữ ký {1} được thêm vào, điều mà chứng nhận (không cho phép thay đổi) cấm"},
    {ChangeKind::SignatureFieldAdded, "signature-field-added", kApproval | kP3 | kP2,
     ChangeKind::SignatureFieldAddedForbidden,
     "a new signature field is allowed except under DocMDP P=1", "signature field {1} added",
     "trường chữ ký {1} được thêm vào"},
    {ChangeKind::FormSettingsUpdated, "form-settings-updated", kApproval | kP3 | kP2,
     ChangeKind::FormSettingsUpdated,
     "form settings that change no field's display come with form filling and signing",
     "form settings updated ({1})", "thiết lập biểu mẫu được cập nhật ({1})"},
    {ChangeKind::FormDictionaryChanged, "form-dictionary-changed", kNever,
     ChangeKind::FormDictionaryChanged, "other form dictionary entries change how fields behave",
     "form dictionary changed ({1})", "từ điển biểu mẫu bị thay đổi ({1})"},
    {ChangeKind::DssUpdated, "dss-updated", kAlways, ChangeKind::DssUpdated,
     "validation data (PAdES B-LT) is allowed at every level",
     "document security store (/DSS) added or updated",
     "kho dữ liệu xác thực (/DSS) được thêm hoặc cập nhật"},
    {ChangeKind::MetadataUpdated, "metadata-updated", kAlways, ChangeKind::MetadataUpdated,
     "XMP metadata is not drawn on any page; reported", "XMP metadata updated",
     "siêu dữ liệu XMP được cập nhật"},
    {ChangeKind::FormDictionaryReplaced, "form-dictionary-replaced", kNever,
     ChangeKind::FormDictionaryReplaced, "the form dictionary holds every field",
     "the form dictionary was replaced by another object",
     "từ điển biểu mẫu bị thay bằng một đối tượng khác"},
    {ChangeKind::PageTreeReplaced, "page-tree-replaced", kNever, ChangeKind::PageTreeReplaced,
     "the page tree decides which pages there are", "the page tree was replaced",
     "cây trang bị thay"},
    {ChangeKind::CatalogEntryChanged, "catalog-entry-changed", kNever,
     ChangeKind::CatalogEntryChanged, "catalog entries change what the document shows or does",
     "document catalog entry {1} changed", "mục {1} của danh mục tài liệu bị thay đổi"},
    {ChangeKind::ContentReplaced, "content-replaced", kNever, ChangeKind::ContentReplaced,
     "page content is what was signed", "content of page {1} replaced",
     "nội dung trang {1} bị thay"},
    {ChangeKind::PageResourcesChanged, "page-resources-changed", kNever,
     ChangeKind::PageResourcesChanged, "fonts, images and forms draw the page",
     "resources (fonts, images) of page {1} changed",
     "tài nguyên (phông chữ, hình ảnh) của trang {1} bị thay đổi"},
    {ChangeKind::PageChanged, "page-changed", kNever, ChangeKind::PageChanged,
     "page attributes (boxes, rotation, actions) change what the page shows or does",
     "page {1} changed ({2})", "trang {1} bị thay đổi ({2})"},
    {ChangeKind::AppearanceChangedWithoutValue, "appearance-changed-without-value", kNever,
     ChangeKind::AppearanceChangedWithoutValue,
     "an appearance may change only with the value it shows",
     "the appearance of field {1} changed without a new value",
     "hình thức của trường {1} bị thay đổi mà giá trị không đổi"},
    {ChangeKind::FieldWidgetsChanged, "field-widgets-changed", kNever,
     ChangeKind::FieldWidgetsChanged, "the widgets decide where a field is shown",
     "the widgets of field {1} changed", "các ô hiển thị của trường {1} bị thay đổi"},
    {ChangeKind::FieldChanged, "field-changed", kNever, ChangeKind::FieldChanged,
     "only value, appearance and display keys of a field being filled or signed may change",
     "field {1} changed ({2})", "trường {1} bị thay đổi ({2})"},
    {ChangeKind::AnnotationAppearanceChanged, "annotation-appearance-changed", kApproval | kP3,
     ChangeKind::AnnotationAppearanceChanged,
     "annotations may be edited where annotations are allowed",
     "the appearance of an annotation on page {1} changed",
     "hình thức của một chú thích trên trang {1} bị thay đổi"},
    {ChangeKind::AppearanceReused, "appearance-reused", kNever, ChangeKind::AppearanceReused,
     "an appearance taken from another use changes that use",
     "the appearance of field {1} replaced by an object used elsewhere ({2})",
     "hình thức của trường {1} bị thay bằng một đối tượng đang dùng ở chỗ khác ({2})"},
    {ChangeKind::AppearanceReplacedWithoutValue, "appearance-replaced-without-value", kNever,
     ChangeKind::AppearanceReplacedWithoutValue,
     "an appearance may change only with the value it shows",
     "the appearance of field {1} replaced without a new value",
     "hình thức của trường {1} bị thay mà giá trị không đổi"},
    {ChangeKind::PageTreeChanged, "page-tree-changed", kNever, ChangeKind::PageTreeChanged,
     "inherited page attributes change every page below", "the page tree changed ({1})",
     "cây trang bị thay đổi ({1})"},
    {ChangeKind::AnnotationChanged, "annotation-changed", kApproval | kP3,
     ChangeKind::AnnotationChanged, "annotations may be edited where annotations are allowed",
     "an annotation on page {1} changed", "một chú thích trên trang {1} bị thay đổi"},
    {ChangeKind::WidgetChanged, "widget-changed", kNever, ChangeKind::WidgetChanged,
     "a widget without a field may not change", "a form widget on page {1} changed",
     "một ô biểu mẫu trên trang {1} bị thay đổi"},
    {ChangeKind::FormResourcesUpdated, "form-resources-updated", kApproval | kP3 | kP2,
     ChangeKind::FormResourcesUpdated, "form filling and signing add fonts to the form's resources",
     "the form's default resources updated", "tài nguyên mặc định của biểu mẫu được cập nhật"},
    {ChangeKind::SignatureDictionaryChanged, "signature-dictionary-changed", kNever,
     ChangeKind::SignatureDictionaryChanged, "a signature dictionary is fixed once signed",
     "signature dictionary of {1} changed", "từ điển chữ ký của {1} bị thay đổi"},
    {ChangeKind::InfoUpdated, "info-updated", kAlways, ChangeKind::InfoUpdated,
     "document information is not drawn on any page; reported",
     "document information (title, dates) updated",
     "thông tin tài liệu (tiêu đề, ngày) được cập nhật"},
    {ChangeKind::PageResourceReplaced, "page-resource-replaced", kNever,
     ChangeKind::PageResourceReplaced, "fonts, images and forms draw the page",
     "a resource (font, image or form) of page {1} replaced",
     "một tài nguyên (phông chữ, hình ảnh hoặc biểu mẫu) của trang {1} bị thay"},
    {ChangeKind::StructureTreeUpdated, "structure-tree-updated", kApproval | kP3 | kP2,
     ChangeKind::StructureTreeUpdated, "tagging new widgets updates the structure tree",
     "the document's structure tree (tags) updated",
     "cây cấu trúc (thẻ) của tài liệu được cập nhật"},
    {ChangeKind::ObjectChanged, "object-changed", kNever, ChangeKind::ObjectChanged,
     "an object the signed document used changed", "object {1} reached from {2} changed",
     "đối tượng {1} (dùng bởi {2}) bị thay đổi"},
    {ChangeKind::ObjectDeleted, "object-deleted", kNever, ChangeKind::ObjectDeleted,
     "an object the signed document used was deleted", "{1} deleted", "{1} bị xóa"},
    {ChangeKind::VersionRaised, "version-raised", kAlways, ChangeKind::VersionRaised,
     "a later PDF version number changes no page (PDF 2.0 and EdDSA signers raise it)",
     "the catalog's PDF version set to {1}", "phiên bản PDF trong danh mục được đặt thành {1}"},
    {ChangeKind::ExtensionsUpdated, "extensions-updated", kAlways, ChangeKind::ExtensionsUpdated,
     "declared extensions change no page (PAdES and ISO 32002 signers add them)",
     "developer extensions declared in the catalog (/Extensions)",
     "phần mở rộng được khai báo trong danh mục (/Extensions)"},
    {ChangeKind::ProducerDataUpdated, "producer-data-updated", kAlways,
     ChangeKind::ProducerDataUpdated,
     "a producer's private key that no renderer reads (iText's /ITXT)",
     "private data of the producing program updated ({1})",
     "dữ liệu riêng của chương trình tạo tệp được cập nhật ({1})"},
    {ChangeKind::AnnotationShown, "annotation-shown", kNever, ChangeKind::AnnotationShown,
     "a hidden annotation made visible draws over what was signed",
     "a hidden annotation on page {1} made visible",
     "một chú thích bị ẩn trên trang {1} bị cho hiện ra"},
    {ChangeKind::WidgetHidden, "widget-hidden", kNever, ChangeKind::WidgetHidden,
     "hiding a widget hides a value or signature that was shown when signed",
     "the widget of field {1} hidden", "ô hiển thị của trường {1} bị ẩn đi"},
    {ChangeKind::AnnotationActionChanged, "annotation-action-changed", kNever,
     ChangeKind::AnnotationActionChanged, "actions (links, scripts) change what the document does",
     "the action of an annotation on page {1} changed ({2})",
     "hành động của một chú thích trên trang {1} bị thay đổi ({2})"},
    {ChangeKind::XfaChanged, "xfa-changed", kNever, ChangeKind::XfaChanged,
     "XFA data draws the form in viewers that read it", "the form's XFA data changed",
     "dữ liệu XFA của biểu mẫu bị thay đổi"},
    {ChangeKind::FormRenderingChanged, "form-rendering-changed", kApproval | kP3,
     ChangeKind::FormRenderingChanged,
     "viewers would redraw a field whose appearance is not its value",
     "form setting {1} changed while field {2} shows an appearance that is not its value: viewers "
     "would redraw it",
     "thiết lập biểu mẫu {1} bị thay đổi trong khi trường {2} hiển thị khác giá trị của nó: trình "
     "xem sẽ vẽ lại trường"},
    {ChangeKind::UnsignedSignatureFieldOverlay, "unsigned-signature-field-overlay", kApproval | kP3,
     ChangeKind::UnsignedSignatureFieldOverlay,
     "an unsigned signature field with a visible appearance is an overlay: it signs nothing",
     "unsigned signature field {1} with a visible appearance added on page {2}: it draws over the "
     "page and signs nothing",
     "trường chữ ký {1} chưa ký nhưng có hình hiển thị được thêm vào trang {2}: nó vẽ đè lên trang "
     "và không ký gì"},
    {ChangeKind::TimestampFieldAdded, "timestamp-field-added", kAlways,
     ChangeKind::TimestampFieldAdded,
     "a document timestamp is allowed at every level (PAdES B-LTA)",
     "document timestamp field {1} added", "trường dấu thời gian tài liệu {1} được thêm vào"},
    {ChangeKind::XrefDuplicateEntry, "xref-duplicate-entry", kNever, ChangeKind::XrefDuplicateEntry,
     "readers disagree on which of two entries for one object counts",
     "object {1} listed twice in one cross-reference section: readers disagree on which version "
     "counts",
     "đối tượng {1} được khai báo hai lần trong cùng một bảng tham chiếu chéo: các trình đọc hiểu "
     "khác nhau"},
    {ChangeKind::UpdateChangesNothing, "update-changes-nothing", kAlways,
     ChangeKind::UpdateChangesNothing, "an update that changes nothing is allowed",
     "the update changes nothing", "bản cập nhật không thay đổi gì"},
    {ChangeKind::RevisionUnreadable, "revision-unreadable", kNever, ChangeKind::RevisionUnreadable,
     "what an unreadable revision changed is unknown",
     "revision {1} cannot be read on its own, so what it changed is unknown",
     "phiên bản {1} không đọc riêng được, nên không biết nó đã thay đổi gì"},
    {ChangeKind::RevisionsNotCheckedOneByOne, "revisions-not-checked-one-by-one", kNever,
     ChangeKind::RevisionsNotCheckedOneByOne,
     "revisions not checked one by one are not known to be allowed",
     "revisions {1} to {2} are too many to check one by one",
     "các phiên bản từ {1} đến {2} quá nhiều để kiểm tra từng phiên bản"},
};

static_assert(sizeof(kRows) / sizeof(kRows[0]) == kChangeKindCount,
              "one row per ChangeKind, in enum order");

constexpr bool inOrder() {
  for (std::size_t i = 0; i < kChangeKindCount; ++i)
    if (static_cast<std::size_t>(kRows[i].kind) != i) return false;
  return true;
}
static_assert(inOrder(), "kRows must follow the ChangeKind order");

const Row& row(ChangeKind k) {
  auto i = static_cast<std::size_t>(k);
  return kRows[i < kChangeKindCount ? i : 0];
}

}  // namespace

namespace {
unsigned levelBit(int docmdp) {
  switch (docmdp) {
    case 1:
      return kP1;
    case 2:
      return kP2;
    case 3:
      return kP3;
    default:
      return kApproval;
  }
}
}  // namespace

bool changeAllowed(ChangeKind k, int docmdp) {
  return (row(k).allowed & levelBit(docmdp)) != 0;
}

ChangeKind changeAsJudged(ChangeKind k, int docmdp) {
  return changeAllowed(k, docmdp) ? k : row(k).instead;
}

const char* changeRuleReason(ChangeKind k) {
  return row(k).reason;
}

const char* changeCode(ChangeKind k) {
  return row(k).code;
}

const char* changeTemplate(ChangeKind k, Lang lang) {
  return lang == Lang::Vi ? row(k).vi : row(k).en;
}

std::string changeSentence(ChangeKind k, const std::vector<std::string>& args, Lang lang) {
  return fillPlaceholders(changeTemplate(k, lang), args);
}

}  // namespace kyso::pdfverify
