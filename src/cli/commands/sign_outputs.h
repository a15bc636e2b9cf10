// What `kyso sign` does around a signing job, for PDFs (cmd_sign.cpp) and XML (cmd_sign_xml.cpp)
// alike (and `kyso extend` for its outputs): the output of each input decided before the PIN is
// asked (-o or --out-dir), progress and one table row per file as the job reports, and the exit
// code of the batch.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "src/cli/kyso/args.h"
#include "src/cli/kyso/interrupt_guard.h"
#include "src/cli/kyso/output_folder.h"
#include "src/jobs/batch.h"

namespace kyso::cli {

struct FileOutcome {
  std::string input, output;
  std::string status;  // "signed", "skipped", "failed", "not attempted" (in the CLI's language)
  std::string detail;
};

/// Prints "kyso sign: <what>" as a usage error; returns kExitUsage.
int signUsageError(const std::string& what);

/// The rule every command writing one copy per input shares: exactly one of -o and --out-dir,
/// and -o with one input only. kExitOk, or the usage error printed as `command`'s.
int checkOutputChoice(const ArgParser& p, const char* command = "kyso sign");

/// One row per input with its output (-o for one input, --out-dir for any number, made when
/// missing), refusing an output that is the input, two inputs sharing an output, and a folder
/// that cannot be written; errors are printed as `command`'s. An exit code (kExitOk when the
/// plan stands). `kyso sign` and `kyso extend` share it.
int planOutputs(const ArgParser& p, std::vector<FileOutcome>& rows,
                const char* command = "kyso sign");

/// Progress on stderr, appearance notes, and the rows filled as files finish; Ctrl-C stops the
/// batch after the current file.
class SignPrinter : public jobs::BatchObserver {
 public:
  explicit SignPrinter(std::vector<FileOutcome>& rows) : m_rows(rows) {}
  void started(std::size_t index, std::size_t total) override;
  void note(std::size_t index, const Error& note) override;
  void finished(const jobs::ItemResult& r) override;
  bool cancelRequested() override;

 private:
  std::vector<FileOutcome>& m_rows;
  InterruptGuard m_interrupt;
};

/// The table (several files), the folder flush errors and the exit code: one file's own code
/// (input, usage, token, signature), else 1 when any file failed.
int reportBatch(const jobs::BatchSummary& summary, const std::vector<FileOutcome>& rows);

}  // namespace kyso::cli
