#include <practicum/present/hud_model.hpp>

namespace practicum::present {

using ui::AlertLevel;
using ui::HudAlert;
using ui::HudModel;
using ui::Language;
using ui::pick;
using ui::Text;
using ui::tr;

namespace {
using procedure::EventKind;

Text levelText(AlertLevel level) {
  switch (level) {
    case AlertLevel::Critical: return Text::Critical;
    case AlertLevel::Major: return Text::Major;
    default: return Text::Warning;
  }
}

// the device's label and, for devices with positions, where it stands
std::string describeDevice(const sim::Session& s, std::uint32_t device, Language lang) {
  const auto& def = s.devices().def(device);
  std::string text = def.name + "  " + pick(def.label, lang);
  if (def.positions.size() >= 2 && def.kind != scenario::DeviceKind::Valve)
    text += ": " + def.positions[s.devices().state(device).position];
  return text;
}

// an alert for an event, if the event deserves one in this mode
std::optional<HudAlert> alertFor(const sim::Session& s, const procedure::Event& e, Language lang,
                                 bool exam) {
  const auto& training = s.definition().training;
  const double at = double(e.tick) * s.tickSeconds();
  switch (e.kind) {
    case EventKind::Violation: {
      if (e.rule >= training.rules.size()) return std::nullopt;
      const auto& rule = training.rules[e.rule];
      const AlertLevel level = ui::alertLevel(rule.severity);
      std::string text = std::string(tr(levelText(level), lang)) + ": " + pick(rule.text, lang);
      if (e.to == 1) text += std::string(" (") + tr(Text::Prevented, lang) + ")";
      return HudAlert{text, level, at};
    }
    case EventKind::OutOfOrder:
    case EventKind::StepTimedOut: {
      if (e.subject >= training.steps.size()) return std::nullopt;
      const Text what = e.kind == EventKind::OutOfOrder ? Text::OutOfOrder : Text::TimedOut;
      // exam mode names no steps: the checklist is the learner's to know
      std::string text = tr(what, lang);
      if (!exam) text += ": " + pick(training.steps[e.subject].text, lang);
      return HudAlert{text, AlertLevel::Warning, at};
    }
    case EventKind::Refused:
      if (e.rule == procedure::kLocked)
        return HudAlert{
            std::string(tr(Text::Locked, lang)) + ": " + describeDevice(s, e.subject, lang),
            AlertLevel::Info, at};
      if (e.rule == procedure::kNeedsTool)
        return HudAlert{
            std::string(tr(Text::NeedsTool, lang)) + ": " + describeDevice(s, e.subject, lang),
            AlertLevel::Info, at};
      return std::nullopt;  // refused by a rule: its violation alerts
    case EventKind::WrongTool:
      return HudAlert{
          std::string(tr(Text::WrongTool, lang)) + ": " + describeDevice(s, e.subject, lang),
          AlertLevel::Warning, at};
    case EventKind::FaultInjected:
      if (exam || e.subject >= training.faults.size()) return std::nullopt;
      return HudAlert{
          std::string(tr(Text::Fault, lang)) + ": " + pick(training.faults[e.subject].text, lang),
          AlertLevel::Warning, at};
    default: return std::nullopt;
  }
}
}  // namespace

HudModel makeHud(const sim::Session& s, Language lang, double recentSeconds,
                 double secondsAfterEnd) {
  HudModel h;
  const auto& def = s.definition();
  h.language = lang;
  h.exam = s.options().mode == sim::Mode::Exam;
  h.title = pick(def.meta.title, lang);
  h.brief = pick(def.meta.description, lang);
  h.seconds = s.time();
  h.timeLimit = def.training.timeLimit;

  // practice: the step to do now, its hint, and the checklist
  if (!h.exam) {
    const auto& steps = def.training.steps;
    const auto& progress = s.procedure().steps();
    for (std::size_t i = 0; i < steps.size(); ++i) {
      // before the first tick nothing is evaluated yet: the steps without prerequisites are next
      const bool available = progress[i].available || (s.tick() == 0 && steps[i].after.empty());
      const bool current = available && !progress[i].done;
      h.checklist.push_back({pick(steps[i].text, lang), progress[i].done, current});
      if (current && h.instruction.empty()) {
        h.instruction = pick(steps[i].text, lang);
        h.hint = pick(steps[i].hint, lang);
      }
    }
  }

  // recent alerts and consequences, from the events
  const auto& training = def.training;
  for (const auto& e : s.events()) {
    const double age = s.time() + secondsAfterEnd - double(e.tick) * s.tickSeconds();
    if (age > recentSeconds) continue;
    if (auto alert = alertFor(s, e, lang, h.exam)) h.alerts.push_back(std::move(*alert));
    if (e.kind == EventKind::Violation && e.to == 0 && e.rule < training.rules.size() &&
        !training.rules[e.rule].consequence.empty()) {
      const auto& rule = training.rules[e.rule];
      std::optional<std::uint32_t> device;
      if (rule.kind == scenario::RuleKind::Interlock) device = rule.device;
      h.effects.push_back({rule.consequence, age, device});
    }
  }

  // what the learner points at and holds
  if (const auto d = s.hoveredDevice()) h.pointing = describeDevice(s, *d, lang);
  if (const auto t = s.devices().heldTool()) h.holding = pick(s.devices().def(*t).label, lang);
  for (std::uint32_t d = 0; d < s.devices().size(); ++d) {
    const auto& dd = s.devices().def(d);
    if (dd.kind == scenario::DeviceKind::Tool)
      h.tools.push_back({d, dd.name, pick(dd.label, lang), s.devices().heldTool() == d});
  }

  h.ended = s.ended();
  h.end = s.endReason();
  if (h.ended) h.result = s.result();
  return h;
}

}  // namespace practicum::present
