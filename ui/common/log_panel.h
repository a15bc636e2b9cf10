// LogPanel: the app's log in the window (View > Log). It shows sentences for people (what the app
// did or could not do, in the app's language, sent with LogPanel::say from any thread); the
// libraries' technical lines (kyso::log, from any thread: "AIA fetch failed: HTTP GET: code -6")
// are kept too and shown only with "technical details" on, for whoever looks into a problem. It
// installs itself as kyso::log's sink while it lives and restores stderr when destroyed. Messages
// never contain PINs: the libraries do not log them (see core/log.h).
#pragma once

#include <QDateTime>
#include <QList>
#include <QPlainTextEdit>

namespace kyso::ui {

class LogPanel : public QPlainTextEdit {
  Q_OBJECT
 public:
  explicit LogPanel(QWidget* parent = nullptr);
  ~LogPanel() override;
  /// A sentence for people, from any thread; also written to kyso::log as `technical` (or the
  /// sentence) so that the technical view and stderr keep it.
  static void say(int level, const QString& sentence, const std::string& technical = {});
  /// Appends one line with a time stamp; UI thread only (the sinks queue to it).
  void appendLine(int level, const QString& text, bool forPeople = false);
  /// Shows the technical lines too (the View menu's "Technical details").
  void setShowDetails(bool show);
  bool showsDetails() const { return m_details; }

 private:
  struct Line {
    QTime at;
    int level;
    QString text;
    bool forPeople;
  };
  QString render(const Line& l) const;
  QList<Line> m_lines;
  bool m_details = false;
};

}  // namespace kyso::ui
