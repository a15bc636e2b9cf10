#include "ui/screenshots.h"

#include <QApplication>
#include <QBuffer>
#include <QDir>
#include <QElapsedTimer>
#include <QMessageBox>
#include <QTabWidget>
#include <cstdio>

#include "core/atomic_file.h"
#include "ui/common/settings_dialog.h"
#include "ui/common/ui_text.h"
#include "ui/main_window.h"
#include "ui/sign/sign_tab.h"
#include "ui/tokens/pin_dialog.h"
#include "ui/verify/verify_tab.h"

namespace kyso::ui {
namespace {

bool save(QWidget* w, const QString& dir, const QString& name) {
  QCoreApplication::processEvents();
  const QPixmap pix = w->grab();
  QByteArray png;
  QBuffer buf(&png);
  buf.open(QIODevice::WriteOnly);
  if (pix.isNull() || !pix.save(&buf, "PNG")) {
    std::fprintf(stderr, "kyso-gui: could not render %s\n", qPrintable(name));
    return false;
  }
  const std::string path = QDir(dir).filePath(name + QStringLiteral(".png")).toStdString();
  auto file = AtomicFile::create(path, AtomicFile::Overwrite::Allow);
  Status st = file.ok() ? file->write(std::string_view(png.constData(), size_t(png.size())))
                        : Status(file.error());
  if (st.ok()) st = file->commit();
  if (!st.ok()) {
    std::fprintf(stderr, "kyso-gui: %s: %s\n", path.c_str(),
                 errorText(st.error()).toUtf8().constData());
    return false;
  }
  std::printf("%s\n", path.c_str());
  return true;
}

}  // namespace

bool saveScreenshots(MainWindow& window, const QString& dir, const QString& lang) {
  if (!QDir().mkpath(dir)) {
    std::fprintf(stderr, "kyso-gui: cannot create %s\n", qPrintable(dir));
    return false;
  }
  window.show();
  // Let the background work started at launch (verification, the register, the token list, the
  // certificates and the inventory's image they lead to) finish so that the pictures show
  // results. This runs before the event loop starts.
  // The certificates are listed only once the token list is in: wait at least 1.5 s, and until
  // nothing has been busy for half a second (30 s at most).
  QElapsedTimer clock;
  clock.start();
  QElapsedTimer quiet;
  quiet.start();
  auto busy = [&window] { return window.verifyTab()->busy() || window.signTab()->loading(); };
  while (clock.elapsed() < 30000 && (clock.elapsed() < 1500 || quiet.elapsed() < 500)) {
    if (busy()) quiet.restart();
    QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
  }
  bool ok = true;
  static const char* const kNames[] = {"tokens", "sign", "verify", "inventory"};
  for (int i = 0; i < window.tabs()->count() && i < 4; ++i) {
    window.tabs()->setCurrentIndex(i);
    ok &= save(&window, dir, QStringLiteral("%1-%2-%3").arg(lang).arg(i + 1).arg(kNames[i]));
  }
  {
    SettingsDialog settings(AppSettings{}, &window);
    settings.show();
    ok &= save(&settings, dir, QStringLiteral("%1-5-settings").arg(lang));
  }
  {
    PinRequest req;
    req.token = QStringLiteral("Nguyễn Văn A (serial 0123456789)");
    req.triesLeft = 1;
    req.finalTry = true;
    PinDialog pin(req, &window);
    pin.show();
    ok &= save(&pin, dir, QStringLiteral("%1-6-pin-final-try").arg(lang));
  }
  {
    std::unique_ptr<QMessageBox> about = window.makeAboutBox();
    about->show();
    ok &= save(about.get(), dir, QStringLiteral("%1-7-about").arg(lang));
  }
  return ok;
}

}  // namespace kyso::ui
