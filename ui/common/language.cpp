#include "ui/common/language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>

namespace kyso::ui {

Language::Language(QObject* parent) : QObject(parent) {}

Language::~Language() {
  QCoreApplication::removeTranslator(&m_app);
  QCoreApplication::removeTranslator(&m_qt);
}

bool Language::apply(const QString& code) {
  QCoreApplication::removeTranslator(&m_app);
  QCoreApplication::removeTranslator(&m_qt);
  const bool ok = m_app.load(QStringLiteral(":/i18n/kyso_%1.qm").arg(code));
  // Qt's own strings (standard buttons, file dialogs): Qt's catalogue when the system has one for
  // the language, else the one kyso carries (Vietnamese: Qt 6.4 has none).
  if (m_qt.load(QLocale(code), QStringLiteral("qtbase"), QStringLiteral("_"),
                QLibraryInfo::path(QLibraryInfo::TranslationsPath)) ||
      m_qt.load(QStringLiteral(":/i18n/qt_%1.qm").arg(code))) {
    QCoreApplication::installTranslator(&m_qt);
  }
  if (ok) {
    QCoreApplication::installTranslator(&m_app);
    m_current = code;
    QLocale::setDefault(
        QLocale(code == QLatin1String("vi") ? QLocale::Vietnamese : QLocale::English));
  }
  return ok;
}

}  // namespace kyso::ui
