#include "ui/common/log_panel.h"

#include <QMetaObject>
#include <QTime>

#include "core/log.h"

namespace kyso::ui {

LogPanel::LogPanel(QWidget* parent) : QPlainTextEdit(parent) {
  setObjectName(QStringLiteral("LogPanel"));
  setReadOnly(true);
  setMaximumBlockCount(5000);
  // The sink runs on whatever thread logs (the device worker, a pool thread). kyso::log calls it
  // under its mutex and ~LogPanel() removes it under the same mutex, so `this` is alive for the
  // whole call; the queued call itself is dropped by Qt if the panel is deleted before it runs.
  kyso::log::setSink([this](kyso::log::Level l, std::string_view msg) {
    const QString text = QString::fromUtf8(msg.data(), static_cast<qsizetype>(msg.size()));
    QMetaObject::invokeMethod(
        this, [this, l, text] { appendLine(static_cast<int>(l), text); }, Qt::QueuedConnection);
  });
}

LogPanel::~LogPanel() {
  kyso::log::setSink(nullptr);
}

void LogPanel::appendLine(int level, const QString& text) {
  static const char* const kNames[] = {"debug", "info", "warning", "error"};
  const char* name = (level >= 0 && level < 4) ? kNames[level] : "?";
  appendPlainText(QStringLiteral("%1 %2: %3")
                      .arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss")),
                           QLatin1String(name), text));
}

}  // namespace kyso::ui
