#pragma once
/// The physics world: Bullet rigid bodies and constraints stepped at a fixed tick.
/// Bullet is an implementation detail: nothing from it appears in this header.
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <vector>

#include <practicum/core/math.hpp>
#include <practicum/core/result.hpp>
#include <practicum/scene/mesh.hpp>
#include <practicum/scene/scene.hpp>

namespace practicum::physics {

using core::Quat;
using core::Vec3;

/// Handle to a body: index + generation, zero-initialised = null. Trivially copyable.
struct BodyId {
  std::uint32_t index = 0;  ///< slot + 1; 0 means null
  std::uint32_t generation = 0;
  explicit operator bool() const { return index != 0; }
  friend bool operator==(BodyId, BodyId) = default;
};

/// Handle to a joint, same scheme as BodyId.
struct JointId {
  std::uint32_t index = 0;
  std::uint32_t generation = 0;
  explicit operator bool() const { return index != 0; }
  friend bool operator==(JointId, JointId) = default;
};

/// World-wide settings.
struct WorldSettings {
  double tickRate = 120.0;  ///< fixed steps per second
  Vec3 gravity{0, -9.81f, 0};
  int solverIterations = 10;
};

/// Everything needed to create a body.
struct BodyDesc {
  scene::Shape shape;
  scene::Body body;
  scene::Transform transform;  ///< scale is baked into hull/mesh geometry
  /// Geometry for ConvexHull and TriangleMesh shapes (copied); ignored for primitives.
  std::span<const scene::MeshData> meshes;
  std::uint64_t userData = 0;  ///< returned in contacts and ray hits (e.g. entity index)
};

/// Everything needed to create a joint; pivot and axis in world space.
struct JointDesc {
  scene::JointKind kind = scene::JointKind::Hinge;
  BodyId a;
  BodyId b;  ///< null = the world
  Vec3 pivot;
  Vec3 axis{0, 1, 0};
  std::optional<float> lowerLimit;
  std::optional<float> upperLimit;
  scene::Motor motor;
};

/// A body's pose and velocities.
struct BodyState {
  Vec3 position;
  Quat rotation;
  Vec3 linearVelocity;
  Vec3 angularVelocity;
};

/// Closest hit of a ray.
struct RayHit {
  BodyId body;
  std::uint64_t userData = 0;
  Vec3 point;
  Vec3 normal;
  float fraction = 0;  ///< 0 at `from`, 1 at `to`
};

/// A touching pair after the last step. a.index < b.index (world-static pairs included).
struct Contact {
  BodyId a;
  BodyId b;
  std::uint64_t userDataA = 0;
  std::uint64_t userDataB = 0;
  Vec3 point;  ///< deepest point on b, world space
  Vec3 normalOnB;
  float impulse = 0;   ///< largest applied impulse in the pair this step
  bool began = false;  ///< true on the first step the pair touched
};

/// A Bullet dynamics world stepped one fixed tick at a time. Deterministic: the same sequence
/// of calls gives bit-identical states in any process of the same build. Not thread-safe.
class World {
 public:
  explicit World(const WorldSettings& settings = {});
  ~World();
  World(const World&) = delete;
  World& operator=(const World&) = delete;

  /// Adds a body; fails (naming the reason) for invalid shapes, e.g. a convex hull without
  /// vertices, a dynamic triangle mesh, or non-finite parameters.
  core::Result<BodyId> addBody(const BodyDesc& desc);
  /// Removes a body and every joint attached to it; stale ids become invalid.
  void removeBody(BodyId id);
  /// Adds a joint between live bodies.
  core::Result<JointId> addJoint(const JointDesc& desc);
  /// Removes a joint; stale ids become invalid. The bodies it held are woken.
  void removeJoint(JointId id);
  /// Moves the world-side pivot of a point or fixed joint attached to the world (b null): the
  /// body is pulled towards it (a fixed joint also keeps its orientation), as a hand carrying it
  /// would. Other joints are left alone.
  void setPointTarget(JointId id, Vec3 worldPoint);
  /// Sets a joint's motor (hinge: rad/s and N·m; slider: m/s and N).
  void setMotor(JointId id, const scene::Motor& motor);
  /// Current hinge angle (radians) or slider position (metres); 0 for other kinds.
  float jointPosition(JointId id) const;

  /// Advances exactly one fixed tick (1 / tickRate seconds) and refreshes contacts().
  void step();
  /// Number of ticks stepped so far.
  std::uint64_t tick() const;
  /// Seconds per tick.
  double tickSeconds() const;

  /// Applies an impulse (N·s) at a point relative to the centre of mass; wakes the body.
  void applyImpulse(BodyId id, Vec3 impulse, Vec3 relativePoint = {});
  /// Moves a kinematic body to a pose, or teleports any other body there at rest.
  void setPose(BodyId id, Vec3 position, Quat rotation);

  /// Whether the id refers to a live body.
  bool isValid(BodyId id) const;
  /// A live body's state.
  BodyState state(BodyId id) const;
  /// Whether the body is asleep (at rest and deactivated by Bullet).
  bool isSleeping(BodyId id) const;
  /// Live bodies in creation order.
  std::vector<BodyId> bodies() const;

  /// Closest hit along from→to, if any.
  std::optional<RayHit> raycast(Vec3 from, Vec3 to) const;
  /// Touching pairs after the last step; valid until the next step.
  std::span<const Contact> contacts() const;

  /// FNV-1a over the tick count and, for every live body in creation order, the bit patterns
  /// of its position, rotation basis, linear and angular velocity, and its sleep state.
  std::uint64_t stateHash() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace practicum::physics
