#include <practicum/present/hud_model.hpp>

#include <cmath>

#include <practicum/present/scene_presenter.hpp>
#include <practicum/scenario/names.hpp>

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

using scenario::DeviceKind;

std::string millimetres(float metres) { return formatReading(metres * 1000.0, "mm"); }
std::string degrees(float d) { return formatReading(std::round(d), ""); }

// what state a device is in, in words ("" when there is nothing to say)
std::string deviceState(const sim::Session& s, std::uint32_t device, Language lang) {
  const auto& devices = s.devices();
  const auto& def = devices.def(device);
  const auto& state = devices.state(device);
  const auto labelOf = [&](std::int32_t d) {
    return d >= 0 && std::uint32_t(d) < devices.size() ? pick(devices.def(d).label, lang)
                                                       : std::string();
  };
  switch (def.kind) {
    case DeviceKind::Valve:
      return ui::format(Text::ValveOpening, lang, int(std::lround(state.opening * 100.0f)));
    case DeviceKind::Fastener:
      if (state.position > 0)
        return ui::format(Text::FastenerLoose, lang, state.position, def.turns);
      if (state.torque > 0)
        return ui::format(Text::FastenerTight, lang, formatReading(state.torque, "").c_str());
      return tr(Text::FastenerTightUnknown, lang);
    case DeviceKind::Socket:
      if (state.socket >= 0)
        return ui::format(Text::SocketHolds, lang, labelOf(state.socket).c_str());
      return tr(Text::SocketEmpty, lang);
    case DeviceKind::Part:
      if (state.held) return tr(Text::InTheHand, lang);
      if (state.socket >= 0)
        return ui::format(Text::PartSeated, lang, labelOf(state.socket).c_str());
      return {};
    case DeviceKind::Tool:
      return tr(devices.heldTool() == device ? Text::InTheHand : Text::OnRack, lang);
    case DeviceKind::Button: return state.pressed ? tr(Text::EventPressed, lang) : std::string();
    default:
      if (def.positions.size() >= 2) return ui::positionText(def, state.position, lang);
      return {};
  }
}

// the device's name and label and the state it is in
std::string describeDevice(const sim::Session& s, std::uint32_t device, Language lang) {
  const auto& def = s.devices().def(device);
  std::string text = def.name + "  " + pick(def.label, lang);
  if (const std::string state = deviceState(s, device, lang); !state.empty())
    text += (lang == Language::ChineseSimplified ? "：" : ": ") + state;
  return text;
}

// an indicator on an entity: its label and what it shows
std::string describeIndicator(const sim::Session& s, std::uint32_t indicator, Language lang) {
  const auto& ind = s.definition().training.indicators[indicator];
  std::string text = pick(ind.label, lang);
  if (text.empty()) text = ind.name;
  const double v = s.indicatorValue(indicator);
  const auto style = scenario::parseIndicatorStyle(ind.style);
  const std::string shows =
      style == scenario::IndicatorStyle::Lamp || style == scenario::IndicatorStyle::Alarm
          ? tr(v > 0.5 ? Text::LampLit : Text::LampUnlit, lang)
          : formatReading(v, ind.unit);
  return text + (lang == Language::ChineseSimplified ? "：" : ": ") + shows;
}

// why a part let go near a socket did not seat, in words
std::string notSeatedText(const sim::Session& s, const procedure::Event& e, Language lang) {
  const auto& devices = s.devices();
  if (e.to >= devices.size()) return {};
  const auto& socket = devices.def(e.to);
  std::string text = ui::format(Text::NotSeatedAt, lang, pick(socket.label, lang).c_str());
  const std::string sep = lang == Language::ChineseSimplified ? "：" : ": ";
  if (e.rule == procedure::kNotAccepted) return text + sep + tr(Text::NotTaken, lang);
  if (e.rule == procedure::kOccupied) return text + sep + tr(Text::Occupied, lang);
  std::string why;
  const float off = float(e.from) / 1000.0f;
  if (off > socket.toleranceDistance)
    why = ui::format(Text::FarFromPlace, lang, millimetres(off).c_str(),
                     millimetres(socket.toleranceDistance).c_str());
  if (float(e.rule) > socket.toleranceAngle) {
    if (!why.empty()) why += lang == Language::ChineseSimplified ? "，" : ", ";
    why += ui::format(Text::TurnedFromPlace, lang, degrees(float(e.rule)).c_str(),
                      degrees(socket.toleranceAngle).c_str());
  }
  return why.empty() ? text : text + sep + why;
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
    case EventKind::NotSeated: return HudAlert{notSeatedText(s, e, lang), AlertLevel::Warning, at};
    // what the learner's own actions did, as a line of feedback
    case EventKind::Operated:
    case EventKind::Placed:
    case EventKind::Tightened:
    case EventKind::Loosened:
    case EventKind::ValveTurned: {
      const auto& devices = s.devices();
      if (e.subject >= devices.size()) return std::nullopt;
      const auto& def = devices.def(e.subject);
      const std::string label = pick(def.label, lang).empty() ? def.name : pick(def.label, lang);
      std::string text;
      if (e.kind == EventKind::Operated)
        text = label + (lang == Language::ChineseSimplified ? "：" : ": ") +
               ui::positionText(def, e.to, lang);
      else if (e.kind == EventKind::Placed && e.to < devices.size())
        text = ui::format(Text::Seated, lang, label.c_str(),
                          pick(devices.def(e.to).label, lang).c_str());
      else if (e.kind == EventKind::Tightened && e.to == 0)
        text = ui::format(Text::TightenedAlert, lang, label.c_str(),
                          formatReading(devices.state(e.subject).torque, "").c_str());
      else if (e.kind == EventKind::Tightened || e.kind == EventKind::Loosened)
        text = ui::format(Text::LoosenedAlert, lang, label.c_str(), e.to, def.turns);
      else if (e.kind == EventKind::ValveTurned)
        text = ui::format(Text::ValveTurnedAlert, lang, label.c_str(), int(e.to));
      if (text.empty()) return std::nullopt;
      return HudAlert{text, AlertLevel::Info, at};
    }
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

  // what the learner points at and holds: a device and its state, or an indicator and what it
  // shows
  if (const auto d = s.hoveredDevice()) {
    h.pointing = describeDevice(s, *d, lang);
  } else if (const auto entity = s.hoveredEntity()) {
    for (std::uint32_t i = 0; i < training.indicators.size(); ++i)
      if (training.indicators[i].entity == *entity) {
        h.pointing = describeIndicator(s, i, lang);
        break;
      }
  }
  // a part in the hand: how it sits against the nearest socket that takes it
  for (std::uint32_t p = 0; p < s.devices().size(); ++p) {
    const auto& part = s.devices().def(p);
    if (part.kind != DeviceKind::Part || !s.devices().state(p).held) continue;
    h.holding = pick(part.label, lang);
    const scene::Transform pose = s.simulation().entityPose(part.entity);
    std::optional<std::pair<std::uint32_t, sim::Session::SeatFit>> best;
    for (std::uint32_t k = 0; k < s.devices().size(); ++k) {
      if (s.devices().def(k).kind != DeviceKind::Socket) continue;
      const auto fit = s.seatFit(p, k, pose);
      if (fit.accepts && !fit.occupied && (!best || fit.distance < best->second.distance))
        best = std::pair{k, fit};
    }
    if (!best) break;
    const auto& socket = s.devices().def(best->first);
    const std::string where = pick(socket.label, lang);
    h.placingFits = best->second.seats();
    h.placing = h.placingFits ? ui::format(Text::SeatsHere, lang, where.c_str())
                              : ui::format(Text::SeatFit, lang, where.c_str(),
                                           millimetres(best->second.distance).c_str(),
                                           degrees(best->second.angle).c_str(),
                                           millimetres(socket.toleranceDistance).c_str(),
                                           degrees(socket.toleranceAngle).c_str());
    break;
  }
  // instruments read where they are used: a tool with a lamp on it (a voltage detector) shows
  // the lamp's state for two seconds, worded for what it is
  for (const auto& e : s.events()) {
    if (e.kind != EventKind::ToolUsed || e.from >= s.devices().size()) continue;
    const double age = s.time() + secondsAfterEnd - double(e.tick) * s.tickSeconds();
    if (age > 2.0) continue;
    const auto& tool = s.devices().def(e.from);
    std::string text;
    for (std::uint32_t i = 0; i < training.indicators.size(); ++i) {
      const auto& ind = training.indicators[i];
      if (ind.entity != tool.entity) continue;
      const bool lit = s.indicatorValue(i) > 0.5;
      if (tool.toolType == "voltage-detector")
        text = pick(tool.label, lang) + (lang == Language::ChineseSimplified ? "：" : ": ") +
               tr(lit ? Text::DetectorLive : Text::DetectorDead, lang);
      else
        text = describeIndicator(s, i, lang);
      break;
    }
    if (text.empty() && e.subject < s.devices().size())
      text = ui::format(Text::UsedOn, lang, pick(tool.label, lang).c_str(),
                        pick(s.devices().def(e.subject).label, lang).c_str());
    h.readings.push_back({text, age, e.subject, std::nullopt});
  }
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
