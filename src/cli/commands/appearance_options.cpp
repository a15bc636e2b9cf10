#include "src/cli/commands/appearance_options.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/log.h"
#include "core/messages.h"
#include "src/appearance/compose.h"
#include "src/appearance/template.h"
#include "src/cli/kyso/words.h"

namespace kyso::cli {
namespace {

// Options that only make sense with a visible signature.
const char* const kAppearanceOnly[] = {
    "image",       "seal",           "seal-size-mm", "white-transparent", "copy-form", "doc-number",
    "issued-date", "arrival-number", "rect",         "template"};

Result<int> parseInt(const std::string& opt, const std::string& v) {
  std::size_t used = 0;
  try {
    const long n = std::stol(v, &used);
    if (used == v.size() && n >= -100000 && n <= 100000) return static_cast<int>(n);
  } catch (const std::exception&) {
  }
  return Error::kyso(Errc::UsageError, opt, v);
}

Result<double> parseMm(const std::string& opt, std::string v) {
  if (v.size() > 2 && v.ends_with("mm")) v.resize(v.size() - 2);
  std::size_t used = 0;
  try {
    const double d = std::stod(v, &used);
    if (used == v.size() && std::isfinite(d)) return d;
  } catch (const std::exception&) {
  }
  return Error::kyso(Errc::UsageError, opt, v);
}

}  // namespace

void addAppearanceOptions(ArgParser& p) {
  const std::string kinds = appearance::kindWords();
  p.value("kind", 0,
          {kinds + " (Decree 30/2020 appearance; default: invisible, no appearance)",
           kinds + " (hình thức chữ ký theo Nghị định 30/2020; mặc định: invisible, không hiện "
                   "trên trang)"})
      .value("image", 0,
             {"handwritten signature: PNG with a transparent background, or a JPEG scan whose "
              "white paper is made transparent (approved)",
              "ảnh chữ ký tay: PNG nền trong suốt, hoặc ảnh scan JPEG (nền giấy trắng được làm "
              "trong suốt) (approved)"})
      .value("seal", 0,
             {"the organisation's seal, PNG with a transparent background or a JPEG scan "
              "(issued; default: the "
              "seal the inventory stores for the signing certificate's unit)",
              "ảnh con dấu của cơ quan, PNG nền trong suốt hoặc ảnh scan JPEG (issued; mặc định: "
              "con dấu mà sổ theo "
              "dõi lưu cho đơn vị của chứng thư số ký)"})
      .value("seal-size-mm", 0,
             {"the seal's real diameter in mm, 5-100 (default: the size the image records; "
              "needed when it records none; seals are usually 35-40)",
              "đường kính thật của con dấu tính bằng mm, 5-100 (mặc định: kích thước ghi trong "
              "tệp ảnh; bắt buộc khi tệp không ghi; con dấu thường 35-40)"})
      .flag("white-transparent", 0,
            {"make white transparent in a PNG without alpha (a scanned signature or seal; a JPEG's "
             "white is always made transparent)",
             "làm nền trắng trong suốt với ảnh PNG không có kênh alpha (chữ ký, con dấu scan; "
             "với ảnh JPEG nền trắng luôn được làm trong suốt)"})
      .value("copy-form", 0,
             {"sao-y | sao-luc | trich-sao (copy)", "sao-y | sao-luc | trich-sao (copy)"})
      .value("org", 0,
             {"organisation name shown in the stamp (default: the certificate's O)",
              "tên cơ quan hiện trong dấu (mặc định: trường O của chứng thư số)"})
      .value("doc-number", 0,
             {"document number and symbol, e.g. 286/SYT-VP (issued, appendix)",
              "số và ký hiệu văn bản, ví dụ 286/SYT-VP (issued, appendix)"})
      .value("issued-date", 0,
             {"issue date DD/MM/YYYY written into the letter's \"ngày ... tháng ... năm\" line "
              "(default: the signing date)",
              "ngày ban hành DD/MM/YYYY điền vào dòng \"ngày ... tháng ... năm\" của văn bản "
              "(mặc định: ngày ký)"})
      .value("arrival-number", 0,
             {"arrival number of an incoming document (incoming)",
              "số đến của văn bản đến (incoming)"})
      .value("page", 0,
             {"page for the signature: 1-based, negative counts from the end (default: the "
              "template's page, usually the last)",
              "trang đặt chữ ký: đếm từ 1, số âm đếm từ cuối (mặc định: trang theo mẫu, thường "
              "là trang cuối)"})
      .value("rect", 0,
             {"X,Y,W,H from the page's top-left, points or with mm suffix (default: found on "
              "the page)",
              "X,Y,W,H tính từ góc trên bên trái trang, đơn vị point hoặc thêm mm (mặc định: tự "
              "tìm chỗ trên trang)"})
      .value("template", 0,
             {"appearance template: a shipped name (e.g. approved-with-text) or a JSON file",
              "mẫu hình thức chữ ký: tên mẫu có sẵn (ví dụ approved-with-text) hoặc tệp JSON"})
      .value("signer-name", 0,
             {"signer's name as printed on the page (default: the certificate's CN)",
              "họ tên người ký in trên trang (mặc định: trường CN của chứng thư số)"})
      .value("signer-title", 0,
             {"signer's title as printed on the page, e.g. \"GIÁM ĐỐC\"",
              "chức vụ người ký in trên trang, ví dụ \"GIÁM ĐỐC\""});
}

namespace {

// The option that supplies an appearance part ("doc_number" -> "--doc-number"): the library's
// errors name parts; the command line speaks of its options.
std::string optionFor(const std::string& part) {
  if (part == "name") return "--signer-name";
  if (part == "title") return "--signer-title";
  std::string o = "--" + part;
  std::replace(o.begin(), o.end(), '_', '-');
  return o;
}

Error inCliWords(Error e) {
  if (e.domain != Domain::Kyso) return e;
  if (e.operation.rfind("appearance_", 0) == 0) {
    e.context = optionFor(e.context);
  } else if (e.operation == "page" || e.operation == "rect" || e.operation == "copy_form" ||
             e.operation == "kind" || e.operation == "seal_size_mm" ||
             e.operation == "issued_date") {
    e.operation = optionFor(e.operation);
  }
  return e;
}

}  // namespace

std::string sealNeededText() {
  return vi() ? "chữ ký của văn thư khi phát hành (--kind issued) đóng dấu của đơn vị: hãy cho ảnh "
                "con dấu bằng --seal TỆP.png, hoặc lưu con dấu của đơn vị vào sổ theo dõi (kyso "
                "inventory unit edit ĐƠN-VỊ --seal TỆP.png) để lấy theo chứng thư số của người ký"
              : "an issued letter (--kind issued) carries the unit's seal: give its image with "
                "--seal FILE.png, or store the unit's seal in the inventory (kyso inventory unit "
                "edit UNIT --seal FILE.png) to have it found from the signer's certificate";
}

Result<std::optional<appearance::Appearance>> appearanceFromOptions(
    const ArgParser& args, const std::filesystem::path& inputPdf, const SignerDetails& signer,
    std::chrono::system_clock::time_point signingTime) {
  const auto kindWord = args.get("kind");
  if (!kindWord || *kindWord == "invisible") {
    for (const char* o : kAppearanceOnly) {
      if (args.has(o))
        return Error::kyso(
            Errc::UsageError, "--kind",
            std::string("--") + o +
                say(" needs --kind approved|issued|...", " cần --kind approved|issued|..."));
    }
    return std::optional<appearance::Appearance>{};
  }
  appearance::Request r;
  auto kind = appearance::parseKind(*kindWord);
  if (!kind.ok()) return inCliWords(kind.error());
  r.kind = *kind;
  r.pdf = inputPdf;
  r.templateSpec = args.getOr("template", "");
  if (r.kind == appearance::Kind::Issued) {
    if (args.has("image"))
      return Error::kyso(Errc::UsageError, "--image",
                         say("--kind issued stamps the seal: give --seal",
                             "--kind issued đóng con dấu: hãy cho --seal"));
    if (auto s = args.get("seal"))
      r.image = *s;
    else if (signer.unitSeal)
      r.imageData = *signer.unitSeal;
    else
      return Error::kyso(Errc::UsageError, "--seal", sealNeededText());
  } else {
    if (args.has("seal"))
      return Error::kyso(Errc::UsageError, "--seal",
                         say("only with --kind issued", "chỉ dùng với --kind issued"));
    if (auto s = args.get("image")) r.image = *s;
  }
  r.imageOptions.whiteTransparent = args.has("white-transparent");
  if (auto s = args.get("seal-size-mm")) {
    KYSO_ASSIGN_OR_RETURN(double mm, parseMm("--seal-size-mm", *s));
    r.sealSizeMm = mm;
  }
  if (auto s = args.get("page")) {
    KYSO_ASSIGN_OR_RETURN(int n, parseInt("--page", *s));
    r.page = n;
  }
  if (auto s = args.get("rect")) r.rect = *s;
  r.fields["name"] = args.getOr("signer-name", signer.name);
  r.fields["title"] = args.getOr("signer-title", signer.title);
  r.fields["org"] = args.getOr("org", signer.org);
  for (const char* f : {"doc-number", "issued-date", "arrival-number", "copy-form"}) {
    if (auto v = args.get(f)) {
      std::string key = f;
      for (char& c : key)
        if (c == '-') c = '_';
      r.fields[key] = *v;
    }
  }
  r.signingTime = signingTime;
  auto a = appearance::makeAppearance(r);
  if (!a.ok()) return inCliWords(a.error());
  return std::optional<appearance::Appearance>(std::move(*a));
}

}  // namespace kyso::cli
