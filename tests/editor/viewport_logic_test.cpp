// The editor's viewport without a window: typed paths, what a ray from the eye picks, and what
// a drag of the gizmo's handles does to an entity (moves, turns, scales; snapped; one undo step
// per drag).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <practicum/editor/authoring.hpp>
#include <practicum/editor/document.hpp>
#include <practicum/editor/gizmo.hpp>
#include <practicum/editor/path.hpp>
#include <practicum/editor/picking.hpp>
#include <practicum/sim/simulation.hpp>

#include "test_support.hpp"

namespace practicum::test {
namespace {

using editor::Document;
using editor::Path;

TEST(Path, ParsesAndAnswersAboutItsParts) {
  const Path p("procedure.steps[1].text.en");
  ASSERT_TRUE(p.valid());
  EXPECT_EQ(p.depth(), 5u);
  EXPECT_EQ(p.key(), "en");
  EXPECT_EQ(p.item(), Path("procedure.steps[1]"));
  EXPECT_EQ(p.indexIn("procedure.steps"), 1u);
  EXPECT_FALSE(p.indexIn("entities"));
  EXPECT_TRUE(p.startsWith("procedure.steps"));
  EXPECT_EQ(p.parent().str(), "procedure.steps[1].text");
  EXPECT_EQ(Path("entities").element(3).child("shape").str(), "entities[3].shape");
  EXPECT_EQ(Path("entities[3]").index(), 3u);
  EXPECT_EQ(Path("rubric.pass").item(), Path("rubric"));
  EXPECT_TRUE(Path().empty());
  for (const char* bad : {"a..b", "a[", "a[x]", ".a", "a."}) EXPECT_FALSE(Path(bad).valid()) << bad;
  EXPECT_EQ(Path("a[").str(), "a[");  // a malformed path keeps its text for messages
}

TEST(Document, AddingToAListANewScenarioLacksCreatesItAndUndoRemovesIt) {
  Document doc = Document::create("t", {"测", "t"});
  ASSERT_FALSE(doc.value("procedure"));
  const auto step = R"({"id": "s1", "text": {"zh-CN": "步", "en": "step"}, "done": "true"})";
  ASSERT_TRUE(doc.apply(editor::Command::insert("procedure.steps", 0, step)).ok());
  EXPECT_EQ(doc.size("procedure.steps"), 1u);
  EXPECT_TRUE(doc.valid()) << doc.diagnostics()[0].format();
  ASSERT_TRUE(doc.undo());
  EXPECT_FALSE(doc.value("procedure"));
}

// a document with one box at a known place, and its simulation
struct Scene {
  Document doc = Document::create("t", {"测", "t"});
  std::unique_ptr<sim::Simulation> sim;
  std::size_t box = 0;
  Scene() {
    editor::EntitySpec spec;
    spec.name = "box";
    spec.size = {0.1, 0.1, 0.1};
    spec.position = {0.5, 1.0, 0.0};
    EXPECT_TRUE(doc.apply(editor::addEntity(doc, spec)).ok());
    box = doc.size("entities") - 1;
    rebuild();
  }
  void rebuild() {
    EXPECT_TRUE(doc.valid()) << doc.diagnostics()[0].format();
    auto made = sim::Simulation::create(*doc.scenario());
    EXPECT_TRUE(made.ok());
    sim = std::move(*made);
  }
};

TEST(Picking, TheNearestBoxUnderTheRayTheFloorOnlyWhenNothingElse) {
  Scene s;
  // straight at the box from in front
  const core::Vec3 eye{0.5f, 1.0f, 3.0f};
  EXPECT_EQ(editor::pickEntity(*s.sim, eye, {0, 0, -1}), s.box);
  // beside it, down at the floor: the floor
  const auto floor = editor::pickEntity(*s.sim, {2.0f, 1.0f, 3.0f}, {0, -0.3f, -1});
  ASSERT_TRUE(floor);
  EXPECT_EQ(s.doc.string(Path("entities").element(*floor).child("name")), "floor");
  // up into the sky: nothing
  EXPECT_FALSE(editor::pickEntity(*s.sim, eye, {0, 1, 0}));
  // the floor is big, but a box on it is picked through it from above
  EXPECT_EQ(editor::pickEntity(*s.sim, {0.5f, 3.0f, 0.0f}, {0, -1, 0}), s.box);
}

editor::GizmoHandles handles() {
  // x to the right, y up, z towards the viewer, each handle 100 pixels for 0.5 m
  editor::GizmoHandles h;
  h.originX = 400;
  h.originY = 300;
  h.ends[0] = std::array<float, 2>{500, 300};
  h.ends[1] = std::array<float, 2>{400, 200};
  h.ends[2] = std::array<float, 2>{330, 370};
  h.metres = 0.5f;
  return h;
}

std::array<double, 3> position(const Document& doc, std::size_t entity) {
  const auto j = nlohmann::json::parse(
      *doc.value(Path("entities").element(entity).child("transform").child("position")));
  return {j[0].get<double>(), j[1].get<double>(), j[2].get<double>()};
}

TEST(Gizmo, TheHandleUnderThePointer) {
  const auto h = handles();
  EXPECT_EQ(editor::handleUnder(h, 470, 302), 0);
  EXPECT_EQ(editor::handleUnder(h, 401, 230), 1);
  EXPECT_EQ(editor::handleUnder(h, 350, 350), 2);
  EXPECT_FALSE(editor::handleUnder(h, 480, 240));
}

TEST(Gizmo, DraggingTheXHandleMovesAlongXSnappedAndUndoesAsOneStep) {
  Scene s;
  const auto h = handles();
  auto drag = editor::GizmoDrag::begin(s.doc, s.box, 0, editor::GizmoTool::Move, h, 480, 300);
  ASSERT_TRUE(drag.ok()) << drag.error().message;
  // 40 pixels along a 100-pixel handle of 0.5 m: 0.2 m, in several moves of the mouse
  for (float x : {490.0f, 500.0f, 510.0f, 520.0f})
    ASSERT_TRUE(s.doc.apply(drag->to(x, 305, {})).ok());
  const auto p = position(s.doc, s.box);
  EXPECT_NEAR(p[0], 0.7, 1e-9);

  EXPECT_NEAR(p[1], 1.0, 1e-9);
  // a travel across the handle does nothing; snapping rounds to the grid
  ASSERT_TRUE(s.doc.apply(drag->to(523, 380, {true, 0.05, 15})).ok());
  EXPECT_NEAR(position(s.doc, s.box)[0], 0.7, 1e-9);
  // the whole drag is one step back
  ASSERT_TRUE(s.doc.undo());
  EXPECT_NEAR(position(s.doc, s.box)[0], 0.5, 1e-9);
  // a second drag is a step of its own
  auto again = editor::GizmoDrag::begin(s.doc, s.box, 1, editor::GizmoTool::Move, h, 400, 250);
  ASSERT_TRUE(again.ok());
  ASSERT_TRUE(s.doc.apply(again->to(400, 230, {})).ok());  // up by 20 pixels: 0.1 m
  EXPECT_NEAR(position(s.doc, s.box)[1], 1.1, 1e-9);
  ASSERT_TRUE(s.doc.redo() == false);
  ASSERT_TRUE(s.doc.undo());
  EXPECT_NEAR(position(s.doc, s.box)[1], 1.0, 1e-9);
  s.rebuild();
}

TEST(Gizmo, AMoveChangesThePositionAloneAndAClickChangesNothing) {
  Scene s;
  const auto h = handles();
  const Path transform = Path("entities").element(s.box).child("transform");
  ASSERT_TRUE(s.doc.apply(editor::Command::erase(transform.child("rotation"))).ok());
  const std::uint64_t revision = s.doc.revision();
  auto drag = editor::GizmoDrag::begin(s.doc, s.box, 0, editor::GizmoTool::Move, h, 480, 300);
  ASSERT_TRUE(drag.ok()) << drag.error().message;
  // a press and a release with no travel: no step, nothing unsaved
  ASSERT_TRUE(s.doc.apply(drag->to(480, 300, {})).ok());
  EXPECT_EQ(s.doc.revision(), revision);
  // a move: the position changes, no rotation appears
  ASSERT_TRUE(s.doc.apply(drag->to(500, 300, {})).ok());
  const auto moved = nlohmann::json::parse(*s.doc.value(transform));
  EXPECT_EQ(moved.size(), 1u) << moved.dump();
  EXPECT_NEAR(position(s.doc, s.box)[0], 0.6, 1e-9);
}

TEST(Gizmo, RotatingAndScaling) {
  Scene s;
  const auto h = handles();
  // rotate about y: half a degree a pixel, snapped to 15 degrees
  auto turn = editor::GizmoDrag::begin(s.doc, s.box, 1, editor::GizmoTool::Rotate, h, 400, 250);
  ASSERT_TRUE(turn.ok());
  ASSERT_TRUE(s.doc.apply(turn->to(400, 190, {true, 0.05, 15})).ok());  // 60 px: 30 degrees
  const auto rot = nlohmann::json::parse(
      *s.doc.value(Path("entities").element(s.box).child("transform").child("rotation")));
  EXPECT_NEAR(rot[1].get<double>(), 30.0, 1e-9);
  // scale along x: a primitive box grows its half extent
  auto grow = editor::GizmoDrag::begin(s.doc, s.box, 0, editor::GizmoTool::Scale, h, 450, 300);
  ASSERT_TRUE(grow.ok());
  ASSERT_TRUE(s.doc.apply(grow->to(450 + 69.3147f, 300, {false, 0.05, 15})).ok());  // e^0.693 = 2
  const auto size = nlohmann::json::parse(
      *s.doc.value(Path("entities").element(s.box).child("shape").child("halfExtents")));
  EXPECT_NEAR(size[0].get<double>(), 0.2, 1e-4);
  s.rebuild();
  // no such entity, no such handle
  EXPECT_FALSE(editor::GizmoDrag::begin(s.doc, 99, 0, editor::GizmoTool::Move, h, 0, 0).ok());
  editor::GizmoHandles behind = h;
  behind.ends[2].reset();
  EXPECT_FALSE(
      editor::GizmoDrag::begin(s.doc, s.box, 2, editor::GizmoTool::Move, behind, 0, 0).ok());
}

}  // namespace
}  // namespace practicum::test
