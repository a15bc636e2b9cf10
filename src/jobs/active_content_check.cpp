#include "src/jobs/active_content_check.h"

#include <algorithm>
#include <exception>
#include <thread>

#include "core/ordered_parallel.h"
#include "src/pdf/active_content.h"

namespace kyso::jobs {

std::vector<ActiveContentFinding> findActiveContent(const std::vector<std::filesystem::path>& files,
                                                    Lang lang) {
  std::vector<ActiveContentFinding> out;
  const std::size_t cores = std::max(1u, std::thread::hardware_concurrency());
  orderedParallel<std::vector<std::string>>(
      files.size(), cores,
      [&](std::size_t i) -> std::vector<std::string> {
        try {
          return pdf::activeContentWarnings(files[i], lang);
        } catch (const std::exception&) {  // bad_alloc: signing the file says it
          return {};
        }
      },
      [&](std::size_t i, std::vector<std::string>&& sentences) {
        if (!sentences.empty()) out.push_back({files[i], std::move(sentences)});
      });
  return out;
}

}  // namespace kyso::jobs
