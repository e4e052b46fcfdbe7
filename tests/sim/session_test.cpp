// The session core on small scenarios written by the tests: pointing and clicking, interlocks
// that prevent and that record, hazards, step ordering, exam endings, scoring.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <set>

#include <practicum/scenario/run_file.hpp>
#include <practicum/sim/bot.hpp>
#include <practicum/sim/session.hpp>

#include "test_support.hpp"

namespace practicum::test {
namespace {

// a bench of three devices A, B (switches off/on) and C (a button) in front of the camera,
// with the procedure, rules and rubric given as JSON members
std::filesystem::path writeScenario(const std::string& training,
                                    const std::string& extraEntities = "",
                                    const std::string& extraDevices = "") {
  const auto dir = makeTempDir("session");
  std::ofstream(dir / "scenario.json") << R"({
  "format": 1, "id": "panel", "title": {"zh-CN": "面板", "en": "Panel"},
  "trade": "test", "author": "tests", "licence": "CC0-1.0",
  "materials": [{"name": "m", "baseColor": [0.5, 0.5, 0.5]}],
  "entities": [
    {"name": "floor", "transform": {"position": [0, -0.05, 0]}, "shape": {"type": "box", "halfExtents": [3, 0.05, 3]}, "material": "m", "body": {"type": "static"}},
    {"name": "a", "transform": {"position": [-0.5, 1, 0]}, "shape": {"type": "box", "halfExtents": [0.1, 0.1, 0.1]}, "material": "m", "body": {"type": "static"}},
    {"name": "b", "transform": {"position": [0, 1, 0]}, "shape": {"type": "box", "halfExtents": [0.1, 0.1, 0.1]}, "material": "m", "body": {"type": "static"}},
    {"name": "c", "transform": {"position": [0.5, 1, 0]}, "shape": {"type": "box", "halfExtents": [0.1, 0.1, 0.1]}, "material": "m", "body": {"type": "static"}})" +
                                              extraEntities + R"(
  ],
  "devices": [
    {"name": "A", "kind": "switch", "entity": "a", "label": {"zh-CN": "甲", "en": "A"}, "positions": ["off", "on"]},
    {"name": "B", "kind": "switch", "entity": "b", "label": {"zh-CN": "乙", "en": "B"}, "positions": ["off", "on"]},
    {"name": "C", "kind": "button", "entity": "c", "label": {"zh-CN": "丙", "en": "C"}})" +
                                              extraDevices + R"(
  ],
  "camera": {"position": [0, 1, 3], "target": [0, 1, 0]},
)" + training + "\n}\n";
  return dir;
}

std::unique_ptr<sim::Session> open(const std::filesystem::path& dir,
                                   sim::Mode mode = sim::Mode::Practice) {
  sim::SessionOptions o;
  o.mode = mode;
  auto s = sim::Session::load(dir, o);
  EXPECT_TRUE(s.ok()) << (s.ok() ? "" : s.error().message);
  return s.ok() ? std::move(*s) : nullptr;
}

// input aimed from the camera at a point, with the primary button held or not
sim::InputRecord aim(core::Vec3 at, bool down) {
  sim::InputRecord in;
  in.cameraPosition = in.pointerOrigin = {0, 1, 3};
  in.cameraForward = in.pointerDirection = core::normalize(at - in.cameraPosition);
  in.buttons = down ? sim::kPointerPrimary : 0;
  return in;
}
const core::Vec3 kA{-0.5f, 1, 0}, kB{0, 1, 0}, kC{0.5f, 1, 0}, kNothing{0, 2.5f, 0};

void click(sim::Session& s, core::Vec3 at) {
  s.step(aim(at, true));
  s.step(aim(at, false));
}

std::vector<std::string> violationIds(const sim::Session& s) {
  std::vector<std::string> out;
  for (const auto& v : s.result().violations) out.push_back(v.rule);
  return out;
}

const std::string kTwoSteps = R"(
  "procedure": {"steps": [
    {"id": "first", "text": {"zh-CN": "一", "en": "one"}, "done": "A.on", "points": 10},
    {"id": "second", "text": {"zh-CN": "二", "en": "two"}, "done": "B.on", "points": 10}
  ]},
  "rubric": {"pass": 15, "penalties": {"order": 3}})";

TEST(Simulation, EverySimulationHasASerialOfItsOwnNeverReused) {
  const auto loaded = scenario::loadScenario(scenarioDir("workbench"));
  ASSERT_TRUE(loaded.ok());
  std::set<std::uint64_t> seen;
  for (int i = 0; i < 4; ++i) {
    // each made after the one before is gone, likely at the same address
    auto sim = sim::Simulation::create(*loaded.scenario);
    ASSERT_TRUE(sim.ok());
    EXPECT_NE((*sim)->serial(), 0u);
    EXPECT_TRUE(seen.insert((*sim)->serial()).second) << "serial " << (*sim)->serial() << " again";
  }
}

TEST(Session, PointerHoversWhatItPointsAtAndAClickOperatesOnce) {
  auto s = open(writeScenario(kTwoSteps));
  ASSERT_TRUE(s);
  s->step(aim(kA, false));
  ASSERT_TRUE(s->hoveredDevice());
  EXPECT_EQ(*s->hoveredDevice(), 0u);
  // holding the button for many ticks is one click
  for (int i = 0; i < 30; ++i) s->step(aim(kA, true));
  s->step(aim(kA, false));
  EXPECT_EQ(s->devices().state(0).position, 1u);
  EXPECT_EQ(s->devices().state(0).operations, 1u);
  // a click at nothing operates nothing
  s->step(aim(kNothing, false));
  EXPECT_FALSE(s->hoveredDevice());
  click(*s, kNothing);
  EXPECT_EQ(s->devices().state(1).operations, 0u);
}

// the host ends a session from outside: stopped, interrupted by a signal or its window closed;
// each is recorded as the SessionEnded event of that tick, and nothing happens after it
TEST(Session, StopEndsTheSessionFromOutsideWithTheGivenReason) {
  using procedure::EndReason;
  for (const EndReason reason : {EndReason::Stopped, EndReason::Interrupted, EndReason::Closed}) {
    SCOPED_TRACE(procedure::toString(reason));
    auto s = open(writeScenario(kTwoSteps));
    ASSERT_TRUE(s);
    click(*s, kA);  // the first step done, the second not: the procedure has not ended
    ASSERT_FALSE(s->ended());
    const std::uint64_t tick = s->tick();
    if (reason == EndReason::Stopped)
      s->stop();  // the default reason
    else
      s->stop(reason);
    EXPECT_TRUE(s->ended());
    EXPECT_EQ(s->endReason(), reason);
    EXPECT_EQ(s->result().end, reason);
    ASSERT_FALSE(s->events().empty());
    EXPECT_EQ(s->events().back(), (procedure::Event{tick, procedure::EventKind::SessionEnded,
                                                    static_cast<std::uint32_t>(reason), 0, 0, 0}));
    // ended: no more ticks, and a second stop changes nothing
    const auto hash = s->stateHash();
    const auto events = s->events().size();
    s->stop(EndReason::Closed);
    click(*s, kB);
    EXPECT_EQ(s->tick(), tick);
    EXPECT_EQ(s->endReason(), reason);
    EXPECT_EQ(s->events().size(), events);
    EXPECT_EQ(s->stateHash(), hash);
  }
  // the names stored in catalogues and results
  EXPECT_STREQ(procedure::toString(EndReason::Interrupted), "interrupted");
  EXPECT_STREQ(procedure::toString(EndReason::Closed), "closed");
  EXPECT_TRUE(procedure::isEndedFromOutside(EndReason::Interrupted));
  EXPECT_FALSE(procedure::isEndedFromOutside(EndReason::TimeLimit));
  // appended after the values of logs already written: their numbers never change
  EXPECT_EQ(static_cast<int>(EndReason::Stopped), 4);
  EXPECT_EQ(static_cast<int>(EndReason::Interrupted), 5);
  EXPECT_EQ(static_cast<int>(EndReason::Closed), 6);
}

TEST(Session, SequenceCompletesInOrderAndCountsEarlyAttempts) {
  auto s = open(writeScenario(kTwoSteps));
  ASSERT_TRUE(s);
  click(*s, kB);  // second before first: an ordering violation, not done
  EXPECT_FALSE(s->procedure().steps()[1].done);
  EXPECT_EQ(violationIds(*s), std::vector<std::string>{"order:second"});
  click(*s, kA);  // first done; second's condition already holds: done on the next evaluation
  s->step(aim(kNothing, false));
  EXPECT_TRUE(s->procedure().steps()[0].done);
  EXPECT_TRUE(s->procedure().steps()[1].done);
  EXPECT_EQ(s->endReason(), procedure::EndReason::Completed);
  const auto r = s->result();
  EXPECT_DOUBLE_EQ(r.max, 20);
  EXPECT_DOUBLE_EQ(r.score, 17);  // 20 - order penalty 3
  EXPECT_TRUE(r.passed);
  EXPECT_EQ(r.steps[1].attempts, 2u);
}

TEST(Session, FreeOrderAndPrerequisiteGroups) {
  // "last" waits for both a and b, which may come in either order
  const std::string training = R"(
  "procedure": {"order": "free", "steps": [
    {"id": "a_on", "text": {"zh-CN": "一", "en": "one"}, "done": "A.on"},
    {"id": "b_on", "text": {"zh-CN": "二", "en": "two"}, "done": "B.on"},
    {"id": "last", "text": {"zh-CN": "三", "en": "three"}, "done": "C.pressed", "after": ["a_on", "b_on"]}
  ]})";
  for (bool bFirst : {false, true}) {
    auto s = open(writeScenario(training));
    ASSERT_TRUE(s);
    click(*s, bFirst ? kB : kA);
    click(*s, bFirst ? kA : kB);
    EXPECT_TRUE(violationIds(*s).empty()) << "b first: " << bFirst;
    click(*s, kC);
    EXPECT_EQ(s->endReason(), procedure::EndReason::Completed) << "b first: " << bFirst;
  }
  // pressing C before both are done is an early attempt
  auto s = open(writeScenario(training));
  click(*s, kA);
  click(*s, kC);
  EXPECT_EQ(violationIds(*s), std::vector<std::string>{"order:last"});
}

TEST(Session, InterlocksPreventOrRecord) {
  const std::string training = R"(
  "rules": [
    {"id": "a_locks_b", "kind": "interlock", "text": {"zh-CN": "锁", "en": "lock"}, "device": "B", "when": "A.on", "action": "prevent", "severity": "major"},
    {"id": "b_needs_care", "kind": "interlock", "text": {"zh-CN": "记", "en": "record"}, "device": "B", "to": "on", "when": "not A.on", "action": "record", "severity": "warning", "consequence": "alarm"}
  ])";
  auto s = open(writeScenario(training));
  ASSERT_TRUE(s);
  click(*s, kB);  // allowed but recorded, with its consequence
  EXPECT_EQ(s->devices().state(1).position, 1u);
  EXPECT_EQ(violationIds(*s), std::vector<std::string>{"b_needs_care"});
  EXPECT_EQ(s->procedure().consequences(), std::vector<std::string>{"alarm"});
  click(*s, kA);
  click(*s, kB);  // prevented: B stays on, the violation is recorded as prevented
  EXPECT_EQ(s->devices().state(1).position, 1u);
  ASSERT_EQ(s->result().violations.size(), 2u);
  EXPECT_TRUE(s->result().violations[1].prevented);
  EXPECT_EQ(s->events().back().kind, procedure::EventKind::Refused);
}

TEST(Session, HazardsTriggerOnceWhenTheyBecomeTrueAndCriticalEndsAnExam) {
  const std::string training = R"(
  "procedure": {"steps": [{"id": "s", "text": {"zh-CN": "一", "en": "one"}, "done": "C.presses >= 3"}]},
  "rules": [{"id": "both_on", "kind": "hazard", "text": {"zh-CN": "危", "en": "danger"}, "when": "A.on and B.on", "severity": "critical", "consequence": "arc-flash"}],
  "rubric": {"penalties": {"critical": 7}})";
  auto practice = open(writeScenario(training));
  ASSERT_TRUE(practice);
  click(*practice, kA);
  click(*practice, kB);
  for (int i = 0; i < 10; ++i) practice->step(aim(kNothing, false));
  EXPECT_EQ(violationIds(*practice), std::vector<std::string>{"both_on"});  // once
  EXPECT_FALSE(practice->ended());                                          // practice goes on
  click(*practice, kB);
  click(*practice, kB);  // falls and rises again: a second violation
  EXPECT_EQ(violationIds(*practice).size(), 2u);

  auto exam = open(writeScenario(training), sim::Mode::Exam);
  click(*exam, kA);
  click(*exam, kB);
  EXPECT_EQ(exam->endReason(), procedure::EndReason::Critical);
  const auto ticks = exam->tick();
  click(*exam, kC);  // nothing happens after the end
  EXPECT_EQ(exam->tick(), ticks);
  EXPECT_FALSE(exam->result().passed);
}

TEST(Session, SinceCountsSecondsFromWhenANameBecameTrue) {
  const std::string training = R"J(
  "variables": [{"name": "waited", "value": "since(A.on)"}],
  "procedure": {"steps": [{"id": "s", "text": {"zh-CN": "一", "en": "one"}, "done": "A.on and since(A.on) >= 1"}]})J";
  auto s = open(writeScenario(training));
  ASSERT_TRUE(s);
  s->step(aim(kNothing, false));
  EXPECT_GE(*s->procedure().valueOf("waited"), 1e8);  // never
  click(*s, kA);
  const double t0 = s->time();
  while (!s->ended() && s->time() < t0 + 2) s->step(aim(kNothing, false));
  EXPECT_TRUE(s->procedure().steps()[0].done);
  EXPECT_NEAR(s->result().steps[0].at - t0, 1.0, 0.05);
}

TEST(Session, SinceInAVariableIsCurrentOnTheTickItChanges) {
  auto s =
      open(writeScenario(R"J("variables": [{"name": "fresh", "value": "since(A.on) < 0.05"}])J"));
  ASSERT_TRUE(s);
  EXPECT_EQ(*s->procedure().valueOf("fresh"), 0.0);  // never: 1e9, also before the first tick
  s->step(aim(kA, true));                            // A turns on in this tick
  EXPECT_EQ(*s->procedure().valueOf("fresh"), 1.0);
  for (int i = 0; i < 12; ++i) s->step(aim(kA, false));
  EXPECT_EQ(*s->procedure().valueOf("fresh"), 0.0);
}

TEST(Session, TimePenaltyAndClampAtZero) {
  const std::string training = R"(
  "procedure": {"steps": [{"id": "s", "text": {"zh-CN": "一", "en": "one"}, "done": "A.on", "points": 10}]},
  "rubric": {"pass": 5, "time": {"target": 1, "perSecondOver": 2, "max": 3}})";
  auto s = open(writeScenario(training));
  ASSERT_TRUE(s);
  for (int i = 0; i < 240; ++i) s->step(aim(kNothing, false));  // 2 s
  click(*s, kA);
  const auto r = s->result();
  EXPECT_NEAR(r.timePenalty, 2.0, 0.05);  // (2.02 - 1) * 2, capped at 3
  EXPECT_NEAR(r.score, 8.0, 0.05);
  EXPECT_TRUE(r.passed);

  // penalties beyond the points clamp the score at 0; the time penalty stops at its cap
  const std::string harsh = R"(
  "procedure": {"steps": [{"id": "s", "text": {"zh-CN": "一", "en": "one"}, "done": "B.on", "points": 10}]},
  "rubric": {"pass": 5, "penalties": {"order": 30}, "time": {"target": 1, "perSecondOver": 2, "max": 3}})";
  auto t = open(writeScenario(harsh));
  ASSERT_TRUE(t);
  for (int i = 0; i < 600; ++i) t->step(aim(kNothing, false));  // 5 s: 8 over, capped at 3
  click(*t, kB);
  const auto h = t->result();
  EXPECT_DOUBLE_EQ(h.timePenalty, 3.0);
  EXPECT_DOUBLE_EQ(h.score, 7.0);
}

const std::string kFaults = R"(
  "faults": [
    {"id": "timed", "text": {"zh-CN": "定时", "en": "timed"}, "at": 0.5},
    {"id": "random", "text": {"zh-CN": "随机", "en": "random"}, "window": [1, 100]},
    {"id": "on_a", "text": {"zh-CN": "条件", "en": "condition"}, "when": "A.on"},
    {"id": "manual", "text": {"zh-CN": "手动", "en": "manual"}}
  ],
  "rules": [{"id": "leak", "kind": "hazard", "text": {"zh-CN": "泄漏", "en": "leak"}, "when": "timed.active", "severity": "warning"}])";

std::vector<procedure::Event> faultEvents(const sim::Session& s) {
  std::vector<procedure::Event> out;
  for (const auto& e : s.events())
    if (e.kind == procedure::EventKind::FaultInjected) out.push_back(e);
  return out;
}

TEST(Faults, TimedConditionAndInstructorInjects) {
  auto s = open(writeScenario(kFaults));
  ASSERT_TRUE(s);
  while (s->time() < 0.6) s->step(aim(kNothing, false));
  ASSERT_EQ(faultEvents(*s).size(), 1u);
  EXPECT_EQ(faultEvents(*s)[0].tick, 60u);  // 0.5 s at 120 Hz
  EXPECT_EQ(faultEvents(*s)[0].from, std::uint32_t(procedure::FaultSource::Scheduled));
  EXPECT_EQ(violationIds(*s), std::vector<std::string>{"leak"});  // the fault drove a hazard
  click(*s, kA);                                                  // the condition fault follows A
  ASSERT_EQ(faultEvents(*s).size(), 2u);
  EXPECT_EQ(faultEvents(*s)[1].subject, 2u);
  // an instructor's inject is part of the input
  sim::InputRecord in = aim(kNothing, false);
  in.inject = 4;
  s->step(in);
  ASSERT_EQ(faultEvents(*s).size(), 3u);
  EXPECT_EQ(faultEvents(*s)[2].subject, 3u);
  EXPECT_EQ(faultEvents(*s)[2].from, std::uint32_t(procedure::FaultSource::Instructor));
  EXPECT_TRUE(s->procedure().faultActive(3));
  s->step(in);  // injecting an active fault again changes nothing
  EXPECT_EQ(faultEvents(*s).size(), 3u);
}

TEST(Faults, SeededWindowIsReproducibleAndDependsOnTheSeed) {
  const auto dir = writeScenario(kFaults);
  const auto scheduleFor = [&](std::uint64_t seed) {
    sim::SessionOptions o;
    o.seed = seed;
    auto s = sim::Session::load(dir, o);
    EXPECT_TRUE(s.ok());
    return s.ok() ? *(*s)->procedure().faultSchedule(1) : 0;
  };
  EXPECT_EQ(scheduleFor(7), scheduleFor(7));
  std::set<std::uint64_t> ticks;
  for (std::uint64_t seed = 0; seed < 8; ++seed) {
    const auto t = scheduleFor(seed);
    EXPECT_GE(t, 120u);    // window starts at 1 s
    EXPECT_LE(t, 12000u);  // and ends at 100 s
    ticks.insert(t);
  }
  EXPECT_GT(ticks.size(), 4u);
}

TEST(Faults, BotInjectsAndReplaysIdentically) {
  const auto dir = writeScenario(kFaults);
  scenario::RunFile run;
  run.file = dir / "run.json";
  run.actions = {{scenario::RunAction::Kind::Wait, "", "", 0.2, std::nullopt, "actions[0]"},
                 {scenario::RunAction::Kind::Inject, "manual", "", 0, std::nullopt, "actions[1]"},
                 {scenario::RunAction::Kind::Operate, "A", "on", 0, std::nullopt, "actions[2]"}};
  const auto play = [&] {
    auto s = open(dir);
    auto bot = sim::Bot::create(run, *s);
    EXPECT_TRUE(bot.ok());
    std::vector<std::uint64_t> hashes;
    EXPECT_TRUE(bot->play([&](const sim::Session& x, const sim::InputRecord&) {
                     hashes.push_back(x.stateHash());
                   })
                    .ok());
    return std::make_pair(hashes, s->events());
  };
  const auto a = play();
  const auto b = play();
  EXPECT_EQ(a, b);
  bool injected = false;
  for (const auto& e : a.second)
    injected |= e.kind == procedure::EventKind::FaultInjected && e.subject == 3;
  EXPECT_TRUE(injected);
  run.actions[1].target = "nonexistent";
  auto s = open(dir);
  EXPECT_FALSE(sim::Bot::create(run, *s).ok());
}

TEST(Session, StepTimeLimitIsAViolationWithItsPenalty) {
  const std::string training = R"(
  "procedure": {"steps": [{"id": "s", "text": {"zh-CN": "一", "en": "one"}, "done": "A.on", "timeLimit": 0.5, "points": 10}]},
  "rubric": {"penalties": {"timeout": 4}})";
  auto s = open(writeScenario(training));
  ASSERT_TRUE(s);
  while (s->time() < 1) s->step(aim(kNothing, false));
  click(*s, kA);
  EXPECT_EQ(violationIds(*s), std::vector<std::string>{"timeout:s"});
  EXPECT_DOUBLE_EQ(s->result().score, 6);
}

TEST(Session, ALockHoldsItsDeviceAndATagOnlyTells) {
  const std::string lockEntities = R"(,
    {"name": "lock", "transform": {"position": [-0.5, 1.4, 0]}, "shape": {"type": "box", "halfExtents": [0.05, 0.05, 0.05]}, "material": "m", "body": {"type": "static"}},
    {"name": "tag", "transform": {"position": [0, 1.4, 0]}, "shape": {"type": "box", "halfExtents": [0.05, 0.05, 0.05]}, "material": "m", "body": {"type": "static"}})";
  const std::string lockDevices = R"(,
    {"name": "L", "kind": "lock", "entity": "lock", "label": {"zh-CN": "锁", "en": "lock"}, "target": "A"},
    {"name": "T", "kind": "tag", "entity": "tag", "label": {"zh-CN": "牌", "en": "tag"}, "target": "B"})";
  auto s =
      open(writeScenario(R"("variables": [{"name": "safe", "value": "A.locked and B.tagged"}])",
                         lockEntities, lockDevices));
  ASSERT_TRUE(s);
  const core::Vec3 kLock{-0.5f, 1.4f, 0}, kTag{0, 1.4f, 0};
  click(*s, kLock);
  click(*s, kTag);
  EXPECT_EQ(*s->procedure().valueOf("safe"), 1.0);
  click(*s, kA);  // padlocked: refused, not a violation
  EXPECT_EQ(s->devices().state(0).position, 0u);
  EXPECT_EQ(s->events().back().kind, procedure::EventKind::Refused);
  EXPECT_EQ(s->events().back().rule, procedure::kLocked);
  EXPECT_TRUE(s->result().violations.empty());
  click(*s, kB);  // a tag does not hold anything
  EXPECT_EQ(s->devices().state(1).position, 1u);
  click(*s, kLock);  // unlocked, A moves again
  click(*s, kA);
  EXPECT_EQ(s->devices().state(0).position, 1u);
}

TEST(Session, ZonesCountTheLearnerAndBodiesAndIndicatorsShowValues) {
  const std::string falling = R"(,
    {"name": "crate", "transform": {"position": [2, 2, 0]}, "shape": {"type": "box", "halfExtents": [0.1, 0.1, 0.1]}, "material": "m", "body": {"type": "dynamic", "mass": 1}})";
  const std::string training = R"(
  "zones": [
    {"name": "near", "label": {"zh-CN": "近", "en": "near"}, "center": [0, 1, 3], "halfExtents": [0.5, 0.5, 0.5]},
    {"name": "pit", "label": {"zh-CN": "坑", "en": "pit"}, "center": [2, 0.5, 0], "halfExtents": [0.5, 0.5, 0.5], "detects": "bodies"}
  ],
  "indicators": [{"name": "lamp", "label": {"zh-CN": "灯", "en": "lamp"}, "entity": "a", "value": "pit.occupied and near.occupied"}])";
  auto s = open(writeScenario(training, falling));
  ASSERT_TRUE(s);
  s->step(aim(kNothing, false));  // the learner is at (0, 1, 3), inside "near"
  EXPECT_EQ(s->zones().count(0), 1u);
  EXPECT_EQ(s->zones().count(1), 0u);
  EXPECT_EQ(s->indicatorValue(0), 0.0);
  while (s->time() < 2) s->step(aim(kNothing, false));  // the crate has fallen into the pit
  EXPECT_EQ(s->zones().count(1), 1u);
  EXPECT_EQ(s->indicatorValue(0), 1.0);
  sim::InputRecord away = aim(kNothing, false);
  away.cameraPosition = {5, 1, 5};
  s->step(away);
  EXPECT_EQ(s->zones().count(0), 0u);
  EXPECT_EQ(s->indicatorValue(0), 0.0);
}

TEST(Session, ToolsAreTakenUsedAndTheWrongOneIsAnEvent) {
  const std::string toolEntities = R"(,
    {"name": "wrench", "transform": {"position": [-0.5, 1.4, 0]}, "shape": {"type": "box", "halfExtents": [0.05, 0.05, 0.05]}, "material": "m", "body": {"type": "static"}},
    {"name": "detector", "transform": {"position": [0, 1.4, 0]}, "shape": {"type": "box", "halfExtents": [0.05, 0.05, 0.05]}, "material": "m", "body": {"type": "static"}},
    {"name": "bolt", "transform": {"position": [0.5, 1.4, 0]}, "shape": {"type": "box", "halfExtents": [0.05, 0.05, 0.05]}, "material": "m", "body": {"type": "static"}})";
  const std::string toolDevices = R"(,
    {"name": "W", "kind": "tool", "entity": "wrench", "label": {"zh-CN": "扳手", "en": "wrench"}, "toolType": "wrench"},
    {"name": "D", "kind": "tool", "entity": "detector", "label": {"zh-CN": "验电器", "en": "detector"}, "toolType": "detector"},
    {"name": "R", "kind": "switch", "entity": "bolt", "label": {"zh-CN": "螺栓", "en": "bolt"}, "positions": ["tight", "loose"], "tool": "wrench"})";
  auto s = open(writeScenario(R"("variables": [{"name": "tested", "value": "A.usedWith.D"}])",
                              toolEntities, toolDevices));
  ASSERT_TRUE(s);
  const core::Vec3 kWrench{-0.5f, 1.4f, 0}, kDetector{0, 1.4f, 0}, kBolt{0.5f, 1.4f, 0};
  const auto lastKind = [&] { return s->events().back().kind; };
  click(*s, kBolt);  // empty hand: the bolt needs a wrench
  EXPECT_EQ(lastKind(), procedure::EventKind::Refused);
  EXPECT_EQ(s->events().back().rule, procedure::kNeedsTool);
  click(*s, kDetector);  // take the detector
  EXPECT_EQ(s->devices().heldTool(), 4u);
  EXPECT_EQ(*s->procedure().valueOf("D.held"), 1.0);
  click(*s, kBolt);  // the wrong tool
  EXPECT_EQ(lastKind(), procedure::EventKind::WrongTool);
  EXPECT_EQ(s->devices().state(5).position, 0u);
  s->step(aim(kA, true));  // using the detector on A: a one-tick pulse, A does not move
  EXPECT_EQ(*s->procedure().valueOf("tested"), 1.0);
  s->step(aim(kA, false));
  EXPECT_EQ(*s->procedure().valueOf("tested"), 0.0);
  EXPECT_EQ(s->devices().state(0).position, 0u);
  EXPECT_EQ(*s->procedure().valueOf("D.uses"), 1.0);
  click(*s, kWrench);  // the hand is full: nothing
  EXPECT_EQ(s->devices().heldTool(), 4u);
  click(*s, kDetector);  // put it back, take the wrench, loosen the bolt
  click(*s, kWrench);
  click(*s, kBolt);
  EXPECT_EQ(s->devices().state(5).position, 1u);
  EXPECT_EQ(lastKind(), procedure::EventKind::Operated);
  // the drop key puts the held tool back, once per press
  sim::InputRecord drop = aim(kNothing, false);
  drop.keys = sim::kKeyDrop;
  s->step(drop);
  EXPECT_FALSE(s->devices().heldTool());
  EXPECT_EQ(lastKind(), procedure::EventKind::ToolReturned);
  const std::size_t events = s->events().size();
  s->step(drop);  // still held down: nothing more
  EXPECT_EQ(s->events().size(), events);
  click(*s, kWrench);
  EXPECT_EQ(s->devices().heldTool(), 3u);
}

TEST(Session, AValveTurnsByDraggingAndReportsItsOpening) {
  // a handwheel facing the camera, on a hinge along z with limits 0..90 degrees
  const std::string wheel = R"(,
    {"name": "wheel", "transform": {"position": [1, 1, 0], "rotation": [90, 0, 0]}, "shape": {"type": "cylinder", "radius": 0.2, "height": 0.04}, "material": "m", "body": {"type": "dynamic", "mass": 1, "angularDamping": 0.5}})";
  const std::string valve = R"(,
    {"name": "V1", "kind": "valve", "entity": "wheel", "label": {"zh-CN": "阀", "en": "valve"}, "joint": "stem"})";
  const std::string training = R"(
  "joints": [{"name": "stem", "type": "hinge", "a": "wheel", "pivot": [1, 1, 0], "axis": [0, 0, 1], "limits": {"lower": 0, "upper": 90}}],
  "procedure": {"steps": [{"id": "open", "text": {"zh-CN": "开", "en": "open"}, "done": "V1.opening >= 0.99"}]})";
  const auto dir = writeScenario(training, wheel, valve);
  auto s = open(dir);
  ASSERT_TRUE(s);
  for (int i = 0; i < 60; ++i) s->step(aim(kNothing, false));
  EXPECT_NEAR(*s->procedure().valueOf("V1.opening"), 0.0, 0.01);  // held shut by the stem
  scenario::RunFile run;
  run.file = dir / "run.json";
  scenario::RunAction turn{
      scenario::RunAction::Kind::Turn, "V1", "", 85, std::nullopt, "actions[0]"};
  run.actions = {turn};
  auto bot = sim::Bot::create(run, *s);
  ASSERT_TRUE(bot.ok()) << bot.error().message;
  const auto played = bot->play();
  ASSERT_TRUE(played.ok()) << played.error().message;
  EXPECT_NEAR(*s->procedure().valueOf("V1.angle"), 85.0, 2.0);
  for (int i = 0; i < 120; ++i) s->step(aim(kNothing, false));  // it stays where it was left
  EXPECT_NEAR(*s->procedure().valueOf("V1.angle"), 85.0, 2.0);
  EXPECT_NEAR(*s->procedure().valueOf("V1.opening"), 85.0 / 90.0, 0.02);
  EXPECT_FALSE(s->procedure().steps()[0].done);  // 0.94 < 0.99
  // dragging the other way closes it again
  run.actions[0].seconds = 10;
  auto back = sim::Bot::create(run, *s);
  ASSERT_TRUE(back.ok());
  ASSERT_TRUE(back->play().ok());
  EXPECT_NEAR(*s->procedure().valueOf("V1.angle"), 10.0, 2.0);
  // each drag is an event with the opening before and after, in percent
  std::vector<std::pair<std::uint32_t, std::uint32_t>> turns;
  for (const auto& e : s->events())
    if (e.kind == procedure::EventKind::ValveTurned) turns.emplace_back(e.from, e.to);
  ASSERT_EQ(turns.size(), 2u);
  EXPECT_EQ(turns[0].first, 0u);
  EXPECT_NEAR(turns[0].second, 94, 2);
  EXPECT_NEAR(turns[1].first, 94, 2);
  EXPECT_NEAR(turns[1].second, 11, 2);
}

// A door is a thin plate on a lever: open, it swings on its left edge, and its body swings with
// it, so the pointer finds it where it is drawn and the empty doorway is empty. Under the first
// behaviour (logs of format <= 1.2) the body stayed where the closed door was.
TEST(Session, AnOpenDoorIsWhereItIsDrawn) {
  const std::string door = R"(,
    {"name": "door", "transform": {"position": [1, 1, 0]}, "shape": {"type": "box", "halfExtents": [0.3, 0.3, 0.006]}, "material": "m", "body": {"type": "static"}})";
  const std::string lever = R"(,
    {"name": "D", "kind": "lever", "entity": "door", "label": {"zh-CN": "门", "en": "door"}, "positions": ["closed", "open"]})";
  const auto dir = writeScenario(R"("variables": [])", door, lever);
  const core::Vec3 closedCentre{1, 1, 0};
  for (const std::uint16_t behaviour : {sim::kBehaviour, sim::kBehaviourFirst}) {
    SCOPED_TRACE("behaviour " + std::to_string(behaviour));
    sim::SessionOptions o;
    o.behaviour = behaviour;
    auto loaded = sim::Session::load(dir, o);
    ASSERT_TRUE(loaded.ok());
    sim::Session& s = **loaded;
    const std::uint32_t D = *sim::findDevice(s.definition().training, "D");
    click(s, closedCentre);
    ASSERT_EQ(s.devices().state(D).position, 1u);
    // where the open door is drawn: its home pose moved by its motion (about 99 degrees about
    // the left edge at x = 0.7, so its centre is at about (0.65, 1, 0.3))
    const auto& entity = s.definition().scene.entities[4];
    const scene::Transform drawn = interaction::moved(
        entity.transform,
        interaction::deviceMotion(s.devices().def(D), s.devices().state(D), entity));
    EXPECT_NEAR(drawn.position.x, 0.7f + 0.3f * std::cos(0.55f * core::kPi), 0.01f);
    EXPECT_NEAR(drawn.position.z, 0.3f * std::sin(0.55f * core::kPi), 0.01f);
    s.step(aim(drawn.position, false));
    if (behaviour >= 2) {
      EXPECT_TRUE(s.bodyFollowsDevice(4));
      ASSERT_EQ(s.hoveredDevice(), std::optional<std::uint32_t>(D)) << "the drawn door";
      s.step(aim(closedCentre, false));
      EXPECT_FALSE(s.hoveredDevice()) << "the empty doorway";
      click(s, drawn.position);  // closing it where it is
      EXPECT_EQ(s.devices().state(D).position, 0u);
      s.step(aim(closedCentre, false));
      EXPECT_EQ(s.hoveredDevice(), std::optional<std::uint32_t>(D)) << "closed again";
    } else {
      EXPECT_FALSE(s.bodyFollowsDevice(4));
      EXPECT_NEAR(s.simulation().entityPose(4).position.z, 0.0f, 1e-6f);  // the body stayed
      s.step(aim(closedCentre, false));
      EXPECT_EQ(s.hoveredDevice(), std::optional<std::uint32_t>(D));
    }
  }
}

TEST(Session, APartIsCarriedAndSeatedInASocketThatTakesIt) {
  // a crate on the floor, a shelf with a socket on it, and a socket for something else
  const std::string things = R"(,
    {"name": "crate", "transform": {"position": [0.8, 0.1, 0.5]}, "shape": {"type": "box", "halfExtents": [0.1, 0.1, 0.1]}, "material": "m", "body": {"type": "dynamic", "mass": 2}},
    {"name": "shelf", "transform": {"position": [-0.8, 0.3, 0.5]}, "shape": {"type": "box", "halfExtents": [0.3, 0.05, 0.3]}, "material": "m", "body": {"type": "static"}},
    {"name": "slot", "transform": {"position": [-0.8, 0.451, 0.5]}, "shape": {"type": "box", "halfExtents": [0.1, 0.1, 0.1]}, "material": "m"},
    {"name": "other-slot", "transform": {"position": [0.8, 0.8, 0.5]}, "shape": {"type": "box", "halfExtents": [0.1, 0.1, 0.1]}, "material": "m"},
    {"name": "spare", "transform": {"position": [1.5, 0.1, -1]}, "shape": {"type": "sphere", "radius": 0.1}, "material": "m", "body": {"type": "dynamic", "mass": 1}})";
  const std::string devices = R"(,
    {"name": "P", "kind": "part", "entity": "crate", "label": {"zh-CN": "箱", "en": "crate"}},
    {"name": "Q", "kind": "part", "entity": "spare", "label": {"zh-CN": "球", "en": "ball"}},
    {"name": "S", "kind": "socket", "entity": "slot", "label": {"zh-CN": "位", "en": "slot"}, "accepts": ["P"], "tolerance": {"distance": 0.05, "angle": 15}},
    {"name": "T", "kind": "socket", "entity": "other-slot", "label": {"zh-CN": "位", "en": "slot"}, "accepts": ["Q"]})";
  const std::string training = R"(
  "procedure": {"steps": [{"id": "stow", "text": {"zh-CN": "放", "en": "stow"}, "done": "S.filled and P.placed"}]})";
  const auto dir = writeScenario(training, things, devices);
  auto s = open(dir);
  ASSERT_TRUE(s) << "scenario";
  for (int i = 0; i < 60; ++i) s->step(aim(kNothing, false));  // let the crate settle
  scenario::RunFile run;
  run.file = dir / "run.json";
  scenario::RunAction place{
      scenario::RunAction::Kind::Place, "P", "", 0, std::nullopt, "actions[0]", "T"};
  run.actions = {place};
  // a socket that does not take the part: carried there, it is not seated
  auto wrong = sim::Bot::create(run, *s);
  ASSERT_TRUE(wrong.ok()) << wrong.error().message;
  ASSERT_TRUE(wrong->play().ok());
  const auto& defs = s->definition().training;
  const std::uint32_t P = *sim::findDevice(defs, "P"), S = *sim::findDevice(defs, "S");
  EXPECT_EQ(s->devices().state(P).socket, -1);
  EXPECT_EQ(*s->procedure().valueOf("P.held"), 0.0);
  // and the log says why: let go at T, which does not take it
  const std::uint32_t T = *sim::findDevice(s->definition().training, "T");
  const auto miss = std::find_if(s->events().begin(), s->events().end(), [](const auto& e) {
    return e.kind == procedure::EventKind::NotSeated;
  });
  ASSERT_NE(miss, s->events().end());
  EXPECT_EQ(miss->subject, P);
  EXPECT_EQ(miss->to, T);
  EXPECT_EQ(miss->rule, procedure::kNotAccepted);
  // what letting go elsewhere would do: 8 cm off and turned 30 degrees is near S but not in it
  scene::Transform off = s->definition().scene.entities[6].transform;  // the slot's place
  off.position.x += 0.08f;
  off.rotation = core::quatFromAxisAngle({0, 1, 0}, core::radians(30));
  const auto fit = s->seatFit(P, S, off);
  EXPECT_TRUE(fit.accepts && fit.near);
  EXPECT_FALSE(fit.withinDistance || fit.withinAngle || fit.seats());
  EXPECT_NEAR(fit.distance, 0.08f, 1e-4f);
  EXPECT_NEAR(fit.angle, 30.0f, 0.1f);
  EXPECT_FALSE(s->seatFit(P, T, off).accepts);
  for (int i = 0; i < 120; ++i) s->step(aim(kNothing, false));  // it falls
  // into the right one
  run.actions[0].on = "S";
  auto bot = sim::Bot::create(run, *s);
  ASSERT_TRUE(bot.ok());
  ASSERT_TRUE(bot->play().ok());
  EXPECT_EQ(s->devices().state(P).socket, std::int32_t(S));
  EXPECT_EQ(s->endReason(), procedure::EndReason::Completed);
  bool grabbed = false, placed = false;
  for (const auto& e : s->events()) {
    grabbed |= e.kind == procedure::EventKind::Grabbed && e.subject == P;
    placed |= e.kind == procedure::EventKind::Placed && e.subject == P && e.to == S;
  }
  EXPECT_TRUE(grabbed);
  EXPECT_TRUE(placed);
  // seated parts stay where the socket holds them
  const auto pose = s->simulation().entityPose(4);
  EXPECT_NEAR(pose.position.x, -0.8f, 0.01f);
  EXPECT_NEAR(pose.position.y, 0.451f, 0.01f);
}

TEST(Session, TheWheelTurnsACarriedPartAndTheDropKeyLetsItGo) {
  // a crate floating in front of the camera (no gravity needed: it is grabbed at once)
  const std::string crate = R"(,
    {"name": "crate", "transform": {"position": [0, 1, 1]}, "shape": {"type": "box", "halfExtents": [0.1, 0.05, 0.05]}, "material": "m", "body": {"type": "dynamic", "mass": 1}})";
  const std::string part = R"(,
    {"name": "P", "kind": "part", "entity": "crate", "label": {"zh-CN": "箱", "en": "crate"}})";
  auto s = open(writeScenario(R"("variables": [])", crate, part));
  ASSERT_TRUE(s);
  const core::Vec3 at{0, 1, 1};
  s->step(aim(at, true));  // grabbed
  ASSERT_EQ(*s->procedure().valueOf("P.held"), 1.0);
  const std::uint32_t body = 4;
  const auto before = s->simulation().entityPose(body).rotation;
  sim::InputRecord turn = aim(at, true);
  turn.axes[sim::kAxisTurnHeld] = 6;  // 6 wheel steps: a quarter turn about the line of sight
  s->step(turn);
  const auto after = s->simulation().entityPose(body).rotation;
  // the angle between the two orientations: 2 acos |<q1, q2>|
  const float d =
      std::abs(before.x * after.x + before.y * after.y + before.z * after.z + before.w * after.w);
  EXPECT_NEAR(2.0f * std::acos(std::min(d, 1.0f)), 3.14159265f / 2, 0.1f);
  EXPECT_EQ(*s->procedure().valueOf("P.held"), 1.0);
  // the drop key lets go although the button is still held
  sim::InputRecord drop = aim(at, true);
  drop.keys = sim::kKeyDrop;
  s->step(drop);
  EXPECT_EQ(*s->procedure().valueOf("P.held"), 0.0);
  EXPECT_EQ(s->events().back().kind, procedure::EventKind::Released);
}

TEST(Bot, GrabsHoldsThroughOtherActionsAndDrops) {
  const std::string things = R"(,
    {"name": "crate", "transform": {"position": [0.8, 0.1, 0.5]}, "shape": {"type": "box", "halfExtents": [0.1, 0.1, 0.1]}, "material": "m", "body": {"type": "dynamic", "mass": 2}})";
  const std::string devices = R"(,
    {"name": "P", "kind": "part", "entity": "crate", "label": {"zh-CN": "箱", "en": "crate"}})";
  const auto dir = writeScenario(R"("faults": [{"id": "f", "text": {"zh-CN": "障", "en": "f"}}])",
                                 things, devices);
  auto s = open(dir);
  ASSERT_TRUE(s);
  const std::uint32_t P = *sim::findDevice(s->definition().training, "P");
  using K = scenario::RunAction::Kind;
  scenario::RunFile run;
  run.file = dir / "run.json";
  run.actions = {{K::Grab, "P", "", 0, std::nullopt, "actions[0]"},
                 {K::Wait, "", "", 1.0, std::nullopt, "actions[1]"},
                 {K::Inject, "f", "", 0, std::nullopt, "actions[2]"}};
  run.actions.push_back({K::Operate, "A", "on", 0, std::nullopt, "actions[3]"});
  std::vector<bool> heldAfter;
  auto bot = sim::Bot::create(run, *s);
  ASSERT_TRUE(bot.ok()) << bot.error().message;
  const auto played = bot->play([&](const sim::Session& x, const sim::InputRecord&) {
    heldAfter.push_back(x.devices().state(P).held);
  });
  // held through the wait and the inject; then the busy hand cannot operate A
  ASSERT_FALSE(played.ok());
  EXPECT_NE(played.error().message.find("holding a part"), std::string::npos);
  EXPECT_EQ(std::count(heldAfter.begin() + 1, heldAfter.end(), false), 0);  // after aiming
  EXPECT_GT(heldAfter.size(), 120u);
  EXPECT_TRUE(s->procedure().faultActive(0));

  // grab, hold, drop: it falls from the hand
  auto t = open(dir);
  run.actions = {{K::Grab, "P", "", 0, std::nullopt, "actions[0]"},
                 {K::Drop, "P", "", 0, std::nullopt, "actions[1]"},
                 {K::Wait, "", "", 1.0, std::nullopt, "actions[2]"}};
  auto dropper = sim::Bot::create(run, *t);
  ASSERT_TRUE(dropper.ok());
  ASSERT_TRUE(dropper->play().ok());
  EXPECT_FALSE(t->devices().state(P).held);
  bool released = false;
  for (const auto& e : t->events()) released |= e.kind == procedure::EventKind::Released;
  EXPECT_TRUE(released);
}

TEST(Session, AFastenerIsLoosenedAndTightenedToATorqueWithTheRightTool) {
  const std::string things = R"(,
    {"name": "bolt", "transform": {"position": [-0.5, 1.4, 0]}, "shape": {"type": "cylinder", "radius": 0.04, "height": 0.04}, "material": "m", "body": {"type": "static"}},
    {"name": "wrench", "transform": {"position": [0, 1.4, 0]}, "shape": {"type": "box", "halfExtents": [0.05, 0.05, 0.05]}, "material": "m", "body": {"type": "static"}},
    {"name": "pliers", "transform": {"position": [0.5, 1.4, 0]}, "shape": {"type": "box", "halfExtents": [0.05, 0.05, 0.05]}, "material": "m", "body": {"type": "static"}})";
  const std::string devices = R"(,
    {"name": "BOLT", "kind": "fastener", "entity": "bolt", "label": {"zh-CN": "螺栓", "en": "bolt"}, "tool": "wrench-17", "turns": 3},
    {"name": "TW", "kind": "tool", "entity": "wrench", "label": {"zh-CN": "扭力扳手", "en": "torque wrench"}, "toolType": "wrench-17", "torque": 50},
    {"name": "PL", "kind": "tool", "entity": "pliers", "label": {"zh-CN": "钳子", "en": "pliers"}, "toolType": "pliers"})";
  const std::string training = R"(
  "procedure": {"steps": [
    {"id": "loosen", "text": {"zh-CN": "松", "en": "loosen"}, "done": "BOLT.loose"},
    {"id": "torque", "text": {"zh-CN": "紧", "en": "torque"}, "done": "BOLT.tight and BOLT.torque >= 40 and BOLT.torque <= 60"}
  ]})";
  const auto dir = writeScenario(training, things, devices);
  auto s = open(dir);
  ASSERT_TRUE(s);
  const auto& defs = s->definition().training;
  const std::uint32_t bolt = *sim::findDevice(defs, "BOLT");
  scenario::RunFile run;
  run.file = dir / "run.json";
  using K = scenario::RunAction::Kind;
  run.actions = {{K::Take, "PL", "", 0, std::nullopt, "actions[0]"},
                 {K::Loosen, "BOLT", "", 0, std::nullopt, "actions[1]"},
                 {K::Return, "PL", "", 0, std::nullopt, "actions[2]"},
                 {K::Take, "TW", "", 0, std::nullopt, "actions[3]"},
                 {K::Loosen, "BOLT", "", 0, std::nullopt, "actions[4]"}};
  auto bot = sim::Bot::create(run, *s);
  ASSERT_TRUE(bot.ok()) << bot.error().message;
  ASSERT_TRUE(bot->play().ok());
  bool wrongTool = false;
  for (const auto& e : s->events()) wrongTool |= e.kind == procedure::EventKind::WrongTool;
  EXPECT_TRUE(wrongTool);  // the pliers did not turn it
  EXPECT_EQ(s->devices().state(bolt).position, 3u);
  EXPECT_EQ(*s->procedure().valueOf("BOLT.loose"), 1.0);
  EXPECT_TRUE(s->procedure().steps()[0].done);
  run.actions = {{K::Tighten, "BOLT", "", 0, std::nullopt, "actions[0]"}};
  auto tighten = sim::Bot::create(run, *s);
  ASSERT_TRUE(tighten.ok());
  ASSERT_TRUE(tighten->play().ok());
  EXPECT_EQ(*s->procedure().valueOf("BOLT.turns"), 0.0);
  EXPECT_EQ(*s->procedure().valueOf("BOLT.torque"), 50.0);
  EXPECT_EQ(s->endReason(), procedure::EndReason::Completed);
}

TEST(Session, APreventedCriticalActIsPenalisedButDoesNotEndAnExam) {
  const std::string training = R"(
  "procedure": {"steps": [{"id": "s", "text": {"zh-CN": "一", "en": "one"}, "done": "A.on", "points": 50}]},
  "rules": [{"id": "never_b", "kind": "interlock", "text": {"zh-CN": "禁", "en": "never"}, "device": "B", "when": "true", "action": "prevent", "severity": "critical"}],
  "rubric": {"pass": 10, "penalties": {"critical": 20}})";
  auto s = open(writeScenario(training), sim::Mode::Exam);
  ASSERT_TRUE(s);
  click(*s, kB);
  EXPECT_FALSE(s->ended());
  EXPECT_EQ(s->devices().state(1).position, 0u);
  click(*s, kA);
  const auto r = s->result();
  EXPECT_EQ(r.end, procedure::EndReason::Completed);
  EXPECT_DOUBLE_EQ(r.score, 30);
  EXPECT_TRUE(r.passed);
  ASSERT_EQ(r.violations.size(), 1u);
  EXPECT_TRUE(r.violations[0].prevented);
}

TEST(Session, ClickingADeviceWithoutPositionsDoesNothing) {
  const std::string things = R"(,
    {"name": "spot", "transform": {"position": [-0.5, 1.4, 0]}, "shape": {"type": "box", "halfExtents": [0.05, 0.05, 0.05]}, "material": "m", "body": {"type": "static"}},
    {"name": "crate", "transform": {"position": [2, 0.1, 0]}, "shape": {"type": "box", "halfExtents": [0.1, 0.1, 0.1]}, "material": "m", "body": {"type": "dynamic", "mass": 1}},
    {"name": "pt", "transform": {"position": [0.5, 1.4, 0]}, "shape": {"type": "box", "halfExtents": [0.05, 0.05, 0.05]}, "material": "m", "body": {"type": "static"}})";
  const std::string devices = R"(,
    {"name": "P", "kind": "part", "entity": "crate", "label": {"zh-CN": "箱", "en": "crate"}},
    {"name": "S", "kind": "socket", "entity": "spot", "label": {"zh-CN": "位", "en": "spot"}, "accepts": ["P"]},
    {"name": "TP", "kind": "point", "entity": "pt", "label": {"zh-CN": "点", "en": "point"}})";
  auto s = open(writeScenario(R"("variables": [{"name": "x", "value": "1"}])", things, devices));
  ASSERT_TRUE(s);
  const auto before = s->events().size();
  click(*s, {-0.5f, 1.4f, 0});  // the socket has a body here
  click(*s, {0.5f, 1.4f, 0});   // a point
  EXPECT_EQ(s->events().size(), before);
}

TEST(Session, TheSeedIsPartOfTheStateFromTheFirstTick) {
  const auto dir = writeScenario(
      R"("faults": [{"id": "f", "text": {"zh-CN": "障", "en": "f"}, "window": [10, 100]}])");
  const auto hashAfterOneTick = [&](std::uint64_t seed) {
    sim::SessionOptions o;
    o.seed = seed;
    auto s = sim::Session::load(dir, o);
    EXPECT_TRUE(s.ok());
    (*s)->step(aim(kNothing, false));
    return (*s)->stateHash();
  };
  EXPECT_EQ(hashAfterOneTick(1), hashAfterOneTick(1));
  EXPECT_NE(hashAfterOneTick(1), hashAfterOneTick(2));
}

TEST(Session, AValveTurnsMoreThanHalfARevolutionInOneDrag) {
  const std::string wheel = R"(,
    {"name": "wheel", "transform": {"position": [1, 1, 0], "rotation": [90, 0, 0]}, "shape": {"type": "cylinder", "radius": 0.2, "height": 0.04}, "material": "m", "body": {"type": "dynamic", "mass": 1}})";
  const std::string valve = R"(,
    {"name": "V1", "kind": "valve", "entity": "wheel", "label": {"zh-CN": "阀", "en": "valve"}, "joint": "stem"})";
  const std::string training = R"(
  "joints": [{"name": "stem", "type": "hinge", "a": "wheel", "pivot": [1, 1, 0], "axis": [0, 0, 1], "limits": {"lower": -170, "upper": 170}}])";
  const auto dir = writeScenario(training, wheel, valve);
  auto s = open(dir);
  ASSERT_TRUE(s);
  scenario::RunFile run;
  run.file = dir / "run.json";
  run.actions = {{scenario::RunAction::Kind::Turn, "V1", "", 300, std::nullopt, "actions[0]"}};
  auto bot = sim::Bot::create(run, *s);
  ASSERT_TRUE(bot.ok());
  const auto played = bot->play();
  ASSERT_TRUE(played.ok()) << played.error().message;
  EXPECT_NEAR(*s->procedure().valueOf("V1.angle"), 300.0, 2.0);
}

TEST(Session, APadlockedValveDoesNotTurn) {
  const std::string things = R"(,
    {"name": "wheel", "transform": {"position": [1, 1, 0], "rotation": [90, 0, 0]}, "shape": {"type": "cylinder", "radius": 0.2, "height": 0.04}, "material": "m", "body": {"type": "dynamic", "mass": 1}},
    {"name": "lock", "transform": {"position": [-0.5, 1.4, 0]}, "shape": {"type": "box", "halfExtents": [0.05, 0.05, 0.05]}, "material": "m", "body": {"type": "static"}})";
  const std::string devices = R"(,
    {"name": "V1", "kind": "valve", "entity": "wheel", "label": {"zh-CN": "阀", "en": "valve"}, "joint": "stem"},
    {"name": "LK", "kind": "lock", "entity": "lock", "label": {"zh-CN": "锁", "en": "lock"}, "target": "V1"})";
  const std::string training = R"(
  "joints": [{"name": "stem", "type": "hinge", "a": "wheel", "pivot": [1, 1, 0], "axis": [0, 0, 1], "limits": {"lower": 0, "upper": 90}}])";
  const auto dir = writeScenario(training, things, devices);
  auto s = open(dir);
  ASSERT_TRUE(s);
  click(*s, {-0.5f, 1.4f, 0});  // lock it
  EXPECT_EQ(*s->procedure().valueOf("V1.locked"), 1.0);
  scenario::RunFile run;
  run.file = dir / "run.json";
  run.actions = {{scenario::RunAction::Kind::Turn, "V1", "", 45, std::nullopt, "actions[0]"}};
  auto bot = sim::Bot::create(run, *s);
  ASSERT_TRUE(bot.ok());
  EXPECT_FALSE(bot->play().ok());  // it does not reach 45 degrees
  EXPECT_NEAR(*s->procedure().valueOf("V1.angle"), 0.0, 0.5);
}

TEST(Bot, FailsWhenSomethingBlocksThePointer) {
  const std::string wall = R"(,
    {"name": "wall", "transform": {"position": [-0.5, 1, 1]}, "shape": {"type": "box", "halfExtents": [0.3, 0.3, 0.02]}, "material": "m", "body": {"type": "static"}})";
  const auto dir = writeScenario(kTwoSteps, wall);
  auto s = open(dir);
  ASSERT_TRUE(s);
  scenario::RunFile run;
  run.file = dir / "run.json";
  run.scenario = "panel";
  run.actions.push_back(
      {scenario::RunAction::Kind::Operate, "A", "on", 0, std::nullopt, "actions[0]"});
  auto bot = sim::Bot::create(run, *s);
  ASSERT_TRUE(bot.ok());
  const auto played = bot->play();
  ASSERT_FALSE(played.ok());
  EXPECT_NE(played.error().message.find("cannot reach \"A\""), std::string::npos)
      << played.error().message;
  EXPECT_NE(played.error().message.find("actions[0]"), std::string::npos);
}

TEST(Bot, RejectsUnknownNames) {
  auto s = open(writeScenario(kTwoSteps));
  ASSERT_TRUE(s);
  scenario::RunFile run;
  run.actions.push_back(
      {scenario::RunAction::Kind::Operate, "Z", "on", 0, std::nullopt, "actions[0]"});
  EXPECT_FALSE(sim::Bot::create(run, *s).ok());
  run.actions[0] = {
      scenario::RunAction::Kind::Operate, "A", "halfway", 0, std::nullopt, "actions[0]"};
  auto bad = sim::Bot::create(run, *s);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("no position \"halfway\""), std::string::npos);
}

// The view's names come from the input's view keys and the eye: walking, cut-away and labels
// as the keys say, metres walked only while walking, degrees the line of sight turned (none
// while it holds still).
TEST(Session, TheViewNamesFollowTheViewKeysAndTheEye) {
  auto s = open(writeScenario(R"J("variables": [
    {"name": "walking", "value": "view.walking"}, {"name": "cut", "value": "view.cutaway"},
    {"name": "labels", "value": "view.labels"}, {"name": "walked", "value": "view.walked"},
    {"name": "turned", "value": "view.turned"}, {"name": "cutFor", "value": "since(view.cutaway)"}])J"));
  ASSERT_TRUE(s);
  const auto value = [&](const char* name) { return *s->procedure().valueOf(name); };
  EXPECT_EQ(value("labels"), 1.0);  // the player's start: labels shown
  sim::InputRecord in;
  in.cameraPosition = in.pointerOrigin = {0, 1.6f, 3};
  in.cameraForward = in.pointerDirection = {0, 0, -1};
  for (int i = 0; i < 10; ++i) s->step(in);
  EXPECT_EQ(value("turned"), 0.0);
  EXPECT_EQ(value("walking"), 0.0);
  // orbiting a degree a tick
  for (int i = 1; i <= 30; ++i) {
    const float a = float(i) * 3.14159265f / 180.0f;
    in.cameraForward = {std::sin(a), 0, -std::cos(a)};
    s->step(in);
  }
  EXPECT_NEAR(value("turned"), 30.0, 1e-3);
  // a metre moved orbiting is not walked; a metre walking is
  for (int i = 0; i < 100; ++i) {
    in.cameraPosition.z -= 0.01f;
    s->step(in);
  }
  EXPECT_EQ(value("walked"), 0.0);
  in.keys = sim::kKeyViewWalk;
  for (int i = 0; i < 100; ++i) {
    in.cameraPosition.z -= 0.01f;
    s->step(in);
  }
  EXPECT_EQ(value("walking"), 1.0);
  EXPECT_NEAR(value("walked"), 1.0, 1e-3);
  in.keys = sim::kKeyViewCutaway | sim::kKeyViewLabelsHidden;
  s->step(in);
  EXPECT_EQ(value("walking"), 0.0);
  EXPECT_EQ(value("cut"), 1.0);
  EXPECT_EQ(value("labels"), 0.0);
  EXPECT_LT(value("cutFor"), 0.01);
}

// A scenario that does not name the view has none of its names, so its state hashes as it did
// before they existed; naming one declares only that one.
TEST(Session, TheViewNamesExistOnlyWhereAConditionNamesThem) {
  auto plain = open(writeScenario(R"J("variables": [{"name": "x", "value": "elapsed"}])J"));
  ASSERT_TRUE(plain);
  EXPECT_FALSE(plain->procedure().valueOf("view.walking"));
  auto one = open(writeScenario(R"J("variables": [{"name": "x", "value": "view.cutaway"}])J"));
  ASSERT_TRUE(one);
  EXPECT_TRUE(one->procedure().valueOf("view.cutaway"));
  EXPECT_FALSE(one->procedure().valueOf("view.labels"));
  EXPECT_EQ(one->definition().training.symbols.entries.size(),
            plain->definition().training.symbols.entries.size() + 1);
}

// The scripted learner switches the view as a person does with V, C and L, and walks at a
// walking pace: its input carries the view keys from then on.
TEST(Bot, SwitchesTheViewAndWalks) {
  const auto dir = writeScenario(R"J("variables": [{"name": "w", "value": "view.walked"}])J");
  auto s = open(dir);
  ASSERT_TRUE(s);
  using K = scenario::RunAction::Kind;
  scenario::RunFile run;
  run.file = dir / "run.json";
  scenario::RunAction cut{K::View, "", "", 0, std::nullopt, "actions[0]"};
  cut.cutaway = true;
  cut.labels = false;
  const core::Vec3 start = s->definition().scene.camera.position;
  scenario::RunAction walk{K::Walk, "", "", 0, start + core::Vec3{0, 0, 1.2f}, "actions[1]"};
  scenario::RunAction stand{K::View, "", "", 0, std::nullopt, "actions[2]"};
  stand.walk = false;
  run.actions = {cut, walk, stand};
  std::vector<std::uint32_t> keys;
  auto bot = sim::Bot::create(run, *s);
  ASSERT_TRUE(bot.ok()) << bot.error().message;
  ASSERT_TRUE(
      bot->play([&](const sim::Session&, const sim::InputRecord& in) { keys.push_back(in.keys); })
          .ok());
  ASSERT_GE(keys.size(), 100u);  // 1.2 m at 1.2 m/s: about a second of ticks
  EXPECT_EQ(keys.front(), sim::kKeyViewCutaway | sim::kKeyViewLabelsHidden);
  EXPECT_EQ(keys[1], sim::kKeyViewCutaway | sim::kKeyViewLabelsHidden | sim::kKeyViewWalk);
  EXPECT_EQ(keys.back(), sim::kKeyViewCutaway | sim::kKeyViewLabelsHidden);
  EXPECT_NEAR(*s->procedure().valueOf("w"), 1.2, 1e-3);
}

// A run's expected events must happen in their order; others may come between.
TEST(Bot, ExpectedEventsMustHappenInOrder) {
  using procedure::EventKind;
  std::vector<procedure::Event> events = {{1, EventKind::ToolTaken, 0, 0, 0, 0},
                                          {2, EventKind::WrongTool, 0, 0, 0, 0},
                                          {3, EventKind::ToolReturned, 0, 0, 0, 0}};
  scenario::RunExpectation e;
  procedure::SessionResult result;
  e.events = std::vector<std::string>{"tool-taken", "tool-returned"};
  EXPECT_TRUE(sim::compareWithExpectation(e, result, events).empty());
  e.events = std::vector<std::string>{"tool-returned", "wrong-tool"};
  const auto out = sim::compareWithExpectation(e, result, events);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_NE(out[0].find("[wrong-tool]"), std::string::npos) << out[0];
}

}  // namespace
}  // namespace practicum::test
