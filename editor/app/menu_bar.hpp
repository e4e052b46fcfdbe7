#pragma once
// The editor's menus (File, Edit, View, Play) and the status line after them.
#include "editor_context.hpp"

namespace practicum::editor_app {

class MenuBar {
 public:
  void draw(EditorContext& ctx);
};

}  // namespace practicum::editor_app
