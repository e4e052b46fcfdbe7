// Session log benchmarks, each against a reference measured in the same run:
//  - append throughput of LogWriter vs raw write() of the same bytes;
//  - the tick-time overhead of recording a session vs the same session unrecorded;
//  - headless replay speed vs real time;
//  - scoring from verified events, sessions per second;
//  - reading and verifying a 10-minute log (the first stage of assessment) per second;
//  - the size of a 10-minute log.
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <string>

#include <fcntl.h>
#include <unistd.h>

#include <practicum/core/file_io.hpp>
#include <practicum/record/recorder.hpp>
#include <practicum/record/replay.hpp>
#include <practicum/scenario/run_file.hpp>
#include <practicum/sim/bot.hpp>

namespace {

using namespace practicum;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

double seconds(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double>(b - a).count();
}

// a learner moving the mouse every tick for `ticks` ticks, clicking now and then
sim::InputRecord inputAt(std::uint64_t t) {
  sim::InputRecord in;
  in.cameraPosition = {0.6f, 1.65f, 2.4f};
  in.pointerOrigin = in.cameraPosition;
  const float a = float(t) * 0.01f;
  in.cameraForward = in.pointerDirection =
      core::normalize(core::Vec3{std::sin(a) * 0.3f, -0.2f, -1.0f});
  in.buttons = (t % 240) < 2 ? sim::kPointerPrimary : 0;
  return in;
}

record::LogHeader header() {
  record::LogHeader h;
  h.engineVersion = "bench";
  h.scenarioId = "substation-switching";
  h.learner = "bench";
  h.tickRate = 120;
  return h;
}

}  // namespace

int main() {
  const fs::path dir =
      fs::temp_directory_path() / ("practicum-log-bench-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const std::uint64_t kTicks = 72000;  // 10 minutes at 120 Hz

  // 1. append: LogWriter over 10 minutes of input, then raw write() of the very same bytes
  const fs::path logFile = dir / "ten-minutes.plog";
  {
    auto writer = record::LogWriter::create(logFile, header());
    if (!writer.ok()) return std::fprintf(stderr, "%s\n", writer.error().message.c_str()), 1;
    const auto t0 = Clock::now();
    for (std::uint64_t t = 1; t <= kTicks; ++t) {
      (*writer)->input(t, inputAt(t));
      if (t % 120 == 0) (*writer)->checkpoint(t, t * 2654435761u);
    }
    record::EndRecord end;
    end.tick = kTicks;
    end.reason = static_cast<std::uint8_t>(procedure::EndReason::Stopped);
    (*writer)->end(end);
    (void)(*writer)->close();
    const double logSeconds = seconds(t0, Clock::now());
    const auto bytes = core::readFile(logFile);
    const auto t1 = Clock::now();
    const int fd = ::open((dir / "raw.bin").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    std::size_t done = 0;
    while (done < bytes->size()) {
      const ssize_t n =
          ::write(fd, bytes->data() + done, std::min<std::size_t>(4096, bytes->size() - done));
      if (n <= 0) break;
      done += std::size_t(n);
    }
    ::fsync(fd);
    ::close(fd);
    const double rawSeconds = seconds(t1, Clock::now());
    std::printf("log size, 10 minutes of a moving pointer: %zu bytes (target <= 1 MB)\n",
                bytes->size());
    std::printf(
        "append: LogWriter %.1f ms for %llu ticks (%.2f us/tick on the calling thread "
        "and writer together); raw write()+fsync of the same bytes %.1f ms; ratio %.1f\n",
        logSeconds * 1e3, static_cast<unsigned long long>(kTicks),
        logSeconds * 1e6 / double(kTicks), rawSeconds * 1e3, logSeconds / rawSeconds);
  }

  // 2. tick overhead: the substation's perfect run, recorded vs not (best of 5)
  const fs::path scenarioDir =
      fs::path(PRACTICUM_SOURCE_DIR) / "scenarios" / "substation-switching";
  auto loaded = scenario::loadScenario(scenarioDir);
  const auto run = scenario::loadRunFile(scenarioDir / "runs" / "perfect.json");
  if (!loaded.ok() || !run.run) return std::fprintf(stderr, "scenario or run missing\n"), 1;
  double bare = 1e9, recorded = 1e9;
  fs::path lastLog;
  for (int rep = 0; rep < 5; ++rep) {
    for (bool record : {false, true}) {
      auto s = sim::Session::create(*loaded.scenario, {sim::Mode::Exam, run.run->seed, {}});
      std::unique_ptr<record::SessionRecorder> recorder;
      if (record) {
        lastLog = dir / ("run" + std::to_string(rep) + ".plog");
        recorder = std::move(record::SessionRecorder::create(lastLog, **s, {})).value();
      }
      auto bot = sim::Bot::create(*run.run, **s);
      const auto t0 = Clock::now();
      (void)bot->play([&](const sim::Session& x, const sim::InputRecord& in) {
        if (recorder) recorder->afterTick(x, in);
      });
      const double took = seconds(t0, Clock::now());  // the ticks only: finishing is not a tick
      if (recorder) (void)recorder->finish(**s);
      (record ? recorded : bare) = std::min(record ? recorded : bare, took);
    }
  }
  std::printf(
      "tick overhead of recording (substation, perfect run, best of 5): %.2f ms vs %.2f ms "
      "unrecorded: %+.1f%% (target <= 1%%)\n",
      recorded * 1e3, bare * 1e3, (recorded / bare - 1.0) * 100.0);

  // 3. replay speed against real time
  record::VerifyReport report;
  const auto contents = record::readLog(lastLog, report);
  const auto t2 = Clock::now();
  auto replayed = record::replayLog(contents, *loaded.scenario);
  const double replaySeconds = seconds(t2, Clock::now());
  const double simulated = double(replayed->ticks) / contents.header.tickRate;
  std::printf("replay: %.1f s of session in %.2f ms: %.0fx real time (target >= 100x), %s\n",
              simulated, replaySeconds * 1e3, simulated / replaySeconds,
              replayed->verified ? "verified" : "NOT verified");

  // 4. reading and verifying a 10-minute log, sessions per second
  const auto t3 = Clock::now();
  int reads = 0;
  while (seconds(t3, Clock::now()) < 2.0) {
    record::VerifyReport r;
    (void)record::readLog(logFile, r);
    ++reads;
  }
  std::printf("read + verify a 10-minute log: %.0f logs/s\n", reads / seconds(t3, Clock::now()));

  // 5. scoring from verified events (what assess does when it cannot replay, and the whole of
  // re-scoring under a new rubric): the substation run's events, scored again and again
  const auto t4 = Clock::now();
  int scored = 0;
  double checksum = 0;
  while (seconds(t4, Clock::now()) < 2.0) {
    for (int i = 0; i < 100; ++i) {
      procedure::SessionResult result;
      (void)record::resultFromEvents(*loaded.scenario, contents, 1.0 / contents.header.tickRate,
                                     result);
      procedure::applyRubric(loaded.scenario->training.rubric, result);
      checksum += result.score;
      ++scored;
    }
  }
  std::printf("score from verified events (%zu events): %.0f sessions/s (target >= 1,000)%s\n",
              contents.events.size(), scored / seconds(t4, Clock::now()),
              checksum > 0 ? "" : " (scored nothing?)");
  fs::remove_all(dir);
  return 0;
}
