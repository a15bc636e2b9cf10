// Linked into every module (kyso_module in cmake/KysoTargets.cmake): the entry through which the
// loading program gives the module its logger (log.h, module_loader.cpp).
#include "core/log.h"
#include "core/module_loader.h"

extern "C" KYSO_MODULE_EXPORT void kyso_module_attach_log(kyso::log::HostWriter host) {
  kyso::log::forwardTo(host);
}
