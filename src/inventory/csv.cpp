// Spreadsheet text: encoding detection and RFC 4180 parsing. Windows-1258 is chosen only when the
// bytes are not valid UTF-8: every byte string is "valid" CP1258 except a few unassigned bytes, so
// valid UTF-8 (which legacy Vietnamese text practically never is) wins.
#include "src/inventory/csv.h"

#include <iconv.h>

#include <cerrno>
#include <memory>

namespace kyso::inventory {
namespace {

struct IconvCloser {
  void operator()(void* cd) const noexcept { iconv_close(static_cast<iconv_t>(cd)); }
};

Result<std::string> fromCp1258(std::string_view in) {
  iconv_t cd = iconv_open("UTF-8", "CP1258");
  if (cd == reinterpret_cast<iconv_t>(-1)) return Error::posix(errno, "iconv_open", "CP1258");
  std::unique_ptr<void, IconvCloser> guard(cd);
  std::string out(in.size() * 4 + 16, '\0');
  std::string src(in);
  char* ip = src.data();
  std::size_t il = src.size();
  char* op = out.data();
  std::size_t ol = out.size();
  while (il > 0) {
    if (iconv(cd, &ip, &il, &op, &ol) == static_cast<std::size_t>(-1)) {
      const long at = static_cast<long>(ip - src.data());
      return Error::raw(Domain::Posix, errno, "iconv", std::to_string(at), Errc::CsvInvalid)
          .because(Detail::CsvBadEncodingAt);
    }
  }
  // Flush any pending base letter the converter keeps for combining with a following tone mark.
  iconv(cd, nullptr, nullptr, &op, &ol);
  out.resize(out.size() - ol);
  return out;
}

char detectDelimiter(std::string_view text) {
  const auto eol = text.find('\n');
  const std::string_view head = text.substr(0, eol);
  long comma = 0, semi = 0, tab = 0;
  bool quoted = false;
  for (char c : head) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    comma += c == ',';
    semi += c == ';';
    tab += c == '\t';
  }
  if (semi > comma && semi >= tab) return ';';
  if (tab > comma && tab > semi) return '\t';
  return ',';
}

}  // namespace

bool isValidUtf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    std::size_t n = 0;
    if (c < 0x80)
      n = 0;
    else if (c >= 0xc2 && c <= 0xdf)
      n = 1;
    else if (c >= 0xe0 && c <= 0xef)
      n = 2;
    else if (c >= 0xf0 && c <= 0xf4)
      n = 3;
    else
      return false;
    if (i + n >= s.size() && n > 0) return false;
    for (std::size_t k = 1; k <= n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) >> 6) != 2) return false;
    i += n + 1;
  }
  return true;
}

Result<std::string> decodeSpreadsheetText(std::string_view b, std::string* encoding) {
  auto setEnc = [&](const char* e) {
    if (encoding) *encoding = e;
  };
  if (b.starts_with("\xff\xfe") || b.starts_with("\xfe\xff"))
    return Error::kyso(Errc::CsvInvalid, "decode").because(Detail::CsvUtf16);
  if (b.starts_with("\xef\xbb\xbf")) {
    b.remove_prefix(3);
    if (!isValidUtf8(b))
      return Error::kyso(Errc::CsvInvalid, "decode").because(Detail::CsvBadUtf8AfterBom);
    setEnc("UTF-8 with BOM");
    return std::string(b);
  }
  if (b.find('\0') != std::string_view::npos)
    return Error::kyso(Errc::CsvInvalid, "decode").because(Detail::CsvBinary);
  if (isValidUtf8(b)) {
    setEnc("UTF-8");
    return std::string(b);
  }
  setEnc("Windows-1258");
  return fromCp1258(b);
}

Result<std::vector<CsvRecord>> parseCsv(std::string_view text) {
  const char delim = detectDelimiter(text);
  std::vector<CsvRecord> out;
  CsvRecord rec;
  std::string field;
  bool quoted = false, fieldStarted = false, any = false;
  long line = 1, quoteLine = 0;
  rec.line = 1;
  auto endField = [&] {
    rec.fields.push_back(std::move(field));
    field.clear();
    fieldStarted = false;
  };
  auto endRecord = [&] {
    endField();
    const bool blank = rec.fields.size() == 1 && rec.fields[0].empty() && !any;
    if (!blank) out.push_back(std::move(rec));
    rec = CsvRecord{};
    any = false;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          quoted = false;
        }
      } else {
        if (c == '\n') ++line;
        field += c;
      }
      continue;
    }
    if (c == '"' && !fieldStarted) {
      quoted = true;
      fieldStarted = true;
      any = true;
      quoteLine = line;
    } else if (c == delim) {
      endField();
      any = true;
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      continue;
    } else if (c == '\n') {
      endRecord();
      rec.line = ++line;
    } else {
      field += c;
      fieldStarted = true;
      any = true;
    }
  }
  if (quoted)
    return Error::kyso(Errc::CsvInvalid, "parseCsv", std::to_string(quoteLine))
        .because(Detail::CsvOpenQuote);
  if (any || !field.empty()) endRecord();
  return out;
}

std::string csvField(std::string_view s) {
  const bool needs = s.find_first_of(",;\"\r\n\t") != std::string_view::npos ||
                     (!s.empty() && (s.front() == ' ' || s.back() == ' '));
  if (!needs) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string csvLine(const std::vector<std::string>& fields) {
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i) out += ',';
    out += csvField(fields[i]);
  }
  return out + "\r\n";
}

}  // namespace kyso::inventory
