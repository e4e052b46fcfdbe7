// The HUD as data: what practice and exam mode show, alerts and consequences from the events,
// both languages; the timeline's markers.
#include <gtest/gtest.h>

#include <cctype>
#include <memory>
#include <set>
#include <string>

#include <practicum/present/hud_model.hpp>
#include <practicum/scenario/run_file.hpp>
#include <practicum/sim/bot.hpp>
#include <practicum/ui/hud.hpp>
#include <practicum/ui/timeline.hpp>

#include "test_support.hpp"

namespace practicum::test {
namespace {

using ui::Language;

std::unique_ptr<sim::Session> substation(sim::Mode mode) {
  sim::SessionOptions options;
  options.mode = mode;
  auto s = sim::Session::load(sourceDir() / "scenarios" / "substation-switching", options);
  EXPECT_TRUE(s.ok()) << s.error().message;
  return s.ok() ? std::move(*s) : nullptr;
}

// plays a shipped run file of the substation scenario in a mode
void play(sim::Session& s, const std::string& run) {
  const auto file = scenario::loadRunFile(sourceDir() / "scenarios" / "substation-switching" /
                                          "runs" / (run + ".json"));
  ASSERT_TRUE(file.run);
  auto bot = sim::Bot::create(*file.run, s);
  ASSERT_TRUE(bot.ok()) << bot.error().message;
  ASSERT_TRUE(bot->play().ok());
}

TEST(Hud, PracticeShowsTheStepItsHintAndTheChecklist) {
  auto s = substation(sim::Mode::Practice);
  ASSERT_TRUE(s);
  const auto& steps = s->definition().training.steps;
  const ui::HudModel h = present::makeHud(*s, Language::English);
  EXPECT_FALSE(h.exam);
  EXPECT_EQ(h.instruction, steps[0].text.en);
  EXPECT_EQ(h.hint, steps[0].hint.en);
  EXPECT_FALSE(h.hint.empty());
  ASSERT_EQ(h.checklist.size(), steps.size());
  EXPECT_TRUE(h.checklist[0].current);
  EXPECT_FALSE(h.checklist[1].current);
  EXPECT_EQ(h.timeLimit, s->definition().training.timeLimit);

  // the same in Chinese: the scenario's own texts
  const ui::HudModel zh = present::makeHud(*s, Language::ChineseSimplified);
  EXPECT_EQ(zh.instruction, steps[0].text.zhCN);
  EXPECT_EQ(zh.hint, steps[0].hint.zhCN);
  EXPECT_EQ(zh.title, s->definition().meta.title.zhCN);
}

TEST(Hud, ExamShowsTheBriefAndNoHintsOrChecklist) {
  auto s = substation(sim::Mode::Exam);
  ASSERT_TRUE(s);
  const ui::HudModel h = present::makeHud(*s, Language::English);
  EXPECT_TRUE(h.exam);
  EXPECT_TRUE(h.instruction.empty());
  EXPECT_TRUE(h.hint.empty());
  EXPECT_TRUE(h.checklist.empty());
  EXPECT_EQ(h.brief, s->definition().meta.description.en);
  EXPECT_FALSE(h.ended);
}

TEST(Hud, AMistakeAlertsShowsItsConsequenceAndEndsTheExamWithTheResult) {
  auto s = substation(sim::Mode::Exam);
  ASSERT_TRUE(s);
  play(*s, "earthing-while-live");
  const ui::HudModel h = present::makeHud(*s, Language::English);
  ASSERT_FALSE(h.alerts.empty());
  bool critical = false;
  for (const auto& a : h.alerts) critical |= a.level == ui::AlertLevel::Critical;
  EXPECT_TRUE(critical);
  // exam alerts name rules, never the steps (that would be a hint)
  for (const auto& a : h.alerts)
    for (const auto& step : s->definition().training.steps)
      EXPECT_EQ(a.text.find(step.text.en), std::string::npos) << a.text;
  bool arcFlash = false;
  for (const auto& e : h.effects) arcFlash |= e.kind == "arc-flash" && e.device.has_value();
  EXPECT_TRUE(arcFlash);
  EXPECT_TRUE(h.ended);
  EXPECT_EQ(h.end, procedure::EndReason::Critical);
  EXPECT_FALSE(h.result.passed);
  EXPECT_FALSE(h.result.violations.empty());

  // alerts and effects fade: none are recent a minute later
  const ui::HudModel later = present::makeHud(*s, Language::English, -1.0);
  EXPECT_TRUE(later.alerts.empty());
  EXPECT_TRUE(later.effects.empty());
}

TEST(Hud, ThePointerAndTheHandAreNamed) {
  auto s = substation(sim::Mode::Practice);
  ASSERT_TRUE(s);
  // aim at QF1's handle
  const auto& t = s->definition().training;
  const auto qf1 = *sim::findDevice(t, "QF1");
  const core::Vec3 at = s->simulation().entityPose(t.devices[qf1].entity).position;
  sim::InputRecord in;
  in.cameraPosition = in.pointerOrigin = at + core::Vec3{0, 0, 1};
  in.cameraForward = in.pointerDirection = {0, 0, -1};
  s->step(in);
  const ui::HudModel h = present::makeHud(*s, Language::English);
  EXPECT_NE(h.pointing.find("QF1"), std::string::npos) << h.pointing;
  EXPECT_NE(h.pointing.find("closed"), std::string::npos) << h.pointing;
  EXPECT_TRUE(h.holding.empty());
}

TEST(UiText, EveryStringIsInBothLanguages) {
  for (int i = 0; i < static_cast<int>(ui::Text::Count_); ++i) {
    const auto t = static_cast<ui::Text>(i);
    const std::string en = ui::tr(t, Language::English);
    const std::string zh = ui::tr(t, Language::ChineseSimplified);
    EXPECT_FALSE(en.empty()) << i;
    // the Chinese text has Chinese characters (UTF-8 lead bytes of U+3000..U+9FFF: E3..E9),
    // unless it has no words at all (" (%s)" is only punctuation round a filled-in text)
    bool cjk = false, words = false;
    for (unsigned char c : zh) cjk |= c >= 0xE3 && c <= 0xE9;
    for (std::size_t k = 0; k < en.size(); ++k) {
      if (en[k] == '%' && k + 1 < en.size() && en[k + 1] == 's') {
        ++k;  // past a conversion
        continue;
      }
      words |= std::isalpha(static_cast<unsigned char>(en[k])) != 0;
    }
    EXPECT_TRUE(cjk || !words) << i << ": " << zh;
    // a format has the same conversions, in the same order, in both languages
    const auto conversions = [](const std::string& text) {
      std::string out;
      for (std::size_t k = 0; k + 1 < text.size(); ++k)
        if (text[k] == '%') out += text[++k];
      return out;
    };
    EXPECT_EQ(conversions(en), conversions(zh)) << i << ": " << en << " / " << zh;
  }
  scenario::LocalizedText onlyEnglish{"", "valve"};
  EXPECT_EQ(ui::pick(onlyEnglish, Language::ChineseSimplified), "valve");
}

// every end reason has its own words in both languages; the review's timeline says why the
// session ended, interrupted and closed included
// A position's word: the scenario's own when it gives one, else the UI table's by the kind of
// device, else the identifier.
TEST(UiText, APositionIsSaidInTheScenariosWordsFirst) {
  scenario::DeviceDef d;
  d.kind = scenario::DeviceKind::Breaker;
  d.positions = {"open", "half", "closed"};
  d.positionLabels = {{}, {"半开", "half open"}, {}};
  EXPECT_EQ(ui::positionText(d, 1, ui::Language::ChineseSimplified), "半开");
  EXPECT_EQ(ui::positionText(d, 1, ui::Language::English), "half open");
  EXPECT_EQ(ui::positionText(d, 0, ui::Language::ChineseSimplified), "分闸");
  d.positionLabels.clear();
  EXPECT_EQ(ui::positionText(d, 1, ui::Language::ChineseSimplified), "half");
}

TEST(UiText, EveryEndReasonIsSaidInBothLanguages) {
  using procedure::EndReason;
  for (const Language lang : {Language::English, Language::ChineseSimplified}) {
    std::set<std::string> said;
    for (const EndReason e : {EndReason::Completed, EndReason::Critical, EndReason::TimeLimit,
                              EndReason::Stopped, EndReason::Interrupted, EndReason::Closed})
      said.insert(ui::endReasonText(e, lang));
    EXPECT_EQ(said.size(), 6u);
  }
  EXPECT_EQ(std::string(ui::endReasonText(EndReason::Interrupted, Language::English)),
            "Interrupted: the program was shut down");
  EXPECT_EQ(std::string(ui::endReasonText(EndReason::Closed, Language::ChineseSimplified)),
            "结束前关闭了窗口");

  auto s = substation(sim::Mode::Practice);
  ASSERT_TRUE(s);
  s->stop(EndReason::Interrupted);
  const auto markers =
      ui::timelineMarkers(s->definition(), s->events(), s->tickSeconds(), Language::English);
  ASSERT_EQ(markers.size(), 1u);
  EXPECT_NE(markers[0].text.find("Interrupted"), std::string::npos) << markers[0].text;
}

TEST(Timeline, MarkersColourStepsViolationsAndFaults) {
  auto s = substation(sim::Mode::Practice);
  ASSERT_TRUE(s);
  play(*s, "perfect");
  const auto markers =
      ui::timelineMarkers(s->definition(), s->events(), s->tickSeconds(), Language::English);
  ASSERT_EQ(markers.size(), s->events().size());
  std::size_t steps = 0, violations = 0;
  for (const auto& m : markers) {
    steps += m.kind == ui::MarkerKind::Step;
    violations += m.kind == ui::MarkerKind::Violation;
  }
  EXPECT_EQ(steps, s->definition().training.steps.size());
  EXPECT_EQ(violations, 0u);
  for (std::size_t i = 1; i < markers.size(); ++i) EXPECT_GE(markers[i].at, markers[i - 1].at);

  auto wrong = substation(sim::Mode::Practice);
  ASSERT_TRUE(wrong);
  play(*wrong, "disconnector-under-load");
  const auto bad = ui::timelineMarkers(wrong->definition(), wrong->events(), wrong->tickSeconds(),
                                       Language::ChineseSimplified);
  bool red = false;
  for (const auto& m : bad)
    red |= m.kind == ui::MarkerKind::Violation && m.text.find("危急") != std::string::npos;
  EXPECT_TRUE(red);
}

TEST(Timeline, NextAndPreviousEvent) {
  const std::vector<ui::TimelineMarker> m = {{1.0, ui::MarkerKind::Step, "a"},
                                             {2.5, ui::MarkerKind::Violation, "b"},
                                             {2.5, ui::MarkerKind::Other, "c"},
                                             {4.0, ui::MarkerKind::Fault, "d"}};
  EXPECT_EQ(ui::adjacentMarker(m, 0.0, +1), 1.0);
  EXPECT_EQ(ui::adjacentMarker(m, 1.0, +1), 2.5);
  EXPECT_EQ(ui::adjacentMarker(m, 2.5, +1), 4.0);
  EXPECT_FALSE(ui::adjacentMarker(m, 4.0, +1));
  EXPECT_EQ(ui::adjacentMarker(m, 4.0, -1), 2.5);
  EXPECT_EQ(ui::adjacentMarker(m, 2.0, -1), 1.0);
  EXPECT_FALSE(ui::adjacentMarker(m, 1.0, -1));
}

// plays a run given as text on a session
void playText(sim::Session& s, const std::string& text) {
  const auto file = scenario::loadRunFileText(text, "feedback.json");
  ASSERT_TRUE(file.run) << (file.diagnostics.empty() ? "" : file.diagnostics[0].format());
  auto bot = sim::Bot::create(*file.run, s);
  ASSERT_TRUE(bot.ok()) << bot.error().message;
  ASSERT_TRUE(bot->play().ok());
}

// a lowercase English word of two letters or more in a text shown in Chinese: an identifier or
// an English word that escaped the string table (designations such as QF1 are upper case)
std::string englishWordIn(const std::string& text) {
  std::string word;
  for (const char c : text + " ") {
    if (c >= 'a' && c <= 'z') {
      word += c;
      continue;
    }
    if (word.size() >= 2 && word != "mm" && word != "kv") return word;
    word.clear();
  }
  return {};
}

// Every action has feedback: the voltage detector reads 无电 at the dead test point where it is
// used, each operation is a line in the learner's language, a lock's state is a word.
TEST(Hud, EveryActionHasFeedbackInTheLearnersLanguage) {
  auto s = substation(sim::Mode::Practice);
  ASSERT_TRUE(s);
  playText(*s, R"({"scenario": "substation-switching", "actions": [
    {"do": "operate", "device": "QF1", "to": "open"}, {"do": "operate", "device": "QS1", "to": "open"},
    {"do": "operate", "device": "QS2", "to": "open"}, {"do": "take", "tool": "VD1"},
    {"do": "use", "tool": "VD1", "on": "TP1"}], "expect": {"passed": false}})");
  ui::HudModel zh = present::makeHud(*s, Language::ChineseSimplified);
  ASSERT_EQ(zh.readings.size(), 1u);
  EXPECT_NE(zh.readings[0].text.find("无电"), std::string::npos) << zh.readings[0].text;
  EXPECT_EQ(zh.readings[0].device, *sim::findDevice(s->definition().training, "TP1"));
  const ui::HudModel en = present::makeHud(*s, Language::English);
  EXPECT_NE(en.readings[0].text.find("no voltage"), std::string::npos) << en.readings[0].text;
  bool opened = false;
  for (const auto& a : zh.alerts) {
    opened |= a.text.find("分闸") != std::string::npos;
    EXPECT_EQ(englishWordIn(a.text), "") << a.text;
  }
  EXPECT_TRUE(opened);
  // the reading is gone after two seconds
  playText(
      *s,
      R"({"scenario": "substation-switching", "actions": [{"do": "wait", "seconds": 2.5}], "expect": {"passed": false}})");
  EXPECT_TRUE(present::makeHud(*s, Language::ChineseSimplified).readings.empty());
}

// The zh-CN walk: every event of every shipped run of the substation, on the review's timeline
// and in the HUD's alerts, and every device's state words, have no English word.
TEST(UiText, TheChineseWalkFindsNoEnglishWord) {
  for (const char* run : {"perfect", "disconnector-under-load", "earthing-while-live",
                          "skipped-lock-and-tag", "wrong-breaker", "bus-side-first"}) {
    SCOPED_TRACE(run);
    auto s = substation(sim::Mode::Practice);
    ASSERT_TRUE(s);
    play(*s, run);
    for (const auto& m : ui::timelineMarkers(s->definition(), s->events(), s->tickSeconds(),
                                             Language::ChineseSimplified))
      EXPECT_EQ(englishWordIn(m.text), "") << m.text;
    const ui::HudModel h = present::makeHud(*s, Language::ChineseSimplified, 1e9);
    for (const auto& a : h.alerts) EXPECT_EQ(englishWordIn(a.text), "") << a.text;
  }
  auto s = substation(sim::Mode::Practice);
  for (const auto& d : s->definition().training.devices)
    for (std::uint32_t p = 0; p < d.positions.size(); ++p) {
      EXPECT_TRUE(ui::hasPositionWord(d.kind, d.positions[p])) << d.name << " " << d.positions[p];
      EXPECT_EQ(englishWordIn(ui::positionText(d, p, Language::ChineseSimplified)), "")
          << d.name << " " << d.positions[p];
    }
}

}  // namespace
}  // namespace practicum::test
