#pragma once
// The Procedure tab: the steps in order (move, delete), their texts and hints in both languages,
// their prerequisites, and the condition that completes each, with completion of the names it
// may use and its error as it is typed.
#include <optional>
#include <string>
#include <vector>

#include <practicum/editor/path.hpp>
#include <practicum/scenario/condition.hpp>

#include "editor_context.hpp"

namespace practicum::editor_app {

class ProcedurePanel {
 public:
  void draw(EditorContext& ctx);

 private:
  void pointsField(EditorContext& ctx, const editor::Path& path);
  void idField(EditorContext& ctx, std::size_t index, const editor::Path& path);
  void textField(EditorContext& ctx, editor::EditorText label, const editor::Path& path);
  void afterField(EditorContext& ctx, const editor::Path& step);
  void conditionField(EditorContext& ctx, editor::EditorText label, const editor::Path& path,
                      const std::vector<std::string>& names);
  std::string typed_;   ///< a condition as last typed
  double typedAt_ = 0;  ///< when it changed (ImGui time)
  /// what checking it said, once typing paused (reset at each change)
  std::optional<std::optional<scenario::ConditionError>> checked_;
};

/// Sets a member, creating the object that holds it when the item has none yet (a first hint).
void setCreating(EditorContext& ctx, const editor::Path& path, const std::string& json);

}  // namespace practicum::editor_app
