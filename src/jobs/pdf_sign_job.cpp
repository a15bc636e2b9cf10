#include "src/jobs/pdf_sign_job.h"

#include <deque>
#include <future>
#include <memory>
#include <set>

#include "certs/cert_info.h"
#include "core/commit_pool.h"
#include "core/log.h"
#include "core/paths.h"
#include "core/worker_thread.h"
#include "src/pdf/pades_services.h"

namespace kyso::jobs {
namespace {
namespace fs = std::filesystem;

bool needsChains(pdf::PadesLevel level) {
  return level == pdf::PadesLevel::BLT || level == pdf::PadesLevel::BLTA;
}

// The running batch: its settings, the signing services and the two queues (files being prepared
// on a lane, prepared files being committed).
class Run {
 public:
  Run(const std::vector<SignInput>& items, const SigningKey& key, const PdfSignSettings& s,
      BatchObserver& observer)
      : m_items(items),
        m_s(s),
        m_observer(observer),
        m_ltv(s.trust, s.http, dataDir() / "cache"),
        m_reported(items.size(), false),
        m_ready(items.size()) {
    const SigningIdentity& id = key.identity;
    m_signerName = certs::commonName(X509_get_subject_name(id.cert.get()));
    if (s.tsaUrl && s.level != pdf::PadesLevel::BB) m_tsa = s.tsaUrl;
    if (m_tsa && s.level == pdf::PadesLevel::BLTA) m_docTs.emplace(*m_tsa, s.http);
    // Two lanes up to B-LT, so that one file's timestamp and revocation requests overlap the
    // token's signature of the next (issue 22); the revocation source is shared and serves one
    // file at a time, reusing the batch's answers. B-LTA's document timestamp runs one file at a
    // time. Each lane has its own CMS maker (it keeps the last size as the next estimate).
    const std::size_t lanes = s.level == pdf::PadesLevel::BLTA ? 1 : 2;
    for (std::size_t l = 0; l < lanes; ++l) {
      m_makers.push_back(std::make_unique<pdf::CmsContentsMaker>(id, m_tsa, s.http));
      m_lanes.push_back(std::make_unique<WorkerThread>());
    }
  }

  BatchSummary go() {
    for (std::size_t i = 0; i < m_items.size(); ++i) {
      cancelIfAsked(true);
      if (m_stop) break;
      start(i);
    }
    while (!m_inFlight.empty()) collect();
    while (!m_pending.empty()) finishCommit();
    for (std::size_t i = 0; i < m_items.size(); ++i)
      if (!m_reported[i]) report(resultFor(i, ItemResult::State::NotAttempted));
    for (const auto& dir : m_outputDirs)
      if (auto st = syncDirectory(dir); !st.ok()) m_summary.flushErrors.push_back(st.error());
    return std::move(m_summary);
  }

 private:
  struct Prepared {
    std::optional<Result<pdf::PreparedPades>> result;
  };
  struct InFlight {
    std::size_t index;
    std::unique_ptr<appearance::Appearance> ap;  // borrowed by the request until done
    std::future<Prepared> done;
  };
  struct Pending {
    ItemResult result;
    std::future<Status> done;
  };
  static constexpr std::size_t kMaxPendingCommits = 16;

  ItemResult resultFor(std::size_t i, ItemResult::State state) const {
    ItemResult r;
    r.index = i;
    r.input = m_items[i].input;
    r.output = m_items[i].output;
    r.state = state;
    return r;
  }

  // Results reach the observer in input order: each as soon as those before it are known.
  void report(ItemResult r) {
    m_reported[r.index] = true;
    if (r.state == ItemResult::State::Done) m_outputDirs.insert(r.output.parent_path());
    m_summary.add(r);
    const std::size_t at = r.index;
    m_ready[at] = std::move(r);
    while (m_nextToDeliver < m_items.size() && m_ready[m_nextToDeliver]) {
      m_observer.finished(*m_ready[m_nextToDeliver]);
      m_ready[m_nextToDeliver].reset();
      ++m_nextToDeliver;
    }
  }

  // Cancel stops after the current file: the oldest one in flight when the cancel is seen
  // between files (`keepCurrent`), none when it is seen just after a file was finished. Files
  // prepared after it are dropped uncommitted (their temporary files removed): NotAttempted.
  void cancelIfAsked(bool keepCurrent) {
    if (m_stop || !m_observer.cancelRequested()) return;
    m_stop = true;
    m_summary.cancelled = true;
    if (keepCurrent && !m_inFlight.empty()) m_keepOnCancel = m_inFlight.front().index;
  }

  void fail(std::size_t i, Error e) {
    log::debug(e.technical());
    ItemResult r = resultFor(i, ItemResult::State::Failed);
    if (stopsBatch(e)) {
      m_stop = true;
      if (!m_summary.stoppedBy) m_summary.stoppedBy = e;
    }
    r.error = std::move(e);
    report(std::move(r));
  }

  void start(std::size_t i) {
    const SignInput& item = m_items[i];
    std::error_code ec;
    if (m_s.skipExisting && fs::exists(item.output, ec)) {
      report(resultFor(i, ItemResult::State::Skipped));
      return;
    }
    m_observer.started(i, m_items.size());
    pdf::PadesRequest req;
    req.input = item.input;
    req.output = item.output;
    req.overwrite = m_s.overwrite || item.overwrite ? AtomicFile::Overwrite::Allow
                                                    : AtomicFile::Overwrite::Refuse;
    req.sig = m_s.signature;
    req.sig.signerName = m_signerName;
    req.sig.signingTime = std::chrono::system_clock::now();
    req.sig.appearance = nullptr;
    req.level = m_s.level;
    InFlight f{i, nullptr, {}};
    if (m_s.appearance) {
      auto ap = m_s.appearance(i, item, req.sig.signingTime);
      if (!ap.ok()) {
        fail(i, ap.error());
        return;
      }
      if (ap->has_value()) {
        for (const Error& note : (*ap)->notes) m_observer.note(i, note);
        if (!(*ap)->placementInfo.empty())
          log::info("appearance on page " + std::to_string((*ap)->pageIndex + 1) + ": " +
                    (*ap)->placementInfo);
        f.ap = std::make_unique<appearance::Appearance>(std::move(**ap));
        req.sig.appearance = f.ap.get();
      }
    }
    // The lane of the file before last is free once that file is collected.
    while (m_inFlight.size() >= m_makers.size()) collect();
    if (m_stop) return;  // reported NotAttempted at the end
    // File i goes to lane i % lanes, free since file i - lanes was collected.
    pdf::ContentsMaker& maker = *m_makers[i % m_makers.size()];
    WorkerThread& lane = *m_lanes[i % m_lanes.size()];
    pdf::LtvSource* ltv = &m_ltv;
    pdf::ContentsMaker* docTs = m_docTs ? &*m_docTs : nullptr;
    const CheckedPdfs* checked = m_s.checked.get();
    f.done = lane.post([req = std::move(req), checked, &maker, ltv, docTs] {
      Prepared p;
      auto doc = pdf::PdfDocument::open(req.input);
      if (!doc.ok())
        p.result.emplace(doc.error());
      else if (checked && !checked->unchanged(req.input, (*doc)->stamp()))
        p.result.emplace(Error::kyso(Errc::FileUnreadable, "sign", req.input.string())
                             .because(Detail::ChangedSinceChecked));
      else
        p.result.emplace(pdf::preparePdfSignature(req, std::move(*doc), maker, ltv, docTs));
      return p;
    });
    m_inFlight.push_back(std::move(f));
  }

  void collect() {
    InFlight f = std::move(m_inFlight.front());
    m_inFlight.pop_front();
    Prepared p = f.done.get();
    Result<pdf::PreparedPades>& prepared = *p.result;
    if (m_summary.cancelled && m_keepOnCancel != f.index) {
      report(resultFor(f.index, ItemResult::State::NotAttempted));
      return;
    }
    if (!prepared.ok()) {
      // A token failure is the token's own Error (TokenRemoved, PinIncorrect..., CK_RV).
      fail(f.index, prepared.error());
      return;
    }
    ItemResult r = resultFor(f.index, ItemResult::State::Done);
    r.level = pdf::padesLevelName(m_s.level);
    r.field = prepared->result.signature.fieldName;
    m_pending.push_back({std::move(r), m_commits.commit(std::move(prepared->output).takeFile())});
    while (m_pending.size() >= kMaxPendingCommits) finishCommit();
    // Commits already done are reported now (without waiting), so that a front end's progress
    // and its Stop follow the token, not the queue.
    while (!m_pending.empty() &&
           m_pending.front().done.wait_for(std::chrono::seconds(0)) == std::future_status::ready)
      finishCommit();
    cancelIfAsked(false);
  }

  void finishCommit() {
    Pending pc = std::move(m_pending.front());
    m_pending.pop_front();
    Status st = pc.done.get();
    if (!st.ok()) {
      fail(pc.result.index, st.error());
      return;
    }
    report(std::move(pc.result));
  }

  const std::vector<SignInput>& m_items;
  const PdfSignSettings& m_s;
  BatchObserver& m_observer;
  std::string m_signerName;
  std::optional<std::string> m_tsa;
  std::optional<pdf::TsaContentsMaker> m_docTs;
  pdf::NetworkLtvSource m_ltv;
  std::vector<std::unique_ptr<pdf::CmsContentsMaker>> m_makers;
  std::vector<std::unique_ptr<WorkerThread>> m_lanes;  // one thread per maker, for the batch
  CommitPool m_commits;
  std::deque<InFlight> m_inFlight;
  std::deque<Pending> m_pending;
  std::vector<bool> m_reported;
  std::vector<std::optional<ItemResult>> m_ready;  // reported, not yet delivered
  std::size_t m_nextToDeliver = 0;
  std::set<fs::path> m_outputDirs;
  BatchSummary m_summary;
  bool m_stop = false;
  std::optional<std::size_t> m_keepOnCancel;
};

}  // namespace

Result<certs::TrustStore> chainBuildingTrust(pdf::PadesLevel level,
                                             const std::vector<fs::path>& extraAnchors) {
  if (!needsChains(level)) return certs::TrustStore::empty();
  auto shipped = certs::TrustStore::loadShipped();
  certs::TrustStore trust = shipped.ok() ? std::move(*shipped) : certs::TrustStore::empty();
  for (const auto& a : extraAnchors) KYSO_TRY(trust.addAnchors(a, "admin"));
  return trust;
}

Status checkPdfSignSettings(const PdfSignSettings& s) {
  auto usage = [](Detail why) {
    return Error::kyso(Errc::UsageError, "sign settings").because(why);
  };
  const auto& sub = s.signature.subFilter;
  if (sub != "ETSI.CAdES.detached" && sub != "adbe.pkcs7.detached")
    return usage(Detail::SubFilterChoice);
  if (s.signature.certifyP < 0 || s.signature.certifyP > 3) return usage(Detail::CertifyChoice);
  if (s.level != pdf::PadesLevel::BB && !s.tsaUrl) return usage(Detail::BtNeedsTsa);
  return {};
}

BatchSummary PdfSignJob::run(const std::vector<SignInput>& items, const SigningKey& key,
                             const PdfSignSettings& settings, BatchObserver& observer) {
  if (auto st = checkPdfSignSettings(settings); !st.ok())
    return reportAll(items, ItemResult::State::Failed, st.error(), observer);
  const auto began = std::chrono::steady_clock::now();
  BatchSummary done = Run(items, key, settings, observer).go();
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::steady_clock::now() - began)
                      .count();
  log::debug("pdf batch: " + std::to_string(done.done) + " of " + std::to_string(items.size()) +
             " files signed in " + std::to_string(ms) + " ms");
  return done;
}

}  // namespace kyso::jobs
