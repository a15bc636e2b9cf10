// `kyso verify FILE.pdf|FOLDER... [--trust PEM]... [--trust-group gov|public|all|none] [--at TIME]
// [--offline] [--json] [--html OUT.html] [--lang en|vi] [--no-revocation] [--accept-weak]
// [--crl FILE]... [--system-trust] [--proxy URL] [--timeout S]`: verifies every signature of every
// PDF (folders are searched for *.pdf), in one process. .p7s/.p7m files and any call with --content
// go to the CMS verifier (runVerifyCms). Exit codes: exit_codes.h (0 all passed, 1 any failed, 2
// indeterminate, 3 no signature, 4 unreadable; for several files, 1 when any file failed or is
// unreadable).
#include <algorithm>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <map>
#include <optional>
#include <system_error>

#include "core/atomic_file.h"
#include "core/log.h"
#include "core/messages.h"
#include "core/vietnam_time.h"
#include "kyso_version.h"  // generated: KYSO_VERSION, KYSO_COMMIT
#include "src/cli/commands/verify_options.h"
#include "src/cli/kyso/args.h"
#include "src/cli/kyso/commands.h"
#include "src/cli/kyso/common_help.h"
#include "src/cli/kyso/exit_codes.h"
#include "src/cli/kyso/output_folder.h"
#include "src/cli/kyso/words.h"
#include "src/jobs/document_format.h"
#include "src/jobs/verify_job.h"
#include "src/pdfverify/report.h"

namespace kyso::cli {

namespace {

namespace fs = std::filesystem;
using pdfverify::FileReport;
using pdfverify::Indication;

int exitFor(const FileReport& r) {
  if (r.status == pdfverify::FileStatus::Error) return kExitInputError;
  if (r.status == pdfverify::FileStatus::Unsigned) return kExitNoSignature;
  if (r.indication == Indication::TotalFailed) return kExitSignatureFailed;
  if (r.indication == Indication::Indeterminate) return kExitIndeterminate;
  return kExitOk;
}

bool isDetachedSignature(const std::string& arg) {
  return jobs::formatOf(arg) == jobs::DocumentFormat::DetachedSignature;
}

// Expands folders (recursively, PDFs and XML files, sorted) and keeps files as given.
Result<std::vector<fs::path>> expand(const std::vector<std::string>& inputs) {
  std::vector<fs::path> out;
  for (auto& in : inputs) {
    std::error_code ec;
    if (fs::is_directory(in, ec)) {
      KYSO_ASSIGN_OR_RETURN(jobs::FolderFiles found, jobs::signedFilesIn(in));
      std::vector<fs::path> both = found.pdfs;
      both.insert(both.end(), found.xmls.begin(), found.xmls.end());
      std::sort(both.begin(), both.end());
      out.insert(out.end(), both.begin(), both.end());
    } else {
      out.emplace_back(in);
    }
  }
  return out;
}

// True when the words name XML files and nothing else to verify (no PDF, no folder): the XML
// report (verify_xml.cpp). A folder, or XML files beside PDFs, get the document reports of
// VerifyJob::verifyDocuments and one summary table.
bool namesXmlFilesOnly(const Args& args) {
  bool xml = false;
  for (const auto& a : args) {
    if (a.rfind("-", 0) == 0) continue;
    std::error_code ec;
    if (jobs::formatOf(a) == jobs::DocumentFormat::Pdf || fs::is_directory(a, ec)) return false;
    xml = xml || jobs::formatOf(a) == jobs::DocumentFormat::Xml;
  }
  return xml;
}

// A signed office file is verified through its detached signature beside it (report.docx ->
// report.docx.p7s), and a folder's .p7s files by the CMS verifier: the line for it with those
// names in place of the ones given. `only`: nothing but detached signatures were named (the CMS
// verifier does the whole line); `also`: a folder holds PDFs or XML files too (the CMS verifier
// runs after the documents, on the folders' .p7s files alone). An empty folder is an error
// (`exitCode`).
struct DetachedLines {
  std::optional<Args> only, also;
};
DetachedLines detachedLines(const Args& args, const ArgParser& p, int& exitCode) {
  std::map<std::string, std::vector<std::string>> replace, alongside;
  for (const auto& in : p.positional()) {
    std::error_code ec;
    const fs::path beside = jobs::detachedSignaturePath(in);
    if (fs::is_regular_file(in, ec) && jobs::formatOf(in) != jobs::DocumentFormat::Pdf &&
        fs::exists(beside, ec)) {
      replace[in] = {beside.string()};
    } else if (fs::is_directory(in, ec)) {
      auto found = jobs::signedFilesIn(in);
      if (!found.ok()) continue;  // reported where the folder is read again
      if (found->pdfs.empty() && found->xmls.empty() && found->detachedSignatures.empty()) {
        printError("verify", Error::kyso(Errc::FileNotFound, "verify",
                                         in + say(": no PDF, XML or .p7s file in this folder",
                                                  ": thư mục này không có tệp PDF, XML hay .p7s")));
        exitCode = kExitInputError;
        return {};
      }
      auto& into = found->pdfs.empty() && found->xmls.empty() ? replace : alongside;
      for (const auto& f : found->detachedSignatures) into[in].push_back(f.string());
    }
  }
  // `args` with each name of `names` replaced by its files; `keepOthers`: the other positional
  // names stay (else only the replaced ones and the options remain).
  auto lineWith = [&](std::map<std::string, std::vector<std::string>> names, bool keepOthers) {
    Args out;
    const auto& positional = p.positional();
    for (const auto& a : args) {
      auto it = names.find(a);
      if (it != names.end()) {
        out.insert(out.end(), it->second.begin(), it->second.end());
        names.erase(it);  // once: an option value equal to a file name keeps its place
      } else if (keepOthers ||
                 std::find(positional.begin(), positional.end(), a) == positional.end()) {
        out.push_back(a);
      }
    }
    return out;
  };
  DetachedLines lines;
  if (!replace.empty() && alongside.empty()) lines.only = lineWith(replace, true);
  for (const auto& [k, v] : replace) alongside[k] = v;
  if (!lines.only && !alongside.empty()) {
    // Only the detached signatures of the mixed folders: the documents are verified first.
    std::map<std::string, std::vector<std::string>> mixed;
    for (const auto& [k, v] : alongside)
      if (!v.empty()) mixed[k] = v;
    if (!mixed.empty()) lines.also = lineWith(mixed, false);
  }
  return lines;
}

// The summary table (several files) and the HTML report (--html).
int writeSummaries(const std::vector<FileReport>& reports, const ArgParser& p, Lang lang) {
  if (!p.has("json") && reports.size() > 1) {
    std::string table = pdfverify::summaryTable(reports, lang);
    std::fwrite(table.data(), 1, table.size(), stdout);
  }
  std::fflush(stdout);
  auto out = p.get("html");
  if (!out) return kExitOk;
  // A record says when and by what the check was made, in Vietnam time.
  const std::tm tm = vietnamTime(std::time(nullptr));
  char when[48];
  std::strftime(when, sizeof when, "%d/%m/%Y %H:%M:%S (+07:00)", &tm);
  const pdfverify::RecordContext record{
      when, std::string("kyso ") + KYSO_VERSION + " (commit " + KYSO_COMMIT + ")"};
  auto af = AtomicFile::create(*out, AtomicFile::Overwrite::Allow);
  Status st =
      af.ok() ? af->write(pdfverify::reportHtml(reports, lang, record)) : Status(af.error());
  if (st.ok()) st = af->commit();
  if (st.ok()) return kExitOk;
  printError("verify --html", st.error());
  return kExitInputError;
}

// One file: its own code; several: 1 when any failed or is unreadable, else the worst.
int exitForAll(const std::vector<FileReport>& reports) {
  if (reports.size() == 1) return exitFor(reports.front());
  int worst = kExitOk;
  for (auto& r : reports) {
    int c = exitFor(r);
    if (c == kExitSignatureFailed || c == kExitInputError) return kExitSignatureFailed;
    if (c == kExitIndeterminate)
      worst = kExitIndeterminate;
    else if (c == kExitNoSignature && worst == kExitOk)
      worst = kExitNoSignature;
  }
  return worst;
}

}  // namespace

int runVerify(const Args& args) {
  // CMS files (and --content) have their own options: hand the whole line over before parsing.
  for (auto& a : args)
    if (a == "--content" || a.rfind("--content=", 0) == 0 || isDetachedSignature(a))
      return runVerifyCms(args);
  if (namesXmlFilesOnly(args)) return runVerifyXml(args);
  ArgParser p;
  declareVerifyOptions(p);
  p.usage(
      {"usage: kyso verify FILE.pdf|FILE.xml|FOLDER... [options]\n"
       "       kyso verify FILE.p7s [--content FILE] [options]\n"
       "Verifies signed PDFs, XML files and CMS signatures and says first whether each is\n"
       "valid. A folder: its PDFs and XML files, then its .p7s signatures with the files\n"
       "beside them; report.docx finds report.docx.p7s. FILE.p7s: kyso verify FILE.p7s "
       "--help.\n"
       "Examples:\n"
       "  kyso verify cong-van.signed.pdf --html bien-ban.html\n"
       "  kyso verify van-ban-den/ --crl ca.crl --lang vi\n",
       "cách dùng: kyso verify TỆP.pdf|TỆP.xml|THƯ_MỤC... [tùy chọn]\n"
       "           kyso verify TỆP.p7s [--content TỆP] [tùy chọn]\n"
       "Kiểm tra PDF, XML đã ký và chữ ký CMS, nói trước hết từng chữ ký có hợp lệ hay không.\n"
       "Với thư mục: các tệp PDF và XML trong đó, rồi các chữ ký .p7s cùng tệp gốc bên cạnh;\n"
       "bao-cao.docx tự tìm bao-cao.docx.p7s. Với TỆP.p7s: kyso verify TỆP.p7s --help.\n"
       "Ví dụ:\n"
       "  kyso verify cong-van.signed.pdf --html bien-ban.html\n"
       "  kyso verify van-ban-den/ --crl ca.crl --lang vi\n"});
  p.flag("json", 0,
         {"one JSON object per file (JSON lines)", "mỗi tệp một đối tượng JSON (JSON lines)"})
      .value("html", 0,
             {"also write a printable HTML report to this file",
              "ghi thêm biên bản kiểm tra dạng HTML in được vào tệp này"})
      .value("lang", 0,
             {"language of the text and HTML report: en or vi (default: from LANG)",
              "ngôn ngữ của kết quả và biên bản HTML: en hoặc vi (mặc định: theo LANG)"})
      .value("content", 0,
             {"with one FILE.p7s: the signed file (default: FILE beside it)",
              "cùng một TỆP.p7s: tệp đã được ký (mặc định: TỆP nằm cạnh)"})
      .flag("help", 'h', kThisTextHelp);
  if (auto st = p.parse(args); !st.ok()) {
    printError("verify", st.error());
    return kExitUsage;
  }
  if (p.has("help") || p.positional().empty()) {
    std::fputs(p.helpText().c_str(), p.has("help") ? stdout : stderr);
    return p.has("help") ? kExitOk : kExitUsage;
  }
  Lang lang = defaultLang();
  if (auto l = p.get("lang")) {
    if (*l != "en" && *l != "vi") {
      printError("verify --lang", Error::kyso(Errc::UsageError, "verify", *l));
      return kExitUsage;
    }
    lang = *l == "vi" ? Lang::Vi : Lang::En;
  }
  int failCode = kExitOk;
  const DetachedLines detached = detachedLines(args, p, failCode);
  if (detached.only) return runVerifyCms(*detached.only);
  if (failCode != kExitOk) return failCode;
  // The report's folder is checked before anything is verified.
  if (int rc = checkOutputFile(p.get("html"), "--html", "kyso verify"); rc != kExitOk) return rc;
  auto setup = makeVerifySetup(p, "kyso verify", failCode);
  if (!setup) return failCode;
  auto files = expand(p.positional());
  if (!files.ok()) {
    printError("verify", files.error());
    return kExitInputError;
  }
  jobs::VerifyJob job(setup->profile);
  const bool json = p.has("json");
  // Files are verified on `jobs` threads; reports are printed in the order given, each as soon as
  // those before it are done.
  std::vector<FileReport> reports;
  reports.reserve(files->size());
  job.verifyDocuments(*files, setup->jobs, lang, [&](std::size_t, FileReport&& r) {
    if (r.error) log::debug(r.file + ": " + r.error->technical());  // KYSO_LOG=debug

    const std::string text =
        json ? pdfverify::reportJson(r).dump() + "\n" : pdfverify::reportText(r, lang) + "\n";
    std::fwrite(text.data(), 1, text.size(), stdout);
    reports.push_back(std::move(r));
  });
  if (int rc = writeSummaries(reports, p, lang); rc != kExitOk) return rc;
  // A folder's .p7s files beside its PDFs and XML files, after them.
  if (detached.also) {
    std::fflush(stdout);
    return worseExit(exitForAll(reports), runVerifyCms(*detached.also));
  }
  return exitForAll(reports);
}

}  // namespace kyso::cli
