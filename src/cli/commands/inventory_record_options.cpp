// The options and --help texts of `kyso inventory unit|person|token|cert`
// (cmd_inventory_records.cpp runs them), in English and Vietnamese.
#include "src/cli/commands/inventory_record_options.h"

#include <string>

#include "core/messages.h"
#include "src/inventory/lifecycle.h"
#include "src/inventory/state_names.h"

namespace kyso::cli::inv {

void declareUnit(ArgParser& p) {
  p.value("name", 0, {"the unit's name (unique)", "tên đơn vị (không trùng)"})
      .value("parent", 0, {"the unit above it (name or id)", "đơn vị cấp trên (tên hoặc id)"})
      .value("kind", 0,
             {"department, hospital, district, unit... (free text; default: unit)",
              "loại đơn vị: phòng, bệnh viện, trung tâm y tế huyện... (ghi tự do; mặc định: "
              "unit)"})
      .value("focal-person", 0,
             {"the person who looks after its tokens and cyber security (name or id)",
              "đầu mối phụ trách token và an toàn thông tin mạng của đơn vị (tên hoặc id)"})
      .value("seal", 0,
             {"the unit's seal image (PNG with a transparent background, or a JPEG scan)",
              "ảnh con dấu của đơn vị (PNG nền trong suốt, hoặc ảnh scan JPEG)"});
  p.value("export-seal", 0,
          {"show: write the stored seal image to this file",
           "show: ghi ảnh con dấu đã lưu ra tệp này"});
}

void declarePerson(ArgParser& p) {
  p.value("name", 0, {"full name", "họ và tên"})
      .value("unit", 0, {"the unit (name or id)", "đơn vị (tên hoặc id)"})
      .value("position", 0,
             {"position, e.g. Giám đốc, Văn thư", "chức vụ, ví dụ Giám đốc, Văn thư"})
      .value("email", 0, {"e-mail address", "địa chỉ thư điện tử"})
      .value("phone", 0, {"telephone", "số điện thoại"})
      .value("left-on", 0,
             {"the day the person left the unit (DD/MM/YYYY or YYYY-MM-DD)",
              "ngày thôi việc ở đơn vị (DD/MM/YYYY hoặc YYYY-MM-DD)"});
  p.value("handwriting", 0,
          {"the handwritten signature image (PNG with a transparent background, or a JPEG scan)",
           "ảnh chữ ký tay (PNG nền trong suốt, hoặc ảnh scan JPEG)"})
      .value("export-handwriting", 0,
             {"show: write the stored handwriting image to this file",
              "show: ghi ảnh chữ ký tay đã lưu ra tệp này"})
      .value("move-to", 0,
             {"move the person to another unit (name or id)",
              "chuyển người này sang đơn vị khác (tên hoặc id)"});
}

void declareToken(ArgParser& p) {
  p.value("serial", 0,
          {"the token's serial number (as `kyso token list` shows it)",
           "số serial của token (như `kyso token list` hiện)"})
      .value("manufacturer", 0,
             {"Bit4id, SafeNet, ePass, ...", "hãng sản xuất: Bit4id, SafeNet, ePass, ..."})
      .value("model", 0, {"model name", "tên mẫu thiết bị"})
      .value("provider", 0,
             {"who issued it: Ban Cơ yếu, Viettel-CA, VNPT-CA, ...",
              "nơi cấp: Ban Cơ yếu, Viettel-CA, VNPT-CA, ..."})
      .value("module", 0,
             {"its PKCS#11 module (path or known name)",
              "mô-đun PKCS#11 của token (đường dẫn hoặc tên đã biết)"});
  p.value("unit", 0, {"unit (name or id)", "đơn vị (tên hoặc id)"})
      .value("holder", 0, {"person (name or id)", "người giữ (tên hoặc id)"})
      .value("state", 0,
             {"add: the starting state (default: in_stock); list: only tokens in this state "
              "(code, English or Vietnamese name)",
              "add: trạng thái ban đầu (mặc định: in_stock); list: chỉ token ở trạng thái này "
              "(mã, tên tiếng Anh hoặc tiếng Việt)"})
      .value("received-on", 0,
             {"the day the Department received it (DD/MM/YYYY or YYYY-MM-DD)",
              "ngày Sở nhận token (DD/MM/YYYY hoặc YYYY-MM-DD)"})
      .value("search", 0,
             {"list: serial, holder or model containing this text",
              "list: số serial, người giữ hoặc mẫu có chứa đoạn chữ này"});
  p.value("limit", 0, {"list: at most this many rows", "list: nhiều nhất chừng ấy dòng"});
}

void declareCert(ArgParser& p) {
  p.value("token", 0,
          {"the token serial the certificate is on", "số serial của token chứa chứng thư số"})
      .value("holder", 0, {"person (name or id)", "người được cấp (tên hoặc id)"})
      .value("unit", 0, {"unit (name or id)", "đơn vị (tên hoặc id)"})
      .value("kind", 0,
             {"personal (default) or organisation",
              "personal (cá nhân, mặc định) hoặc "
              "organisation (tổ chức)"})
      .value("state", 0,
             {"list: only certificates in this state", "list: chỉ chứng thư số ở trạng thái này"})
      .value("file", 0,
             {"the certificate file (PEM or DER), as the positional FILE",
              "tệp chứng thư số (PEM hoặc DER), như đối số TỆP"});
  p.value("expires-before", 0,
          {"list: only those ending before this day (DD/MM/YYYY or YYYY-MM-DD)",
           "list: chỉ những chứng thư hết hạn trước ngày này (DD/MM/YYYY hoặc YYYY-MM-DD)"})
      .value("limit", 0, {"list: at most this many rows", "list: nhiều nhất chừng ấy dòng"});
}

HelpText unitUsage() {
  return {
      "usage: kyso inventory unit add --name NAME [--parent UNIT] [--kind KIND]\n"
      "       kyso inventory unit show UNIT [--export-seal FILE.png]\n"
      "       kyso inventory unit list\n"
      "       kyso inventory unit edit UNIT [--name N] [--parent P] [--kind K] "
      "[--focal-person P]\n"
      "                                     [--seal FILE.png] [--if-version V]\n"
      "Units form a tree under the Department. A UNIT is named by its name or id.\n"
      "Example: kyso inventory unit add --name \"Trung tâm Y tế huyện Phú Vang\" --parent "
      "\"Sở Y tế\"\n",
      "cách dùng: kyso inventory unit add --name TÊN [--parent ĐƠN-VỊ] [--kind LOẠI]\n"
      "           kyso inventory unit show ĐƠN-VỊ [--export-seal TỆP.png]\n"
      "           kyso inventory unit list\n"
      "           kyso inventory unit edit ĐƠN-VỊ [--name TÊN] [--parent ĐƠN-VỊ] [--kind "
      "LOẠI]\n"
      "                         [--focal-person NGƯỜI] [--seal TỆP.png] [--if-version V]\n"
      "Các đơn vị tạo thành cây dưới Sở. ĐƠN-VỊ gọi bằng tên hoặc id.\n"
      "Ví dụ: kyso inventory unit add --name \"Trung tâm Y tế huyện Phú Vang\" --parent "
      "\"Sở Y tế\"\n"};
}

HelpText personUsage() {
  return {
      "usage: kyso inventory person add --name NAME --unit UNIT [--position P] [--email E] "
      "[--phone T]\n"
      "       kyso inventory person show PERSON [--export-handwriting FILE.png]\n"
      "       kyso inventory person list [--unit UNIT]\n"
      "       kyso inventory person edit PERSON [--name N] [--position P] [--email E] "
      "[--phone T]\n"
      "                                         [--left-on DATE] [--move-to UNIT]\n"
      "                                         [--handwriting FILE.png] [--if-version V]\n"
      "A PERSON is named by full name or id. Dates: DD/MM/YYYY or YYYY-MM-DD.\n"
      "Example: kyso inventory person add --name \"Nguyễn Văn An\" --unit \"Sở Y tế\" "
      "--position \"Giám đốc\"\n",
      "cách dùng: kyso inventory person add --name TÊN --unit ĐƠN-VỊ [--position CHỨC-VỤ]\n"
      "                         [--email E] [--phone SĐT]\n"
      "           kyso inventory person show NGƯỜI [--export-handwriting TỆP.png]\n"
      "           kyso inventory person list [--unit ĐƠN-VỊ]\n"
      "           kyso inventory person edit NGƯỜI [--name TÊN] [--position CHỨC-VỤ] [--email "
      "E]\n"
      "                         [--phone SĐT] [--left-on NGÀY] [--move-to ĐƠN-VỊ]\n"
      "                         [--handwriting TỆP.png] [--if-version V]\n"
      "NGƯỜI gọi bằng họ tên hoặc id. Ngày viết DD/MM/YYYY hoặc YYYY-MM-DD.\n"
      "Ví dụ: kyso inventory person add --name \"Nguyễn Văn An\" --unit \"Sở Y tế\" "
      "--position \"Giám đốc\"\n"};
}

HelpText tokenUsage() {
  return {
      "usage: kyso inventory token add --serial S --manufacturer M [--model M] [--provider P]\n"
      "                                [--unit U] [--holder P] [--state S] [--received-on "
      "DATE]\n"
      "       kyso inventory token show SERIAL\n"
      "       kyso inventory token list [--unit U] [--holder P] [--state S] [--search TEXT] "
      "[--limit N]\n"
      "       kyso inventory token edit SERIAL [--model M] [--provider P] [--module M] "
      "[--if-version V]\n"
      "A new token starts in_stock. States change only with `kyso inventory transition`.\n"
      "Token states: " +
          inventory::statesList(inventory::Subject::Token) + "\n" +
          "Example: kyso inventory token add --serial 54C1A2 --manufacturer Bit4id --provider "
          "\"Ban Cơ yếu\"\n",
      "cách dùng: kyso inventory token add --serial S --manufacturer HÃNG [--model MẪU]\n"
      "                         [--provider NƠI-CẤP] [--unit ĐƠN-VỊ] [--holder NGƯỜI]\n"
      "                         [--state TRẠNG-THÁI] [--received-on NGÀY]\n"
      "           kyso inventory token show SERIAL\n"
      "           kyso inventory token list [--unit ĐƠN-VỊ] [--holder NGƯỜI] "
      "[--state TRẠNG-THÁI]\n"
      "                         [--search CHỮ] [--limit N]\n"
      "           kyso inventory token edit SERIAL [--model MẪU] [--provider NƠI-CẤP] "
      "[--module M]\n"
      "                         [--if-version V]\n"
      "Token mới ở trạng thái in_stock (trong kho). Trạng thái chỉ đổi bằng `kyso inventory\n"
      "transition`.\n"
      "Trạng thái của token: " +
          inventory::statesWithLabels(inventory::Subject::Token, Lang::Vi) + "\n" +
          "Ví dụ: kyso inventory token add --serial 54C1A2 --manufacturer Bit4id --provider "
          "\"Ban Cơ yếu\"\n"};
}

HelpText certUsage() {
  return {
      "usage: kyso inventory cert import FILE [--token SERIAL] [--holder P] [--kind "
      "personal|organisation]\n"
      "       kyso inventory cert add ... (the same details by hand)\n"
      "       kyso inventory cert show SHA256-PREFIX\n"
      "       kyso inventory cert list [--unit U] [--holder P] [--state S] [--expires-before "
      "DATE]\n"
      "       kyso inventory cert edit SHA256-PREFIX [--token T] [--holder P] [--if-version "
      "V]\n"
      "FILE is PEM or DER. A certificate is named by a prefix of its SHA-256 fingerprint.\n"
      "Certificate states: " +
          inventory::statesList(inventory::Subject::Certificate) + "\n" +
          "Example: kyso inventory cert import nguyen-van-an.pem --token 54C1A2\n",
      "cách dùng: kyso inventory cert import TỆP [--token SERIAL] [--holder NGƯỜI]\n"
      "                         [--kind personal|organisation]\n"
      "           kyso inventory cert add ... (nhập tay các thông tin như trên)\n"
      "           kyso inventory cert show ĐẦU-MÃ-SHA256\n"
      "           kyso inventory cert list [--unit ĐƠN-VỊ] [--holder NGƯỜI] "
      "[--state TRẠNG-THÁI]\n"
      "                         [--expires-before NGÀY]\n"
      "           kyso inventory cert edit ĐẦU-MÃ-SHA256 [--token T] [--holder NGƯỜI] "
      "[--if-version V]\n"
      "TỆP dạng PEM hoặc DER. Chứng thư số gọi bằng phần đầu mã SHA-256 (vân tay) của nó.\n"
      "Trạng thái của chứng thư số: " +
          inventory::statesWithLabels(inventory::Subject::Certificate, Lang::Vi) + "\n" +
          "Ví dụ: kyso inventory cert import nguyen-van-an.pem --token 54C1A2\n"};
}

}  // namespace kyso::cli::inv
