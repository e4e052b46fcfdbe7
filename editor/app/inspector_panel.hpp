#pragma once
// The inspector: every field of the selected item, edited in place. Reads the item's JSON from
// the document and turns each change into a Command (drags merge into one undo step). What each
// place offers comes from the format's table of fields (editor/fields.hpp): words and names of
// the document are choices, a missing required field is flagged with its `+ add`, `+ field`
// lists exactly the fields the object may still have, and each field's tooltip gives its type,
// its default and what it means.
#include <string>

#include <practicum/editor/document.hpp>
#include <practicum/editor/path.hpp>

#include "editor_context.hpp"

namespace practicum::editor_app {

class InspectorPanel {
 public:
  /// Draws the fields of the item at `item` and applies what the user changes. Returns a
  /// message when a change was refused (empty otherwise).
  std::string draw(EditorContext& ctx, const editor::Path& item);

  /// The number field being typed into (a click on a number without a drag types it).
  struct Typing {
    std::string key;     ///< its path ("entities[2].shape.radius"), empty: none
    bool focus = false;  ///< it takes the keyboard on the next frame
    bool seen = false;   ///< it was drawn this frame
  };

 private:
  Typing typing_;
};

}  // namespace practicum::editor_app
