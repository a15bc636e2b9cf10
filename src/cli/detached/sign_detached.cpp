// `kyso sign FILE... --detached`: detached CAdES signatures (FILE.p7s) for any file, with one
// token login for the whole batch.
//   kyso sign report.docx --detached                      -> report.docx.p7s
//   kyso sign *.xlsx --detached --out-dir signed/ --level B-T --tsa http://tsa.example/
//   kyso sign report.docx --detached --pss --digest sha384  -> RSASSA-PSS (RSA keys only)
// This file turns the options into a jobs::DetachedSignJob (src/jobs/detached_sign_job.h: one
// streaming hash per file, outputs through temporary files, lanes, the stop policy) and its
// results into lines or JSON. The key comes from the token options (token_options.h);
// --key-file/--cert-file/--chain-file (PEM, unencrypted key) are a developer and test path for
// keys kept on disk, not for officials' keys.
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/json.h"
#include "core/messages.h"
#include "src/cli/detached/signing_key_options.h"
#include "src/cli/kyso/args.h"
#include "src/cli/kyso/cli_settings.h"
#include "src/cli/kyso/commands.h"
#include "src/cli/kyso/exit_codes.h"
#include "src/cli/kyso/interrupt_guard.h"
#include "src/cli/kyso/output_folder.h"
#include "src/cli/kyso/token_options.h"
#include "src/cli/kyso/words.h"
#include "src/jobs/detached_sign_job.h"
#include "src/jobs/document_format.h"
#include "src/jobs/signing_lanes.h"

namespace kyso::cli {
namespace {
namespace fs = std::filesystem;

constexpr const char* kHelp =
    "Usage: kyso sign FILE... --detached [options]\n"
    "Makes a detached CAdES signature FILE.p7s for each FILE (any kind of file), with one token\n"
    "login for all of them. --key-file/--cert-file are for tests and developers only.\n"
    "Example: kyso sign bao-cao.docx bang-luong.xlsx --detached --out-dir signed/\n\n";

constexpr const char* kHelpVi =
    "Cách dùng: kyso sign TỆP... --detached [tùy chọn]\n"
    "Tạo chữ ký CAdES rời TỆP.p7s cho từng TỆP (tệp loại bất kỳ), đăng nhập token một lần cho\n"
    "cả lô. --key-file/--cert-file chỉ dành cho kiểm thử và lập trình viên.\n"
    "Ví dụ: kyso sign bao-cao.docx bang-luong.xlsx --detached --out-dir signed/\n\n";

// Prints each file's result as it comes (in input order) and keeps the exit code.
class DetachedPrinter : public jobs::BatchObserver {
 public:
  DetachedPrinter(bool json, std::string level) : m_json(json), m_level(std::move(level)) {}
  void finished(const jobs::ItemResult& r) override {
    using State = jobs::ItemResult::State;
    const std::string in = r.input.string();
    if (r.state == State::NotAttempted) {
      if (m_json) {
        Json j = Json::object();
        j.set("file", in);
        j.set("status", "not attempted");
        j.set("level", m_level);
        std::printf("%s\n", j.dump().c_str());
      } else {
        std::printf("%s: %s\n",
                    InterruptGuard::interrupted()
                        ? say("Not signed (interrupted)", "Chưa ký (đã dừng bằng Ctrl-C)")
                        : say("Not signed (the batch stopped at a token error)",
                              "Chưa ký (cả lô dừng vì lỗi token)"),
                    in.c_str());
      }
      if (m_rc == kExitOk)
        m_rc = InterruptGuard::interrupted() ? kExitInterrupted : kExitTokenError;
      return;
    }
    if (r.state == State::Skipped) {
      if (m_json) {
        Json j = Json::object();
        j.set("file", in);
        j.set("output", r.output.string());
        j.set("status", "skipped");
        std::printf("%s\n", j.dump().c_str());
      } else {
        std::printf("%s: %s\n", say("Skipped (the output exists)", "Bỏ qua (đã có tệp kết quả)"),
                    r.output.string().c_str());
      }
      return;
    }
    const bool ok = r.state == State::Done;
    if (m_json) {
      Json j = Json::object();
      j.set("file", in);
      j.set("output", r.output.string());
      j.set("status", ok ? "signed" : "failed");
      j.set("level", m_level);
      j.set("error", ok ? Json() : Json(std::string(errcName(r.error->kind))));
      j.set("message", ok ? Json() : Json(describe(*r.error)));
      std::printf("%s\n", j.dump().c_str());
    } else if (ok) {
      std::printf("%s: %s -> %s\n", say("Signed", "Đã ký"), in.c_str(), r.output.string().c_str());
    } else {
      printError(say("Signing ", "Không ký được ") + in + say(" failed", ""), *r.error);
    }
    if (!ok) m_rc = jobs::stopsBatch(*r.error) ? kExitTokenError : kExitInputError;
  }
  int exitCode() const { return m_rc; }
  bool cancelRequested() override { return InterruptGuard::interrupted(); }

 private:
  InterruptGuard m_interrupt;  // Ctrl-C stops after the files in hand
  bool m_json;
  std::string m_level;
  int m_rc = kExitOk;
};

int usageError(const std::string& what) {
  printError("kyso sign --detached", Error::kyso(Errc::UsageError, "kyso sign", what));
  return kExitUsage;
}

void declareDetachedOptions(ArgParser& p) {
  p.usage({kHelp, kHelpVi});
  addTokenOptions(p, ForceFlag::Separate);
  p.flag("detached", 0,
         {"make detached CMS signatures (implied for non-PDF files)",
          "tạo chữ ký CMS rời (mặc nhiên với tệp không phải PDF)"})
      .value("output", 'o',
             {"output file (one input; default FILE.p7s)",
              "tệp kết quả (khi ký một tệp; mặc định TỆP.p7s)"})
      .value("out-dir", 0,
             {"output folder (FILE.p7s files go there; made if missing)",
              "thư mục kết quả (các tệp TỆP.p7s ghi vào đây; tự tạo nếu chưa có)"})
      .flag("force", 0,
            {"replace existing .p7s files (a final PIN try needs --force-login)",
             "ghi đè tệp .p7s đã có (lần nhập PIN cuối cùng cần --force-login)"})
      .flag("skip-existing", 0,
            {"leave inputs whose .p7s exists (resuming a stopped batch)",
             "bỏ qua tệp đã có .p7s (ký tiếp một lô đã dừng)"})
      .value("level", 0,
             {"B-B (default) | B-T (adds a signature timestamp; needs --tsa)",
              "B-B (mặc định) | B-T (thêm dấu thời gian cho chữ ký; cần --tsa)"})
      .value(
          "tsa", 0,
          {"RFC 3161 timestamp authority URL", "URL của máy chủ cấp dấu thời gian RFC 3161 (TSA)"})
      .value("digest", 0,
             {"sha256 (default) | sha384 | sha512", "sha256 (mặc định) | sha384 | sha512"})
      .flag("pss", 0,
            {"RSA keys: sign RSASSA-PSS (MGF1 with the digest, salt = digest length)",
             "khóa RSA: ký RSASSA-PSS (MGF1 theo hàm băm, salt = độ dài giá trị băm)"})
      .flag("no-signing-time", 0,
            {"omit the signingTime attribute", "không đưa thuộc tính signingTime vào chữ ký"})
      .flag("no-chain", 0,
            {"do not include the intermediate certificates",
             "không đưa chứng thư số trung gian vào chữ ký"})
      .flag("offline", 0,
            {"do not fetch missing intermediate certificates (AIA)",
             "không tải chứng thư số trung gian còn thiếu (AIA)"})
      .value("proxy", 0,
             {"HTTP proxy for the TSA and AIA (\"none\": no proxy)",
              "proxy HTTP cho TSA và AIA (\"none\": không dùng proxy)"})
      .value("timeout", 0,
             {"network timeout in seconds (default 15)",
              "thời gian chờ mạng, tính bằng giây (mặc định 15)"})
      .flag("json", 0,
            {"one JSON object per file (JSON lines)", "mỗi tệp một đối tượng JSON (JSON lines)"})
      .value("jobs", 'j',
             {"signatures at once on a software token or HSM (default: cores, 2-8; USB tokens "
              "always sign one at a time)",
              "số chữ ký cùng lúc trên token phần mềm hoặc HSM (mặc định: số nhân, 2-8; token USB "
              "luôn ký lần lượt từng chữ ký)"})
      .value("key-file", 0,
             {"TEST/DEVELOPER PATH: signing key as an unencrypted PEM file",
              "CHỈ ĐỂ KIỂM THỬ/LẬP TRÌNH: khóa ký trong tệp PEM không mã hóa"})
      .value("cert-file", 0,
             {"with --key-file: the signer's certificate (PEM)",
              "cùng --key-file: chứng thư số của người ký (PEM)"})
      .value("chain-file", 0,
             {"with --key-file: intermediate certificates (PEM)",
              "cùng --key-file: các chứng thư số trung gian (PEM)"})
      .flag("help", 'h', {"this text", "nội dung này"});
}

// The job's settings from the options; `level` gets "B-B" or "B-T".
int settingsFromOptions(const ArgParser& p, jobs::DetachedSignSettings& settings,
                        std::string& level) {
  cms::SignOptions& opt = settings.cms;
  const std::string digest = p.getOr("digest", "sha256");
  if (digest == "sha256")
    opt.digest = cms::DigestAlg::Sha256;
  else if (digest == "sha384")
    opt.digest = cms::DigestAlg::Sha384;
  else if (digest == "sha512")
    opt.digest = cms::DigestAlg::Sha512;
  else
    return usageError(say("--digest must be sha256, sha384 or sha512",
                          "--digest phải là sha256, sha384 hoặc sha512"));
  opt.rsaPss = p.has("pss");
  opt.signingTime = !p.has("no-signing-time");
  opt.includeChain = !p.has("no-chain");
  // The options win; else [sign] level and tsa from the settings files (B-LT and B-LTA there
  // are PDF levels: a detached signature then takes B-T, its highest).
  const auto configLevel = cliSettings().get("sign", "level");
  if (auto given = p.get("level"))
    level = *given;
  else if (p.has("tsa"))
    level = "B-T";
  else
    level = configLevel && *configLevel != "B-B" ? "B-T" : "B-B";
  if (level == "B-T") {
    const auto tsa = p.has("tsa") ? p.get("tsa") : cliSettings().get("sign", "tsa");
    if (!tsa)
      return usageError(
          say("--level B-T needs --tsa URL (or tsa = URL under [sign] in the settings)",
              "--level B-T cần --tsa URL (hoặc tsa = URL trong mục [sign] của tệp cài đặt)"));
    opt.tsaUrl = *tsa;
  } else if (level != "B-B") {
    return usageError(say("--level must be B-B or B-T for detached signatures",
                          "--level của chữ ký rời phải là B-B hoặc B-T"));
  }
  const auto jobsGiven = p.getInt("jobs", 1, 64, static_cast<long>(jobs::defaultSigningLanes()));
  if (!jobsGiven)
    return usageError(
        say("--jobs must be a number from 1 to 64", "--jobs phải là một số từ 1 đến 64"));
  settings.lanes = static_cast<std::size_t>(*jobsGiven);
  opt.http.proxy = p.getOr("proxy", "");
  try {
    opt.http.timeout = std::chrono::seconds(std::stoi(p.getOr("timeout", "15")));
  } catch (...) {
    return usageError(say("--timeout must be a number of seconds", "--timeout phải là số giây"));
  }
  settings.offline = p.has("offline");
  settings.overwrite = p.has("force");
  settings.skipExisting = p.has("skip-existing");
  return kExitOk;
}

}  // namespace

int runSignDetached(const Args& args) {
  ArgParser p;
  declareDetachedOptions(p);
  if (auto st = p.parse(args); !st.ok()) {
    printError("kyso sign --detached", st.error());
    return kExitUsage;
  }
  if (p.has("help")) {
    std::printf("%s", p.helpText().c_str());
    return kExitOk;
  }
  const auto& inputs = p.positional();
  if (inputs.empty()) return usageError(say("no input file", "chưa cho tệp đầu vào"));
  if (p.has("output") && inputs.size() != 1)
    return usageError(say("-o needs exactly one input; use --out-dir",
                          "-o cần đúng một tệp đầu vào; hãy dùng --out-dir"));
  jobs::DetachedSignSettings settings;
  std::string level;
  if (int rc = settingsFromOptions(p, settings, level); rc != kExitOk) return rc;

  // A detached signature is a CMS file: written under a .pdf name it would pass for a signed PDF.
  if (auto o = p.get("output")) {
    std::string ext = fs::path(*o).extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (ext == ".pdf")
      return usageError(
          vi() ? "chữ ký tách rời là tệp .p7s, không phải PDF: hãy đặt tên -o " +
                     jobs::detachedSignaturePath(fs::path(inputs.front()).filename()).string()
               : "a detached signature is a .p7s file, not a PDF: name it -o " +
                     jobs::detachedSignaturePath(fs::path(inputs.front()).filename()).string());
  }
  // The output folder is made when missing and must be writable, before the PIN is asked.
  if (auto dir = p.get("out-dir")) {
    if (int rc = makeWritableFolder(*dir, "--out-dir", "kyso sign --detached"); rc != kExitOk)
      return rc;
  } else if (int rc = checkOutputFile(p.get("output"), "-o", "kyso sign --detached");
             rc != kExitOk) {
    return rc;
  }
  std::vector<jobs::SignInput> items;
  for (const auto& in : inputs) {
    fs::path out = p.has("output")    ? fs::path(*p.get("output"))
                   : p.has("out-dir") ? fs::path(*p.get("out-dir")) /
                                            jobs::detachedSignaturePath(fs::path(in).filename())
                                      : jobs::detachedSignaturePath(in);
    items.push_back({in, std::move(out), false});
  }

  // One identity (one login) for the whole batch.
  std::unique_ptr<CliToken> token;
  jobs::SigningKey key;
  if (int rc = signingKeyFromOptions(p, token, key); rc != kExitOk) return rc;

  DetachedPrinter printer(p.has("json"), level);
  auto summary = jobs::DetachedSignJob::run(items, std::move(key), settings, printer);
  if (!summary.ok()) {
    printError("Preparing the signature failed", summary.error());
    return kExitInputError;
  }
  int rc = printer.exitCode();
  for (const auto& e : summary->flushErrors) {
    printError("Flushing an output folder to disk failed", e);
    if (rc == kExitOk) rc = kExitInputError;
  }
  if (!p.has("json") && inputs.size() > 1)
    std::printf(vi() ? "Đã ký %zu/%zu tệp.\n" : "%zu of %zu file(s) signed.\n", summary->done,
                inputs.size());
  if (summary->cancelled) {
    std::fprintf(stderr,
                 vi() ? "kyso: đã dừng (Ctrl-C) sau %zu/%zu tệp; chạy lại đúng lệnh này với "
                        "--skip-existing để ký các tệp còn lại.\n"
                      : "kyso: interrupted (Ctrl-C) after %zu of %zu files; run the same command "
                        "again with --skip-existing to sign the rest.\n",
                 summary->done + summary->failed, inputs.size());
    return kExitInterrupted;
  }
  return rc;
}

}  // namespace kyso::cli
