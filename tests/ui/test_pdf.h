// Writes small, well-formed PDFs for the UI tests (exact xref offsets), with a chosen MediaBox,
// CropBox and /Rotate per page; /Rotate may sit on the /Pages node to test inheritance.
#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>
#include <vector>

namespace kyso::ui::test {

struct TestPage {
  QByteArray mediaBox = "[0 0 612 792]";
  QByteArray cropBox;  // empty: none
  int rotate = -1;     // -1: none on the page
  // A signature field's widget at this /Rect whose appearance fills it red (as a signed
  // signature's handwriting or seal is drawn over the page by viewers); empty: none.
  QByteArray annotRect;
};

inline bool writeTestPdf(const QString& path, const std::vector<TestPage>& pages,
                         int inheritedRotate = -1) {
  std::vector<QByteArray> objs;
  QByteArray kids;
  for (size_t i = 0; i < pages.size(); ++i) kids += QByteArray::number(int(3 + 2 * i)) + " 0 R ";
  QByteArray fields;
  for (size_t i = 0; i < pages.size(); ++i)
    if (!pages[i].annotRect.isEmpty())
      fields += QByteArray::number(int(3 + 2 * pages.size() + 2 * i)) + " 0 R ";
  objs.push_back(fields.isEmpty() ? QByteArray("<< /Type /Catalog /Pages 2 0 R >>")
                                  : "<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [" +
                                        fields + "] /SigFlags 1 >> >>");
  QByteArray pagesObj =
      "<< /Type /Pages /Count " + QByteArray::number(int(pages.size())) + " /Kids [" + kids + "]";
  if (inheritedRotate >= 0) pagesObj += " /Rotate " + QByteArray::number(inheritedRotate);
  objs.push_back(pagesObj + " >>");
  for (size_t i = 0; i < pages.size(); ++i) {
    const TestPage& p = pages[i];
    QByteArray page = "<< /Type /Page /Parent 2 0 R /MediaBox " + p.mediaBox;
    if (!p.cropBox.isEmpty()) page += " /CropBox " + p.cropBox;
    if (p.rotate >= 0) page += " /Rotate " + QByteArray::number(p.rotate);
    page += " /Contents " + QByteArray::number(int(4 + 2 * i)) + " 0 R /Resources << >>";
    if (!p.annotRect.isEmpty())
      page += " /Annots [" + QByteArray::number(int(3 + 2 * pages.size() + 2 * i)) + " 0 R]";
    page += " >>";
    objs.push_back(page);
    const QByteArray content = "0 0 1 rg 100 100 200 300 re f";
    objs.push_back("<< /Length " + QByteArray::number(content.size()) + " >>\nstream\n" + content +
                   "\nendstream");
  }
  // Annotations after every page: the annotation, then its appearance stream, per page (numbered
  // as if every page had one, so the numbers above stay simple; unused pairs are empty dicts).
  for (size_t i = 0; i < pages.size(); ++i) {
    const TestPage& p = pages[i];
    if (p.annotRect.isEmpty()) {
      objs.push_back("<< >>");
      objs.push_back("<< >>");
      continue;
    }
    objs.push_back("<< /Type /Annot /Subtype /Widget /FT /Sig /T (Signature" +
                   QByteArray::number(int(i + 1)) + ") /P " + QByteArray::number(int(3 + 2 * i)) +
                   " 0 R /Rect " + p.annotRect + " /F 4 /AP << /N " +
                   QByteArray::number(int(4 + 2 * pages.size() + 2 * i)) + " 0 R >> >>");
    const QByteArray ap = "1 0 0 rg 0 0 1000 1000 re f";
    objs.push_back(
        "<< /Type /XObject /Subtype /Form /BBox [0 0 1000 1000] /Matrix [0.1 0 0 0.1 0 0] "
        "/Length " +
        QByteArray::number(ap.size()) + " >>\nstream\n" + ap + "\nendstream");
  }
  QByteArray out = "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n";
  std::vector<qsizetype> offsets;
  for (size_t i = 0; i < objs.size(); ++i) {
    offsets.push_back(out.size());
    out += QByteArray::number(int(i + 1)) + " 0 obj\n" + objs[i] + "\nendobj\n";
  }
  const qsizetype xref = out.size();
  out += "xref\n0 " + QByteArray::number(int(objs.size() + 1)) + "\n0000000000 65535 f \n";
  for (qsizetype o : offsets) out += QByteArray::number(o).rightJustified(10, '0') + " 00000 n \n";
  out += "trailer\n<< /Size " + QByteArray::number(int(objs.size() + 1)) +
         " /Root 1 0 R >>\nstartxref\n" + QByteArray::number(xref) + "\n%%EOF\n";
  QFile f(path);
  return f.open(QIODevice::WriteOnly) && f.write(out) == out.size();
}

}  // namespace kyso::ui::test
