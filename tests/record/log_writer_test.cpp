// Session log writer: size, single writer, write failures, and crashes at random moments.
#include <gtest/gtest.h>

#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <random>
#include <thread>

#include <practicum/core/file_io.hpp>
#include <practicum/record/log.hpp>
#include <test_support.hpp>

#include "log_test_util.hpp"

namespace practicum::record {
namespace {

using test::sameBits;
using test::sampleHeader;

// a pointer swept by hand: yaw and pitch drift smoothly, every tick differs
sim::InputRecord movingPointer(std::uint64_t tick) {
  const double t = static_cast<double>(tick) / 120.0;
  const double yaw = 0.6 * std::sin(0.31 * t) + 0.2 * std::sin(1.7 * t);
  const double pitch = 0.3 * std::sin(0.23 * t + 1) + 0.05 * std::cos(2.9 * t);
  sim::InputRecord in;
  in.cameraPosition = {0, 1.7f, 2};
  in.pointerOrigin = in.cameraPosition;
  in.pointerDirection = {static_cast<float>(std::sin(yaw) * std::cos(pitch)),
                         static_cast<float>(std::sin(pitch)),
                         static_cast<float>(-std::cos(yaw) * std::cos(pitch))};
  in.buttons = (tick / 90) % 5 == 0 ? sim::kPointerPrimary : 0;
  return in;
}

TEST(LogWriter, TenMinutesOfMovingPointerFitInOneMegabyte) {
  const auto file = practicum::test::makeTempDir("record-size") / "size.plog";
  auto writer = LogWriter::create(file, sampleHeader());
  ASSERT_TRUE(writer.ok()) << writer.error().message;
  const auto start = std::chrono::steady_clock::now();
  for (std::uint64_t tick = 0; tick < 72000; ++tick) (*writer)->input(tick, movingPointer(tick));
  const double queueSeconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_TRUE((*writer)->close().ok());
  const auto size = std::filesystem::file_size(file);
  std::printf("72000 ticks: %ju bytes, %.1f ns per input() call\n", std::uintmax_t(size),
              queueSeconds / 72000 * 1e9);
  EXPECT_LE(size, 1000000u);

  VerifyReport report;
  const LogContents log = readLog(file, report);
  ASSERT_TRUE(report.ok) << report.message;
  for (std::uint64_t tick = 0; tick < 72000; ++tick) {
    const auto got = inputAt(log.inputs, tick);
    ASSERT_TRUE(got && sameBits(*got, movingPointer(tick))) << "tick " << tick;
  }
}

TEST(LogWriter, DataReachesTheFileWithinTheSyncInterval) {
  const auto file = practicum::test::makeTempDir("record-sync") / "sync.plog";
  auto writer = LogWriter::create(file, sampleHeader(), {0.05, 60});
  ASSERT_TRUE(writer.ok()) << writer.error().message;
  for (std::uint64_t tick = 0; tick < 10; ++tick) (*writer)->input(tick, movingPointer(tick));
  (*writer)->checkpoint(9, 99);
  for (std::uint64_t tick = 10; tick < 15; ++tick) (*writer)->input(tick, movingPointer(tick));
  // a partial input block is not held back longer than the sync interval
  std::this_thread::sleep_for(std::chrono::milliseconds(400));
  VerifyReport report;
  LogContents log = readLog(file, report);
  ASSERT_TRUE(report.ok) << report.message;
  EXPECT_EQ(log.inputs.size(), 15u);
  EXPECT_EQ(log.checkpoints.size(), 1u);
  // a step completion is written at once, whatever the interval
  auto slow = LogWriter::create(file.parent_path() / "slow.plog", sampleHeader(), {3600, 60});
  ASSERT_TRUE(slow.ok());
  (*slow)->input(1, movingPointer(1));
  (*slow)->event({1, procedure::EventKind::StepCompleted, 0, 0, 0, 0});
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  log = readLog(file.parent_path() / "slow.plog", report);
  ASSERT_TRUE(report.ok) << report.message;
  EXPECT_EQ(log.inputs.size(), 1u);
  EXPECT_EQ(log.events.size(), 1u);
  ASSERT_TRUE((*writer)->close().ok());
  ASSERT_TRUE((*slow)->close().ok());
}

TEST(LogWriter, SecondWriterFails) {
  const auto file = practicum::test::makeTempDir("record-lock") / "one.plog";
  auto first = LogWriter::create(file, sampleHeader());
  ASSERT_TRUE(first.ok()) << first.error().message;
  (*first)->input(1, movingPointer(1));

  auto second = LogWriter::create(file, sampleHeader());
  ASSERT_FALSE(second.ok());
  EXPECT_NE(second.error().message.find(file.string()), std::string::npos);
  EXPECT_NE(second.error().message.find("exists"), std::string::npos) << second.error().message;
  // the first writer's lock keeps repair away while it writes
  const core::Status cut = cutTornTail(file);
  ASSERT_FALSE(cut.ok());
  EXPECT_NE(cut.error().message.find("another process is writing"), std::string::npos);

  ASSERT_TRUE((*first)->close().ok());
  EXPECT_TRUE(cutTornTail(file).ok());
  const VerifyReport report = verifyLog(file);
  EXPECT_TRUE(report.ok) << report.message;
  EXPECT_EQ(report.records, 2u);
}

TEST(LogWriter, WriteFailureStopsLoggingAndKeepsWhatWasWritten) {
  practicum::test::allowEngineErrors();
  const auto file = practicum::test::makeTempDir("record-full") / "full.plog";
  auto writer = LogWriter::create(file, sampleHeader(), {0.01, 8});
  ASSERT_TRUE(writer.ok()) << writer.error().message;

  // the file may grow by 20 kB more: then write() fails (EFBIG) as on a full disk
  struct rlimit old {};
  ASSERT_EQ(::getrlimit(RLIMIT_FSIZE, &old), 0);
  const auto oldHandler = ::signal(SIGXFSZ, SIG_IGN);
  struct rlimit limited = old;
  limited.rlim_cur = std::filesystem::file_size(file) + 20000;
  ASSERT_EQ(::setrlimit(RLIMIT_FSIZE, &limited), 0);
  std::mt19937 random(7);
  std::uniform_real_distribution<float> any(-1e6f, 1e6f);
  std::uint64_t tick = 1;
  for (; tick < 200000 && (*writer)->status().ok(); ++tick) {
    sim::InputRecord in;  // random every tick: incompressible
    in.cameraPosition = {any(random), any(random), any(random)};
    in.pointerDirection = {any(random), any(random), any(random)};
    (*writer)->input(tick, in);
    if (tick % 64 == 0) {
      (*writer)->syncNow();
      std::this_thread::sleep_for(std::chrono::microseconds(200));
    }
  }
  (*writer)->event({tick, procedure::EventKind::Violation, 1, 0, 0, 2});
  (*writer)->end({tick, 4, 0, 1, false});  // returns: no wait for a sync that never comes
  const core::Status closed = (*writer)->close();
  ASSERT_EQ(::setrlimit(RLIMIT_FSIZE, &old), 0);
  ::signal(SIGXFSZ, oldHandler);

  ASSERT_FALSE(closed.ok());
  EXPECT_EQ(closed.error().code, core::ErrorCode::Io);
  EXPECT_NE(closed.error().message.find(file.string()), std::string::npos);
  EXPECT_NE(closed.error().message.find("write failed"), std::string::npos)
      << closed.error().message;
  EXPECT_FALSE((*writer)->status().ok());
  // the file ends on a record boundary and verifies
  const VerifyReport report = verifyLog(file);
  EXPECT_TRUE(report.ok) << report.message;
  EXPECT_GT(report.records, 2u);
  EXPECT_FALSE(report.complete);
  EXPECT_LE(std::filesystem::file_size(file), limited.rlim_cur);
}

TEST(LogWriter, SurvivesKillsAtRandomMoments) {
  const auto helper = core::executableDir() / "log_crash_writer";
  ASSERT_TRUE(std::filesystem::exists(helper)) << helper;
  const auto dir = practicum::test::makeTempDir("record-crash");
  std::mt19937 random(std::random_device{}());
  std::uniform_int_distribution<int> delayUs(0, 120000);
  int created = 0, withData = 0, torn = 0;
  constexpr int kKills = 60;
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < kKills; ++i) {
    const auto file = dir / ("crash" + std::to_string(i) + ".plog");
    int pipeFds[2];
    ASSERT_EQ(::pipe(pipeFds), 0);
    const pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      ::dup2(pipeFds[1], 1);
      ::close(pipeFds[0]);
      ::close(pipeFds[1]);
      ::execl(helper.c_str(), helper.c_str(), file.c_str(), static_cast<char*>(nullptr));
      ::_exit(127);
    }
    ::close(pipeFds[1]);
    // every fourth kill comes very early, around the file's creation
    const int delay = i % 4 == 0 ? delayUs(random) / 50 : delayUs(random);
    std::this_thread::sleep_for(std::chrono::microseconds(delay));
    ASSERT_EQ(::kill(pid, SIGKILL), 0);
    int wstatus = 0;
    ASSERT_EQ(::waitpid(pid, &wstatus, 0), pid);
    ASSERT_TRUE(WIFSIGNALED(wstatus)) << "the writer exited by itself: " << wstatus;
    char c = 0;
    const bool wasCreated = ::read(pipeFds[0], &c, 1) == 1 && c == 'C';
    ::close(pipeFds[0]);

    if (!wasCreated && !std::filesystem::exists(file)) continue;
    VerifyReport report = verifyLog(file);
    if (!wasCreated && report.records == 0) continue;  // killed while creating
    created += wasCreated ? 1 : 0;
    ASSERT_GE(report.records, 1u) << report.message;
    if (!report.ok) {
      ASSERT_TRUE(report.tornTail) << report.message;
      ++torn;
      const core::Status cut = cutTornTail(file);
      ASSERT_TRUE(cut.ok()) << cut.error().message;
      report = verifyLog(file);
      ASSERT_TRUE(report.ok) << report.message;
    }
    withData += report.records > 1 ? 1 : 0;
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("%d kills in %.1f s: %d after creation, %d with data, %d torn tails cut\n", kKills,
              seconds, created, withData, torn);
  EXPECT_GE(created, 20);
  EXPECT_GE(withData, 15);
}

}  // namespace
}  // namespace practicum::record
