#include <practicum/record/playback.hpp>

#include <algorithm>

namespace practicum::record {

std::uint64_t lastTickOf(const LogContents& log) {
  std::uint64_t last = log.end ? log.end->tick : 0;
  if (!log.inputs.empty()) last = std::max(last, log.inputs.back().tick);
  for (const auto& c : log.checkpoints) last = std::max(last, c.tick);
  return last;
}

core::Result<std::unique_ptr<Playback>> Playback::create(const LogContents& log,
                                                         const scenario::ScenarioDef& def) {
  std::unique_ptr<Playback> p(new Playback(log, def));
  p->last_ = lastTickOf(log);
  if (auto s = p->restart(); !s.ok()) return s.error();
  p->restarts_ = 0;
  return p;
}

core::Status Playback::restart() {
  const sim::SessionOptions options = sessionOptions(log_.header);
  auto created = sim::Session::create(def_, options);
  if (!created.ok()) return created.error();
  session_ = std::move(*created);
  input_ = {};  // as replayLog: ticks before the first logged input get the empty input
  nextInput_ = 0;
  ++restarts_;
  return {};
}

core::Status Playback::seek(std::uint64_t tick) {
  tick = std::min(tick, last_);
  if (tick < session_->tick())
    if (auto s = restart(); !s.ok()) return s;
  // step with the input in force at each tick, as replayLog does
  while (session_->tick() < tick && !session_->ended()) {
    const std::uint64_t next = session_->tick() + 1;
    while (nextInput_ < log_.inputs.size() && log_.inputs[nextInput_].tick <= next)
      input_ = log_.inputs[nextInput_++].input;
    session_->step(input_);
  }
  // a session ended from outside (stopped, interrupted, window closed) ends at its last tick,
  // for the same reason, as it did when recorded
  const auto endReason =
      log_.end ? static_cast<procedure::EndReason>(log_.end->reason) : procedure::EndReason::None;
  if (procedure::isEndedFromOutside(endReason) && session_->tick() >= last_ && !session_->ended())
    session_->stop(endReason);
  return {};
}

}  // namespace practicum::record
