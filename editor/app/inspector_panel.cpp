#include "inspector_panel.hpp"

#include <practicum/editor/authoring.hpp>
#include <practicum/editor/editor_text.hpp>
#include <practicum/editor/fields.hpp>
#include <practicum/scenario/fields.hpp>
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
using editor::EditorText;
using editor::Path;

struct Context {
  EditorContext& app;
  editor::Document& doc;
  InspectorPanel::Typing& typing;
  std::string error;
  void apply(const Command& c) {
    if (auto st = doc.apply(c); !st.ok()) error = app.message(st.error().message);
  }
  void apply(const core::Result<Command>& c) {
    if (c.ok())
      apply(*c);
    else
      error = app.message(c.error().message);
  }
  const char* tr(EditorText text) const { return app.tr(text); }
  ui::Language language() const { return app.options.language; }
  // a button's or a menu item's words, its ImGui ID the English words
  std::string id(EditorText text) const {
    return std::string(tr(text)) + "###" + editor::tr(text, ui::Language::English);
  }
};

// a number: dragged, or typed after a click that did not drag (or a double click, Ctrl+click)
bool numberField(Context& ctx, const char* label, double* d, const std::string& key,
                 const char* format) {
  InspectorPanel::Typing& typing = ctx.typing;
  if (typing.key == key) {
    typing.seen = true;
    if (typing.focus) ImGui::SetKeyboardFocusHere();
    const bool changed =
        ImGui::InputDouble(label, d, 0, 0, "%g", ImGuiInputTextFlags_AutoSelectAll);
    if (ImGui::IsItemActive()) typing.focus = false;
    if (ImGui::IsItemDeactivated() && !typing.focus) typing.key.clear();
    return changed;
  }
  const bool changed =
      ImGui::DragScalar(label, ImGuiDataType_Double, d, 0.01f, nullptr, nullptr, format);
  // let go where it was pressed: the field takes typing (a drag changes it instead)
  const ImGuiIO& io = ImGui::GetIO();
  const float still = io.MouseDragThreshold * io.MouseDragThreshold;
  if (ImGui::IsItemDeactivated() && io.MouseReleased[0] && io.MouseDragMaxDistanceSqr[0] < still)
    typing = {key, true, true};
  return changed;
}

// the field's place in the format's table, where it has one
const scenario::FieldSpec* specOf(const Path& path) { return scenario::fieldAt(path.str()); }

// whether other fields of the object depend on this one (a joint's type, a rule's kind)
bool othersDependOn(const Path& path) {
  const scenario::PlaceSpec* place = scenario::placeAt(path.parent().str());
  if (!place) return false;
  return std::any_of(place->fields.begin(), place->fields.end(),
                     [&](const scenario::FieldSpec& f) { return f.onlyKey == path.key(); });
}

// the command that changes a word others depend on: a shape's type keeps its size as far as it
// carries over; any other (a device's kind, a joint's type) brings the fields the new word needs
// and drops those it may not have, by the format's table
core::Result<Command> retyped(Context& ctx, const Path& path, const std::string& to) {
  const Path parent = path.parent();
  if (path.key() == "type" && parent.key() == "shape" && parent.depth() == 3 &&
      path.indexIn("entities"))
    return editor::setShapeType(ctx.doc, *path.indexIn("entities"), to);
  if (othersDependOn(path)) return editor::retype(ctx.doc, path, to);
  return Command::set(path, Json(to).dump());
}

// sets a text field: an item's name or id (and the scenario's id) renames it as the outliner
// does, so the references follow, the run files' too
void textSet(Context& ctx, const Path& path, const std::string& to) {
  const Path list = path.parent();
  if (const auto item = editor::namedBy(path))
    ctx.app.rename(*item, to);
  else if (list.key() == "positions" && path.index() && list.parent().depth() == 2 &&
           list.parent().indexIn("devices"))  // a device's position: its uses follow
    ctx.apply(
        editor::renamePosition(ctx.doc, *list.parent().indexIn("devices"), *path.index(), to));
  else
    ctx.apply(Command::set(path, Json(to).dump()));
}

bool numbers(const Json& v, std::size_t n) {
  if (!v.is_array() || v.size() != n) return false;
  for (const auto& e : v)
    if (!e.is_number()) return false;
  return true;
}

// the field's type, whether it is required or its default, and what it means, on hover
void tooltip(const Context& ctx, const scenario::FieldSpec* spec) {
  if (spec && ImGui::IsItemHovered())
    ImGui::SetTooltip("%s", editor::describeField(*spec, ctx.language()).c_str());
}

const ImVec4 kRequired{1.0f, 0.55f, 0.45f, 1.0f};

void field(Context& ctx, const std::string& label, const Path& path, const Json& v,
           const editor::FieldOffer* offer);

// the fields of an object of the format: those it has, then those it must have and has not
// (flagged, each with its `+ add`), then `+ field` with the ones it may have
void objectFields(Context& ctx, const Path& object, const Json& v, bool skipOwnPlaces = false) {
  const auto offers = editor::fieldsOf(ctx.doc, object);
  if (offers.empty()) {  // not an object of the format: its members as they are
    for (auto it = v.begin(); it != v.end(); ++it)
      field(ctx, it.key(), object.child(it.key()), *it, nullptr);
    return;
  }
  // the scenario's lists, procedure and rubric have their own places (outliner, tabs)
  const auto ownPlace = [&](const editor::FieldOffer& o) {
    return skipOwnPlaces && o.spec &&
           (o.spec->type == scenario::FieldType::List || o.name == "procedure" ||
            o.name == "rubric");
  };
  std::vector<const editor::FieldOffer*> optional;
  for (const editor::FieldOffer& o : offers) {
    if (ownPlace(o)) continue;
    if (o.present) {
      field(ctx, o.name, object.child(o.name), v[o.name], &o);
    } else if (o.required) {
      const Path path = object.child(o.name);
      ImGui::PushID(path.str().c_str());
      if (ImGui::SmallButton(ctx.id(EditorText::AddItem).c_str()))
        ctx.apply(editor::addField(ctx.doc, path));
      ui::nameItem("inspector.add:" + path.str());
      ImGui::SameLine();
      const std::string required =
          ctx.app.format(EditorText::Required, editor::fieldLabel(o.name, ctx.language()).c_str());
      ImGui::TextColored(kRequired, "%s", required.c_str());
      tooltip(ctx, o.spec);
      nameLabel("missing:" + path.str(), required);
      ui::nameItem("missing:" + path.str(), o.name);
      ImGui::PopID();
    } else {
      optional.push_back(&o);
    }
  }
  if (optional.empty()) return;
  ImGui::PushID(object.str().c_str());
  if (ImGui::SmallButton(ctx.id(EditorText::AddField).c_str())) ImGui::OpenPopup("add-field");
  ui::nameItem("inspector.add-field:" + object.str());
  if (ImGui::BeginPopup("add-field")) {
    // exactly the fields the format allows here and the object lacks, each with its type
    for (const editor::FieldOffer* o : optional) {
      const std::string shown = editor::fieldLabel(o->name, ctx.language());
      if (ImGui::Selectable((shown + "###" + o->name).c_str()))
        ctx.apply(editor::addField(ctx.doc, object.child(o->name)));
      tooltip(ctx, o->spec);
      ui::nameItem("add-field." + o->name);
      nameLabel("add-field." + o->name, shown);
      ImGui::SameLine(150);
      ImGui::TextDisabled("%s", editor::typeName(o->spec->type, ctx.language()).c_str());
    }
    ImGui::EndPopup();
  }
  ImGui::PopID();
}

// an object or array as a tree node; arrays get add/remove/reorder buttons
void container(Context& ctx, const std::string& label, const Path& path, const Json& v,
               const scenario::FieldSpec* spec) {
  // an item's own parts (transform, shape, body, ...) start open; deeper ones closed
  const bool shallow = path.depth() <= 3;
  const bool open = ImGui::TreeNodeEx(
      path.str().c_str(),
      ImGuiTreeNodeFlags_SpanAvailWidth | (shallow ? ImGuiTreeNodeFlags_DefaultOpen : 0), "%s",
      label.c_str());
  tooltip(ctx, spec);
  if (ImGui::BeginPopupContextItem()) {
    if (ImGui::MenuItem(ctx.id(EditorText::Delete).c_str()))
      ctx.apply(Command::erase(path, "Delete " + path.str()));
    ImGui::EndPopup();
  }
  ui::nameItem("field:" + path.str(), open ? "open" : "closed");
  if (!open) return;
  if (v.is_object()) {
    objectFields(ctx, path, v);
  } else {
    for (std::size_t i = 0; i < v.size(); ++i) {
      ImGui::PushID(int(i));
      if (ImGui::SmallButton("^") && i > 0) ctx.apply(Command::move(path, i, i - 1));
      ImGui::SameLine();
      if (ImGui::SmallButton("v") && i + 1 < v.size()) ctx.apply(Command::move(path, i, i + 1));
      ImGui::SameLine();
      if (ImGui::SmallButton("x")) ctx.apply(Command::erase(path.element(i)));
      ImGui::SameLine();
      field(ctx, "[" + std::to_string(i) + "]", path.element(i), v[i], nullptr);
      ImGui::PopID();
    }
    // a list of the format's objects gets a new one with what it needs; others copy the last
    if (ImGui::SmallButton(ctx.id(EditorText::AddItem).c_str())) {
      std::string element = editor::newElement(ctx.doc, path);
      if (element.empty() && spec && spec->type == scenario::FieldType::Names) {
        // a name the list does not have yet (a device's third: position_3; "position" itself
        // is a reserved word of the device's names)
        std::string name;
        for (std::size_t n = v.size() + 1;
             name.empty() || std::find(v.begin(), v.end(), Json(name)) != v.end(); ++n)
          name = "position_" + std::to_string(n);
        element = Json(name).dump();
      }
      if (element.empty()) element = v.empty() ? Json("").dump() : v.back().dump();
      ctx.apply(Command::insert(path, v.size(), element, "Add to " + path.str()));
    }
    ui::nameItem("inspector.add:" + path.str());
  }
  ImGui::TreePop();
}

// a list of names chosen from the document (a step's `after`, a socket's parts): a box each
void nameSet(Context& ctx, const std::string& label, const Path& path, const Json& v,
             const std::vector<std::string>& options, const scenario::FieldSpec* spec) {
  ImGui::TextUnformatted(label.c_str());
  tooltip(ctx, spec);
  ui::nameItem("field:" + path.str(), v.dump());
  if (options.empty()) {
    ImGui::SameLine();
    ImGui::TextDisabled("%s", ctx.tr(EditorText::NothingToChoose));
  }
  ImGui::Indent();
  for (const std::string& o : options) {
    bool on = std::any_of(v.begin(), v.end(), [&](const Json& e) { return e == o; });
    if (ImGui::Checkbox(o.c_str(), &on)) {
      Json out = Json::array();
      for (const std::string& k : options)  // in the document's order
        if (k == o ? on : std::any_of(v.begin(), v.end(), [&](const Json& e) { return e == k; }))
          out.push_back(k);
      ctx.apply(Command::set(path, out.dump()));
    }
    ui::nameItem("field:" + path.str() + ":" + o, on ? "true" : "false");
  }
  ImGui::Unindent();
}

void field(Context& ctx, const std::string& key, const Path& path, const Json& v,
           const editor::FieldOffer* offer) {
  using scenario::FieldType;
  ImGui::PushID(path.str().c_str());
  const scenario::FieldSpec* spec = offer ? offer->spec : specOf(path);
  // a field of the format is called by its word in the editor's language (the tooltip gives the
  // key); its ImGui ID is the key in every language
  const std::string label = offer && offer->spec ? editor::fieldLabel(key, ctx.language()) : key;
  const std::string widget = label + "###" + key;
  nameLabel("field:" + path.str(), label);
  const std::string merge = "inspector:" + path.str();
  const std::string name = "field:" + path.str();
  // a member the format does not have here is shown as such (Problems names it too)
  const bool stray = offer && (!offer->spec || !offer->applies);
  if (stray) ImGui::PushStyleColor(ImGuiCol_Text, kRequired);
  const bool listOfNames =
      spec && (spec->type == FieldType::Steps || spec->type == FieldType::Parts);
  if (v.is_boolean()) {
    bool b = v.get<bool>();
    if (ImGui::Checkbox(widget.c_str(), &b)) ctx.apply(Command::set(path, b ? "true" : "false"));
    tooltip(ctx, spec);
    ui::nameItem(name, b ? "true" : "false");
  } else if (v.is_number()) {
    // drag, or click and type a value
    double d = v.get<double>();
    if (numberField(ctx, widget.c_str(), &d, path.str(), nullptr))
      ctx.apply(Command::set(path, editor::numberJson(d)).mergeKey(merge));
    tooltip(ctx, spec);
    ui::nameItem(name, v.dump());
  } else if (listOfNames && v.is_array()) {
    nameSet(ctx, label, path, v, editor::fieldChoices(ctx.doc, path), spec);
  } else if (v.is_string() && spec && editor::choosesOneWord(spec->type)) {
    // a choice of the format's words or of the document's names; an optional field without a
    // default can be none (it goes); a word others depend on brings the fields it needs
    const std::string current = v.get<std::string>();
    // every word shows at once (the longest list, device kinds, has 14): no scrolling to find one
    const bool open =
        ImGui::BeginCombo(widget.c_str(), current.c_str(), ImGuiComboFlags_HeightLargest);
    tooltip(ctx, spec);
    ui::nameItem(name, current);
    if (open) {  // the words are looked up only while the list is open
      std::vector<std::string> words = editor::fieldChoices(ctx.doc, path);
      if (spec && !spec->required && !spec->hasDefault) words.insert(words.begin(), "");
      for (const std::string& o : words) {
        const char* shown = o.empty() ? "(none)" : o.c_str();
        const std::string item = o.empty() ? ctx.id(EditorText::NoChoice) : o;
        if (ImGui::Selectable(item.c_str(), current == o) && current != o) {
          if (o.empty())  // none: the field goes (an empty word is not one of the format's)
            ctx.apply(Command::erase(path, "Delete " + path.str()));
          else
            ctx.apply(retyped(ctx, path, o));
        }
        ui::nameItem("choice." + std::string(shown));
      }
      ImGui::EndCombo();
    }
  } else if (v.is_string()) {
    char buf[1024];
    std::snprintf(buf, sizeof buf, "%s", v.get<std::string>().c_str());
    ImGui::InputText(widget.c_str(), buf, sizeof buf);
    tooltip(ctx, spec);
    ui::nameItem(name, buf);
    if (ImGui::IsItemDeactivatedAfterEdit()) textSet(ctx, path, buf);
  } else if (numbers(v, 2) || numbers(v, 3) || numbers(v, 4)) {
    // vectors, colours and windows: one number a component (each can be dragged or typed)
    const std::size_t n = v.size();
    const float spacing = ImGui::GetStyle().ItemInnerSpacing.x;
    const float width = (ImGui::CalcItemWidth() - spacing * float(n - 1)) / float(n);
    ImGui::BeginGroup();
    for (std::size_t i = 0; i < n; ++i) {
      ImGui::PushID(int(i));
      if (i > 0) ImGui::SameLine(0, spacing);
      ImGui::SetNextItemWidth(width);
      double d = v[i].get<double>();
      if (numberField(ctx, "##c", &d, path.element(i).str(), "%.3f")) {
        Json out = v;
        out[i] = Json::parse(editor::numberJson(d));
        ctx.apply(Command::set(path, out.dump()).mergeKey(merge));
      }
      ui::nameItem(name + "[" + std::to_string(i) + "]", v[i].dump());
      ImGui::PopID();
    }
    ImGui::SameLine(0, spacing);
    ImGui::TextUnformatted(label.c_str());
    tooltip(ctx, spec);
    ImGui::EndGroup();
    ui::nameItem(name, v.dump());
  } else if (v.is_object() || v.is_array()) {
    container(ctx, label, path, v, spec);
  } else {
    ImGui::TextDisabled("%s", ctx.app.format(EditorText::NullValue, label.c_str()).c_str());
    ui::nameItem(name, "null");
  }
  if (stray) ImGui::PopStyleColor();
  // any field can go (containers have their own menu)
  const bool leaf = !v.is_object() && (!v.is_array() || numbers(v, 2) || numbers(v, 3) ||
                                       numbers(v, 4) || listOfNames);
  if (leaf && ImGui::BeginPopupContextItem("field-menu")) {
    if (ImGui::MenuItem(ctx.id(EditorText::DeleteField).c_str()))
      ctx.apply(Command::erase(path, "Delete " + path.str()));
    ui::nameItem("context.Delete field");
    ImGui::EndPopup();
  }
  ImGui::PopID();
}

}  // namespace

std::string InspectorPanel::draw(EditorContext& app, const Path& item) {
  editor::Document& doc = app.doc;
  const auto text = doc.value(item);
  if (!text) {
    ImGui::TextDisabled("%s", app.tr(EditorText::NothingSelected));
    return {};
  }
  const Json value = Json::parse(*text, nullptr, false);
  if (value.is_discarded()) return {};
  // a number being typed whose field is gone (another selection) is typed no more
  if (!typing_.seen) typing_.key.clear();
  typing_.seen = false;
  Context ctx{app, doc, typing_, {}};
  const bool scenario = item.depth() == 0;
  ImGui::TextDisabled("%s", scenario ? app.tr(EditorText::ScenarioHeading) : item.str().c_str());
  if (value.is_object())
    objectFields(ctx, item, value, scenario);
  else
    field(ctx, item.str(), item, value, nullptr);
  return ctx.error;
}

}  // namespace practicum::editor_app
