// The Department's letter before it is issued, for the service's tests: the shared sample with
// the leader's name replaced by the test signer's and blanks after "Số:" and in the date line,
// drawn by the appearance tests' letter maker (cairo), which keeps the blanks' width.
#include "tests/service/blank_letter.h"

#include <fstream>
#include <sstream>

#include "tests/appearance/test_support.h"

namespace kyso::test {

std::string blankLetter(const std::filesystem::path& sample, const std::string& signer,
                        const std::filesystem::path& out) {
  std::ifstream in(sample);
  std::ostringstream text;
  text << in.rdbuf();
  std::string letter = text.str();
  for (const auto& [from, to] : {std::pair<std::string, std::string>{"Nguyễn Nam Hùng", signer},
                                 {"Số:286/SYT-VP", "Số:          /SYT-VP"},
                                 {"ngày 12 tháng 02 năm 2020", "ngày        tháng        năm"}}) {
    const auto at = letter.find(from);
    if (at == std::string::npos) return "not in the sample: " + from;
    letter.replace(at, from.size(), to);
  }
  const std::filesystem::path txt = out.parent_path() / "letter.txt";
  std::ofstream(txt) << letter;
  try {
    makeSampleLetterPdf(txt, out);
  } catch (const std::exception& e) {
    return e.what();
  }
  return {};
}

}  // namespace kyso::test
