#pragma once
/// A process-wide interrupt flag: SIGINT (Ctrl+C), SIGTERM (a shutdown, `kill`) and SIGHUP (the
/// terminal closed) only record that they came, so that the program can end its session as
/// interrupted, write the log's end record and leave by itself. The library never installs the
/// handlers on its own: a program that wants this calls installInterruptHandlers() once, early,
/// and then polls interruptSignal() between ticks (or frames).
///
/// Only those three signals are taken over; SIGQUIT (Ctrl+\) and SIGKILL still end a program that
/// does not come back to its loop. Every further interrupt signal after the first only records
/// again (the first one is kept), so a second SIGHUP or SIGTERM from a closing session cannot
/// kill the program while it writes the end of its log.
#include <string>

#include <practicum/core/result.hpp>

namespace practicum::core {

/// Installs handlers for SIGINT, SIGTERM and SIGHUP that only record the signal (the first since
/// the last reset) in an async-signal-safe atomic. A signal that is ignored when this is called
/// stays ignored (`nohup` ignores SIGHUP, a shell's background job SIGINT). The handlers run with
/// SA_RESTART, so a read, write or fsync they interrupt is restarted rather than failed.
/// Idempotent; call from the main thread before starting other threads. Fails (with the errno
/// message, and nothing installed) when sigaction does.
Status installInterruptHandlers();
/// Puts back the handlers that were in place before installInterruptHandlers() (tests; a
/// program that hands its signals to something else). Does nothing when none are installed.
void removeInterruptHandlers();
/// The first interrupt signal received since the handlers were installed or the flag was reset
/// (SIGINT, SIGTERM or SIGHUP), or 0 when none came. Cheap (one atomic load): poll it every tick.
/// Safe from any thread and from a signal handler.
int interruptSignal();
/// Records `signal` as if it had been received (a host's own quit request; tests). Keeps an
/// earlier one. Safe from any thread and from a signal handler.
void requestInterrupt(int signal);
/// Forgets the signal received, so that interruptSignal() is 0 again (tests; a host that has
/// handled the interrupt and goes on).
void resetInterrupt();
/// The signal's name for messages: "SIGINT", "SIGTERM", "SIGHUP", else "signal N".
std::string signalName(int signal);
/// The conventional exit status of a program ended by `signal`: 128 + signal (130 for SIGINT,
/// 143 for SIGTERM, 129 for SIGHUP).
constexpr int interruptExitCode(int signal) { return 128 + signal; }

}  // namespace practicum::core
