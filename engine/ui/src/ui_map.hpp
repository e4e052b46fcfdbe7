#pragma once
// The overlay's side of the UI map: starting it, and writing each frame's entries.
#include <filesystem>

namespace practicum::ui::detail {

/// Keeps a map in `file` from now on (empty: none).
void startUiMap(const std::filesystem::path& file);
/// A new frame: the entries named so far are dropped.
void beginUiMapFrame();
/// The frame is done: writes its entries (when they differ from the last written, or every
/// frame's count changed) to the file, replacing it whole.
void endUiMapFrame();

}  // namespace practicum::ui::detail
