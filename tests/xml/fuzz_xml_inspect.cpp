// libFuzzer target over the XML-DSig inspection (scripts/fuzz): any bytes, parsed as untrusted
// XML and every signature in them checked, must give a report, never a crash, a sanitizer
// report, a hang or a memory blow-up (entities, deep nesting, huge names). Built from the module's
// own sources (src/xml), so that the fuzzer instruments libxml2's callers and kyso's code alike.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "src/xml/xml_inspect.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  kyso::xml::XmlSource source;
  source.bytes = std::string_view(reinterpret_cast<const char*>(data), size);
  const kyso::xml::XmlInspection r = kyso::xml::inspectDocument(source);
  // A refused or unreadable document has no signatures; anything else has its findings.
  if (r.error && !r.signatures.empty()) __builtin_trap();
  return 0;
}
