// `kyso extend`: raises signed PDFs to PAdES B-LT (a /DSS with the chains, OCSP responses and CRLs
// of every signature and timestamp, and VRI entries) or B-LTA (then a document timestamp), as
// further incremental updates. Existing signatures, including other tools', are not touched.
//   kyso extend IN.pdf -o OUT.pdf --level B-LT|B-LTA [--tsa URL] [--force]
//   kyso extend A.pdf B.pdf --out-dir DIR --level ...
// The work is jobs::ExtendJob's (src/jobs/extend_job.h); this file translates options and results.
#include <cstdio>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/log.h"
#include "core/messages.h"
#include "src/cli/commands/chain_trust_option.h"
#include "src/cli/commands/sign_outputs.h"
#include "src/cli/kyso/args.h"
#include "src/cli/kyso/cli_settings.h"
#include "src/cli/kyso/commands.h"
#include "src/cli/kyso/common_help.h"
#include "src/cli/kyso/exit_codes.h"
#include "src/cli/kyso/words.h"
#include "src/jobs/extend_job.h"
#include "src/jobs/pdf_sign_job.h"

namespace kyso::cli {
namespace {
namespace fs = std::filesystem;

constexpr const char* kExtendHelp =
    "Usage: kyso extend IN.pdf -o OUT.pdf --level B-LT|B-LTA [--tsa URL]\n"
    "       kyso extend A.pdf B.pdf ... --out-dir DIR --level B-LT|B-LTA [--tsa URL]\n"
    "Adds validation data (B-LT) and a document timestamp (B-LTA) to signed PDFs.\n"
    "Example: kyso extend quyet-dinh.signed.pdf -o quyet-dinh.lta.pdf --level B-LTA --tsa "
    "http://tsa.example.vn\n\n";

constexpr const char* kExtendHelpVi =
    "Cách dùng: kyso extend VÀO.pdf -o RA.pdf --level B-LT|B-LTA [--tsa URL]\n"
    "           kyso extend A.pdf B.pdf ... --out-dir THƯ_MỤC --level B-LT|B-LTA [--tsa URL]\n"
    "Bổ sung dữ liệu kiểm tra hiệu lực (B-LT) và dấu thời gian cho văn bản (B-LTA) vào PDF đã\n"
    "ký.\n"
    "Ví dụ: kyso extend quyet-dinh.signed.pdf -o quyet-dinh.lta.pdf --level B-LTA --tsa "
    "http://tsa.example.vn\n\n";

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
  p.usage({kExtendHelp, kExtendHelpVi});
  p.value("output", 'o', {"output file (one input)", "tệp kết quả (một tệp đầu vào)"})
      .value("out-dir", 0,
             {"output folder (any number of inputs; made if missing)",
              "thư mục kết quả (nhiều tệp; tự tạo nếu chưa có)"})
      .flag("force", 0, {"replace an existing output file", "ghi đè tệp kết quả đã có"})
      .value("level", 0, {"B-LT | B-LTA (required)", "B-LT | B-LTA (bắt buộc)"})
      .value("tsa", 0,
             {"RFC 3161 timestamp authority URL (B-LTA; default: tsa under [sign])",
              "URL máy chủ cấp dấu thời gian RFC 3161 (B-LTA; mặc định: tsa trong mục [sign])"})
      .multi("trust-anchor", 0,
             {"extra trusted certificate file for chain building",
              "tệp chứng thư số tin cậy bổ sung để dựng chuỗi"})
      .flag("help", 'h', kThisTextHelp);
  if (auto st = p.parse(args); !st.ok()) {
    printError("kyso extend", st.error());
    return kExitUsage;
  }
  if (p.has("help")) {
    std::printf("%s", p.helpText().c_str());
    return kExitOk;
  }
  auto usage = [](const std::string& what) {
    printError("kyso extend", Error::kyso(Errc::UsageError, "kyso extend", what));
    return kExitUsage;
  };
  const auto& inputs = p.positional();
  if (inputs.empty()) return usage(say("no input file", "chưa cho tệp đầu vào"));
  if (int rc = checkOutputChoice(p, "kyso extend"); rc != kExitOk) return rc;
  auto level = pdf::parsePadesLevel(p.getOr("level", ""));
  if (!level || (*level != pdf::PadesLevel::BLT && *level != pdf::PadesLevel::BLTA))
    return usage(say("--level must be B-LT or B-LTA", "--level phải là B-LT hoặc B-LTA"));
  std::optional<std::string> tsa = p.get("tsa");
  if (*level == pdf::PadesLevel::BLTA && !tsa) tsa = cliSettings().get("sign", "tsa");
  if (*level == pdf::PadesLevel::BLTA && !tsa)
    return usage(say("B-LTA needs --tsa URL (or tsa = URL under [sign] in the settings)",
                     "B-LTA cần --tsa URL (hoặc tsa = URL trong mục [sign] của tệp cài đặt)"));

  jobs::ExtendSettings settings;
  settings.level = *level;
  settings.tsaUrl = tsa;
  settings.overwrite = p.has("force");
  if (int rc = chainTrustFromOptions(p, *level, settings.trust); rc != kExitOk) return rc;

  std::vector<FileOutcome> rows;  // a missing --out-dir is made, as for kyso sign
  if (int rc = planOutputs(p, rows, "kyso extend"); rc != kExitOk) return rc;
  std::vector<jobs::SignInput> items;
  for (const auto& r : rows) items.push_back({r.input, r.output, false});
  struct Printer : jobs::BatchObserver {
    int lastExit = kExitOk;
    void finished(const jobs::ItemResult& r) override {
      if (r.state == jobs::ItemResult::State::Done) {
        std::printf("%s: %s -> %s\n", r.input.c_str(), r.level.c_str(), r.output.c_str());
        return;
      }
      if (!r.error) return;
      lastExit = exitFor(*r.error);
      printError("Extending " + r.input.string() + " failed", *r.error);
    }
  } printer;
  const jobs::BatchSummary summary = jobs::ExtendJob::run(items, settings, printer);
  if (summary.failed == 0) return kExitOk;
  return inputs.size() == 1 ? printer.lastExit : kExitSignatureFailed;
}

}  // namespace kyso::cli
