#include "ui/common/ui_text.h"

#include <QLocale>

#include "core/messages.h"

namespace kyso::ui {

Lang uiLang() {
  return QLocale().language() == QLocale::Vietnamese ? Lang::Vi : Lang::En;
}

QString errorText(const Error& e) {
  return QString::fromStdString(describe(e, uiLang()));
}

}  // namespace kyso::ui
