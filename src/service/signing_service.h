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
#include "src/pdf/pades.h"
#include "src/service/document_transfer.h"
#include "src/service/service_host.h"
#include "src/service/site_policy.h"

namespace kyso::service {

struct ServiceSettings {
  SitePolicy sites;
  std::filesystem::path siteMemory;  // remembered answers ("" = this run only)
  std::filesystem::path auditLog;    // one JSON line per request ("" = none)
  pdf::PadesLevel level = pdf::PadesLevel::BB;
  std::optional<std::string> tsaUrl;
  std::size_t maxMessageBytes = 1u << 20;      // one WebSocket message
  std::uint64_t maxBatchBytes = 512ull << 20;  // every document of one vgca_sign_files
  TransferOptions transfer;
};

class SigningService {
 public:
  SigningService(ServiceSettings settings, ServiceHost& host);

  /// Whether pages of `origin` are served: the allow-list, a remembered answer, or the person's
  /// answer to one question (remembered). Never asks twice at once.
  bool admit(const Origin& origin);

  /// Answers one call: `path` as requested ("/SignMsg"), `message` the one text message. Always a
  /// reply object ({"Status":0,...} or a failure with a sentence in `lang`).
  Json handle(const Origin& origin, std::string_view path, std::string_view message,
              std::string_view lang = "vi");

  const ServiceSettings& settings() const { return m_settings; }
  SiteMemory& siteMemory() { return m_memory; }
  /// True while a request is being worked on.
  bool busy() const;

 private:
  Result<Json> fileFlow(const Origin& origin, Call call, const Json& message, Approval& seen);
  Result<Json> signBatch(const Origin& origin, const Json& message, Approval& seen);
  Result<Json> signDigest(const Origin& origin, const Json& message, Approval& seen);
  TransferOptions transferFor(const Origin& origin) const;
  Result<Json> certInfo(const Origin& origin, Approval& seen);
  void audit(const Origin& origin, Call call, const Approval& seen, const Json& reply);

  ServiceSettings m_settings;
  ServiceHost& m_host;
  SiteMemory m_memory;
  std::mutex m_admitMutex;    // one site question at a time
  mutable std::mutex m_busy;  // one request at a time
  std::mutex m_auditMutex;
  Lang m_lang = Lang::Vi;  // the request being answered (one at a time)
};

}  // namespace kyso::service
