// PagePreview: shows one page of a PDF as a viewer shows it, rotated, with the signatures and
// stamps already on it (poppler draws it, through kyso-render.so: Qt PDF leaves signature fields'
// appearances out; Qt PDF draws it when poppler cannot) and a rectangle where the signature will
// go, with the image it will print (the handwriting or the seal) inside. The user drags the
// rectangle to move it, drags its lower-right handle to resize it, or draws a new one. The
// rectangle is kept in PDF user space (so resizing the window keeps it in place); mapping uses the
// pure functions in placement.h.
#pragma once

#include <QImage>
#include <QWidget>
#include <optional>

#include "ui/sign/placement.h"

class QPdfDocument;

namespace kyso::ui {

class PagePreview : public QWidget {
  Q_OBJECT
 public:
  explicit PagePreview(QWidget* parent = nullptr);
  /// Shows page `page` of `doc` (not owned) whose geometry is `geometry`; clears the placement.
  void showPage(QPdfDocument* doc, int page, const PageGeometry& geometry);
  /// The file shown, so that poppler can draw it with its signatures (read once; empty: Qt PDF).
  void setFile(const QString& path);
  /// Shows nothing (no document or no page).
  void clear();
  /// Sets the rectangle (the automatic placement, or one restored from a previous file).
  void setPlacement(const PdfRectF& rect);
  /// The rectangle in PDF user space, nullopt when none is drawn.
  std::optional<PdfRectF> placement() const { return m_placement; }
  /// Where the page is drawn in the widget (for tests and the overlay).
  QRectF pageRect() const;
  /// The placement as drawn in widget coordinates (empty when none).
  QRectF placementInWidget() const;
  int page() const { return m_page; }
  /// The image the signature prints, drawn in the rectangle as the appearance fits it (kept in
  /// proportion, centred); a null image: the rectangle alone.
  void setAppearanceImage(const QImage& image);
  /// Shown only: the rectangle cannot be moved, resized or drawn.
  void setReadOnly(bool readOnly) { m_readOnly = readOnly; }

  QSize sizeHint() const override { return {420, 560}; }

 signals:
  void placementChanged(const kyso::ui::PdfRectF& rect);

 protected:
  void paintEvent(QPaintEvent* e) override;
  void mousePressEvent(QMouseEvent* e) override;
  void mouseMoveEvent(QMouseEvent* e) override;
  void mouseReleaseEvent(QMouseEvent* e) override;
  void resizeEvent(QResizeEvent* e) override;

 private:
  enum class Drag { None, Move, Resize, Draw };
  void commit(const QRectF& widgetRect);
  QImage renderPage(QSize want) const;
  QPdfDocument* m_doc = nullptr;
  int m_page = -1;
  PageGeometry m_geometry;
  std::optional<PdfRectF> m_placement;
  QImage m_image;
  QImage m_appearance;
  QByteArray m_bytes;  // the file, for poppler
  Drag m_drag = Drag::None;
  QPointF m_anchor;
  QRectF m_startRect;
  QRectF m_live;  // the rectangle while dragging, in widget coordinates
  bool m_readOnly = false;
};

}  // namespace kyso::ui
