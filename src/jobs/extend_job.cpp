#include "src/jobs/extend_job.h"

#include "core/paths.h"
#include "src/pdf/pades_services.h"

namespace kyso::jobs {

Status checkExtendSettings(const ExtendSettings& s) {
  if (s.level != pdf::PadesLevel::BLT && s.level != pdf::PadesLevel::BLTA)
    return Error::kyso(Errc::UsageError, "extend settings").because(Detail::ExtendLevel);
  if (s.level == pdf::PadesLevel::BLTA && !s.tsaUrl)
    return Error::kyso(Errc::UsageError, "extend settings").because(Detail::BltaNeedsTsa);
  return {};
}

BatchSummary ExtendJob::run(const std::vector<SignInput>& items, const ExtendSettings& s,
                            BatchObserver& observer) {
  if (auto st = checkExtendSettings(s); !st.ok())
    return reportAll(items, ItemResult::State::Failed, st.error(), observer);
  pdf::NetworkLtvSource ltv(s.trust, s.http, dataDir() / "cache");
  std::optional<pdf::TsaContentsMaker> docTs;
  if (s.tsaUrl) docTs.emplace(*s.tsaUrl, s.http);
  const auto overwrite = s.overwrite ? AtomicFile::Overwrite::Allow : AtomicFile::Overwrite::Refuse;
  BatchSummary summary;
  bool cancelled = false;
  for (std::size_t i = 0; i < items.size(); ++i) {
    ItemResult r;
    r.index = i;
    r.input = items[i].input;
    r.output = items[i].output;
    if (!cancelled && observer.cancelRequested()) cancelled = summary.cancelled = true;
    if (!cancelled) {
      observer.started(i, items.size());
      auto done =
          pdf::extendPdfFile(r.input, r.output, overwrite, s.level, ltv, docTs ? &*docTs : nullptr);
      if (done.ok()) {
        r.state = ItemResult::State::Done;
        r.level = pdf::padesLevelName(s.level);
      } else {
        r.state = ItemResult::State::Failed;
        r.error = done.error();
      }
    }
    summary.add(r);
    observer.finished(r);
  }
  return summary;
}

}  // namespace kyso::jobs
