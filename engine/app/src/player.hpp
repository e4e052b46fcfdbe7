#pragma once
// The learner's player: `practicum run` in a window. A start-up form (learner id, mode,
// language), the scene with first-person or orbit controls, the HUD of practice or exam mode,
// consequences in the scene, a pause menu, the help overlay and the end screen. A scripted
// learner (--bot) can play in the window, and --screenshot/--frames make the window path testable.
#include <filesystem>
#include <functional>
#include <memory>
#include <string>

#include <practicum/render/window.hpp>
#include <practicum/scenario/run_file.hpp>
#include <practicum/scenario/scenario.hpp>
#include <practicum/sim/session.hpp>

#include "viewer.hpp"

namespace practicum::app {

/// What the player needs from the command: the scenario, how to start, where results go.
struct PlayerSetup {
  const scenario::ScenarioDef* scenario = nullptr;
  sim::SessionOptions session;             ///< mode and seed (the form may change the mode)
  const scenario::RunFile* bot = nullptr;  ///< a scripted learner plays instead of the mouse
  double botSpeed = 1.0;                   ///< simulated seconds per real second for the bot
  bool askLearner = true;                  ///< show the start-up form
  std::string learner = "anonymous";
  ui::Language language = ui::Language::English;
  bool hud = true;                   ///< false: no UI at all (--no-overlay)
  bool cutaway = false;              ///< start with the cut-away view on
  double seconds = -1;               ///< >= 0: end the window after this much session time
  int frames = 0;                    ///< > 0: draw this many frames (after a bot), then leave
  std::filesystem::path screenshot;  ///< the last frame as PNG
  ViewerOptions viewer;
  /// The window belongs to a host (the editor's play mode): the player returns when the session
  /// has ended and the learner presses Esc, or when the window is asked to close (the host then
  /// decides); it never closes the window itself.
  bool embedded = false;
  /// Called when the session starts (after the form): starts its log.
  std::function<core::Status(const sim::Session&, const std::string& learner)> startLog;
  /// Called after every tick with its input.
  std::function<void(const sim::Session&, const sim::InputRecord&)> afterTick;
  /// Called once the window closes (or the bot fails): ends the session and its log, prints
  /// and writes the results and the screenshot (`frame`, the last captured one). `error` is
  /// what went wrong, empty when nothing did. Returns the process's exit code.
  std::function<int(sim::Session&, const render::Context*, const render::Image* frame,
                    const std::string& error)>
      finish;
};

/// Runs the player in `window` until it is closed (or --seconds/--frames say). Returns the exit
/// code; never exits the process.
int playInWindow(const PlayerSetup& setup, std::unique_ptr<render::Window> window);
/// The same in a viewer that already exists (the editor's): shows the scenario's scene in it.
int playInViewer(const PlayerSetup& setup, Viewer& viewer);

}  // namespace practicum::app
