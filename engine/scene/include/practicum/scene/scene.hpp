#pragma once
/// The scene as plain data: materials, entities (transform, shape or model, material, body),
/// joints, lights and the initial camera. Built by the scenario loader, read by physics,
/// rendering and (later) the editor. No behaviour lives here.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <practicum/core/math.hpp>

namespace practicum::scene {

using core::Quat;
using core::Vec3;
using core::Vec4;

/// Position, orientation and scale. Scale applies to model geometry (visual and collision);
/// primitive shapes take their size from Shape instead.
struct Transform {
  Vec3 position;
  Quat rotation;
  Vec3 scale{1, 1, 1};
};

/// A surface: base colour (linear RGBA), roughness and metalness in [0, 1].
struct Material {
  std::string name;
  Vec4 baseColor{0.8f, 0.8f, 0.8f, 1.0f};
  float roughness = 0.6f;
  float metalness = 0.0f;
};

/// Geometric shape kinds shared by collision and (for primitives) rendering.
enum class ShapeKind : std::uint8_t {
  Box,           ///< halfExtents
  Sphere,        ///< radius
  Capsule,       ///< radius, height of the cylindrical part, along local Y
  Cylinder,      ///< radius, height, along local Y
  ConvexHull,    ///< hull of the entity's model vertices (model required)
  TriangleMesh,  ///< the entity's model triangles, static bodies only (model required)
};

/// A shape's parameters; which ones matter depends on kind.
struct Shape {
  ShapeKind kind = ShapeKind::Box;
  Vec3 halfExtents{0.5f, 0.5f, 0.5f};
  float radius = 0.5f;
  float height = 1.0f;
};

/// How a body moves.
enum class BodyType : std::uint8_t { Static, Dynamic, Kinematic };

/// Rigid-body properties. An entity without a Body takes no part in physics.
struct Body {
  BodyType type = BodyType::Dynamic;
  float mass = 1.0f;  ///< kg; ignored for static and kinematic bodies
  float friction = 0.6f;
  float rollingFriction = 0.0f;
  float restitution = 0.1f;
  float linearDamping = 0.05f;
  float angularDamping = 0.05f;
  Vec3 linearVelocity;   ///< initial, m/s
  Vec3 angularVelocity;  ///< initial, rad/s
};

/// One thing in the scene.
struct Entity {
  std::string name;  ///< unique within the scene
  Transform transform;
  Shape shape;                 ///< collision shape; also the visual when model is empty
  std::string model;           ///< model file relative to the scenario folder; empty = primitive
  std::uint32_t material = 0;  ///< index into Scene::materials (ignored for model visuals
                               ///< that bring their own materials unless overrideMaterial)
  bool overrideMaterial = false;
  std::optional<Body> body;
  bool cutaway = false;  ///< an enclosure the player's cut-away view shows see-through
};

/// Joint kinds between two bodies (or a body and the world).
enum class JointKind : std::uint8_t { Hinge, Slider, Fixed, Point };

/// A motor driving a hinge (rad/s, N·m) or slider (m/s, N).
struct Motor {
  bool enabled = false;
  float targetVelocity = 0.0f;
  float maxForce = 0.0f;
};

/// A constraint. Pivot and axis are in world space at the scene's initial pose.
struct Joint {
  std::string name;
  JointKind kind = JointKind::Hinge;
  std::uint32_t entityA = 0;
  std::optional<std::uint32_t> entityB;  ///< none = attached to the world
  Vec3 pivot;
  Vec3 axis{0, 1, 0};
  std::optional<float> lowerLimit;  ///< radians (hinge) or metres (slider)
  std::optional<float> upperLimit;
  Motor motor;
};

/// One directional light plus ambient.
struct Lighting {
  Vec3 direction{-0.4f, -1.0f, -0.3f};  ///< direction the light travels
  Vec3 color{1, 1, 1};
  float intensity = 3.0f;
  Vec3 ambient{0.25f, 0.27f, 0.3f};
  Vec3 background{0.55f, 0.62f, 0.7f};  ///< clear colour
};

/// The initial viewpoint.
struct Camera {
  Vec3 position{3, 2, 3};
  Vec3 target{0, 0.5f, 0};
  float fovYDegrees = 55.0f;
  float nearPlane = 0.05f;
  float farPlane = 200.0f;
};

/// The whole scene.
struct Scene {
  std::vector<Material> materials;
  std::vector<Entity> entities;
  std::vector<Joint> joints;
  Lighting lighting;
  Camera camera;
};

}  // namespace practicum::scene
