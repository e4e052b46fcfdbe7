#pragma once
/// Procedural meshes for the primitive shapes, with outward normals and CCW front faces.
#include <practicum/scene/mesh.hpp>
#include <practicum/scene/scene.hpp>

namespace practicum::assets {

/// Box centred at the origin.
scene::MeshData makeBox(core::Vec3 halfExtents);
/// UV sphere centred at the origin.
scene::MeshData makeSphere(float radius, int segments = 32, int rings = 16);
/// Cylinder along Y centred at the origin, with caps.
scene::MeshData makeCylinder(float radius, float height, int segments = 32);
/// Capsule along Y: a cylinder of `height` with hemispherical ends of `radius`.
scene::MeshData makeCapsule(float radius, float height, int segments = 32, int rings = 8);
/// The visual mesh of a primitive shape (Box, Sphere, Capsule, Cylinder); empty for
/// ConvexHull and TriangleMesh, whose geometry comes from a model.
scene::MeshData makePrimitive(const scene::Shape& shape);

}  // namespace practicum::assets
