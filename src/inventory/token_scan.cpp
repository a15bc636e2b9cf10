#include "src/inventory/token_scan.h"

#include <openssl/x509.h>

#include "core/openssl_ptr.h"
#include "pkcs11/module.h"
#include "pkcs11/objects.h"
#include "pkcs11/token_info.h"

namespace kyso::inventory {

Result<std::vector<SeenToken>> scanModuleTokens(const std::string& moduleSpec) {
  std::vector<SeenToken> out;
  KYSO_ASSIGN_OR_RETURN(auto m, p11::Module::load(moduleSpec));
  KYSO_ASSIGN_OR_RETURN(auto slots, p11::listSlots(*m, true));
  for (const auto& slot : slots) {
    // A blank (never initialised) token, like SoftHSM's spare slot, holds nothing to record.
    if (!slot.token || !slot.token->has(CKF_TOKEN_INITIALIZED)) continue;
    SeenToken s;
    s.serial = slot.token->serial;
    s.manufacturer = slot.token->manufacturer;
    s.model = slot.token->model;
    s.label = slot.token->label;
    s.module = m->path().filename().string();
    KYSO_ASSIGN_OR_RETURN(auto session, p11::Session::open(m, slot.id, false));
    KYSO_ASSIGN_OR_RETURN(auto certs, p11::listCertificates(session));
    for (const auto& c : certs) {
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

}  // namespace kyso::inventory
