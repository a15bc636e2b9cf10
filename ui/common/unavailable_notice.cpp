#include "ui/common/unavailable_notice.h"

#include <QEvent>

namespace kyso::ui {

UnavailableNotice::UnavailableNotice(std::function<QString()> text, QWidget* parent)
    : QLabel(parent), m_text(std::move(text)) {
  setObjectName(QStringLiteral("UnavailableNotice"));
  setWordWrap(true);
  setAlignment(Qt::AlignCenter);
  setMargin(24);
  setStyleSheet(
      QStringLiteral("QLabel { background: #fff4e5; color: #5f3b00; border: 1px solid "
                     "#f0c36d; border-radius: 6px; font-size: 11pt; }"));
  setText(m_text());
}

void UnavailableNotice::changeEvent(QEvent* e) {
  if (e->type() == QEvent::LanguageChange) setText(m_text());
  QLabel::changeEvent(e);
}

}  // namespace kyso::ui
