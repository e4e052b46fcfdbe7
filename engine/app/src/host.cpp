#include "host.hpp"

#include <cstdio>
#include <cstdlib>

#include <practicum/core/interrupt.hpp>

namespace practicum::app {

HostResult runMode(present::Viewer& viewer, present::Mode& mode, const HostOptions& options) {
  HostResult result;
  render::Window& window = viewer.window();
  std::uint64_t frame = 0;
  int settledFrames = 0;
  while (true) {
    if (options.script) options.script->play(frame, window);
    ++frame;
    const present::FrameInput input = viewer.beginFrame();

    // the world outside ends the mode: a signal, or the window's close button
    if (const int signal = core::interruptSignal(); signal != 0 && !mode.done()) {
      result.signal = signal;
      mode.end(procedure::EndReason::Interrupted);
    }
    if (window.shouldClose() && !mode.done()) {
      result.closed = true;
      mode.end(procedure::EndReason::Closed);
    }

    const present::SceneFrame scene = mode.frame(input);
    if (mode.settled()) ++settledFrames;
    const bool last = mode.done() || (options.frames > 0 && settledFrames >= options.frames);
    const bool capture = last && options.capture;
    if (auto drawn = viewer.endFrame(scene, capture ? &result.image : nullptr); !drawn.ok()) {
      result.error = drawn.error().message;
      if (!mode.done()) mode.end(procedure::EndReason::Stopped);
      break;
    }
    if (last) break;
  }
  window.setCursorCaptured(false);
  return result;
}

bool loadInputScript(const std::string& command, const std::string& file,
                     std::optional<present::InputScript>& script) {
  if (file.empty()) return true;
  auto loaded = present::InputScript::load(file);
  if (!loaded.ok()) {
    std::fprintf(stderr, "%s: %s\n", command.c_str(), loaded.error().message.c_str());
    return false;
  }
  script = std::move(*loaded);
  return true;
}

std::filesystem::path uiMapFromEnvironment() {
  const char* file = std::getenv("PRACTICUM_UI_MAP");
  return file ? std::filesystem::path(file) : std::filesystem::path();
}

}  // namespace practicum::app
