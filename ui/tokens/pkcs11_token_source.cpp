#include "ui/tokens/pkcs11_token_source.h"

#include <QCoreApplication>
#include <QPointer>
#include <set>

#include "certs/cert_info.h"
#include "core/log.h"
#include "pkcs11/device_worker.h"
#include "pkcs11/module.h"
#include "pkcs11/objects.h"
#include "pkcs11/pcsc_monitor.h"
#include "pkcs11/token_info.h"
#include "ui/common/log_panel.h"
#include "ui/common/ui_text.h"

namespace kyso::ui {

struct Pkcs11TokenSource::WorkerState {
  std::map<std::string, std::shared_ptr<p11::Module>> modules;  // loaded once, by spec
  std::set<QString> readers;                                    // after the last rescan
  std::set<QString> withToken;
  bool stopping = false;
};

namespace {

TokenSnapshot snapshotOf(const QString& reader, const p11::TokenView& t) {
  TokenSnapshot s;
  s.reader = reader;
  s.present = true;
  s.label = QString::fromStdString(t.label);
  s.manufacturer = QString::fromStdString(t.manufacturer);
  s.model = QString::fromStdString(t.model);
  s.serial = QString::fromStdString(t.serial);
  s.pinPad = t.has(CKF_PROTECTED_AUTHENTICATION_PATH);
  if (t.has(CKF_USER_PIN_LOCKED))
    s.pin = TokenSnapshot::Pin::Locked;
  else if (t.has(CKF_USER_PIN_FINAL_TRY))
    s.pin = TokenSnapshot::Pin::FinalTry;
  else if (t.has(CKF_USER_PIN_COUNT_LOW))
    s.pin = TokenSnapshot::Pin::CountLow;
  else if (t.has(CKF_USER_PIN_TO_BE_CHANGED))
    s.pin = TokenSnapshot::Pin::MustChange;
  else
    s.pin = TokenSnapshot::Pin::Ok;
  if (s.pin == TokenSnapshot::Pin::FinalTry) s.triesLeft = 1;
  return s;
}

// The certificate objects of the token, read in a session without logging in (certificates are
// public objects): who holds each, who issued it, until when. A token that refuses leaves the
// count unknown (-1), as before the read.
void readCertificates(const std::shared_ptr<p11::Module>& module, CK_SLOT_ID slot,
                      TokenSnapshot& snap) {
  auto session = p11::Session::open(module, slot, false);
  if (!session.ok()) return;
  auto list = p11::listCertificates(*session);
  if (!list.ok()) {
    kyso::log::info("token list: " + list.error().technical());  // the count stays unknown
    return;
  }
  snap.certificates = 0;
  for (const p11::CertView& c : *list) {
    if (!c.cert) continue;
    TokenCertificate tc;
    tc.holder = QString::fromStdString(certs::commonName(X509_get_subject_name(c.cert.get())));
    tc.unit = QString::fromStdString(
        certs::nameEntry(X509_get_subject_name(c.cert.get()), NID_organizationName));
    tc.issuer = QString::fromStdString(certs::commonName(X509_get_issuer_name(c.cert.get())));
    tc.id = QString::fromStdString(p11::hexId(c.id));
    tc.ca = X509_check_ca(c.cert.get()) != 0;
    if (auto t = certs::toTimePoint(X509_get0_notAfter(c.cert.get())); t.ok())
      tc.notAfter = QDateTime::fromSecsSinceEpoch(
          std::chrono::duration_cast<std::chrono::seconds>(t->time_since_epoch()).count());
    if (!tc.ca) {
      ++snap.certificates;
      if (tc.notAfter.isValid() &&
          (!snap.firstCertExpiry.isValid() || tc.notAfter < snap.firstCertExpiry))
        snap.firstCertExpiry = tc.notAfter;
    }
    snap.certs << tc;
  }
}

}  // namespace

Pkcs11TokenSource::Pkcs11TokenSource(QStringList modules, std::shared_ptr<p11::DeviceWorker> worker,
                                     bool watchPcsc, QObject* parent)
    : TokenEventSource(parent),
      m_modules(std::move(modules)),
      m_worker(std::move(worker)),
      m_state(std::make_shared<WorkerState>()) {
  if (watchPcsc) {
    // Monitor thread -> queued to this object on the UI thread -> rescan posted to the worker.
    m_monitor = std::make_unique<p11::PcscMonitor>([this](const p11::ReaderEvent& e) {
      const bool down = e.kind == p11::ReaderEvent::Kind::ServiceDown;
      const Error err =
          Error::raw(Domain::Pcsc, e.code, "SCardEstablishContext", {}, Errc::PcscNoService);
      QMetaObject::invokeMethod(
          this,
          [this, down, err] {
            if (down) emit sourceFailed(errorText(err));
            refresh();
          },
          Qt::QueuedConnection);
    });
    m_monitor->start();
  }
}

Pkcs11TokenSource::~Pkcs11TokenSource() {
  if (m_monitor) m_monitor->stop();  // joins: no callback runs after this
  // Work already queued on the device worker must not emit on a deleted object: it checks
  // `stopping` on the worker thread, set here through the worker itself (ordered after it).
  auto state = m_state;
  m_worker->call([state] { state->stopping = true; });
}

void Pkcs11TokenSource::refresh() {
  auto state = m_state;
  m_worker->post([this, state] {
    if (!state->stopping) rescanOnWorker();
  });
}

void Pkcs11TokenSource::rescanOnWorker() {
  std::set<QString> readers, withToken;
  for (const QString& spec : m_modules) {
    const std::string key = spec.toStdString();
    auto it = m_state->modules.find(key);
    if (it == m_state->modules.end()) {
      auto loaded = p11::Module::load(key);
      if (!loaded.ok()) {
        LogPanel::say(int(kyso::log::Level::Warn),
                      QCoreApplication::translate("Pkcs11TokenSource",
                                                  "The token driver %1 cannot be loaded: %2")
                          .arg(spec, errorText(loaded.error())),
                      "token list: " + loaded.error().technical());
        emit sourceFailed(errorText(loaded.error()));
        continue;
      }
      it = m_state->modules.emplace(key, *loaded).first;
    }
    auto slotList = p11::listSlots(*it->second, false);
    if (!slotList.ok()) {
      LogPanel::say(int(kyso::log::Level::Warn),
                    QCoreApplication::translate("Pkcs11TokenSource",
                                                "The token driver %1 does not list its readers: %2")
                        .arg(spec, errorText(slotList.error())),
                    "token list: " + slotList.error().technical());
      emit sourceFailed(errorText(slotList.error()));
      continue;
    }
    for (const p11::SlotView& s : *slotList) {
      QString reader = QString::fromStdString(s.description).trimmed();
      if (reader.isEmpty()) reader = QStringLiteral("slot %1").arg(s.id);
      if (readers.count(reader)) reader += QStringLiteral(" (%1)").arg(s.id);
      readers.insert(reader);
      if (!m_state->readers.count(reader)) emit readerAdded(reader);
      if (s.token) {
        withToken.insert(reader);
        TokenSnapshot snap = snapshotOf(reader, *s.token);
        snap.module = spec;
        snap.slotId = s.id;
        snap.initialized = s.token->has(CKF_TOKEN_INITIALIZED);
        if (snap.initialized) readCertificates(it->second, s.id, snap);
        emit tokenChanged(snap);
      } else if (m_state->withToken.count(reader)) {
        emit tokenRemoved(reader);
      }
    }
  }
  for (const QString& r : m_state->readers) {
    if (!readers.count(r)) emit readerRemoved(r);
  }
  m_state->readers = std::move(readers);
  m_state->withToken = std::move(withToken);
}

}  // namespace kyso::ui
