#pragma once
// practicum-editor's window: the viewport (the engine's renderer, orbit camera, click to select,
// a move/rotate/scale gizmo with snapping, frame selected, overlays of physics shapes, zones,
// sockets and joint axes), the panels (outliner, inspector, assets, procedure, validation), play
// in editor, autosave, recovery and the unsaved-changes prompt.
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <practicum/editor/document.hpp>
#include <practicum/sim/simulation.hpp>

#include "camera_rig.hpp"
#include "viewer.hpp"

namespace practicum::editor_app {

/// How the editor was started.
struct EditorOptions {
  std::filesystem::path scenario;    ///< empty: a new scenario
  std::filesystem::path screenshot;  ///< with frames: save the last frame and leave
  int frames = 0;
  ui::Language language = ui::Language::English;
  bool validation = false;
  std::string gpu;
  double autosaveSeconds = 30;
  std::string select;  ///< an item to select at the start ("entities[3]")
  std::string panel;   ///< the right-hand tab to show first: inspector, procedure, problems
  std::filesystem::path playBot;  ///< a run file played in play mode at the start (tests)
};

/// Runs the editor until the user quits. Returns the exit code.
int runEditor(const EditorOptions& options);

}  // namespace practicum::editor_app
