#pragma once
/// Scenes shared by the physics tests and physics_hash_probe: small meshes, a static floor and
/// the mixed determinism scene (every shape, body type and joint kind).
#include <cstdint>
#include <optional>
#include <vector>

#include <practicum/physics/world.hpp>
#include <practicum/scene/mesh.hpp>

namespace practicum::physics::test {

/// Regular octahedron with vertices at distance `radius` from the origin on each axis.
scene::MeshData makeOctahedron(float radius);
/// Tetrahedron with a flat bottom face at y = 0 and apex at (0, height, 0).
scene::MeshData makeTetrahedron(float size, float height);
/// Horizontal square of two triangles at height y, half size `half`, normal +Y.
scene::MeshData makeQuad(float half, float y);

/// Adds a static box whose top face is at y = 0 (half extents half x 0.5 x half).
BodyId addFloor(World& world, float half = 10.0f, std::uint64_t userData = 0);

/// Handles of the mixed scene.
struct MixedScene {
  std::vector<BodyId> bodies;   ///< every body, in creation order
  std::vector<JointId> joints;  ///< hinge, slider, fixed, point
  BodyId kinematic;             ///< the paddle driven by stepMixedScene
  BodyId impulseTarget;         ///< a dynamic body the determinism test kicks
};

/// Builds the mixed scene (a few dozen bodies of every shape, one joint of each kind) into an
/// empty world with default settings.
MixedScene buildMixedScene(World& world);
/// Drives the kinematic paddle for the coming tick, then steps the world once.
void stepMixedScene(World& world, const MixedScene& scene);
/// Builds the mixed scene in a fresh world and returns the state hash after each of `ticks`
/// steps. With kickAtTick, an impulse hits impulseTarget once the world has stepped that many
/// ticks (so hashes up to and including that tick are unaffected).
std::vector<std::uint64_t> mixedSceneHashes(int ticks,
                                            std::optional<std::uint64_t> kickAtTick = {});

}  // namespace practicum::physics::test
