#pragma once
// The inspector: every field of the selected item, edited in place. Reads the item's JSON from
// the document and turns each change into a Command (drags merge into one undo step).
#include <string>

#include <practicum/editor/document.hpp>

namespace practicum::editor_app {

/// Draws the fields of the item at `path` (an object) and applies what the user changes.
/// Returns a message when a change was refused (empty otherwise).
std::string drawInspector(editor::Document& doc, const std::string& path);

}  // namespace practicum::editor_app
