#pragma once
/// Validation of body descriptions and construction of their Bullet collision shapes.
#include <memory>
#include <string>

#include <BulletCollision/CollisionShapes/btCollisionShape.h>
#include <BulletCollision/CollisionShapes/btTriangleMesh.h>

#include <practicum/core/math.hpp>
#include <practicum/core/result.hpp>
#include <practicum/physics/world.hpp>

namespace practicum::physics::detail {

/// Collision margin of convex hulls (Bullet's default of 0.04 m leaves a visible gap).
constexpr float kHullMargin = 0.01f;
/// Hulls with more vertices than this (after removing interior points) are simplified.
constexpr int kMaxHullVertices = 64;

/// A collision shape plus the triangle data it references; owned together by one body.
struct OwnedShape {
  std::unique_ptr<btTriangleMesh> mesh;  ///< declared first: destroyed after the shape
  std::unique_ptr<btCollisionShape> shape;
};

/// "(x, y, z)" for error messages.
std::string toString(core::Vec3 v);

/// Checks the non-shape parts of a body description (transform, mass, material, velocities).
core::Status validateBody(const BodyDesc& desc);

/// Checks the shape parameters and builds the shape; hull and mesh geometry is copied with
/// transform.scale baked in. Errors name the reason; the caller adds file/entity context.
core::Result<OwnedShape> makeShape(const BodyDesc& desc);

}  // namespace practicum::physics::detail
