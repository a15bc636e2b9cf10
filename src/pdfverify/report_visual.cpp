// The visual guard's findings in words (visual_guard.h): made here, at the edge, from the typed
// VisualCheck, in English or Vietnamese; the JSON keeps the codes and numbers.
#include <cmath>
#include <string>

#include "src/pdfverify/report.h"

namespace kyso::pdfverify {

namespace {

std::string pt(double v) {
  return std::to_string(static_cast<long long>(std::lround(v)));
}

}  // namespace

const char* visualStatusCode(VisualCheck::Status s) {
  switch (s) {
    case VisualCheck::Status::Compared:
      return "compared";
    case VisualCheck::Status::Skipped:
      return "skipped";
    case VisualCheck::Status::NotNeeded:
      break;
  }
  return "not-needed";
}

const char* visualSkipCode(VisualCheck::Skip s) {
  switch (s) {
    case VisualCheck::Skip::Disabled:
      return "disabled";
    case VisualCheck::Skip::FileTooLarge:
      return "file-too-large";
    case VisualCheck::Skip::RendererUnavailable:
      return "renderer-unavailable";
    case VisualCheck::Skip::Unrenderable:
      return "unrenderable";
    case VisualCheck::Skip::None:
      break;
  }
  return "none";
}

const char* visualDiffCode(VisualCheck::DiffKind k) {
  switch (k) {
    case VisualCheck::DiffKind::PageAdded:
      return "page-added";
    case VisualCheck::DiffKind::PageRemoved:
      return "page-removed";
    case VisualCheck::DiffKind::PageResized:
      return "page-resized";
    case VisualCheck::DiffKind::Differs:
      break;
  }
  return "looks-different";
}

std::string visualDifferenceText(const VisualCheck::Difference& d, Lang lang) {
  const bool vi = lang == Lang::Vi;
  const std::string page = std::to_string(d.page);
  switch (d.kind) {
    case VisualCheck::DiffKind::PageAdded:
      return vi ? "trang " + page + " không có trong bản đã ký"
                : "page " + page + " is not in the document as signed";
    case VisualCheck::DiffKind::PageRemoved:
      return vi ? "trang " + page + " của bản đã ký không còn"
                : "page " + page + " of the document as signed is gone";
    case VisualCheck::DiffKind::PageResized:
      return vi ? "trang " + page + " hiển thị với khổ hoặc hướng khác với bản đã ký"
                : "page " + page + " is shown at another size or turned";
    case VisualCheck::DiffKind::Differs:
      break;
  }
  const std::string where = pt(d.w) + "×" + pt(d.h) + " pt, " + pt(d.x) + ", " + pt(d.y);
  return vi ? "trang " + page + " trông khác với bản đã ký (vùng " + where +
                  " pt tính từ góc trên bên trái)"
            : "page " + page + " looks different from what was signed (area " + where +
                  " pt from the top-left corner)";
}

std::string visualSummaryText(const VisualCheck& v, Lang lang) {
  const bool vi = lang == Lang::Vi;
  switch (v.status) {
    case VisualCheck::Status::NotNeeded:
      return vi ? "không cần (không có gì sau chữ ký)" : "not needed (nothing came after it)";
    case VisualCheck::Status::Skipped:
      switch (v.skipped) {
        case VisualCheck::Skip::Disabled:
          return vi ? "đã tắt" : "turned off";
        case VisualCheck::Skip::FileTooLarge:
          return vi ? "bỏ qua: tệp quá lớn để dựng hình các trang"
                    : "skipped: the file is too large to render its pages";
        case VisualCheck::Skip::RendererUnavailable:
          return vi ? "bỏ qua: thiếu mô-đun dựng hình trang (kyso-render.so)"
                    : "skipped: the page renderer (kyso-render.so) is not installed";
        case VisualCheck::Skip::Unrenderable:
        case VisualCheck::Skip::None:
          return vi ? "bỏ qua: không dựng hình được các trang"
                    : "skipped: the pages could not be rendered";
      }
      break;
    case VisualCheck::Status::Compared:
      break;
  }
  std::string out = vi ? "đã so sánh " + std::to_string(v.pages_compared) + " trang"
                       : std::to_string(v.pages_compared) +
                             (v.pages_compared == 1 ? " page" : " pages") + " compared";
  if (v.cut_short == VisualCheck::Cut::Pages)
    out += vi ? " (giới hạn số trang; các trang sau không được so sánh)"
              : " (page limit reached; later pages were not compared)";
  else if (v.cut_short == VisualCheck::Cut::Time)
    out += vi ? " (hết thời gian; các trang sau không được so sánh)"
              : " (time limit reached; later pages were not compared)";
  if (v.differences.empty())
    out += vi ? ", trông giống bản đã ký" : ", they look as signed";
  else
    out += vi ? ", có " + std::to_string(v.differences.size()) + " khác biệt"
              : ", " + std::to_string(v.differences.size()) +
                    (v.differences.size() == 1 ? " difference" : " differences");
  return out;
}

}  // namespace kyso::pdfverify
