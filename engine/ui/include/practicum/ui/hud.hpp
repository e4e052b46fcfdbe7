#pragma once
/// The learner's heads-up display as plain data (present::makeHud builds it from a session, so
/// it is testable without a window) and its drawing with Dear ImGui.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <practicum/core/math.hpp>
#include <practicum/procedure/procedure.hpp>
#include <practicum/ui/text.hpp>

namespace practicum::ui {

/// How loud an alert is.
enum class AlertLevel : std::uint8_t { Info, Warning, Major, Critical };

/// The alert level of a rule's severity.
AlertLevel alertLevel(scenario::RuleSeverity severity);

/// One alert: a violation, a hazard, a refused operation, a fault.
struct HudAlert {
  std::string text;
  AlertLevel level = AlertLevel::Info;
  double at = 0;  ///< session seconds
};

/// One line of the practice checklist.
struct HudStep {
  std::string text;
  bool done = false;
  bool current = false;  ///< available and not done
};

/// A consequence the scene shows (a rule's "consequence": "arc-flash", "alarm", ...).
struct HudEffect {
  std::string kind;
  double age = 0;                             ///< seconds since it happened
  std::optional<std::uint32_t> device;        ///< the device whose operation caused it, if any
  std::optional<std::pair<float, float>> at;  ///< where that device is on the screen (pixels),
                                              ///< filled in by whoever knows the camera
};

/// What an instrument reads where it was used (a voltage detector at a test point), shown there
/// for a moment.
struct HudReading {
  std::string text;
  double age = 0;                             ///< seconds since the use
  std::uint32_t device = 0;                   ///< the device it was used on
  std::optional<std::pair<float, float>> at;  ///< where that device is on the screen (pixels)
};

/// A tool of the scenario, on the tool belt.
struct HudTool {
  std::uint32_t device = 0;
  std::string name;   ///< "VD1"
  std::string label;  ///< in the UI language
  bool held = false;
};

/// Everything the HUD shows for one frame.
struct HudModel {
  Language language = Language::English;
  bool exam = false;
  std::string title, brief;        ///< scenario title and task brief
  double seconds = 0;              ///< session time
  double timeLimit = 0;            ///< 0 = none
  std::string instruction;         ///< practice: the current step's text
  std::string hint;                ///< practice: the current step's hint
  std::vector<HudStep> checklist;  ///< practice only
  std::vector<HudAlert> alerts;    ///< the recent ones, newest last
  std::vector<HudEffect> effects;  ///< recent consequences
  std::string pointing;      ///< the device under the pointer: its label and state (a position, a
                             ///< fastener's turns and torque, a valve's opening, a socket's part)
  std::string placing;       ///< carrying a part: how it fits the nearest socket that takes it
  bool placingFits = false;  ///< letting go now seats it
  std::vector<HudReading> readings;  ///< instruments' readings where they were used
  std::string holding;               ///< the tool in the hand
  std::vector<HudTool> tools;        ///< the tool belt: every tool of the scenario
  bool ended = false;
  procedure::EndReason end = procedure::EndReason::None;
  procedure::SessionResult result;  ///< when ended
};

/// Why a session ended, in words ("All steps completed", ...).
const char* endReasonText(procedure::EndReason end, Language language);

/// Draws the HUD panels (task/step/checklist, timer, alerts, pointing/holding). Call between
/// Overlay::newFrame and drawing.
void drawHud(const HudModel& hud);
/// Draws the instruments' readings beside the devices they were used on (where `at` is known).
void drawReadings(const HudModel& hud);
/// Draws the consequence effects: an arc flash whites the screen out; smoke, sparks and steam
/// rise from the device (where `at` is known); every consequence pulses a red frame and names
/// itself in a banner for six seconds.
/// `flash` scales the arc flash's whiteout (a review keeps the scene visible with less).
void drawEffects(const HudModel& hud, float flash = 1.0f);
/// Draws the end screen: score, passed or not, the mistakes.
void drawEndScreen(const HudModel& hud);
/// Draws the tool belt along the bottom; returns the tool (device index) the learner clicked,
/// to reach for it on its rack (or to put the held one back).
std::optional<std::uint32_t> drawToolBelt(const HudModel& hud);
/// Draws the controls overlay (F1). `replay` lists the replay controls instead of the player's.
void drawHelp(Language language, bool replay);

/// What the pause menu asks for.
enum class PauseChoice { None, Resume, EndSession };
/// What the pause menu lets the learner change.
struct PauseSettings {
  Language language = Language::English;
  bool vsync = true;
};
/// Draws the pause menu (resume, end the session, language, vsync); `hideScene` covers the scene
/// entirely (an exam's pause is not time to study the equipment).
PauseChoice drawPauseMenu(PauseSettings& settings, bool hideScene);

/// The start-up form's fields.
struct StartForm {
  char learner[64] = "";
  bool exam = false;
  Language language = Language::English;
};
/// What the start-up form asks for.
enum class StartChoice { None, Start, Quit };
/// Draws the start-up form (learner id, mode, language).
StartChoice drawStartForm(StartForm& form, const std::string& title);

/// A text label on a piece of equipment, at a point on the screen.
struct ScreenLabel {
  std::string text;
  float x = 0, y = 0;
  bool emphasised = false;  ///< the device under the pointer
};
/// Draws equipment labels behind every window.
void drawLabels(const std::vector<ScreenLabel>& labels);

/// Draws the aiming mark where the pointer is when the cursor is captured (mouse look).
void drawCrosshair(float x, float y);

/// A line of the status panel: device in use and frame time.
void drawStatusLine(const std::string& device, double frameMilliseconds, Language language);

}  // namespace practicum::ui
