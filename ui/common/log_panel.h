// LogPanel: shows kyso::log messages (from any thread) in the window. It installs itself as the
// log sink while it lives and restores stderr when destroyed. Messages never contain PINs: the
// libraries do not log them (see core/log.h).
#pragma once

#include <QPlainTextEdit>

namespace kyso::ui {

class LogPanel : public QPlainTextEdit {
  Q_OBJECT
 public:
  explicit LogPanel(QWidget* parent = nullptr);
  ~LogPanel() override;
  /// Appends one line with a time stamp; UI thread only (the sink queues to it).
  void appendLine(int level, const QString& text);
};

}  // namespace kyso::ui
