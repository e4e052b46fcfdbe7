#include "editor_app.hpp"

#include <unistd.h>

#include <algorithm>
#include <cmath>

#include <imgui.h>
#include <imgui_internal.h>  // closing menus on Escape

#include <practicum/core/time.hpp>
#include <practicum/editor/authoring.hpp>
#include <practicum/record/recorder.hpp>
#include <practicum/ui/ui_map.hpp>

namespace practicum::editor_app {

using Clock = std::chrono::steady_clock;
using editor::Document;
using editor::EditorText;
using editor::Path;

// a play session's log, in a temporary folder of this editor process
class EditorApp::PlaySink final : public present::SessionSink {
 public:
  core::Status begin(const sim::Session& s, const std::string& learner) override {
    const std::filesystem::path dir =
        std::filesystem::temp_directory_path() / ("practicum-editor-" + std::to_string(::getpid()));
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    record::RecorderOptions ro;
    ro.learner = learner;
    ro.station = "editor";
    file = dir / record::logFileName(s.definition().meta.id, learner, core::nowUnixMs());
    auto r = record::SessionRecorder::create(file, s, ro);
    if (!r.ok()) return r.error();
    recorder_ = std::move(*r);
    return {};
  }
  void tick(const sim::Session& s, const sim::InputRecord& in) override {
    if (recorder_) recorder_->afterTick(s, in);
  }
  core::Status end(const sim::Session& s) override {
    if (!recorder_) return {};
    return recorder_->finish(s);
  }
  std::filesystem::path file;

 private:
  std::unique_ptr<record::SessionRecorder> recorder_;
};

/// A play in the editor: the player on a copy of the scenario as it was when play began.
struct EditorApp::Play {
  scenario::ScenarioDef scenario;
  std::string before;  ///< the document's text when play began
  PlaySink sink;
  std::unique_ptr<present::PlayerMode> player;
  bool scripted = false;
  int framesAfterScript = 0;
};

EditorApp::EditorApp(Document document, present::Viewer& viewer, const EditorOptions& options)
    : ctx_(std::move(document), viewer, options) {
  lastAutosave_ = Clock::now();
  if (!options.select.empty()) ctx_.doc.select({Path(options.select)});
  // a recovery file left by a crash: the scenario's own, or a new scenario's never saved
  dialogs_.offerRecovery(Document::pendingRecovery(ctx_.doc.file()).has_value());
  if (!options.playBot.empty()) {
    scenario::RunFileResult run = scenario::loadRunFile(options.playBot);
    for (const auto& d : run.diagnostics) error_ += d.format() + "\n";
    if (run.run)
      playBot_ = std::move(run.run);
    else
      ctx_.quit = true;
  }
}

EditorApp::~EditorApp() = default;

bool EditorApp::settled() const { return !play_ && (!playBot_ || botPlayed_); }

void EditorApp::end(procedure::EndReason reason) {
  const bool playing = play_ != nullptr;
  if (playing) {
    play_->player->end(reason);
    endPlay();
  }
  if (reason == procedure::EndReason::Interrupted) {
    // stopped from outside: unsaved work goes to the recovery file, offered at the next start
    if (ctx_.doc.dirty() && !ctx_.options.automated)
      if (auto s = ctx_.doc.autosave(); !s.ok())
        error_ = editor::format(EditorText::AutosaveFailed, ui::Language::English,
                                s.error().message.c_str());
    ctx_.quit = true;
    return;
  }
  // closing the window: play ends and editing resumes; unsaved changes are asked about
  ctx_.viewer.window().cancelClose();
  if (reason == procedure::EndReason::Closed && !playing) {
    if (ctx_.doc.dirty() && !ctx_.options.automated)
      ctx_.closeAsked = true;
    else
      ctx_.quit = true;
  }
}

present::SceneFrame EditorApp::frame(const present::FrameInput& in) {
  // playing: the player has the window
  if (play_) {
    present::SceneFrame scene = play_->player->frame(in);
    if (!play_->scripted && stopButton(in)) play_->player->end(procedure::EndReason::Stopped);
    // a scripted play comes back to editing two frames after its learner is done
    if (play_->scripted && play_->player->settled() && ++play_->framesAfterScript > 2)
      play_->player->end(procedure::EndReason::Stopped);
    if (play_->player->done()) {
      // what was drawn belongs to the play session: draw the editor's scene this frame
      endPlay();
      scene = {};
    } else {
      return scene;
    }
  }

  ctx_.refreshPreview();
  // Escape closes an open menu, a list or a context menu (a dialog answers it itself)
  if (in.pressed(render::kKeyEscape) && ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId) &&
      !ImGui::GetTopMostPopupModal())
    ImGui::ClosePopupToLevel(0, true);
  shortcuts(in);
  viewport_.keys(ctx_, in);
  menu_.draw(ctx_);
  panels();
  viewport_.frame(ctx_, in);
  dialogs_.draw(ctx_);
  autosave();
  updateTitle();

  if (ctx_.playRequest) {
    const bool exam = *ctx_.playRequest;
    ctx_.playRequest.reset();
    startPlay(exam, nullptr);
  } else if (playBot_ && !botPlayed_ && ctx_.preview) {
    // a scripted learner in play mode, once (tests)
    botPlayed_ = true;
    startPlay(playBot_->exam, &*playBot_);
  }

  // the scene: the document's last valid state, the selection highlighted; with no valid state
  // yet, an empty room
  present::SceneFrame f;
  f.eye = ctx_.rig.camera();
  if (ctx_.preview) {
    f.simulation = ctx_.preview.get();
    f.looks.resize(ctx_.preview->entityCount());
    for (const auto& item : ctx_.doc.selection())
      if (const auto e = ctx_.entityOf(item); e && *e < f.looks.size())
        f.looks[*e].highlight = 0.5f;
  } else {
    if (!empty_) {
      const auto room = Document::create("empty", {"空", "empty"});
      if (room.scenario())
        if (auto sim = sim::Simulation::create(*room.scenario()); sim.ok())
          empty_ = std::move(*sim);
    }
    f.simulation = empty_.get();
  }
  return f;
}

bool EditorApp::stopButton(const present::FrameInput& in) {
  // back to editing at any time: a button at the top of the window, or Shift+F5
  const bool shift =
      in.after.keyDown(render::kKeyLeftShift) || in.after.keyDown(render::kKeyRightShift);
  bool stop = shift && in.pressed(render::kKeyF1 + 4);
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, 4), ImGuiCond_Always, ImVec2(0.5f, 0));
  ImGui::SetNextWindowBgAlpha(0.7f);
  const ImGuiWindowFlags flags =
      ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_AlwaysAutoResize |
      ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing;
  if (ImGui::Begin("##play", nullptr, flags)) {
    if (ImGui::Button(ctx_.tr(EditorText::StopPlaying))) stop = true;
    ui::nameItem("play.stop");
  }
  ImGui::End();
  return stop;
}

void EditorApp::shortcuts(const present::FrameInput& in) {
  if (in.uiKeyboard) return;
  Document& doc = ctx_.doc;
  const bool shift =
      in.after.keyDown(render::kKeyLeftShift) || in.after.keyDown(render::kKeyRightShift);
  if (in.pressedWithControl(render::kKeyS)) ctx_.save();
  if (in.pressedWithControl(render::kKeyZ)) shift ? (void)doc.redo() : (void)doc.undo();
  if (in.pressedWithControl(render::kKeyY)) (void)doc.redo();
  if (in.pressedWithControl(render::kKeyD))
    if (const auto e = ctx_.selectedEntity()) ctx_.apply(editor::duplicateEntity(doc, *e));
}

void EditorApp::panels() {
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  const float top = ImGui::GetFrameHeight();
  // the side panels start at a third of the window between them, and their inner edges can be
  // dragged (each from 200 px to 45 % of the window)
  const float standard = std::min(340.0f, display.x * 0.27f);
  const auto clampWidth = [&](float& w) {
    if (w <= 0) w = standard;
    w = std::clamp(w, std::min(200.0f, display.x * 0.2f), display.x * 0.45f);
  };
  clampWidth(leftWidth_);
  clampWidth(rightWidth_);
  const float left = leftWidth_, right = rightWidth_;
  // the scene is drawn between the panels, under the menu
  ctx_.viewer.setSceneRegion(VkRect2D{{std::int32_t(left), std::int32_t(top)},
                                      {std::uint32_t(std::max(display.x - left - right, 16.0f)),
                                       std::uint32_t(std::max(display.y - top, 16.0f))}});
  const ImGuiWindowFlags fixed = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                 ImGuiWindowFlags_NoCollapse |
                                 ImGuiWindowFlags_NoBringToFrontOnFocus;

  // left: the outliner and the assets
  ImGui::SetNextWindowPos(ImVec2(0, top), ImGuiCond_Always);
  ImGui::SetNextWindowSize(ImVec2(left, display.y - top), ImGuiCond_Always);
  const std::string outliner = std::string(ctx_.tr(EditorText::Outliner)) + "###Outliner";
  if (ImGui::Begin(outliner.c_str(), nullptr, fixed)) {
    nameLabel("panel.Outliner", ctx_.tr(EditorText::Outliner));
    outliner_.draw(ctx_);
    assets_.draw(ctx_);
  }
  ImGui::End();

  // right: the inspector, the procedure, the problems, the assessment
  ImGui::SetNextWindowPos(ImVec2(display.x - right, top), ImGuiCond_Always);
  ImGui::SetNextWindowSize(ImVec2(right, display.y - top), ImGuiCond_Always);
  const std::string inspectorTitle = std::string(ctx_.tr(EditorText::Inspector)) + "###Inspector";
  if (ImGui::Begin(inspectorTitle.c_str(), nullptr, fixed)) {
    nameLabel("panel.Inspector", ctx_.tr(EditorText::Inspector));
    if (ImGui::BeginTabBar("##right")) {
      // the tab asked for on the command line (the first frame), or by a click elsewhere
      const std::string show = firstFrame_ ? ctx_.options.panel : ctx_.showTab;
      ctx_.showTab.clear();
      const auto first = [&](const char* name) {
        return show == name ? ImGuiTabItemFlags_SetSelected : 0;
      };
      // each tab's words in the editor's language, its ID the same in every language
      const auto tab = [&](EditorText label, const char* id, const char* name) {
        const std::string title = std::string(ctx_.tr(label)) + "###" + id;
        const bool open = ImGui::BeginTabItem(title.c_str(), nullptr, first(name));
        nameLabel(std::string("tab.") + id, ctx_.tr(label));
        return open;
      };
      const bool inspector = tab(EditorText::Inspector, "Inspector", "inspector");
      ui::nameItem("tab.Inspector", inspector ? "open" : "");
      if (inspector) {
        if (ctx_.doc.selection().empty())
          ImGui::TextDisabled("%s", ctx_.tr(EditorText::SelectSomething));
        else if (auto refused = inspector_.draw(ctx_, ctx_.doc.selection()[0]); !refused.empty())
          ctx_.status = refused;
        ImGui::EndTabItem();
      }
      const bool procedure = tab(EditorText::Procedure, "Procedure", "procedure");
      ui::nameItem("tab.Procedure", procedure ? "open" : "");
      if (procedure) {
        procedure_.draw(ctx_);
        ImGui::EndTabItem();
      }
      const std::string count =
          std::to_string(ctx_.doc.diagnostics().size() + ctx_.doc.runDiagnostics().size());
      const std::string shown = ctx_.format(EditorText::ProblemsTab, count.c_str());
      const std::string title = shown + "###problems";
      const bool problems = ImGui::BeginTabItem(title.c_str(), nullptr, first("problems"));
      ui::nameItem("tab.Problems", count);
      nameLabel("tab.Problems", shown);
      if (problems) {
        problems_.draw(ctx_);
        ImGui::EndTabItem();
      }
      if (assessment_) {
        const std::string assessment =
            std::string(ctx_.tr(EditorText::Assessment)) + "###Assessment";
        const bool open = ImGui::BeginTabItem(assessment.c_str(), nullptr,
                                              showAssessment_ ? ImGuiTabItemFlags_SetSelected : 0);
        ui::nameItem("tab.Assessment");
        nameLabel("tab.Assessment", ctx_.tr(EditorText::Assessment));
        if (open) {
          showAssessment_ = false;
          assessmentPanel_.draw(*assessment_, ctx_.options.language);
          ImGui::EndTabItem();
        }
      }
      ImGui::EndTabBar();
    }
  }
  ImGui::End();
  if (const auto x = edge(1, "panel.left-edge", left, top, display.y - top, left)) leftWidth_ = *x;
  if (const auto x = edge(2, "panel.right-edge", display.x - right, top, display.y - top, right))
    rightWidth_ = display.x - *x;
  firstFrame_ = false;
}

std::optional<float> EditorApp::edge(int which, const char* name, float x, float top, float height,
                                     float width) {
  // a thin strip over a panel's inner edge, above the panels; a press on it (even one that came
  // with the pointer, before any hover) drags the edge to the pointer until the button is let go
  constexpr float kGrip = 8;
  const ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos(ImVec2(x - kGrip / 2, top), ImGuiCond_Always);
  ImGui::SetNextWindowSize(ImVec2(kGrip, height), ImGuiCond_Always);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowMinSize, ImVec2(1, 1));
  if (ImGui::Begin(name, nullptr,
                   ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoBackground |
                       ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                       ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoFocusOnAppearing)) {
    ImGui::InvisibleButton("##edge", ImVec2(kGrip, height));
    const ImVec2 at = io.MouseClickedPos[0];
    if (io.MouseClicked[0] && std::abs(at.x - x) <= kGrip / 2 && at.y >= top &&
        !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId))
      draggingEdge_ = which;
    if (!io.MouseDown[0] && draggingEdge_ == which) draggingEdge_ = 0;
    if (ImGui::IsItemHovered() || draggingEdge_ == which)
      ImGui::GetWindowDrawList()->AddLine(ImVec2(x, top), ImVec2(x, top + height),
                                          ImGui::GetColorU32(ImGuiCol_SeparatorActive), 3);
    ui::nameItem(name, std::to_string(int(width)));
  }
  ImGui::End();
  ImGui::PopStyleVar(2);
  if (draggingEdge_ != which) return std::nullopt;
  return io.MousePos.x;
}

void EditorApp::startPlay(bool exam, const scenario::RunFile* bot) {
  if (!ctx_.doc.valid()) return;
  auto play = std::make_unique<Play>();
  play->scenario = *ctx_.doc.scenario();
  play->before = ctx_.doc.text();
  play->scripted = bot != nullptr;
  present::PlayerConfig config;
  config.scenario = &play->scenario;
  config.session.mode = exam ? sim::Mode::Exam : sim::Mode::Practice;
  config.askLearner = false;
  config.learner = "editor";
  config.language = ctx_.options.language;
  if (bot) {
    config.bot = bot;
    config.botSpeed = 1000;
  }
  auto player = present::PlayerMode::create(config, ctx_.viewer, play->sink);
  if (!player.ok()) {
    ctx_.status = ctx_.format(EditorText::CannotPlay, player.error().message.c_str());
    if (bot) error_ = ctx_.status;
    if (ctx_.preview) (void)ctx_.viewer.show(*ctx_.preview);
    return;
  }
  play->player = std::move(*player);
  ctx_.viewer.setSceneRegion(std::nullopt);  // the player has the whole window
  play_ = std::move(play);
}

void EditorApp::endPlay() {
  if (!play_) return;
  std::unique_ptr<Play> play = std::move(play_);
  const present::PlayerMode& player = *play->player;
  const bool unchanged = ctx_.doc.text() == play->before;
  if (player.outcome().started) {
    assessment_ = Assessment{player.session().result(), play->sink.file.string()};
    showAssessment_ = true;
    ctx_.status = ctx_.tr(assessment_->result.passed ? EditorText::PlayedPassed
                                                     : EditorText::PlayedNotPassed);
    if (play->scripted) scriptedPlay_ = ScriptedPlay{*assessment_, unchanged};
  }
  if (!player.outcome().error.empty()) {
    ctx_.status = player.outcome().error;
    if (play->scripted) error_ = player.outcome().error;
  }
  if (!unchanged) ctx_.status += ctx_.tr(EditorText::ChangedDuringPlay);
  // back to editing: the editor's own scene again
  ctx_.viewer.window().setCursorCaptured(false);
  ctx_.viewer.window().cancelClose();
  if (ctx_.preview) (void)ctx_.viewer.show(*ctx_.preview);
}

void EditorApp::autosave() {
  if (!ctx_.doc.dirty() || ctx_.options.automated) return;  // tests leave no recovery files
  if (Clock::now() - lastAutosave_ < std::chrono::duration<double>(ctx_.options.autosaveSeconds))
    return;
  lastAutosave_ = Clock::now();
  if (auto s = ctx_.doc.autosave(); !s.ok())
    ctx_.status = ctx_.format(EditorText::AutosaveFailed, ctx_.message(s.error().message).c_str());
}

void EditorApp::updateTitle() {
  const Document& doc = ctx_.doc;
  const std::string title =
      ctx_.format(EditorText::WindowTitle,
                  doc.file().empty() ? ctx_.tr(EditorText::NewScenarioName)
                                     : doc.file().parent_path().string().c_str(),
                  doc.dirty() ? " *" : "");
  if (title != title_) {
    ctx_.viewer.window().setTitle(title);
    title_ = title;
  }
}

}  // namespace practicum::editor_app
