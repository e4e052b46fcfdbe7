// What the inspector offers, from the format's table of fields: from File > New every list gets
// a new element that keeps the document valid; each place offers the fields valid there (a
// hinge its axis, limits and motor; a fixed joint none of them; a fault one trigger); a field
// starts with a value named after the document's own things; a change of kind brings what the
// new kind needs; and the words a field can take come from the document.
#include <gtest/gtest.h>

#include <algorithm>

#include <practicum/editor/authoring.hpp>
#include <practicum/editor/document.hpp>
#include <practicum/editor/fields.hpp>

#include "test_support.hpp"

namespace practicum::test {
namespace {

using editor::Command;
using editor::Document;
using editor::Path;

Document substation() {
  auto doc = Document::open(sourceDir() / "scenarios" / "substation-switching");
  EXPECT_TRUE(doc.ok());
  return std::move(*doc);
}

std::string problems(const Document& doc) {
  std::string s;
  for (const auto& d : doc.diagnostics()) s += d.format() + "\n";
  return s;
}

void add(Document& doc, const char* list) {
  const std::string element = editor::newElement(doc, list);
  ASSERT_FALSE(element.empty()) << list;
  ASSERT_TRUE(doc.apply(Command::insert(list, doc.size(list), element)).ok()) << list;
}

void apply(Document& doc, core::Result<Command> c) {
  ASSERT_TRUE(c.ok()) << c.error().message;
  ASSERT_TRUE(doc.apply(*c).ok());
}

std::vector<std::string> offered(const Document& doc, const Path& object, bool present) {
  std::vector<std::string> out;
  for (const auto& f : editor::fieldsOf(doc, object))
    if (f.present == present) out.push_back(f.name);
  return out;
}

bool has(const std::vector<std::string>& v, std::string_view s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

TEST(Fields, EveryListOfANewScenarioGetsAnElementThatKeepsItValid) {
  Document doc = Document::create("t", {"测", "t"});
  ASSERT_TRUE(doc.valid()) << problems(doc);
  editor::EntitySpec body;
  body.body = "dynamic";
  ASSERT_TRUE(doc.apply(editor::addEntity(doc, body)).ok());
  // a list the document does not have yet is created with its first element
  for (const char* list : {"materials", "joints", "devices", "procedure.steps", "rules", "faults",
                           "zones", "indicators", "variables", "procedure.steps"}) {
    add(doc, list);
    EXPECT_TRUE(doc.valid()) << list << ":\n" << problems(doc) << doc.text();
  }
  EXPECT_EQ(doc.string("procedure.steps[1].id"), "step_2");
  EXPECT_EQ(doc.string("joints[0].type"), "hinge");
  EXPECT_TRUE(doc.value("joints[0].axis"));              // required for a hinge
  EXPECT_EQ(doc.string("devices[0].entity"), "entity");  // the entity with a body
}

TEST(Fields, EachPlaceOffersTheFieldsValidThere) {
  Document doc = Document::create("t", {"测", "t"});
  editor::EntitySpec wheel;
  wheel.name = "wheel";
  wheel.body = "dynamic";
  ASSERT_TRUE(doc.apply(editor::addEntity(doc, wheel)).ok());
  add(doc, "joints");
  // a hinge has its axis and may have limits and a motor
  EXPECT_TRUE(has(offered(doc, "joints[0]", true), "axis"));
  const auto absent = offered(doc, "joints[0]", false);
  EXPECT_TRUE(has(absent, "limits") && has(absent, "motor") && has(absent, "b")) << absent.size();
  EXPECT_FALSE(has(absent, "name") || has(absent, "radius"));
  apply(doc, editor::addField(doc, "joints[0].limits"));
  EXPECT_EQ(doc.value("joints[0].limits"), R"({"lower":0,"upper":90})");
  // a fixed joint has none of them: they go with the change of type, and come back as required
  apply(doc, editor::retype(doc, "joints[0].type", "fixed"));
  EXPECT_FALSE(doc.value("joints[0].axis") || doc.value("joints[0].limits"));
  EXPECT_FALSE(has(offered(doc, "joints[0]", false), "axis"));
  EXPECT_TRUE(doc.valid()) << problems(doc);
  apply(doc, editor::retype(doc, "joints[0].type", "hinge"));
  EXPECT_TRUE(doc.value("joints[0].axis"));
  apply(doc, editor::addField(doc, "joints[0].limits"));
  // a valve on it: the valve's joint is that hinge, found by itself
  add(doc, "devices");
  apply(doc, editor::setDeviceKind(doc, 0, "valve"));
  EXPECT_EQ(doc.string("devices[0].joint"), "joint");
  EXPECT_TRUE(doc.valid()) << problems(doc);
  for (const auto& f : editor::fieldsOf(doc, "devices[0]"))
    EXPECT_TRUE(f.name != "positions" && f.name != "target" && f.name != "accepts") << f.name;
  // a required field that is missing is listed, flagged, and added with its value
  ASSERT_TRUE(doc.apply(Command::erase("devices[0].joint")).ok());
  const auto fields = editor::fieldsOf(doc, "devices[0]");
  const auto joint = std::find_if(fields.begin(), fields.end(),
                                  [](const editor::FieldOffer& f) { return f.name == "joint"; });
  ASSERT_NE(joint, fields.end());
  EXPECT_TRUE(joint->required && !joint->present);
  EXPECT_FALSE(doc.valid());
  apply(doc, editor::addField(doc, "devices[0].joint"));
  EXPECT_TRUE(doc.valid()) << problems(doc);
  // a fault has at most one trigger
  add(doc, "faults");
  EXPECT_TRUE(has(offered(doc, "faults[0]", false), "window"));
  apply(doc, editor::addField(doc, "faults[0].at"));
  EXPECT_FALSE(has(offered(doc, "faults[0]", false), "window"));
  // the rubric's penalties and time
  ASSERT_TRUE(doc.apply(Command::set("rubric", R"({"pass": 0})")).ok());
  EXPECT_TRUE(has(offered(doc, "rubric", false), "penalties"));
  apply(doc, editor::addField(doc, "rubric.penalties"));
  EXPECT_TRUE(has(offered(doc, "rubric.penalties", true), "major"));
  EXPECT_TRUE(has(offered(doc, "rubric.penalties", false), "timeout"));
  // the scenario's own fields, with a member the format does not have listed as such
  ASSERT_TRUE(doc.apply(Command::set("colour", "1")).ok());
  const auto top = editor::fieldsOf(doc, Path());
  EXPECT_TRUE(std::any_of(top.begin(), top.end(), [](const editor::FieldOffer& f) {
    return f.name == "colour" && !f.spec && !f.applies;
  }));
  EXPECT_TRUE(has(offered(doc, Path(), false), "description"));
  EXPECT_TRUE(editor::fieldsOf(doc, "entities").empty());  // a list, not an object
}

TEST(Fields, TheWordsAFieldTakesComeFromTheDocument) {
  Document doc = substation();
  const auto rule = doc.find("rules", "bus_side_before_line_side");
  ASSERT_TRUE(rule);
  const Path to = Path("rules").element(*rule).child("to");
  EXPECT_EQ(editor::fieldChoices(doc, to), (std::vector<std::string>{"open", "closed"}));
  EXPECT_TRUE(has(editor::fieldChoices(doc, Path("rules").element(*rule).child("consequence")),
                  "arc-flash"));
  // a step waits for steps before it only
  const auto after = editor::fieldChoices(doc, "procedure.steps[2].after");
  EXPECT_EQ(after.size(), 2u);
  EXPECT_EQ(editor::fieldChoices(doc, "procedure.steps[0].after").size(), 0u);
  // a lock's target: not itself, not another lock or tag, not a tool
  const auto lock = doc.find("devices", "LK1");
  const auto targets = editor::fieldChoices(doc, Path("devices").element(*lock).child("target"));
  EXPECT_TRUE(has(targets, "QS2"));
  EXPECT_FALSE(has(targets, "LK1") || has(targets, "TG1") || has(targets, "VD1"));
  // a device's positions: its own, or those of its kind
  const auto initialOf = [&](const char* device) {
    return editor::fieldChoices(
        doc, Path("devices").element(*doc.find("devices", device)).child("initial"));
  };
  EXPECT_EQ(initialOf("LK1"), (std::vector<std::string>{"off", "on"}));
  EXPECT_EQ(initialOf("DOOR"), (std::vector<std::string>{"closed", "open"}));
  EXPECT_TRUE(initialOf("VD1").empty());
  EXPECT_TRUE(editor::choosesOneWord(scenario::FieldType::Entity));
  EXPECT_FALSE(editor::choosesOneWord(scenario::FieldType::Condition));
  EXPECT_NE(editor::describeField(*scenario::fieldAt("joints[0].axis")).find("required"),
            std::string::npos);
  EXPECT_NE(editor::describeField(*scenario::fieldAt("procedure.steps[0].points")).find("1"),
            std::string::npos);
}

}  // namespace
}  // namespace practicum::test
