#include "src/cli/commands/inventory_record_text.h"

#include "src/cli/kyso/words.h"
#include "src/inventory/state_names.h"
#include "src/inventory/time_text.h"

namespace kyso::cli::inv {

using namespace kyso::inventory;

const char* L(const char* en, const char* viText) {
  return say(en, viText);
}
std::string yesNo(bool b) {
  return b ? L("yes", "có") : L("no", "không");
}
std::string stateText(inventory::Subject s, const std::string& state) {
  return vi() ? inventory::stateLabel(s, state, Lang::Vi) : state;
}
std::vector<std::string> unitHeader() {
  return {L("ID", "MÃ"), L("NAME", "TÊN ĐƠN VỊ"), L("KIND", "LOẠI ĐƠN VỊ"),
          L("PARENT", "ĐƠN VỊ CẤP TRÊN"), L("SEAL", "CON DẤU")};
}
std::vector<std::string> unitCells(const Unit& u) {
  return {std::to_string(u.id), u.name, u.kind, u.parentName, yesNo(u.hasSeal)};
}
Fields unitFields(const Unit& u) {
  return {{L("ID", "Mã"), std::to_string(u.id)},
          {L("Name", "Tên đơn vị"), u.name},
          {L("Kind", "Loại đơn vị"), u.kind},
          {L("Parent", "Đơn vị cấp trên"), u.parentName},
          {L("Focal person", "Người phụ trách"), u.focalPersonName},
          {L("Seal image", "Ảnh con dấu"), yesNo(u.hasSeal)}};
}

std::vector<std::string> personHeader() {
  return {L("ID", "MÃ"), L("NAME", "HỌ VÀ TÊN"), L("POSITION", "CHỨC VỤ"), L("UNIT", "ĐƠN VỊ"),
          L("LEFT ON", "NGÀY NGHỈ")};
}
std::vector<std::string> personCells(const Person& p) {
  return {std::to_string(p.id), p.fullName, p.position, p.unitName, p.leftOn};
}
Fields personFields(const Person& p) {
  return {{L("ID", "Mã"), std::to_string(p.id)},
          {L("Name", "Họ và tên"), p.fullName},
          {L("Position", "Chức vụ"), p.position},
          {L("Unit", "Đơn vị"), p.unitName},
          {L("E-mail", "Thư điện tử"), p.email},
          {L("Phone", "Điện thoại"), p.phone},
          {L("Left on", "Ngày nghỉ việc"), p.leftOn},
          {L("Handwriting image", "Ảnh chữ ký tay"), yesNo(p.hasHandwriting)}};
}

std::vector<std::string> tokenHeader() {
  return {L("SERIAL", "SỐ SERIAL"), L("TOKEN", "THIẾT BỊ"), L("STATE", "TRẠNG THÁI"),
          L("HOLDER", "NGƯỜI GIỮ"), L("UNIT", "ĐƠN VỊ")};
}
std::vector<std::string> tokenCells(const Token& t) {
  return {t.serial, t.manufacturer + (t.model.empty() ? "" : " " + t.model),
          stateText(inventory::Subject::Token, t.state), t.holderName, t.unitName};
}
Fields tokenFields(const Token& t) {
  return {{L("Serial", "Số serial"), t.serial},
          {L("Manufacturer", "Hãng sản xuất"), t.manufacturer},
          {L("Model", "Mẫu"), t.model},
          {L("Provider", "Nhà cung cấp"), t.provider},
          {L("PKCS#11 module", "Mô-đun PKCS#11"), t.module},
          {L("State", "Trạng thái"), stateText(inventory::Subject::Token, t.state)},
          {L("Holder", "Người giữ"), t.holderName},
          {L("Unit", "Đơn vị"), t.unitName},
          {L("Received on", "Ngày nhận"), t.receivedOn},
          {L("Issued on", "Ngày cấp"), t.issuedOn},
          {L("Last seen", "Lần thấy gần nhất"), inventory::vietnamTimeText(t.lastSeen)}};
}

std::vector<std::string> certHeader() {
  return {L("SHA-256", "SHA-256"),  L("SUBJECT", "CHỦ THỂ"),  L("VALID UNTIL", "HẾT HẠN"),
          L("STATE", "TRẠNG THÁI"), L("HOLDER", "NGƯỜI GIỮ"), L("TOKEN", "THIẾT BỊ")};
}
std::vector<std::string> certCells(const Certificate& c) {
  return {c.sha256.substr(0, 16),
          c.subject,
          c.notAfter,
          stateText(inventory::Subject::Certificate, c.state),
          c.holderName,
          c.tokenSerial};
}
Fields certFields(const Certificate& c) {
  return {{L("SHA-256", "SHA-256"), c.sha256},
          {L("Subject", "Chủ thể"), c.subject},
          {L("Issuer", "Tổ chức cấp"), c.issuer},
          {L("Serial", "Số hiệu"), c.serial},
          {L("Valid from", "Hiệu lực từ"), c.notBefore},
          {L("Valid until", "Hiệu lực đến"), c.notAfter},
          {L("Kind", "Loại"), c.kind},
          {L("State", "Trạng thái"), stateText(inventory::Subject::Certificate, c.state)},
          {L("Holder", "Người giữ"), c.holderName},
          {L("Unit", "Đơn vị"), c.unitName},
          {L("Token", "Thiết bị"), c.tokenSerial}};
}

// The text of a list: the header and one row per record; "(none)" when empty.
}  // namespace kyso::cli::inv
