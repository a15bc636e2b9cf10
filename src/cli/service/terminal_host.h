// The signing service's person in a terminal (`kyso service run`): every question (a new site,
// each document, each digest, each certificate request) is shown on the controlling terminal
// (/dev/tty) with what the page asks, and answered there; the token is opened for each approved
// request through the CLI's own PIN prompt and token selection, with its final-try rules. Without
// a terminal nothing is approved. One question at a time.
#pragma once

#include <filesystem>
#include <mutex>
#include <optional>
#include <string>

#include "src/cli/kyso/args.h"
#include "src/service/service_host.h"

namespace kyso::cli {

class TerminalHost final : public service::ServiceHost {
 public:
  /// `p`: the parsed `kyso service run` options (token selection, PIN source); borrowed.
  /// `handwriting` and `seal`: the images for SignApproved and SignIssued, when set.
  TerminalHost(const ArgParser& p, std::optional<std::filesystem::path> handwriting,
               std::optional<std::filesystem::path> seal);

  bool allowSite(const std::string& origin) override;
  Result<service::ApprovedKey> approve(const service::Approval& what) override;
  std::optional<std::filesystem::path> image(const std::string& role) override;
  /// Prints "kyso service: 3/40 signed" on the terminal; the batch runs to its end (Ctrl-C stops
  /// the whole service).
  void batchProgress(std::size_t done, std::size_t total) override;
  /// An empty FileName: the path typed on the terminal (empty: none).
  std::optional<std::filesystem::path> pickLocalFile(const service::Approval& what) override;
  /// VerifyPDF: the report's text on the terminal.
  void showVerification(const service::VerificationShown& what) override;

 private:
  bool ask(const std::string& text);
  std::string askLine(const std::string& text);
  const ArgParser& m_args;
  std::optional<std::filesystem::path> m_handwriting, m_seal;
  std::mutex m_tty;
};

/// The lines shown for one request, in the CLI's language (for the terminal and for tests).
std::string describeApproval(const service::Approval& what);

}  // namespace kyso::cli
