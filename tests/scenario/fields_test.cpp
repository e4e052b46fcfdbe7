// The format's fields in one table (practicum/scenario/fields.hpp): paths walk to their places
// and fields, and the table matches the loader place by place. In a document with an object of
// every place, each field of the table that applies there loads clean with the value a new one
// starts with, each that does not apply is refused, each required one is missed when it goes,
// and a field the table does not have is an unknown field.
#include <gtest/gtest.h>

#include <functional>
#include <set>

#include <nlohmann/json.hpp>
#include <practicum/scenario/fields.hpp>

#include "scenario_test_util.hpp"

namespace practicum::scenario {
namespace {

using namespace testing;
using Json = nlohmann::ordered_json;

TEST(Fields, PathsWalkToTheirPlacesAndFields) {
  EXPECT_EQ(placeAt("")->name, "");
  EXPECT_EQ(placeAt("joints[2].limits")->name, "joints[].limits");
  EXPECT_EQ(placeAt("procedure.steps[0]")->name, "procedure.steps[]");
  EXPECT_EQ(placeAt("procedure.steps[10].text")->name, "text");
  EXPECT_EQ(placeAt("rubric.penalties")->name, "rubric.penalties");
  EXPECT_EQ(placeAt("entities[0].body")->name, "entities[].body");
  EXPECT_EQ(fieldAt("joints[2].axis")->type, FieldType::Vec3);
  EXPECT_EQ(fieldAt("rules[1].consequence")->choices, NameList::Consequences);
  EXPECT_EQ(fieldAt("procedure.steps")->type, FieldType::List);
  for (const char* nowhere : {"entities", "entities[]", "entities[x]", "joints[0].shape",
                              "procedure.steps[0].nothing", "rubric[0]", "title.en", "zzz"})
    EXPECT_EQ(placeAt(nowhere), nullptr) << nowhere;
  EXPECT_EQ(fieldAt("title.en")->type, FieldType::String);
  EXPECT_EQ(fieldAt("devices[0].nothing"), nullptr);
}

TEST(Fields, EveryPlaceIsReachedFromTheTopAndEveryFieldIsDescribed) {
  std::set<std::string_view> reached{"", "text"};
  for (const PlaceSpec& place : places()) {
    std::set<std::string_view> names;
    for (const FieldSpec& f : place.fields) {
      EXPECT_TRUE(names.insert(f.name).second) << place.name << "." << f.name << " twice";
      EXPECT_FALSE(describe(f.type).empty());
      EXPECT_FALSE(Json::parse(f.initial, nullptr, false).is_discarded())
          << place.name << "." << f.name << ": " << f.initial;
      if (f.type == FieldType::Object || f.type == FieldType::List || f.type == FieldType::Text) {
        EXPECT_NE(findPlace(f.place), nullptr) << place.name << "." << f.name;
        reached.insert(f.place);
      }
      EXPECT_EQ(f.type == FieldType::Choice, f.choices.has_value()) << f.name;
      EXPECT_TRUE(f.onlyKey.empty() || findField(place, f.onlyKey)) << f.name;
    }
  }
  for (const PlaceSpec& place : places()) EXPECT_TRUE(reached.count(place.name)) << place.name;
}

// a document with an object of every place: a breaker H, a valve V on hinge J, a lock L, a
// tool W, a part P in a socket S, a fastener F, every kind of rule, a fault, a rubric with all
// of its parts
const char* kEveryPlace = R"({
  "format": 1, "id": "t", "title": {"zh-CN": "测试", "en": "Test"},
  "description": {"zh-CN": "说明", "en": "About"},
  "trade": "testing", "author": "tests", "licence": "CC0-1.0",
  "physics": {"tickRate": 120},
  "materials": [{"name": "m"}],
  "entities": [
    {"name": "a", "shape": {"type": "box", "halfExtents": [0.5, 0.5, 0.5]}, "material": "m",
     "body": {"type": "static"}},
    {"name": "b", "shape": {"type": "sphere", "radius": 0.2}, "material": "m",
     "body": {"type": "dynamic", "mass": 1}},
    {"name": "wheel", "model": "models/part.obj", "transform": {"position": [0, 1, 0]},
     "shape": {"type": "cylinder", "radius": 0.2, "height": 0.1},
     "body": {"type": "dynamic", "mass": 1}},
    {"name": "spare", "shape": {"type": "capsule", "radius": 0.1, "height": 0.2}, "material": "m",
     "body": {"type": "kinematic"}}
  ],
  "joints": [
    {"name": "J", "type": "hinge", "a": "wheel", "pivot": [0, 1, 0], "axis": [0, 0, 1],
     "limits": {"lower": 0, "upper": 90}, "motor": {"maxForce": 1}},
    {"name": "K", "type": "fixed", "a": "b", "pivot": [0, 0, 0]}
  ],
  "lights": {"sun": {"intensity": 3}},
  "camera": {"fov": 55},
  "devices": [
    {"name": "H", "kind": "breaker", "entity": "a", "label": {"zh-CN": "断路器", "en": "breaker"}},
    {"name": "V", "kind": "valve", "entity": "wheel", "label": {"zh-CN": "阀", "en": "valve"}, "joint": "J"},
    {"name": "L", "kind": "lock", "entity": "a", "label": {"zh-CN": "锁", "en": "lock"}, "target": "H"},
    {"name": "W", "kind": "tool", "entity": "spare", "label": {"zh-CN": "扳手", "en": "wrench"}, "toolType": "wrench"},
    {"name": "P", "kind": "part", "entity": "b", "label": {"zh-CN": "件", "en": "part"}},
    {"name": "S", "kind": "socket", "entity": "a", "label": {"zh-CN": "座", "en": "socket"}, "accepts": ["P"],
     "tolerance": {"distance": 0.02}},
    {"name": "F", "kind": "fastener", "entity": "a", "label": {"zh-CN": "螺栓", "en": "bolt"}, "tool": "wrench"}
  ],
  "variables": [{"name": "live", "value": "H.closed"}],
  "procedure": {"steps": [
    {"id": "one", "text": {"zh-CN": "一", "en": "one"}, "done": "H.open"},
    {"id": "two", "text": {"zh-CN": "二", "en": "two"}, "done": "H.closed"}
  ]},
  "rules": [
    {"id": "guard", "kind": "interlock", "text": {"zh-CN": "联锁", "en": "guard"}, "device": "H",
     "when": "L.on", "severity": "major"},
    {"id": "danger", "kind": "hazard", "text": {"zh-CN": "危险", "en": "danger"}, "when": "live",
     "severity": "critical"}
  ],
  "faults": [{"id": "leak", "text": {"zh-CN": "泄漏", "en": "leak"}}],
  "zones": [{"name": "Z", "label": {"zh-CN": "区", "en": "zone"}, "center": [0, 1, 0], "halfExtents": [1, 1, 1]}],
  "indicators": [{"name": "I", "label": {"zh-CN": "灯", "en": "lamp"}, "entity": "a", "value": "live"}],
  "rubric": {"pass": 1, "penalties": {"major": 5}, "time": {"target": 600}}
})";

// the value a test gives a new field: its initial value, with the names it must be filled in
// with (an editor offers the document's own)
Json valueFor(const FieldSpec& f, const Json& object, const std::string& path) {
  const std::string kind = object.value("kind", "");
  switch (f.type) {
    case FieldType::Entity: return "spare";
    case FieldType::Material: return "m";
    case FieldType::Model: return "models/part.obj";
    case FieldType::Device: return "H";
    case FieldType::Joint: return "J";
    case FieldType::Steps:
      return path.find("steps[1]") != std::string::npos ? Json::array({"one"}) : Json::array();
    case FieldType::Position:
      return kind == "lock" || kind == "tag" ? "off" : kind == "fastener" ? "tight" : "open";
    default: break;
  }
  if (f.name == "tool") return "wrench";
  return Json::parse(f.initial);
}

// every object of the document that is a place of the format, with its path and JSON pointer
using Visit = std::function<void(const std::string&, const Json::json_pointer&, const PlaceSpec&)>;
void eachPlace(const Json& v, const std::string& path, const Json::json_pointer& pointer,
               const Visit& visit) {
  if (v.is_object()) {
    if (const PlaceSpec* place = placeAt(path)) visit(path, pointer, *place);
    for (auto it = v.begin(); it != v.end(); ++it)
      eachPlace(*it, path.empty() ? it.key() : path + "." + it.key(), pointer / it.key(), visit);
  } else if (v.is_array()) {
    for (std::size_t i = 0; i < v.size(); ++i)
      eachPlace(v[i], path + "[" + std::to_string(i) + "]", pointer / i, visit);
  }
}

std::string fieldPath(const std::string& object, std::string_view field) {
  return object.empty() ? std::string(field) : object + "." + std::string(field);
}

TEST(Fields, TheLoaderReadsExactlyTheFieldsOfTheTable) {
  const Json base = Json::parse(kEveryPlace);
  {
    const LoadResult r = loadText(base.dump(2));
    ASSERT_TRUE(r.ok()) << describe(r);
  }
  std::set<std::string_view> seen;
  eachPlace(
      base, "", Json::json_pointer(),
      [&](const std::string& path, const Json::json_pointer& pointer, const PlaceSpec& place) {
        seen.insert(place.name);
        const Json& object = base[pointer];
        // a field the table does not have
        {
          Json d = base;
          d[pointer]["zzz"] = 1;
          const LoadResult r = loadText(d.dump(2));
          const Diagnostic* e = findPath(r, fieldPath(path, "zzz"));
          ASSERT_NE(e, nullptr) << path << ": " << describe(r);
          EXPECT_NE(e->message.find("unknown field"), std::string::npos) << e->format();
        }
        std::set<std::string_view> groups;
        for (const FieldSpec& f : place.fields)
          if (object.contains(f.name) && !f.group.empty()) groups.insert(f.group);
        for (const FieldSpec& f : place.fields) {
          std::optional<std::string> kind;
          if (!f.onlyKey.empty() && object.contains(f.onlyKey) && object[f.onlyKey].is_string())
            kind = object[f.onlyKey].get<std::string>();
          const std::optional<std::string_view> k =
              kind ? std::optional<std::string_view>(*kind) : std::nullopt;
          const std::string where = fieldPath(path, f.name);
          if (object.contains(f.name)) {
            EXPECT_TRUE(applies(f, k)) << where << " is in the document but does not apply";
            if (isRequired(f, k)) {  // a required field that goes is missed, at its object
              Json d = base;
              d[pointer].erase(std::string(f.name));
              const LoadResult r = loadText(d.dump(2));
              EXPECT_FALSE(r.ok()) << where << " is required but loads without it";
              bool named = false;
              for (const Diagnostic& e : r.diagnostics)
                named = named || e.message.find(std::string(f.name)) != std::string::npos;
              EXPECT_TRUE(named) << where << ": " << describe(r);
            }
            continue;
          }
          if (!f.group.empty() && groups.count(f.group)) continue;
          Json d = base;
          d[pointer][std::string(f.name)] = valueFor(f, object, path);
          const LoadResult r = loadText(d.dump(2));
          if (applies(f, k)) {
            EXPECT_FALSE(isRequired(f, k))
                << where << " is required but the document loads without";
            EXPECT_TRUE(r.ok()) << where << " = " << d[pointer][std::string(f.name)].dump() << ":\n"
                                << describe(r);
          } else {
            // refused, or (a static body's mass, its velocities) ignored with a warning there
            EXPECT_TRUE(!r.ok() || findPath(r, where)) << where << " does not apply but loads";
          }
        }
      });
  for (const PlaceSpec& place : places()) EXPECT_TRUE(seen.count(place.name)) << place.name;
}

}  // namespace
}  // namespace practicum::scenario
