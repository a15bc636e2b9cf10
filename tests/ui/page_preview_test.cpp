// The page preview end to end: a real PDF (rotated, cropped, rotation inherited from /Pages) is
// read with qpdf, rendered by Qt PDF, and a rectangle dragged with the mouse lands at the right
// PDF coordinates.
#include "ui/sign/page_preview.h"

#include <gtest/gtest.h>

#include <QMouseEvent>
#include <QPdfDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "tests/ui/qt_print.h"
#include "tests/ui/test_pdf.h"
#include "ui/sign/page_boxes.h"

namespace kyso::ui {
namespace {

void mouse(QWidget* w, QEvent::Type type, QPointF pos, Qt::MouseButtons buttons) {
  QMouseEvent e(type, pos, w->mapToGlobal(pos), Qt::LeftButton, buttons, Qt::NoModifier);
  QCoreApplication::sendEvent(w, &e);
}

void drag(QWidget* w, QPointF from, QPointF to) {
  mouse(w, QEvent::MouseButtonPress, from, Qt::LeftButton);
  mouse(w, QEvent::MouseMove, (from + to) / 2, Qt::LeftButton);
  mouse(w, QEvent::MouseMove, to, Qt::LeftButton);
  mouse(w, QEvent::MouseButtonRelease, to, Qt::NoButton);
}

class PagePreviewTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(m_dir.isValid());
    m_pdf = m_dir.filePath(QStringLiteral("pages.pdf"));
    ASSERT_TRUE(test::writeTestPdf(m_pdf,
                                   {{"[0 0 612 792]", "", 0, ""},
                                    {"[0 0 612 792]", "[50 100 550 700]", 90, ""},
                                    {"[0 0 612 792]", "", 180, ""},
                                    {"[-100 -200 500 600]", "[0 0 400 300]", 270, ""},
                                    {"[0 0 595 842]", "", -1, ""}},
                                   90));
  }
  QTemporaryDir m_dir;
  QString m_pdf;
};

TEST_F(PagePreviewTest, ReadsBoxesAndInheritedRotation) {
  auto pages = readPageGeometry(m_pdf.toStdString());
  ASSERT_TRUE(pages.ok()) << pages.error().technical();
  ASSERT_EQ(pages->size(), 5u);
  EXPECT_EQ((*pages)[0].rotate, 0);
  EXPECT_EQ((*pages)[1].rotate, 90);
  EXPECT_DOUBLE_EQ((*pages)[1].visible.llx, 50);
  EXPECT_DOUBLE_EQ((*pages)[1].visible.ury, 700);
  EXPECT_EQ((*pages)[2].rotate, 180);
  EXPECT_EQ((*pages)[3].rotate, 270);
  EXPECT_DOUBLE_EQ((*pages)[3].visible.urx, 400);
  EXPECT_EQ((*pages)[4].rotate, 90);  // inherited from /Pages
  EXPECT_DOUBLE_EQ((*pages)[4].visible.urx, 595);
}

TEST_F(PagePreviewTest, NotAPdfIsAnErrorNotACrash) {
  const QString junk = m_dir.filePath(QStringLiteral("junk.pdf"));
  QFile f(junk);
  ASSERT_TRUE(f.open(QIODevice::WriteOnly));
  f.write("this is not a PDF at all\n");
  f.close();
  auto pages = readPageGeometry(junk.toStdString());
  EXPECT_FALSE(pages.ok());
  auto missing = readPageGeometry(m_dir.filePath(QStringLiteral("absent.pdf")).toStdString());
  EXPECT_FALSE(missing.ok());
}

TEST_F(PagePreviewTest, DraggedRectangleMapsToPdfSpaceOnEveryPage) {
  auto pages = readPageGeometry(m_pdf.toStdString());
  ASSERT_TRUE(pages.ok());
  QPdfDocument doc;
  ASSERT_EQ(doc.load(m_pdf), QPdfDocument::Error::None);
  ASSERT_EQ(doc.pageCount(), 5);
  PagePreview preview;
  preview.resize(500, 600);
  preview.show();
  for (int i = 0; i < 5; ++i) {
    SCOPED_TRACE(i);
    const PageGeometry& g = (*pages)[size_t(i)];
    preview.showPage(&doc, i, g);
    // Qt PDF shows the page with the same proportions as the geometry says.
    const QSizeF pts = doc.pagePointSize(i);
    EXPECT_NEAR(pts.width() / pts.height(), g.displaySize().width() / g.displaySize().height(),
                1e-3);
    const QRectF page = preview.pageRect();
    ASSERT_FALSE(page.isEmpty());
    QSignalSpy spy(&preview, &PagePreview::placementChanged);

    // Draw a rectangle in the upper-left quarter.
    const QPointF a = page.topLeft() + QPointF(page.width() * 0.1, page.height() * 0.1);
    const QPointF b = page.topLeft() + QPointF(page.width() * 0.4, page.height() * 0.3);
    drag(&preview, a, b);
    ASSERT_EQ(spy.count(), 1);
    ASSERT_TRUE(preview.placement());
    auto expected = widgetToPdf(g, page, QRectF(a, b));
    ASSERT_TRUE(expected.ok());
    EXPECT_NEAR(preview.placement()->llx, expected->llx, 1e-6);
    EXPECT_NEAR(preview.placement()->ury, expected->ury, 1e-6);
    EXPECT_TRUE(g.visible.contains(*preview.placement()));

    // Move it far to the right and down: it stops at the page's edge, keeping its size.
    const PdfRectF before = *preview.placement();
    drag(&preview, (a + b) / 2, (a + b) / 2 + QPointF(5000, 5000));
    ASSERT_EQ(spy.count(), 2);
    const PdfRectF moved = *preview.placement();
    EXPECT_NEAR(moved.width(), before.width(), 1e-6);
    EXPECT_NEAR(moved.height(), before.height(), 1e-6);
    EXPECT_TRUE(g.visible.contains(moved));
    const QRectF shown = preview.placementInWidget();
    EXPECT_NEAR(shown.right(), page.right(), 1e-6);
    EXPECT_NEAR(shown.bottom(), page.bottom(), 1e-6);

    // Resize from the lower-right handle: 20 px smaller each way.
    const QPointF handle = shown.bottomRight() - QPointF(3, 3);
    drag(&preview, handle, handle - QPointF(20, 20));
    ASSERT_EQ(spy.count(), 3);
    const QRectF resized = preview.placementInWidget();
    EXPECT_NEAR(resized.width(), shown.width() - 20, 1e-6);
    EXPECT_NEAR(resized.height(), shown.height() - 20, 1e-6);
    auto mapped = widgetToPdf(g, page, resized);
    ASSERT_TRUE(mapped.ok());
    EXPECT_NEAR(preview.placement()->llx, mapped->llx, 1e-6);
    EXPECT_NEAR(preview.placement()->lly, mapped->lly, 1e-6);

    // A click without dragging keeps the placement.
    drag(&preview, page.topLeft() + QPointF(2, 2), page.topLeft() + QPointF(3, 3));
    EXPECT_EQ(spy.count(), 3);
  }
  // The rendered page is not blank: the filled blue rectangle of the content stream is drawn.
  preview.showPage(&doc, 0, (*pages)[0]);
  const QImage img = preview.grab().toImage();
  bool blue = false;
  for (int y = 0; y < img.height() && !blue; y += 2)
    for (int x = 0; x < img.width() && !blue; x += 2) blue = img.pixel(x, y) == qRgb(0, 0, 255);
  EXPECT_TRUE(blue);
}

TEST_F(PagePreviewTest, PlacementSurvivesAWidgetResize) {
  auto pages = readPageGeometry(m_pdf.toStdString());
  ASSERT_TRUE(pages.ok());
  QPdfDocument doc;
  ASSERT_EQ(doc.load(m_pdf), QPdfDocument::Error::None);
  PagePreview preview;
  preview.resize(400, 500);
  preview.show();
  preview.showPage(&doc, 1, (*pages)[1]);
  preview.setPlacement({60, 120, 200, 180});
  preview.resize(800, 900);
  QCoreApplication::processEvents();
  auto back = widgetToPdf((*pages)[1], preview.pageRect(), preview.placementInWidget());
  ASSERT_TRUE(back.ok());
  EXPECT_NEAR(back->llx, 60, 1e-6);
  EXPECT_NEAR(back->ury, 180, 1e-6);
}

// Issue 17: the preview shows what is already on the page over the content (a signature field's
// appearance: the leader's handwriting the seal must overlap), and the box shows the image
// the signature will print, not an empty rectangle.
TEST_F(PagePreviewTest, ShowsTheAnnotationsAlreadyThereAndTheImageInTheBox) {
  const QString pdf = m_dir.filePath(QStringLiteral("annotated.pdf"));
  test::TestPage page;
  page.annotRect = "[400 500 500 600]";
  ASSERT_TRUE(test::writeTestPdf(pdf, {page}));
  auto pages = readPageGeometry(pdf.toStdString());
  ASSERT_TRUE(pages.ok());
  QPdfDocument doc;
  ASSERT_EQ(doc.load(pdf), QPdfDocument::Error::None);
  PagePreview preview;
  preview.resize(612, 792);
  preview.show();
  preview.showPage(&doc, 0, (*pages)[0]);
  preview.setFile(pdf);  // poppler draws it: Qt PDF leaves signature fields out
  preview.setPlacement({100, 600, 300, 700});
  QImage green(40, 20, QImage::Format_ARGB32);
  green.fill(QColor(0, 200, 0));
  preview.setAppearanceImage(green);
  QCoreApplication::processEvents();
  const QImage shot = preview.grab().toImage();
  const QPointF annot = pdfToWidget((*pages)[0], preview.pageRect(), {400, 500, 500, 600}).center();
  const QColor a = shot.pixelColor(annot.toPoint());
  EXPECT_GT(a.red(), 200) << "the signature's appearance is not drawn";
  EXPECT_LT(a.green(), 80);
  const QColor content = shot.pixelColor(
      pdfToWidget((*pages)[0], preview.pageRect(), {150, 150, 250, 250}).center().toPoint());
  EXPECT_GT(content.blue(), 200) << "the page's own content";
  const QColor box = shot.pixelColor(preview.placementInWidget().center().toPoint());
  EXPECT_GT(box.green(), 150) << "the image is drawn in the box";
  EXPECT_LT(box.red(), 80);
  preview.setAppearanceImage(QImage());
  QCoreApplication::processEvents();
  const QColor empty =
      preview.grab().toImage().pixelColor(preview.placementInWidget().center().toPoint());
  EXPECT_GT(empty.red(), 150) << "without an image, the box alone (a light tint)";
}

}  // namespace
}  // namespace kyso::ui
