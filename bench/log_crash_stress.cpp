// log_crash_stress [KILLS]: the long form of the crash test. Starts a session log writer at a
// session's pace (tests/record/log_crash_writer --realtime), SIGKILLs it after a random 0-2.5 s,
// and checks what survived: the log verifies (after cutting a torn last record, the only damage
// a crash may leave) and holds every tick up to at most about a second before the kill (the
// fsync interval; a kill loses what was queued and not yet written, the page cache survives a
// process crash). Default 100 kills. Exits 1 on any failure.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <random>
#include <string>
#include <thread>

#include <practicum/core/file_io.hpp>
#include <practicum/record/log.hpp>

using namespace practicum;
namespace fs = std::filesystem;

int main(int argc, char** argv) {
  const int kills = argc > 1 ? std::max(1, std::atoi(argv[1])) : 100;
  const fs::path helper = core::executableDir() / "log_crash_writer";
  if (!fs::exists(helper))
    return std::fprintf(stderr, "%s is missing (build the tests)\n", helper.c_str()), 1;
  const fs::path dir =
      fs::temp_directory_path() / ("practicum-crash-stress-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::mt19937 random(std::random_device{}());
  std::uniform_int_distribution<int> delayMs(0, 2500);
  int failures = 0, torn = 0, withData = 0;
  double worstLoss = 0, totalLoss = 0;
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < kills; ++i) {
    const fs::path file = dir / ("kill" + std::to_string(i) + ".plog");
    int fds[2];
    if (::pipe(fds) != 0) return std::perror("pipe"), 1;
    const pid_t pid = ::fork();
    if (pid < 0) return std::perror("fork"), 1;
    if (pid == 0) {
      ::dup2(fds[1], 1);
      ::close(fds[0]);
      ::close(fds[1]);
      ::execl(helper.c_str(), helper.c_str(), file.c_str(), "--realtime",
              static_cast<char*>(nullptr));
      ::_exit(127);
    }
    ::close(fds[1]);
    std::this_thread::sleep_for(std::chrono::milliseconds(delayMs(random)));
    ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);
    // the last tick handed to the writer (the pipe holds a minute of them)
    std::string out;
    char buf[4096];
    for (ssize_t n; (n = ::read(fds[0], buf, sizeof buf)) > 0;) out.append(buf, std::size_t(n));
    ::close(fds[0]);
    std::uint64_t reported = 0;
    if (out.size() >= 9) std::memcpy(&reported, out.data() + 1 + (out.size() - 1) / 8 * 8 - 8, 8);
    if (out.empty() || out[0] != 'C') continue;  // killed before the log existed

    record::VerifyReport report = record::verifyLog(file);
    if (!report.ok && report.tornTail) {
      ++torn;
      if (auto cut = record::cutTornTail(file); !cut.ok()) {
        std::printf("kill %d: %s\n", i, cut.error().message.c_str());
        ++failures;
        continue;
      }
    }
    record::VerifyReport check;
    const record::LogContents log = record::readLog(file, check);
    if (!check.ok) {
      std::printf("kill %d: %s\n", i, check.message.c_str());
      ++failures;
      continue;
    }
    const std::uint64_t logged = log.inputs.empty() ? 0 : log.inputs.back().tick;
    if (logged > 0) ++withData;
    const double lost = reported > logged ? double(reported - logged) / 120.0 : 0.0;
    worstLoss = std::max(worstLoss, lost);
    totalLoss += lost;
    if (lost > 1.25) {  // the 1 s interval plus scheduling slack on a loaded machine
      std::printf("kill %d: lost %.2f s (tick %llu handed over, %llu in the log)\n", i, lost,
                  static_cast<unsigned long long>(reported),
                  static_cast<unsigned long long>(logged));
      ++failures;
    }
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf(
      "%d kills in %.0f s: %d logs with data, %d torn tails cut, %d failures; lost at most "
      "%.2f s of session (mean %.2f s; target <= 1 s)\n",
      kills, seconds, withData, torn, failures, worstLoss, withData ? totalLoss / withData : 0.0);
  fs::remove_all(dir);
  return failures == 0 ? 0 : 1;
}
