#pragma once
/// What a ray from the eye picks in the editor's view: entities as boxes (a primitive's own
/// size, a model's mesh bounds), the nearest hit first, the floor and walls only when nothing
/// else is under the pointer. Pure geometry over the scenario's simulation; no window.
#include <cstddef>
#include <optional>

#include <practicum/core/math.hpp>
#include <practicum/sim/simulation.hpp>

namespace practicum::editor {

/// An entity's extent: a box of `halfExtents` around `centre`, in the entity's own frame, which
/// `matrix` takes to the world (scale included for models).
struct EntityBox {
  core::Mat4 matrix;
  core::Vec3 centre;
  core::Vec3 halfExtents;
};

/// The box of entity `entity` as the simulation holds it now.
EntityBox entityBox(const sim::Simulation& simulation, std::size_t entity);

/// Where along the ray (in units of `direction`) it enters the box; nullopt when it misses.
/// A ray starting inside hits at 0.
std::optional<float> rayHitsBox(const EntityBox& box, core::Vec3 origin, core::Vec3 direction);

/// Boxes more than this across (metres, the diagonal) are picked only when nothing smaller is
/// under the pointer: the floor, the walls, a big cabinet.
inline constexpr float kBackgroundSize = 4.0f;

/// The entity the ray picks: the nearest box it hits, background boxes (see kBackgroundSize)
/// only when it hits nothing else; nullopt when it hits nothing.
std::optional<std::size_t> pickEntity(const sim::Simulation& simulation, core::Vec3 origin,
                                      core::Vec3 direction);

}  // namespace practicum::editor
