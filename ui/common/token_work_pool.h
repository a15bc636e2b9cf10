// The threads on which the app's work that waits for a token runs (listing its certificates,
// signing a batch, managing it, reading what is plugged in). Not Qt's global pool: that one also
// draws widgets (the raster engine splits some painting over it), and a task that waits for the
// token, while the token waits for the PIN dialog the UI thread has to paint, would leave the
// painting no thread. On a two-core machine two such tasks froze the app (ui_token_test under load:
// a certificate listing and a key generation waiting for the PIN, the UI thread in drawLines).
#pragma once

#include <QCoreApplication>
#include <QPointer>
#include <QThreadPool>

namespace kyso::ui {

/// The pool for tasks that may wait for a token. A child of the application object, whose end
/// waits for its tasks as it waits for Qt's own pool's.
inline QThreadPool* tokenWorkPool() {
  static QPointer<QThreadPool> pool;
  if (!pool) {
    pool = new QThreadPool(QCoreApplication::instance());
    pool->setMaxThreadCount(8);  // they mostly wait; the token itself runs one call at a time
  }
  return pool;
}

}  // namespace kyso::ui
