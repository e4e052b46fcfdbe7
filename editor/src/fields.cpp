#include <practicum/editor/fields.hpp>

#include <algorithm>
#include <set>

#include <practicum/editor/authoring.hpp>
#include <practicum/scenario/names.hpp>

#include "json_tree.hpp"

namespace practicum::editor {

using detail::Json;
using scenario::FieldSpec;
using scenario::FieldType;
using scenario::PlaceSpec;

namespace {

Json valueAt(const Document& doc, const Path& path) {
  const auto text = doc.value(path);
  return text ? Json::parse(*text, nullptr, false) : Json();
}

// the value of the member a field depends on (a device's kind, a joint's type)
std::optional<std::string_view> siblingOf(const FieldSpec& f, const Json& object) {
  if (f.onlyKey.empty() || !object.is_object()) return std::nullopt;
  const auto it = object.find(f.onlyKey);
  if (it == object.end() || !it->is_string()) return std::nullopt;
  return it->get_ref<const std::string&>();
}

std::string stringIn(const Json& object, const char* key) {
  if (!object.is_object()) return {};
  const auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// the elements of a list of the document
Json listAt(const Document& doc, const char* list) {
  Json v = valueAt(doc, Path(list));
  return v.is_array() ? v : Json::array();
}

// the names of a list's elements (name or id), those `keep` accepts
template <typename Keep>
std::vector<std::string> namesIn(const Document& doc, const char* list, Keep keep) {
  std::vector<std::string> out;
  for (const Json& e : listAt(doc, list)) {
    std::string name = stringIn(e, "name");
    if (name.empty()) name = stringIn(e, "id");
    if (!name.empty() && keep(e)) out.push_back(std::move(name));
  }
  return out;
}
std::vector<std::string> namesIn(const Document& doc, const char* list) {
  return namesIn(doc, list, [](const Json&) { return true; });
}

// a device's positions from its own JSON: its `positions`, else those of its kind
std::vector<std::string> positionsOf(const Json& device) {
  using scenario::NameList;
  const std::string kind = stringIn(device, "kind");
  const auto words = [](NameList list) {
    const auto n = scenario::names(list);
    return std::vector<std::string>(n.begin(), n.end());
  };
  if (kind == "lock" || kind == "tag") return words(NameList::LockPositions);
  if (kind == "fastener") return words(NameList::FastenerStates);
  const PlaceSpec* place = scenario::findPlace("devices[]");
  const FieldSpec* positions = place ? scenario::findField(*place, "positions") : nullptr;
  if (!positions || !scenario::applies(*positions, kind)) return {};
  std::vector<std::string> out;
  const auto it = device.find("positions");
  const Json list = it != device.end() && it->is_array() ? *it : Json::parse(positions->initial);
  for (const Json& p : list)
    if (p.is_string()) out.push_back(p.get<std::string>());
  return out;
}

const Json* deviceNamed(const Json& devices, std::string_view name) {
  for (const Json& d : devices)
    if (stringIn(d, "name") == name) return &d;
  return nullptr;
}

bool hasBody(const Json& entity) { return entity.is_object() && entity.contains("body"); }

std::string firstOr(const std::vector<std::string>& names, std::string fallback = {}) {
  return names.empty() ? fallback : names.front();
}

std::vector<std::string> choicesFor(const Document& doc, const Path& field, const Json& object,
                                    const FieldSpec& f);

// the initial value of field `f` of `object` (at `objectPath`), filled in from the document
Json initialFor(const Document& doc, const Path& objectPath, const Json& object,
                const FieldSpec& f) {
  const Json initial = Json::parse(f.initial, nullptr, false);
  const Path field = objectPath.child(f.name);
  switch (f.type) {
    case FieldType::Entity: {
      // the newest with a body (devices are found through physics; joints join bodies, a
      // moving one first), not the joint's other end: most often the one just made for it
      const std::string other = stringIn(object, f.name == "b" ? "a" : "b");
      const bool joint = objectPath.indexIn("joints").has_value();
      for (const bool dynamicOnly : {joint, false}) {
        auto names = namesIn(doc, "entities", [&](const Json& e) {
          return hasBody(e) && stringIn(e, "name") != other &&
                 (!dynamicOnly || stringIn(e["body"], "type") == "dynamic");
        });
        if (!names.empty()) return names.back();
      }
      const auto all = namesIn(doc, "entities");
      return all.empty() ? std::string() : all.back();
    }
    case FieldType::Material: return firstOr(namesIn(doc, "materials"));
    case FieldType::Device:
    case FieldType::Joint:
    case FieldType::Position: return firstOr(choicesFor(doc, field, object, f));
    case FieldType::Parts: return Json::array({firstOr(choicesFor(doc, field, object, f))});
    case FieldType::PositionTexts: {
      // a pair of texts for each of the device's positions, to be written over
      Json words = Json::object();
      const Json positions =
          object.contains("positions") ? object["positions"] : Json::array({"open", "closed"});
      for (const Json& p : positions)
        if (p.is_string())
          words[p.get<std::string>()] = {{"zh-CN", p.get<std::string>()},
                                         {"en", p.get<std::string>()}};
      return words;
    }
    default: break;
  }
  // a device operated with a tool: the toolType of one the scenario has
  if (f.name == "tool" && objectPath.indexIn("devices"))
    for (const Json& d : listAt(doc, "devices"))
      if (stringIn(d, "kind") == "tool" && !stringIn(d, "toolType").empty())
        return stringIn(d, "toolType");
  return initial;
}

// the element place of a list path ("procedure.steps" -> procedure.steps[])
const PlaceSpec* elementPlace(const Path& list) {
  const FieldSpec* f = scenario::fieldAt(list.str());
  if (!f || f->type != FieldType::List) return nullptr;
  return scenario::findPlace(f->place);
}

// the words field `f` at `field` can take, for `object`, the object that holds it (not yet in
// the document when it is being made)
std::vector<std::string> choicesFor(const Document& doc, const Path& field, const Json& object,
                                    const FieldSpec& f) {
  switch (f.type) {
    case FieldType::Choice: {
      std::vector<std::string> out;
      if (f.choices)
        for (const std::string_view n : scenario::names(*f.choices)) out.emplace_back(n);
      return out;
    }
    case FieldType::Entity: return namesIn(doc, "entities");
    case FieldType::Material: return namesIn(doc, "materials");
    case FieldType::Device: {
      const std::string self = field.parent().indexIn("devices") ? stringIn(object, "name") : "";
      // a lock or tag goes on a device with positions, a valve or a fastener; an interlock
      // guards a device that moves
      return namesIn(doc, "devices", [&](const Json& d) {
        const std::string kind = stringIn(d, "kind");
        return stringIn(d, "name") != self && kind != "lock" && kind != "tag" &&
               (!positionsOf(d).empty() || kind == "valve");
      });
    }
    case FieldType::Joint: {
      // a valve's: a hinge whose a is the valve's entity first
      const std::string entity = stringIn(object, "entity");
      auto own = namesIn(doc, "joints", [&](const Json& j) {
        return stringIn(j, "type") == "hinge" && stringIn(j, "a") == entity;
      });
      for (const std::string& n : namesIn(doc, "joints"))
        if (std::find(own.begin(), own.end(), n) == own.end()) own.push_back(n);
      return own;
    }
    case FieldType::Position: {
      if (field.parent().indexIn("devices")) return positionsOf(object);
      const Json devices = listAt(doc, "devices");
      const Json* device = deviceNamed(devices, stringIn(object, "device"));
      return device ? positionsOf(*device) : std::vector<std::string>{};
    }
    case FieldType::Steps: {
      // the steps before this one
      std::vector<std::string> out;
      const auto self = field.parent().indexIn("procedure.steps");
      const Json steps = listAt(doc, "procedure.steps");
      for (std::size_t i = 0; i < steps.size() && (!self || i < *self); ++i)
        if (const std::string id = stringIn(steps[i], "id"); !id.empty()) out.push_back(id);
      return out;
    }
    case FieldType::Parts:
      return namesIn(doc, "devices", [](const Json& d) { return stringIn(d, "kind") == "part"; });
    default: return {};
  }
}

}  // namespace

bool choosesOneWord(FieldType type) {
  switch (type) {
    case FieldType::Choice:
    case FieldType::Entity:
    case FieldType::Material:
    case FieldType::Device:
    case FieldType::Joint:
    case FieldType::Position: return true;
    default: return false;
  }
}

std::vector<std::string> fieldChoices(const Document& doc, const Path& field) {
  const FieldSpec* f = scenario::fieldAt(field.str());
  if (!f) return {};
  return choicesFor(doc, field, valueAt(doc, field.parent()), *f);
}

std::vector<FieldOffer> fieldsOf(const Document& doc, const Path& object) {
  std::vector<FieldOffer> out;
  const PlaceSpec* place = scenario::placeAt(object.str());
  const Json v = valueAt(doc, object);
  if (!place || !v.is_object()) return out;
  std::set<std::string_view> groups;
  for (const FieldSpec& f : place->fields)
    if (v.contains(f.name) && !f.group.empty()) groups.insert(f.group);
  for (const FieldSpec& f : place->fields) {
    const auto sibling = siblingOf(f, v);
    const bool present = v.contains(f.name);
    const bool applies = scenario::applies(f, sibling);
    if (!present && (!applies || (!f.group.empty() && groups.count(f.group)))) continue;
    out.push_back({&f, std::string(f.name), present, scenario::isRequired(f, sibling), applies});
  }
  for (auto it = v.begin(); it != v.end(); ++it)
    if (!scenario::findField(*place, it.key()))
      out.push_back({nullptr, it.key(), true, false, false});
  return out;
}

std::string initialValue(const Document& doc, const Path& field) {
  const FieldSpec* f = scenario::fieldAt(field.str());
  if (!f) return {};
  return initialFor(doc, field.parent(), valueAt(doc, field.parent()), *f).dump();
}

core::Result<Command> addField(const Document& doc, const Path& field) {
  const std::string value = initialValue(doc, field);
  if (value.empty())
    return core::makeError(core::ErrorCode::InvalidArgument,
                           field.str() + ": not a field of the format here");
  return Command::set(field, value, "Add " + std::string(field.key()));
}

std::string newElement(const Document& doc, const Path& list) {
  const PlaceSpec* place = elementPlace(list);
  if (!place) return {};
  const Path element = list.element(doc.size(list));
  Json e = Json::object();
  for (const FieldSpec& f : place->fields) {
    if (!scenario::isRequired(f, siblingOf(f, e))) continue;
    if ((f.name == "name" || f.name == "id") && f.type != FieldType::Text) {
      const Json base = Json::parse(f.initial, nullptr, false);
      e[f.name] = uniqueName(doc, list.str(), base.is_string() ? base.get<std::string>() : "item");
    } else {
      e[f.name] = initialFor(doc, element, e, f);
    }
  }
  return e.dump();
}

core::Result<Command> retype(const Document& doc, const Path& field, std::string_view to) {
  const Path objectPath = field.parent();
  Json object = valueAt(doc, objectPath);
  const PlaceSpec* place = scenario::placeAt(objectPath.str());
  if (!object.is_object() || !place)
    return core::makeError(core::ErrorCode::NotFound, objectPath.str() + ": no such object");
  const std::string key(field.key());
  object[key] = std::string(to);
  Json out = Json::object();
  for (auto it = object.begin(); it != object.end(); ++it) {
    const FieldSpec* f = scenario::findField(*place, it.key());
    // what depends on the changed field and no longer applies goes
    if (f && f->onlyKey == key && !scenario::applies(*f, to)) continue;
    out[it.key()] = *it;
  }
  for (const FieldSpec& f : place->fields)
    if (!out.contains(f.name) && scenario::isRequired(f, siblingOf(f, out)))
      out[f.name] = initialFor(doc, objectPath, out, f);
  return Command::set(objectPath, out.dump(), "Make " + objectPath.str() + " " + std::string(to));
}

std::string describeField(const FieldSpec& spec) {
  std::string s(scenario::describe(spec.type));
  if (spec.type == FieldType::Choice && spec.choices)
    s += ": " + scenario::joinNames(*spec.choices, ", ");
  if (spec.required) {
    s += ", required";
    std::string_view words = spec.requiredFor.empty() ? spec.onlyValues : spec.requiredFor;
    if (!words.empty()) s += " (" + std::string(words) + ")";
  } else if (spec.hasDefault) {
    s += ", default " + std::string(spec.initial);
  } else {
    s += ", optional";
  }
  if (!spec.onlyKey.empty() && spec.requiredFor.empty() && !spec.required)
    s += "; only " + std::string(spec.onlyKey) + " " + std::string(spec.onlyValues);
  if (!spec.help.empty()) s += " - " + std::string(spec.help);
  return s;
}

}  // namespace practicum::editor
