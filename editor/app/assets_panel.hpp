#pragma once
// The assets (left, below the outliner): the models in the scenario's models/ folder, and the
// import of a model file by its path.
#include <filesystem>
#include <string>

#include "editor_context.hpp"

namespace practicum::editor_app {

class AssetsPanel {
 public:
  void draw(EditorContext& ctx);
  /// Imports a model file into the scenario's folder and places it as a new entity.
  void importModel(EditorContext& ctx, const std::filesystem::path& source);

 private:
  char import_[512] = "";
  std::string error_;
};

}  // namespace practicum::editor_app
