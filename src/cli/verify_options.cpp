#include "src/cli/verify_options.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <exception>
#include <filesystem>
#include <thread>

#include "certs/cert_info.h"
#include "src/cli/commands.h"
#include "src/cli/exit_codes.h"
#include "src/core/atomic_file.h"
#include "src/core/paths.h"

namespace kyso::cli {

bool endsWithCi(const std::string& s, const std::string& suffix) {
  if (s.size() < suffix.size()) return false;
  return std::equal(suffix.rbegin(), suffix.rend(), s.rbegin(), [](char a, char b) {
    return std::tolower(static_cast<unsigned char>(a)) ==
           std::tolower(static_cast<unsigned char>(b));
  });
}

void declareVerifyOptions(ArgParser& p) {
  p.multi("trust", 0, "add trust anchors (PEM/DER/PKCS#7 file or folder)")
      .value("trust-group", 0, "shipped anchors to trust: gov, public, all (default) or none")
      .flag("system-trust", 0, "also trust the system's CA store (off by default)")
      .value("at", 0, "validate as of this time (ISO 8601, UTC)")
      .flag("offline", 0, "no network: revocation only from the document and supplied files")
      .flag("no-revocation", 0, "do not check revocation")
      .flag("accept-weak", 0, "accept SHA-1 and RSA keys under 2048 bits (old archives)")
      .multi("crl", 0, "a CRL file to use (repeatable)")
      .value("proxy", 0, "HTTP proxy (\"none\": no proxy)")
      .value("timeout", 0, "network timeout in seconds (default 10)")
      .value("cache", 0, "folder for fetched CA certificates (default: kyso's data folder)")
      .value("jobs", 'j', "files verified at once (default: the machine's cores, at most 8)");
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
  const std::string group = p.getOr("trust-group", "all");
  if (group != "gov" && group != "public" && group != "all" && group != "none")
    return usage("--trust-group must be gov, public, all or none, not " + group);
  std::chrono::seconds timeout{};
  try {
    timeout = std::chrono::seconds(std::stoi(p.getOr("timeout", "10")));
  } catch (const std::exception&) {
    return usage("--timeout must be a number of seconds");
  }
  const long cores = static_cast<long>(std::thread::hardware_concurrency());
  const auto jobs = p.getInt("jobs", 1, 64, std::clamp(cores, 1L, 8L));
  if (!jobs) return usage("--jobs must be a number from 1 to 64");
  std::optional<certs::TimePoint> at;
  if (auto text = p.get("at")) {
    auto t = certs::parseIsoTime(*text);
    if (!t.ok()) return usage("--at: not a date/time: " + *text);
    at = *t;
  }

  auto loaded = certs::TrustStore::loadShipped();
  if (!loaded.ok())
    return fail("Loading the trusted root certificates failed", loaded.error(), kExitInputError);
  auto setup = std::make_unique<VerifySetup>();
  setup->jobs = static_cast<std::size_t>(*jobs);
  setup->store = std::move(*loaded);
  certs::TrustStore& store = setup->store;
  store.setGroupEnabled(certs::TrustGroup::Gov, group == "gov" || group == "all");
  store.setGroupEnabled(certs::TrustGroup::Public, group == "public" || group == "all");
  for (const auto& t : p.all("trust"))
    if (auto st = store.addAnchors(t); !st.ok())
      return fail("Reading --trust " + t + " failed", st.error(), kExitInputError);
  if (p.has("system-trust"))
    if (auto st = store.enableSystemStore(); !st.ok())
      return fail("Reading the system CA store failed", st.error(), kExitInputError);

  cms::VerifyOptions& o = setup->cms;
  o.trust = &store;
  o.acceptWeak = p.has("accept-weak");
  o.checkRevocation = !p.has("no-revocation");
  o.chain.http.offline = p.has("offline");
  o.chain.http.proxy = p.getOr("proxy", "");
  o.chain.http.timeout = timeout;
  o.chain.cacheDir =
      p.has("cache") ? std::filesystem::path(*p.get("cache")) : dataDir() / "cache" / "issuers";
  o.revocation.http = o.chain.http;
  o.revocation.crlCacheDir = dataDir() / "cache" / "crls";
  o.at = at;
  for (const auto& c : p.all("crl")) {
    auto data = readSmallFile(c, 64u << 20);
    if (!data.ok()) return fail("Reading --crl " + c + " failed", data.error(), kExitInputError);
    o.extraCrls.push_back(std::move(*data));
  }
  return setup;
}

}  // namespace kyso::cli
