#pragma once
// The assessor's after-action review: `practicum replay <log>` in a window. The session is
// re-simulated exactly from its log and shown with a timeline (steps, violations, faults), an
// event list, the score, and the learner's own view or a free camera.
#include <filesystem>
#include <memory>
#include <optional>

#include <practicum/record/log.hpp>
#include <practicum/record/replay.hpp>
#include <practicum/render/window.hpp>
#include <practicum/scenario/scenario.hpp>

#include "viewer.hpp"

namespace practicum::app {

/// What the review needs.
struct ReviewSetup {
  std::filesystem::path file;  ///< the log, for the title
  const record::LogContents* log = nullptr;
  const scenario::ScenarioDef* scenario = nullptr;
  const record::ReplayReport* report = nullptr;  ///< the full replay's check and result
  ui::Language language = ui::Language::English;
  std::optional<double> at;          ///< start paused at this session time
  std::optional<std::size_t> event;  ///< start paused at this event (index in the list)
  double speed = 1.0;
  int frames = 0;  ///< > 0: draw this many frames, then leave
  std::filesystem::path screenshot;
  ViewerOptions viewer;
};

/// Runs the review until the window is closed (or --frames say). Returns the exit code.
int reviewInWindow(const ReviewSetup& setup, std::unique_ptr<render::Window> window);

}  // namespace practicum::app
