#include <practicum/core/interrupt.hpp>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <iterator>
#include <mutex>
#include <string>

namespace practicum::core {

namespace {

// the signal handler touches nothing but this lock-free atomic (async-signal-safe)
std::atomic<int> gSignal{0};
static_assert(std::atomic<int>::is_always_lock_free, "the interrupt flag must be lock-free");

constexpr int kSignals[] = {SIGINT, SIGTERM, SIGHUP};

// what was in place before ours, to put back; guarded by gMutex (never used by the handler)
std::mutex gMutex;
bool gInstalled = false;
struct Previous {
  bool replaced = false;  // false: the signal was ignored, and stays so
  struct sigaction action {};
};
Previous gPrevious[std::size(kSignals)];

// keeps the first signal: a later one (a second SIGHUP of a closing terminal) changes nothing
void record(int signal) {
  int none = 0;
  gSignal.compare_exchange_strong(none, signal, std::memory_order_relaxed);
}

void onInterrupt(int signal) { record(signal); }

// puts back the handlers replaced so far
void restore() {
  for (std::size_t i = 0; i < std::size(kSignals); ++i) {
    if (gPrevious[i].replaced) ::sigaction(kSignals[i], &gPrevious[i].action, nullptr);
    gPrevious[i] = {};
  }
}

}  // namespace

Status installInterruptHandlers() {
  std::lock_guard<std::mutex> lock(gMutex);
  if (gInstalled) return {};
  struct sigaction action {};
  action.sa_handler = onInterrupt;
  action.sa_flags = SA_RESTART;
  sigemptyset(&action.sa_mask);
  // while one of them is handled, the others wait
  for (int s : kSignals) sigaddset(&action.sa_mask, s);
  for (std::size_t i = 0; i < std::size(kSignals); ++i) {
    // a signal ignored by whoever started us stays ignored: `nohup` (SIGHUP), a background job
    // of a shell (SIGINT)
    struct sigaction current {};
    int rc = ::sigaction(kSignals[i], nullptr, &current);
    if (rc == 0 && current.sa_handler == SIG_IGN) continue;
    if (rc == 0) rc = ::sigaction(kSignals[i], &action, &gPrevious[i].action);
    if (rc != 0) {
      const int error = errno;
      restore();  // all or none
      return makeError(ErrorCode::Io, "cannot install the handler of " + signalName(kSignals[i]) +
                                          ": " + std::strerror(error));
    }
    gPrevious[i].replaced = true;
  }
  gInstalled = true;
  return {};
}

void removeInterruptHandlers() {
  std::lock_guard<std::mutex> lock(gMutex);
  if (!gInstalled) return;
  restore();
  gInstalled = false;
}

int interruptSignal() { return gSignal.load(std::memory_order_relaxed); }

void requestInterrupt(int signal) { record(signal); }

void resetInterrupt() { gSignal.store(0, std::memory_order_relaxed); }

std::string signalName(int signal) {
  switch (signal) {
    case SIGINT: return "SIGINT";
    case SIGTERM: return "SIGTERM";
    case SIGHUP: return "SIGHUP";
    default: return "signal " + std::to_string(signal);
  }
}

}  // namespace practicum::core
