#include "ui/common/app_settings.h"

#include <QLocale>

namespace kyso::ui {

AppSettings AppSettings::load(QSettings& s) {
  AppSettings a;
  a.pkcs11Modules = s.value(QStringLiteral("pkcs11/modules")).toStringList();
  a.tsaUrl = s.value(QStringLiteral("tsa/url")).toString();
  a.trustGovernment = s.value(QStringLiteral("trust/government"), true).toBool();
  a.trustPublic = s.value(QStringLiteral("trust/public"), true).toBool();
  a.extraAnchors = s.value(QStringLiteral("trust/extraAnchors")).toStringList();
  a.inventoryDatabase = s.value(QStringLiteral("inventory/database")).toString();
  a.language = s.value(QStringLiteral("ui/language")).toString();
  a.serviceOrigins = s.value(QStringLiteral("service/origins")).toStringList();
  a.handwritingImage = s.value(QStringLiteral("service/handwriting")).toString();
  a.sealImage = s.value(QStringLiteral("service/seal")).toString();
  return a;
}

void AppSettings::save(QSettings& s) const {
  s.setValue(QStringLiteral("pkcs11/modules"), pkcs11Modules);
  s.setValue(QStringLiteral("tsa/url"), tsaUrl);
  s.setValue(QStringLiteral("trust/government"), trustGovernment);
  s.setValue(QStringLiteral("trust/public"), trustPublic);
  s.setValue(QStringLiteral("trust/extraAnchors"), extraAnchors);
  s.setValue(QStringLiteral("inventory/database"), inventoryDatabase);
  s.setValue(QStringLiteral("ui/language"), language);
  s.setValue(QStringLiteral("service/origins"), serviceOrigins);
  s.setValue(QStringLiteral("service/handwriting"), handwritingImage);
  s.setValue(QStringLiteral("service/seal"), sealImage);
  s.sync();
}

SignFormMemory SignFormMemory::load(QSettings& s) {
  SignFormMemory m;
  m.reason = s.value(QStringLiteral("sign/reason")).toString();
  m.location = s.value(QStringLiteral("sign/location")).toString();
  return m;
}

void SignFormMemory::save(QSettings& s) const {
  s.setValue(QStringLiteral("sign/reason"), reason);
  s.setValue(QStringLiteral("sign/location"), location);
  s.sync();
}

QString AppSettings::effectiveLanguage() const {
  if (language == QLatin1String("vi") || language == QLatin1String("en")) return language;
  return QLocale::system().name().startsWith(QLatin1String("vi")) ? QStringLiteral("vi")
                                                                  : QStringLiteral("en");
}

}  // namespace kyso::ui
