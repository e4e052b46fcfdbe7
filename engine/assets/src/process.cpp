#include "process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>

extern char** environ;

namespace practicum::assets {

namespace {

using Clock = std::chrono::steady_clock;

// closes a descriptor once
void closeFd(int& fd) {
  if (fd >= 0) ::close(fd);
  fd = -1;
}

// reads what the pipe holds now; false at end of file or on a hard error
bool drain(int fd, std::string& output, std::size_t maxBytes) {
  char buffer[4096];
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n > 0) {
      // keep the first maxBytes, discard the rest so that the child never blocks on a full pipe
      const std::size_t room = maxBytes > output.size() ? maxBytes - output.size() : 0;
      output.append(buffer, std::min(room, static_cast<std::size_t>(n)));
      continue;
    }
    if (n == 0) return false;
    if (errno == EINTR) continue;
    return errno == EAGAIN || errno == EWOULDBLOCK;
  }
}

// decodes a waitpid status
void setStatus(ProcessResult& result, int status) {
  if (WIFEXITED(status)) {
    result.outcome = ProcessResult::Outcome::Exited;
    result.exitCode = WEXITSTATUS(status);
  } else if (WIFSIGNALED(status)) {
    result.outcome = ProcessResult::Outcome::Signaled;
    result.signal = WTERMSIG(status);
  }
}

}  // namespace

std::string signalName(int signal) {
  switch (signal) {
    case SIGSEGV: return "SIGSEGV";
    case SIGABRT: return "SIGABRT";
    case SIGBUS: return "SIGBUS";
    case SIGFPE: return "SIGFPE";
    case SIGILL: return "SIGILL";
    case SIGKILL: return "SIGKILL";
    case SIGTERM: return "SIGTERM";
    case SIGXCPU: return "SIGXCPU";
    case SIGPIPE: return "SIGPIPE";
    case SIGTRAP: return "SIGTRAP";
    default: return "signal " + std::to_string(signal);
  }
}

ProcessResult runProcess(const std::filesystem::path& exe, const std::vector<std::string>& args,
                         double timeoutSeconds, std::size_t maxOutputBytes) {
  ProcessResult result;
  try {
    // argv: the program, then the arguments; the strings outlive the spawn
    std::vector<std::string> strings;
    strings.reserve(args.size() + 1);
    strings.push_back(exe.string());
    strings.insert(strings.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& s : strings) argv.push_back(s.data());
    argv.push_back(nullptr);
    result.output.reserve(maxOutputBytes);  // no allocation once the child runs

    // one pipe for stdout and stderr; the parent's end is non-blocking and never inherited
    int fds[2] = {-1, -1};
    if (::pipe2(fds, O_CLOEXEC) != 0) {
      result.spawnError = errno;
      return result;
    }
    int readFd = fds[0], writeFd = fds[1];
    ::fcntl(readFd, F_SETFL, ::fcntl(readFd, F_GETFL) | O_NONBLOCK);

    // child set-up: stdin /dev/null, stdout+stderr to the pipe, nothing else open, default
    // signal dispositions, empty signal mask, its own process group
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, writeFd, 1);
    posix_spawn_file_actions_adddup2(&actions, writeFd, 2);
    posix_spawn_file_actions_addclosefrom_np(&actions, 3);
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    sigset_t none, all;
    sigemptyset(&none);
    sigfillset(&all);
    sigdelset(&all, SIGKILL);
    sigdelset(&all, SIGSTOP);
    posix_spawnattr_setsigmask(&attr, &none);
    posix_spawnattr_setsigdefault(&attr, &all);
    posix_spawnattr_setpgroup(&attr, 0);
    posix_spawnattr_setflags(
        &attr, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP);
    pid_t pid = -1;
    const int err = ::posix_spawn(&pid, argv[0], &actions, &attr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attr);
    closeFd(writeFd);
    if (err != 0) {
      closeFd(readFd);
      result.spawnError = err;
      return result;
    }

    // wait for exit and end of output, or the deadline
    const auto deadline =
        Clock::now() + std::chrono::duration_cast<Clock::duration>(
                           std::chrono::duration<double>(timeoutSeconds > 0 ? timeoutSeconds : 0));
    bool exited = false;
    for (;;) {
      // has it exited? (WNOWAIT keeps the zombie, so its process group id stays reserved)
      if (!exited) {
        siginfo_t info{};
        if (::waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0) {
          exited = info.si_pid == pid;
        } else if (errno != EINTR) {
          const int lostErrno = errno;
          ::kill(-pid, SIGKILL);
          closeFd(readFd);
          result.outcome = ProcessResult::Outcome::Lost;
          result.spawnError = lostErrno;
          return result;
        }
      }
      if (readFd >= 0 && !drain(readFd, result.output, maxOutputBytes)) closeFd(readFd);
      // done once the child is gone; the pipe may stay open if it left a grandchild behind
      if (exited) break;
      const auto now = Clock::now();
      if (now >= deadline) {
        ::kill(-pid, SIGKILL);
        ::kill(pid, SIGKILL);
        int status = 0;
        while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
        }
        closeFd(readFd);
        result.outcome = ProcessResult::Outcome::TimedOut;
        return result;
      }
      // sleep until output arrives or a short tick passes (exit is polled with WNOHANG)
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now);
      const int tick = static_cast<int>(std::min<long long>(left.count() + 1, 20));
      if (readFd >= 0) {
        pollfd p{readFd, POLLIN, 0};
        ::poll(&p, 1, tick);
      } else {
        ::usleep(static_cast<useconds_t>(tick) * 1000);
      }
    }
    // the child is a zombie: end whatever it left in its group, then reap it
    ::kill(-pid, SIGKILL);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    // collect what is still buffered
    if (readFd >= 0) drain(readFd, result.output, maxOutputBytes);
    closeFd(readFd);
    setStatus(result, status);
    return result;
  } catch (...) {
    // only allocation can throw here
    result.outcome = ProcessResult::Outcome::SpawnFailed;
    result.spawnError = ENOMEM;
    return result;
  }
}

}  // namespace practicum::assets
