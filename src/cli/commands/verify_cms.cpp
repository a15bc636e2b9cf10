// `kyso verify FILE.p7s [--content FILE]` and `kyso verify FILE.p7m`: CMS/CAdES signatures, one
// report per file, every SignerInfo. Several .p7s files in one call: each is checked against the
// file of the same name without ".p7s" (report.docx.p7s -> report.docx) unless --content is given
// (one signature only); several files are checked at once (--jobs) and reported in order. Text
// output starts with one line per signer a person can act on; --json gives one object per file
// (JSON lines). Exit codes: 0 all passed, 1 any failed, 2 indeterminate,
// 3 no signer, 4 unreadable input, 64 usage.
//   --trust FILE|DIR (repeatable)  --trust-group gov|public|all|none  --system-trust
//   --at TIME  --offline  --no-revocation  --accept-weak (old archives: SHA-1, RSA < 2048)
//   --proxy URL  --timeout S  --crl FILE (repeatable: CRLs an officer imported)
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <string>

#include "core/atomic_file.h"
#include "core/messages.h"
#include "core/ordered_parallel.h"
#include "core/paths.h"
#include "src/cli/commands/verify_options.h"
#include "src/cli/kyso/args.h"
#include "src/cli/kyso/commands.h"
#include "src/cli/kyso/common_help.h"
#include "src/cli/kyso/exit_codes.h"
#include "src/cli/kyso/words.h"
#include "src/cms/verifier.h"
#include "src/jobs/verify_job.h"
#include "src/pdfverify/problems.h"

namespace kyso::cli {
namespace {
namespace fs = std::filesystem;

int exitFor(const cms::CmsReport& r) {
  if (r.error && (r.error->kind == Errc::CmsNoSigner)) return kExitNoSignature;
  if (r.error && r.signers.empty()) return kExitInputError;
  if (r.indication == cms::Indication::TotalFailed) return kExitSignatureFailed;
  if (r.indication == cms::Indication::Indeterminate) return kExitIndeterminate;
  return kExitOk;
}

// Where the validation time came from ("now", "timestamp", "at"), for people.
const char* timeSource(const std::string& source, Lang lang) {
  if (lang != Lang::Vi) return source.c_str();
  if (source == "now") return "thời điểm kiểm tra";
  if (source == "timestamp") return "dấu thời gian";
  if (source == "at") return "thời điểm chỉ định (--at)";
  return source.c_str();
}

// The human report: one summary line per signer, then the details; notes in the reader's
// language (the CMS layer's table of sentences).
void printText(const std::string& file, const cms::CmsReport& r, Lang lang) {
  const bool vi = lang == Lang::Vi;
  auto note = [&](const cms::Note& n) { return cms::noteText(n, lang); };
  if (r.signers.empty()) {
    std::printf(
        "%s: %s%s\n", file.c_str(), vi ? "KHÔNG hợp lệ: " : "NOT valid: ",
        r.notes.empty() ? (vi ? "không đọc được" : "unreadable") : note(r.notes.front()).c_str());
    return;
  }
  for (const auto& s : r.signers) std::printf("%s\n", cms::summaryLine(s, lang).c_str());
  std::printf(
      vi ? "  tệp: %s (%s)\n" : "  file: %s (%s)\n", file.c_str(),
      r.detached ? (vi ? "chữ ký tách rời" : "detached") : (vi ? "chữ ký đóng gói" : "enveloping"));
  for (const auto& n : r.notes)
    std::printf("  %s %s\n", vi ? "ghi chú:" : "note:", note(n).c_str());
  int i = 0;
  for (const auto& s : r.signers) {
    std::printf(vi ? "  người ký %d: %s %s%s\n" : "  signer %d: %s %s%s\n", ++i,
                cms::indicationName(s.indication), cms::subIndicationName(s.subIndication),
                s.intact ? (vi ? " (nội dung nguyên vẹn)" : " (content intact)") : "");
    if (s.signer)
      std::printf(vi ? "    chứng thư số: %s (cấp bởi %s)\n" : "    certificate: %s (issuer %s)\n",
                  s.signer->subject.c_str(), s.signer->issuer.c_str());
    std::printf(vi ? "    thuật toán: %s với %s\n" : "    algorithms: %s with %s\n",
                s.signatureAlgorithm.c_str(), s.digestAlgorithm.c_str());
    if (s.signingTime)
      std::printf(
          vi ? "    thời điểm ký (người ký tự ghi): %s\n" : "    signing time (claimed): %s\n",
          s.signingTime->c_str());
    if (s.timestamp)
      std::printf(vi ? "    dấu thời gian: %s %s %s\n" : "    timestamp: %s %s %s\n",
                  s.timestamp->status.c_str(), s.timestamp->time.c_str(), s.timestamp->tsa.c_str());
    std::printf(
        vi ? "    chuỗi chứng thư: %s%s%s (đánh giá tại %s, theo %s)\n"
           : "    chain: %s%s%s (judged at %s, %s)\n",
        s.chainStatus.empty() ? (vi ? "chưa dựng được" : "not built") : s.chainStatus.c_str(),
        s.chainAnchor.empty() ? "" : (vi ? ", gốc tin cậy " : ", anchor "), s.chainAnchor.c_str(),
        s.validationTime.c_str(), timeSource(s.validationTimeSource, lang));
    std::printf(vi ? "    thu hồi: %s\n" : "    revocation: %s\n", s.revocationStatus.c_str());
    for (const auto& n : s.notes) std::printf("    - %s\n", note(n).c_str());
  }
}

}  // namespace

int runVerifyCms(const Args& args) {
  ArgParser p;
  declareVerifyOptions(p);
  p.usage(
      {"usage: kyso verify FILE.p7s [--content FILE] | FILE.p7m ... [options]\n"
       "Verifies detached (.p7s) and enveloping (.p7m) CMS signatures. A .p7s signs the file\n"
       "of the same name beside it (report.docx.p7s signs report.docx) unless --content\n"
       "names it.\n"
       "Example: kyso verify bao-cao.docx.p7s --content bao-cao.docx\n",
       "cách dùng: kyso verify TỆP.p7s [--content TỆP] | TỆP.p7m ... [tùy chọn]\n"
       "Kiểm tra chữ ký CMS rời (.p7s) và chữ ký CMS bao gói (.p7m). Tệp .p7s ký cho tệp cùng\n"
       "tên nằm cạnh (bao-cao.docx.p7s ký bao-cao.docx), trừ khi --content chỉ ra tệp khác.\n"
       "Ví dụ: kyso verify bao-cao.docx.p7s --content bao-cao.docx\n"});
  p.value("content", 0,
          {"the signed file, for one detached .p7s (default: the file beside it)",
           "tệp đã được ký, cho một chữ ký rời .p7s (mặc định: tệp nằm cạnh)"})
      .value("html", 0,
             {"not for CMS signatures yet: the HTML report covers PDF and XML files",
              "chưa dùng được cho chữ ký CMS: biên bản HTML dành cho tệp PDF và XML"})
      .value(
          "lang", 0,
          {"language: en or vi (default: from LANG)", "ngôn ngữ: en hoặc vi (mặc định: theo LANG)"})
      .flag("json", 0,
            {"one JSON object per file (JSON lines)", "mỗi tệp một đối tượng JSON (JSON lines)"})
      .flag("help", 'h', kThisTextHelp);
  if (auto st = p.parse(args); !st.ok()) {
    printError("kyso verify", st.error());
    return kExitUsage;
  }
  auto usage = [](const std::string& what) {
    printError("kyso verify", Error::kyso(Errc::UsageError, "kyso verify", what));
    return kExitUsage;
  };
  if (p.has("help")) {
    std::printf("%s", p.helpText().c_str());
    return kExitOk;
  }
  const auto& files = p.positional();
  if (files.empty()) return usage(say("no signature file", "chưa cho tệp chữ ký"));
  if (p.has("content") && files.size() != 1)
    return usage(say("--content goes with exactly one signature file",
                     "--content chỉ dùng với đúng một tệp chữ ký"));
  if (p.has("html"))
    return usage(say("--html: the HTML report covers PDF and XML files, not CMS signatures",
                     "--html: biên bản HTML dành cho tệp PDF và XML, chưa dùng cho chữ ký CMS"));

  Lang lang = defaultLang();
  if (auto l = p.get("lang")) {
    if (*l != "en" && *l != "vi")
      return usage(say("--lang must be en or vi", "--lang phải là en hoặc vi"));
    lang = *l == "vi" ? Lang::Vi : Lang::En;
  }
  int failCode = kExitOk;
  auto setup = makeVerifySetup(p, "kyso verify", failCode);
  if (!setup) return failCode;
  jobs::VerifyJob job(setup->profile);
  const bool json = p.has("json");
  int rc = kExitOk;
  auto print = [&](std::size_t, jobs::DetachedReport&& o) {
    const std::string f = o.file.string();
    if (o.readError) {
      printUnreadable(f, *o.readError, json, defaultLang());
      rc = worseExit(rc, kExitInputError);
      return;
    }
    if (o.contentError) {
      printError("Reading the content failed", *o.contentError);
      rc = worseExit(rc, kExitInputError);
      return;
    }
    const cms::CmsReport& rep = o.report;
    if (json) {
      Json j = cms::cmsReportToJson(rep);
      Json out = Json::object();
      out.set("file", f);
      out.set("content_file", o.content ? Json(o.content->string()) : Json());
      out.set("status",
              rep.signers.empty()
                  ? (rep.error && rep.error->kind == Errc::CmsNoSigner ? "unsigned" : "error")
                  : "signed");
      for (const auto& [k, v] : j.members()) out.set(k, v);
      std::printf("%s\n", out.dump().c_str());
    } else {
      printText(f, rep, lang);
    }
    rc = worseExit(rc, exitFor(rep));
  };
  std::vector<fs::path> paths(files.begin(), files.end());
  std::optional<fs::path> content;
  if (auto c = p.get("content")) content = fs::path(*c);
  job.verifyDetachedFiles(paths, content, setup->jobs, print);
  return rc;
}

}  // namespace kyso::cli
