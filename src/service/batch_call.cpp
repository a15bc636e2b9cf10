// vgca_sign_files: every address judged first, the documents fetched (several at once, within
// the batch's byte limit) into a private folder, the batch approved once, signed with one login
// (PDFs with an invisible PAdES signature, anything else with a detached .p7s), and each signed
// document uploaded as soon as it is signed, while the token signs the next. The person may stop
// the batch between documents (ServiceHost::batchStopRequested); the reply says what became of
// each file.
#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <thread>

#include "core/atomic_file.h"
#include "src/jobs/sign_job.h"
#include "src/service/document_transfer.h"
#include "src/service/request_files.h"
#include "src/service/sign_settings.h"
#include "src/service/signing_service.h"

namespace kyso::service {

namespace {

namespace fs = std::filesystem;

// Transfers at once with the document system: enough to hide its latency, few enough to be a
// polite client of a unit's server.
constexpr std::size_t kParallelDownloads = 4;
constexpr std::size_t kParallelUploads = 2;

// Runs `work(i)` for i in [0, n) on up to `threads` threads; stops handing out indexes once
// `stop` is set.
template <class F>
void forEachOnThreads(std::size_t n, std::size_t threads, const std::atomic<bool>& stop, F work) {
  std::atomic<std::size_t> next{0};
  auto run = [&] {
    for (std::size_t i; !stop && (i = next++) < n;) work(i);
  };
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < std::min(threads, n); ++t) pool.emplace_back(run);
  run();
  for (auto& t : pool) t.join();
}

// Uploads signed documents on `threads` threads of its own, taken in the order handed in.
class Uploader {
 public:
  Uploader(std::size_t threads, std::function<Result<Json>(std::size_t)> upload)
      : m_upload(std::move(upload)) {
    for (std::size_t t = 0; t < threads; ++t) m_threads.emplace_back([this] { loop(); });
  }
  ~Uploader() { finish(); }
  void add(std::size_t i) {
    std::lock_guard lock(m_mutex);
    m_queue.push_back(i);
    m_cv.notify_one();
  }
  /// Waits for every document handed in; then the results by index.
  void finish() {
    {
      std::lock_guard lock(m_mutex);
      m_closed = true;
      m_cv.notify_all();
    }
    for (auto& t : m_threads)
      if (t.joinable()) t.join();
  }
  std::map<std::size_t, Result<Json>>& results() { return m_results; }

 private:
  void loop() {
    for (;;) {
      std::size_t i = 0;
      {
        std::unique_lock lock(m_mutex);
        m_cv.wait(lock, [&] { return m_closed || !m_queue.empty(); });
        if (m_queue.empty()) return;
        i = m_queue.front();
        m_queue.pop_front();
      }
      Result<Json> r = m_upload(i);
      std::lock_guard lock(m_mutex);
      m_results.emplace(i, std::move(r));
    }
  }
  std::function<Result<Json>(std::size_t)> m_upload;
  std::mutex m_mutex;
  std::condition_variable m_cv;
  std::deque<std::size_t> m_queue;
  bool m_closed = false;
  std::map<std::size_t, Result<Json>> m_results;
  std::vector<std::thread> m_threads;  // last: started once everything above exists
};

}  // namespace

Result<Json> SigningService::signBatch(const Origin& origin, const Json& message, Approval& seen) {
  KYSO_ASSIGN_OR_RETURN(BatchRequest req, parseBatchRequest(message));
  KYSO_TRY(checkDocumentAddress(req.uploadHandler, origin, m_settings.sites));
  for (const BatchFile& f : req.files)
    KYSO_TRY(checkDocumentAddress(f.url, origin, m_settings.sites));
  seen.uploadTo = req.uploadHandler;
  const TransferOptions transfer = transferFor(origin);
  KYSO_ASSIGN_OR_RETURN(PrivateDir dir, PrivateDir::make());

  // Every document fetched before the person is asked (they approve what they see), several at
  // once; the first failure, in the batch's order, ends the request.
  const std::size_t n = req.files.size();
  std::vector<BatchDocument> docs(n);
  std::vector<std::optional<Error>> failures(n);
  std::atomic<std::uint64_t> total{0};
  std::atomic<bool> failed{false};
  forEachOnThreads(n, kParallelDownloads, failed, [&](std::size_t i) {
    const BatchFile& f = req.files[i];
    auto doc = fetchDocumentSlowly(f.url, transfer);
    if (!doc.ok()) {
      failures[i] = doc.error();
      failed = true;
      return;
    }
    if ((total += doc->size()) > m_settings.maxBatchBytes) {
      failures[i] = Error::kyso(Errc::InputTooLarge, "download",
                                std::to_string(m_settings.maxBatchBytes >> 20))
                        .because(Detail::BatchLargerThanMiB);
      failed = true;
      return;
    }
    BatchDocument& d = docs[i];
    d.id = f.id;
    d.url = f.url;
    d.pdf = looksLikePdf(*doc);
    d.name = fileNameOf(f.name.empty() ? f.url : "/" + f.name, d.pdf ? "document.pdf" : "document");
    d.size = doc->size();
    d.sha256 = sha256Hex(*doc);
    // Private names by position (never the system's), so that the format is decided here: a PDF
    // or a file that gets a detached signature.
    d.file = dir.path() / ("doc-" + std::to_string(i) + (d.pdf ? ".pdf" : ".bin"));
    if (auto st = writeBytes(d.file, *doc); !st.ok()) {
      failures[i] = st.error();
      failed = true;
    }
  });
  for (const auto& f : failures)  // a failure stops the fetching: nothing is signed
    if (f) return *f;
  std::vector<jobs::SignInput> items;
  for (std::size_t i = 0; i < n; ++i) {
    const std::string stem = "doc-" + std::to_string(i);
    items.push_back(
        {docs[i].file, dir.path() / (stem + (docs[i].pdf ? ".signed.pdf" : ".bin.p7s")), false});
  }
  seen.batch = std::move(docs);
  seen.documentName = std::to_string(n) + " documents";
  seen.documentSize = static_cast<std::size_t>(total.load());

  KYSO_ASSIGN_OR_RETURN(jobs::SignSettings ss, signSettings(m_settings));
  KYSO_ASSIGN_OR_RETURN(ApprovedKey approved, m_host.approve(seen));
  // Each signed document goes to the system while the token signs the next.
  Uploader uploader(kParallelUploads, [&](std::size_t i) -> Result<Json> {
    const BatchDocument& d = seen.batch[i];
    KYSO_ASSIGN_OR_RETURN(std::string bytes, readSmallFile(items[i].output, transfer.maxBytes * 2));
    KYSO_ASSIGN_OR_RETURN(
        std::string answer,
        uploadSignedSlowly(req.uploadHandler, d.pdf ? d.name : d.name + ".p7s",
                           d.pdf ? "application/pdf" : "application/pkcs7-signature", bytes,
                           transfer));
    return readHandlerAnswer(answer);
  });
  struct Progress : jobs::BatchObserver {
    Progress(ServiceHost& h, Uploader& u, std::size_t count) : host(h), up(u), results(count) {}
    void finished(const jobs::ItemResult& r) override {
      std::lock_guard lock(m);
      if (r.index >= results.size()) return;
      results[r.index] = r;
      if (r.state == jobs::ItemResult::State::Done) up.add(r.index);
      host.batchProgress(++done, results.size());
    }
    bool cancelRequested() override { return host.batchStopRequested(); }
    ServiceHost& host;
    Uploader& up;
    std::vector<jobs::ItemResult> results;
    std::mutex m;
    std::size_t done = 0;
  } progress(m_host, uploader, items.size());
  jobs::SignJob::run(items, std::move(approved.key), std::move(ss), progress);
  uploader.finish();

  Json files = Json::array();
  std::size_t notSent = 0;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const BatchDocument& d = seen.batch[i];
    Json f = Json::object();
    f.set("FileID", d.id);
    Result<Json> up = Error::kyso(Errc::Cancelled, "sign", d.name);
    const jobs::ItemResult& r = progress.results[i];
    if (auto it = uploader.results().find(i); it != uploader.results().end())
      up = std::move(it->second);
    else if (r.state != jobs::ItemResult::State::Done && r.error)
      up = inServiceWords(*r.error);
    if (up.ok()) {
      f.set("Status", 0);
      f.set("Message", "");
      f.set("FileName", textOf((*up)["FileName"]));
      f.set("FileServer", textOf((*up)["FileServer"]));
    } else {
      ++notSent;
      f.set("Status", statusFor(up.error()));
      f.set("Message", describe(up.error(), m_lang));
      f.set("FileName", d.name);
      f.set("FileServer", "");
    }
    files.push(std::move(f));
  }
  m_host.batchEnded(items.size() - notSent, items.size());
  Json reply = Json::object();
  reply.set("Status", notSent == 0 ? 0 : 1);
  reply.set("Message", notSent == 0 ? std::string()
                                    : describe(Error::kyso(Errc::ServiceBatchIncomplete, "batch",
                                                           std::to_string(notSent) + "/" +
                                                               std::to_string(items.size())),
                                               m_lang));
  reply.set("Files", std::move(files));
  return reply;
}

}  // namespace kyso::service
