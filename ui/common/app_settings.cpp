#include "ui/common/app_settings.h"

#include <QLocale>
#include <QVariant>
#include <type_traits>
#include <utility>
#include <vector>

#include "pkcs11/module.h"

namespace kyso::ui {

namespace {

QStringList toList(const std::vector<std::string>& words) {
  QStringList out;
  for (const std::string& w : words) out << QString::fromStdString(w);
  return out;
}

QString toText(const std::optional<std::string>& v) {
  return v ? QString::fromStdString(*v) : QString();
}

// A module named as the CLI names it (softhsm, vnpt, ...) becomes its path on this machine; a
// name not installed here stays as written, so that the Settings window shows what was set.
QString modulePath(const std::string& spec) {
  auto path = p11::resolveModule(spec);
  return QString::fromStdString(path.ok() ? path->string() : spec);
}

// The one list of keys: each setting's QSettings key and member, so that load and save agree.
template <class F>
void eachSetting(AppSettings& a, F&& f) {
  f(QStringLiteral("pkcs11/modules"), a.pkcs11Modules);
  f(QStringLiteral("tsa/url"), a.tsaUrl);
  f(QStringLiteral("trust/government"), a.trustGovernment);
  f(QStringLiteral("trust/public"), a.trustPublic);
  f(QStringLiteral("trust/extraAnchors"), a.extraAnchors);
  f(QStringLiteral("trust/crlFiles"), a.crlFiles);
  f(QStringLiteral("inventory/database"), a.inventoryDatabase);
  f(QStringLiteral("ui/language"), a.language);
  f(QStringLiteral("service/origins"), a.serviceOrigins);
  f(QStringLiteral("service/handwriting"), a.handwritingImage);
  f(QStringLiteral("service/seal"), a.sealImage);
}

}  // namespace

AppSettings AppSettings::machineDefaults(const SettingsFile& machine) {
  AppSettings a;
  for (const std::string& m : machine.words("token", "module")) a.pkcs11Modules << modulePath(m);
  a.tsaUrl = toText(machine.get("sign", "tsa"));
  const std::string group = machine.get("verify", "trust_group").value_or("all");
  if (group == "gov" || group == "public" || group == "none") {
    a.trustGovernment = group == "gov";
    a.trustPublic = group == "public";
  }
  a.extraAnchors = toList(machine.words("verify", "trust"));
  a.crlFiles = toList(machine.words("verify", "crl"));
  a.inventoryDatabase = toText(machine.get("inventory", "database"));
  a.serviceOrigins = toList(machine.words("service", "allow"));
  a.handwritingImage = toText(machine.get("service", "image"));
  a.sealImage = toText(machine.get("service", "seal"));
  return a;
}

AppSettings AppSettings::load(QSettings& s, const AppSettings& defaults) {
  AppSettings a = defaults;
  eachSetting(a, [&](const QString& key, auto& member) {
    using T = std::remove_reference_t<decltype(member)>;
    if (s.contains(key)) member = s.value(key).template value<T>();
  });
  return a;
}

AppSettings AppSettings::load(QSettings& s) {
  return load(s, machineDefaults(machineSettings()));
}

void AppSettings::save(QSettings& s, const AppSettings& defaults) const {
  AppSettings self = *this;
  AppSettings base = defaults;
  std::vector<std::pair<QString, QVariant>> values, machine;
  eachSetting(self, [&](const QString& key, auto& member) { values.emplace_back(key, member); });
  eachSetting(base, [&](const QString& key, auto& member) { machine.emplace_back(key, member); });
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (values[i].second == machine[i].second)
      s.remove(values[i].first);
    else
      s.setValue(values[i].first, values[i].second);
  }
  s.sync();
}

void AppSettings::save(QSettings& s) const {
  save(s, machineDefaults(machineSettings()));
}

SignFormMemory SignFormMemory::load(QSettings& s) {
  SignFormMemory m;
  m.reason = s.value(QStringLiteral("sign/reason")).toString();
  m.location = s.value(QStringLiteral("sign/location")).toString();
  m.level = s.value(QStringLiteral("sign/level")).toString();
  return m;
}

void SignFormMemory::save(QSettings& s) const {
  s.setValue(QStringLiteral("sign/reason"), reason);
  s.setValue(QStringLiteral("sign/location"), location);
  s.setValue(QStringLiteral("sign/level"), level);
  s.sync();
}

QString AppSettings::effectiveLanguage() const {
  if (language == QLatin1String("vi") || language == QLatin1String("en")) return language;
  return QLocale::system().name().startsWith(QLatin1String("vi")) ? QStringLiteral("vi")
                                                                  : QStringLiteral("en");
}

}  // namespace kyso::ui
