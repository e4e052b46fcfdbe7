#include "assets_panel.hpp"

#include <imgui.h>

#include <practicum/editor/authoring.hpp>
#include <practicum/ui/ui_map.hpp>

namespace practicum::editor_app {

using editor::EditorText;

void AssetsPanel::draw(EditorContext& ctx) {
  const bool open =
      ImGui::CollapsingHeader((std::string(ctx.tr(EditorText::Assets)) + "###assets").c_str());
  ui::nameItem("assets", open ? "open" : "closed");
  nameLabel("assets", ctx.tr(EditorText::Assets));
  if (!open) return;
  if (ctx.doc.file().empty()) {
    ImGui::TextWrapped("%s", ctx.tr(EditorText::SaveFirst));
    return;
  }
  const std::filesystem::path models = ctx.doc.file().parent_path() / "models";
  std::error_code ec;
  if (std::filesystem::is_directory(models, ec))
    for (const auto& f : std::filesystem::directory_iterator(models, ec))
      ImGui::BulletText("%s", f.path().filename().string().c_str());
  ImGui::SetNextItemWidth(-70);
  ImGui::InputTextWithHint("##import", ctx.tr(EditorText::ModelFileHint), import_, sizeof import_);
  ui::nameItem("assets.file", import_);
  ImGui::SameLine();
  if (ImGui::Button((std::string(ctx.tr(EditorText::Import)) + "###import-button").c_str()) &&
      import_[0])
    importModel(ctx, import_);
  ui::nameItem("assets.import");
  if (!error_.empty()) ImGui::TextColored(ImVec4(1, 0.4f, 0.3f, 1), "%s", error_.c_str());
}

void AssetsPanel::importModel(EditorContext& ctx, const std::filesystem::path& source) {
  error_.clear();
  auto c = editor::importModel(ctx.doc, source);
  if (!c.ok()) {
    error_ = ctx.message(c.error().message);
    return;
  }
  ctx.apply(*c);
  ctx.doc.select({editor::Path("entities").element(ctx.doc.size("entities") - 1)});
}

}  // namespace practicum::editor_app
