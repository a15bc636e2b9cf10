#include "ui/sign/page_boxes.h"

#include <exception>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

namespace kyso::ui {
namespace {

PdfRectF toRect(QPDFObjectHandle box) {
  if (!box.isRectangle()) return {};
  const auto r = box.getArrayAsRectangle();
  return {r.llx, r.lly, r.urx, r.ury};
}

}  // namespace

Result<std::vector<PageGeometry>> readPageGeometry(const std::filesystem::path& pdf) {
  const std::string name = pdf.string();
  try {
    QPDF q;
    q.setSuppressWarnings(true);
    q.processFile(name.c_str());
    if (q.isEncrypted() && !q.allowAccessibility()) {
      return Error::kyso(Errc::PdfEncrypted, "QPDF::processFile", name);
    }
    std::vector<PageGeometry> out;
    int index = 0;
    for (auto& page : QPDFPageDocumentHelper(q).getAllPages()) {
      const PdfRectF media = toRect(page.getMediaBox());
      const PdfRectF crop = toRect(page.getCropBox());
      auto rotateObj = page.getAttribute("/Rotate", false);
      const int rotate = rotateObj.isInteger() ? rotateObj.getIntValueAsInt() : 0;
      auto g = PageGeometry::fromBoxes(media, crop, rotate);
      if (!g.ok()) {
        g.error().context = name + ", page " + std::to_string(index + 1);
        return g.error();
      }
      out.push_back(*g);
      ++index;
    }
    return out;
  } catch (const QPDFExc& e) {
    const Errc kind = e.getErrorCode() == qpdf_e_password ? Errc::PdfEncrypted : Errc::PdfDamaged;
    return Error::kyso(kind, "QPDF::processFile", name + ": " + e.what());
  } catch (const std::exception& e) {
    return Error::kyso(Errc::NotAPdf, "QPDF::processFile", name + ": " + e.what());
  }
}

}  // namespace kyso::ui
