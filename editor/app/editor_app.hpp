#pragma once
// practicum-editor's window: the rooms (menus, outliner, assets, inspector, procedure, problems,
// assessment, viewport, dialogs) over one EditorContext, play in the editor as the player's
// mode in the same window, autosave and the title. The program's host calls frame() once per
// frame, like any mode.
#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include <practicum/present/mode.hpp>
#include <practicum/present/player.hpp>
#include <practicum/scenario/run_file.hpp>

#include "assets_panel.hpp"
#include "dialogs.hpp"
#include "editor_context.hpp"
#include "inspector_panel.hpp"
#include "menu_bar.hpp"
#include "outliner_panel.hpp"
#include "problems_panel.hpp"
#include "procedure_panel.hpp"
#include "viewport.hpp"

namespace practicum::editor_app {

class EditorApp final : public present::Mode {
 public:
  EditorApp(editor::Document document, present::Viewer& viewer, const EditorOptions& options);
  ~EditorApp() override;

  present::SceneFrame frame(const present::FrameInput& input) override;
  bool done() const override { return ctx_.quit; }
  bool settled() const override;
  /// The window was closed: a play session ends as closed and editing resumes (the document is
  /// the editor's to keep); otherwise unsaved changes are asked about first. A signal (the
  /// program is being stopped) saves unsaved work to the recovery file and leaves.
  void end(procedure::EndReason reason) override;

  /// What went wrong that the program should report (the scripted play's run file, the
  /// preview); empty when nothing did.
  const std::string& error() const { return error_; }
  /// The last play's assessment, when there was one.
  const std::optional<Assessment>& assessment() const { return assessment_; }
  /// The scripted play's (EditorOptions::playBot) assessment and whether the document was the
  /// same after it, once it has been played.
  struct ScriptedPlay {
    Assessment assessment;
    bool documentUnchanged = true;
  };
  const std::optional<ScriptedPlay>& scriptedPlay() const { return scriptedPlay_; }
  const editor::Document& document() const { return ctx_.doc; }
  /// Whether a recovery file offered at the start was neither restored nor discarded.
  bool recoveryUnanswered() const { return dialogs_.recoveryUnanswered(); }

 private:
  class PlaySink;
  void panels();
  /// The draggable inner edge of a side panel (`which`: 1 left, 2 right) at `x`: where the
  /// pointer has it while it is dragged.
  std::optional<float> edge(int which, const char* name, float x, float top, float height,
                            float width);
  /// The way back from playing (not for a scripted play): true when it was asked for.
  bool stopButton(const present::FrameInput& in);
  void shortcuts(const present::FrameInput& input);
  void startPlay(bool exam, const scenario::RunFile* bot);
  void endPlay();
  void autosave();
  void updateTitle();

  EditorContext ctx_;
  MenuBar menu_;
  OutlinerPanel outliner_;
  AssetsPanel assets_;
  InspectorPanel inspector_;
  ProcedurePanel procedure_;
  ProblemsPanel problems_;
  AssessmentPanel assessmentPanel_;
  Dialogs dialogs_;
  Viewport viewport_;
  // play in the editor: the player's mode in this window, on a copy of the scenario
  struct Play;
  std::unique_ptr<Play> play_;
  std::optional<Assessment> assessment_;
  bool showAssessment_ = false;  ///< bring the assessment tab forward after playing
  std::optional<scenario::RunFile> playBot_;
  bool botPlayed_ = false;
  std::optional<ScriptedPlay> scriptedPlay_;
  std::unique_ptr<sim::Simulation> empty_;  ///< shown while there is no valid state
  bool firstFrame_ = true;
  float leftWidth_ = 0, rightWidth_ = 0;  ///< the side panels' widths (0: not set yet)
  int draggingEdge_ = 0;                  ///< the panel edge being dragged (1, 2), or 0
  std::string error_, title_;
  std::chrono::steady_clock::time_point lastAutosave_;
};

}  // namespace practicum::editor_app
