// Pkcs11TokenSource: the app's TokenEventSource, on the token layer. Every read of tokens runs on
// the one DeviceWorker (which owns all Cryptoki state); PC/SC hot-plug events from PcscMonitor
// trigger a rescan there. Each rescan compares the slots with the previous one and emits reader
// and token events (from the worker thread; receivers get them queued).
#pragma once

#include <QStringList>
#include <map>
#include <memory>

#include "ui/tokens/token_list_model.h"

namespace kyso::p11 {
class DeviceWorker;
class Module;
class PcscMonitor;
}  // namespace kyso::p11

namespace kyso::ui {

class Pkcs11TokenSource : public TokenEventSource {
  Q_OBJECT
 public:
  /// `modules`: PKCS#11 modules (paths or known names) to read; `worker` is the app's device
  /// thread (shared). `watchPcsc`: start the PC/SC monitor (off in tests without pcscd).
  Pkcs11TokenSource(QStringList modules, std::shared_ptr<p11::DeviceWorker> worker, bool watchPcsc,
                    QObject* parent = nullptr);
  ~Pkcs11TokenSource() override;

  /// Queues a full rescan on the device worker. Non-blocking.
  void refresh() override;

 private:
  void rescanOnWorker();  // device worker thread only
  struct WorkerState;
  QStringList m_modules;
  std::shared_ptr<p11::DeviceWorker> m_worker;
  std::shared_ptr<WorkerState> m_state;  // touched only on the worker thread
  std::unique_ptr<p11::PcscMonitor> m_monitor;
};

}  // namespace kyso::ui
