// The player's camera: orbiting keeps the target and distance, walking stays on the floor plane
// and does not pass through walls or cabinets.
#include <gtest/gtest.h>

#include <cmath>

#include <practicum/sim/bot.hpp>
#include <practicum/sim/session.hpp>

#include <practicum/present/camera_rig.hpp>
#include <practicum/present/pointer.hpp>
#include "test_support.hpp"

namespace practicum::test {
namespace {

scene::Camera startCamera() {
  scene::Camera c;
  c.position = {0, 1.6f, 3};
  c.target = {0, 1.1f, 0};
  return c;
}

TEST(CameraRig, OrbitKeepsTheTargetAndZoomChangesTheDistance) {
  present::CameraRig rig(startCamera());
  EXPECT_EQ(rig.mode(), present::CameraRig::Mode::Orbit);
  const float start = core::length(rig.camera().position - rig.camera().target);
  rig.orbit(200, 0);
  const scene::Camera turned = rig.camera();
  EXPECT_NEAR(core::length(turned.position - turned.target), start, 1e-4f);
  EXPECT_GT(std::abs(turned.position.x), 0.5f);  // went round
  EXPECT_EQ(turned.target, startCamera().target);
  rig.zoom(3);
  EXPECT_LT(core::length(rig.camera().position - rig.camera().target), start * 0.8f);
  rig.reset();
  EXPECT_NEAR(core::length(rig.camera().position - startCamera().position), 0.0f, 1e-4f);
}

TEST(CameraRig, WalkingStartsWhereTheOrbitWasAndStaysOnTheFloorPlane) {
  present::CameraRig rig(startCamera());
  rig.orbit(0, 100);  // look from higher up
  const core::Vec3 before = rig.camera().position;
  rig.setMode(present::CameraRig::Mode::Walk);
  EXPECT_NEAR(core::length(rig.camera().position - before), 0.0f, 1e-4f);
  // one second forward at a walking pace: 1.4 m towards the target, level
  const core::Vec3 to = rig.walkTarget(1, 0, 1.0, false);
  EXPECT_NEAR(core::length(to - before), 1.4f, 1e-3f);
  EXPECT_FLOAT_EQ(to.y, before.y);
  EXPECT_LT(to.z, before.z);
  // mouse look turns the view, not the eye
  rig.moveEye(to);
  rig.look(300, 0);
  EXPECT_EQ(rig.camera().position, to);
}

TEST(CameraRig, AWalkerDoesNotPassThroughTheSwitchgear) {
  auto session = sim::Session::load(sourceDir() / "scenarios" / "substation-switching");
  ASSERT_TRUE(session.ok()) << session.error().message;
  const physics::World& world = (*session)->simulation().physics();
  // in front of cabinet AH2 (its front at z = 0.6), walking into it
  const core::Vec3 from{0, 1.5f, 1.2f};
  EXPECT_EQ(present::walkTowards(world, from, {0, 1.5f, 0.7f}), from);
  // diagonally into it: slides along it, keeping the distance
  const core::Vec3 slid = present::walkTowards(world, from, {0.3f, 1.5f, 0.7f});
  EXPECT_FLOAT_EQ(slid.x, 0.3f);
  EXPECT_FLOAT_EQ(slid.z, 1.2f);
  // away from it: free
  EXPECT_EQ(present::walkTowards(world, from, {0, 1.5f, 1.6f}), (core::Vec3{0, 1.5f, 1.6f}));
}

TEST(CameraRig, ThePointerAtAnEntitysPlaceOnTheScreenPointsAtIt) {
  // what the player does with the cursor: the device drawn at a pixel is the one hovered there
  auto session = sim::Session::load(sourceDir() / "scenarios" / "substation-switching");
  ASSERT_TRUE(session.ok()) << session.error().message;
  sim::Session& s = **session;
  present::CameraRig rig(s.definition().scene.camera);
  rig.orbit(60, -20);  // not the scenario's own view
  const scene::Camera eye = rig.camera();
  const VkRect2D region{{0, 0}, {1280, 720}};
  const render::CameraView view = render::makeCameraView(eye, 1280.0f / 720.0f);
  for (const char* name : {"QF1", "QS1", "QE1", "QF2"}) {
    const auto device = sim::findDevice(s.definition().training, name);
    ASSERT_TRUE(device);
    const std::uint32_t entity = s.devices().def(*device).entity;
    // the middle of the entity on the screen
    const core::Vec3 centre = s.simulation().entityPose(entity).position;
    const auto at = present::projectToScreen(view, centre, region);
    ASSERT_TRUE(at) << name;
    const float x = at->x, y = at->y;
    s.step(present::pointerInput(view, eye, *at, region));
    EXPECT_EQ(s.hoveredDevice(), device) << name << " at " << x << ", " << y;
  }
}

}  // namespace
}  // namespace practicum::test
