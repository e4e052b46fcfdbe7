#include "inspector.hpp"

#include <practicum/editor/authoring.hpp>

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

struct Context {
  editor::Document& doc;
  std::string error;
  void apply(const Command& c) {
    if (auto s = doc.apply(c); !s.ok()) error = s.error().message;
  }
};

std::string child(const std::string& path, const std::string& key) {
  return path.empty() ? key : path + "." + key;
}
std::string element(const std::string& path, std::size_t i) {
  return path + "[" + std::to_string(i) + "]";
}

// the values a field of the format can take, where it is a choice (by the item and the key)
std::vector<const char*> choices(const std::string& path) {
  const auto dot = path.rfind('.');
  const std::string key = dot == std::string::npos ? path : path.substr(dot + 1);
  const auto in = [&](const char* prefix) { return path.rfind(prefix, 0) == 0; };
  const bool shape = path.find(".shape.") != std::string::npos;
  const bool body = path.find(".body.") != std::string::npos;
  if (key == "type" && shape)
    return {"box", "sphere", "cylinder", "capsule", "convexHull", "triangleMesh"};
  if (key == "type" && body) return {"static", "dynamic", "kinematic"};
  if (key == "type" && in("joints[")) return {"hinge", "slider", "fixed", "point"};
  if (key == "kind" && in("devices["))
    return {"switch", "breaker", "disconnector", "earthingSwitch", "lever", "button", "lock",
            "tag",    "tool",    "point",        "valve",          "part",  "socket", "fastener"};
  if (key == "kind" && in("rules[")) return {"interlock", "hazard"};
  if (key == "severity") return {"warning", "major", "critical"};
  if (key == "action" && in("rules[")) return {"prevent", "record"};
  if (key == "style" && in("indicators[")) return {"lamp", "alarm", "gauge", "display"};
  if (key == "detects") return {"learner", "bodies"};
  if (key == "consequence")
    return {"", "arc-flash", "alarm", "smoke", "fire", "sparks", "steam", "leak"};
  return {};
}

// the command that changes a choice: a shape's type or a device's kind brings what it needs
std::optional<Command> retyped(Context& ctx, const std::string& path, const std::string& to) {
  const auto index = [&](std::size_t prefix) {
    return std::size_t(std::strtoul(path.c_str() + prefix, nullptr, 10));
  };
  core::Result<Command> c = Command::set(path, Json(to).dump());
  if (path.rfind("entities[", 0) == 0 && path.size() > 11 &&
      path.compare(path.size() - 11, 11, ".shape.type") == 0 &&
      std::count(path.begin(), path.end(), '.') == 2)
    c = editor::setShapeType(ctx.doc, index(9), to);
  else if (path.rfind("devices[", 0) == 0 && path.size() > 5 &&
           path.compare(path.size() - 5, 5, ".kind") == 0 &&
           std::count(path.begin(), path.end(), '.') == 1)
    c = editor::setDeviceKind(ctx.doc, index(8), to);
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

void field(Context& ctx, const std::string& label, const std::string& path, const Json& v);

// an object or array as a tree node; arrays of objects get add/remove/reorder buttons
void container(Context& ctx, const std::string& label, const std::string& path, const Json& v) {
  // an item's own parts (transform, shape, body, ...) start open; deeper ones closed
  const bool shallow = std::count(path.begin(), path.end(), '.') <= 1;
  const bool open = ImGui::TreeNodeEx(
      path.c_str(),
      ImGuiTreeNodeFlags_SpanAvailWidth | (shallow ? ImGuiTreeNodeFlags_DefaultOpen : 0), "%s",
      label.c_str());
  if (ImGui::BeginPopupContextItem()) {
    if (ImGui::MenuItem("Delete")) ctx.apply(Command::erase(path, "Delete " + path));
    ImGui::EndPopup();
  }
  if (!open) return;
  if (v.is_object()) {
    for (auto it = v.begin(); it != v.end(); ++it) field(ctx, it.key(), child(path, it.key()), *it);
    // a field the item does not have yet: named and given in a small popup
    static char name[64] = "", value[256] = "";
    ImGui::PushID(path.c_str());
    if (ImGui::SmallButton("+ field")) ImGui::OpenPopup("add-field");
    if (ImGui::BeginPopup("add-field")) {
      ImGui::InputTextWithHint("##name", "field name", name, sizeof name);
      ImGui::InputTextWithHint("##value", "value (JSON: 1, \"text\", [0, 1, 0])", value,
                               sizeof value);
      if (ImGui::Button("Add") && name[0]) {
        ctx.apply(
            Command::set(child(path, name), value[0] ? value : "null", std::string("Add ") + name));
        name[0] = value[0] = 0;
        ImGui::CloseCurrentPopup();
      }
      ImGui::EndPopup();
    }
    ImGui::PopID();
  } else {
    for (std::size_t i = 0; i < v.size(); ++i) {
      ImGui::PushID(int(i));
      if (ImGui::SmallButton("^") && i > 0) ctx.apply(Command::move(path, i, i - 1));
      ImGui::SameLine();
      if (ImGui::SmallButton("v") && i + 1 < v.size()) ctx.apply(Command::move(path, i, i + 1));
      ImGui::SameLine();
      if (ImGui::SmallButton("x")) ctx.apply(Command::erase(element(path, i)));
      ImGui::SameLine();
      field(ctx, "[" + std::to_string(i) + "]", element(path, i), v[i]);
      ImGui::PopID();
    }
    if (ImGui::SmallButton("+ add") && !v.empty())
      ctx.apply(Command::insert(path, v.size(), v.back().dump(), "Add to " + path));
  }
  ImGui::TreePop();
}

void field(Context& ctx, const std::string& label, const std::string& path, const Json& v) {
  ImGui::PushID(path.c_str());
  const std::string merge = "inspector:" + path;
  if (v.is_boolean()) {
    bool b = v.get<bool>();
    if (ImGui::Checkbox(label.c_str(), &b)) ctx.apply(Command::set(path, b ? "true" : "false"));
  } else if (v.is_number()) {
    double d = v.get<double>();
    if (ImGui::DragScalar(label.c_str(), ImGuiDataType_Double, &d, 0.01f))
      ctx.apply(Command::set(path, Json(d).dump()).mergeKey(merge));
  } else if (const auto options = choices(path); v.is_string() && !options.empty()) {
    // a choice of the format's words; a shape's type or a device's kind brings the fields that
    // kind needs (and drops those it may not have)
    const std::string current = v.get<std::string>();
    if (ImGui::BeginCombo(label.c_str(), current.c_str())) {
      for (const char* o : options)
        if (ImGui::Selectable(*o ? o : "(none)", current == o) && current != o)
          if (const auto c = retyped(ctx, path, o)) ctx.apply(*c);
      ImGui::EndCombo();
    }
  } else if (v.is_string()) {
    char buf[1024];
    std::snprintf(buf, sizeof buf, "%s", v.get<std::string>().c_str());
    ImGui::InputText(label.c_str(), buf, sizeof buf);
    if (ImGui::IsItemDeactivatedAfterEdit()) ctx.apply(Command::set(path, Json(buf).dump()));
  } else if (numbers(v, 3) || numbers(v, 4)) {
    // vectors and colours
    double d[4] = {0, 0, 0, 0};
    for (std::size_t i = 0; i < v.size(); ++i) d[i] = v[i].get<double>();
    if (ImGui::DragScalarN(label.c_str(), ImGuiDataType_Double, d, int(v.size()), 0.01f)) {
      Json out = Json::array();
      for (std::size_t i = 0; i < v.size(); ++i) out.push_back(d[i]);
      ctx.apply(Command::set(path, out.dump()).mergeKey(merge));
    }
  } else if (v.is_object() || v.is_array()) {
    container(ctx, label, path, v);
  } else {
    ImGui::TextDisabled("%s: null", label.c_str());
  }
  // any field can go (containers have their own menu)
  const bool leaf = !v.is_object() && (!v.is_array() || numbers(v, 3) || numbers(v, 4));
  if (leaf && ImGui::BeginPopupContextItem("field-menu")) {
    if (ImGui::MenuItem("Delete field")) ctx.apply(Command::erase(path, "Delete " + path));
    ImGui::EndPopup();
  }
  ImGui::PopID();
}

}  // namespace

std::string drawInspector(editor::Document& doc, const std::string& path) {
  const auto text = doc.value(path);
  if (!text) {
    ImGui::TextDisabled("Nothing selected");
    return {};
  }
  const Json item = Json::parse(*text, nullptr, false);
  if (item.is_discarded()) return {};
  Context ctx{doc, {}};
  ImGui::TextDisabled("%s", path.c_str());
  if (item.is_object()) {
    for (auto it = item.begin(); it != item.end(); ++it)
      field(ctx, it.key(), (path.empty() ? "" : path + ".") + it.key(), *it);
  } else {
    field(ctx, path, path, item);
  }
  return ctx.error;
}

}  // namespace practicum::editor_app
