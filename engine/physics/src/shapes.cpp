#include "shapes.hpp"

#include <sstream>
#include <utility>
#include <vector>

#include <BulletCollision/CollisionShapes/btBoxShape.h>
#include <BulletCollision/CollisionShapes/btBvhTriangleMeshShape.h>
#include <BulletCollision/CollisionShapes/btCapsuleShape.h>
#include <BulletCollision/CollisionShapes/btConvexHullShape.h>
#include <BulletCollision/CollisionShapes/btCylinderShape.h>
#include <BulletCollision/CollisionShapes/btShapeHull.h>
#include <BulletCollision/CollisionShapes/btSphereShape.h>

#include "bullet_convert.hpp"

namespace practicum::physics::detail {
namespace {

using core::ErrorCode;
using core::makeError;
using scene::ShapeKind;

core::Error invalid(const std::string& message) {
  return makeError(ErrorCode::InvalidArgument, "physics: " + message);
}

std::string num(float v) {
  std::ostringstream s;
  s << v;
  return s.str();
}

bool positive(float v) { return isFinite(v) && v > 0.0f; }

// true when the points span a volume (not all coincident, collinear or coplanar)
bool spansVolume(const std::vector<btVector3>& points) {
  constexpr btScalar kEps = btScalar(1e-4);
  const btVector3 p0 = points[0];
  // farthest point from p0
  btVector3 p1 = p0;
  for (const auto& p : points)
    if ((p - p0).length2() > (p1 - p0).length2()) p1 = p;
  const btVector3 dir = p1 - p0;
  if (dir.length() < kEps) return false;
  // farthest point from the line p0-p1
  btVector3 normal(0, 0, 0);
  for (const auto& p : points) {
    const btVector3 c = dir.cross(p - p0);
    if (c.length2() > normal.length2()) normal = c;
  }
  if (normal.length() < kEps * dir.length()) return false;
  normal.normalize();
  // farthest point from the plane
  btScalar height = 0;
  for (const auto& p : points) height = btMax(height, btFabs(normal.dot(p - p0)));
  return height >= kEps;
}

core::Result<OwnedShape> makeHull(const BodyDesc& desc) {
  const core::Vec3 scale = desc.transform.scale;
  std::vector<btVector3> points;
  for (const auto& mesh : desc.meshes)
    for (const auto& p : mesh.positions) {
      if (!isFinite(p)) return invalid("convex hull vertex " + toString(p) + " is not finite");
      points.push_back(toBt(core::mul(p, scale)));
    }
  if (points.size() < 4)
    return invalid("convex hull needs at least 4 vertices, got " + std::to_string(points.size()));
  if (!spansVolume(points))
    return invalid("convex hull vertices are degenerate (coincident, collinear or coplanar)");

  // exact hull first: drops interior points
  auto hull = std::make_unique<btConvexHullShape>(&points[0].x(), static_cast<int>(points.size()),
                                                  static_cast<int>(sizeof(btVector3)));
  hull->setMargin(kHullMargin);
  hull->optimizeConvexHull();
  // simplify large hulls
  if (hull->getNumPoints() > kMaxHullVertices) {
    btShapeHull reducer(hull.get());
    reducer.buildHull(hull->getMargin());
    if (reducer.numVertices() >= 4) {
      hull = std::make_unique<btConvexHullShape>(&reducer.getVertexPointer()->x(),
                                                 reducer.numVertices(),
                                                 static_cast<int>(sizeof(btVector3)));
      hull->setMargin(kHullMargin);
    }
  }
  hull->recalcLocalAabb();
  OwnedShape out;
  out.shape = std::move(hull);
  return out;
}

core::Result<OwnedShape> makeTriangleMesh(const BodyDesc& desc) {
  if (desc.body.type == scene::BodyType::Dynamic)
    return invalid(
        "triangle mesh shapes cannot be dynamic (use a convex hull, or make the body "
        "static)");
  const core::Vec3 scale = desc.transform.scale;
  auto mesh = std::make_unique<btTriangleMesh>(true, false);
  for (const auto& m : desc.meshes) {
    if (m.indices.size() % 3 != 0)
      return invalid("mesh '" + m.name + "' has " + std::to_string(m.indices.size()) +
                     " indices, not a multiple of 3");
    for (const auto& p : m.positions)
      if (!isFinite(p)) return invalid("mesh '" + m.name + "' has a non-finite vertex");
    for (std::size_t t = 0; t + 2 < m.indices.size(); t += 3) {
      btVector3 v[3];
      for (int k = 0; k < 3; ++k) {
        const std::uint32_t i = m.indices[t + k];
        if (i >= m.positions.size())
          return invalid("mesh '" + m.name + "' index " + std::to_string(i) + " out of range (" +
                         std::to_string(m.positions.size()) + " vertices)");
        v[k] = toBt(core::mul(m.positions[i], scale));
      }
      // skip degenerate triangles: they only produce bad normals
      if ((v[1] - v[0]).cross(v[2] - v[0]).length2() <= btScalar(1e-12)) continue;
      mesh->addTriangle(v[0], v[1], v[2], false);
    }
  }
  if (mesh->getNumTriangles() == 0)
    return invalid("triangle mesh has no (non-degenerate) triangles");
  OwnedShape out;
  out.shape = std::make_unique<btBvhTriangleMeshShape>(mesh.get(), true, true);
  out.mesh = std::move(mesh);
  return out;
}

}  // namespace

std::string toString(core::Vec3 v) {
  return "(" + num(v.x) + ", " + num(v.y) + ", " + num(v.z) + ")";
}

core::Status validateBody(const BodyDesc& desc) {
  const auto& t = desc.transform;
  const auto& b = desc.body;
  // transform
  if (!isFinite(t.position)) return invalid("position " + toString(t.position) + " is not finite");
  if (!isFinite(t.rotation)) return invalid("rotation is not finite");
  const float qlen2 = t.rotation.x * t.rotation.x + t.rotation.y * t.rotation.y +
                      t.rotation.z * t.rotation.z + t.rotation.w * t.rotation.w;
  if (!(qlen2 > 1e-12f)) return invalid("rotation quaternion has zero length");
  if (!isFinite(t.scale)) return invalid("scale " + toString(t.scale) + " is not finite");
  // mass and material
  if (!isFinite(b.mass)) return invalid("mass is not finite");
  if (b.type == scene::BodyType::Dynamic && !(b.mass > 0.0f))
    return invalid("dynamic body needs a positive mass, got " + num(b.mass));
  if (!isFinite(b.friction) || b.friction < 0.0f)
    return invalid("friction must be finite and >= 0, got " + num(b.friction));
  if (!isFinite(b.rollingFriction) || b.rollingFriction < 0.0f)
    return invalid("rolling friction must be finite and >= 0, got " + num(b.rollingFriction));
  if (!isFinite(b.restitution) || b.restitution < 0.0f)
    return invalid("restitution must be finite and >= 0, got " + num(b.restitution));
  if (!isFinite(b.linearDamping) || b.linearDamping < 0.0f || b.linearDamping > 1.0f)
    return invalid("linear damping must be in [0, 1], got " + num(b.linearDamping));
  if (!isFinite(b.angularDamping) || b.angularDamping < 0.0f || b.angularDamping > 1.0f)
    return invalid("angular damping must be in [0, 1], got " + num(b.angularDamping));
  // initial velocities
  if (!isFinite(b.linearVelocity))
    return invalid("linear velocity " + toString(b.linearVelocity) + " is not finite");
  if (!isFinite(b.angularVelocity))
    return invalid("angular velocity " + toString(b.angularVelocity) + " is not finite");
  return {};
}

core::Result<OwnedShape> makeShape(const BodyDesc& desc) {
  const auto& s = desc.shape;
  OwnedShape out;
  switch (s.kind) {
    case ShapeKind::Box:
      if (!positive(s.halfExtents.x) || !positive(s.halfExtents.y) || !positive(s.halfExtents.z))
        return invalid("box half extents must be positive and finite, got " +
                       toString(s.halfExtents));
      out.shape = std::make_unique<btBoxShape>(toBt(s.halfExtents));
      return out;
    case ShapeKind::Sphere:
      if (!positive(s.radius))
        return invalid("sphere radius must be positive and finite, got " + num(s.radius));
      out.shape = std::make_unique<btSphereShape>(s.radius);
      return out;
    case ShapeKind::Capsule:
      if (!positive(s.radius) || !(std::isfinite(s.height) && s.height >= 0.0f))
        return invalid("capsule radius must be positive and height at least 0, got radius " +
                       num(s.radius) + ", height " + num(s.height));
      out.shape = std::make_unique<btCapsuleShape>(s.radius, s.height);
      return out;
    case ShapeKind::Cylinder:
      if (!positive(s.radius) || !positive(s.height))
        return invalid("cylinder radius and height must be positive and finite, got radius " +
                       num(s.radius) + ", height " + num(s.height));
      out.shape = std::make_unique<btCylinderShape>(btVector3(s.radius, s.height * 0.5f, s.radius));
      return out;
    case ShapeKind::ConvexHull:
    case ShapeKind::TriangleMesh: {
      const core::Vec3 sc = desc.transform.scale;
      if (sc.x == 0.0f || sc.y == 0.0f || sc.z == 0.0f)
        return invalid("scale " + toString(sc) + " has a zero component");
      return s.kind == ShapeKind::ConvexHull ? makeHull(desc) : makeTriangleMesh(desc);
    }
  }
  return invalid("unknown shape kind " + std::to_string(static_cast<int>(s.kind)));
}

}  // namespace practicum::physics::detail
