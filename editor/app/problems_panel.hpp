#pragma once
// The Problems tab (every error and warning the engine would give; a click selects the culprit)
// and the Assessment tab (the result of the last play in the editor).
#include <optional>
#include <string>

#include <practicum/procedure/procedure.hpp>

#include "editor_context.hpp"

namespace practicum::editor_app {

class ProblemsPanel {
 public:
  void draw(EditorContext& ctx);
};

/// The last play's result, and where its log went.
struct Assessment {
  procedure::SessionResult result;
  std::string log;
};

class AssessmentPanel {
 public:
  /// Draws the result in `language` (the violations in the scenario's words for it).
  void draw(const Assessment& assessment, ui::Language language);
};

}  // namespace practicum::editor_app
