// SigningService: the VGCA plug-in's calls answered with kyso's jobs, whatever carries them (the
// WSS server in production, tests directly). It admits sites (allow-list, remembered answers, one
// question), checks every address before fetching, does one request at a time, asks the person
// through the ServiceHost, signs through the jobs layer the CLI and the GUI use, uploads, and
// writes one audit line per request.
//
//   service::SigningService svc(settings, host);
//   if (svc.admit(origin)) reply = svc.handle(origin, "/SignApproved", message);
#pragma once

#include <chrono>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/json.h"
#include "core/messages.h"
#include "src/jobs/verify_profile.h"
#include "src/pdf/pades.h"
#include "src/service/document_transfer.h"
#include "src/service/service_host.h"
#include "src/service/site_policy.h"

namespace kyso::jobs {
class VerifyJob;
}

namespace kyso::service {

struct ServiceSettings {
  SitePolicy sites;
  std::filesystem::path siteMemory;  // remembered answers ("" = this run only)
  std::filesystem::path auditLog;    // one JSON line per request ("" = none)
  pdf::PadesLevel level = pdf::PadesLevel::BB;
  std::optional<std::string> tsaUrl;
  /// From B-LT: anchors that end the chains put into the signatures, beside the shipped roots (as
  /// `kyso sign --trust-anchor`).
  std::vector<std::filesystem::path> extraAnchors;
  std::size_t maxMessageBytes = 1u << 20;      // one WebSocket message
  std::size_t maxXmlMessageBytes = 64u << 20;  // SignXML and VerifyXML carry the document
  std::uint64_t maxBatchBytes = 512ull << 20;  // every document of one vgca_sign_files
  TransferOptions transfer;
  /// VerifyPDF and VerifyXML judge trust with this (the front end's trust settings, as its own
  /// Verify does); null: those calls answer that verification is not set up.
  std::shared_ptr<const jobs::VerifyProfile> verify;
};

class SigningService {
 public:
  SigningService(ServiceSettings settings, ServiceHost& host);
  ~SigningService();

  /// Whether pages of `origin` are served: the allow-list, a remembered answer, or the person's
  /// answer to one question (remembered). Never asks twice at once.
  bool admit(const Origin& origin);

  /// Answers one call: `path` as requested ("/SignMsg"), `message` the one text message. Always a
  /// reply object ({"Status":0,...} or a failure with a sentence in `lang`).
  Json handle(const Origin& origin, std::string_view path, std::string_view message,
              std::string_view lang = "vi");

  const ServiceSettings& settings() const { return m_settings; }
  /// The largest message `path` may carry (the WSS server reads no more).
  std::size_t messageLimit(std::string_view path) const;
  SiteMemory& siteMemory() { return m_memory; }
  /// True while a request is being worked on.
  bool busy() const;

 private:
  Result<Json> fileFlow(const Origin& origin, Call call, const Json& message, Approval& seen);
  Result<Json> signBatch(const Origin& origin, const Json& message, Approval& seen);
  Result<Json> signDigest(const Origin& origin, const Json& message, Approval& seen);
  TransferOptions transferFor(const Origin& origin) const;
  Result<appearance::Appearance> appearanceFor(const Approval& seen,
                                               const std::filesystem::path& pdf,
                                               const SignerNames& names,
                                               std::chrono::system_clock::time_point t);
  Result<Json> certInfo(const Origin& origin, Approval& seen);
  Result<Json> signXml(const Json& message, Approval& seen);    // xml_calls.cpp
  Result<Json> verifyXml(const Json& message, Approval& seen);  // xml_calls.cpp
  Result<Json> verifyPdf(const Origin& origin, const Json& message,
                         Approval& seen);  // verify_pdf_call.cpp
  Result<Json> openSettings();
  void audit(const Origin& origin, Call call, const Approval& seen, const Json& reply);

  ServiceSettings m_settings;
  ServiceHost& m_host;
  SiteMemory m_memory;
  std::mutex m_admitMutex;    // one site question at a time
  mutable std::mutex m_busy;  // one request at a time
  std::mutex m_auditMutex;
  Lang m_lang = Lang::Vi;                       // the request being answered (one at a time)
  std::unique_ptr<jobs::VerifyJob> m_verifier;  // with settings.verify (VerifyPDF, VerifyXML)
};

}  // namespace kyso::service
