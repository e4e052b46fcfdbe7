#include "menu_bar.hpp"

#include <imgui.h>

#include <practicum/editor/authoring.hpp>
#include <practicum/ui/ui_map.hpp>

namespace practicum::editor_app {

namespace {
const char* toolName(editor::GizmoTool tool) {
  switch (tool) {
    case editor::GizmoTool::Move: return "W move";
    case editor::GizmoTool::Rotate: return "E rotate";
    case editor::GizmoTool::Scale: return "R scale";
  }
  return "";
}

// a menu item named in the UI map as "menu.<menu>.<label>"
bool item(const char* menu, const char* label, const char* shortcut = nullptr,
          bool enabled = true) {
  const bool chosen = ImGui::MenuItem(label, shortcut, false, enabled);
  ui::nameItem(std::string("menu.") + menu + "." + label);
  return chosen;
}

bool menu(const char* name) {
  const bool open = ImGui::BeginMenu(name);
  ui::nameItem(std::string("menu.") + name, open ? "open" : "closed");
  return open;
}
}  // namespace

void MenuBar::draw(EditorContext& ctx) {
  if (!ImGui::BeginMainMenuBar()) return;
  editor::Document& doc = ctx.doc;
  if (menu("File")) {
    if (item("File", "New...")) ctx.dialog = Dialog::New;
    if (item("File", "Open...")) ctx.dialog = Dialog::Open;
    if (item("File", "Save", "Ctrl+S")) ctx.save();
    if (item("File", "Save as...")) ctx.dialog = Dialog::SaveAs;
    ImGui::Separator();
    if (item("File", "Quit")) ctx.viewer.window().requestClose();
    ImGui::EndMenu();
  }
  if (menu("Edit")) {
    const std::string undo = "Undo " + doc.undoLabel(), redo = "Redo " + doc.redoLabel();
    if (ImGui::MenuItem(undo.c_str(), "Ctrl+Z", false, doc.canUndo())) (void)doc.undo();
    ui::nameItem("menu.Edit.Undo");
    if (ImGui::MenuItem(redo.c_str(), "Ctrl+Y", false, doc.canRedo())) (void)doc.redo();
    ui::nameItem("menu.Edit.Redo");
    ImGui::Separator();
    if (item("Edit", "Duplicate", "Ctrl+D", ctx.selectedEntity().has_value()))
      ctx.apply(editor::duplicateEntity(doc, *ctx.selectedEntity()));
    if (item("Edit", "Delete", "Del", !doc.selection().empty())) ctx.deleteSelected();
    ImGui::EndMenu();
  }
  if (menu("View")) {
    ImGui::MenuItem("Physics shapes", nullptr, &ctx.view.shapes);
    ui::nameItem("menu.View.Physics shapes");
    ImGui::MenuItem("Zones", nullptr, &ctx.view.zones);
    ui::nameItem("menu.View.Zones");
    ImGui::MenuItem("Sockets", nullptr, &ctx.view.sockets);
    ui::nameItem("menu.View.Sockets");
    ImGui::MenuItem("Joint axes", nullptr, &ctx.view.joints);
    ui::nameItem("menu.View.Joint axes");
    ImGui::Separator();
    if (item("View", "Frame selected", "F")) ctx.frameSelected();
    ImGui::Checkbox("Snap", &ctx.view.snapping.on);
    ui::nameItem("menu.View.Snap");
    ImGui::SetNextItemWidth(80);
    ImGui::InputDouble("grid (m)", &ctx.view.snapping.grid, 0, 0, "%.3f");
    ImGui::SetNextItemWidth(80);
    ImGui::InputDouble("angle (deg)", &ctx.view.snapping.angleDegrees, 0, 0, "%.0f");
    ImGui::EndMenu();
  }
  if (menu("Play")) {
    if (item("Play", "Practice", nullptr, doc.valid())) ctx.playRequest = false;
    if (item("Play", "Exam", nullptr, doc.valid())) ctx.playRequest = true;
    ImGui::EndMenu();
  }
  // "saved ..." is out of date at the first change after it: "(unsaved)" says so instead
  if (doc.dirty() && ctx.status.rfind("saved ", 0) == 0) ctx.status.clear();
  ImGui::TextDisabled("| %s  %s", toolName(ctx.view.tool), doc.dirty() ? "(unsaved)" : "");
  if (!ctx.status.empty()) {
    ImGui::SameLine();
    ImGui::TextColored(ImVec4(1, 0.6f, 0.3f, 1), "%s", ctx.status.c_str());
  }
  ui::nameValue("status", ctx.status);
  ui::nameValue("dirty", doc.dirty() ? "yes" : "no");
  ui::nameValue("selection", doc.selection().empty() ? "" : doc.selection()[0].str());
  ImGui::EndMainMenuBar();
}

}  // namespace practicum::editor_app
