#include "ui/verify/visual_diff_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QImage>
#include <QLabel>
#include <QPainter>
#include <QPixmap>
#include <QScrollArea>
#include <QVBoxLayout>

#include "src/pdfverify/report.h"
#include "src/pdfverify/visual_guard.h"
#include "ui/common/ui_text.h"

namespace kyso::ui {

namespace {

// Large enough to read a document number, small enough for two pages side by side.
constexpr double kDpi = 80;

QPixmap toPixmap(const pdfverify::RenderedPage& p, const pdfverify::VisualCheck::Difference& d) {
  if (!p.rendered || p.width <= 0 || p.height <= 0) return {};
  QImage img(p.gray.data(), p.width, p.height, p.width, QImage::Format_Grayscale8);
  QImage rgb = img.convertToFormat(QImage::Format_RGB32);
  if (d.kind == pdfverify::VisualCheck::DiffKind::Differs) {
    QPainter painter(&rgb);
    painter.setPen(QPen(QColor(0xd0, 0x00, 0x20), 3));
    const double s = p.dpi / 72.0;
    painter.drawRect(QRectF(d.x * s - 4, d.y * s - 4, d.w * s + 8, d.h * s + 8));
  }
  return QPixmap::fromImage(rgb);
}

QWidget* panel(const QString& title, QLabel*& image, QWidget* parent) {
  auto* box = new QWidget(parent);
  auto* v = new QVBoxLayout(box);
  v->setContentsMargins(0, 0, 0, 0);
  auto* caption = new QLabel(title, box);
  caption->setStyleSheet(QStringLiteral("font-weight: bold;"));
  v->addWidget(caption);
  auto* scroll = new QScrollArea(box);
  image = new QLabel(scroll);
  image->setAlignment(Qt::AlignCenter);
  scroll->setWidget(image);
  scroll->setWidgetResizable(true);
  v->addWidget(scroll, 1);
  return box;
}

}  // namespace

bool VisualDiffDialog::hasDifferences(const pdfverify::FileReport& report) {
  for (const auto& s : report.signatures)
    if (!s.visual.differences.empty()) return true;
  return false;
}

VisualDiffDialog::VisualDiffDialog(FileReportPtr report, QWidget* parent)
    : QDialog(parent), m_report(std::move(report)) {
  setObjectName(QStringLiteral("VisualDiffDialog"));
  setWindowTitle(tr("What looks different from what was signed"));
  auto* layout = new QVBoxLayout(this);
  m_choice = new QComboBox(this);
  m_choice->setObjectName(QStringLiteral("visualDiffChoice"));
  for (std::size_t s = 0; s < m_report->signatures.size(); ++s) {
    const auto& sig = m_report->signatures[s];
    for (std::size_t d = 0; d < sig.visual.differences.size(); ++d) {
      m_items.push_back({int(s), int(d)});
      m_choice->addItem(tr("Signature #%1: %2")
                            .arg(sig.index)
                            .arg(QString::fromStdString(pdfverify::visualDifferenceText(
                                sig.visual.differences[d], uiLang()))));
    }
  }
  layout->addWidget(m_choice);
  m_error = new QLabel(this);
  m_error->setWordWrap(true);
  m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
  m_error->hide();
  layout->addWidget(m_error);
  auto* row = new QHBoxLayout;
  row->addWidget(panel(tr("As signed"), m_signed, this), 1);
  row->addWidget(panel(tr("As it is now"), m_now, this), 1);
  layout->addLayout(row, 1);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  layout->addWidget(buttons);
  connect(m_choice, &QComboBox::currentIndexChanged, this, &VisualDiffDialog::showItem);
  resize(1100, 760);
  if (!m_items.empty()) showItem(0);
}

void VisualDiffDialog::showItem(int i) {
  if (i < 0 || std::size_t(i) >= m_items.size()) return;
  const auto& sig = m_report->signatures[std::size_t(m_items[std::size_t(i)].signature)];
  const auto& d = sig.visual.differences[std::size_t(m_items[std::size_t(i)].difference)];
  auto pages = pdfverify::renderSideBySide(m_report->file, sig.signed_end, d.page, kDpi);
  m_error->setVisible(!pages.ok());
  if (!pages.ok()) {
    m_error->setText(tr("The pages cannot be shown: %1").arg(errorText(pages.error())));
    m_signed->clear();
    m_now->clear();
    return;
  }
  const QPixmap before = toPixmap(pages->as_signed, d), after = toPixmap(pages->now, d);
  if (before.isNull())
    m_signed->setText(tr("The document as signed has no page %1.").arg(d.page));
  else
    m_signed->setPixmap(before);
  if (after.isNull())
    m_now->setText(tr("The document now has no page %1.").arg(d.page));
  else
    m_now->setPixmap(after);
}

}  // namespace kyso::ui
