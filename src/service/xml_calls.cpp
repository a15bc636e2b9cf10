// SignXML and VerifyXML: the XML document travels in the message itself (no download). SignXML
// reads the document before anyone is asked (what is not XML, or carries a DTD, is refused without
// a question), shows the person its root, layout and fingerprint, and signs through XmlSignJob
// with the layout the document calls for (claim file, e-invoice or any XML); the site gets the
// signed document, or the Signature element alone. VerifyXML is kyso's own XML verification with
// the front end's trust settings, answered in the shape integrators read.
#include "core/atomic_file.h"
#include "src/jobs/verify_job.h"
#include "src/jobs/xml_sign_job.h"
#include "src/service/request_files.h"
#include "src/service/signing_service.h"
#include "src/service/verify_replies.h"
#include "src/xml/xml.h"

namespace kyso::service {

namespace fs = std::filesystem;

Result<Json> SigningService::signXml(const Json& message, Approval& seen) {
  KYSO_ASSIGN_OR_RETURN(XmlSignRequest req,
                        parseXmlSignRequest(message, m_settings.maxXmlMessageBytes));
  seen.documentName = "document.xml";
  seen.documentSize = req.document.size();
  seen.documentSha256 = sha256Hex(req.document);
  seen.signatureOnly = req.signatureOnly;
  const xml::XmlInspection found = xml::inspectXml({{}, req.document});
  if (found.error) return *found.error;
  seen.xmlRoot = found.root;
  seen.xmlProfile = xml::profileName(found.profile);
  seen.xmlSignatures = found.signatures.size();
  KYSO_ASSIGN_OR_RETURN(PrivateDir dir, PrivateDir::make());
  const fs::path input = dir.path() / "document.xml";
  const fs::path output = dir.path() / (req.signatureOnly ? "signature.xml" : "signed.xml");
  KYSO_TRY(writeBytes(input, req.document));
  seen.documentFile = input;

  KYSO_ASSIGN_OR_RETURN(ApprovedKey approved, m_host.approve(seen));
  jobs::XmlSignSettings xs;
  xs.spec.profile = xml::XmlProfile::Auto;
  xs.spec.digest = req.digest;
  xs.signatureOnly = req.signatureOnly;
  LastResult last;
  jobs::XmlSignJob::run({{input, output, false}}, approved.key, xs, last);
  if (last.result.state != jobs::ItemResult::State::Done)
    return last.result.error ? *last.result.error
                             : Error::kyso(Errc::Cancelled, "sign", seen.documentName);
  KYSO_ASSIGN_OR_RETURN(std::string signedXml,
                        readSmallFile(output, 2 * m_settings.maxXmlMessageBytes));
  Json reply = Json::object();
  reply.set("Status", 0);
  reply.set("Message", "");
  reply.set("Signature", base64(signedXml));
  return reply;
}

Result<Json> SigningService::verifyXml(const Json& message, Approval& seen) {
  if (!m_verifier) return Error::kyso(Errc::ServiceCallUnsupported, "service", "VerifyXML");
  KYSO_ASSIGN_OR_RETURN(std::string doc,
                        parseXmlVerifyRequest(message, m_settings.maxXmlMessageBytes));
  seen.documentName = "document.xml";
  seen.documentSize = doc.size();
  seen.documentSha256 = sha256Hex(doc);
  KYSO_ASSIGN_OR_RETURN(PrivateDir dir, PrivateDir::make());
  const fs::path file = dir.path() / "document.xml";
  KYSO_TRY(writeBytes(file, doc));
  doc.clear();
  doc.shrink_to_fit();
  const jobs::XmlFileReport r = m_verifier->verifyXml(file);
  if (r.readError) return *r.readError;
  if (r.report.error) return *r.report.error;  // not XML, refused, or no signature
  return xmlVerifyReply(r.report, m_lang);
}

}  // namespace kyso::service
