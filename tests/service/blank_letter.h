#pragma once

#include <filesystem>
#include <string>

namespace kyso::test {

/// Writes `out`: the sample letter signed for `signer`, number and date blank. "" or the error.
std::string blankLetter(const std::filesystem::path& sample, const std::string& signer,
                        const std::filesystem::path& out);

}  // namespace kyso::test
