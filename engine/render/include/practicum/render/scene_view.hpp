#pragma once
/// Bridges a running simulation to the renderer: uploads each entity's meshes once (identical
/// primitives and shared models are uploaded once and drawn instanced) and turns the current
/// entity poses into draw items every frame. Observes the simulation; never changes it.
#include <map>
#include <memory>
#include <span>
#include <tuple>
#include <vector>

#include <practicum/render/renderer.hpp>
#include <practicum/sim/simulation.hpp>

namespace practicum::render {

/// The drawable form of a simulation's entities. Borrows the Renderer.
class SceneView {
 public:
  /// Uploads the meshes of every entity of the simulation.
  static core::Result<std::unique_ptr<SceneView>> create(Renderer& renderer,
                                                         const sim::Simulation& simulation);

  /// Draw items for the simulation's current state; valid until the next call.
  std::span<const DrawItem> update(const sim::Simulation& simulation);
  /// A full frame description: the scenario's lighting, the given camera, current items.
  FrameDesc frame(const sim::Simulation& simulation, const CameraView& camera);

 private:
  struct Part {
    MeshHandle mesh;
    core::Vec4 baseColor;
    float roughness = 0.6f;
    float metalness = 0.0f;
  };
  SceneView() = default;
  std::vector<std::vector<Part>> parts_;  ///< per entity
  std::vector<DrawItem> items_;
};

}  // namespace practicum::render
