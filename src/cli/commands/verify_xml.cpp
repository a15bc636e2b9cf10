// `kyso verify FILE.xml ...`: every XML-DSig signature in each file (issue 20): structure and
// coverage (signature wrapping, external references, refused transforms), digests and value, the
// signer's chain to the trust anchors and revocation, as for CMS. One line per signature a person
// can act on, then the details; --json gives one object per file (JSON lines), --html a page.
// Exit codes as for PDFs: 0 all valid, 1 any not valid, 2 cannot confirm, 3 no signature,
// 4 unreadable or refused input (not XML, a DOCTYPE), 64 usage.
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "core/atomic_file.h"
#include "core/messages.h"
#include "src/cli/commands/verify_options.h"
#include "src/cli/kyso/args.h"
#include "src/cli/kyso/commands.h"
#include "src/cli/kyso/common_help.h"
#include "src/cli/kyso/exit_codes.h"
#include "src/cli/kyso/output_folder.h"
#include "src/cli/kyso/words.h"
#include "src/jobs/document_format.h"
#include "src/jobs/verify_job.h"
#include "src/pdfverify/problems.h"
#include "src/xml/xml_findings.h"

namespace kyso::cli {
namespace {
namespace fs = std::filesystem;

int exitFor(const jobs::XmlFileReport& f) {
  if (f.readError) return kExitInputError;
  const xml::XmlReport& r = f.report;
  if (r.error && r.error->kind == Errc::CmsNoSigner) return kExitNoSignature;
  if (r.error) return kExitInputError;
  if (r.indication == cms::Indication::TotalFailed) return kExitSignatureFailed;
  if (r.indication == cms::Indication::Indeterminate) return kExitIndeterminate;
  return kExitOk;
}

const char* coverWords(const xml::XmlReferenceFacts& r, bool vi) {
  using S = xml::XmlReferenceFacts::Scope;
  switch (r.scope) {
    case S::WholeDocument:
      return vi ? "toàn bộ tệp" : "the whole file";
    case S::DocumentElement:
      return vi ? "phần tử" : "the element";
    case S::OwnSignatureProperties:
      return vi ? "thuộc tính của chữ ký" : "the signature's properties";
    case S::InsideSignature:
      return vi ? "nội dung trong một chữ ký" : "content inside a signature";
    case S::None:
      break;
  }
  return vi ? "không xác định" : "unresolved";
}

void printText(const jobs::XmlFileReport& f, Lang lang) {
  const bool vi = lang == Lang::Vi;
  const std::string file = f.file.string();
  auto note = [&](const cms::Note& n) { return cms::noteText(n, lang); };
  const xml::XmlReport& r = f.report;
  if (r.error && r.error->kind == Errc::CmsNoSigner) {
    std::printf("%s: %s\n", file.c_str(),
                vi ? "không có chữ ký XML nào trong tệp." : "the file has no XML signature.");
    return;
  }
  if (r.error) {
    std::printf("%s: %s%s\n", file.c_str(),
                vi ? "KHÔNG hợp lệ: " : "NOT valid: ", describe(*r.error, lang).c_str());
    return;
  }
  for (const auto& p : r.problems)
    std::printf("%s: %s%s\n", file.c_str(),
                vi ? "KHÔNG hợp lệ: " : "NOT valid: ", xml::findingSentence(p, lang).c_str());
  for (const auto& s : r.signatures) std::printf("%s\n", xml::summaryLine(s, lang).c_str());
  std::printf(vi ? "  tệp: %s (XML, bố cục %s, phần tử gốc %s)\n"
                 : "  file: %s (XML, layout %s, root %s)\n",
              file.c_str(), xml::profileName(r.profile), r.root.c_str());
  int i = 0;
  for (const auto& s : r.signatures) {
    const auto& v = s.verdict;
    std::string sub = cms::subIndicationName(v.subIndication);
    if (!sub.empty()) sub = " " + sub;
    std::printf(vi ? "  chữ ký %d: %s%s tại %s\n" : "  signature %d: %s%s at %s\n", ++i,
                cms::indicationName(v.indication), sub.c_str(), s.facts.path.c_str());
    for (const auto& ref : s.facts.references)
      std::printf(vi ? "    phạm vi ký: %s%s%s%s\n" : "    covers: %s%s%s%s\n", coverWords(ref, vi),
                  ref.path.empty() ? "" : " ", ref.path.c_str(),
                  !ref.digestChecked ? ""
                  : ref.digestOk     ? (vi ? " (nguyên vẹn)" : " (intact)")
                                     : (vi ? " (ĐÃ THAY ĐỔI)" : " (CHANGED)"));
    if (v.signer)
      std::printf(vi ? "    chứng thư số: %s (cấp bởi %s)\n" : "    certificate: %s (issuer %s)\n",
                  v.signer->subject.c_str(), v.signer->issuer.c_str());
    if (!v.signatureAlgorithm.empty())
      std::printf(vi ? "    thuật toán: %s, %s\n" : "    algorithms: %s, %s\n",
                  v.signatureAlgorithm.c_str(), s.facts.c14nMethod.c_str());
    if (v.signingTime)
      std::printf(
          vi ? "    thời điểm ký (người ký tự ghi): %s\n" : "    signing time (claimed): %s\n",
          v.signingTime->c_str());
    if (v.signer)
      std::printf(
          vi ? "    chuỗi chứng thư: %s%s%s (đánh giá tại %s)\n"
             : "    chain: %s%s%s (judged at %s)\n",
          v.chainStatus.empty() ? (vi ? "chưa dựng được" : "not built") : v.chainStatus.c_str(),
          v.chainAnchor.empty() ? "" : (vi ? ", gốc tin cậy " : ", anchor "), v.chainAnchor.c_str(),
          v.validationTime.c_str());
    if (v.signer)
      std::printf(vi ? "    thu hồi: %s\n" : "    revocation: %s\n", v.revocationStatus.c_str());
    for (const auto& p : s.facts.problems)
      std::printf("    - %s\n", xml::findingSentence(p, lang).c_str());
    for (const auto& n : s.facts.notes)
      std::printf("    - %s\n", xml::findingSentence(n, lang).c_str());
    for (const auto& n : v.notes) std::printf("    - %s\n", note(n).c_str());
  }
}

}  // namespace

int runVerifyXml(const Args& args) {
  ArgParser p;
  declareVerifyOptions(p);
  p.usage(
      {"usage: kyso verify FILE.xml ... [options]\n"
       "Verifies the XML signatures in claim files, e-invoices and other XML documents.\n"
       "Example: kyso verify HOSO_79001-signed.xml --lang vi\n",
       "cách dùng: kyso verify TỆP.xml ... [tùy chọn]\n"
       "Kiểm tra chữ ký XML trong hồ sơ giám định BHYT, hóa đơn điện tử và văn bản XML khác.\n"
       "Ví dụ: kyso verify HOSO_79001-signed.xml --lang vi\n"});
  p.flag("json", 0,
         {"one JSON object per file (JSON lines)", "mỗi tệp một đối tượng JSON (JSON lines)"})
      .value("html", 0,
             {"also write a printable HTML report to this file",
              "ghi thêm biên bản kiểm tra dạng HTML in được vào tệp này"})
      .value(
          "lang", 0,
          {"language: en or vi (default: from LANG)", "ngôn ngữ: en hoặc vi (mặc định: theo LANG)"})
      .flag("help", 'h', kThisTextHelp);
  if (auto st = p.parse(args); !st.ok()) {
    printError("kyso verify", st.error());
    return kExitUsage;
  }
  if (p.has("help")) {
    std::printf("%s", p.helpText().c_str());
    return kExitOk;
  }
  auto usage = [](const std::string& what) {
    printError("kyso verify", Error::kyso(Errc::UsageError, "kyso verify", what));
    return kExitUsage;
  };
  std::vector<fs::path> files;
  for (const auto& f : p.positional()) {
    if (jobs::formatOf(f) != jobs::DocumentFormat::Xml)
      return usage(say("XML files and ", "không thể kiểm tra tệp XML cùng ") + f +
                   say(" cannot be verified in one call", " trong một lệnh"));
    files.emplace_back(f);
  }
  if (files.empty()) return usage(say("no XML file", "chưa cho tệp XML"));
  Lang lang = defaultLang();
  if (auto l = p.get("lang")) {
    if (*l != "en" && *l != "vi")
      return usage(say("--lang must be en or vi", "--lang phải là en hoặc vi"));
    lang = *l == "vi" ? Lang::Vi : Lang::En;
  }
  int failCode = kExitOk;
  if (int rc = checkOutputFile(p.get("html"), "--html", "kyso verify"); rc != kExitOk) return rc;
  auto setup = makeVerifySetup(p, "kyso verify", failCode);
  if (!setup) return failCode;
  jobs::VerifyJob job(setup->profile);
  const bool json = p.has("json");
  int rc = kExitOk;
  std::vector<std::string> html;
  job.verifyXmlFiles(files, setup->jobs, [&](std::size_t, jobs::XmlFileReport&& f) {
    if (f.readError) {
      printUnreadable(f.file.string(), *f.readError, json, lang);
    } else if (json) {
      Json j = Json::object();
      j.set("file", f.file.string());
      const auto& r = f.report;
      j.set("status", r.error && r.error->kind == Errc::CmsNoSigner ? "unsigned"
                      : r.error                                     ? "error"
                                                                    : "signed");
      const Json report = xml::xmlReportToJson(r, lang);
      for (const auto& [k, v] : report.members()) j.set(k, v);
      std::printf("%s\n", j.dump().c_str());
    } else {
      printText(f, lang);
    }
    if (!f.readError) html.push_back(xml::xmlReportToHtml(f.report, f.file.string(), lang));
    rc = worseExit(rc, exitFor(f));
  });
  std::fflush(stdout);
  if (auto out = p.get("html")) {
    std::string page;
    for (const auto& h : html) page += h;
    auto af = AtomicFile::create(*out, AtomicFile::Overwrite::Allow);
    Status st = af.ok() ? af->write(std::string_view(page)) : Status(af.error());
    if (st.ok()) st = af->commit();
    if (!st.ok()) {
      printError("verify --html", st.error());
      return kExitInputError;
    }
  }
  if (files.size() > 1 && (rc == kExitInputError)) return kExitSignatureFailed;
  return rc;
}

}  // namespace kyso::cli
