#include "src/pdfverify/change_kinds.h"

namespace kyso::pdfverify {

namespace {

struct Row {
  ChangeKind kind;
  const char* code;
  const char* en;
  const char* vi;
};

// In enum order (checked by changeRow and by a test).
constexpr Row kRows[] = {
    {ChangeKind::CatalogReplaced, "catalog-replaced",
     "the document catalog was replaced by another object",
     "danh mục tài liệu bị thay bằng một đối tượng khác"},
    {ChangeKind::EncryptionChanged, "encryption-changed", "the document's encryption was changed",
     "mã hóa của tài liệu bị thay đổi"},
    {ChangeKind::PageReplaced, "page-replaced", "page {1} replaced by another page",
     "trang {1} bị thay bằng trang khác"},
    {ChangeKind::PageAdded, "page-added", "page {1} added", "trang {1} được thêm vào"},
    {ChangeKind::PageRemoved, "page-removed", "page {1} removed", "trang {1} bị xóa"},
    {ChangeKind::FieldRemoved, "field-removed", "field {1} removed", "trường {1} bị xóa"},
    {ChangeKind::SignatureReplaced, "signature-replaced", "the signature in field {1} replaced",
     "chữ ký trong trường {1} bị thay"},
    {ChangeKind::FieldSignedForbidden, "field-signed-forbidden",
     "field {1} signed, which the certification (no changes) forbids",
     "trường {1} được ký, điều mà chứng nhận (không cho phép thay đổi) cấm"},
    {ChangeKind::LockedFieldSigned, "locked-field-signed",
     "field {1} is locked by a signature and was signed",
     "trường {1} đã bị một chữ ký khóa nhưng vẫn được ký"},
    {ChangeKind::SignatureAdded, "signature-added", "signature added in field {1}",
     "chữ ký được thêm vào trường {1}"},
    {ChangeKind::TimestampAdded, "timestamp-added", "document timestamp added in field {1}",
     "dấu thời gian tài liệu được thêm vào trường {1}"},
    {ChangeKind::FieldFilledForbidden, "field-filled-forbidden",
     "field {1} filled in, which the certification (no changes) forbids",
     "trường {1} được điền, điều mà chứng nhận (không cho phép thay đổi) cấm"},
    {ChangeKind::LockedFieldChanged, "locked-field-changed",
     "field {1} is locked by a signature and was changed",
     "trường {1} đã bị một chữ ký khóa nhưng vẫn bị thay đổi"},
    {ChangeKind::FieldFilled, "field-filled", "field {1} filled in", "trường {1} được điền"},
    {ChangeKind::AnnotationRemoved, "annotation-removed", "an annotation removed from page {1}",
     "một chú thích bị xóa khỏi trang {1}"},
    {ChangeKind::WidgetWithoutFieldAdded, "widget-without-field-added",
     "a form widget not belonging to any field added on page {1}",
     "một ô biểu mẫu không thuộc trường nào được thêm vào trang {1}"},
    {ChangeKind::WidgetAddedToField, "widget-added-to-field",
     "a widget added to the existing field {1} on page {2}",
     "một ô hiển thị được thêm vào trường có sẵn {1} trên trang {2}"},
    {ChangeKind::SignatureFieldAddedOnPageForbidden, "signature-field-added-forbidden",
     "signature field {1} added on page {2}, which the certification (no changes) forbids",
     "trường chữ ký {1} được thêm vào trang {2}, điều mà chứng nhận (không cho phép thay đổi) cấm"},
    {ChangeKind::SignatureFieldAddedOnPage, "signature-field-added",
     "signature field {1} added on page {2}", "trường chữ ký {1} được thêm vào trang {2}"},
    {ChangeKind::FormFieldAddedOnPage, "form-field-added", "form field {1} added on page {2}",
     "trường biểu mẫu {1} được thêm vào trang {2}"},
    {ChangeKind::AnnotationAdded, "annotation-added", "annotation ({1}) added on page {2}",
     "chú thích ({1}) được thêm vào trang {2}"},
    {ChangeKind::AnnotationAddedForbidden, "annotation-added-forbidden",
     "annotation ({1}) added on page {2}, which the certification forbids",
     "chú thích ({1}) được thêm vào trang {2}, điều mà chứng nhận cấm"},
    {ChangeKind::FormFieldRemoved, "form-field-removed", "a form field removed",
     "một trường biểu mẫu bị xóa"},
    {ChangeKind::FieldGroupAdded, "field-group-added", "a group of form fields added",
     "một nhóm trường biểu mẫu được thêm vào"},
    {ChangeKind::FormFieldAdded, "form-field-added", "form field {1} added",
     "trường biểu mẫu {1} được thêm vào"},
    {ChangeKind::SignatureFieldAddedForbidden, "signature-field-added-forbidden",
     "signature field {1} added, which the certification (no changes) forbids",
     "trường chữ ký {1} được thêm vào, điều mà chứng nhận (không cho phép thay đổi) cấm"},
    {ChangeKind::SignatureFieldAdded, "signature-field-added", "signature field {1} added",
     "trường chữ ký {1} được thêm vào"},
    {ChangeKind::FormSettingsUpdated, "form-settings-updated", "form settings updated ({1})",
     "thiết lập biểu mẫu được cập nhật ({1})"},
    {ChangeKind::FormDictionaryChanged, "form-dictionary-changed", "form dictionary changed ({1})",
     "từ điển biểu mẫu bị thay đổi ({1})"},
    {ChangeKind::DssUpdated, "dss-updated", "document security store (/DSS) added or updated",
     "kho dữ liệu xác thực (/DSS) được thêm hoặc cập nhật"},
    {ChangeKind::MetadataUpdated, "metadata-updated", "XMP metadata updated",
     "siêu dữ liệu XMP được cập nhật"},
    {ChangeKind::FormDictionaryReplaced, "form-dictionary-replaced",
     "the form dictionary was replaced by another object",
     "từ điển biểu mẫu bị thay bằng một đối tượng khác"},
    {ChangeKind::PageTreeReplaced, "page-tree-replaced", "the page tree was replaced",
     "cây trang bị thay"},
    {ChangeKind::CatalogEntryChanged, "catalog-entry-changed", "document catalog entry {1} changed",
     "mục {1} của danh mục tài liệu bị thay đổi"},
    {ChangeKind::ContentReplaced, "content-replaced", "content of page {1} replaced",
     "nội dung trang {1} bị thay"},
    {ChangeKind::PageResourcesChanged, "page-resources-changed",
     "resources (fonts, images) of page {1} changed",
     "tài nguyên (phông chữ, hình ảnh) của trang {1} bị thay đổi"},
    {ChangeKind::PageChanged, "page-changed", "page {1} changed ({2})",
     "trang {1} bị thay đổi ({2})"},
    {ChangeKind::AppearanceChangedWithoutValue, "appearance-changed-without-value",
     "the appearance of field {1} changed without a new value",
     "hình thức của trường {1} bị thay đổi mà giá trị không đổi"},
    {ChangeKind::FieldWidgetsChanged, "field-widgets-changed", "the widgets of field {1} changed",
     "các ô hiển thị của trường {1} bị thay đổi"},
    {ChangeKind::FieldChanged, "field-changed", "field {1} changed ({2})",
     "trường {1} bị thay đổi ({2})"},
    {ChangeKind::AnnotationAppearanceChanged, "annotation-appearance-changed",
     "the appearance of an annotation on page {1} changed",
     "hình thức của một chú thích trên trang {1} bị thay đổi"},
    {ChangeKind::AppearanceReused, "appearance-reused",
     "the appearance of field {1} replaced by an object used elsewhere ({2})",
     "hình thức của trường {1} bị thay bằng một đối tượng đang dùng ở chỗ khác ({2})"},
    {ChangeKind::AppearanceReplacedWithoutValue, "appearance-replaced-without-value",
     "the appearance of field {1} replaced without a new value",
     "hình thức của trường {1} bị thay mà giá trị không đổi"},
    {ChangeKind::PageTreeChanged, "page-tree-changed", "the page tree changed ({1})",
     "cây trang bị thay đổi ({1})"},
    {ChangeKind::AnnotationChanged, "annotation-changed", "an annotation on page {1} changed",
     "một chú thích trên trang {1} bị thay đổi"},
    {ChangeKind::WidgetChanged, "widget-changed", "a form widget on page {1} changed",
     "một ô biểu mẫu trên trang {1} bị thay đổi"},
    {ChangeKind::FormResourcesUpdated, "form-resources-updated",
     "the form's default resources updated", "tài nguyên mặc định của biểu mẫu được cập nhật"},
    {ChangeKind::SignatureDictionaryChanged, "signature-dictionary-changed",
     "signature dictionary of {1} changed", "từ điển chữ ký của {1} bị thay đổi"},
    {ChangeKind::InfoUpdated, "info-updated", "document information (title, dates) updated",
     "thông tin tài liệu (tiêu đề, ngày) được cập nhật"},
    {ChangeKind::PageResourceReplaced, "page-resource-replaced",
     "a resource (font, image or form) of page {1} replaced",
     "một tài nguyên (phông chữ, hình ảnh hoặc biểu mẫu) của trang {1} bị thay"},
    {ChangeKind::StructureTreeUpdated, "structure-tree-updated",
     "the document's structure tree (tags) updated",
     "cây cấu trúc (thẻ) của tài liệu được cập nhật"},
    {ChangeKind::ObjectChanged, "object-changed", "object {1} reached from {2} changed",
     "đối tượng {1} (dùng bởi {2}) bị thay đổi"},
    {ChangeKind::ObjectDeleted, "object-deleted", "{1} deleted", "{1} bị xóa"},
    {ChangeKind::RevisionUnreadable, "revision-unreadable",
     "revision {1} cannot be read on its own, so what it changed is unknown",
     "phiên bản {1} không đọc riêng được, nên không biết nó đã thay đổi gì"},
    {ChangeKind::RevisionsNotCheckedOneByOne, "revisions-not-checked-one-by-one",
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

const char* changeCode(ChangeKind k) {
  return row(k).code;
}

const char* changeTemplate(ChangeKind k, Lang lang) {
  return lang == Lang::Vi ? row(k).vi : row(k).en;
}

std::string changeSentence(ChangeKind k, const std::vector<std::string>& args, Lang lang) {
  return fillPlaceholders(changeTemplate(k, lang), args);
}

std::string fillPlaceholders(std::string_view t, const std::vector<std::string>& args) {
  std::string out;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t[i] == '{' && i + 2 < t.size() && t[i + 1] >= '1' && t[i + 1] <= '9' && t[i + 2] == '}') {
      auto n = static_cast<std::size_t>(t[i + 1] - '1');
      if (n < args.size()) {
        out += args[n];
        i += 2;
        continue;
      }
    }
    out += t[i];
  }
  return out;
}

}  // namespace kyso::pdfverify
