#pragma once
/// Runs a helper executable as a child process with a wall-clock timeout, collecting its
/// combined stdout and stderr. No shell is involved; the child gets no other descriptors.
#include <filesystem>
#include <string>
#include <vector>

namespace practicum::assets {

/// How a child process ended.
struct ProcessResult {
  enum class Outcome {
    Exited,       ///< exited by itself; exitCode holds the status
    Signaled,     ///< killed by a signal it did not ask for; signal holds it
    TimedOut,     ///< still running at the deadline; it was killed and reaped
    SpawnFailed,  ///< could not be started; spawnError holds errno
    Lost,         ///< its exit status could not be collected (waitid failed; errno in spawnError)
  };
  Outcome outcome = Outcome::SpawnFailed;
  int exitCode = 0;
  int signal = 0;
  int spawnError = 0;
  std::string output;  ///< stdout and stderr, at most the first maxOutputBytes of them
};

/// Starts `exe` with `args` (argv[1..]) in its own process group, stdin from /dev/null, and
/// waits at most timeoutSeconds. On timeout the whole group is killed with SIGKILL and reaped;
/// after a normal exit, anything the child left running in its group is killed too.
/// Thread-safe; never throws.
ProcessResult runProcess(const std::filesystem::path& exe, const std::vector<std::string>& args,
                         double timeoutSeconds, std::size_t maxOutputBytes = 64 * 1024);

/// Name of a signal ("SIGSEGV"), or "signal N".
std::string signalName(int signal);

}  // namespace practicum::assets
