#include <practicum/ui/timeline.hpp>

#include <algorithm>
#include <cstdio>

#include <imgui.h>

#include <practicum/ui/hud.hpp>

namespace practicum::ui {

namespace {
ImU32 markerColor(MarkerKind kind) {
  switch (kind) {
    case MarkerKind::Step: return IM_COL32(70, 200, 90, 255);
    case MarkerKind::Violation: return IM_COL32(235, 60, 50, 255);
    case MarkerKind::Fault: return IM_COL32(245, 150, 40, 255);
    case MarkerKind::Other: break;
  }
  return IM_COL32(150, 160, 175, 255);
}

std::string clock(double seconds) {
  const double s = std::max(0.0, seconds);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%02d:%05.2f", int(s) / 60, s - 60.0 * (int(s) / 60));
  return buf;
}

constexpr ImGuiWindowFlags kFixed =
    ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoMove;
}  // namespace

namespace {
// what happened to a device, in words
const char* actionText(procedure::EventKind kind, Language lang) {
  using procedure::EventKind;
  switch (kind) {
    case EventKind::Pressed: return tr(Text::EventPressed, lang);
    case EventKind::Refused: return tr(Text::EventRefused, lang);
    case EventKind::ToolTaken: return tr(Text::EventToolTaken, lang);
    case EventKind::ToolReturned: return tr(Text::EventToolReturned, lang);
    case EventKind::Grabbed: return tr(Text::EventGrabbed, lang);
    case EventKind::Released: return tr(Text::EventReleased, lang);
    case EventKind::Placed: return tr(Text::EventPlaced, lang);
    case EventKind::Unseated: return tr(Text::EventUnseated, lang);
    case EventKind::Loosened: return tr(Text::EventLoosened, lang);
    case EventKind::Tightened: return tr(Text::EventTightened, lang);
    case EventKind::ValveTurned: return tr(Text::EventValveTurned, lang);
    case EventKind::NotSeated: return tr(Text::EventNotSeated, lang);
    case EventKind::ToolUsed: return tr(Text::EventToolUsed, lang);
    case EventKind::WrongTool: return tr(Text::WrongTool, lang);
    case EventKind::Operated: return tr(Text::EventOperated, lang);
    default: return procedure::toString(kind);
  }
}
}  // namespace

std::vector<TimelineMarker> timelineMarkers(const scenario::ScenarioDef& def,
                                            const std::vector<procedure::Event>& events,
                                            double tickSeconds, Language lang) {
  using procedure::EventKind;
  const auto& t = def.training;
  const auto device = [&](std::uint32_t d) {
    return d < t.devices.size() ? t.devices[d].name : "#" + std::to_string(d);
  };
  const auto position = [&](std::uint32_t d, std::uint32_t p) {
    return d < t.devices.size() ? positionText(t.devices[d], p, lang) : std::to_string(p);
  };
  std::vector<TimelineMarker> markers;
  for (const auto& e : events) {
    TimelineMarker m;
    m.at = double(e.tick) * tickSeconds;
    switch (e.kind) {
      case EventKind::StepCompleted:
        m.kind = MarkerKind::Step;
        m.text = std::string(tr(Text::StepDone, lang)) + ": " +
                 (e.subject < t.steps.size() ? pick(t.steps[e.subject].text, lang) : "?");
        break;
      case EventKind::Violation: {
        m.kind = MarkerKind::Violation;
        if (e.rule < t.rules.size()) {
          const auto& r = t.rules[e.rule];
          const Text level = r.severity == scenario::RuleSeverity::Critical ? Text::Critical
                             : r.severity == scenario::RuleSeverity::Major  ? Text::Major
                                                                            : Text::Warning;
          m.text = std::string(tr(level, lang)) + ": " + pick(r.text, lang);
          if (e.to == 1) m.text += std::string(" (") + tr(Text::Prevented, lang) + ")";
        } else {
          m.text = tr(Text::Violation, lang);
        }
        break;
      }
      case EventKind::OutOfOrder:
      case EventKind::StepTimedOut:
        m.kind = MarkerKind::Violation;
        m.text = std::string(tr(e.kind == EventKind::OutOfOrder ? Text::OutOfOrder : Text::TimedOut,
                                lang)) +
                 ": " + (e.subject < t.steps.size() ? pick(t.steps[e.subject].text, lang) : "?");
        break;
      case EventKind::FaultInjected:
        m.kind = MarkerKind::Fault;
        m.text = std::string(tr(Text::FaultEvent, lang)) + ": " +
                 (e.subject < t.faults.size() ? pick(t.faults[e.subject].text, lang) : "?");
        break;
      case EventKind::Operated:
        m.text = device(e.subject) + ": " + position(e.subject, e.from) + " -> " +
                 position(e.subject, e.to);
        break;
      case EventKind::SessionEnded:
        m.text = std::string(tr(Text::SessionEnded, lang)) + " (" +
                 endReasonText(static_cast<procedure::EndReason>(e.subject), lang) + ")";
        break;
      case EventKind::ToolUsed:
      case EventKind::WrongTool:
        // on a device, with a tool
        m.text = device(e.subject) + ": " +
                 tr(e.kind == EventKind::ToolUsed ? Text::EventToolUsed : Text::WrongTool, lang) +
                 " " + device(e.from);
        break;
      case EventKind::ValveTurned:
        m.text = device(e.subject) + ": " + actionText(e.kind, lang) + " " +
                 std::to_string(e.from) + "% -> " + std::to_string(e.to) + "%";
        break;
      case EventKind::Loosened:
      case EventKind::Tightened:
        m.text = device(e.subject) + ": " + actionText(e.kind, lang) + " (" + device(e.from) +
                 ", " + std::to_string(e.to) + ")";
        break;
      case EventKind::Placed:
      case EventKind::Unseated:
      case EventKind::NotSeated:
        m.text = device(e.subject) + ": " + actionText(e.kind, lang) + " " + device(e.to);
        break;
      case EventKind::Refused:
        m.text = device(e.subject) + ": " + actionText(e.kind, lang) + " (-> " +
                 position(e.subject, e.to) + ")";
        break;
      default:
        // tools, parts, buttons: what happened to which device
        m.text = device(e.subject) + ": " + actionText(e.kind, lang);
        break;
    }
    markers.push_back(std::move(m));
  }
  return markers;
}

std::optional<double> adjacentMarker(const std::vector<TimelineMarker>& markers, double now,
                                     int direction) {
  constexpr double kEpsilon = 1e-6;
  std::optional<double> best;
  for (const auto& m : markers) {
    if (direction > 0 && m.at > now + kEpsilon && (!best || m.at < *best)) best = m.at;
    if (direction < 0 && m.at < now - kEpsilon && (!best || m.at > *best)) best = m.at;
  }
  return best;
}

TimelineRequest drawTimeline(const TimelineModel& m) {
  TimelineRequest req;
  const Language lang = m.language;
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  const float sideWidth = std::min(380.0f, display.x * 0.32f);
  const float barHeight = 96.0f;

  // bottom: transport controls and the scrubber
  ImGui::SetNextWindowPos(ImVec2(0, display.y - barHeight), ImGuiCond_Always);
  ImGui::SetNextWindowSize(ImVec2(display.x - sideWidth, barHeight), ImGuiCond_Always);
  ImGui::SetNextWindowBgAlpha(0.85f);
  if (ImGui::Begin("##transport", nullptr, kFixed)) {
    if (ImGui::Button(tr(Text::PreviousEvent, lang)))
      if (auto t = adjacentMarker(m.markers, m.now, -1)) req.seek = *t;
    ImGui::SameLine();
    if (ImGui::Button(tr(m.playing ? Text::Pause : Text::Play, lang), ImVec2(90, 0)))
      req.togglePlay = true;
    ImGui::SameLine();
    if (ImGui::Button(tr(Text::NextEvent, lang)))
      if (auto t = adjacentMarker(m.markers, m.now, +1)) req.seek = *t;
    ImGui::SameLine();
    ImGui::TextUnformatted(tr(Text::Speed, lang));
    for (double s : kReplaySpeeds) {
      ImGui::SameLine();
      char label[16];
      std::snprintf(label, sizeof label, "%gx", s);
      const bool on = s == m.speed;
      if (on) ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.2f, 0.5f, 0.8f, 1));
      if (ImGui::SmallButton(label)) req.speed = s;
      if (on) ImGui::PopStyleColor();
    }
    ImGui::SameLine();
    // the button says what it switches to; the view shown now is named beside it
    ImGui::TextDisabled("%s", tr(m.learnersView ? Text::LearnersView : Text::FreeCamera, lang));
    ImGui::SameLine();
    if (ImGui::SmallButton(tr(m.learnersView ? Text::ToFreeCamera : Text::ToLearnersView, lang)))
      req.toggleView = true;
    ImGui::SameLine();
    ImGui::Text("%s / %s", clock(m.now).c_str(), clock(m.duration).c_str());

    // the scrubber: a bar with the event markers; click or drag to seek
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    const float height = 30.0f;
    ImGui::InvisibleButton("##scrub", ImVec2(std::max(width, 10.0f), height));
    const double duration = std::max(m.duration, 1e-6);
    req.scrubbing = ImGui::IsItemActive();
    if (req.scrubbing) {
      const float x = std::clamp(ImGui::GetIO().MousePos.x - origin.x, 0.0f, width);
      req.seek = duration * double(x / std::max(width, 1.0f));
    }
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float mid = origin.y + height * 0.5f;
    draw->AddRectFilled(ImVec2(origin.x, mid - 3), ImVec2(origin.x + width, mid + 3),
                        IM_COL32(70, 75, 85, 255), 3.0f);
    const float played = width * float(std::clamp(m.now / duration, 0.0, 1.0));
    draw->AddRectFilled(ImVec2(origin.x, mid - 3), ImVec2(origin.x + played, mid + 3),
                        IM_COL32(90, 140, 210, 255), 3.0f);
    const TimelineMarker* hovered = nullptr;
    for (const auto& mk : m.markers) {
      const float x = origin.x + width * float(std::clamp(mk.at / duration, 0.0, 1.0));
      draw->AddRectFilled(ImVec2(x - 2, origin.y + 2), ImVec2(x + 2, origin.y + height - 2),
                          markerColor(mk.kind));
      if (ImGui::IsItemHovered() && std::abs(ImGui::GetIO().MousePos.x - x) < 4) hovered = &mk;
    }
    draw->AddTriangleFilled(ImVec2(origin.x + played - 7, origin.y),
                            ImVec2(origin.x + played + 7, origin.y),
                            ImVec2(origin.x + played, origin.y + 10), IM_COL32(255, 255, 255, 255));
    if (hovered) ImGui::SetTooltip("%s  %s", clock(hovered->at).c_str(), hovered->text.c_str());
  }
  ImGui::End();

  // right: the session, the score, the event list
  ImGui::SetNextWindowPos(ImVec2(display.x - sideWidth, 0), ImGuiCond_Always);
  ImGui::SetNextWindowSize(ImVec2(sideWidth, display.y), ImGuiCond_Always);
  ImGui::SetNextWindowBgAlpha(0.85f);
  if (ImGui::Begin("##review", nullptr, kFixed)) {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(tr(Text::Replay, lang));
    ImGui::SameLine();
    ImGui::TextDisabled("%s", m.title.c_str());
    ImGui::TextUnformatted(m.session.c_str());
    ImGui::TextDisabled("%s", m.check.c_str());
    ImGui::Separator();
    const auto& r = m.result;
    ImGui::TextColored(r.passed ? ImVec4(0.4f, 0.95f, 0.5f, 1) : ImVec4(1, 0.35f, 0.3f, 1), "%s",
                       tr(r.passed ? Text::Passed : Text::NotPassed, lang));
    ImGui::SameLine();
    ImGui::Text("%s %g / %g", tr(Text::Score, lang), r.score, r.max);
    ImGui::Separator();
    ImGui::TextDisabled("%s", tr(Text::Events, lang));
    ImGui::BeginChild("##events");
    for (std::size_t i = 0; i < m.markers.size(); ++i) {
      const auto& mk = m.markers[i];
      const ImU32 c = markerColor(mk.kind);
      ImGui::PushStyleColor(ImGuiCol_Text, c);
      // the whole line, wrapped: a selectable as tall as the wrapped text, the text over it
      const std::string line = clock(mk.at) + "  " + mk.text;
      const float width = ImGui::GetContentRegionAvail().x;
      const ImVec2 size = ImGui::CalcTextSize(line.c_str(), nullptr, false, width);
      const ImVec2 top = ImGui::GetCursorPos();
      char id[32];
      std::snprintf(id, sizeof id, "##event%zu", i);
      const bool current = std::abs(mk.at - m.now) < 1e-3;
      if (ImGui::Selectable(id, current, 0, ImVec2(0, size.y))) req.seek = mk.at;
      const ImVec2 next = ImGui::GetCursorPos();
      ImGui::SetCursorPos(top);
      ImGui::PushTextWrapPos(top.x + width);
      ImGui::TextUnformatted(line.c_str());
      ImGui::PopTextWrapPos();
      ImGui::SetCursorPos(next);
      ImGui::PopStyleColor();
    }
    ImGui::EndChild();
    ImGui::PopTextWrapPos();
  }
  ImGui::End();
  return req;
}

}  // namespace practicum::ui
