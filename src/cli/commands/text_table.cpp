#include "src/cli/commands/text_table.h"

#include <algorithm>

#include "core/messages.h"
#include "core/utf8.h"

namespace kyso::cli {

namespace {

std::string padded(const std::string& s, std::size_t width) {
  const std::size_t w = utf8Columns(s);
  return w >= width ? s : s + std::string(width - w, ' ');
}

}  // namespace

std::string TextTable::render(const std::string& none) const {
  if (m_rows.empty()) return none + "\n";
  std::vector<std::size_t> width(m_header.size(), 0);
  auto measure = [&](const std::vector<std::string>& row) {
    for (std::size_t i = 0; i < row.size() && i < width.size(); ++i)
      width[i] = std::max(width[i], utf8Columns(row[i]));
  };
  measure(m_header);
  for (const auto& r : m_rows) measure(r);
  std::string out;
  auto line = [&](const std::vector<std::string>& row) {
    std::string l;
    for (std::size_t i = 0; i < width.size(); ++i) {
      const std::string cell = i < row.size() && !row[i].empty() ? row[i] : "-";
      l += i + 1 == width.size() ? cell : padded(cell, width[i]) + "  ";
    }
    while (!l.empty() && l.back() == ' ') l.pop_back();
    out += l + "\n";
  };
  line(m_header);
  for (const auto& r : m_rows) line(r);
  return out;
}

std::string noneText() {
  return defaultLang() == Lang::Vi ? "(không có)" : "(none)";
}

std::string renderFields(const std::vector<std::pair<std::string, std::string>>& fields) {
  std::size_t width = 0;
  for (const auto& [label, value] : fields) width = std::max(width, utf8Columns(label) + 1);
  std::string out;
  for (const auto& [label, value] : fields)
    out += padded(label + ":", width) + " " + (value.empty() ? "-" : value) + "\n";
  return out;
}

}  // namespace kyso::cli
