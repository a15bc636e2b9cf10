// `kyso sign FILE.xml`: enveloped XML-DSig signatures (issue 20) for health-insurance claim files,
// e-invoices and any XML, one file or a batch with one token login. The options become a
// jobs::XmlSignJob (src/jobs/xml_sign_job.h) and its results a table (sign_outputs.h).
//   kyso sign claim.xml -o claim-signed.xml                # the layout is recognised
//   kyso sign *.xml --out-dir signed/ --xml-profile bhyt
//   kyso sign data.xml -o out.xml --xml-sign-id doc1 --xml-signature-parent /Root/Signatures
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "src/cli/commands/sign_outputs.h"
#include "src/cli/detached/signing_key_options.h"
#include "src/cli/kyso/args.h"
#include "src/cli/kyso/commands.h"
#include "src/cli/kyso/common_help.h"
#include "src/cli/kyso/exit_codes.h"
#include "src/cli/kyso/token_options.h"
#include "src/cli/kyso/words.h"
#include "src/jobs/xml_sign_job.h"
#include "src/xml/xml.h"

namespace kyso::cli {
namespace {

constexpr const char* kHelp =
    "Usage: kyso sign IN.xml -o OUT.xml [options]\n"
    "       kyso sign A.xml B.xml ... --out-dir DIR [options]\n"
    "Signs XML files with an enveloped XML-DSig signature (RSA-SHA256 or ECDSA-SHA256, inclusive\n"
    "C14N 1.0, the signer's certificate in KeyInfo). The layout is recognised from the file:\n"
    "  bhyt      health-insurance claim files (QĐ 130/4750: GIAMDINHHS, XML0 check-in,\n"
    "            HSDANHMUC): the whole file, the signature in the first CHUKYDONVI element\n"
    "  einvoice  e-invoices (TT 78): HDon/DLHDon by its Id, the signature Id=\"seller\" in\n"
    "            HDon/DSCKS/NBan with its SigningTime\n"
    "  generic   anything else: the whole document (or --xml-sign-id), the signature at the end\n"
    "            of the root element (or --xml-signature-parent)\n"
    "A signature already in the file that the new one would break is refused, as is XML with a\n"
    "DOCTYPE (entity attacks). The input is never changed.\n"
    "Example: kyso sign HOSO_79001.xml -o HOSO_79001-signed.xml --module softhsm\n\n";

constexpr const char* kHelpVi =
    "Cách dùng: kyso sign VÀO.xml -o RA.xml [tùy chọn]\n"
    "           kyso sign A.xml B.xml ... --out-dir THƯ_MỤC [tùy chọn]\n"
    "Ký tệp XML bằng chữ ký XML-DSig dạng enveloped (RSA-SHA256 hoặc ECDSA-SHA256, chuẩn hóa\n"
    "C14N 1.0 inclusive, chứng thư số của người ký trong KeyInfo). Bố cục được nhận ra từ tệp:\n"
    "  bhyt      hồ sơ giám định BHYT (QĐ 130/4750: GIAMDINHHS, XML0 check-in, HSDANHMUC): ký\n"
    "            cả tệp, chữ ký đặt trong phần tử CHUKYDONVI đầu tiên\n"
    "  einvoice  hóa đơn điện tử (TT 78): HDon/DLHDon theo Id, chữ ký Id=\"seller\" trong\n"
    "            HDon/DSCKS/NBan kèm SigningTime\n"
    "  generic   các loại khác: ký cả văn bản (hoặc --xml-sign-id), chữ ký đặt cuối phần tử gốc\n"
    "            (hoặc --xml-signature-parent)\n"
    "Từ chối khi chữ ký mới làm hỏng chữ ký đã có trong tệp, và khi XML có DOCTYPE (tấn công\n"
    "bằng entity). Tệp đầu vào không bao giờ bị thay đổi.\n"
    "Ví dụ: kyso sign HOSO_79001.xml -o HOSO_79001-signed.xml --module softhsm\n\n";

void declareOptions(ArgParser& p) {
  p.usage({kHelp, kHelpVi});
  addTokenOptions(p, ForceFlag::Separate);
  addOutputOptions(p);
  p.value("xml-profile", 0,
          {"auto (default) | bhyt | einvoice | generic",
           "auto (mặc định) | bhyt | einvoice | generic"})
      .value("xml-sign-id", 0,
             {"generic: sign the element with this Id (default: the whole file)",
              "generic: ký phần tử có Id này (mặc định: cả tệp)"})
      .value("xml-signature-parent", 0,
             {"generic: put the signature in the first element of this name, or the one element "
              "an XPath from / selects (default: the root)",
              "generic: đặt chữ ký vào phần tử đầu tiên có tên này, hoặc phần tử duy nhất mà một "
              "XPath bắt đầu từ / chọn (mặc định: phần tử gốc)"})
      .value("xml-prefix", 0,
             {"none (default: xmlns=\"…xmldsig#\") | ds (<ds:Signature>)",
              "none (mặc định: xmlns=\"…xmldsig#\") | ds (<ds:Signature>)"})
      .value("xml-signature-id", 0,
             {"the Signature element's Id (einvoice default: seller)",
              "Id của phần tử Signature (mặc định với einvoice: seller)"})
      .value("digest", 0,
             {"sha256 (default) | sha384 | sha512", "sha256 (mặc định) | sha384 | sha512"})
      .flag("help", 'h', kThisTextHelp);
  addKeyFileOptions(p);
}

int settingsFromOptions(const ArgParser& p, jobs::XmlSignSettings& s) {
  auto profile = xml::parseProfile(p.getOr("xml-profile", "auto"));
  if (!profile)
    return signUsageError(say("--xml-profile must be auto, bhyt, einvoice or generic",
                              "--xml-profile phải là auto, bhyt, einvoice hoặc generic"));
  s.spec.profile = *profile;
  const bool generic = *profile == xml::XmlProfile::Generic || *profile == xml::XmlProfile::Auto;
  if (!generic && (p.has("xml-sign-id") || p.has("xml-signature-parent")))
    return signUsageError(
        say("--xml-sign-id and --xml-signature-parent go with --xml-profile generic; the bhyt and "
            "einvoice layouts fix what is signed and where the signature goes",
            "--xml-sign-id và --xml-signature-parent chỉ dùng với --xml-profile generic; bố cục "
            "bhyt và einvoice đã quy định phần được ký và chỗ đặt chữ ký"));
  if (p.has("xml-sign-id") || p.has("xml-signature-parent"))
    s.spec.profile = xml::XmlProfile::Generic;
  s.spec.signId = p.getOr("xml-sign-id", "");
  s.spec.signatureParent = p.getOr("xml-signature-parent", "");
  const std::string prefix = p.getOr("xml-prefix", "none");
  if (prefix != "none" && prefix != "ds")
    return signUsageError(
        say("--xml-prefix must be none or ds", "--xml-prefix phải là none hoặc ds"));
  s.spec.dsPrefix = prefix == "ds";
  s.spec.signatureId = p.getOr("xml-signature-id", "");
  s.spec.digest = p.getOr("digest", "sha256");
  if (s.spec.digest != "sha256" && s.spec.digest != "sha384" && s.spec.digest != "sha512")
    return signUsageError(say("--digest must be sha256, sha384 or sha512",
                              "--digest phải là sha256, sha384 hoặc sha512"));
  s.overwrite = p.has("force");
  s.skipExisting = p.has("skip-existing");
  return kExitOk;
}

}  // namespace

int runSignXml(const Args& args) {
  ArgParser p;
  declareOptions(p);
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
  if (int rc = checkOutputChoice(p); rc != kExitOk) return rc;
  jobs::XmlSignSettings settings;
  if (int rc = settingsFromOptions(p, settings); rc != kExitOk) return rc;
  std::vector<FileOutcome> rows;
  if (int rc = planOutputs(p, rows); rc != kExitOk) return rc;

  std::unique_ptr<CliToken> token;  // one login for the whole batch
  jobs::SigningKey key;
  if (int rc = signingKeyFromOptions(p, token, key); rc != kExitOk) return rc;
  std::vector<jobs::SignInput> items;
  for (const auto& r : rows) items.push_back({r.input, r.output, false});
  SignPrinter printer(rows);
  return reportBatch(jobs::XmlSignJob::run(items, key, settings, printer), rows);
}

}  // namespace kyso::cli
