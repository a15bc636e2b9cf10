#include "src/jobs/sign_job.h"

#include "src/jobs/document_format.h"

namespace kyso::jobs {
namespace {

// Passes a part of the batch on to the caller's observer with the batch's own indexes.
class Reindexed : public BatchObserver {
 public:
  Reindexed(BatchObserver& to, const std::vector<std::size_t>& indexes, std::size_t total,
            const std::vector<SignInput>& items)
      : m_to(to), m_indexes(indexes), m_total(total), m_items(items) {}
  void started(std::size_t i, std::size_t) override { m_to.started(m_indexes[i], m_total); }
  void note(std::size_t i, const Error& note) override { m_to.note(m_indexes[i], note); }
  bool cancelRequested() override { return m_to.cancelRequested(); }
  void finished(const ItemResult& r) override {
    ItemResult mine = r;
    mine.index = m_indexes[r.index];
    m_to.finished(mine);
  }
  // Every file of this part reported with `state` (and `error`) without being worked on.
  void reportAll(ItemResult::State state, const std::optional<Error>& error, BatchSummary& sum) {
    for (std::size_t j = 0; j < m_indexes.size(); ++j) {
      ItemResult r;
      r.index = m_indexes[j];
      r.input = m_items[r.index].input;
      r.output = m_items[r.index].output;
      r.state = state;
      r.error = error;
      sum.add(r);
      m_to.finished(r);
    }
  }

 private:
  BatchObserver& m_to;
  const std::vector<std::size_t>& m_indexes;
  std::size_t m_total;
  const std::vector<SignInput>& m_items;
};

void merge(BatchSummary& into, const BatchSummary& part) {
  into.done += part.done;
  into.skipped += part.skipped;
  into.failed += part.failed;
  into.notAttempted += part.notAttempted;
  if (!into.firstError) into.firstError = part.firstError;
  if (!into.stoppedBy) into.stoppedBy = part.stoppedBy;
  into.flushErrors.insert(into.flushErrors.end(), part.flushErrors.begin(), part.flushErrors.end());
  into.cancelled = into.cancelled || part.cancelled;
}

}  // namespace

BatchSummary SignJob::run(const std::vector<SignInput>& items, SigningKey key,
                          SignSettings settings, BatchObserver& observer) {
  std::vector<std::size_t> pdfIndexes, otherIndexes;
  std::vector<SignInput> pdfItems, otherItems;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const bool pdf = signingMethodFor(items[i].input) == SigningMethod::Pades;
    (pdf ? pdfIndexes : otherIndexes).push_back(i);
    (pdf ? pdfItems : otherItems).push_back(items[i]);
  }
  BatchSummary summary;
  if (!pdfItems.empty()) {
    PdfSignSettings& ps = settings.pdf;
    if (AppearanceMaker maker = std::move(ps.appearance))  // it speaks of the batch's indexes
      ps.appearance = [&pdfIndexes, maker](std::size_t i, const SignInput& in, auto time) {
        return maker(pdfIndexes[i], in, time);
      };
    Reindexed part(observer, pdfIndexes, items.size(), items);
    merge(summary, PdfSignJob::run(pdfItems, key, ps, part));
  }
  if (otherItems.empty()) return summary;
  Reindexed part(observer, otherIndexes, items.size(), items);
  if (summary.stoppedBy || summary.cancelled) {
    part.reportAll(ItemResult::State::NotAttempted, std::nullopt, summary);
    return summary;
  }
  auto done = DetachedSignJob::run(otherItems, std::move(key), settings.detached, part);
  if (!done.ok()) {
    part.reportAll(ItemResult::State::Failed, done.error(), summary);
    return summary;
  }
  merge(summary, *done);
  return summary;
}

}  // namespace kyso::jobs
