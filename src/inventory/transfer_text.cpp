// The rejected rows of an import (transfer.h) in words, English and Vietnamese.
#include <string>

#include "src/inventory/transfer.h"

namespace kyso::inventory {
namespace {

std::string quoted(const std::string& v) {
  return "'" + v + "'";
}

std::string english(const RejectedRow& r) {
  switch (r.problem) {
    case RowProblem::FieldCount:
      return "expected " + r.value + " fields, found " + r.other;
    case RowProblem::SerialEmpty:
      return "serial is empty";
    case RowProblem::SerialKnown:
      return "serial " + r.value + " is already in the inventory";
    case RowProblem::SerialRepeated:
      return "serial " + r.value + " is also on line " + r.other;
    case RowProblem::ManufacturerEmpty:
      return "manufacturer is empty";
    case RowProblem::UnknownUnit:
      return "unknown unit " + quoted(r.value);
    case RowProblem::UnknownPerson:
      return "unknown person " + quoted(r.value);
    case RowProblem::UnknownPersonInUnit:
      return "unknown person " + quoted(r.value) + " in that unit";
    case RowProblem::SeveralPeople:
      return "several people are named " + quoted(r.value) + ": give the unit";
    case RowProblem::NewPersonNeedsUnit:
      return quoted(r.value) + " is not in the inventory: give the unit to add them to";
    case RowProblem::UnknownState:
      return "unknown state " + quoted(r.value) + " (one of: " + r.other + ")";
    case RowProblem::HolderInStock:
      return "a token in stock has no holder";
    case RowProblem::NotADate:
      return r.value + " " + quoted(r.other) + " is not a date (YYYY-MM-DD or DD/MM/YYYY)";
  }
  return "rejected";
}

std::string vietnamese(const RejectedRow& r) {
  switch (r.problem) {
    case RowProblem::FieldCount:
      return "cần " + r.value + " cột, dòng này có " + r.other;
    case RowProblem::SerialEmpty:
      return "số serial để trống";
    case RowProblem::SerialKnown:
      return "số serial " + r.value + " đã có trong sổ theo dõi";
    case RowProblem::SerialRepeated:
      return "số serial " + r.value + " trùng với dòng " + r.other;
    case RowProblem::ManufacturerEmpty:
      return "hãng sản xuất để trống";
    case RowProblem::UnknownUnit:
      return "không có đơn vị " + quoted(r.value) + " trong sổ theo dõi";
    case RowProblem::UnknownPerson:
      return "không có người " + quoted(r.value) + " trong sổ theo dõi";
    case RowProblem::UnknownPersonInUnit:
      return "không có người " + quoted(r.value) + " trong đơn vị đó";
    case RowProblem::SeveralPeople:
      return "có nhiều người tên " + quoted(r.value) + ": ghi thêm đơn vị";
    case RowProblem::NewPersonNeedsUnit:
      return quoted(r.value) + " chưa có trong sổ theo dõi: ghi đơn vị để thêm người này vào";
    case RowProblem::UnknownState:
      return "không có trạng thái " + quoted(r.value) + " (một trong: " + r.other + ")";
    case RowProblem::HolderInStock:
      return "token trong kho thì không có người giữ";
    case RowProblem::NotADate:
      return r.value + " " + quoted(r.other) + " không phải là ngày (DD/MM/YYYY hoặc YYYY-MM-DD)";
  }
  return "bị từ chối";
}

}  // namespace

std::string rowProblemText(const RejectedRow& row, Lang lang) {
  return lang == Lang::Vi ? vietnamese(row) : english(row);
}

bool missingRecord(const RejectedRow& row) {
  return row.problem == RowProblem::UnknownUnit || row.problem == RowProblem::UnknownPerson ||
         row.problem == RowProblem::UnknownPersonInUnit;
}

}  // namespace kyso::inventory
