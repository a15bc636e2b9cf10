#include "src/cli/commands/verify_options.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <thread>

#include "certs/cert_info.h"
#include "core/json.h"
#include "src/cli/kyso/cli_settings.h"
#include "src/cli/kyso/commands.h"
#include "src/cli/kyso/exit_codes.h"
#include "src/cli/kyso/words.h"

namespace kyso::cli {

void declareVerifyOptions(ArgParser& p) {
  p.multi("trust", 0,
          {"add trust anchors (PEM/DER/PKCS#7 file or folder; repeatable)",
           "thêm chứng thư số gốc tin cậy (tệp PEM/DER/PKCS#7 hoặc thư mục; lặp lại được)"})
      .value("trust-group", 0,
             {"shipped anchors to trust: gov, public, all (default) or none",
              "nhóm chứng thư gốc có sẵn được tin cậy: gov (Chính phủ), public (công cộng), all "
              "(mặc định) hoặc none"})
      .flag("system-trust", 0,
            {"also trust the system's CA store (off by default)",
             "tin cậy cả kho CA của hệ thống (mặc định: không)"})
      .value("at", 0,
             {"validate as of this time (ISO 8601, UTC)",
              "kiểm tra tại thời điểm này (ISO 8601, giờ UTC)"})
      .flag("offline", 0,
            {"no network: revocation only from the document and supplied files",
             "không dùng mạng: chỉ kiểm tra thu hồi bằng dữ liệu trong tài liệu và tệp cung cấp"})
      .flag("no-revocation", 0, {"do not check revocation", "không kiểm tra tình trạng thu hồi"})
      .flag("accept-weak", 0,
            {"accept SHA-1 and RSA keys under 2048 bits (old archives)",
             "chấp nhận SHA-1 và khóa RSA dưới 2048 bit (hồ sơ lưu trữ cũ)"})
      .multi("crl", 0,
             {"a CRL file to use; a PEM file may hold several (repeatable)",
              "tệp CRL dùng để kiểm tra thu hồi; một tệp PEM có thể chứa nhiều CRL (lặp lại "
              "được)"})
      .value("proxy", 0,
             {"HTTP proxy (\"none\": no proxy)", "proxy HTTP (\"none\": không dùng proxy)"})
      .value("timeout", 0,
             {"network timeout in seconds (default 10)",
              "thời gian chờ mạng, tính bằng giây (mặc định 10)"})
      .value("cache", 0,
             {"folder for fetched CA certificates (default: kyso's data folder)",
              "thư mục lưu chứng thư CA đã tải (mặc định: thư mục dữ liệu của kyso)"})
      .value("jobs", 'j',
             {"files verified at once (default: the machine's cores, at most 8)",
              "số tệp kiểm tra cùng lúc (mặc định: số nhân của máy, tối đa 8)"})
      .flag("no-visual-check", 0,
            {"PDF: do not render the pages each signature covered to compare them with the "
             "document now",
             "PDF: không dựng hình các trang mỗi chữ ký bao phủ để so với tài liệu hiện tại"});
}

std::unique_ptr<VerifySetup> makeVerifySetup(const ArgParser& p, const std::string& command,
                                             int& exitCode) {
  auto fail = [&](const std::string& what, const Error& e, int code) {
    printError(what, e);
    exitCode = code;
    return std::unique_ptr<VerifySetup>();
  };
  auto usage = [&](const std::string& what) {
    return fail(command, Error::kyso(Errc::UsageError, command, what), kExitUsage);
  };
  // The options win; else [verify] trust_group and trust from the settings files.
  const SettingsFile& config = cliSettings();
  const std::string group =
      p.getOr("trust-group", config.get("verify", "trust_group").value_or("all"));
  if (group != "gov" && group != "public" && group != "all" && group != "none")
    return usage(
        (p.has("trust-group") ? "--trust-group" : "trust_group under [verify] in the settings") +
        std::string(" must be gov, public, all or none, not ") + group);
  std::chrono::seconds timeout{};
  try {
    timeout = std::chrono::seconds(std::stoi(p.getOr("timeout", "10")));
  } catch (const std::exception&) {
    return usage(say("--timeout must be a number of seconds", "--timeout phải là số giây"));
  }
  const long cores = static_cast<long>(std::thread::hardware_concurrency());
  const auto jobs = p.getInt("jobs", 1, 64, std::clamp(cores, 1L, 8L));
  if (!jobs)
    return usage(say("--jobs must be a number from 1 to 64", "--jobs phải là một số từ 1 đến 64"));
  std::optional<certs::TimePoint> at;
  if (auto text = p.get("at")) {
    auto t = certs::parseIsoTime(*text);
    if (!t.ok())
      return usage(say("--at: not a date/time: ", "--at: không phải ngày giờ: ") + *text);
    at = *t;
  }

  jobs::VerifyProfileSettings settings;
  settings.trustGovernment = group == "gov" || group == "all";
  settings.trustPublic = group == "public" || group == "all";
  settings.systemTrust = p.has("system-trust");
  for (const auto& t : p.all("trust")) settings.extraAnchors.emplace_back(t);
  for (const auto& t : config.words("verify", "trust")) settings.extraAnchors.emplace_back(t);
  for (const auto& c : p.all("crl")) settings.crlFiles.emplace_back(c);
  for (const auto& c : config.words("verify", "crl")) settings.crlFiles.emplace_back(c);
  settings.at = at;
  settings.checkRevocation = !p.has("no-revocation");
  settings.offline = p.has("offline");
  settings.acceptWeak = p.has("accept-weak");
  settings.visualCheck = !p.has("no-visual-check");
  settings.proxy = p.getOr("proxy", "");
  settings.timeout = timeout;
  if (auto cache = p.get("cache")) settings.issuerCache = *cache;
  jobs::ProfileFailure where;
  auto profile = jobs::VerifyProfile::create(settings, &where);
  if (!profile.ok()) {
    using Part = jobs::ProfileFailure::Part;
    switch (where.part) {
      case Part::ShippedAnchors:
        return fail("Loading the trusted root certificates failed", profile.error(),
                    kExitInputError);
      case Part::ExtraAnchor:
        return fail("Reading --trust " + where.file.string() + " failed", profile.error(),
                    kExitInputError);
      case Part::SystemStore:
        return fail("Reading the system CA store failed", profile.error(), kExitInputError);
      case Part::CrlFile:
        return fail("Reading --crl " + where.file.string() + " failed", profile.error(),
                    kExitInputError);
    }
    return fail("Loading the verification settings failed", profile.error(), kExitInputError);
  }
  auto setup = std::make_unique<VerifySetup>();
  setup->profile = std::move(*profile);
  setup->jobs = static_cast<std::size_t>(*jobs);
  return setup;
}

int worseExit(int a, int b) {
  auto rank = [](int c) {
    switch (c) {
      case kExitOk:
        return 0;
      case kExitIndeterminate:
        return 1;
      case kExitNoSignature:
        return 2;
      case kExitSignatureFailed:
        return 3;
      default:
        return 4;
    }
  };
  return rank(a) >= rank(b) ? a : b;
}

void printUnreadable(const std::string& file, const Error& e, bool json, Lang lang) {
  if (!json) {
    printError("Reading " + file + " failed", e);
    return;
  }
  Json j = Json::object();
  j.set("file", file);
  j.set("status", "error");
  j.set("error", std::string(errcName(e.kind)));
  j.set("message", describe(e, lang));
  std::printf("%s\n", j.dump().c_str());
}

}  // namespace kyso::cli
