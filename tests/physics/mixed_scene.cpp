#include "mixed_scene.hpp"

#include <cassert>
#include <cmath>

namespace practicum::physics::test {
namespace {

using core::Quat;
using core::Vec3;
using scene::BodyType;
using scene::JointKind;
using scene::ShapeKind;

// adds a body and asserts success (the scene is fixed, so failure is a programming error)
BodyId add(World& world, const BodyDesc& desc) {
  auto id = world.addBody(desc);
  assert(id.ok());
  return id.ok() ? *id : BodyId{};
}

JointId join(World& world, const JointDesc& desc) {
  auto id = world.addJoint(desc);
  assert(id.ok());
  return id.ok() ? *id : JointId{};
}

BodyDesc boxDesc(Vec3 position, Vec3 halfExtents, float mass = 1.0f) {
  BodyDesc d;
  d.shape.kind = ShapeKind::Box;
  d.shape.halfExtents = halfExtents;
  d.body.mass = mass;
  d.transform.position = position;
  return d;
}

// paddle pose at a tick: rotating about Y around (3, 0.3, 3)
Quat paddleRotation(std::uint64_t tick) {
  return core::quatFromAxisAngle({0, 1, 0}, 0.8f * static_cast<float>(tick) / 120.0f);
}
constexpr Vec3 kPaddleCentre{3.0f, 0.3f, 3.0f};

}  // namespace

scene::MeshData makeOctahedron(float r) {
  scene::MeshData m;
  m.name = "octahedron";
  m.positions = {{r, 0, 0}, {-r, 0, 0}, {0, r, 0}, {0, -r, 0}, {0, 0, r}, {0, 0, -r}};
  m.indices = {0, 2, 4, 4, 2, 1, 1, 2, 5, 5, 2, 0, 0, 4, 3, 4, 1, 3, 1, 5, 3, 5, 0, 3};
  m.normals = m.positions;
  return m;
}

scene::MeshData makeTetrahedron(float s, float h) {
  scene::MeshData m;
  m.name = "tetrahedron";
  m.positions = {{-s, 0, -s}, {s, 0, -s}, {0, 0, s}, {0, h, 0}};
  m.indices = {0, 1, 2, 0, 3, 1, 1, 3, 2, 2, 3, 0};
  m.normals.assign(4, Vec3{0, 1, 0});
  return m;
}

scene::MeshData makeQuad(float half, float y) {
  scene::MeshData m;
  m.name = "quad";
  m.positions = {{-half, y, -half}, {half, y, -half}, {half, y, half}, {-half, y, half}};
  m.indices = {0, 2, 1, 0, 3, 2};  // counter-clockwise seen from above
  m.normals.assign(4, Vec3{0, 1, 0});
  return m;
}

BodyId addFloor(World& world, float half, std::uint64_t userData) {
  BodyDesc d = boxDesc({0, -0.5f, 0}, {half, 0.5f, half});
  d.body.type = BodyType::Static;
  d.userData = userData;
  return add(world, d);
}

MixedScene buildMixedScene(World& world) {
  MixedScene s;
  std::uint64_t user = 0;
  auto track = [&](BodyId id) {
    s.bodies.push_back(id);
    return id;
  };

  // static floor and a static triangle-mesh ramp
  track(addFloor(world, 12.0f, user++));
  {
    const scene::MeshData quad = makeQuad(1.5f, 0.0f);
    BodyDesc d;
    d.shape.kind = ShapeKind::TriangleMesh;
    d.body.type = BodyType::Static;
    d.transform.position = {6.0f, 0.6f, 0.0f};
    d.transform.rotation = core::quatFromEulerDegrees({0, 0, 20});
    d.meshes = {&quad, 1};
    d.userData = user++;
    track(add(world, d));
  }

  // thirty dynamic bodies of every shape, rotated, some thrown
  const scene::MeshData octa = makeOctahedron(0.35f);
  const scene::MeshData tetra = makeTetrahedron(0.3f, 0.5f);
  for (int i = 0; i < 30; ++i) {
    BodyDesc d;
    const float fi = static_cast<float>(i);
    d.transform.position = {-4.0f + static_cast<float>(i % 6) * 1.3f,
                            1.0f + static_cast<float>(i % 3) * 0.8f,
                            -2.5f + static_cast<float>(i / 6) * 1.1f};
    d.transform.rotation = core::quatFromEulerDegrees({static_cast<float>((i * 17) % 90),
                                                       static_cast<float>((i * 31) % 90),
                                                       static_cast<float>((i * 7) % 45)});
    d.body.mass = 1.0f + static_cast<float>(i % 4) * 0.5f;
    d.body.friction = 0.4f + 0.1f * static_cast<float>(i % 3);
    d.body.restitution = 0.05f * static_cast<float>(i % 4);
    if (i % 4 == 0) {
      d.body.linearVelocity = {0.5f * std::sin(fi), 0.0f, 0.5f * std::cos(fi)};
      d.body.angularVelocity = {0.0f, 1.0f, 0.5f};
    }
    switch (i % 6) {
      case 0:
        d.shape.kind = ShapeKind::Box;
        d.shape.halfExtents = {0.3f, 0.2f, 0.25f};
        break;
      case 1:
        d.shape.kind = ShapeKind::Sphere;
        d.shape.radius = 0.3f;
        d.body.rollingFriction = 0.01f;
        break;
      case 2:
        d.shape.kind = ShapeKind::Capsule;
        d.shape.radius = 0.2f;
        d.shape.height = 0.5f;
        break;
      case 3:
        d.shape.kind = ShapeKind::Cylinder;
        d.shape.radius = 0.25f;
        d.shape.height = 0.4f;
        break;
      case 4:
        d.shape.kind = ShapeKind::ConvexHull;
        d.meshes = {&octa, 1};
        break;
      default:
        d.shape.kind = ShapeKind::ConvexHull;
        d.meshes = {&tetra, 1};
        d.transform.scale = {1.2f, 1.0f, 0.9f};
        break;
    }
    d.userData = user++;
    const BodyId id = track(add(world, d));
    if (i == 13) s.impulseTarget = id;
  }

  // kinematic paddle
  {
    BodyDesc d = boxDesc(kPaddleCentre, {1.5f, 0.25f, 0.1f});
    d.body.type = BodyType::Kinematic;
    d.userData = user++;
    s.kinematic = track(add(world, d));
  }

  // hinge: a limited arm swinging under gravity
  {
    BodyDesc d = boxDesc({-7.0f, 4.0f, 0.0f}, {0.6f, 0.1f, 0.1f});
    d.userData = user++;
    JointDesc j;
    j.kind = JointKind::Hinge;
    j.a = track(add(world, d));
    j.pivot = {-7.6f, 4.0f, 0.0f};
    j.axis = {0, 0, 1};
    j.lowerLimit = -1.0f;
    j.upperLimit = 1.0f;
    s.joints.push_back(join(world, j));
  }
  // slider: a motorised carriage along X with limits
  {
    BodyDesc d = boxDesc({-7.0f, 1.5f, 4.0f}, {0.2f, 0.2f, 0.2f});
    d.userData = user++;
    JointDesc j;
    j.kind = JointKind::Slider;
    j.a = track(add(world, d));
    j.pivot = d.transform.position;
    j.axis = {1, 0, 0};
    j.lowerLimit = -1.0f;
    j.upperLimit = 1.0f;
    j.motor = {true, 0.5f, 50.0f};
    s.joints.push_back(join(world, j));
  }
  // fixed: two boxes welded together, falling
  {
    BodyDesc d = boxDesc({-3.0f, 3.5f, -4.5f}, {0.25f, 0.25f, 0.25f});
    d.userData = user++;
    JointDesc j;
    j.kind = JointKind::Fixed;
    j.a = track(add(world, d));
    d.transform.position = {-2.5f, 3.6f, -4.5f};
    d.userData = user++;
    j.b = track(add(world, d));
    j.pivot = {-2.75f, 3.55f, -4.5f};
    s.joints.push_back(join(world, j));
  }
  // point: a sphere pendulum
  {
    BodyDesc d;
    d.shape.kind = ShapeKind::Sphere;
    d.shape.radius = 0.2f;
    d.transform.position = {5.0f, 4.0f, -4.5f};
    d.userData = user++;
    JointDesc j;
    j.kind = JointKind::Point;
    j.a = track(add(world, d));
    j.pivot = {4.0f, 4.5f, -4.5f};
    s.joints.push_back(join(world, j));
  }
  return s;
}

void stepMixedScene(World& world, const MixedScene& scene) {
  const Quat q = paddleRotation(world.tick() + 1);
  world.setPose(scene.kinematic, kPaddleCentre, q);
  world.step();
}

std::vector<std::uint64_t> mixedSceneHashes(int ticks, std::optional<std::uint64_t> kickAtTick) {
  World world;
  const MixedScene scene = buildMixedScene(world);
  std::vector<std::uint64_t> hashes;
  hashes.reserve(static_cast<std::size_t>(ticks));
  for (int t = 0; t < ticks; ++t) {
    if (kickAtTick && world.tick() == *kickAtTick)
      world.applyImpulse(scene.impulseTarget, {0.0f, 3.0f, 1.5f}, {0.05f, 0.0f, 0.0f});
    stepMixedScene(world, scene);
    hashes.push_back(world.stateHash());
  }
  return hashes;
}

}  // namespace practicum::physics::test
