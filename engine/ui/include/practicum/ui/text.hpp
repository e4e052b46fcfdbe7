#pragma once
/// Every piece of UI text in both of the product's languages, and the language switch.
#include <string>

#include <practicum/scenario/text.hpp>

namespace practicum::ui {

/// UI language.
enum class Language { English, ChineseSimplified };

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
  Count_
};

/// The string in a language (UTF-8; static storage).
const char* tr(Text text, Language language);
/// A scenario text in a language; falls back to the other language when it is empty.
const std::string& pick(const scenario::LocalizedText& text, Language language);
/// Every UI string of both languages, concatenated (for building a font's glyph set).
std::string everyText();
/// Language code for files and flags: "en" or "zh-CN".
const char* languageCode(Language language);

}  // namespace practicum::ui
