#pragma once
/// The editor's own words in both of the product's languages, as practicum/ui/text.hpp has the
/// player's: its menus, panels, buttons, dialogs and status lines, the inspector's names and
/// descriptions of the format's fields, and the labels of its commands (Edit > Undo ...).
/// Scenario identifiers (an entity's name, a device's position) and the scenario's own texts are
/// shown as they are.
#include <cstdio>
#include <string>
#include <string_view>

#include <practicum/scenario/fields.hpp>
#include <practicum/ui/text.hpp>

namespace practicum::editor {

/// The editor's strings. Texts with printf conversions are formats: the same conversions, in
/// the same order, in both languages.
enum class EditorText {
  // menus
  MenuFile,
  MenuEdit,
  MenuView,
  MenuPlay,
  New,
  Open,
  Save,
  SaveAs,
  Quit,
  Duplicate,
  Delete,
  PhysicsShapes,
  Zones,
  Sockets,
  JointAxes,
  FrameSelected,
  Snap,
  Practice,
  Exam,
  ToolMove,
  ToolRotate,
  ToolScale,
  Unsaved,
  // panels and tabs
  Outliner,
  Inspector,
  Procedure,
  Assessment,
  SelectSomething,
  NothingSelected,
  ScenarioHeading,
  Assets,
  SaveFirst,
  Import,
  Search,
  Scenario,
  Rubric,
  Entities,
  Devices,
  Steps,
  Rules,
  Faults,
  Indicators,
  Variables,
  Joints,
  Materials,
  Rename,
  MoveUp,
  MoveDown,
  AddItem,
  AddField,
  AddStep,
  NothingToChoose,
  NoChoice,
  DeleteField,
  NoProblems,
  Passed,
  NotPassed,
  StopPlaying,
  NewScenarioName,
  TextZh,
  TextEn,
  HintZh,
  HintEn,
  StepId,
  Points,
  Done,
  After,
  AfterHint,
  TabCompletes,
  ViewportErrors,
  ViewportLastValid,
  // dialogs
  RenameInTexts,
  KeepThem,
  RestoreTitle,
  ANewScenario,
  Restore,
  DiscardThem,
  SaveChangesTitle,
  TheNewScenario,
  DontSave,
  Cancel,
  NewScenarioTitle,
  OpenScenarioTitle,
  SaveAsTitle,
  DialogId,
  TitleZh,
  TitleEn,
  ScenarioFolder,
  Ok,
  ChangedDuringPlay,
  PlayedPassed,
  PlayedNotPassed,
  SnapGrid,
  SnapAngle,
  ModelFileHint,
  // texts with printf conversions: the same conversions in both languages
  UndoLabel,
  RedoLabel,
  ProblemsTab,
  Required,
  NullValue,
  ScoreLine,
  StepLine,
  ViolationLine,
  LogLine,
  Saved,
  NotSaved,
  CannotPlay,
  AutosaveFailed,
  WindowTitle,
  OneTextStillSays,
  TextsStillSay,
  WriteThere,
  RecoveryMessage,
  SaveBeforeClosing,
  NoNameStarts,
  ColumnError,
  Count_
};

/// The string in a language (UTF-8; static storage).
const char* tr(EditorText text, ui::Language language);
/// A format of the table filled in: format(EditorText::Saved, lang, "a/scenario.json").
template <typename... Args>
std::string format(EditorText text, ui::Language language, Args... args);

/// What the inspector calls a field of the format (its JSON key `name`): the key itself in
/// English, a word of the language otherwise; a key the table does not know is shown as it is.
std::string fieldLabel(std::string_view name, ui::Language language);
/// The name of a field's type ("number", "数值").
std::string typeName(scenario::FieldType type, ui::Language language);
/// describeField (fields.hpp) in a language: its type, whether it is required or its default,
/// and its help; in Chinese it starts with the field's key (the label is a Chinese word).
std::string describeField(const scenario::FieldSpec& spec, ui::Language language);
/// A field's help (FieldSpec::help) in a language; the English help when the table has none.
std::string fieldHelp(std::string_view help, ui::Language language);
/// Whether the table has the help in Chinese (tests: every help of the format is translated).
bool hasFieldHelp(std::string_view help);
/// Whether the table has a Chinese word for this field key.
bool hasFieldLabel(std::string_view name);

/// A command's label or a message of the editor's library (English, with names in it: "Delete
/// entity QS1", "a name cannot be empty") in a language: the Chinese of the form it has, the
/// names kept; the English as it is when the form is not in the table.
std::string message(std::string_view english, ui::Language language);

/// Every string the editor may show of both languages, concatenated (for the font's glyphs).
std::string everyEditorText();

template <typename... Args>
std::string format(EditorText text, ui::Language language, Args... args) {
  return ui::formatted(tr(text, language), args...);
}

}  // namespace practicum::editor
