// Screenshots for people who review the UI without running it: every tab, the settings dialog
// and the PIN dialog (final try), grabbed with QWidget::grab into DIR/<lang>-<NN>-<name>.png.
// Runs before the event loop starts (it only processes pending paint events); works on the
// offscreen platform and under Xvfb.
#pragma once

#include <QString>

namespace kyso::ui {

class MainWindow;

/// Saves the screenshots (through AtomicFile); false, with a message on stderr, on failure.
bool saveScreenshots(MainWindow& window, const QString& dir, const QString& lang);

}  // namespace kyso::ui
