#include "src/pdf/active_content.h"

#include <map>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFXRefEntry.hh>
#include <set>

namespace kyso::pdf {
namespace {

constexpr std::size_t kMaxObjects = 1000000;

// Walks `v` and the direct objects inside it (indirect ones are walked as objects of their own):
// counts JavaScript actions and notes references to objects the file does not define. Dictionaries
// are read as one map and arrays by index: qpdf's item iterators copy the keys into a set for
// every dictionary, which was a third of the walk of a one-page letter (issue 22).
void scan(QPDFObjectHandle v, const std::map<QPDFObjGen, QPDFXRefEntry>& xref,
          std::set<QPDFObjGen>& missing, ActiveContent& a, int depth) {
  if (depth > 64) return;
  auto item = [&](QPDFObjectHandle& o) {
    if (o.isIndirect()) {
      if (!xref.count(o.getObjGen())) missing.insert(o.getObjGen());
    } else if (o.isDictionary() || o.isArray()) {
      scan(o, xref, missing, a, depth + 1);
    }
  };
  if (v.isDictionary()) {
    auto entries = v.getDictAsMap();
    const auto js = entries.find("/JS");
    const auto s = entries.find("/S");
    if ((js != entries.end() && !js->second.isNull()) ||
        (s != entries.end() && s->second.isName() && s->second.getName() == "/JavaScript"))
      ++a.javascript;
    for (auto& [key, value] : entries) item(value);
  } else if (v.isArray()) {
    const int n = v.getArrayNItems();
    for (int i = 0; i < n; ++i) {
      QPDFObjectHandle o = v.getArrayItem(i);
      item(o);
    }
  }
}

}  // namespace

ActiveContent findActiveContent(PdfDocument& doc) {
  ActiveContent a;
  QPDF& q = doc.qpdf();
  try {
    const std::map<QPDFObjGen, QPDFXRefEntry> xref = q.getXRefTable();
    std::set<QPDFObjGen> missing;
    std::set<std::string> damagedObjects;
    auto acro = q.getRoot().getKey("/AcroForm");
    a.xfa = acro.isDictionary() && acro.hasKey("/XFA");
    std::size_t seen = 0;
    for (const auto& [og, entry] : xref) {
      if (entry.getType() == 0) continue;  // a free entry
      if (++seen > kMaxObjects) break;
      QPDFObjectHandle o;
      try {
        // Reading a stream object, qpdf looks for `endstream` where /Length says the data ends;
        // where it is not, qpdf (recovery off, PdfDocument) warns and reads the object as null.
        // The warnings are counted below, with those from opening the file.
        o = q.getObject(og);
        if (o.isNull()) continue;
      } catch (const std::exception&) {
        damagedObjects.insert("object " + std::to_string(og.getObj()));
        continue;
      }
      scan(o.isStream() ? o.getDict() : o, xref, missing, a, 0);
    }
    a.dangling = missing.size();
    for (const QPDFExc& w : q.getWarnings())
      damagedObjects.insert(w.getObject().empty() ? w.getMessageDetail() : w.getObject());
    a.damaged = damagedObjects.size();
  } catch (const std::exception&) {
    // A document qpdf cannot walk is refused later by the signer with its own reason.
  }
  return a;
}

std::vector<std::string> activeContentSentences(const ActiveContent& a, Lang lang) {
  const bool vi = lang == Lang::Vi;
  std::vector<std::string> out;
  if (a.javascript)
    out.push_back(vi ? "tài liệu chứa mã lệnh (JavaScript) có thể thay đổi nội dung hiển thị sau "
                       "khi ký"
                     : "the document contains scripts (JavaScript) that can change what it shows "
                       "after it is signed");
  if (a.xfa)
    out.push_back(vi ? "tài liệu chứa định nghĩa biểu mẫu XFA có thể thay đổi nội dung hiển thị"
                     : "the document contains XFA form definitions that can change what it shows");
  if (a.dangling)
    out.push_back(vi ? "tài liệu tham chiếu tới " + std::to_string(a.dangling) +
                           " đối tượng không có trong tệp; một bản cập nhật sau này có thể thêm "
                           "chúng vào và thay đổi nội dung hiển thị"
                     : "the document refers to " + std::to_string(a.dangling) +
                           " objects it does not contain; a later update can add them and change "
                           "what it shows");
  if (a.damaged)
    out.push_back(
        vi ? std::to_string(a.damaged) +
                 " đối tượng không đọc được như đã ghi (độ dài /Length của luồng dữ liệu "
                 "sai, hoặc đối tượng bị hỏng); các trình đọc PDF có thể hiển thị khác "
                 "nhau"
           : std::to_string(a.damaged) +
                 " objects cannot be read as written (a stream states a wrong /Length, or "
                 "the object is damaged); PDF readers may show them differently");
  return out;
}

}  // namespace kyso::pdf
