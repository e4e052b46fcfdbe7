#pragma once
/// The status line every session shows: scenario, device, simulated time, frame time.
#include <cstdint>
#include <string>

namespace practicum::ui {

/// What the status panel shows.
struct StatusInfo {
  std::string title;   ///< scenario title in the UI language
  std::string device;  ///< GPU or lavapipe in use
  double simSeconds = 0;
  std::uint64_t tick = 0;
  std::uint64_t stateHash = 0;
  double frameMilliseconds = 0;  ///< 0 = unknown (headless single frame)
  bool paused = false;
  std::string help;  ///< one line of controls, empty for none
};

/// Draws the status panel in the top-left corner. Call between Overlay::newFrame and drawing.
void drawStatusPanel(const StatusInfo& info);

}  // namespace practicum::ui
