#include "ui/plugged_tokens.h"

#include <openssl/x509.h>

#include <QtConcurrent>

#include "pkcs11/device_worker.h"
#include "pkcs11/module.h"
#include "pkcs11/objects.h"
#include "pkcs11/token_info.h"
#include "ui/pool_thread_cleanup.h"

namespace kyso::ui {
namespace {

// Device thread only.
Result<std::vector<inventory::SeenToken>> readModule(const std::string& spec) {
  std::vector<inventory::SeenToken> out;
  KYSO_ASSIGN_OR_RETURN(auto m, p11::Module::load(spec));
  KYSO_ASSIGN_OR_RETURN(auto slotList, p11::listSlots(*m, true));
  for (const auto& slot : slotList) {
    // A blank (never initialised) token, like SoftHSM's spare slot, holds nothing to record.
    if (!slot.token || !slot.token->has(CKF_TOKEN_INITIALIZED)) continue;
    inventory::SeenToken s;
    s.serial = slot.token->serial;
    s.manufacturer = slot.token->manufacturer;
    s.model = slot.token->model;
    s.label = slot.token->label;
    s.module = m->path().filename().string();
    KYSO_ASSIGN_OR_RETURN(auto session, p11::Session::open(m, slot.id, false));
    KYSO_ASSIGN_OR_RETURN(auto certList, p11::listCertificates(session));
    for (const auto& c : certList) {
      unsigned char* der = nullptr;
      const int len = i2d_X509(c.cert.get(), &der);
      if (len <= 0) continue;
      ossl::Mem<unsigned char> guard(der);
      s.certificatesDer.emplace_back(reinterpret_cast<const char*>(der),
                                     static_cast<std::size_t>(len));
    }
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace

QFuture<Result<std::vector<inventory::SeenToken>>> readPluggedTokens(
    QStringList modules, std::shared_ptr<p11::DeviceWorker> worker) {
  return QtConcurrent::run([modules, worker]() -> Result<std::vector<inventory::SeenToken>> {
    const PoolThreadCleanup cleanup;
    if (modules.isEmpty()) return Error::kyso(Errc::ModuleNotFound, "inventory sync");
    std::vector<inventory::SeenToken> all;
    for (const QString& spec : modules) {
      KYSO_ASSIGN_OR_RETURN(auto seen,
                            worker->call([&] { return readModule(spec.toStdString()); }));
      for (auto& s : seen) all.push_back(std::move(s));
    }
    return all;
  });
}

}  // namespace kyso::ui
