#include "ui/common/log_panel.h"

#include <QMetaObject>
#include <mutex>

#include "core/log.h"

namespace kyso::ui {
namespace {

constexpr qsizetype kMaxLines = 5000;

// The panel that LogPanel::say reaches (one per app), guarded for calls from any thread.
std::mutex g_panelMutex;
LogPanel* g_panel = nullptr;

}  // namespace

LogPanel::LogPanel(QWidget* parent) : QPlainTextEdit(parent) {
  setObjectName(QStringLiteral("LogPanel"));
  setReadOnly(true);
  setMaximumBlockCount(int(kMaxLines));
  // The sink runs on whatever thread logs (the device worker, a pool thread). kyso::log calls it
  // under its mutex and ~LogPanel() removes it under the same mutex, so `this` is alive for the
  // whole call; the queued call itself is dropped by Qt if the panel is deleted before it runs.
  kyso::log::setSink([this](kyso::log::Level l, std::string_view msg) {
    const QString text = QString::fromUtf8(msg.data(), static_cast<qsizetype>(msg.size()));
    QMetaObject::invokeMethod(
        this, [this, l, text] { appendLine(static_cast<int>(l), text); }, Qt::QueuedConnection);
  });
  std::lock_guard lock(g_panelMutex);
  g_panel = this;
}

LogPanel::~LogPanel() {
  {
    std::lock_guard lock(g_panelMutex);
    if (g_panel == this) g_panel = nullptr;
  }
  kyso::log::setSink(nullptr);
}

void LogPanel::say(int level, const QString& sentence, const std::string& technical) {
  kyso::log::write(static_cast<kyso::log::Level>(level),
                   technical.empty() ? sentence.toStdString() : technical);
  std::lock_guard lock(g_panelMutex);
  if (!g_panel) return;
  LogPanel* panel = g_panel;
  QMetaObject::invokeMethod(
      panel, [panel, level, sentence] { panel->appendLine(level, sentence, true); },
      Qt::QueuedConnection);
}

QString LogPanel::render(const Line& l) const {
  static const char* const kNames[] = {"debug", "info", "warning", "error"};
  const QString time = l.at.toString(QStringLiteral("HH:mm:ss"));
  if (l.forPeople) return QStringLiteral("%1  %2").arg(time, l.text);
  const char* name = (l.level >= 0 && l.level < 4) ? kNames[l.level] : "?";
  return QStringLiteral("%1  [%2] %3").arg(time, QLatin1String(name), l.text);
}

void LogPanel::appendLine(int level, const QString& text, bool forPeople) {
  m_lines.append({QTime::currentTime(), level, text, forPeople});
  if (m_lines.size() > kMaxLines) m_lines.removeFirst();
  if (forPeople || m_details) appendPlainText(render(m_lines.last()));
}

void LogPanel::setShowDetails(bool show) {
  m_details = show;
  clear();
  for (const Line& l : m_lines)
    if (l.forPeople || m_details) appendPlainText(render(l));
}

}  // namespace kyso::ui
