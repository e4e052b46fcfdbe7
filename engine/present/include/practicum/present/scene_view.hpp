#pragma once
/// Bridges a running simulation to the renderer: uploads each entity's meshes once (identical
/// primitives and shared models are uploaded once and drawn instanced) and turns the current
/// entity poses into draw items every frame. Observes the simulation; never changes it. The
/// renderer below knows only draw items; this is where the simulation meets it.
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <tuple>
#include <vector>

#include <practicum/render/renderer.hpp>
#include <practicum/sim/simulation.hpp>

namespace practicum::present {

/// How an entity is shown beyond its pose and material: what the player makes of device state
/// (a handle turned to its position, a lit lamp, a hovered device, a tool in the hand).
struct EntityLook {
  std::optional<core::Mat4> world;  ///< replaces the entity's pose (e.g. a tool held in the hand)
  float homeAlpha = 0.0f;  ///< with `world`: also a ghost of this opacity at the entity's pose
  core::Mat4 local;        ///< applied in the entity's own frame, before its pose
  float alpha = 1.0f;      ///< multiplies the material's opacity; 0 hides the entity
  float emissive = 0.0f;   ///< light of its own (see render::DrawItem::emissive)
  std::optional<core::Vec3> color;  ///< replaces the base colour (e.g. a lamp's lit colour)
  float highlight = 0.0f;           ///< see render::DrawItem::highlight
};

/// The drawable form of a simulation's entities. Borrows the Renderer.
class SceneView {
 public:
  /// Uploads the meshes of every entity of the simulation.
  static core::Result<std::unique_ptr<SceneView>> create(render::Renderer& renderer,
                                                         const sim::Simulation& simulation);

  /// Draw items for the simulation's current state; valid until the next call. `looks`, when
  /// not empty, has one entry per entity.
  std::span<const render::DrawItem> update(const sim::Simulation& simulation,
                                           std::span<const EntityLook> looks = {});
  /// A full frame description: the scenario's lighting, the given camera, current items.
  render::FrameDesc frame(const sim::Simulation& simulation, const render::CameraView& camera,
                          std::span<const EntityLook> looks = {});

 private:
  struct Part {
    render::MeshHandle mesh;
    core::Vec4 baseColor;
    float roughness = 0.6f;
    float metalness = 0.0f;
  };
  SceneView() = default;
  std::vector<std::vector<Part>> parts_;  ///< per entity
  std::vector<render::DrawItem> items_;
};

}  // namespace practicum::present
