// Ctrl-C during a batch: while an InterruptGuard lives, the first Ctrl-C asks the batch to stop
// after the file in hand (what is signed stays signed, and the command says how to go on); a second
// one ends kyso at once. Made after the PIN is asked, so that Ctrl-C at the prompt still quits.
#pragma once

#include <csignal>

namespace kyso::cli {

class InterruptGuard {
 public:
  InterruptGuard();
  ~InterruptGuard();
  InterruptGuard(const InterruptGuard&) = delete;
  InterruptGuard& operator=(const InterruptGuard&) = delete;
  /// True once Ctrl-C was pressed while a guard lived (a batch observer's cancelRequested).
  static bool interrupted();

 private:
  struct sigaction m_previous {};
  bool m_installed = false;
};

}  // namespace kyso::cli
