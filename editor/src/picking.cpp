#include <practicum/editor/picking.hpp>

#include <algorithm>
#include <cmath>

namespace practicum::editor {

EntityBox entityBox(const sim::Simulation& s, std::size_t entity) {
  EntityBox box;
  const scene::Transform pose = s.entityPose(entity);
  const bool model = !s.definition().scene.entities[entity].model.empty();
  box.matrix =
      core::composeTRS(pose.position, pose.rotation, model ? pose.scale : core::Vec3{1, 1, 1});
  // a model: the bounds of its meshes
  if (const assets::Model* m = s.entityModel(entity)) {
    core::Vec3 lo{1e30f, 1e30f, 1e30f}, hi{-1e30f, -1e30f, -1e30f};
    for (const auto& mesh : m->meshes)
      for (const auto& p : mesh.positions) {
        lo = {std::min(lo.x, p.x), std::min(lo.y, p.y), std::min(lo.z, p.z)};
        hi = {std::max(hi.x, p.x), std::max(hi.y, p.y), std::max(hi.z, p.z)};
      }
    if (lo.x > hi.x) {
      box.halfExtents = {0.05f, 0.05f, 0.05f};
    } else {
      box.centre = (lo + hi) * 0.5f;
      box.halfExtents = (hi - lo) * 0.5f;
    }
    return box;
  }
  // a primitive: its own size
  const auto& shape = s.definition().scene.entities[entity].shape;
  switch (shape.kind) {
    case scene::ShapeKind::Box: box.halfExtents = shape.halfExtents; break;
    case scene::ShapeKind::Sphere:
      box.halfExtents = {shape.radius, shape.radius, shape.radius};
      break;
    case scene::ShapeKind::Cylinder:
      box.halfExtents = {shape.radius, shape.height * 0.5f, shape.radius};
      break;
    case scene::ShapeKind::Capsule:
      box.halfExtents = {shape.radius, shape.height * 0.5f + shape.radius, shape.radius};
      break;
    default: box.halfExtents = {0.05f, 0.05f, 0.05f}; break;
  }
  return box;
}

std::optional<float> rayHitsBox(const EntityBox& box, core::Vec3 origin, core::Vec3 direction) {
  // into the box's frame, then the slab test
  const core::Mat4 inv = core::inverse(box.matrix);
  const core::Vec3 o = core::transformPoint(inv, origin) - box.centre;
  const core::Vec3 d = core::transformPoint(inv, origin + direction) - box.centre - o;
  const core::Vec3& h = box.halfExtents;
  float tmin = 0, tmax = 1e30f;
  const float ov[3] = {o.x, o.y, o.z}, dv[3] = {d.x, d.y, d.z}, hv[3] = {h.x, h.y, h.z};
  for (int k = 0; k < 3; ++k) {
    if (std::abs(dv[k]) < 1e-9f) {
      if (std::abs(ov[k]) > hv[k]) return std::nullopt;
      continue;
    }
    float t1 = (-hv[k] - ov[k]) / dv[k], t2 = (hv[k] - ov[k]) / dv[k];
    if (t1 > t2) std::swap(t1, t2);
    tmin = std::max(tmin, t1);
    tmax = std::min(tmax, t2);
    if (tmin > tmax) return std::nullopt;
  }
  return tmin;
}

std::optional<std::size_t> pickEntity(const sim::Simulation& s, core::Vec3 origin,
                                      core::Vec3 direction) {
  std::optional<std::pair<float, std::size_t>> best;
  for (std::size_t e = 0; e < s.entityCount(); ++e) {
    const EntityBox box = entityBox(s, e);
    const auto t = rayHitsBox(box, origin, direction);
    if (!t) continue;
    // background boxes rank behind everything else
    const bool background = core::length(box.halfExtents) * 2.0f > kBackgroundSize;
    const float rank = *t + (background ? 1e6f : 0.0f);
    if (!best || rank < best->first) best = std::pair{rank, e};
  }
  if (!best) return std::nullopt;
  return best->second;
}

}  // namespace practicum::editor
