#pragma once
// Runs a shell command line and collects its exit status and combined output.
#include <sys/wait.h>
#include <array>
#include <cstdio>
#include <string>

#include "test_support.hpp"

namespace practicum::test {

struct ProcessResult {
  int exitCode = -1;  ///< -1 when killed by a signal
  int signal = 0;
  std::string output;  ///< stdout and stderr together
};

inline ProcessResult runProcess(const std::string& commandLine) {
  ProcessResult r;
  FILE* pipe = ::popen((commandLine + " 2>&1").c_str(), "r");
  if (!pipe) return r;
  std::array<char, 4096> buf{};
  while (std::size_t n = std::fread(buf.data(), 1, buf.size(), pipe))
    r.output.append(buf.data(), n);
  const int status = ::pclose(pipe);
  if (WIFEXITED(status)) r.exitCode = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) r.signal = WTERMSIG(status);
  return r;
}

/// The practicum binary in the build tree.
inline std::string practicumBinary() { return (binaryDir() / "bin" / "practicum").string(); }

}  // namespace practicum::test
