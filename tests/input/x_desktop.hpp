#pragma once
/// Real input for window tests: a private X server (Xvfb) per test, the program under test
/// started on it as a child process, and xdotool sending it real X events (XTEST: the same path
/// a mouse and a keyboard take). Where to click comes from the program's UI map
/// (PRACTICUM_UI_MAP, docs/input-script.md), read back every frame.
#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "child_process.hpp"
#include "ui_map_file.hpp"

namespace practicum::test {

/// A private X server and a program on it, driven with real input events.
class XDesktop {
 public:
  XDesktop();
  ~XDesktop();
  XDesktop(const XDesktop&) = delete;
  XDesktop& operator=(const XDesktop&) = delete;

  /// Starts Xvfb on a free display (width x height). Empty on success, otherwise why not.
  std::string startServer(int width = 1280, int height = 800);
  /// The display, ":N".
  const std::string& display() const { return display_; }

  /// Starts `argv` on the display with the UI map on and `env` added; waits for its window.
  /// Empty on success, otherwise why not (with the program's output).
  std::string startProgram(const std::vector<std::string>& argv,
                           const std::vector<std::string>& env = {});
  /// The program's output so far (stdout and stderr).
  std::string output() const;
  /// Waits up to `timeout` for the program to end; its exit code, or -1.
  int waitForExit(std::chrono::milliseconds timeout);
  /// The program's process.
  Child& program() { return program_; }

  /// The UI map as the program last wrote it.
  std::optional<UiMap> map() const;
  /// Waits until the map satisfies `ready` (or `timeout`); the map that did, or nullopt.
  std::optional<UiMap> waitFor(const std::function<bool(const UiMap&)>& ready,
                               std::chrono::milliseconds timeout = std::chrono::seconds(20));
  /// Waits until `name` is on the map (and, when given, shows `value`); its place.
  std::optional<UiItem> waitForItem(const std::string& name,
                                    std::optional<std::string> value = std::nullopt,
                                    std::chrono::milliseconds timeout = std::chrono::seconds(20));
  /// Waits until the program has drawn `frames` more frames (so events sent before are seen).
  bool waitFrames(int frames = 2);

  /// Runs xdotool with `arguments` on the display; its output, or nullopt when it failed.
  std::optional<std::string> xdotool(const std::string& arguments);
  /// Moves the pointer to window pixel (x, y) and waits until the program has seen it.
  bool moveTo(int x, int y);
  /// A quick click: press and release back to back (well under 5 ms apart) where the pointer
  /// is. `button` 1 left, 2 middle, 3 right.
  bool click(int button = 1);
  /// moveTo(x, y), then click(button).
  bool clickAt(int x, int y, int button = 1);
  /// A held drag with the left button from (x0, y0) to (x1, y1) in `steps` moves.
  bool drag(int x0, int y0, int x1, int y1, int steps = 8);
  /// Types `text` as key presses, `delayMs` apart (0: back to back). Text outside the keyboard's
  /// layout (Chinese) needs a delay: xdotool maps each such character onto a spare key code for
  /// the moment it types it, and a program that reads the key map late sees the next one.
  bool type(const std::string& text, int delayMs = 0);
  /// Presses a key combination ("ctrl+s", "Escape", "Return").
  bool key(const std::string& combination);

 private:
  Child server_;
  Child program_;
  std::string display_;
  std::string window_;  ///< the program's X window id
  std::filesystem::path dir_, mapFile_, outputFile_;
};

}  // namespace practicum::test
