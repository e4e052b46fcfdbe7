#pragma once
// The inspector: every field of the selected item, edited in place. Reads the item's JSON from
// the document and turns each change into a Command (drags merge into one undo step); words the
// format knows are choices; `+ field` adds a field the item or one of its parts lacks.
#include <string>

#include <practicum/editor/document.hpp>
#include <practicum/editor/path.hpp>

namespace practicum::editor_app {

class InspectorPanel {
 public:
  /// Draws the fields of the item at `item` and applies what the user changes. Returns a
  /// message when a change was refused (empty otherwise).
  std::string draw(editor::Document& doc, const editor::Path& item);

 private:
  char fieldName_[64] = "";
  char fieldValue_[256] = "";
};

}  // namespace practicum::editor_app
