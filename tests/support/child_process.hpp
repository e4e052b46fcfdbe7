#pragma once
/// A child process for tests that need a program running beside them (a window to drive, a
/// server to talk to): started with an environment of its own, its output in a file, killed
/// when the test is done with it.
#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

namespace practicum::test {

/// A child process started with a given environment, its stdout and stderr in a file. Killed
/// (SIGKILL) when still running at destruction.
class Child {
 public:
  Child() = default;
  Child(Child&& other) noexcept;
  Child& operator=(Child&& other) noexcept;
  ~Child();

  /// Starts `argv` (argv[0] found on PATH) with the current environment plus `env`
  /// ("NAME=value" each), output to `output`. False when it cannot be started.
  bool start(const std::vector<std::string>& argv, const std::vector<std::string>& env,
             const std::filesystem::path& output);
  /// Whether it still runs.
  bool running();
  /// Waits up to `timeout` for it to end; its exit code, or -1 (a signal or still running).
  int wait(std::chrono::milliseconds timeout);
  /// Sends a signal.
  void signal(int sig);
  pid_t pid() const { return pid_; }

 private:
  pid_t pid_ = -1;
  int status_ = 0;
  bool reaped_ = false;
};

}  // namespace practicum::test
