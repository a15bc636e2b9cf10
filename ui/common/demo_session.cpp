#include "ui/common/demo_session.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSettings>
#include <cstdlib>

#include "pkcs11/module.h"
#include "src/jobs/demo_files.h"
#include "ui/common/app_settings.h"

namespace kyso::ui {
namespace {

QString q(const std::filesystem::path& p) {
  return QString::fromStdString(p.string());
}

}  // namespace

std::optional<DemoSession> openDemo(const QString& dir, QString* error) {
  const jobs::DemoFiles d(dir.isEmpty() ? jobs::DemoFiles::defaultDir()
                                        : std::filesystem::path(dir.toStdString()));
  if (!QFileInfo::exists(q(d.conf)) || !QFileInfo::exists(q(d.signedPdf))) {
    if (error)
      *error = QCoreApplication::translate("kyso::ui::DemoSession",
                                           "There is no demo in %1: run \"kyso demo\" first.")
                   .arg(q(d.dir));
    return std::nullopt;
  }
  ::setenv("SOFTHSM2_CONF", d.conf.c_str(), 1);
  DemoSession s{q(d.guiSettings), q(d.letterPdf), q(d.signedPdf)};
  QSettings store(s.settingsFile, QSettings::IniFormat);
  if (!store.contains(QStringLiteral("pkcs11/modules"))) {
    AppSettings a = AppSettings::load(store);
    const auto softhsm = p11::resolveModule("softhsm");
    a.pkcs11Modules = {softhsm.ok() ? q(*softhsm) : QStringLiteral("softhsm")};
    a.extraAnchors = {q(d.trustAnchor())};
    a.crlFiles.clear();
    for (const auto& c : d.crls()) a.crlFiles << q(c);
    a.inventoryDatabase = q(d.db);
    a.handwritingImage = q(d.handwriting);
    a.sealImage = q(d.seal);
    a.save(store);
    // Saved even where it equals the machine's, so that the demo's file says what it uses.
    store.setValue(QStringLiteral("pkcs11/modules"), a.pkcs11Modules);
    store.sync();
  }
  return s;
}

}  // namespace kyso::ui
