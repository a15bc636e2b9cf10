// Test-only PDF construction: a signed base document written byte by byte (so the tests know
// every offset), real CMS signatures made with the openssl CLI over the ByteRange bytes, and
// incremental updates appended by hand, as an attacker would. Keys and certificates are made
// with openssl in a temporary folder per test.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace kyso::test {

/// One indirect object: its number and the text between `N 0 obj` and `endobj`.
struct PdfObject {
  int num;
  std::string body;
};

/// Options for the base document.
struct BaseOptions {
  BaseOptions() = default;
  BaseOptions(int p, std::string sf) : docmdp(p), subfilter(std::move(sf)) {}
  int docmdp = 0;  // 0: approval signature; 1..3: certification with this P
  std::string subfilter = "adbe.pkcs7.detached";
  std::size_t padding = 0;     // bytes of incompressible image data on the page (big files)
  bool referenceData = false;  // the DocMDP reference has /Data 1 0 R (iText, VGCASignService)
  std::map<int, std::string> replace;  // other bodies for the base objects 1..12
  std::vector<PdfObject> extra;        // more objects (numbers from 13; gaps are free entries)
  bool leaveUnsigned = false;          // keep the placeholder: a prepared field never signed
};

/// The signed base document and what tests need to know about it.
struct SignedPdf {
  std::string bytes;
  std::uint64_t hiddenPageOffset = 0;  // offset of an unused second "3 0 obj" (evil page)
  int size = 0;                        // /Size of the trailer
};

/// Makes a self-signed RSA key + certificate in `dir` (signer.key, signer.pem). False on failure.
bool makeSigner(const std::filesystem::path& dir, std::string* err);

/// Writes a complete one-page PDF with a signature field, a text field (value "Alice") with its
/// appearance, a form XObject overlay, an unused content stream (object 9) and a hidden second
/// version of page 3 — then signs it with openssl (dir/signer.*). Empty bytes on failure.
SignedPdf makeSignedPdf(const std::filesystem::path& dir, const BaseOptions& opt, std::string* err);

/// Appends an incremental update with `objects` (new versions or new objects) and a trailer
/// (/Root 1 0 R, /Prev, /Size = max(size, highest+1)). `xrefOverride` adds xref entries that
/// point an object number at an offset without writing an object (the "second xref" attack).
/// `root` is the catalog reference for the new trailer.
std::string appendUpdate(const std::string& base, const std::vector<PdfObject>& objects, int size,
                         const std::map<int, std::uint64_t>& xrefOverride = {},
                         const std::string& root = "1 0 R", const std::string& trailerExtra = "",
                         const std::vector<std::pair<int, std::uint64_t>>& leadingEntries = {});

/// The same update written with a cross-reference stream (object `xrefObj`), as iText, Adobe
/// and qpdf write them.
std::string appendXrefStreamUpdate(const std::string& base, const std::vector<PdfObject>& objects,
                                   int size, int xrefObj, const std::string& trailerExtra = "");

/// A signature dictionary with a ByteRange placeholder, for appendSignedUpdate.
std::string placeholderSigDict(const std::string& subfilter = "adbe.pkcs7.detached",
                               const std::string& extra = "");

/// Appends an update with `objects` (one of them a placeholderSigDict()) and signs it with
/// openssl over the whole file (dir/signer.*). Empty on failure.
std::string appendSignedUpdate(const std::filesystem::path& dir, const std::string& base,
                               const std::vector<PdfObject>& objects, int size, std::string* err);

/// Appends an update that adds a second signature (field Signature2, new widget on page 1) and
/// signs the whole file with openssl. Empty on failure.
std::string appendSignature(const std::filesystem::path& dir, const std::string& base, int size,
                            std::string* err);

/// `<< dict /Length n >> stream ... endstream` (the body of a stream object).
std::string streamObject(const std::string& dict, const std::string& data);

/// The body of the last version of object `num` written in `bytes` (between `N 0 obj` and
/// `endobj`), or "".
std::string objectBody(const std::string& bytes, int num);

/// Writes `data` to `path` (test helper).
void writeBytes(const std::filesystem::path& path, const std::string& data);

}  // namespace kyso::test
