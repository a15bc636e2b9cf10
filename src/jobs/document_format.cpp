#include "src/jobs/document_format.h"

#include <algorithm>
#include <cctype>

namespace kyso::jobs {

bool hasSuffix(std::string_view path, std::string_view suffix) {
  if (path.size() < suffix.size()) return false;
  return std::equal(suffix.rbegin(), suffix.rend(), path.rbegin(), [](char a, char b) {
    return std::tolower(static_cast<unsigned char>(a)) ==
           std::tolower(static_cast<unsigned char>(b));
  });
}

DocumentFormat formatOf(const std::filesystem::path& path) {
  const std::string s = path.string();
  if (hasSuffix(s, ".pdf")) return DocumentFormat::Pdf;
  if (hasSuffix(s, ".p7s") || hasSuffix(s, ".p7m")) return DocumentFormat::DetachedSignature;
  if (hasSuffix(s, ".xml")) return DocumentFormat::Xml;
  return DocumentFormat::Other;
}

SigningMethod signingMethodFor(const std::filesystem::path& input) {
  switch (formatOf(input)) {
    case DocumentFormat::Pdf:
      return SigningMethod::Pades;
    case DocumentFormat::Xml:
      return SigningMethod::XmlDsig;
    case DocumentFormat::DetachedSignature:
    case DocumentFormat::Other:
      break;
  }
  return SigningMethod::DetachedCms;
}

std::filesystem::path detachedSignaturePath(const std::filesystem::path& input) {
  return std::filesystem::path(input.string() + ".p7s");
}

}  // namespace kyso::jobs
