#include "src/service/signing_service.h"

#include <openssl/evp.h>
#include <openssl/rsa.h>

#include <atomic>
#include <cerrno>
#include <cstdlib>

#include "certs/cert_info.h"
#include "core/atomic_file.h"
#include "core/log.h"
#include "core/messages.h"
#include "src/appearance/compose.h"
#include "src/jobs/detached_sign_job.h"
#include "src/jobs/pdf_sign_job.h"
#include "src/jobs/sign_job.h"
#include "src/jobs/verify_job.h"
#include "src/service/audit_log.h"
#include "src/service/request_files.h"
#include "src/service/sign_settings.h"

namespace kyso::service {

namespace fs = std::filesystem;

namespace {

Lang langOf(std::string_view lang) {
  return lang.substr(0, 2) == "en" ? Lang::En : Lang::Vi;
}

Error unsupported(Call call) {
  return Error::kyso(Errc::ServiceCallUnsupported, "service", std::string(callName(call)));
}

SignerNames namesOf(X509* cert) {
  X509_NAME* subject = X509_get_subject_name(cert);
  return {certs::commonName(subject), certs::nameEntry(subject, NID_title),
          certs::nameEntry(subject, NID_organizationName)};
}

}  // namespace

SigningService::SigningService(ServiceSettings settings, ServiceHost& host)
    : m_settings(std::move(settings)), m_host(host), m_memory(m_settings.siteMemory) {
  if (m_settings.verify) m_verifier = std::make_unique<jobs::VerifyJob>(m_settings.verify);
}

SigningService::~SigningService() = default;

bool SigningService::busy() const {
  if (!m_busy.try_lock()) return true;
  m_busy.unlock();
  return false;
}

bool SigningService::admit(const Origin& origin) {
  switch (judgeOrigin(origin, m_settings.sites, m_memory)) {
    case SiteVerdict::Serve:
      return true;
    case SiteVerdict::Refuse:
      return false;
    case SiteVerdict::Ask:
      break;
  }
  std::lock_guard lock(m_admitMutex);
  if (auto a = m_memory.answer(origin.text)) return *a;  // answered while this one waited
  const bool yes = m_host.allowSite(origin.text);
  if (auto st = m_memory.remember(origin.text, yes); !st.ok())
    log::warn("remembering the answer for " + origin.text + ": " + st.error().technical());
  return yes;
}

Json SigningService::handle(const Origin& origin, std::string_view path, std::string_view message,
                            std::string_view lang) {
  const Lang l = langOf(lang);
  const auto call = callFromPath(path);
  if (!call) {
    Json reply = failureReply(
        4, describe(Error::kyso(Errc::ServiceCallUnsupported, "service", std::string(path)), l));
    return reply;
  }
  Approval seen;
  seen.origin = origin.text;
  seen.call = *call;
  std::unique_lock busy(m_busy, std::try_to_lock);
  if (!busy.owns_lock()) {
    Json reply = failureReply(2, describe(Error::kyso(Errc::ServiceBusy, "service"), l));
    audit(origin, *call, seen, reply);
    return reply;
  }
  m_lang = l;
  Result<Json> out = unsupported(*call);
  if (message.size() > messageLimit(path)) {
    out = Error::kyso(Errc::ServiceRequestInvalid, "request").because(Detail::MessageTooLarge);
  } else if (*call == Call::GetCertInfo) {
    out = certInfo(origin, seen);
  } else if (*call == Call::Config) {
    out = openSettings();
  } else {
    auto json = Json::parse(message);
    if (!json.ok())
      out = Error::kyso(Errc::ServiceRequestInvalid, "request", "not JSON");
    else if (*call == Call::SignMsg)
      out = signDigest(origin, *json, seen);
    else if (*call == Call::SignFiles)
      out = signBatch(origin, *json, seen);
    else if (*call == Call::SignXML)
      out = signXml(*json, seen);
    else if (*call == Call::VerifyXML)
      out = verifyXml(*json, seen);
    else if (*call == Call::VerifyPDF)
      out = verifyPdf(origin, *json, seen);
    else if (isFileFlow(*call))
      out = fileFlow(origin, *call, *json, seen);
  }
  Json reply =
      out.ok() ? std::move(*out) : failureReply(statusFor(out.error()), describe(out.error(), l));
  if (!out.ok())
    log::info("service " + std::string(callName(*call)) + ": " + out.error().technical());
  audit(origin, *call, seen, reply);
  m_host.requestEnded({*call, origin.text, static_cast<int>(reply["Status"].asInt()),
                       reply["Message"].isString() ? reply["Message"].asString() : std::string(),
                       std::chrono::system_clock::now()});
  return reply;
}

std::size_t SigningService::messageLimit(std::string_view path) const {
  const auto call = callFromPath(path);
  return call && (*call == Call::SignXML || *call == Call::VerifyXML)
             ? m_settings.maxXmlMessageBytes
             : m_settings.maxMessageBytes;
}

Result<Json> SigningService::openSettings() {
  if (!m_host.openSettings())
    return unsupported(Call::Config);  // a terminal: the [service] section of config.ini
  Json reply = Json::object();
  reply.set("Status", 0);
  reply.set("Message", "");
  return reply;
}

TransferOptions SigningService::transferFor(const Origin& origin) const {
  TransferOptions transfer = m_settings.transfer;
  const std::string callerHost = origin.host;
  transfer.peerAllowed = [callerHost](const std::string& ip) {
    return !isPrivateAddress(ip) || ip == callerHost || callerHost == "localhost" ||
           isPrivateAddress(callerHost);
  };
  return transfer;
}

// The appearance of a file flow's kind on `pdf` for a signer with `names`: the person's images
// from the host, the number and date the system sent (SignIssued), "SAO Y" for a copy.
Result<appearance::Appearance> SigningService::appearanceFor(
    const Approval& seen, const fs::path& pdf, const SignerNames& names,
    std::chrono::system_clock::time_point t) {
  appearance::Request r;
  KYSO_ASSIGN_OR_RETURN(r.kind, appearance::parseKind(seen.kind));
  r.pdf = pdf;
  r.fields["name"] = names.name;
  r.fields["title"] = names.title;
  r.fields["org"] = names.org;
  switch (r.kind) {
    case appearance::Kind::Issued:
      r.image = m_host.image("seal");
      if (!seen.docNumber.empty()) r.fields["doc_number"] = seen.docNumber;
      if (!seen.issuedDate.empty()) r.fields["issued_date"] = seen.issuedDate;
      break;
    case appearance::Kind::Approved:
      r.image = m_host.image("signature");
      if (!r.image) r.templateSpec = "approved-name";
      break;
    case appearance::Kind::Copy:
      r.fields["copy_form"] = "SAO Y";
      break;
    case appearance::Kind::Incoming:
      if (!seen.docNumber.empty()) r.fields["arrival_number"] = seen.docNumber;
      break;
    case appearance::Kind::Appendix:
      break;
  }
  r.signingTime = t;
  return appearance::makeAppearance(r);
}

Result<Json> SigningService::fileFlow(const Origin& origin, Call call, const Json& message,
                                      Approval& seen) {
  KYSO_ASSIGN_OR_RETURN(FileRequest req, parseFileRequest(message));
  // Both addresses are judged before anything is fetched or anyone is asked.
  KYSO_TRY(checkDocumentAddress(req.uploadHandler, origin, m_settings.sites));
  const bool local = req.fileName.empty();  // the plug-in's "pick a local file"
  if (!local) KYSO_TRY(checkDocumentAddress(req.fileName, origin, m_settings.sites));
  const bool detached = call == Call::SignFile;
  KYSO_ASSIGN_OR_RETURN(jobs::SignSettings settings, signSettings(m_settings));
  seen.kind = std::string(kindOf(call));
  seen.documentUrl = req.fileName;
  seen.uploadTo = req.uploadHandler;
  seen.docNumber = req.docNumber;
  seen.issuedDate = req.issuedDate;
  const std::string fallback = detached ? "document" : "document.pdf";
  seen.documentName = fileNameOf(req.fileName, fallback);

  const TransferOptions transfer = transferFor(origin);
  std::string doc;
  if (local) {
    const std::optional<fs::path> picked = m_host.pickLocalFile(seen);
    if (!picked) return Error::kyso(Errc::ServiceDeclined, "pick").because(Detail::NoFileChosen);
    KYSO_ASSIGN_OR_RETURN(doc, readSmallFile(*picked, transfer.maxBytes));
    seen.documentName = fileNameOf("/" + picked->filename().string(), fallback);
    seen.localFile = true;
  } else {
    KYSO_ASSIGN_OR_RETURN(doc, fetchDocumentSlowly(req.fileName, transfer));
  }
  if (!detached && !looksLikePdf(doc))
    return Error::kyso(Errc::NotAPdf, "download", seen.documentName);
  seen.documentSize = doc.size();
  seen.documentSha256 = sha256Hex(doc);
  KYSO_ASSIGN_OR_RETURN(PrivateDir dir, PrivateDir::make());
  const fs::path input = dir.path() / (detached ? "document" : "document.pdf");
  const fs::path output = dir.path() / (detached ? "document.p7s" : "signed.pdf");
  KYSO_TRY(writeBytes(input, doc));
  seen.documentFile = input;
  if (!seen.kind.empty())
    seen.placement = [this, &seen, input](const SignerNames& names) -> Result<PreviewPlacement> {
      KYSO_ASSIGN_OR_RETURN(appearance::Appearance a,
                            appearanceFor(seen, input, names, std::chrono::system_clock::now()));
      return PreviewPlacement{a.pageIndex, a.rect};
    };

  KYSO_ASSIGN_OR_RETURN(ApprovedKey approved, m_host.approve(seen));
  const std::vector<jobs::SignInput> items = {{input, output, false}};
  LastResult last;
  if (detached) {
    KYSO_ASSIGN_OR_RETURN(
        jobs::BatchSummary s,
        jobs::DetachedSignJob::run(items, std::move(approved.key), settings.detached, last));
    (void)s;
  } else {
    jobs::PdfSignSettings& ps = settings.pdf;
    const SignerNames names = namesOf(approved.key.identity.cert.get());
    ps.appearance = [&, names](std::size_t, const jobs::SignInput& in,
                               std::chrono::system_clock::time_point t)
        -> Result<std::optional<appearance::Appearance>> {
      if (seen.kind.empty()) return std::optional<appearance::Appearance>{};
      KYSO_ASSIGN_OR_RETURN(appearance::Appearance a, appearanceFor(seen, in.input, names, t));
      return std::optional<appearance::Appearance>(std::move(a));
    };
    jobs::PdfSignJob::run(items, approved.key, ps, last);
  }
  if (last.result.state != jobs::ItemResult::State::Done)
    return last.result.error ? inServiceWords(*last.result.error)
                             : Error::kyso(Errc::Cancelled, "sign", seen.documentName);
  KYSO_ASSIGN_OR_RETURN(std::string signedBytes, readSmallFile(output, transfer.maxBytes * 2));
  const std::string uploadName = detached ? seen.documentName + ".p7s" : seen.documentName;
  KYSO_ASSIGN_OR_RETURN(
      std::string answer,
      uploadSignedSlowly(req.uploadHandler, uploadName,
                         detached ? "application/pkcs7-signature" : "application/pdf", signedBytes,
                         transfer));
  KYSO_ASSIGN_OR_RETURN(Json handler, readHandlerAnswer(answer));
  Json reply = Json::object();
  reply.set("Status", 0);
  reply.set("Message", "");
  reply.set("FileName", textOf(handler["FileName"]));
  reply.set("FileServer", textOf(handler["FileServer"]));
  const std::string number = textOf(handler["DocumentNumber"]);
  reply.set("DocumentNumber", number.empty() ? req.docNumber : number);
  reply.set("DocumentDate", req.issuedDate);
  return reply;
}

Result<Json> SigningService::signDigest(const Origin& origin, const Json& message, Approval& seen) {
  (void)origin;
  KYSO_ASSIGN_OR_RETURN(DigestRequest req, parseDigestRequest(message));
  seen.digestAlg = req.hashAlg;
  seen.digestHex = certs::hex(req.digest);
  KYSO_ASSIGN_OR_RETURN(ApprovedKey approved, m_host.approve(seen));
  EVP_PKEY* key = approved.key.identity.key.get();
  const EVP_MD* md = req.hashAlg == "SHA256"   ? EVP_sha256()
                     : req.hashAlg == "SHA384" ? EVP_sha384()
                     : req.hashAlg == "SHA512" ? EVP_sha512()
                                               : EVP_sha1();
  ossl::Ptr<EVP_PKEY_CTX> ctx(EVP_PKEY_CTX_new(key, nullptr));
  if (!ctx || EVP_PKEY_sign_init(ctx.get()) <= 0 ||
      (EVP_PKEY_get_base_id(key) == EVP_PKEY_RSA &&
       EVP_PKEY_CTX_set_rsa_padding(ctx.get(), RSA_PKCS1_PADDING) <= 0) ||
      EVP_PKEY_CTX_set_signature_md(ctx.get(), md) <= 0)
    return Error::openssl("EVP_PKEY_sign_init");
  std::size_t len = 0;
  const auto* dg = reinterpret_cast<const unsigned char*>(req.digest.data());
  if (EVP_PKEY_sign(ctx.get(), nullptr, &len, dg, req.digest.size()) <= 0)
    return Error::openssl("EVP_PKEY_sign");
  std::string sig(len, '\0');
  if (EVP_PKEY_sign(ctx.get(), reinterpret_cast<unsigned char*>(sig.data()), &len, dg,
                    req.digest.size()) <= 0)
    return Error::openssl("EVP_PKEY_sign");
  sig.resize(len);
  Json reply = Json::object();
  reply.set("Status", 0);
  reply.set("Message", "");
  reply.set("Signature", base64(sig));
  reply.set("CertBase64", base64(certs::toDer(approved.key.identity.cert.get())));
  return reply;
}

Result<Json> SigningService::certInfo(const Origin& origin, Approval& seen) {
  (void)origin;
  KYSO_ASSIGN_OR_RETURN(ApprovedKey approved, m_host.approve(seen));
  X509* cert = approved.key.identity.cert.get();
  Json info = Json::object();
  info.set("Subject", certs::nameToString(X509_get_subject_name(cert)));
  info.set("Issuer", certs::nameToString(X509_get_issuer_name(cert)));
  info.set("SerialNumber", certs::serialHex(cert));
  if (auto t = certs::toTimePoint(X509_get0_notBefore(cert)); t.ok())
    info.set("NotBefore", certs::isoTime(*t));
  if (auto t = certs::toTimePoint(X509_get0_notAfter(cert)); t.ok())
    info.set("NotAfter", certs::isoTime(*t));
  info.set("CertBase64", base64(certs::toDer(cert)));
  Json reply = Json::object();
  reply.set("Status", 0);
  reply.set("Message", "");
  reply.set("CertInfo", std::move(info));
  return reply;
}

void SigningService::audit(const Origin& origin, Call call, const Approval& seen,
                           const Json& reply) {
  if (m_settings.auditLog.empty()) return;
  const std::string time = certs::isoTime(std::chrono::system_clock::now());
  auto lineFor = [&](const std::string& url, const std::string& sha256, const Json& answer) {
    AuditEntry e;
    e.time = time;
    e.origin = origin.text;
    e.call = std::string(callName(call));
    e.document = !url.empty()     ? url
                 : seen.localFile ? "local:" + seen.documentName  // a file the person picked
                                  : std::string();
    e.sha256 = sha256;
    if (!seen.digestHex.empty()) e.digest = seen.digestAlg + ":" + seen.digestHex;
    e.status = static_cast<int>(answer["Status"].asInt());
    if (answer["Message"].isString()) e.message = answer["Message"].asString();
    return auditLine(e);
  };
  // A batch: one line per document, with what became of it (the whole request's answer when
  // it ended before the documents were signed).
  std::string text;
  const Json& files = reply["Files"];
  if (!seen.batch.empty() && files.isArray() && files.size() == seen.batch.size()) {
    for (std::size_t i = 0; i < seen.batch.size(); ++i)
      text += lineFor(seen.batch[i].url, seen.batch[i].sha256, files[i]);
  } else if (!seen.batch.empty()) {
    for (const auto& d : seen.batch) text += lineFor(d.url, d.sha256, reply);
  } else {
    text = lineFor(seen.documentUrl, seen.documentSha256, reply);
  }
  std::lock_guard lock(m_auditMutex);
  if (auto st = appendAuditLines(m_settings.auditLog, text); !st.ok())
    log::warn("service audit log: " + st.error().technical());
}

}  // namespace kyso::service
