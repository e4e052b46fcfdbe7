#pragma once
/// Every piece of UI text in both of the product's languages, and the language switch.
#include <cstdio>
#include <string>
#include <string_view>

#include <practicum/scenario/text.hpp>
#include <practicum/scenario/training.hpp>

namespace practicum::ui {

/// UI language (the product's: scenario texts and engine messages come in the same two).
using scenario::Language;

/// The UI's own strings. Scenario texts come with the scenario (see pick()).
enum class Text {
  Practice,
  Exam,
  Task,
  CurrentStep,
  Hint,
  Steps,
  AllStepsDone,
  Time,
  TimeLeft,
  Alerts,
  Prevented,
  Warning,
  Major,
  Critical,
  OutOfOrder,
  TimedOut,
  Locked,
  NeedsTool,
  WrongTool,
  Fault,
  Pointing,
  OutOfReach,
  Holding,
  ArcFlash,
  Alarm,
  Paused,
  Resume,
  EndSession,
  Vsync,
  Help,
  HelpTitle,
  HelpOperate,
  HelpDrag,
  HelpSecondary,
  HelpTools,
  HelpTurnHeld,
  HelpWalk,
  HelpLook,
  HelpFreeCursor,
  HelpOrbit,
  HelpOrbitDrag,
  HelpZoom,
  HelpCutaway,
  HelpLabels,
  HelpDrop,
  HelpPause,
  HelpFullscreen,
  HelpHelp,
  HelpReset,
  HelpReplayPlay,
  HelpReplaySeek,
  HelpReplaySpeed,
  HelpReplayCamera,
  SessionEnded,
  Score,
  Passed,
  NotPassed,
  Mistakes,
  NoMistakes,
  EndCompleted,
  EndCritical,
  EndTimeLimit,
  EndStopped,
  CloseToLeave,
  StartTitle,
  LearnerId,
  Mode,
  LanguageName,
  Start,
  Quit,
  Replay,
  Play,
  Pause,
  Speed,
  PreviousEvent,
  NextEvent,
  Events,
  LearnersView,
  FreeCamera,
  Learner,
  Result,
  StepDone,
  Violation,
  FaultEvent,
  EventPressed,
  EventRefused,
  EventToolTaken,
  EventToolReturned,
  EventToolUsed,
  EventGrabbed,
  EventReleased,
  EventPlaced,
  EventUnseated,
  EventLoosened,
  EventTightened,
  EndInterrupted,  ///< the end reason Interrupted (a signal: Ctrl+C, shutdown)
  EndClosed,       ///< the end reason Closed (the window was closed before the end)
  // texts with printf conversions are formats: the same conversions in both languages
  EventValveTurned,
  EventNotSeated,
  FastenerTight,
  FastenerTightUnknown,
  FastenerLoose,
  ValveOpening,
  SocketEmpty,
  SocketHolds,
  PartSeated,
  OnRack,
  InTheHand,
  LampLit,
  LampUnlit,
  DetectorLive,
  DetectorDead,
  UsedOn,
  SeatFit,
  SeatsHere,
  NotSeatedAt,
  NotTaken,
  Occupied,
  FarFromPlace,
  TurnedFromPlace,
  ValveTurnedAlert,
  Seated,
  TightenedAlert,
  LoosenedAlert,
  EventOperated,
  ToFreeCamera,
  ToLearnersView,
  HelpReplayResetCamera,
  ReplayVerified,
  ReplayDiverged,
  MoreSteps,
  // the HTML report's words (it shows both languages)
  ReportStation,
  ReportScenario,
  ReportStep,
  ReportDone,
  ReportAt,
  ReportTook,
  ReportAttempts,
  ReportPoints,
  ReportRule,
  ReportSeverity,
  ReportOutcome,
  ReportNone,
  ReportPrevented,
  ReportHappened,
  ReportEnded,
  ReportTimeline,
  ReportViolations,
  ReportKeyMoments,
  ReportTheEnd,
  ReportNoPictures,
  ReportReplay,
  ReportReplayVerified,
  ReportReplayFallback,
  ReportReplayNone,
  ReportNoEnd,
  ReportActions,
  ReportFaults,
  ReplayDivergedAt,
  Detail,
  Count_
};

/// The string in a language (UTF-8; static storage).
const char* tr(Text text, Language language);
/// A format of the table (a Text with printf conversions) filled in: format(Text::ValveOpening,
/// lang, 40) is "40% open" / "开度 40%".
template <typename... Args>
std::string format(Text text, Language language, Args... args);
/// The word for position `position` of a device in a language: the scenario's own
/// (`positionLabels`) when it gives them, else the UI table's for common positions, by the kind
/// of device ("open" of a breaker is 分闸, of a door 打开; a lock's "on" is 已挂上), else the
/// identifier itself.
std::string positionText(const scenario::DeviceDef& device, std::uint32_t position,
                         Language language);
/// Whether the UI table has a word for this identifier as a position of a device of this kind.
bool hasPositionWord(scenario::DeviceKind kind, std::string_view position);
/// A scenario text in a language; falls back to the other language when it is empty.
const std::string& pick(const scenario::LocalizedText& text, Language language);
/// Every UI string of both languages, concatenated (for building a font's glyph set).
std::string everyText();
/// Breaks `text` (UTF-8) into lines no wider than `width` as `advance` measures each code point:
/// at spaces, and between Chinese characters, but never so that closing punctuation (，。、；：？！
/// ”’）》」』】…) starts a line or opening punctuation (“‘（《「『【) ends one; a word wider than
/// the line is cut. Returns the text with '\n' at the breaks (its own newlines kept).
std::string wrapText(std::string_view text, float width, float (*advance)(char32_t, void*),
                     void* context);

/// Language code for files and flags: "en" or "zh-CN".
const char* languageCode(Language language);

/// A format of a string table filled in (the tables' tests check each format's conversions; at
/// most 1023 bytes come out).
template <typename... Args>
std::string formatted(const char* format, Args... args) {
  char buffer[1024];
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
#pragma GCC diagnostic ignored "-Wformat-security"
  std::snprintf(buffer, sizeof buffer, format, args...);
#pragma GCC diagnostic pop
  return buffer;
}

template <typename... Args>
std::string format(Text text, Language language, Args... args) {
  return formatted(tr(text, language), args...);
}

}  // namespace practicum::ui
