#include "src/pdf/incremental_update.h"

#include <cstdio>
#include <vector>

namespace kyso::pdf {

IncrementalUpdate::IncrementalUpdate(PdfDocument& doc)
    : m_base(doc.fileSize()),
      m_prev(doc.startxref()),
      m_kind(doc.xrefKind()),
      m_next(doc.nextObjectNumber()),
      m_root(doc.rootRef()),
      m_info(doc.infoRef()),
      m_id(doc.idArray()) {}

void IncrementalUpdate::setObject(int num, int gen, std::string body) {
  m_objects[num] = Obj{gen, std::move(body)};
}

RenderedUpdate IncrementalUpdate::render() const {
  RenderedUpdate out;
  std::string& b = out.bytes;
  // Starts on a new line even when the file does not end with an EOL after %%EOF.
  b += "\n";
  std::map<int, std::pair<std::uint64_t, int>> entries;  // num -> (absolute offset, gen)
  for (const auto& [num, obj] : m_objects) {
    out.objectOffsets[num] = b.size();
    entries[num] = {m_base + b.size(), obj.gen};
    b += std::to_string(num) + " " + std::to_string(obj.gen) + " obj\n";
    b += obj.body;
    b += "\nendobj\n";
  }
  std::string trailerCommon = " /Root " + m_root;
  if (m_info) trailerCommon += " /Info " + *m_info;
  if (m_id) trailerCommon += " /ID " + *m_id;
  trailerCommon += " /Prev " + std::to_string(m_prev);

  // Consecutive runs of object numbers become subsections.
  auto subsections = [&](const std::map<int, std::pair<std::uint64_t, int>>& e) {
    std::vector<std::pair<int, int>> runs;
    for (const auto& [num, v] : e) {
      (void)v;
      if (!runs.empty() && runs.back().first + runs.back().second == num)
        ++runs.back().second;
      else
        runs.push_back({num, 1});
    }
    return runs;
  };

  if (m_kind != XrefKind::Stream) {
    const std::uint64_t xrefOffset = m_base + b.size();
    int size = m_next;
    for (const auto& [num, v] : entries) size = std::max(size, num + 1);
    b += "xref\n";
    for (auto [first, count] : subsections(entries)) {
      b += std::to_string(first) + " " + std::to_string(count) + "\n";
      for (int n = first; n < first + count; ++n) {
        char line[24];
        std::snprintf(line, sizeof line, "%010llu %05d n\r\n",
                      static_cast<unsigned long long>(entries[n].first), entries[n].second);
        b += line;
      }
    }
    b += "trailer\n<< /Size " + std::to_string(size) + trailerCommon + " >>\n";
    b += "startxref\n" + std::to_string(xrefOffset) + "\n%%EOF\n";
    return out;
  }

  // Cross-reference stream: its own object, numbered after every other.
  int xrefNum = m_next;
  for (const auto& [num, v] : entries) xrefNum = std::max(xrefNum, num + 1);
  const std::uint64_t xrefOffset = m_base + b.size();
  entries[xrefNum] = {xrefOffset, 0};
  const int w = (xrefOffset >> 32) ? 8 : 4;
  std::string data;
  std::string index;
  for (auto [first, count] : subsections(entries)) {
    index += (index.empty() ? "" : " ") + std::to_string(first) + " " + std::to_string(count);
    for (int n = first; n < first + count; ++n) {
      data.push_back('\x01');
      for (int k = w - 1; k >= 0; --k)
        data.push_back(static_cast<char>((entries[n].first >> (8 * k)) & 0xFF));
      data.push_back(static_cast<char>((entries[n].second >> 8) & 0xFF));
      data.push_back(static_cast<char>(entries[n].second & 0xFF));
    }
  }
  out.objectOffsets[xrefNum] = b.size();
  b += std::to_string(xrefNum) + " 0 obj\n";
  b += "<< /Type /XRef /Size " + std::to_string(xrefNum + 1) + " /Index [" + index + "] /W [1 " +
       std::to_string(w) + " 2]" + trailerCommon + " /Length " + std::to_string(data.size()) +
       " >>\nstream\n";
  b += data;
  b += "\nendstream\nendobj\n";
  b += "startxref\n" + std::to_string(xrefOffset) + "\n%%EOF\n";
  return out;
}

}  // namespace kyso::pdf
