// `kyso sign`: PAdES signatures on PDFs (issue 5), one file or a batch with one token login.
//   kyso sign IN.pdf -o OUT.pdf [--force]
//   kyso sign A.pdf B.pdf ... --out-dir DIR [--skip-existing]
//   --level B-B|B-T|B-LT|B-LTA (default B-B, B-T with --tsa), --tsa URL, --reason, --location,
//   --contact, --field NAME, --certify 1|2|3, --lock-fields, --subfilter ETSI.CAdES.detached|
//   adbe.pkcs7.detached, --trust-anchor FILE (chain building for B-LT), the token options
//   (token_options.h) or, for tests and files kept on disk, --key-file/--cert-file/--chain-file
//   (PEM, unencrypted), and the appearance options (appearance_options.h).
// This file turns the options into a jobs::PdfSignJob (src/jobs/pdf_sign_job.h: the pipeline, the
// commits, the stop policy) and its results into a table (sign_outputs.h); XML inputs go to
// cmd_sign_xml.cpp, other inputs and --detached to sign_detached.cpp.
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "certs/cert_info.h"
#include "core/log.h"
#include "core/messages.h"
#include "src/cli/commands/appearance_options.h"
#include "src/cli/commands/chain_trust_option.h"
#include "src/cli/commands/sign_outputs.h"
#include "src/cli/commands/unit_seal.h"
#include "src/cli/detached/signing_key_options.h"
#include "src/cli/kyso/args.h"
#include "src/cli/kyso/cli_settings.h"
#include "src/cli/kyso/commands.h"
#include "src/cli/kyso/common_help.h"
#include "src/cli/kyso/exit_codes.h"
#include "src/cli/kyso/token_options.h"
#include "src/cli/kyso/words.h"
#include "src/jobs/active_content_check.h"
#include "src/jobs/document_format.h"
#include "src/jobs/pdf_sign_job.h"

namespace kyso::cli {
namespace {
namespace fs = std::filesystem;

constexpr const char* kSignHelp =
    "Usage: kyso sign IN.pdf -o OUT.pdf [options]\n"
    "       kyso sign A.pdf B.pdf ... --out-dir DIR [options]\n"
    "Signs PDFs with PAdES signatures as incremental updates (the original bytes are kept).\n"
    "XML files (claim files, e-invoices) get an XML signature inside a signed copy (see kyso sign\n"
    "FILE.xml --help); other files, or --detached, detached CMS signatures (see kyso sign\n"
    "--detached --help).\n"
    "Examples:\n"
    "  kyso sign cong-van.pdf -o cong-van.signed.pdf --kind approved --image chu-ky.png\n"
    "  kyso sign *.pdf --out-dir signed/ --kind issued --seal dau.png --doc-number 286/SYT-VP\n\n";

constexpr const char* kSignHelpVi =
    "Cách dùng: kyso sign VÀO.pdf -o RA.pdf [tùy chọn]\n"
    "           kyso sign A.pdf B.pdf ... --out-dir THƯ_MỤC [tùy chọn]\n"
    "Ký PDF bằng chữ ký PAdES dưới dạng cập nhật nối thêm (giữ nguyên các byte gốc).\n"
    "Tệp XML (hồ sơ giám định BHYT, hóa đơn điện tử) được ký XML vào một bản sao (xem kyso sign\n"
    "TỆP.xml --help); tệp khác, hoặc khi có --detached, được ký CMS rời (xem kyso sign\n"
    "--detached --help).\n"
    "Ví dụ:\n"
    "  kyso sign cong-van.pdf -o cong-van.signed.pdf --kind approved --image chu-ky.png\n"
    "  kyso sign *.pdf --out-dir signed/ --kind issued --seal dau.png --doc-number 286/SYT-VP\n\n";

// Prints, for each input, what in it can change what it shows after signing. False when
// `refuse` and at least one input has such content (nothing is signed then). The files read are
// noted in `checked`, which the batch compares each file with before signing it.
bool warnActiveContent(const std::vector<FileOutcome>& rows, bool refuse,
                       jobs::CheckedPdfs& checked) {
  const Lang lang = defaultLang();
  const bool vi = lang == Lang::Vi;
  std::vector<fs::path> inputs;
  for (const auto& r : rows) inputs.push_back(r.input);
  const auto findings = jobs::findActiveContent(inputs, lang, &checked);
  const bool found = !findings.empty();
  const char* what = refuse ? (vi ? "từ chối" : "refused") : (vi ? "cảnh báo" : "warning");
  for (const auto& f : findings)
    for (const auto& sentence : f.sentences)
      std::fprintf(stderr, "kyso: %s: %s: %s\n", what, f.file.c_str(), sentence.c_str());
  if (found && refuse)
    std::fprintf(stderr, vi ? "kyso: không ký tài liệu nào (--refuse-active-content).\n"
                            : "kyso: nothing was signed (--refuse-active-content).\n");
  return !(found && refuse);
}

void declareSignOptions(ArgParser& p) {
  p.usage({kSignHelp, kSignHelpVi});
  addTokenOptions(p, ForceFlag::Separate);
  addAppearanceOptions(p);
  addOutputOptions(p);
  p.value("level", 0,
          {"B-B | B-T | B-LT | B-LTA (default: level under [sign] in the settings, else B-B; "
           "B-T with --tsa)",
           "B-B | B-T | B-LT | B-LTA (mặc định: level trong mục [sign] của tệp cài đặt, nếu "
           "không có thì B-B; B-T khi có --tsa)"})
      .value("tsa", 0,
             {"RFC 3161 timestamp authority URL (B-T and above; default: tsa under [sign])",
              "URL máy chủ cấp dấu thời gian RFC 3161 (từ B-T trở lên; mặc định: tsa trong mục "
              "[sign])"})
      .value("reason", 0, {"reason for signing", "lý do ký"})
      .value("location", 0, {"place of signing", "nơi ký"})
      .value("contact", 0, {"signer's contact information", "thông tin liên hệ của người ký"})
      .value("field", 0,
             {"sign this existing empty signature field", "ký vào ô chữ ký trống có sẵn này"})
      .value("certify", 0,
             {"1|2|3: certification signature allowing no changes / forms / annotations",
              "1|2|3: chữ ký chứng nhận, cho phép: không thay đổi gì / điền biểu mẫu / thêm ghi "
              "chú"})
      .flag("lock-fields", 0,
            {"lock all form fields once signed (FieldMDP)",
             "khóa mọi trường biểu mẫu sau khi ký (FieldMDP)"})
      .flag("refuse-active-content", 0,
            {"refuse documents with scripts, XFA forms, missing objects or wrong stream lengths "
             "(default: warn before the PIN is asked)",
             "từ chối tài liệu có mã script, biểu mẫu XFA, đối tượng bị thiếu hoặc độ dài luồng "
             "sai (mặc định: cảnh báo trước khi hỏi PIN)"})
      .value("subfilter", 0,
             {"ETSI.CAdES.detached (default) | adbe.pkcs7.detached",
              "ETSI.CAdES.detached (mặc định) | adbe.pkcs7.detached"})
      .multi("trust-anchor", 0,
             {"extra trusted certificate file for B-LT chain building",
              "tệp chứng thư số tin cậy bổ sung để dựng chuỗi cho B-LT"})
      .flag("help", 'h', kThisTextHelp);
  addKeyFileOptions(p);
}

// The job's settings from the options (everything but the trust store and the appearance).
int settingsFromOptions(const ArgParser& p, jobs::PdfSignSettings& settings) {
  pdf::SignatureOptions& sig = settings.signature;
  sig.reason = p.getOr("reason", "");
  sig.location = p.getOr("location", "");
  sig.contact = p.getOr("contact", "");
  sig.fieldName = p.getOr("field", "");
  sig.lockFields = p.has("lock-fields");
  sig.subFilter = p.getOr("subfilter", "ETSI.CAdES.detached");
  if (sig.subFilter != "ETSI.CAdES.detached" && sig.subFilter != "adbe.pkcs7.detached")
    return signUsageError(say("--subfilter must be ETSI.CAdES.detached or adbe.pkcs7.detached",
                              "--subfilter phải là ETSI.CAdES.detached hoặc adbe.pkcs7.detached"));
  if (auto c = p.get("certify")) {
    if (*c != "1" && *c != "2" && *c != "3")
      return signUsageError(say("--certify must be 1, 2 or 3", "--certify phải là 1, 2 hoặc 3"));
    sig.certifyP = std::stoi(*c);
  }
  // The options win; else [sign] level and tsa from the settings files; --tsa alone means B-T.
  const auto configLevel = cliSettings().get("sign", "level");
  const std::string levelText =
      p.getOr("level", p.has("tsa") ? std::string("B-T") : configLevel.value_or("B-B"));
  auto level = pdf::parsePadesLevel(levelText);
  if (!level)
    return signUsageError(p.has("level") || !configLevel
                              ? say("--level must be B-B, B-T, B-LT or B-LTA",
                                    "--level phải là B-B, B-T, B-LT hoặc B-LTA")
                              : say("level under [sign] in the settings must be B-B, B-T, B-LT or "
                                    "B-LTA, not ",
                                    "level trong mục [sign] của tệp cài đặt phải là B-B, B-T, "
                                    "B-LT hoặc B-LTA, không phải ") +
                                    levelText);
  settings.tsaUrl = p.get("tsa");
  if (*level != pdf::PadesLevel::BB && !settings.tsaUrl)
    settings.tsaUrl = cliSettings().get("sign", "tsa");
  if (*level != pdf::PadesLevel::BB && !settings.tsaUrl)
    return signUsageError(
        say("B-T and above need --tsa URL (or tsa = URL under [sign] in the settings)",
            "từ B-T trở lên cần --tsa URL (hoặc tsa = URL trong mục [sign] của tệp cài đặt)"));
  settings.level = *level;
  settings.overwrite = p.has("force");
  settings.skipExisting = p.has("skip-existing");
  return kExitOk;
}

// True when the words name .xml files and no PDF: the XML signer's line, decided before the PDF
// options are parsed (an -o value counts too: it is an .xml there as well).
bool namesXmlOnly(const Args& args) {
  bool xml = false;
  for (const auto& a : args) {
    if (a.rfind("-", 0) == 0) continue;
    if (jobs::formatOf(a) == jobs::DocumentFormat::Pdf) return false;
    xml = xml || jobs::formatOf(a) == jobs::DocumentFormat::Xml;
  }
  return xml;
}

// The inventory holding the unit's seal could not be read: said as such, not as a missing seal.
int inventoryUnreadable(const Error& e) {
  printError(say("Reading the unit's seal from the inventory failed",
                 "Không đọc được con dấu của đơn vị trong sổ theo dõi"),
             e);
  return kExitInputError;
}

}  // namespace

int runSign(const Args& args) {
  if (wantsDetached(args)) return runSignDetached(args);
  if (namesXmlOnly(args)) return runSignXml(args);  // its own options (--xml-*)
  ArgParser p;
  declareSignOptions(p);
  if (auto st = p.parse(args); !st.ok()) {
    printError("kyso sign", st.error());
    return kExitUsage;
  }
  if (p.has("help")) {
    std::printf("%s", p.helpText().c_str());
    return kExitOk;
  }
  const auto& inputs = p.positional();
  if (inputs.empty()) {
    std::fprintf(stderr, "%s", p.helpText().c_str());
    return kExitUsage;
  }
  std::size_t pdfs = 0, xmls = 0;
  for (const auto& in : inputs) {
    pdfs += jobs::signingMethodFor(in) == jobs::SigningMethod::Pades ? 1 : 0;
    xmls += jobs::signingMethodFor(in) == jobs::SigningMethod::XmlDsig ? 1 : 0;
  }
  if (xmls == inputs.size()) return runSignXml(args);
  if (pdfs == 0 && xmls == 0) return runSignDetached(args);
  if (pdfs != inputs.size())
    return signUsageError(
        say("PDF, XML and other inputs cannot be mixed in one call; use --detached for detached "
            "signatures on all of them",
            "không thể ký lẫn PDF, XML và tệp khác trong một lệnh; hãy dùng --detached để ký rời "
            "tất cả"));
  if (int rc = checkOutputChoice(p); rc != kExitOk) return rc;
  jobs::PdfSignSettings settings;
  if (int rc = settingsFromOptions(p, settings); rc != kExitOk) return rc;
  std::vector<FileOutcome> rows;
  if (int rc = planOutputs(p, rows); rc != kExitOk) return rc;
  // What could change a document's appearance after signing, and the anchors for B-LT chains,
  // come before the PIN is asked.
  settings.checked = std::make_shared<jobs::CheckedPdfs>();
  if (!warnActiveContent(rows, p.has("refuse-active-content"), *settings.checked))
    return kExitInputError;
  if (int rc = chainTrustFromOptions(p, settings.level, settings.trust); rc != kExitOk) return rc;
  // The appearance options are tried on the first file before the PIN is asked: a missing seal or
  // a bad value is said now, not after the login (the signer's own details come with the key).
  // --kind issued without --seal takes the seal the inventory stores for the certificate's unit,
  // known once the key is: before the PIN, the inventory must at least hold a unit's seal.
  const bool sealFromInventory = p.getOr("kind", "") == "issued" && !p.has("seal");
  {
    if (sealFromInventory) {
      auto seals = inventoryHasUnitSeals();
      if (!seals.ok()) return inventoryUnreadable(seals.error());
      if (!*seals) {
        printError("kyso sign", Error::kyso(Errc::UsageError, "--seal", sealNeededText()));
        return kExitUsage;
      }
    }
    auto tried =
        sealFromInventory
            ? Result<std::optional<appearance::Appearance>>(std::optional<appearance::Appearance>())
            : appearanceFromOptions(p, rows.front().input, SignerDetails{"-", "-", "-", {}},
                                    std::chrono::system_clock::now());
    if (!tried.ok() && tried.error().kind == Errc::UsageError) {
      printError("kyso sign", tried.error());
      return kExitUsage;
    }
    for (const char* image : {"seal", "image"}) {
      std::error_code ec;
      if (auto f = p.get(image); f && !fs::is_regular_file(*f, ec)) {
        printError("kyso sign", Error::kyso(Errc::FileNotFound, std::string("--") + image, *f));
        return kExitInputError;
      }
    }
  }

  // One identity (one token login) for the whole batch.
  std::unique_ptr<CliToken> token;
  jobs::SigningKey key;
  if (int rc = signingKeyFromOptions(p, token, key); rc != kExitOk) return rc;
  X509_NAME* subject = X509_get_subject_name(key.identity.cert.get());
  SignerDetails details{certs::commonName(subject),
                        certs::nameEntry(subject, NID_title),
                        certs::nameEntry(subject, NID_organizationName),
                        {}};
  if (sealFromInventory) {
    auto seal = unitSealFor(key.identity.cert.get());
    if (!seal.ok()) return inventoryUnreadable(seal.error());
    if (!*seal) {
      printError("kyso sign",
                 Error::kyso(Errc::UsageError, "--seal",
                             say("the inventory stores no seal for the signing certificate's "
                                 "unit; give --seal FILE.png, or store it: kyso inventory unit "
                                 "edit UNIT --seal FILE.png (nothing was signed)",
                                 "sổ theo dõi chưa lưu con dấu của đơn vị có chứng thư số ký; hãy "
                                 "cho --seal TỆP.png, hoặc lưu con dấu: kyso inventory unit edit "
                                 "ĐƠN-VỊ --seal TỆP.png (chưa ký tệp nào)")));
      return kExitUsage;
    }
    details.unitSeal = std::move(*seal);
  }
  settings.appearance = [&](std::size_t, const jobs::SignInput& item,
                            std::chrono::system_clock::time_point signingTime) {
    return appearanceFromOptions(p, item.input, details, signingTime);
  };
  std::vector<jobs::SignInput> items;
  for (const auto& r : rows) items.push_back({r.input, r.output, false});
  SignPrinter printer(rows);
  return reportBatch(jobs::PdfSignJob::run(items, key, settings, printer), rows);
}

}  // namespace kyso::cli
