#include "src/jobs/sign_job.h"

#include "src/jobs/document_format.h"

namespace kyso::jobs {
namespace {

// Passes a part of the batch on to the caller's observer with the batch's own indexes.
class Reindexed : public BatchObserver {
 public:
  Reindexed(BatchObserver& to, const std::vector<std::size_t>& indexes, std::size_t total)
      : m_to(to), m_indexes(indexes), m_total(total) {}
  void started(std::size_t i, std::size_t) override { m_to.started(m_indexes[i], m_total); }
  void note(std::size_t i, const Error& note) override { m_to.note(m_indexes[i], note); }
  bool cancelRequested() override { return m_to.cancelRequested(); }
  void finished(const ItemResult& r) override {
    ItemResult mine = r;
    mine.index = m_indexes[r.index];
    m_to.finished(mine);
  }

 private:
  BatchObserver& m_to;
  const std::vector<std::size_t>& m_indexes;
  std::size_t m_total;
};

}  // namespace

BatchSummary SignJob::run(const std::vector<SignInput>& items, SigningKey key,
                          SignSettings settings, BatchObserver& observer) {
  std::vector<std::size_t> pdfIndexes, xmlIndexes, otherIndexes;
  std::vector<SignInput> pdfItems, xmlItems, otherItems;
  for (std::size_t i = 0; i < items.size(); ++i) {
    switch (signingMethodFor(items[i].input)) {
      case SigningMethod::Pades:
        pdfIndexes.push_back(i);
        pdfItems.push_back(items[i]);
        break;
      case SigningMethod::XmlDsig:
        xmlIndexes.push_back(i);
        xmlItems.push_back(items[i]);
        break;
      case SigningMethod::DetachedCms:
        otherIndexes.push_back(i);
        otherItems.push_back(items[i]);
        break;
    }
  }
  BatchSummary summary;
  auto stopped = [&] { return summary.stoppedBy || summary.cancelled; };
  if (!pdfItems.empty()) {
    PdfSignSettings& ps = settings.pdf;
    if (AppearanceMaker maker = std::move(ps.appearance))  // it speaks of the batch's indexes
      ps.appearance = [&pdfIndexes, maker](std::size_t i, const SignInput& in, auto time) {
        return maker(pdfIndexes[i], in, time);
      };
    Reindexed part(observer, pdfIndexes, items.size());
    summary.merge(PdfSignJob::run(pdfItems, key, ps, part));
  }
  if (!xmlItems.empty()) {
    Reindexed part(observer, xmlIndexes, items.size());
    summary.merge(stopped()
                      ? reportAll(xmlItems, ItemResult::State::NotAttempted, std::nullopt, part)
                      : XmlSignJob::run(xmlItems, key, settings.xml, part));
  }
  if (otherItems.empty()) return summary;
  Reindexed part(observer, otherIndexes, items.size());
  if (stopped()) {
    summary.merge(reportAll(otherItems, ItemResult::State::NotAttempted, std::nullopt, part));
    return summary;
  }
  auto done = DetachedSignJob::run(otherItems, std::move(key), settings.detached, part);
  if (!done.ok()) {
    summary.merge(reportAll(otherItems, ItemResult::State::Failed, done.error(), part));
    return summary;
  }
  summary.merge(*done);
  return summary;
}

}  // namespace kyso::jobs
