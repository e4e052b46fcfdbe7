// log_crash_writer FILE: creates a session log at FILE, writes "C" to stdout once it exists, then
// logs ticks, events and checkpoints until it is killed. Used by the crash test.
#include <unistd.h>

#include <cmath>
#include <cstdio>

#include <practicum/record/log.hpp>

using namespace practicum;

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: log_crash_writer FILE\n");
    return 2;
  }
  record::LogHeader header;
  header.scenarioId = "crash";
  header.learner = "p-crash";
  auto writer = record::LogWriter::create(argv[1], header, {0.002, 16});
  if (!writer) {
    std::fprintf(stderr, "%s\n", writer.error().message.c_str());
    return 1;
  }
  if (::write(1, "C", 1) != 1) return 1;
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
    if (tick % 300 == 0) (*writer)->syncNow();
    ::usleep(100);
  }
}
