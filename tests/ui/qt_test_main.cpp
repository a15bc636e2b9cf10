// main() for the Qt tests: a QApplication first (widgets need one), then GoogleTest. Linked
// instead of gtest_main's main (the static archive member is not pulled in when main exists).
#include <gtest/gtest.h>

#include <QApplication>

extern "C" const char* __lsan_default_suppressions();
// Fontconfig and the offscreen platform keep caches for the process lifetime on purpose.
extern "C" const char* __lsan_default_suppressions() {
  return "leak:libfontconfig\nleak:libQt6Gui\nleak:libQt6Core\n";
}

int main(int argc, char** argv) {
  qputenv("QT_QPA_PLATFORM", "offscreen");
  QApplication app(argc, argv);
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
