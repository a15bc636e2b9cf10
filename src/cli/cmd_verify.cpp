// `kyso verify FILE.pdf|FOLDER... [--trust PEM]... [--trust-group gov|public|all|none] [--at TIME]
// [--offline] [--json] [--html OUT.html] [--lang en|vi] [--no-revocation] [--accept-weak]
// [--crl FILE]... [--system-trust] [--proxy URL] [--timeout S]`: verifies every signature of every
// PDF (folders are searched for *.pdf), in one process. .p7s/.p7m files and any call with --content
// go to the CMS verifier (runVerifyCms). Exit codes: exit_codes.h (0 all passed, 1 any failed, 2
// indeterminate, 3 no signature, 4 unreadable; for several files, 1 when any file failed or is
// unreadable).
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <system_error>

#include "src/cli/args.h"
#include "src/cli/commands.h"
#include "src/cli/exit_codes.h"
#include "src/cli/verify_options.h"
#include "src/core/atomic_file.h"
#include "src/core/messages.h"
#include "src/core/ordered_parallel.h"
#include "src/core/paths.h"
#include "src/pdfverify/cms_checker.h"
#include "src/pdfverify/report.h"
#include "src/pdfverify/verifier.h"

namespace kyso::cli {

namespace {

namespace fs = std::filesystem;
using pdfverify::FileReport;
using pdfverify::Indication;

constexpr std::size_t kMaxFiles = 100000;

int exitFor(const FileReport& r) {
  if (r.status == "error") return kExitInputError;
  if (r.status == "unsigned") return kExitNoSignature;
  if (r.indication == Indication::TotalFailed) return kExitSignatureFailed;
  if (r.indication == Indication::Indeterminate) return kExitIndeterminate;
  return kExitOk;
}

// The PDFs and the detached signatures (.p7s) in a folder and below it, each list sorted.
struct FolderFiles {
  std::vector<fs::path> pdfs, p7s;
};
Result<FolderFiles> folderFiles(const std::string& in) {
  FolderFiles out;
  std::error_code ec;
  fs::recursive_directory_iterator it(in, fs::directory_options::skip_permission_denied, ec);
  if (ec) return Error::posix(ec.value(), "opendir", in);
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) return Error::posix(ec.value(), "readdir", in);
    if (!it->is_regular_file(ec)) continue;
    if (endsWithCi(it->path().string(), ".pdf")) out.pdfs.push_back(it->path());
    if (endsWithCi(it->path().string(), ".p7s")) out.p7s.push_back(it->path());
    if (out.pdfs.size() + out.p7s.size() > kMaxFiles)
      return Error::kyso(Errc::InputTooLarge, "verify", in + ": too many files");
  }
  std::sort(out.pdfs.begin(), out.pdfs.end());
  std::sort(out.p7s.begin(), out.p7s.end());
  return out;
}

// Expands folders (recursively, *.pdf only, sorted) and keeps files as given.
Result<std::vector<fs::path>> expand(const std::vector<std::string>& inputs) {
  std::vector<fs::path> out;
  for (auto& in : inputs) {
    std::error_code ec;
    if (fs::is_directory(in, ec)) {
      KYSO_ASSIGN_OR_RETURN(FolderFiles found, folderFiles(in));
      out.insert(out.end(), found.pdfs.begin(), found.pdfs.end());
    } else {
      out.emplace_back(in);
    }
  }
  return out;
}

}  // namespace

int runVerify(const Args& args) {
  // CMS files (and --content) have their own options: hand the whole line over before parsing.
  for (auto& a : args)
    if (a == "--content" || a.rfind("--content=", 0) == 0 || endsWithCi(a, ".p7s") ||
        endsWithCi(a, ".p7m"))
      return runVerifyCms(args);
  ArgParser p;
  declareVerifyOptions(p);
  p.flag("json", 0, "one JSON object per file (JSON lines)")
      .value("html", 0, "also write a printable HTML report to this file")
      .value("lang", 0, "language of the text and HTML report: en or vi")
      .flag("help", 'h', "show this help");
  if (auto st = p.parse(args); !st.ok()) {
    printError("verify", st.error());
    return kExitUsage;
  }
  if (p.has("help") || p.positional().empty()) {
    std::printf("usage: kyso verify FILE.pdf|FOLDER... [options]\n%s", p.optionHelp().c_str());
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
  // A signed office file is verified through its detached signature beside it (report.docx ->
  // report.docx.p7s), and a folder with no PDF through the .p7s files in it: the line goes to the
  // CMS verifier with those names in place of the ones given.
  {
    std::map<std::string, std::vector<std::string>> replace;
    for (const auto& in : p.positional()) {
      std::error_code ec;
      if (fs::is_regular_file(in, ec) && !endsWithCi(in, ".pdf") && fs::exists(in + ".p7s", ec)) {
        replace[in] = {in + ".p7s"};
      } else if (fs::is_directory(in, ec)) {
        auto found = folderFiles(in);
        if (!found.ok()) continue;  // reported where the folder is read again
        if (found->pdfs.empty() && found->p7s.empty()) {
          printError("verify", Error::kyso(Errc::FileNotFound, "verify",
                                           in + ": no PDF or .p7s file in this folder"));
          return kExitInputError;
        }
        if (found->pdfs.empty())
          for (const auto& f : found->p7s) replace[in].push_back(f.string());
      }
    }
    if (!replace.empty()) {
      Args cms;
      for (const auto& a : args) {
        auto it = replace.find(a);
        if (it == replace.end()) {
          cms.push_back(a);
        } else {
          cms.insert(cms.end(), it->second.begin(), it->second.end());
          replace.erase(it);  // once: an option value equal to a file name keeps its place
        }
      }
      return runVerifyCms(cms);
    }
  }
  int failCode = kExitOk;
  auto setup = makeVerifySetup(p, "kyso verify", failCode);
  if (!setup) return failCode;
  auto files = expand(p.positional());
  if (!files.ok()) {
    printError("verify", files.error());
    return kExitInputError;
  }
  pdfverify::KysoCmsChecker checker(setup->cms);
  pdfverify::VerifyOptions opt;
  opt.cms = &checker;
  const bool json = p.has("json");
  // Files are verified on `jobs` threads (the checker and the options are shared read-only);
  // reports are printed in the order given, each as soon as those before it are done.
  std::vector<FileReport> reports;
  reports.reserve(files->size());
  orderedParallel<FileReport>(
      files->size(), setup->jobs,
      [&](std::size_t i) {
        try {
          return pdfverify::verifyPdfFile((*files)[i], opt);
        } catch (const std::exception& e) {
          FileReport r;
          r.file = (*files)[i].string();
          r.error = Error::kyso(Errc::InputTooLarge, "verifyPdfFile", e.what());  // bad_alloc
          return r;
        }
      },
      [&](std::size_t, FileReport&& r) {
        if (json) {
          std::string line = pdfverify::reportJson(r).dump() + "\n";
          std::fwrite(line.data(), 1, line.size(), stdout);
        } else {
          std::string text = pdfverify::reportText(r, lang) + "\n";
          std::fwrite(text.data(), 1, text.size(), stdout);
        }
        reports.push_back(std::move(r));
      });
  if (!json && reports.size() > 1) {
    std::string table = pdfverify::summaryTable(reports, lang);
    std::fwrite(table.data(), 1, table.size(), stdout);
  }
  std::fflush(stdout);
  if (auto out = p.get("html")) {
    auto af = AtomicFile::create(*out, AtomicFile::Overwrite::Allow);
    Status st = af.ok() ? af->write(pdfverify::reportHtml(reports, lang)) : Status(af.error());
    if (st.ok()) st = af->commit();
    if (!st.ok()) {
      printError("verify --html", st.error());
      return kExitInputError;
    }
  }
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

}  // namespace kyso::cli
