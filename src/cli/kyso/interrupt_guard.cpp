#include "src/cli/kyso/interrupt_guard.h"

namespace kyso::cli {
namespace {

volatile std::sig_atomic_t g_interrupted = 0;

extern "C" void onInterrupt(int) {
  g_interrupted = 1;
}

}  // namespace

InterruptGuard::InterruptGuard() {
  g_interrupted = 0;
  struct sigaction sa {};
  sa.sa_handler = onInterrupt;
  sa.sa_flags = SA_RESTART | SA_RESETHAND;  // the second Ctrl-C has the default effect
  sigemptyset(&sa.sa_mask);
  m_installed = ::sigaction(SIGINT, &sa, &m_previous) == 0;
}

InterruptGuard::~InterruptGuard() {
  if (m_installed) ::sigaction(SIGINT, &m_previous, nullptr);
}

bool InterruptGuard::interrupted() {
  return g_interrupted != 0;
}

}  // namespace kyso::cli
