// `kyso extend`: raises signed PDFs to PAdES B-LT (a /DSS with the chains, OCSP responses and CRLs
// of every signature and timestamp, and VRI entries) or B-LTA (then a document timestamp), as
// further incremental updates. Existing signatures, including other tools', are not touched.
//   kyso extend IN.pdf -o OUT.pdf --level B-LT|B-LTA [--tsa URL] [--force]
//   kyso extend A.pdf B.pdf --out-dir DIR --level ...
#include <cstdio>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "certs/trust_store.h"
#include "src/cli/args.h"
#include "src/cli/commands.h"
#include "src/cli/exit_codes.h"
#include "src/core/log.h"
#include "src/core/messages.h"
#include "src/pdf/pades.h"
#include "src/pdf/pades_services.h"

namespace kyso::cli {
namespace {
namespace fs = std::filesystem;

constexpr const char* kExtendHelp =
    "Usage: kyso extend IN.pdf -o OUT.pdf --level B-LT|B-LTA [--tsa URL]\n"
    "       kyso extend A.pdf B.pdf ... --out-dir DIR --level B-LT|B-LTA [--tsa URL]\n"
    "Adds validation data (B-LT) and a document timestamp (B-LTA) to signed PDFs.\n\n";

int exitFor(const Error& e) {
  switch (e.kind) {
    case Errc::UsageError:
      return kExitUsage;
    case Errc::PdfNoSignature:
      return kExitNoSignature;
    case Errc::NotAPdf:
    case Errc::PdfDamaged:
    case Errc::PdfEncrypted:
    case Errc::FileNotFound:
    case Errc::FileUnreadable:
    case Errc::FileExists:
    case Errc::OutputNotWritable:
    case Errc::DiskFull:
      return kExitInputError;
    default:
      return kExitSignatureFailed;
  }
}

}  // namespace

int runExtend(const Args& args) {
  ArgParser p;
  p.value("output", 'o', "output file (one input)")
      .value("out-dir", 0, "output folder (any number of inputs)")
      .flag("force", 0, "replace an existing output file")
      .value("level", 0, "B-LT | B-LTA")
      .value("tsa", 0, "RFC 3161 timestamp authority URL (B-LTA)")
      .multi("trust-anchor", 0, "extra trusted certificate file for chain building")
      .flag("help", 'h', "this text");
  if (auto st = p.parse(args); !st.ok()) {
    printError("kyso extend", st.error());
    return kExitUsage;
  }
  if (p.has("help")) {
    std::printf("%s%s", kExtendHelp, p.optionHelp().c_str());
    return kExitOk;
  }
  auto usage = [](const std::string& what) {
    printError("kyso extend", Error::kyso(Errc::UsageError, "kyso extend", what));
    return kExitUsage;
  };
  const auto& inputs = p.positional();
  if (inputs.empty()) return usage("no input file");
  if (p.has("output") == p.has("out-dir")) return usage("give exactly one of -o and --out-dir");
  if (p.has("output") && inputs.size() != 1) return usage("-o takes one input; use --out-dir");
  auto level = pdf::parsePadesLevel(p.getOr("level", ""));
  if (!level || (*level != pdf::PadesLevel::BLT && *level != pdf::PadesLevel::BLTA))
    return usage("--level must be B-LT or B-LTA");
  std::optional<std::string> tsa = p.get("tsa");
  if (*level == pdf::PadesLevel::BLTA && !tsa) return usage("B-LTA needs --tsa URL");

  certs::HttpOptions http;
  auto store = certs::TrustStore::loadShipped();
  certs::TrustStore trust = store.ok() ? std::move(*store) : certs::TrustStore::empty();
  for (const auto& a : p.all("trust-anchor"))
    if (auto st = trust.addAnchors(a, "admin"); !st.ok()) {
      printError("Reading --trust-anchor failed", st.error());
      return kExitInputError;
    }
  pdf::NetworkLtvSource ltv(trust, http);
  std::optional<pdf::TsaContentsMaker> docTs;
  if (tsa) docTs.emplace(*tsa, http);
  const auto overwrite =
      p.has("force") ? AtomicFile::Overwrite::Allow : AtomicFile::Overwrite::Refuse;

  int failed = 0, lastExit = kExitOk;
  for (const auto& in : inputs) {
    fs::path out = p.has("output") ? fs::path(*p.get("output"))
                                   : fs::path(*p.get("out-dir")) / fs::path(in).filename();
    std::error_code ec;
    if (fs::exists(out, ec) && fs::equivalent(out, in, ec))
      return usage("the output must not be the input");
    auto r = pdf::extendPdfFile(in, out, overwrite, *level, ltv, docTs ? &*docTs : nullptr);
    if (r.ok()) {
      std::printf("%s: %s -> %s\n", in.c_str(), pdf::padesLevelName(*level), out.c_str());
      continue;
    }
    ++failed;
    lastExit = exitFor(r.error());
    printError("Extending " + in + " failed", r.error());
  }
  if (failed == 0) return kExitOk;
  return inputs.size() == 1 ? lastExit : kExitSignatureFailed;
}

}  // namespace kyso::cli
