#include "menu_bar.hpp"

#include <imgui.h>

#include <practicum/editor/authoring.hpp>
#include <practicum/ui/ui_map.hpp>

namespace practicum::editor_app {

namespace {
using editor::EditorText;

EditorText toolName(editor::GizmoTool tool) {
  switch (tool) {
    case editor::GizmoTool::Move: return EditorText::ToolMove;
    case editor::GizmoTool::Rotate: return EditorText::ToolRotate;
    case editor::GizmoTool::Scale: return EditorText::ToolScale;
  }
  return EditorText::ToolMove;
}

// a menu item shown in the editor's language and named in the UI map as "menu.<menu>.<name>"
// (the English words: the map's names do not change with the language)
bool item(const EditorContext& ctx, const char* menu, EditorText label,
          const char* shortcut = nullptr, bool enabled = true) {
  const std::string id =
      std::string(ctx.tr(label)) + "###" + editor::tr(label, ui::Language::English);
  const bool chosen = ImGui::MenuItem(id.c_str(), shortcut, false, enabled);
  const std::string name =
      std::string("menu.") + menu + "." + editor::tr(label, ui::Language::English);
  ui::nameItem(name);
  nameLabel(name, ctx.tr(label));
  return chosen;
}

// a checked item of a menu, the same way
void toggle(const EditorContext& ctx, const char* menu, EditorText label, bool* on) {
  const std::string id =
      std::string(ctx.tr(label)) + "###" + editor::tr(label, ui::Language::English);
  ImGui::MenuItem(id.c_str(), nullptr, on);
  const std::string name =
      std::string("menu.") + menu + "." + editor::tr(label, ui::Language::English);
  ui::nameItem(name);
  nameLabel(name, ctx.tr(label));
}

bool menu(const EditorContext& ctx, EditorText label) {
  const char* name = editor::tr(label, ui::Language::English);
  const std::string id = std::string(ctx.tr(label)) + "###" + name;
  const bool open = ImGui::BeginMenu(id.c_str());
  ui::nameItem(std::string("menu.") + name, open ? "open" : "closed");
  nameLabel(std::string("menu.") + name, ctx.tr(label));
  return open;
}
}  // namespace

void MenuBar::draw(EditorContext& ctx) {
  if (!ImGui::BeginMainMenuBar()) return;
  editor::Document& doc = ctx.doc;
  if (menu(ctx, EditorText::MenuFile)) {
    if (item(ctx, "File", EditorText::New)) ctx.dialog = Dialog::New;
    if (item(ctx, "File", EditorText::Open)) ctx.dialog = Dialog::Open;
    if (item(ctx, "File", EditorText::Save, "Ctrl+S")) ctx.save();
    if (item(ctx, "File", EditorText::SaveAs)) ctx.dialog = Dialog::SaveAs;
    ImGui::Separator();
    if (item(ctx, "File", EditorText::Quit)) ctx.viewer.window().requestClose();
    ImGui::EndMenu();
  }
  if (menu(ctx, EditorText::MenuEdit)) {
    // what undo and redo would do, in the editor's language
    const std::string undo =
        ctx.format(EditorText::UndoLabel, ctx.message(doc.undoLabel()).c_str()) + "###undo";
    const std::string redo =
        ctx.format(EditorText::RedoLabel, ctx.message(doc.redoLabel()).c_str()) + "###redo";
    if (ImGui::MenuItem(undo.c_str(), "Ctrl+Z", false, doc.canUndo())) (void)doc.undo();
    ui::nameItem("menu.Edit.Undo");
    nameLabel("menu.Edit.Undo", undo.substr(0, undo.find("###")));
    if (ImGui::MenuItem(redo.c_str(), "Ctrl+Y", false, doc.canRedo())) (void)doc.redo();
    ui::nameItem("menu.Edit.Redo");
    nameLabel("menu.Edit.Redo", redo.substr(0, redo.find("###")));
    ImGui::Separator();
    if (item(ctx, "Edit", EditorText::Duplicate, "Ctrl+D", ctx.selectedEntity().has_value()))
      ctx.apply(editor::duplicateEntity(doc, *ctx.selectedEntity()));
    if (item(ctx, "Edit", EditorText::Delete, "Del", !doc.selection().empty()))
      ctx.deleteSelected();
    ImGui::EndMenu();
  }
  if (menu(ctx, EditorText::MenuView)) {
    toggle(ctx, "View", EditorText::PhysicsShapes, &ctx.view.shapes);
    toggle(ctx, "View", EditorText::Zones, &ctx.view.zones);
    toggle(ctx, "View", EditorText::Sockets, &ctx.view.sockets);
    toggle(ctx, "View", EditorText::JointAxes, &ctx.view.joints);
    ImGui::Separator();
    if (item(ctx, "View", EditorText::FrameSelected, "F")) ctx.frameSelected();
    ImGui::Checkbox((std::string(ctx.tr(EditorText::Snap)) + "###snap").c_str(),
                    &ctx.view.snapping.on);
    ui::nameItem("menu.View.Snap");
    nameLabel("menu.View.Snap", ctx.tr(EditorText::Snap));
    ImGui::SetNextItemWidth(80);
    ImGui::InputDouble((std::string(ctx.tr(EditorText::SnapGrid)) + "###grid").c_str(),
                       &ctx.view.snapping.grid, 0, 0, "%.3f");
    ImGui::SetNextItemWidth(80);
    ImGui::InputDouble((std::string(ctx.tr(EditorText::SnapAngle)) + "###angle").c_str(),
                       &ctx.view.snapping.angleDegrees, 0, 0, "%.0f");
    ImGui::EndMenu();
  }
  if (menu(ctx, EditorText::MenuPlay)) {
    if (item(ctx, "Play", EditorText::Practice, nullptr, doc.valid())) ctx.playRequest = false;
    if (item(ctx, "Play", EditorText::Exam, nullptr, doc.valid())) ctx.playRequest = true;
    ImGui::EndMenu();
  }
  // "saved ..." is out of date at the first change after it: "(unsaved)" says so instead
  if (doc.dirty() && !ctx.status.empty() && ctx.status == ctx.savedStatus) ctx.status.clear();
  ImGui::TextDisabled("| %s  %s", ctx.tr(toolName(ctx.view.tool)),
                      doc.dirty() ? ctx.tr(EditorText::Unsaved) : "");
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
