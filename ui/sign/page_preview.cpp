#include "ui/sign/page_preview.h"

#include <QFile>
#include <QMouseEvent>
#include <QPainter>
#include <QPdfDocument>
#include <QPdfDocumentRenderOptions>
#include <algorithm>

#include "src/pdfverify/page_render.h"

namespace kyso::ui {
namespace {
constexpr qint64 kMaxPopplerBytes = 256LL << 20;  // larger files: Qt PDF alone
constexpr double kHandle = 10.0;  // pixels: the resize handle at the lower-right corner
constexpr double kMinSide = 8.0;  // pixels: smaller rectangles are treated as a click
}  // namespace

PagePreview::PagePreview(QWidget* parent) : QWidget(parent) {
  setObjectName(QStringLiteral("PagePreview"));
  setMinimumSize(200, 260);
  setMouseTracking(true);
}

void PagePreview::showPage(QPdfDocument* doc, int page, const PageGeometry& geometry) {
  m_doc = doc;
  m_page = page;
  m_geometry = geometry;
  m_placement.reset();
  m_image = QImage();
  update();
}

void PagePreview::clear() {
  m_doc = nullptr;
  m_page = -1;
  m_placement.reset();
  m_image = QImage();
  m_bytes.clear();
  update();
}

void PagePreview::setPlacement(const PdfRectF& rect) {
  m_placement = rect;
  update();
}

QRectF PagePreview::pageRect() const {
  if (m_page < 0) return {};
  const QSizeF page = m_geometry.displaySize();
  const QRectF area = QRectF(rect()).adjusted(8, 8, -8, -8);
  if (page.isEmpty() || area.isEmpty()) return {};
  const double scale = std::min(area.width() / page.width(), area.height() / page.height());
  const QSizeF s = page * scale;
  return QRectF(area.left() + (area.width() - s.width()) / 2,
                area.top() + (area.height() - s.height()) / 2, s.width(), s.height());
}

QRectF PagePreview::placementInWidget() const {
  if (m_drag != Drag::None) return m_live;
  if (!m_placement || m_page < 0) return {};
  return pdfToWidget(m_geometry, pageRect(), *m_placement);
}

void PagePreview::setFile(const QString& path) {
  m_bytes.clear();
  m_image = QImage();
  QFile f(path);
  if (f.size() <= kMaxPopplerBytes && f.open(QIODevice::ReadOnly)) m_bytes = f.readAll();
  update();
}

// The page with what is already on it: the leader's handwriting the seal must overlap, stamps.
QImage PagePreview::renderPage(QSize want) const {
  if (!m_bytes.isEmpty()) {
    pdfverify::RenderRequest req;
    req.color = true;
    req.first_page = m_page;
    req.max_pages = 1;
    req.dpi = 72.0 * want.width() / std::max(1.0, m_geometry.displaySize().width());
    req.max_pixels = 16'000'000;
    auto doc = pdfverify::renderPages(m_bytes.constData(), std::size_t(m_bytes.size()), req);
    if (doc.ok() && !doc->pages.empty() && doc->pages[0].rendered) {
      const pdfverify::RenderedPage& p = doc->pages[0];
      QImage img(p.rgb.data(), p.width, p.height, p.width * 3, QImage::Format_RGB888);
      // copy(): the pixels belong to `doc`, and scaled() to the same size would share them.
      return img.copy().scaled(want, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    }
  }
  QPdfDocumentRenderOptions options;
  options.setRenderFlags(QPdfDocumentRenderOptions::RenderFlag::Annotations);
  return m_doc->render(m_page, want, options);
}

void PagePreview::setAppearanceImage(const QImage& image) {
  m_appearance = image;
  update();
}

void PagePreview::resizeEvent(QResizeEvent* e) {
  m_image = QImage();  // re-rendered at the new size on the next paint
  QWidget::resizeEvent(e);
}

void PagePreview::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.fillRect(rect(), palette().color(QPalette::Mid));
  const QRectF pr = pageRect();
  if (!m_doc || pr.isEmpty()) return;
  const QSize want = pr.size().toSize();
  if (m_image.size() != want) m_image = renderPage(want);
  p.fillRect(pr, Qt::white);
  if (!m_image.isNull()) p.drawImage(pr.topLeft(), m_image);
  const QRectF r = placementInWidget();
  if (r.isEmpty()) return;
  p.setRenderHint(QPainter::Antialiasing);
  p.setRenderHint(QPainter::SmoothPixmapTransform);
  if (!m_appearance.isNull()) {
    const QSizeF fit = m_appearance.size().toSizeF().scaled(r.size(), Qt::KeepAspectRatio);
    p.drawImage(QRectF(r.center() - QPointF(fit.width() / 2, fit.height() / 2), fit), m_appearance);
  }
  p.setPen(QPen(QColor(0x1a, 0x5f, 0xb4), 1.5, Qt::DashLine));
  p.setBrush(m_appearance.isNull() ? QColor(0x1a, 0x5f, 0xb4, 40) : QColor(0, 0, 0, 0));
  p.drawRect(r);
  p.setBrush(QColor(0x1a, 0x5f, 0xb4));
  p.setPen(Qt::NoPen);
  p.drawRect(QRectF(r.bottomRight() - QPointF(kHandle, kHandle), QSizeF(kHandle, kHandle)));
}

void PagePreview::mousePressEvent(QMouseEvent* e) {
  if (m_readOnly || e->button() != Qt::LeftButton || m_page < 0) return;
  const QPointF pos = e->position();
  const QRectF pr = pageRect();
  if (!pr.contains(pos)) return;
  const QRectF r = placementInWidget();
  m_anchor = pos;
  m_startRect = r;
  const QRectF handle(r.bottomRight() - QPointF(kHandle, kHandle), QSizeF(kHandle, kHandle));
  if (!r.isEmpty() && handle.adjusted(-2, -2, 2, 2).contains(pos)) {
    m_drag = Drag::Resize;
  } else if (!r.isEmpty() && r.contains(pos)) {
    m_drag = Drag::Move;
  } else {
    m_drag = Drag::Draw;
    m_startRect = QRectF(pos, QSizeF(0, 0));
  }
  m_live = m_startRect;
  update();
}

void PagePreview::mouseMoveEvent(QMouseEvent* e) {
  const QPointF pos = e->position();
  if (m_readOnly) return;
  if (m_drag == Drag::None) {
    const QRectF r = placementInWidget();
    const QRectF handle(r.bottomRight() - QPointF(kHandle, kHandle), QSizeF(kHandle, kHandle));
    setCursor(!r.isEmpty() && handle.adjusted(-2, -2, 2, 2).contains(pos) ? Qt::SizeFDiagCursor
              : r.contains(pos)                                           ? Qt::SizeAllCursor
                                                                          : Qt::CrossCursor);
    return;
  }
  const QRectF pr = pageRect();
  const QPointF d = pos - m_anchor;
  switch (m_drag) {
    case Drag::Move:
      m_live = clampToPage(pr, m_startRect.translated(d));
      break;
    case Drag::Resize: {
      QRectF r = m_startRect;
      r.setBottomRight(QPointF(std::min(r.right() + d.x(), pr.right()),
                               std::min(r.bottom() + d.y(), pr.bottom())));
      r.setWidth(std::max(r.width(), kMinSide));
      r.setHeight(std::max(r.height(), kMinSide));
      m_live = clampToPage(pr, r);
      break;
    }
    case Drag::Draw:
      m_live = QRectF(m_anchor, pos).normalized().intersected(pr);
      break;
    case Drag::None:
      break;
  }
  update();
}

void PagePreview::mouseReleaseEvent(QMouseEvent* e) {
  if (e->button() != Qt::LeftButton || m_drag == Drag::None) return;
  const QRectF r = m_live;
  const bool tiny = r.width() < kMinSide || r.height() < kMinSide;
  m_drag = Drag::None;
  if (!tiny) commit(r);
  update();
}

void PagePreview::commit(const QRectF& widgetRect) {
  auto mapped = widgetToPdf(m_geometry, pageRect(), widgetRect);
  if (!mapped.ok()) return;  // cannot happen after clamping; keep the previous placement
  m_placement = *mapped;
  emit placementChanged(*m_placement);
}

}  // namespace kyso::ui
