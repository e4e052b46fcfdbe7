#pragma once
/// Scripted input: events by frame, read from a text file (`--input-script FILE`), put into the
/// window's event queue as if a person had made them, so a test or a demonstration drives the
/// same path as a mouse and a keyboard (docs/input-script.md has the format).
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <practicum/core/result.hpp>
#include <practicum/render/window.hpp>

namespace practicum::present {

class InputScript {
 public:
  /// One scripted moment: the events of a frame, or a request to close the window.
  struct Entry {
    std::uint64_t frame = 0;
    render::InputEvent event;
    bool close = false;  ///< `close`: as if the window's close button was pressed
  };

  /// Reads a script; an error names the file, the line and what is wrong with it.
  static core::Result<InputScript> load(const std::filesystem::path& file);
  /// The same from text standing for `file` (for messages).
  static core::Result<InputScript> parse(std::string_view text, const std::filesystem::path& file);

  /// Puts the events of frame `frame` (the host counts frames from 0) into the window's queue,
  /// in the script's order, and asks the window to close at a `close`.
  void play(std::uint64_t frame, render::Window& window) const;
  /// Every entry, by frame (a frame's entries in the script's order).
  const std::vector<Entry>& entries() const { return entries_; }
  /// The last frame that has an entry (0 for an empty script).
  std::uint64_t lastFrame() const { return entries_.empty() ? 0 : entries_.back().frame; }

 private:
  std::vector<Entry> entries_;
};

}  // namespace practicum::present
