#pragma once
// The outliner (left): the scenario's own fields, its rubric, and one list per kind of item
// (entities, devices, steps, rules, ...) with search, select, rename, duplicate, delete,
// reorder and `+ add` from a template.
#include <cstddef>
#include <string>

#include <practicum/editor/path.hpp>

#include "editor_context.hpp"

namespace practicum::editor_app {

/// A list the outliner shows: where it is, its title, the key that names its items, and the
/// JSON of a new item (NAME is replaced by a free name, ENTITY by the first entity's).
struct ItemList {
  const char* path;
  editor::EditorText title;
  const char* nameKey;
};

/// Every list of the format, in the outliner's order.
const std::vector<ItemList>& itemLists();
/// The list at `path` ("procedure.steps").
const ItemList& itemList(std::string_view path);
/// Adds a new item to `list` (what the format's table requires there, editor::newElement; an
/// entity with a box and a static body) and selects it.
void addItem(EditorContext& ctx, const ItemList& list);

class OutlinerPanel {
 public:
  void draw(EditorContext& ctx);

 private:
  void commitRename(EditorContext& ctx, const ItemList& list, std::size_t index);
  void duplicate(EditorContext& ctx, const ItemList& list, std::size_t index);
  char search_[64] = "";
  editor::Path renaming_;
  bool isRenaming_ = false;
  char rename_[128] = "";
};

}  // namespace practicum::editor_app
