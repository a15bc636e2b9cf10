#include "src/jobs/active_content_check.h"

#include <algorithm>
#include <exception>
#include <thread>

#include "core/ordered_parallel.h"
#include "src/pdf/active_content.h"

namespace kyso::jobs {

std::vector<ActiveContentFinding> findActiveContent(const std::vector<std::filesystem::path>& files,
                                                    Lang lang, CheckedPdfs* keep) {
  struct Checked {
    std::vector<std::string> sentences;
    std::string bytes;  // the file as read, for signing
  };
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
          if (keep) c.bytes = pdf::PdfDocument::releaseBytes(std::move(*doc));
        } catch (const std::exception&) {  // bad_alloc: signing the file says it
        }
        return c;
      },
      [&](std::size_t i, Checked&& c) {
        if (!c.sentences.empty()) out.push_back({files[i], std::move(c.sentences)});
        if (keep) keep->keep(files[i], std::move(c.bytes));
      });
  return out;
}

}  // namespace kyso::jobs
