// The entry of kyso-xml.so (see xml_module.h).
#include "src/xml/xml_module.h"

#include "core/module_loader.h"
#include "src/xml/xml_inspect.h"
#include "src/xml/xml_sign.h"

namespace kyso::xml {
namespace {

constexpr XmlApi kApi{XmlApi::kAbi, &signDocument, &inspectDocument};

}  // namespace
}  // namespace kyso::xml

extern "C" KYSO_MODULE_EXPORT const void* kyso_xml_api() {
  return &kyso::xml::kApi;
}
