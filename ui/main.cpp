// kyso-gui: the desktop app. Options (for scripts and CI; users just start it):
//   --lang vi|en          language for this run (else the saved setting, else the system's)
//   --screenshots DIR     grab every tab and dialog into DIR/<lang>-<name>.png and exit
//   --verify FILE         a file or folder to verify at start (repeatable)
//   --demo, --demo-dir D  the app on what `kyso demo` made (ui/common/demo_session.h)
//   FILE...               files opened with kyso: signed PDFs and .p7s/.p7m files verified,
//                         PDFs and other files put on the Sign tab (MainWindow::openFiles)
#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QSettings>
#include <cstdio>
#include <memory>

#include "core/log.h"
#include "kyso_version.h"  // generated: KYSO_VERSION, KYSO_COMMIT
#include "ui/common/app_settings.h"
#include "ui/common/demo_session.h"
#include "ui/common/language.h"
#include "ui/main_window.h"
#include "ui/screenshots.h"
#include "ui/sign/sign_tab.h"
#include "ui/verify/verify_tab.h"

int main(int argc, char** argv) {
  QApplication app(argc, argv);
  QApplication::setOrganizationName(QStringLiteral("kyso"));
  QApplication::setApplicationName(QStringLiteral("kyso-gui"));
  QApplication::setApplicationVersion(QStringLiteral(KYSO_VERSION " (commit " KYSO_COMMIT ")"));
  // The theme's icon when the package installed it, else the one built in.
  QApplication::setWindowIcon(
      QIcon::fromTheme(QStringLiteral("kyso"), QIcon(QStringLiteral(":/icons/kyso-256.png"))));
  QApplication::setDesktopFileName(QStringLiteral("kyso-gui"));

  QCommandLineParser parser;
  parser.addHelpOption();
  parser.addVersionOption();
  QCommandLineOption langOpt(QStringLiteral("lang"), QStringLiteral("Language: vi or en."),
                             QStringLiteral("code"));
  QCommandLineOption shotsOpt(QStringLiteral("screenshots"),
                              QStringLiteral("Save screenshots of every tab into DIR and exit."),
                              QStringLiteral("DIR"));
  QCommandLineOption verifyOpt(QStringLiteral("verify"),
                               QStringLiteral("A file or folder to verify at start."),
                               QStringLiteral("FILE"));
  QCommandLineOption serviceOpt(
      QStringLiteral("service"),
      QStringLiteral("Run the local signing service for web document systems (wss://127.0.0.1)."));
  QCommandLineOption portOpt(QStringLiteral("service-port"),
                             QStringLiteral("The signing service's port (default 8987)."),
                             QStringLiteral("port"), QStringLiteral("8987"));
  QCommandLineOption originOpt(
      QStringLiteral("allow-origin"),
      QStringLiteral("A document system's origin served without a question."),
      QStringLiteral("origin"));
  QCommandLineOption inTrayOpt(
      QStringLiteral("in-tray"),
      QStringLiteral("With --service: start in the tray, the window opened from its icon (for the "
                     "session's autostart)."));
  QCommandLineOption demoOpt(
      QStringLiteral("demo"),
      QStringLiteral("Open what 'kyso demo' made: its token, its trusted test root, its inventory "
                     "and its signed letter (the demo's own settings; yours are not changed)."));
  QCommandLineOption demoDirOpt(QStringLiteral("demo-dir"),
                                QStringLiteral("Like --demo, for 'kyso demo --dir DIR'."),
                                QStringLiteral("DIR"));
  parser.addOption(demoOpt);
  parser.addOption(demoDirOpt);
  parser.addOption(serviceOpt);
  parser.addOption(inTrayOpt);
  parser.addOption(portOpt);
  parser.addOption(originOpt);
  parser.addOption(verifyOpt);
  parser.addOption(langOpt);
  parser.addOption(shotsOpt);
  parser.addPositionalArgument(
      QStringLiteral("files"),
      QStringLiteral("Files to open: signed PDFs and .p7s files are verified, the others are put "
                     "on the Sign tab."));
  parser.process(app);

  if (!qEnvironmentVariableIsSet("KYSO_LOG")) kyso::log::setLevel(kyso::log::Level::Info);

  std::optional<kyso::ui::DemoSession> demo;
  if (parser.isSet(demoOpt) || parser.isSet(demoDirOpt)) {
    QString failure;
    demo = kyso::ui::openDemo(parser.value(demoDirOpt), &failure);
    if (!demo) {
      std::fprintf(stderr, "kyso-gui: %s\n", failure.toLocal8Bit().constData());
      return 1;
    }
  }
  auto storeOwner = demo ? std::make_unique<QSettings>(demo->settingsFile, QSettings::IniFormat)
                         : std::make_unique<QSettings>();
  QSettings& store = *storeOwner;
  kyso::ui::AppSettings settings = kyso::ui::AppSettings::load(store);
  const QString lang = parser.isSet(langOpt) ? parser.value(langOpt) : settings.effectiveLanguage();
  kyso::ui::Language language;
  if (!language.apply(lang)) language.apply(QStringLiteral("en"));

  kyso::ui::MainWindow window(&store, &language);
  window.openFiles(parser.positionalArguments());
  window.verifyTab()->addPaths(parser.values(verifyOpt));
  if (demo) {
    window.openFiles({demo->letter});
    window.verifyTab()->addPaths({demo->signedLetter});
  }
  if (parser.isSet(shotsOpt)) {
    return kyso::ui::saveScreenshots(window, parser.value(shotsOpt), language.current()) ? 0 : 1;
  }
  bool serving = false;
  if (parser.isSet(serviceOpt)) {
    const QString failure =
        window.startSigningService(parser.value(portOpt).toInt(), parser.values(originOpt));
    serving = failure.isEmpty();
    if (!serving) std::fprintf(stderr, "kyso-gui: %s\n", failure.toLocal8Bit().constData());
  }
  // In the tray, the window is opened from the icon; without a tray it starts minimised.
  if (!(serving && parser.isSet(inTrayOpt) && window.serviceInTray())) {
    if (serving && parser.isSet(inTrayOpt))
      window.showMinimized();
    else
      window.show();
  }
  return QApplication::exec();
}
