// What the XML inspection found, for people: a stable code ("reference-inside-signature") and a
// sentence in English or Vietnamese with the finding's argument filled in. One table
// (xml_findings.cpp) in the enum's order.
#pragma once

#include <string>

#include "core/messages.h"
#include "src/xml/xml_types.h"

namespace kyso::xml {

const char* findingCode(XmlFinding f);
std::string findingSentence(const XmlFindingAt& f, Lang lang);

}  // namespace kyso::xml
