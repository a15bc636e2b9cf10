// The one place that decides what kind of document a path names and so which signer and which
// verifier handle it. Every front end (CLI, GUI, signing service) asks here instead of testing
// extensions itself.
//
//   switch (formatOf(path)) { case DocumentFormat::Pdf: ...; case DocumentFormat::Other: ... }
//   detachedSignaturePath("report.docx")   // "report.docx.p7s"
#pragma once

#include <filesystem>
#include <string_view>

namespace kyso::jobs {

enum class DocumentFormat {
  Pdf,                // .pdf: PAdES, signed and verified inside the file
  DetachedSignature,  // .p7s / .p7m: a CMS signature over another file (or enveloping it)
  Xml,                // .xml: an enveloped XML-DSig signature inside (claim files, e-invoices)
  Other,              // anything else: signed with a detached CMS signature beside it
};

/// The format of `path` by its name (ASCII letters compared without case). The content is not
/// read: the signers and verifiers check it and say when a ".pdf" is no PDF.
DocumentFormat formatOf(const std::filesystem::path& path);

/// True when `path` ends with `suffix` (".pdf", ".p7s"), ASCII letters compared without case.
bool hasSuffix(std::string_view path, std::string_view suffix);

/// How a signature for `input` is made: inside a PDF, inside an XML document, or as a detached
/// CMS file beside it (every other format).
enum class SigningMethod { Pades, XmlDsig, DetachedCms };
SigningMethod signingMethodFor(const std::filesystem::path& input);

/// The detached signature kyso writes for `input`: `input` + ".p7s".
std::filesystem::path detachedSignaturePath(const std::filesystem::path& input);

}  // namespace kyso::jobs
