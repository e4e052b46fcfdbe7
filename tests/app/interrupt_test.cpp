// Every way a headless session ends is recorded: `practicum run` stopped by SIGTERM (a lab PC
// shut down), SIGINT (Ctrl+C) or SIGHUP (the terminal closed) ends its session as interrupted,
// writes the end record, closes and catalogues the log and exits with 128 + the signal; the log
// verifies and replays exactly, and `sessions`, `verify`, `replay` and `assess` say how it ended.
// A run killed outright (SIGKILL) leaves a log without an end record, and `sessions` says so.
// The run is paced at real time (--speed 1), so it is still running whenever the signal comes,
// however loaded the machine; every wait is generous and polls.
#include <gtest/gtest.h>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include <practicum/core/interrupt.hpp>
#include <practicum/record/log.hpp>

#include "run_process.hpp"
#include "test_support.hpp"

extern char** environ;

namespace practicum::test {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr auto kPatience = std::chrono::seconds(120);  // for a loaded 2-core machine

std::string readText(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// starts `args` with stdout and stderr into `output`, the interrupt signals at their defaults
// and unblocked (whatever the test runner left them at); returns the pid, or -1
pid_t spawn(const std::vector<std::string>& args, const fs::path& output) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, output.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_adddup2(&actions, 1, 2);
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  sigset_t defaults, mask;
  sigemptyset(&defaults);
  for (int s : {SIGINT, SIGTERM, SIGHUP}) sigaddset(&defaults, s);
  sigemptyset(&mask);
  posix_spawnattr_setsigdefault(&attr, &defaults);
  posix_spawnattr_setsigmask(&attr, &mask);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);
  std::vector<char*> argv;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  pid_t pid = -1;
  if (posix_spawn(&pid, argv[0], &actions, &attr, argv.data(), environ) != 0) pid = -1;
  posix_spawnattr_destroy(&attr);
  posix_spawn_file_actions_destroy(&actions);
  return pid;
}

// the exit status of `pid` once it has ended, or nothing after kPatience (then it is killed)
std::optional<int> waitFor(pid_t pid) {
  const auto deadline = Clock::now() + kPatience;
  int status = 0;
  while (Clock::now() < deadline) {
    const pid_t done = ::waitpid(pid, &status, WNOHANG);
    if (done == pid) return status;
    if (done < 0) return std::nullopt;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  ::kill(pid, SIGKILL);
  ::waitpid(pid, &status, 0);
  return std::nullopt;
}

// the one session log in `dir`, once the run has created it (it exists only after the run has
// taken over the interrupt signals); empty when the run ended first or kPatience passed
fs::path waitForLog(pid_t pid, const fs::path& dir) {
  const auto deadline = Clock::now() + kPatience;
  while (Clock::now() < deadline) {
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir, ec))
      if (e.path().extension() == ".plog") return e.path();
    int status = 0;
    if (::waitpid(pid, &status, WNOHANG) == pid) return {};  // it ended by itself: a failure
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return {};
}

// waits until `log` has grown past its header: the session has run for a while (its first
// input block is written at the first sync, after a second); false if the run ended first
bool waitForTicks(pid_t pid, const fs::path& log) {
  const auto deadline = Clock::now() + kPatience;
  std::error_code ec;
  const auto header = fs::file_size(log, ec);
  while (Clock::now() < deadline) {
    if (fs::file_size(log, ec) > header && !ec) return true;
    int status = 0;
    if (::waitpid(pid, &status, WNOHANG) == pid) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return false;
}

// `practicum run` of the substation, headless, paced at real time for ten minutes
pid_t startRun(const fs::path& logs, const fs::path& output) {
  return spawn(
      {practicumBinary(), "run", scenarioDir("substation-switching").string(), "--headless",
       "--seconds", "600", "--speed", "1", "--learner", "L-7", "--log-dir", logs.string()},
      output);
}

class PracticumInterrupt : public ::testing::TestWithParam<int> {};

TEST_P(PracticumInterrupt, EndsTheSessionAsInterruptedAndEveryCommandSaysSo) {
  const int signal = GetParam();
  const std::string name = core::signalName(signal);
  const auto dir = makeTempDir("interrupt-" + name);
  const fs::path logs = dir / "logs";
  const fs::path output = dir / "run.txt";

  // the run, stopped by the signal once its log exists
  const pid_t pid = startRun(logs, output);
  ASSERT_GT(pid, 0);
  const fs::path log = waitForLog(pid, logs);
  if (log.empty()) {
    ::kill(pid, SIGKILL);
    (void)waitFor(pid);
    FAIL() << "no session log appeared in " << logs << ":\n" << readText(output);
  }
  if (!waitForTicks(pid, log)) {
    ::kill(pid, SIGKILL);
    (void)waitFor(pid);
    FAIL() << "the session log did not grow:\n" << readText(output);
  }
  ASSERT_EQ(::kill(pid, signal), 0);
  const auto status = waitFor(pid);
  const std::string out = readText(output);
  ASSERT_TRUE(status.has_value()) << "the run did not end on " << name << ":\n" << out;
  ASSERT_TRUE(WIFEXITED(*status)) << "killed by signal " << WTERMSIG(*status) << ":\n" << out;
  EXPECT_EQ(WEXITSTATUS(*status), 128 + signal) << out;
  EXPECT_NE(out.find("interrupted by " + name), std::string::npos) << out;
  EXPECT_NE(out.find("its log is " + log.string()), std::string::npos) << out;
  EXPECT_NE(out.find("ended: interrupted"), std::string::npos) << out;  // the summary
  EXPECT_EQ(out.find("not catalogued"), std::string::npos) << out;

  // the log: whole, its end record says interrupted, and the last event too
  auto r = runProcess(practicumBinary() + " verify " + log.string());
  EXPECT_EQ(r.exitCode, 0) << r.output;
  EXPECT_NE(r.output.find("ended: interrupted"), std::string::npos) << r.output;
  record::VerifyReport report;
  const record::LogContents contents = record::readLog(log, report);
  ASSERT_TRUE(report.ok) << report.message;
  ASSERT_TRUE(report.complete);
  ASSERT_TRUE(contents.end.has_value());
  EXPECT_EQ(contents.end->reason, static_cast<std::uint8_t>(procedure::EndReason::Interrupted));
  EXPECT_GT(contents.end->tick, 0u);  // it had been running
  ASSERT_FALSE(contents.checkpoints.empty());
  EXPECT_EQ(contents.checkpoints.back().tick, contents.end->tick);
  ASSERT_FALSE(contents.events.empty());
  EXPECT_EQ(contents.events.back().kind, procedure::EventKind::SessionEnded);
  EXPECT_EQ(contents.events.back().subject,
            static_cast<std::uint32_t>(procedure::EndReason::Interrupted));
  EXPECT_EQ(contents.events.back().tick, contents.end->tick);

  // an exact replay that ends where the session was interrupted
  r = runProcess("cd " + sourceDir().string() + " && " + practicumBinary() + " replay " +
                 log.string() + " --headless --verify");
  EXPECT_EQ(r.exitCode, 0) << r.output;
  EXPECT_NE(r.output.find("verified: " + std::to_string(contents.end->tick) + " ticks"),
            std::string::npos)
      << r.output;
  EXPECT_NE(r.output.find("ended: interrupted"), std::string::npos) << r.output;

  // the catalogue (the run added it) lists how it ended
  r = runProcess(practicumBinary() + " sessions --log-dir " + logs.string());
  ASSERT_EQ(r.exitCode, 0) << r.output;
  EXPECT_NE(r.output.find("  interrupted  "), std::string::npos) << r.output;
  r = runProcess(practicumBinary() + " sessions --json --log-dir " + logs.string());
  ASSERT_EQ(r.exitCode, 0) << r.output;
  const auto sessions = nlohmann::json::parse(r.output)["sessions"];
  ASSERT_EQ(sessions.size(), 1u) << r.output;
  EXPECT_EQ(sessions[0]["end"], "interrupted");
  EXPECT_EQ(sessions[0]["endText"], "interrupted");
  EXPECT_EQ(sessions[0]["verification"], "ok");
  EXPECT_EQ(sessions[0]["learner"], "L-7");

  // the assessor's views: the text, JSON, CSV and the HTML report
  r = runProcess("cd " + sourceDir().string() + " && " + practicumBinary() + " assess " +
                 log.string() + " --json " + (dir / "a.json").string() + " --csv " +
                 (dir / "a.csv").string() + " --html " + (dir / "a.html").string());
  ASSERT_EQ(r.exitCode, 0) << r.output;
  EXPECT_NE(r.output.find("ended: interrupted"), std::string::npos) << r.output;
  std::ifstream json(dir / "a.json");
  const auto assessed = nlohmann::json::parse(json)["sessions"][0];
  EXPECT_EQ(assessed["end"], "interrupted");
  EXPECT_NE(assessed["endText"].get<std::string>().find("SIGTERM"), std::string::npos);
  EXPECT_EQ(assessed["replay"]["state"], "verified");
  const std::string csv = readText(dir / "a.csv");
  EXPECT_NE(csv.find(",replay,end\n"), std::string::npos) << csv;
  EXPECT_NE(csv.find(",verified,interrupted\n"), std::string::npos) << csv;
  // the report says it in both languages
  const std::string html = readText(dir / "a.html");
  EXPECT_NE(html.find("<b>已中断：程序被关闭——训练结束前程序收到了 SIGINT、SIGTERM 或 SIGHUP "
                      "信号（Ctrl+C 或关机） / interrupted — the program got SIGINT"),
            std::string::npos)
      << html;
  fs::remove_all(dir);
}

INSTANTIATE_TEST_SUITE_P(Signals, PracticumInterrupt, ::testing::Values(SIGTERM, SIGINT, SIGHUP),
                         [](const ::testing::TestParamInfo<int>& p) {
                           return core::signalName(p.param);
                         });

// what the interrupt handling cannot help: a run killed outright leaves no end record, and the
// catalogue says so plainly
TEST(PracticumInterrupt, AKilledRunIsListedAsIncompleteWithNoEndRecord) {
  const auto dir = makeTempDir("interrupt-killed");
  const fs::path logs = dir / "logs";
  const pid_t pid = startRun(logs, dir / "run.txt");
  ASSERT_GT(pid, 0);
  const fs::path log = waitForLog(pid, logs);
  ::kill(pid, SIGKILL);
  const auto status = waitFor(pid);
  ASSERT_FALSE(log.empty()) << readText(dir / "run.txt");
  ASSERT_TRUE(status.has_value());
  EXPECT_TRUE(WIFSIGNALED(*status));
  auto r = runProcess(practicumBinary() + " sessions --log-dir " + logs.string());
  ASSERT_EQ(r.exitCode, 0) << r.output;
  EXPECT_NE(r.output.find("incomplete — no end record (the program was killed or crashed"),
            std::string::npos)
      << r.output;
  r = runProcess(practicumBinary() + " verify " + log.string());
  EXPECT_EQ(r.exitCode, 0) << r.output;
  EXPECT_NE(r.output.find("no end record"), std::string::npos) << r.output;
  fs::remove_all(dir);
}

}  // namespace
}  // namespace practicum::test
