// Queries: raycasts and contact reporting.
#include <gtest/gtest.h>

#include <algorithm>

#include <practicum/physics/world.hpp>

#include "mixed_scene.hpp"

namespace practicum::physics {
namespace {

using core::Vec3;

TEST(PhysicsRaycast, HitsTheExpectedBodyWithUserDataAndNormal) {
  World world;
  BodyDesc d;
  d.body.type = scene::BodyType::Static;
  d.shape.halfExtents = {0.5f, 0.5f, 0.5f};
  d.userData = 42;
  auto near = world.addBody(d);
  d.transform.position = {0, -3, 0};
  d.userData = 7;
  auto far = world.addBody(d);
  ASSERT_TRUE(near.ok() && far.ok());

  auto hit = world.raycast({0, 5, 0}, {0, -5, 0});
  ASSERT_TRUE(hit.has_value());
  EXPECT_EQ(hit->body, *near);
  EXPECT_EQ(hit->userData, 42u);
  EXPECT_NEAR(hit->point.y, 0.5f, 1e-4f);
  EXPECT_NEAR(hit->normal.y, 1.0f, 1e-4f);
  EXPECT_NEAR(hit->fraction, 0.45f, 1e-4f);

  // from the side, against the far box
  hit = world.raycast({-5, -3, 0}, {5, -3, 0});
  ASSERT_TRUE(hit.has_value());
  EXPECT_EQ(hit->body, *far);
  EXPECT_EQ(hit->userData, 7u);
  EXPECT_NEAR(hit->normal.x, -1.0f, 1e-4f);
}

TEST(PhysicsRaycast, MissesWhenNothingIsThere) {
  World world;
  EXPECT_FALSE(world.raycast({0, 5, 0}, {0, -5, 0}).has_value()) << "empty world";
  test::addFloor(world, 2.0f);
  EXPECT_FALSE(world.raycast({10, 5, 0}, {10, -5, 0}).has_value()) << "beside the floor";
  EXPECT_FALSE(world.raycast({0, 5, 0}, {0, 1, 0}).has_value()) << "stops short of the floor";
  EXPECT_TRUE(world.raycast({0, 5, 0}, {0, -5, 0}).has_value());
}

TEST(PhysicsRaycast, IgnoresRemovedBodies) {
  World world;
  const BodyId floor = test::addFloor(world, 2.0f);
  ASSERT_TRUE(world.raycast({0, 5, 0}, {0, -5, 0}).has_value());
  world.removeBody(floor);
  EXPECT_FALSE(world.raycast({0, 5, 0}, {0, -5, 0}).has_value());
}

TEST(PhysicsContacts, FallingBoxBeginsOnceThenPersists) {
  World world;
  const BodyId floor = test::addFloor(world, 5.0f, 100);
  BodyDesc d;
  d.shape.halfExtents = {0.25f, 0.25f, 0.25f};
  d.transform.position = {0, 1.5f, 0};
  d.body.restitution = 0;
  d.userData = 200;
  auto box = world.addBody(d);
  ASSERT_TRUE(box.ok());

  int began = 0, persisted = 0, firstTick = -1;
  for (int t = 0; t < 360; ++t) {
    world.step();
    const auto contacts = world.contacts();
    ASSERT_LE(contacts.size(), 1u);
    if (contacts.empty()) {
      ASSERT_EQ(firstTick, -1) << "contact lost after it began (tick " << t << ")";
      continue;
    }
    const Contact& c = contacts[0];
    EXPECT_EQ(c.a, floor);
    EXPECT_EQ(c.b, *box);
    EXPECT_EQ(c.userDataA, 100u);
    EXPECT_EQ(c.userDataB, 200u);
    EXPECT_NEAR(std::fabs(c.normalOnB.y), 1.0f, 1e-3f);
    EXPECT_NEAR(c.point.y, 0.0f, 0.05f);
    if (c.began) {
      ++began;
      firstTick = t;
      EXPECT_GT(c.impulse, 0.0f) << "the impact needs an impulse";
    } else {
      ASSERT_NE(firstTick, -1) << "persistent contact before it began";
      ++persisted;
    }
  }
  EXPECT_EQ(began, 1);
  EXPECT_GT(persisted, 200);
  // about sqrt(2 * 1.25 / 9.81) = 0.5 s of fall
  EXPECT_NEAR(firstTick, 60, 6);
}

TEST(PhysicsContacts, SortedByBodyIndexPair) {
  World world;
  test::addFloor(world);
  std::vector<BodyId> boxes;
  for (int i = 0; i < 8; ++i) {
    BodyDesc d;
    d.shape.halfExtents = {0.2f, 0.2f, 0.2f};
    d.transform.position = {static_cast<float>(i % 4) * 0.5f,
                            0.25f + static_cast<float>(i / 4) * 0.45f, 0};
    auto id = world.addBody(d);
    ASSERT_TRUE(id.ok());
  }
  for (int t = 0; t < 60; ++t) world.step();
  const auto contacts = world.contacts();
  ASSERT_GE(contacts.size(), 8u);
  for (std::size_t i = 0; i < contacts.size(); ++i) {
    EXPECT_LT(contacts[i].a.index, contacts[i].b.index);
    if (i > 0) {
      const auto& p = contacts[i - 1];
      const auto& c = contacts[i];
      EXPECT_TRUE(p.a.index < c.a.index || (p.a.index == c.a.index && p.b.index < c.b.index));
    }
  }
}

}  // namespace
}  // namespace practicum::physics
