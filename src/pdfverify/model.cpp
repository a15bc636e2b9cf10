#include "src/pdfverify/model.h"

namespace kyso::pdfverify {

const char* coverageCode(Coverage c) {
  switch (c) {
    case Coverage::WholeDocument:
      return "whole-document";
    case Coverage::Revision:
      return "revision";
    case Coverage::Partial:
      return "partial";
    case Coverage::Invalid:
      break;
  }
  return "invalid";
}

const char* modificationsCode(Modifications m) {
  switch (m) {
    case Modifications::Allowed:
      return "allowed";
    case Modifications::Disallowed:
      return "disallowed";
    case Modifications::None:
      break;
  }
  return "none";
}

const char* signatureKindCode(SignatureKind k) {
  switch (k) {
    case SignatureKind::Certification:
      return "certification";
    case SignatureKind::Timestamp:
      return "timestamp";
    case SignatureKind::XmlDsig:
      return "xml-dsig";
    case SignatureKind::Cms:
      return "cms";
    case SignatureKind::Approval:
      break;
  }
  return "approval";
}

const char* fileStatusCode(FileStatus s) {
  switch (s) {
    case FileStatus::Signed:
      return "signed";
    case FileStatus::Unsigned:
      return "unsigned";
    case FileStatus::Error:
      break;
  }
  return "error";
}

}  // namespace kyso::pdfverify
