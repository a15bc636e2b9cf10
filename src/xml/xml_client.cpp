// signXml and inspectXml for the kyso_xml library: load kyso-xml.so on first use (xml_module.h).
#include "core/module_loader.h"
#include "src/xml/xml.h"
#include "src/xml/xml_module.h"

namespace kyso::xml {
namespace {

Result<const XmlApi*> api() {
  return modules::loadApi<XmlApi>("kyso-xml.so", "kyso_xml_api");
}

}  // namespace

Result<XmlSigned> signXml(const XmlSource& document, const XmlSignSpec& spec,
                          const SigningIdentity& identity, const XmlSink& out) {
  KYSO_ASSIGN_OR_RETURN(const XmlApi* a, api());
  return a->sign(document, spec, identity, out);
}

XmlInspection inspectXml(const XmlSource& document) {
  auto a = api();
  if (!a.ok()) {
    XmlInspection out;
    out.error = a.error();
    return out;
  }
  return (*a)->inspect(document);
}

const char* profileName(XmlProfile p) {
  switch (p) {
    case XmlProfile::Auto:
      return "auto";
    case XmlProfile::Bhyt:
      return "bhyt";
    case XmlProfile::EInvoice:
      return "einvoice";
    case XmlProfile::Generic:
      return "generic";
  }
  return "generic";
}

std::optional<XmlProfile> parseProfile(const std::string& name) {
  for (XmlProfile p :
       {XmlProfile::Auto, XmlProfile::Bhyt, XmlProfile::EInvoice, XmlProfile::Generic})
    if (name == profileName(p)) return p;
  return std::nullopt;
}

}  // namespace kyso::xml
