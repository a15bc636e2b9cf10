// PinScript: answers PinDialogs as they open, like a person would: types the next scripted PIN
// into the visible entry and presses OK, or cancels when the script says so (an empty entry) or
// has run out. Counts the dialogs it answered.
#pragma once

#include <QApplication>
#include <QLineEdit>
#include <QTimer>
#include <deque>

#include "ui/tokens/pin_dialog.h"

namespace kyso::ui {

class PinScript : public QObject {
 public:
  std::deque<QString> answers;
  QStringList titles;
  PinScript() {
    connect(&m_timer, &QTimer::timeout, this, [this] { step(); });
    m_timer.start(20);
  }

 private:
  void step() {
    for (QWidget* w : QApplication::topLevelWidgets()) {
      auto* d = qobject_cast<PinDialog*>(w);
      if (!d || !d->isVisible() || d->property("answered").toBool()) continue;
      d->setProperty("answered", true);
      titles << d->windowTitle();
      if (answers.empty() || answers.front().isEmpty()) {
        if (!answers.empty()) answers.pop_front();
        d->reject();
        continue;
      }
      const QString pin = answers.front();
      answers.pop_front();
      for (auto* e : d->findChildren<QLineEdit*>())
        if (e->isVisible()) e->setText(pin);
      d->accept();
    }
  }
  QTimer m_timer;
};

}  // namespace kyso::ui
