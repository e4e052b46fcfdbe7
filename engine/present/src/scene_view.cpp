#include <practicum/present/scene_view.hpp>

#include <practicum/assets/primitives.hpp>

namespace practicum::present {

core::Result<std::unique_ptr<SceneView>> SceneView::create(render::Renderer& renderer,
                                                           const sim::Simulation& simulation) {
  std::unique_ptr<SceneView> view(new SceneView());
  const auto& scene = simulation.definition().scene;
  view->parts_.resize(simulation.entityCount());

  // identical primitive shapes share one mesh; each model mesh is uploaded once
  using ShapeKey = std::tuple<int, float, float, float, float, float>;
  std::map<ShapeKey, render::MeshHandle> primitives;
  std::map<const scene::MeshData*, render::MeshHandle> modelMeshes;
  for (std::size_t i = 0; i < simulation.entityCount(); ++i) {
    const scene::Entity& e = scene.entities[i];
    const scene::Material& own = scene.materials.at(e.material);
    auto& parts = view->parts_[i];
    if (const assets::Model* model = simulation.entityModel(i)) {
      for (const auto& mesh : model->meshes) {
        auto& handle = modelMeshes[&mesh];
        if (!handle) {
          auto up = renderer.uploadMesh(mesh);
          if (!up.ok()) return up.error();
          handle = *up;
        }
        const scene::Material& m = e.overrideMaterial || mesh.material >= model->materials.size()
                                       ? own
                                       : model->materials[mesh.material];
        parts.push_back({handle, m.baseColor, m.roughness, m.metalness});
      }
      continue;
    }
    const auto& s = e.shape;
    const ShapeKey key{int(s.kind),     s.halfExtents.x, s.halfExtents.y,
                       s.halfExtents.z, s.radius,        s.height};
    auto& handle = primitives[key];
    if (!handle) {
      const scene::MeshData mesh = assets::makePrimitive(s);
      if (mesh.positions.empty()) continue;  // hull/mesh shapes without a model: nothing to draw
      auto up = renderer.uploadMesh(mesh);
      if (!up.ok()) return up.error();
      handle = *up;
    }
    parts.push_back({handle, own.baseColor, own.roughness, own.metalness});
  }
  return view;
}

std::span<const render::DrawItem> SceneView::update(const sim::Simulation& simulation,
                                                    std::span<const EntityLook> looks) {
  items_.clear();
  const auto& entities = simulation.definition().scene.entities;
  const EntityLook plain;
  for (std::size_t i = 0; i < parts_.size(); ++i) {
    const EntityLook& look = i < looks.size() ? looks[i] : plain;
    const scene::Transform pose = simulation.entityPose(i);
    // scale applies to model geometry only; primitives carry their size in the mesh
    const core::Vec3 scale = entities[i].model.empty() ? core::Vec3{1, 1, 1} : pose.scale;
    const core::Mat4 home = core::composeTRS(pose.position, pose.rotation, scale);
    const auto add = [&](const core::Mat4& model, float alpha) {
      if (alpha <= 0.0f) return;
      for (const Part& p : parts_[i]) {
        render::DrawItem item{p.mesh,      model,         p.baseColor,   p.roughness,
                              p.metalness, look.emissive, look.highlight};
        if (look.color) item.baseColor = {look.color->x, look.color->y, look.color->z, 1.0f};
        item.baseColor.w = p.baseColor.w * alpha;
        items_.push_back(item);
      }
    };
    add((look.world ? *look.world : home) * look.local, look.alpha);
    if (look.world) add(home * look.local, look.homeAlpha);
  }
  return items_;
}

render::FrameDesc SceneView::frame(const sim::Simulation& simulation,
                                   const render::CameraView& camera,
                                   std::span<const EntityLook> looks) {
  render::FrameDesc f;
  f.camera = camera;
  f.lighting = simulation.definition().scene.lighting;
  f.items = update(simulation, looks);
  return f;
}

}  // namespace practicum::present
