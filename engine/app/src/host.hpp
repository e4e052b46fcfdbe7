#pragma once
// The frame loop of the `practicum` command's windows: the host owns it and calls the mode
// (the player or the review) once per frame. It plays an input script into the window's queue,
// ends the mode when the window is closed or the program is interrupted, draws a fixed number
// of frames when asked, and captures the last for a screenshot.
#include <filesystem>
#include <string>

#include <practicum/present/input_script.hpp>
#include <practicum/present/mode.hpp>
#include <practicum/present/viewer.hpp>
#include <practicum/render/image.hpp>

namespace practicum::app {

/// How the host runs a mode.
struct HostOptions {
  int frames = 0;                                ///< > 0: leave after this many settled frames
  bool capture = false;                          ///< read the last frame back (screenshot)
  const present::InputScript* script = nullptr;  ///< scripted input, by frame
};

/// What the loop ended with.
struct HostResult {
  render::Image image;  ///< the last frame, when captured
  std::string error;    ///< drawing failed
  bool closed = false;  ///< the window was closed
  int signal = 0;       ///< the program was interrupted by this signal
};

/// Runs `mode` in `viewer` until it is done, the window closes, a signal arrives, or the frames
/// asked for are drawn.
HostResult runMode(present::Viewer& viewer, present::Mode& mode, const HostOptions& options);

/// Reads `--input-script FILE` when given; prints its error and returns false when it is bad.
bool loadInputScript(const std::string& command, const std::string& file,
                     std::optional<present::InputScript>& script);

/// Where the UI map goes: $PRACTICUM_UI_MAP, empty when unset.
std::filesystem::path uiMapFromEnvironment();

}  // namespace practicum::app
