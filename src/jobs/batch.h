// What every batch job (signing, extending) shares: one result per file, the observer the front
// end listens through, the summary, and the one policy for what stops a batch.
//
//   struct Printer : jobs::BatchObserver {
//     void finished(const jobs::ItemResult& r) override { ... a line or a table row ... }
//   };
//   Printer out;
//   jobs::BatchSummary s = job.run(key, out);
//
// Results carry typed errors; sentences are made by the front end (describe(), the GUI's words).
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"

namespace kyso::jobs {

/// The result of one file of a batch.
struct ItemResult {
  enum class State { Done, Skipped, Failed, NotAttempted };
  std::size_t index = 0;  // in the job's inputs
  std::filesystem::path input, output;
  State state = State::NotAttempted;
  std::string level;           // done: "B-T", "CAdES B-B", ...
  std::string field;           // done, PDFs: the signature field's name
  std::optional<Error> error;  // failed: why
};

/// How a front end hears about a running batch. `finished` is called exactly once per input, in
/// input order (SignJob: within each kind of file), on the thread that runs the job. `started` and
/// `cancelRequested` may be called from the job's worker threads (detached batches sign on several
/// lanes at once).
class BatchObserver {
 public:
  virtual ~BatchObserver() = default;
  /// File `index` is about to be worked on.
  virtual void started(std::size_t index, std::size_t total) {
    (void)index;
    (void)total;
  }
  /// Something about file `index` a person should know that did not stop it (an appearance note:
  /// "the image has no transparency").
  virtual void note(std::size_t index, const Error& note) {
    (void)index;
    (void)note;
  }
  virtual void finished(const ItemResult& result) = 0;
  /// Polled between files: true stops the batch (the files not started are NotAttempted).
  virtual bool cancelRequested() { return false; }
};

/// How a batch ended.
struct BatchSummary {
  std::size_t done = 0, skipped = 0, failed = 0, notAttempted = 0;
  std::optional<Error> firstError;  // the first file's failure
  std::optional<Error> stoppedBy;   // the failure that stopped the batch (stopsBatch)
  std::vector<Error> flushErrors;   // output folders that could not be flushed to disk
  bool cancelled = false;
  bool ok() const { return failed == 0 && notAttempted == 0 && flushErrors.empty(); }
  void add(const ItemResult& r);
  /// Adds the counts and errors of another part of the same batch.
  void merge(const BatchSummary& part);
};

/// Reports every item of `items` with `state` (and `error`) without working on it: settings a
/// job cannot run with (Failed), files after a stop (NotAttempted). Returns their summary.
template <class Item>
BatchSummary reportAll(const std::vector<Item>& items, ItemResult::State state,
                       const std::optional<Error>& error, BatchObserver& observer) {
  BatchSummary summary;
  for (std::size_t i = 0; i < items.size(); ++i) {
    ItemResult r;
    r.index = i;
    r.input = items[i].input;
    r.output = items[i].output;
    r.state = state;
    r.error = error;
    summary.add(r);
    observer.finished(r);
  }
  return summary;
}

/// True when `e` will fail every later file too (a removed token, a PIN problem, the person
/// cancelling the PIN dialog, any raw token error): the batch stops there and keeps what is done.
/// A bad file (unreadable, not a PDF, a missing field) does not stop it.
bool stopsBatch(const Error& e);

}  // namespace kyso::jobs
