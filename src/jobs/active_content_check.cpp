#include "src/jobs/active_content_check.h"

#include <algorithm>
#include <chrono>
#include <exception>
#include <thread>

#include "core/log.h"
#include "core/ordered_parallel.h"
#include "src/pdf/active_content.h"

namespace kyso::jobs {

std::vector<ActiveContentFinding> findActiveContent(const std::vector<std::filesystem::path>& files,
                                                    Lang lang, CheckedPdfs* checked) {
  struct Checked {
    std::vector<std::string> sentences;
    std::optional<FileStamp> stamp;  // of the file read; nullopt: it could not be
  };
  const auto began = std::chrono::steady_clock::now();
  std::vector<ActiveContentFinding> out;
  const std::size_t cores = std::max(1u, std::thread::hardware_concurrency());
  orderedParallel<Checked>(
      files.size(), cores,
      [&](std::size_t i) -> Checked {
        Checked c;
        try {
          auto doc = pdf::PdfDocument::open(files[i]);
          if (!doc.ok()) return c;  // signing the file says why
          c.sentences = pdf::activeContentSentences(pdf::findActiveContent(**doc), lang);
          c.stamp = (*doc)->stamp();
        } catch (const std::exception&) {  // bad_alloc: signing the file says it
        }
        return c;
      },
      [&](std::size_t i, Checked&& c) {
        if (!c.sentences.empty()) out.push_back({files[i], std::move(c.sentences)});
        if (checked) checked->note(files[i], c.stamp);
      });
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::steady_clock::now() - began)
                      .count();
  log::debug("active content: " + std::to_string(files.size()) + " PDFs read in " +
             std::to_string(ms) + " ms on " + std::to_string(cores) + " threads");
  return out;
}

}  // namespace kyso::jobs
