#include <practicum/ui/hud.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include <imgui.h>
#include <imgui_internal.h>
#include <practicum/scenario/names.hpp>

#include <practicum/ui/ui_map.hpp>

namespace practicum::ui {

using scenario::Consequence;

namespace {
constexpr ImGuiWindowFlags kPanel =
    ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
    ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
    ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoMove;

ImVec4 levelColor(AlertLevel level) {
  switch (level) {
    case AlertLevel::Critical: return {1.0f, 0.32f, 0.28f, 1.0f};
    case AlertLevel::Major: return {1.0f, 0.6f, 0.2f, 1.0f};
    case AlertLevel::Warning: return {1.0f, 0.85f, 0.3f, 1.0f};
    case AlertLevel::Info: break;
  }
  return {0.75f, 0.85f, 1.0f, 1.0f};
}

// the text broken into lines of `width` pixels in the current font, CJK punctuation kept off a
// line's wrong end (ImGui itself breaks Chinese anywhere)
std::string wrapped(const std::string& text, float width) {
  const auto advance = [](char32_t c, void*) {
    ImFont* font = ImGui::GetFont();
    return font->GetCharAdvance(static_cast<ImWchar>(c <= 0xFFFF ? c : 0xFFFD)) *
           (ImGui::GetFontSize() / font->FontSize);
  };
  return wrapText(text, width - 2.0f, advance, nullptr);
}

std::string clock(double seconds) {
  const int s = std::max(0, int(seconds));
  char buf[32];
  std::snprintf(buf, sizeof buf, "%02d:%02d", s / 60, s % 60);
  return buf;
}

}  // namespace

AlertLevel alertLevel(scenario::RuleSeverity severity) {
  switch (severity) {
    case scenario::RuleSeverity::Warning: return AlertLevel::Warning;
    case scenario::RuleSeverity::Major: return AlertLevel::Major;
    case scenario::RuleSeverity::Critical: return AlertLevel::Critical;
  }
  return AlertLevel::Warning;
}

const char* endReasonText(procedure::EndReason end, Language lang) {
  switch (end) {
    case procedure::EndReason::Completed: return tr(Text::EndCompleted, lang);
    case procedure::EndReason::Critical: return tr(Text::EndCritical, lang);
    case procedure::EndReason::TimeLimit: return tr(Text::EndTimeLimit, lang);
    case procedure::EndReason::Interrupted: return tr(Text::EndInterrupted, lang);
    case procedure::EndReason::Closed: return tr(Text::EndClosed, lang);
    default: return tr(Text::EndStopped, lang);
  }
}

void drawHud(const HudModel& h) {
  const Language lang = h.language;
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  // narrow and short enough to leave the equipment in view: the panel keeps to the top right
  // corner, the checklist shows the steps around the current one
  const float wrap = std::min(400.0f, display.x * 0.32f);

  // top right: mode, timer, task or step, checklist
  ImGui::SetNextWindowPos(ImVec2(display.x - 10, 10), ImGuiCond_Always, ImVec2(1, 0));
  ImGui::SetNextWindowBgAlpha(0.6f);
  if (ImGui::Begin("##task", nullptr, kPanel)) {
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + wrap);
    ImGui::TextColored(h.exam ? ImVec4(1.0f, 0.7f, 0.4f, 1) : ImVec4(0.5f, 0.9f, 0.6f, 1), "%s",
                       tr(h.exam ? Text::Exam : Text::Practice, lang));
    ImGui::SameLine();
    std::string time = std::string(tr(Text::Time, lang)) + " " + clock(h.seconds);
    if (h.timeLimit > 0)
      time += "   (" + clock(h.timeLimit - h.seconds) + " " + tr(Text::TimeLeft, lang) + ")";
    ImGui::TextUnformatted(time.c_str());
    ImGui::Separator();
    ImGui::TextUnformatted(h.title.c_str());
    if (h.exam) {
      // exam: the brief and the time, nothing that tells what to do next
      if (!h.brief.empty()) {
        ImGui::TextDisabled("%s", tr(Text::Task, lang));
        ImGui::TextUnformatted(wrapped(h.brief, wrap).c_str());
      }
    } else {
      if (!h.instruction.empty()) {
        ImGui::TextDisabled("%s", tr(Text::CurrentStep, lang));
        ImGui::TextColored(ImVec4(1, 1, 1, 1), "%s", wrapped(h.instruction, wrap).c_str());
        if (!h.hint.empty())
          ImGui::TextColored(
              ImVec4(0.6f, 0.85f, 1.0f, 1), "%s",
              wrapped(std::string(tr(Text::Hint, lang)) + ": " + h.hint, wrap).c_str());
      } else if (!h.checklist.empty()) {
        ImGui::TextColored(ImVec4(0.5f, 0.9f, 0.6f, 1), "%s", tr(Text::AllStepsDone, lang));
      }
      if (!h.checklist.empty()) {
        ImGui::Spacing();
        ImGui::TextDisabled("%s", tr(Text::Steps, lang));
        // a long procedure shows the steps around the current one
        constexpr std::size_t kShown = 6;
        std::size_t first = 0, last = h.checklist.size();
        if (last > kShown) {
          std::size_t current = 0;
          while (current < last && !h.checklist[current].current) ++current;
          if (current == last) current = last - 1;
          first = current > 2 ? current - 2 : 0;
          last = std::min(h.checklist.size(), first + kShown);
          first = last - kShown;
        }
        if (first > 0) ImGui::TextDisabled("  %s", format(Text::MoreSteps, lang, first).c_str());
        for (std::size_t i = first; i < last; ++i) {
          const HudStep& step = h.checklist[i];
          const ImVec4 color = step.done      ? ImVec4(0.5f, 0.85f, 0.55f, 1)
                               : step.current ? ImVec4(1, 1, 1, 1)
                                              : ImVec4(0.6f, 0.6f, 0.6f, 1);
          char number[32];
          std::snprintf(number, sizeof number, "%s %zu. ", step.done ? "[x]" : "[ ]", i + 1);
          ImGui::TextColored(color, "%s", wrapped(number + step.text, wrap).c_str());
        }
        if (last < h.checklist.size())
          ImGui::TextDisabled("  %s",
                              format(Text::MoreSteps, lang, h.checklist.size() - last).c_str());
      }
    }
    ImGui::PopTextWrapPos();
    if (uiMapEnabled()) {
      const ImVec2 p = ImGui::GetWindowPos(), s = ImGui::GetWindowSize();
      nameRect("hud.task", p.x, p.y, p.x + s.x, p.y + s.y);
    }
  }
  ImGui::End();

  // bottom left: what the pointer is on, what the hand holds
  if (!h.pointing.empty() || !h.holding.empty()) {
    ImGui::SetNextWindowPos(ImVec2(10, display.y - 10), ImGuiCond_Always, ImVec2(0, 1));
    ImGui::SetNextWindowBgAlpha(0.55f);
    if (ImGui::Begin("##pointing", nullptr, kPanel)) {
      const char* colon = lang == Language::ChineseSimplified ? "：" : ": ";
      if (!h.pointing.empty())
        ImGui::Text("%s%s%s", tr(Text::Pointing, lang), colon, h.pointing.c_str());
      if (!h.holding.empty())
        ImGui::Text("%s%s%s", tr(Text::Holding, lang), colon, h.holding.c_str());
      if (!h.placing.empty())
        ImGui::TextColored(
            h.placingFits ? ImVec4(0.5f, 0.95f, 0.55f, 1) : ImVec4(1, 0.85f, 0.4f, 1), "%s",
            h.placing.c_str());
    }
    if (uiMapEnabled()) {
      nameValue("hud.pointing", h.pointing);
      nameValue("hud.placing", h.placing);
    }
    ImGui::End();
  } else if (uiMapEnabled()) {
    nameValue("hud.pointing", "");
    nameValue("hud.placing", "");
  }

  // bottom centre: the alerts, newest at the bottom
  if (!h.alerts.empty()) {
    ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y - 60), ImGuiCond_Always,
                            ImVec2(0.5f, 1));
    ImGui::SetNextWindowBgAlpha(0.7f);
    if (ImGui::Begin("##alerts", nullptr, kPanel)) {
      ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + std::min(640.0f, display.x * 0.6f));
      const std::size_t first = h.alerts.size() > 4 ? h.alerts.size() - 4 : 0;
      const float width = std::min(640.0f, display.x * 0.6f);
      for (std::size_t i = first; i < h.alerts.size(); ++i)
        ImGui::TextColored(levelColor(h.alerts[i].level), "%s",
                           wrapped(clock(h.alerts[i].at) + "  " + h.alerts[i].text, width).c_str());
      ImGui::PopTextWrapPos();
    }
    ImGui::End();
  }
}

namespace {
// smoke, steam or sparks from a device: puffs whose paths are fixed by their index, so the same
// age always looks the same (a replay shows what the learner saw)
void drawParticles(ImDrawList* draw, const HudEffect& e) {
  const auto kind = scenario::parseConsequence(e.kind);
  if (kind == Consequence::ArcFlash) {  // sparks fly, then smoke
    HudEffect part = e;
    for (const Consequence then : {Consequence::Sparks, Consequence::Smoke}) {
      part.kind = scenario::toString(then);
      drawParticles(draw, part);
    }
    return;
  }
  const bool sparks = kind == Consequence::Sparks;
  const bool smoke = kind == Consequence::Smoke || kind == Consequence::Fire;
  const bool steam = kind == Consequence::Steam || kind == Consequence::Leak;
  if (!sparks && !smoke && !steam) return;
  const float lifetime = sparks ? 1.2f : 3.0f;
  const int count = sparks ? 40 : 24;
  const auto [x0, y0] = *e.at;
  for (int i = 0; i < count; ++i) {
    // each particle starts at its own moment of the first four seconds and lives `lifetime`
    const float start = 4.0f * float((i * 37) % count) / float(count);
    const float t = float(e.age) - start;
    if (t < 0 || t > lifetime) continue;
    const float u = t / lifetime;
    const float spread = float((i * 73) % 19) / 9.0f - 1.0f;  // -1..1
    if (sparks) {
      const float vx = spread * 220.0f, vy = -180.0f - 60.0f * float(i % 5);
      const ImVec2 p(x0 + vx * t, y0 + vy * t + 400.0f * t * t);
      draw->AddCircleFilled(p, 2.0f, IM_COL32(255, 220, 90, int(255 * (1 - u))));
    } else {
      const ImVec2 p(x0 + spread * 40.0f * u + 10.0f * std::sin(3.0f * t + float(i)),
                     y0 - 140.0f * u);
      const int grey = smoke ? 70 : 235;
      draw->AddCircleFilled(p, 8.0f + 36.0f * u,
                            IM_COL32(grey, grey, grey, int((smoke ? 170 : 120) * (1 - u))));
    }
  }
}
}  // namespace

void drawEffects(const HudModel& h, float flash) {
  ImDrawList* draw = ImGui::GetBackgroundDrawList();
  const ImVec2 size = ImGui::GetIO().DisplaySize;
  const float t = float(ImGui::GetTime());
  // the youngest effect of each kind counts
  std::vector<const HudEffect*> shown;
  for (const HudEffect& e : h.effects) {
    auto same = std::find_if(shown.begin(), shown.end(),
                             [&](const HudEffect* s) { return s->kind == e.kind; });
    if (same == shown.end())
      shown.push_back(&e);
    else if (e.age < (*same)->age)
      *same = &e;
  }
  float bannerY = size.y * 0.2f;
  bool framed = false;
  for (const HudEffect* e : shown) {
    const auto kind = scenario::parseConsequence(e->kind);
    if (kind == Consequence::ArcFlash && e->age < 2.0) {
      // a blinding blue-white flash that fades over two seconds
      const float a = float(std::pow(1.0 - e->age / 2.0, 2.0));
      draw->AddRectFilled(ImVec2(0, 0), size, IM_COL32(225, 235, 255, int(235 * a * flash)));
    }
    if (e->at) drawParticles(draw, *e);
    if (e->age >= 6.0) continue;
    // a pulsing red frame around the view, and a banner naming the consequence
    const float pulse = 0.5f + 0.5f * std::sin(t * 9.0f);
    if (!framed) {
      const ImU32 red = IM_COL32(230, 30, 20, int(90 + 120 * pulse));
      const float w = 14.0f;
      draw->AddRectFilled(ImVec2(0, 0), ImVec2(size.x, w), red);
      draw->AddRectFilled(ImVec2(0, size.y - w), size, red);
      draw->AddRectFilled(ImVec2(0, 0), ImVec2(w, size.y), red);
      draw->AddRectFilled(ImVec2(size.x - w, 0), size, red);
      framed = true;
    }
    const char* banner = kind == Consequence::ArcFlash ? tr(Text::ArcFlash, h.language)
                         : kind == Consequence::Alarm  ? tr(Text::Alarm, h.language)
                                                       : e->kind.c_str();
    ImFont* font = ImGui::GetFont();
    const float fontSize = ImGui::GetFontSize() * 2.0f;
    const ImVec2 ts = font->CalcTextSizeA(fontSize, 1e9f, 0, banner);
    const ImVec2 at(size.x * 0.5f - ts.x * 0.5f, bannerY);
    draw->AddRectFilled(ImVec2(at.x - 16, at.y - 8), ImVec2(at.x + ts.x + 16, at.y + ts.y + 8),
                        IM_COL32(160, 10, 10, int(150 + 90 * pulse)), 6.0f);
    draw->AddText(font, fontSize, at, IM_COL32(255, 255, 255, 255), banner);
    bannerY += ts.y + 24;
  }
}

void drawEndScreen(const HudModel& h) {
  if (!h.ended) return;
  const Language lang = h.language;
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.5f), ImGuiCond_Always,
                          ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowBgAlpha(0.9f);
  if (ImGui::Begin("##end", nullptr, kPanel & ~ImGuiWindowFlags_NoFocusOnAppearing)) {
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + std::min(560.0f, display.x * 0.7f));
    ImGui::TextUnformatted(tr(Text::SessionEnded, lang));
    ImGui::SameLine();
    ImGui::TextDisabled("(%s)", endReasonText(h.end, lang));
    ImGui::Separator();
    const auto& r = h.result;
    ImGui::SetWindowFontScale(1.6f);
    ImGui::TextColored(r.passed ? ImVec4(0.4f, 0.95f, 0.5f, 1) : ImVec4(1, 0.35f, 0.3f, 1), "%s",
                       tr(r.passed ? Text::Passed : Text::NotPassed, lang));
    ImGui::SetWindowFontScale(1.0f);
    ImGui::Text("%s: %g / %g    %s %s", tr(Text::Score, lang), r.score, r.max, tr(Text::Time, lang),
                clock(r.seconds).c_str());
    ImGui::Spacing();
    ImGui::TextDisabled("%s", tr(Text::Mistakes, lang));
    if (r.violations.empty()) ImGui::TextUnformatted(tr(Text::NoMistakes, lang));
    for (const auto& v : r.violations) {
      const AlertLevel level = v.kind == procedure::ViolationResult::Kind::Rule
                                   ? alertLevel(v.severity)
                                   : AlertLevel::Warning;
      const std::string& text =
          lang == Language::ChineseSimplified && !v.textZhCN.empty() ? v.textZhCN : v.textEn;
      ImGui::TextColored(
          levelColor(level), "%s  %s%s", clock(v.at).c_str(), text.c_str(),
          v.prevented ? (std::string(" (") + tr(Text::Prevented, lang) + ")").c_str() : "");
    }
    ImGui::Spacing();
    ImGui::TextDisabled("%s", tr(Text::CloseToLeave, lang));
    ImGui::PopTextWrapPos();
  }
  ImGui::End();
}

std::optional<std::uint32_t> drawToolBelt(const HudModel& h) {
  if (h.tools.empty() || h.ended) return std::nullopt;
  std::optional<std::uint32_t> clicked;
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y - 8), ImGuiCond_Always,
                          ImVec2(0.5f, 1));
  ImGui::SetNextWindowBgAlpha(0.55f);
  if (ImGui::Begin("##tools", nullptr, kPanel)) {
    for (std::size_t i = 0; i < h.tools.size(); ++i) {
      const HudTool& t = h.tools[i];
      if (i > 0) ImGui::SameLine();
      if (t.held) ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.75f, 0.5f, 0.1f, 1));
      char label[160];
      std::snprintf(label, sizeof label, "%zu  %s##tool%u", i + 1, t.name.c_str(), t.device);
      if (ImGui::Button(label)) clicked = t.device;
      nameItem("belt." + t.name);
      if (t.held) ImGui::PopStyleColor();
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", t.label.c_str());
    }
  }
  ImGui::End();
  return clicked;
}

void drawHelp(Language lang, bool replay) {
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.5f), ImGuiCond_Always,
                          ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowBgAlpha(0.92f);
  if (ImGui::Begin("##help", nullptr, kPanel)) {
    ImGui::TextUnformatted(tr(Text::HelpTitle, lang));
    ImGui::Separator();
    static constexpr Text kPlayer[] = {
        Text::HelpOperate,    Text::HelpDrag,      Text::HelpSecondary, Text::HelpTools,
        Text::HelpTurnHeld,   Text::HelpWalk,      Text::HelpLook,      Text::HelpFreeCursor,
        Text::HelpOrbit,      Text::HelpOrbitDrag, Text::HelpZoom,      Text::HelpCutaway,
        Text::HelpLabels,     Text::HelpDrop,      Text::HelpReset,     Text::HelpPause,
        Text::HelpFullscreen, Text::HelpHelp};
    static constexpr Text kReplay[] = {Text::HelpReplayPlay,
                                       Text::HelpReplaySeek,
                                       Text::HelpReplaySpeed,
                                       Text::HelpReplayCamera,
                                       Text::HelpReplayResetCamera,
                                       Text::HelpOrbitDrag,
                                       Text::HelpZoom,
                                       Text::HelpCutaway,
                                       Text::HelpLabels,
                                       Text::HelpFullscreen,
                                       Text::HelpHelp};
    if (replay)
      for (Text t : kReplay) ImGui::BulletText("%s", tr(t, lang));
    else
      for (Text t : kPlayer) ImGui::BulletText("%s", tr(t, lang));
  }
  ImGui::End();
}

PauseChoice drawPauseMenu(PauseSettings& settings, bool hideScene) {
  PauseChoice choice = PauseChoice::None;
  const Language lang = settings.language;
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  ImGui::GetBackgroundDrawList()->AddRectFilled(ImVec2(0, 0), display,
                                                IM_COL32(0, 0, 0, hideScene ? 255 : 110));
  ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.5f), ImGuiCond_Always,
                          ImVec2(0.5f, 0.5f));
  if (ImGui::Begin("##pause", nullptr, kPanel & ~ImGuiWindowFlags_NoFocusOnAppearing)) {
    ImGui::TextUnformatted(tr(Text::Paused, lang));
    ImGui::Separator();
    if (ImGui::Button(tr(Text::Resume, lang), ImVec2(220, 0))) choice = PauseChoice::Resume;
    nameItem("pause.resume");
    if (ImGui::Button(tr(Text::EndSession, lang), ImVec2(220, 0))) choice = PauseChoice::EndSession;
    nameItem("pause.end");
    ImGui::Separator();
    ImGui::TextUnformatted(tr(Text::LanguageName, lang));
    ImGui::SameLine();
    if (ImGui::RadioButton("中文", lang == Language::ChineseSimplified))
      settings.language = Language::ChineseSimplified;
    ImGui::SameLine();
    if (ImGui::RadioButton("English", lang == Language::English))
      settings.language = Language::English;
    ImGui::Checkbox(tr(Text::Vsync, lang), &settings.vsync);
    ImGui::TextDisabled("%s", tr(Text::Help, lang));
  }
  ImGui::End();
  return choice;
}

StartChoice drawStartForm(StartForm& form, const std::string& title) {
  StartChoice choice = StartChoice::None;
  const Language lang = form.language;
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.5f), ImGuiCond_Always,
                          ImVec2(0.5f, 0.5f));
  if (ImGui::Begin("##start", nullptr, kPanel & ~ImGuiWindowFlags_NoFocusOnAppearing)) {
    ImGui::TextUnformatted(title.c_str());
    ImGui::TextDisabled("%s", tr(Text::StartTitle, lang));
    ImGui::Separator();
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    ImGui::InputText(tr(Text::LearnerId, lang), form.learner, sizeof form.learner);
    nameItem("start.learner", form.learner);
    ImGui::TextUnformatted(tr(Text::Mode, lang));
    ImGui::SameLine();
    if (ImGui::RadioButton(tr(Text::Practice, lang), !form.exam)) form.exam = false;
    nameItem("start.practice", !form.exam ? "selected" : "");
    ImGui::SameLine();
    if (ImGui::RadioButton(tr(Text::Exam, lang), form.exam)) form.exam = true;
    nameItem("start.exam", form.exam ? "selected" : "");
    ImGui::TextUnformatted(tr(Text::LanguageName, lang));
    ImGui::SameLine();
    if (ImGui::RadioButton("中文", lang == Language::ChineseSimplified))
      form.language = Language::ChineseSimplified;
    nameItem("start.zh-CN");
    ImGui::SameLine();
    if (ImGui::RadioButton("English", lang == Language::English)) form.language = Language::English;
    nameItem("start.en");
    ImGui::Spacing();
    if (ImGui::Button(tr(Text::Start, lang), ImVec2(140, 0)) ||
        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter)))
      choice = StartChoice::Start;
    nameItem("start.start");
    ImGui::SameLine();
    if (ImGui::Button(tr(Text::Quit, lang), ImVec2(140, 0))) choice = StartChoice::Quit;
    nameItem("start.quit");
  }
  ImGui::End();
  return choice;
}

void drawReadings(const HudModel& h) {
  ImDrawList* draw = ImGui::GetForegroundDrawList();
  ImFont* font = ImGui::GetFont();
  const float size = ImGui::GetFontSize() * 1.15f;
  std::string shown;
  for (const auto& r : h.readings) {
    if (shown.empty()) shown = r.text;
    if (!r.at) continue;
    // a callout above and to the right of the point, fading in its last half second
    const float fade = std::clamp(float((2.0 - r.age) / 0.5), 0.0f, 1.0f);
    const ImVec2 ts = font->CalcTextSizeA(size, 1e9f, 0, r.text.c_str());
    const ImVec2 at(r.at->first + 24, r.at->second - ts.y - 30);
    draw->AddLine(ImVec2(r.at->first, r.at->second), ImVec2(at.x, at.y + ts.y + 4),
                  IM_COL32(255, 255, 255, int(200 * fade)), 2.0f);
    draw->AddRectFilled(ImVec2(at.x - 6, at.y - 4), ImVec2(at.x + ts.x + 6, at.y + ts.y + 4),
                        IM_COL32(10, 14, 20, int(225 * fade)), 4.0f);
    draw->AddRect(ImVec2(at.x - 6, at.y - 4), ImVec2(at.x + ts.x + 6, at.y + ts.y + 4),
                  IM_COL32(140, 200, 255, int(230 * fade)), 4.0f, 0, 1.5f);
    draw->AddText(font, size, at, IM_COL32(255, 255, 255, int(255 * fade)), r.text.c_str());
  }
  if (uiMapEnabled()) nameValue("hud.reading", shown);
}

void drawLabels(const std::vector<ScreenLabel>& labels) {
  ImDrawList* draw = ImGui::GetBackgroundDrawList();
  ImFont* font = ImGui::GetFont();
  const float size = ImGui::GetFontSize();
  // a label is of the scene: where a panel (the task, the tools, a side panel) lies over its
  // place it is not drawn, not even faintly through the panel's translucent background
  const ImGuiContext& g = *ImGui::GetCurrentContext();
  const auto underAPanel = [&](const ImRect& r) {
    for (const ImGuiWindow* w : g.Windows)
      if (w->WasActive && !w->Hidden && !(w->Flags & ImGuiWindowFlags_ChildWindow) &&
          !(w->Flags & ImGuiWindowFlags_NoBackground) && w->Rect().Overlaps(r))
        return true;
    return false;
  };
  // labels that would overlap one placed before rise above it, on a longer leader line, so
  // that devices close together (a padlock and a tag on a handle) are each readable
  std::vector<ImRect> placed;
  for (const auto& l : labels) {
    const ImVec2 ts = font->CalcTextSizeA(size, 1e9f, 0, l.text.c_str());
    ImRect box(ImVec2(l.x - ts.x * 0.5f - 4, l.y - ts.y - 8),
               ImVec2(l.x + ts.x * 0.5f + 4, l.y - 4));
    for (int tries = 0; tries < 6; ++tries) {
      bool clear = true;
      for (const ImRect& p : placed)
        if (p.Overlaps(box)) {
          box.TranslateY(p.Min.y - box.Max.y - 2);
          clear = false;
        }
      if (clear) break;
    }
    if (underAPanel(ImRect(box.Min, ImVec2(box.Max.x, l.y)))) continue;
    placed.push_back(box);
    draw->AddRectFilled(box.Min, box.Max,
                        l.emphasised ? IM_COL32(120, 80, 10, 220) : IM_COL32(15, 20, 28, 170),
                        3.0f);
    draw->AddLine(ImVec2(l.x, box.Max.y), ImVec2(l.x, l.y), IM_COL32(255, 255, 255, 160));
    draw->AddText(font, size, ImVec2(box.Min.x + 4, box.Min.y + 2), IM_COL32(255, 255, 255, 240),
                  l.text.c_str());
  }
}

void drawCrosshair(float x, float y) {
  ImDrawList* draw = ImGui::GetForegroundDrawList();
  draw->AddCircle(ImVec2(x, y), 5.0f, IM_COL32(255, 255, 255, 200), 16, 1.5f);
  draw->AddCircleFilled(ImVec2(x, y), 1.5f, IM_COL32(255, 255, 255, 230));
}

void drawStatusLine(const std::string& device, double frameMilliseconds, Language lang) {
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  char buf[384];
  if (frameMilliseconds > 0)
    std::snprintf(buf, sizeof buf, "%s   |   %s  |  %.1f ms (%.0f fps)", tr(Text::Help, lang),
                  device.c_str(), frameMilliseconds, 1000.0 / frameMilliseconds);
  else
    std::snprintf(buf, sizeof buf, "%s   |   %s", tr(Text::Help, lang), device.c_str());
  const ImVec2 ts = ImGui::CalcTextSize(buf);
  ImGui::GetForegroundDrawList()->AddText(ImVec2(display.x - ts.x - 10, display.y - ts.y - 6),
                                          IM_COL32(200, 205, 215, 200), buf);
}

}  // namespace practicum::ui
