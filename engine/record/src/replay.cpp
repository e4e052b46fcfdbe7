#include <practicum/record/replay.hpp>

#include <algorithm>

#include <practicum/core/hash.hpp>
#include <practicum/record/playback.hpp>
#include <practicum/sim/session.hpp>

namespace practicum::record {

using scenario::say;

core::Result<ReplayReport> replayLog(const LogContents& log, const scenario::ScenarioDef& def) {
  const sim::SessionOptions options = sessionOptions(log.header);
  auto created = sim::Session::create(def, options);
  if (!created.ok()) return created.error();
  sim::Session& s = **created;

  // step through every tick the log covers, with the input in force at that tick
  ReplayReport report;
  const std::uint64_t lastTick = lastTickOf(log);
  // a session ended from outside (stopped, interrupted, window closed): its last checkpoint was
  // taken after it was ended at its end tick
  const auto endReason =
      log.end ? static_cast<procedure::EndReason>(log.end->reason) : procedure::EndReason::None;
  const bool fromOutside = procedure::isEndedFromOutside(endReason);
  const std::size_t finalCheckpoint =
      fromOutside && !log.checkpoints.empty() && log.checkpoints.back().tick == log.end->tick
          ? log.checkpoints.size() - 1
          : log.checkpoints.size();
  std::size_t nextInput = 0, nextCheckpoint = 0;
  sim::InputRecord input;
  char want[17], got[17];
  while (s.tick() < lastTick && !s.ended()) {
    const std::uint64_t tick = s.tick() + 1;
    while (nextInput < log.inputs.size() && log.inputs[nextInput].tick <= tick)
      input = log.inputs[nextInput++].input;
    s.step(input);
    ++report.ticks;
    // every checkpoint of this tick must match
    for (; nextCheckpoint < finalCheckpoint && log.checkpoints[nextCheckpoint].tick <= tick;
         ++nextCheckpoint) {
      const Checkpoint& c = log.checkpoints[nextCheckpoint];
      if (c.tick != tick) continue;  // a checkpoint the session never reached: reported below
      ++report.checkpoints;
      if (!report.divergedAt && c.stateHash != s.stateHash()) {
        report.divergedAt = tick;
        say("diverged at tick {}: state hash {}, the log recorded {}",
            "在第 {} 个时刻出现偏差：状态哈希为 {}，日志记录的是 {}", tick,
            core::toHex(s.stateHash(), got), core::toHex(c.stateHash, want))
            .into(report.message, report.messageZh);
      }
    }
  }
  // the end: a session ended from outside is ended again, for the same reason; its last
  // checkpoint is on that tick
  if (fromOutside && !s.ended()) s.stop(endReason);
  for (; nextCheckpoint < log.checkpoints.size(); ++nextCheckpoint) {
    const Checkpoint& c = log.checkpoints[nextCheckpoint];
    if (c.tick == s.tick()) {
      ++report.checkpoints;
      if (!report.divergedAt && c.stateHash != s.stateHash()) {
        report.divergedAt = c.tick;
        say("diverged at the end (tick {}): state hash {}, the log recorded {}",
            "在结束时（第 {} 个时刻）出现偏差：状态哈希为 {}，日志记录的是 {}", c.tick,
            core::toHex(s.stateHash(), got), core::toHex(c.stateHash, want))
            .into(report.message, report.messageZh);
      }
    } else if (!report.divergedAt) {
      report.divergedAt = c.tick;
      say("the replay ended at tick {} but the log has a checkpoint at tick {}",
          "重放在第 {} 个时刻结束，但日志在第 {} 个时刻还有检查点", s.tick(), c.tick)
          .into(report.message, report.messageZh);
    }
  }
  report.events = s.events();
  report.result = s.result();
  // the semantic events must be the ones the log recorded
  if (!report.divergedAt && report.events != log.events) {
    std::size_t i = 0;
    while (i < report.events.size() && i < log.events.size() && report.events[i] == log.events[i])
      ++i;
    const std::uint64_t tick = i < log.events.size() ? log.events[i].tick : report.events[i].tick;
    report.divergedAt = tick;
    say("the events differ from event {} (tick {})", "从第 {} 个事件（第 {} 个时刻）起事件不一致",
        i, tick)
        .into(report.message, report.messageZh);
  }
  report.verified = !report.divergedAt;
  if (report.verified)
    say("verified: {} ticks, {} checkpoints", "校验无误：{} 个时刻，{} 个检查点", report.ticks,
        report.checkpoints)
        .into(report.message, report.messageZh);
  return report;
}

bool resultFromEvents(const scenario::ScenarioDef& def, const record::LogContents& log,
                      double tickSeconds, procedure::SessionResult& r) {
  const auto& t = def.training;
  for (const auto& s : t.steps) {
    procedure::StepResult step;
    step.id = s.id;
    step.maxPoints = s.points;
    r.max += s.points;
    r.steps.push_back(step);
  }
  bool matched = true;
  for (const auto& e : log.events) {
    const double at = double(e.tick) * tickSeconds;
    const bool stepEvent = e.kind == procedure::EventKind::StepCompleted ||
                           e.kind == procedure::EventKind::OutOfOrder ||
                           e.kind == procedure::EventKind::StepTimedOut;
    if (stepEvent && e.subject >= t.steps.size()) {
      matched = false;
    } else if (e.kind == procedure::EventKind::StepCompleted) {
      auto& step = r.steps[e.subject];
      step.done = true;
      step.at = at;
      step.points = step.maxPoints;
      ++step.attempts;
    } else if (e.kind == procedure::EventKind::Violation) {
      if (e.rule < t.rules.size())
        r.violations.push_back(procedure::ruleViolation(t.rules[e.rule], e.to != 0, at));
      else
        matched = false;
    } else if (stepEvent) {
      const bool timeout = e.kind == procedure::EventKind::StepTimedOut;
      r.violations.push_back(procedure::stepViolation(t.steps[e.subject], timeout, at));
      if (!timeout) ++r.steps[e.subject].attempts;
    }
  }
  if (log.end) {
    r.score = log.end->score;
    r.max = log.end->max;
    r.passed = log.end->passed;
    r.end = static_cast<procedure::EndReason>(log.end->reason);
    r.seconds = double(log.end->tick) * tickSeconds;
  } else {  // cut short: as far as the log goes
    std::uint64_t last = 0;
    if (!log.inputs.empty()) last = std::max(last, log.inputs.back().tick);
    if (!log.events.empty()) last = std::max(last, log.events.back().tick);
    if (!log.checkpoints.empty()) last = std::max(last, log.checkpoints.back().tick);
    r.seconds = double(last) * tickSeconds;
    procedure::applyRubric(t.rubric, r);  // no recorded score: what the events are worth
  }
  return matched;
}

}  // namespace practicum::record
