// whenDone: runs `onDone(result)` on `context`'s thread when `future` finishes (a QFutureWatcher
// owned by `context`, deleted after), so that work done off the UI thread reports back on it.
#pragma once

#include <QFuture>
#include <QFutureWatcher>
#include <QObject>
#include <utility>

namespace kyso::ui {

template <class T, class F>
void whenDone(QObject* context, QFuture<T> future, F&& onDone) {
  auto* w = new QFutureWatcher<T>(context);
  QObject::connect(w, &QFutureWatcherBase::finished, context,
                   [w, f = std::forward<F>(onDone)]() mutable {
                     w->deleteLater();
                     f(w->future().result());
                   });
  w->setFuture(std::move(future));
}

}  // namespace kyso::ui
