// Language: installs the Vietnamese or English translation (compiled from
// ui/translations/kyso_*.ts into the binary's resources) and Qt's own strings. Installing a
// translator sends QEvent::LanguageChange to every widget, whose changeEvent() retranslates it, so
// switching works at run time without restarting.
#pragma once

#include <QObject>
#include <QString>
#include <QTranslator>

namespace kyso::ui {

class Language : public QObject {
  Q_OBJECT
 public:
  explicit Language(QObject* parent = nullptr);
  ~Language() override;
  /// Switches to "vi" or "en"; false when the translation is missing from the resources.
  bool apply(const QString& code);
  QString current() const { return m_current; }

 private:
  QTranslator m_app;
  QTranslator m_qt;
  QString m_current;
};

}  // namespace kyso::ui
