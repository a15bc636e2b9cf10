// Plain text for people: a table with a header row and columns as wide as their widest cell
// (counted in characters, so Vietnamese names line up), and a record as "Label: value" lines.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace kyso::cli {

class TextTable {
 public:
  explicit TextTable(std::vector<std::string> header) : m_header(std::move(header)) {}
  void add(std::vector<std::string> row) { m_rows.push_back(std::move(row)); }
  bool empty() const { return m_rows.empty(); }
  /// The header, then the rows; `none` alone when there is no row.
  std::string render(const std::string& none) const;

 private:
  std::vector<std::string> m_header;
  std::vector<std::vector<std::string>> m_rows;
};

/// What an empty list prints: "(none)", or "(không có)" under LANG=vi.
std::string noneText();

/// "Label: value" lines with the labels aligned; empty values as "-".
std::string renderFields(const std::vector<std::pair<std::string, std::string>>& fields);

}  // namespace kyso::cli
