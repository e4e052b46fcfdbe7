#include "inspector_panel.hpp"

#include <practicum/editor/authoring.hpp>
#include <practicum/scenario/names.hpp>
#include <practicum/ui/ui_map.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <vector>

#include <imgui.h>
#include <nlohmann/json.hpp>

namespace practicum::editor_app {

namespace {

using Json = nlohmann::ordered_json;
using editor::Command;

using editor::Path;

struct Context {
  editor::Document& doc;
  char* fieldName;  // the `+ field` popup's buffers
  char* fieldValue;
  std::string error;
  void apply(const Command& c) {
    if (auto s = doc.apply(c); !s.ok()) error = s.error().message;
  }
};

// the values a field of the format can take, where it is a choice: the format's words (its table
// of names; a consequence may also be none, "", which deletes it), or the entities, for a field
// that names one
std::vector<std::string> choices(const editor::Document& doc, const Path& path) {
  std::vector<std::string> out;
  if (const auto list = scenario::fieldNameList(path.str())) {
    if (*list == scenario::NameList::Consequences) out.emplace_back();
    for (const std::string_view name : scenario::names(*list)) out.emplace_back(name);
    return out;
  }
  const bool namesEntity =
      path.depth() == 3 &&
      (((path.indexIn("devices") || path.indexIn("indicators")) && path.key() == "entity") ||
       (path.indexIn("joints") && (path.key() == "a" || path.key() == "b")));
  if (namesEntity)
    for (std::size_t i = 0; i < doc.size("entities"); ++i)
      if (auto name = doc.string(Path("entities").element(i).child("name")))
        out.push_back(std::move(*name));
  return out;
}

// the command that changes a choice: a shape's type or a device's kind brings what it needs
std::optional<Command> retyped(Context& ctx, const Path& path, const std::string& to) {
  core::Result<Command> c = Command::set(path, Json(to).dump());
  const Path parent = path.parent();
  if (path.key() == "type" && parent.key() == "shape" && parent.depth() == 3 &&
      path.indexIn("entities"))
    c = editor::setShapeType(ctx.doc, *path.indexIn("entities"), to);
  else if (path.key() == "kind" && path.depth() == 3 && path.indexIn("devices"))
    c = editor::setDeviceKind(ctx.doc, *path.indexIn("devices"), to);
  if (!c.ok()) {
    ctx.error = c.error().message;
    return std::nullopt;
  }
  return *c;
}

// the command that sets a text field: an entity's or a device's name and a step's id rename it
// as the outliner does, so the references (the conditions naming a device, `after`) follow
std::optional<Command> textSet(Context& ctx, const Path& path, const std::string& to) {
  core::Result<Command> c = Command::set(path, Json(to).dump());
  if (path.key() == "name" && path.depth() == 3) {
    if (const auto i = path.indexIn("entities"))
      c = editor::renameEntity(ctx.doc, *i, to);
    else if (const auto d = path.indexIn("devices"))
      c = editor::renameDevice(ctx.doc, *d, to);
  } else if (path.key() == "id" && path.depth() == 4) {
    if (const auto s = path.indexIn("procedure.steps")) c = editor::renameStep(ctx.doc, *s, to);
  }
  if (!c.ok()) {
    ctx.error = c.error().message;
    return std::nullopt;
  }
  return *c;
}

bool numbers(const Json& v, std::size_t n) {
  if (!v.is_array() || v.size() != n) return false;
  for (const auto& e : v)
    if (!e.is_number()) return false;
  return true;
}

void field(Context& ctx, const std::string& label, const Path& path, const Json& v);

// `+ field`: a field the object at `path` does not have yet, named and given in a small popup
void addField(Context& ctx, const Path& path) {
  ImGui::PushID(path.str().c_str());
  if (ImGui::SmallButton("+ field")) ImGui::OpenPopup("add-field");
  ui::nameItem("inspector.add-field:" + path.str());
  if (ImGui::BeginPopup("add-field")) {
    ImGui::InputTextWithHint("##name", "field name", ctx.fieldName, 64);
    ui::nameItem("inspector.field-name", ctx.fieldName);
    ImGui::InputTextWithHint("##value", "value (JSON: 1, \"text\", [0, 1, 0])", ctx.fieldValue,
                             256);
    ui::nameItem("inspector.field-value", ctx.fieldValue);
    if (ImGui::Button("Add") && ctx.fieldName[0]) {
      // a value that is not JSON is a word: `alarm` is taken as "alarm"
      std::string value = ctx.fieldValue[0] ? ctx.fieldValue : "null";
      if (Json::parse(value, nullptr, false).is_discarded()) value = Json(ctx.fieldValue).dump();
      ctx.apply(
          Command::set(path.child(ctx.fieldName), value, std::string("Add ") + ctx.fieldName));
      ctx.fieldName[0] = ctx.fieldValue[0] = 0;
      ImGui::CloseCurrentPopup();
    }
    ui::nameItem("inspector.field-add");
    ImGui::EndPopup();
  }
  ImGui::PopID();
}

// an object or array as a tree node; arrays of objects get add/remove/reorder buttons
void container(Context& ctx, const std::string& label, const Path& path, const Json& v) {
  // an item's own parts (transform, shape, body, ...) start open; deeper ones closed
  const bool shallow = path.depth() <= 3;
  const bool open = ImGui::TreeNodeEx(
      path.str().c_str(),
      ImGuiTreeNodeFlags_SpanAvailWidth | (shallow ? ImGuiTreeNodeFlags_DefaultOpen : 0), "%s",
      label.c_str());
  if (ImGui::BeginPopupContextItem()) {
    if (ImGui::MenuItem("Delete")) ctx.apply(Command::erase(path, "Delete " + path.str()));
    ImGui::EndPopup();
  }
  ui::nameItem("field:" + path.str(), open ? "open" : "closed");
  if (!open) return;
  if (v.is_object()) {
    for (auto it = v.begin(); it != v.end(); ++it) field(ctx, it.key(), path.child(it.key()), *it);
    addField(ctx, path);
  } else {
    for (std::size_t i = 0; i < v.size(); ++i) {
      ImGui::PushID(int(i));
      if (ImGui::SmallButton("^") && i > 0) ctx.apply(Command::move(path, i, i - 1));
      ImGui::SameLine();
      if (ImGui::SmallButton("v") && i + 1 < v.size()) ctx.apply(Command::move(path, i, i + 1));
      ImGui::SameLine();
      if (ImGui::SmallButton("x")) ctx.apply(Command::erase(path.element(i)));
      ImGui::SameLine();
      field(ctx, "[" + std::to_string(i) + "]", path.element(i), v[i]);
      ImGui::PopID();
    }
    if (ImGui::SmallButton("+ add") && !v.empty())
      ctx.apply(Command::insert(path, v.size(), v.back().dump(), "Add to " + path.str()));
  }
  ImGui::TreePop();
}

void field(Context& ctx, const std::string& label, const Path& path, const Json& v) {
  ImGui::PushID(path.str().c_str());
  const std::string merge = "inspector:" + path.str();
  const std::string name = "field:" + path.str();
  if (v.is_boolean()) {
    bool b = v.get<bool>();
    if (ImGui::Checkbox(label.c_str(), &b)) ctx.apply(Command::set(path, b ? "true" : "false"));
    ui::nameItem(name, b ? "true" : "false");
  } else if (v.is_number()) {
    // drag, or double-click (or Ctrl+click) to type a value
    double d = v.get<double>();
    if (ImGui::DragScalar(label.c_str(), ImGuiDataType_Double, &d, 0.01f))
      ctx.apply(Command::set(path, editor::numberJson(d)).mergeKey(merge));
    ui::nameItem(name, v.dump());
  } else if (const auto options = choices(ctx.doc, path); v.is_string() && !options.empty()) {
    // a choice of the format's words; a shape's type or a device's kind brings the fields that
    // kind needs (and drops those it may not have)
    const std::string current = v.get<std::string>();
    // every word shows at once (the longest list, device kinds, has 14): no scrolling to find one
    const bool open =
        ImGui::BeginCombo(label.c_str(), current.c_str(), ImGuiComboFlags_HeightLargest);
    ui::nameItem(name, current);
    if (open) {
      for (const std::string& o : options) {
        const char* shown = o.empty() ? "(none)" : o.c_str();
        if (ImGui::Selectable(shown, current == o) && current != o) {
          if (o.empty())  // none: the field goes (an empty word is not one of the format's)
            ctx.apply(Command::erase(path, "Delete " + path.str()));
          else if (const auto c = retyped(ctx, path, o))
            ctx.apply(*c);
        }
        ui::nameItem("choice." + std::string(shown));
      }
      ImGui::EndCombo();
    }
  } else if (v.is_string()) {
    char buf[1024];
    std::snprintf(buf, sizeof buf, "%s", v.get<std::string>().c_str());
    ImGui::InputText(label.c_str(), buf, sizeof buf);
    ui::nameItem(name, buf);
    if (ImGui::IsItemDeactivatedAfterEdit())
      if (const auto c = textSet(ctx, path, buf)) ctx.apply(*c);
  } else if (numbers(v, 3) || numbers(v, 4)) {
    // vectors and colours: one number a component (each can be dragged or typed)
    const std::size_t n = v.size();
    const float spacing = ImGui::GetStyle().ItemInnerSpacing.x;
    const float width = (ImGui::CalcItemWidth() - spacing * float(n - 1)) / float(n);
    ImGui::BeginGroup();
    for (std::size_t i = 0; i < n; ++i) {
      ImGui::PushID(int(i));
      if (i > 0) ImGui::SameLine(0, spacing);
      ImGui::SetNextItemWidth(width);
      double d = v[i].get<double>();
      if (ImGui::DragScalar("##c", ImGuiDataType_Double, &d, 0.01f, nullptr, nullptr, "%.3f")) {
        Json out = v;
        out[i] = Json::parse(editor::numberJson(d));
        ctx.apply(Command::set(path, out.dump()).mergeKey(merge));
      }
      ui::nameItem(name + "[" + std::to_string(i) + "]", v[i].dump());
      ImGui::PopID();
    }
    ImGui::SameLine(0, spacing);
    ImGui::TextUnformatted(label.c_str());
    ImGui::EndGroup();
    ui::nameItem(name, v.dump());
  } else if (v.is_object() || v.is_array()) {
    container(ctx, label, path, v);
  } else {
    ImGui::TextDisabled("%s: null", label.c_str());
    ui::nameItem(name, "null");
  }
  // any field can go (containers have their own menu)
  const bool leaf = !v.is_object() && (!v.is_array() || numbers(v, 3) || numbers(v, 4));
  if (leaf && ImGui::BeginPopupContextItem("field-menu")) {
    if (ImGui::MenuItem("Delete field")) ctx.apply(Command::erase(path, "Delete " + path.str()));
    ImGui::EndPopup();
  }
  ImGui::PopID();
}

}  // namespace

std::string InspectorPanel::draw(editor::Document& doc, const Path& item) {
  const auto text = doc.value(item);
  if (!text) {
    ImGui::TextDisabled("Nothing selected");
    return {};
  }
  const Json value = Json::parse(*text, nullptr, false);
  if (value.is_discarded()) return {};
  Context ctx{doc, fieldName_, fieldValue_, {}};
  const bool scenario = item.depth() == 0;
  ImGui::TextDisabled("%s", scenario ? "scenario" : item.str().c_str());
  if (value.is_object()) {
    for (auto it = value.begin(); it != value.end(); ++it) {
      // the scenario's own fields (id, titles, trade, camera, ...): its lists, the procedure and
      // the rubric have their own places in the outliner and the tabs
      if (scenario && (it->is_array() || it.key() == "procedure" || it.key() == "rubric")) continue;
      field(ctx, it.key(), item.child(it.key()), *it);
    }
    // the item's own fields too: a hinge's axis and limits, the rubric's penalties
    addField(ctx, item);
  } else {
    field(ctx, item.str(), item, value);
  }
  return ctx.error;
}

}  // namespace practicum::editor_app
