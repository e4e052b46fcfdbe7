#pragma once
/// A session log being watched: the session re-simulated from the log's inputs, movable to any
/// tick (forward by stepping, backward by re-simulating from the start), for the replay window.
#include <cstdint>
#include <memory>

#include <practicum/core/result.hpp>
#include <practicum/record/log.hpp>
#include <practicum/scenario/scenario.hpp>
#include <practicum/sim/session.hpp>

namespace practicum::record {

/// The last tick a log covers (its end record, last input or last checkpoint).
std::uint64_t lastTickOf(const LogContents& log);

/// Re-simulates a log tick by tick. Borrows `log` and `def`, which must outlive it; `def` must be
/// the scenario the log was recorded on (the caller checks the id and content hash).
class Playback {
 public:
  static core::Result<std::unique_ptr<Playback>> create(const LogContents& log,
                                                        const scenario::ScenarioDef& def);

  /// Goes to `tick` (clamped to the log's end). Seeking back re-simulates from the start, so
  /// the state is always exactly the recorded session's.
  core::Status seek(std::uint64_t tick);
  /// Ticks the log covers.
  std::uint64_t lastTick() const { return last_; }
  /// The session at the current tick; valid until the next seek().
  const sim::Session& session() const { return *session_; }
  /// The learner's input at the current tick (where they stood and looked); the empty input
  /// before the first tick.
  const sim::InputRecord& input() const { return input_; }
  /// Times the session was re-simulated from the start (seeks backward).
  std::uint32_t restarts() const { return restarts_; }

 private:
  Playback(const LogContents& log, const scenario::ScenarioDef& def) : log_(log), def_(def) {}
  core::Status restart();

  const LogContents& log_;
  const scenario::ScenarioDef& def_;
  std::unique_ptr<sim::Session> session_;
  sim::InputRecord input_;
  std::size_t nextInput_ = 0;
  std::uint64_t last_ = 0;
  std::uint32_t restarts_ = 0;
};

}  // namespace practicum::record
