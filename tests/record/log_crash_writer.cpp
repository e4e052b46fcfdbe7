// log_crash_writer FILE [--realtime]: creates a session log at FILE, writes "C" to stdout once it
// exists, then logs ticks, events and checkpoints until it is killed. Used by the crash test.
// --realtime: a session's pace (120 ticks a second) with the default sync policy (fsync once a
// second, and on step completions, violations and the end), and after each tick handed to the
// writer its number as 8 bytes on stdout, so that bench/log_crash_stress can tell how much of
// what was recorded a kill lost.
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <string_view>
#include <thread>

#include <practicum/record/log.hpp>

using namespace practicum;

int main(int argc, char** argv) {
  const bool realtime = argc == 3 && std::string_view(argv[2]) == "--realtime";
  if (argc != 2 && !realtime) {
    std::fprintf(stderr, "usage: log_crash_writer FILE [--realtime]\n");
    return 2;
  }
  record::LogHeader header;
  header.scenarioId = "crash";
  header.learner = "p-crash";
  auto writer = record::LogWriter::create(
      argv[1], header, realtime ? record::LogWriterOptions{} : record::LogWriterOptions{0.002, 16});
  if (!writer) {
    std::fprintf(stderr, "%s\n", writer.error().message.c_str());
    return 1;
  }
  if (::write(1, "C", 1) != 1) return 1;
  auto next = std::chrono::steady_clock::now();
  for (std::uint64_t tick = 1;; ++tick) {
    sim::InputRecord in;
    const float t = static_cast<float>(tick) / 120.0f;
    in.pointerDirection = {std::sin(t), 0.1f * std::cos(3 * t), -1};
    in.buttons = (tick / 40) % 2;
    (*writer)->input(tick, in);
    if (tick % 50 == 0)
      (*writer)->event(
          {tick, procedure::EventKind::Operated, static_cast<std::uint32_t>(tick), 0, 1, 0});
    if (tick % 120 == 0) (*writer)->checkpoint(tick, tick * 0x9E3779B97F4A7C15ull);
    if (realtime) {
      if (::write(1, &tick, sizeof tick) != sizeof tick) return 1;
      next += std::chrono::microseconds(1000000 / 120);
      std::this_thread::sleep_until(next);
      continue;
    }
    if (tick % 300 == 0) (*writer)->syncNow();
    ::usleep(100);
  }
}
