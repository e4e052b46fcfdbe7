#include "assets_panel.hpp"

#include <imgui.h>

#include <practicum/editor/authoring.hpp>
#include <practicum/ui/ui_map.hpp>

namespace practicum::editor_app {

void AssetsPanel::draw(EditorContext& ctx) {
  const bool open = ImGui::CollapsingHeader("Assets");
  ui::nameItem("assets", open ? "open" : "closed");
  if (!open) return;
  if (ctx.doc.file().empty()) {
    ImGui::TextWrapped("Save the scenario first: models are copied into its folder.");
    return;
  }
  const std::filesystem::path models = ctx.doc.file().parent_path() / "models";
  std::error_code ec;
  if (std::filesystem::is_directory(models, ec))
    for (const auto& f : std::filesystem::directory_iterator(models, ec))
      ImGui::BulletText("%s", f.path().filename().string().c_str());
  ImGui::SetNextItemWidth(-70);
  ImGui::InputTextWithHint("##import", "model file (.glb .gltf .obj .stl .fbx)", import_,
                           sizeof import_);
  ui::nameItem("assets.file", import_);
  ImGui::SameLine();
  if (ImGui::Button("Import") && import_[0]) importModel(ctx, import_);
  ui::nameItem("assets.import");
  if (!error_.empty()) ImGui::TextColored(ImVec4(1, 0.4f, 0.3f, 1), "%s", error_.c_str());
}

void AssetsPanel::importModel(EditorContext& ctx, const std::filesystem::path& source) {
  error_.clear();
  auto c = editor::importModel(ctx.doc, source);
  if (!c.ok()) {
    error_ = c.error().message;
    return;
  }
  ctx.apply(*c);
  ctx.doc.select({editor::Path("entities").element(ctx.doc.size("entities") - 1)});
}

}  // namespace practicum::editor_app
