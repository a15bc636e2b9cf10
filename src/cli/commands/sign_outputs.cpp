#include "src/cli/commands/sign_outputs.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "core/messages.h"
#include "src/cli/commands/text_table.h"
#include "src/cli/kyso/commands.h"
#include "src/cli/kyso/exit_codes.h"
#include "src/cli/kyso/words.h"

namespace kyso::cli {
namespace {
namespace fs = std::filesystem;

int exitCodeForFileError(const Error& e) {
  switch (e.kind) {
    case Errc::NotAPdf:
    case Errc::PdfDamaged:
    case Errc::PdfEncrypted:
    case Errc::FileNotFound:
    case Errc::FileUnreadable:
    case Errc::PdfCertifiedLocked:
    case Errc::PdfFieldNotFound:
    case Errc::PdfPageOutOfRange:
    case Errc::FileExists:
    case Errc::OutputNotWritable:
    case Errc::DiskFull:
    case Errc::InputTooLarge:
    case Errc::XmlMalformed:
    case Errc::XmlDtdRefused:
    case Errc::XmlPlaceNotFound:
    case Errc::XmlIdNotUnique:
    case Errc::XmlSignatureWouldBreak:
      return kExitInputError;
    case Errc::UsageError:
      return kExitUsage;
    default:
      return e.domain == Domain::Pkcs11 ? kExitTokenError : kExitSignatureFailed;
  }
}

// Columns padded by characters, so that Vietnamese file names and words line up.
void printTable(const std::vector<FileOutcome>& rows) {
  TextTable t({say("FILE", "TỆP"), say("RESULT", "KẾT QUẢ"), say("DETAIL", "CHI TIẾT")});
  for (const auto& r : rows) t.add({r.input, r.status, r.detail});
  std::printf("%s", t.render(noneText()).c_str());
}

}  // namespace

int signUsageError(const std::string& what) {
  printError("kyso sign", Error::kyso(Errc::UsageError, "kyso sign", what));
  return kExitUsage;
}

int checkOutputChoice(const ArgParser& p, const char* command) {
  auto usage = [command](const std::string& what) {
    printError(command, Error::kyso(Errc::UsageError, command, what));
    return kExitUsage;
  };
  if (p.has("output") == p.has("out-dir"))
    return usage(say("give exactly one of -o and --out-dir",
                     "hãy cho đúng một trong hai: -o hoặc --out-dir"));
  if (p.has("output") && p.positional().size() != 1)
    return usage(say("-o takes one input; use --out-dir",
                     "-o chỉ dùng cho một tệp đầu vào; hãy dùng --out-dir"));
  return kExitOk;
}

// One row per input with its output, decided before anything is signed.
int planOutputs(const ArgParser& p, std::vector<FileOutcome>& rows, const char* command) {
  auto usage = [command](const std::string& what) {
    printError(command, Error::kyso(Errc::UsageError, command, what));
    return kExitUsage;
  };
  const auto& inputs = p.positional();
  std::error_code ec;
  if (!p.has("out-dir")) {
    rows.push_back({inputs.front(), *p.get("output"), "", ""});
    fs::path folder = fs::path(rows.front().output).parent_path();
    if (int rc = checkWritableFolder(folder.empty() ? "." : folder, "-o", command); rc != kExitOk)
      return rc;
    if (fs::exists(rows.front().output, ec) &&
        fs::equivalent(rows.front().output, inputs.front(), ec))
      return usage(
          say("the output must not be the input", "tệp kết quả không được trùng tệp đầu vào"));
    return kExitOk;
  }
  fs::path dir = *p.get("out-dir");
  if (int rc = makeWritableFolder(dir, "--out-dir", command); rc != kExitOk) return rc;
  for (const auto& in : inputs) {
    fs::path out = dir / fs::path(in).filename();
    if (fs::exists(out, ec) && fs::equivalent(out, in, ec))
      return usage(say("--out-dir would replace the input ", "--out-dir sẽ ghi đè tệp đầu vào ") +
                   in);
    for (const auto& r : rows)
      if (r.output == out.string())
        return usage(say("two inputs named ", "hai tệp đầu vào tên ") + out.filename().string() +
                     say(" would share one output", " sẽ ghi chung một tệp kết quả"));
    rows.push_back({in, out.string(), "", ""});
  }
  return kExitOk;
}

bool SignPrinter::cancelRequested() {
  return InterruptGuard::interrupted();
}

void SignPrinter::started(std::size_t index, std::size_t total) {
  if (total > 1)
    std::fprintf(stderr, "[%zu/%zu] %s\n", index + 1, total, m_rows[index].input.c_str());
}

void SignPrinter::note(std::size_t, const Error& note) {
  std::fprintf(stderr, "kyso sign: %s\n", describe(note).c_str());
}

void SignPrinter::finished(const jobs::ItemResult& r) {
  using State = jobs::ItemResult::State;
  FileOutcome& row = m_rows[r.index];
  switch (r.state) {
    case State::Done:
      row.status = say("signed", "đã ký");
      row.detail = r.level + ", " + r.field;
      break;
    case State::Skipped:
      row.status = say("skipped", "bỏ qua");
      row.detail = say("output exists", "đã có tệp kết quả");
      break;
    case State::Failed:
      row.status = say("failed", "lỗi");
      row.detail = describe(*r.error);
      if (m_rows.size() == 1)
        printError(say("Signing ", "Ký ") + row.input + say(" failed", " không thành công"),
                   *r.error);
      break;
    case State::NotAttempted:
      row.status = say("not attempted", "chưa ký");
      break;
  }
}

// The table, the folder flush errors and the exit code.
int reportBatch(const jobs::BatchSummary& summary, const std::vector<FileOutcome>& rows) {
  std::size_t failed = summary.failed + summary.notAttempted;
  for (const auto& e : summary.flushErrors) {
    printError("Flushing an output folder to disk failed", e);
    ++failed;
  }
  if (rows.size() > 1) printTable(rows);
  if (summary.cancelled) {
    const std::size_t total = rows.size();
    const std::size_t handled = summary.done + summary.skipped + summary.failed;
    std::fprintf(stderr,
                 vi() ? "kyso: đã dừng (Ctrl-C) sau %zu/%zu tệp; chạy lại đúng lệnh này với "
                        "--skip-existing để ký các tệp còn lại.\n"
                      : "kyso: interrupted (Ctrl-C) after %zu of %zu files; run the same command "
                        "again with --skip-existing to sign the rest.\n",
                 handled, total);
    return kExitInterrupted;
  }
  if (failed == 0) return kExitOk;
  if (rows.size() == 1 && summary.firstError) return exitCodeForFileError(*summary.firstError);
  if (rows.size() == 1 && !summary.flushErrors.empty())
    return exitCodeForFileError(summary.flushErrors.front());
  return kExitSignatureFailed;
}

}  // namespace kyso::cli
