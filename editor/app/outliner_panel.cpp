#include "outliner_panel.hpp"

#include <cstdio>

#include <imgui.h>
#include <nlohmann/json.hpp>

#include <practicum/editor/authoring.hpp>
#include <practicum/editor/fields.hpp>
#include <practicum/ui/ui_map.hpp>

namespace practicum::editor_app {

namespace {
using Json = nlohmann::ordered_json;
using editor::Command;
using editor::EditorText;
using editor::Path;
}  // namespace

const std::vector<ItemList>& itemLists() {
  static const std::vector<ItemList> lists = {
      {"entities", EditorText::Entities, "name"},     {"devices", EditorText::Devices, "name"},
      {"procedure.steps", EditorText::Steps, "id"},   {"rules", EditorText::Rules, "id"},
      {"faults", EditorText::Faults, "id"},           {"zones", EditorText::Zones, "name"},
      {"indicators", EditorText::Indicators, "name"}, {"variables", EditorText::Variables, "name"},
      {"joints", EditorText::Joints, "name"},         {"materials", EditorText::Materials, "name"},
  };
  return lists;
}

const ItemList& itemList(std::string_view path) {
  for (const ItemList& l : itemLists())
    if (path == l.path) return l;
  return itemLists().front();
}

void addItem(EditorContext& ctx, const ItemList& list) {
  const Path listPath(list.path);
  if (listPath == Path("entities")) {
    editor::EntitySpec spec;
    spec.position = {0, 0.5, 0};
    // like the entity selected, when one is: its material
    if (const auto selected = ctx.selectedEntity())
      spec.material =
          ctx.doc.string(Path("entities").element(*selected).child("material")).value_or("");
    ctx.apply(editor::addEntity(ctx.doc, spec));
  } else {
    // what the format requires of an item of the list, named after the document's things
    const std::string item = editor::newElement(ctx.doc, listPath);
    const Json parsed = Json::parse(item, nullptr, false);
    ctx.apply(Command::insert(listPath, ctx.doc.size(listPath), item,
                              "Add " + parsed.value(list.nameKey, std::string("item"))));
  }
  if (ctx.doc.size(listPath) > 0) ctx.doc.select({listPath.element(ctx.doc.size(listPath) - 1)});
}

void OutlinerPanel::draw(EditorContext& ctx) {
  ImGui::SetNextItemWidth(-1);
  ImGui::InputTextWithHint("##search", ctx.tr(EditorText::Search), search_, sizeof search_);
  ui::nameItem("outliner.search");
  // the scenario's own fields and its rubric
  const std::string scenario = std::string(ctx.tr(EditorText::Scenario)) + "###scenario";
  if (ImGui::Selectable(scenario.c_str(), ctx.isSelected(Path()))) ctx.doc.select({Path()});
  ui::nameItem("outliner.scenario");
  nameLabel("outliner.scenario", ctx.tr(EditorText::Scenario));
  const std::string rubric = std::string(ctx.tr(EditorText::Rubric)) + "###rubric";
  if (ImGui::Selectable(rubric.c_str(), ctx.isSelected("rubric"))) {
    if (!ctx.doc.value("rubric"))
      ctx.apply(Command::set("rubric", R"({"pass": 0})", "Add a rubric"));
    ctx.doc.select({Path("rubric")});
  }
  ui::nameItem("outliner.rubric");
  nameLabel("outliner.rubric", ctx.tr(EditorText::Rubric));
  for (const ItemList& list : itemLists()) {
    const Path listPath(list.path);
    const std::size_t n = ctx.doc.size(listPath);
    // the count is shown, the ID after ### stays: adding an item must not close its list
    const std::string shown = std::string(ctx.tr(list.title)) + " (" + std::to_string(n) + ")";
    const std::string header = shown + "###" + list.path;
    const bool open = ImGui::CollapsingHeader(
        header.c_str(), listPath == Path("entities") ? ImGuiTreeNodeFlags_DefaultOpen : 0);
    ui::nameItem(std::string("outliner.") + list.path, open ? "open" : "closed");
    nameLabel(std::string("outliner.") + list.path, shown);
    if (!open) continue;
    ImGui::PushID(list.path);
    for (std::size_t i = 0; i < n; ++i) {
      const Path item = listPath.element(i);
      const std::string name = ctx.doc.string(item.child(list.nameKey)).value_or("?");
      if (search_[0] && name.find(search_) == std::string::npos) continue;
      ImGui::PushID(int(i));
      if (isRenaming_ && renaming_ == item) {
        ImGui::SetKeyboardFocusHere();
        if (ImGui::InputText(
                "##rename", rename_, sizeof rename_,
                ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_AutoSelectAll))
          commitRename(ctx, list, i);
        ui::nameItem("outliner.rename", rename_);
        if (ImGui::IsItemDeactivated()) isRenaming_ = false;
      } else if (ImGui::Selectable(name.c_str(), ctx.isSelected(item))) {
        ctx.doc.select({item});
      }
      ui::nameItem("outliner." + item.str(), name);
      if (ImGui::BeginPopupContextItem()) {
        // the menu's words in the editor's language, their IDs the English ones
        const auto entry = [&](EditorText text, const char* id) {
          return ImGui::MenuItem((std::string(ctx.tr(text)) + "###" + id).c_str());
        };
        if (entry(EditorText::Rename, "rename")) {
          renaming_ = item;
          isRenaming_ = true;
          std::snprintf(rename_, sizeof rename_, "%s", name.c_str());
        }
        ui::nameItem("context.Rename");
        if (entry(EditorText::Duplicate, "duplicate")) duplicate(ctx, list, i);
        ui::nameItem("context.Duplicate");
        if (entry(EditorText::Delete, "delete")) {
          ctx.apply(Command::erase(item, "Delete " + name));
          ctx.doc.select({});
        }
        ui::nameItem("context.Delete");
        if (i > 0 && entry(EditorText::MoveUp, "up")) ctx.apply(Command::move(listPath, i, i - 1));
        if (i + 1 < n && entry(EditorText::MoveDown, "down"))
          ctx.apply(Command::move(listPath, i, i + 1));
        ImGui::EndPopup();
      }
      ImGui::PopID();
    }
    if (ImGui::SmallButton((std::string(ctx.tr(EditorText::AddItem)) + "###add").c_str()))
      addItem(ctx, list);
    ui::nameItem(std::string("outliner.") + list.path + ".add");
    ImGui::PopID();
  }
}

void OutlinerPanel::commitRename(EditorContext& ctx, const ItemList& list, std::size_t i) {
  isRenaming_ = false;
  ctx.rename(Path(list.path).element(i), rename_);
}

void OutlinerPanel::duplicate(EditorContext& ctx, const ItemList& list, std::size_t i) {
  const Path listPath(list.path);
  if (listPath == Path("entities")) return ctx.apply(editor::duplicateEntity(ctx.doc, i));
  Json copy = Json::parse(ctx.doc.value(listPath.element(i)).value_or("{}"), nullptr, false);
  if (!copy.is_object()) return;
  copy[list.nameKey] = editor::uniqueName(ctx.doc, list.path, copy.value(list.nameKey, "item"));
  ctx.apply(Command::insert(listPath, i + 1, copy.dump(), "Duplicate"));
}

}  // namespace practicum::editor_app
