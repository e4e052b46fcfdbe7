#include <practicum/editor/gizmo.hpp>

#include <algorithm>
#include <atomic>
#include <cmath>

#include <nlohmann/json.hpp>

#include <practicum/editor/authoring.hpp>

namespace practicum::editor {

namespace {
using Json = nlohmann::ordered_json;

float distanceToSegment(float px, float py, float ax, float ay, float bx, float by) {
  const float dx = bx - ax, dy = by - ay;
  const float len2 = dx * dx + dy * dy;
  float t = len2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0;
  t = std::clamp(t, 0.0f, 1.0f);
  const float qx = ax + t * dx - px, qy = ay + t * dy - py;
  return std::sqrt(qx * qx + qy * qy);
}

// a vector field as numbers (fallback where missing)
std::array<double, 3> vec3(const Json& v, std::array<double, 3> fallback) {
  if (!v.is_array() || v.size() != 3) return fallback;
  std::array<double, 3> out{};
  for (std::size_t i = 0; i < 3; ++i) out[i] = v[i].is_number() ? v[i].get<double>() : fallback[i];
  return out;
}

std::atomic<std::uint64_t> g_drags{0};
}  // namespace

std::optional<int> handleUnder(const GizmoHandles& h, float x, float y, float pixels) {
  std::optional<int> best;
  float nearest = pixels;
  for (int k = 0; k < 3; ++k) {
    if (!h.ends[std::size_t(k)]) continue;
    const auto& end = *h.ends[std::size_t(k)];
    const float d = distanceToSegment(x, y, h.originX, h.originY, end[0], end[1]);
    if (d < nearest) {
      nearest = d;
      best = k;
    }
  }
  return best;
}

core::Result<GizmoDrag> GizmoDrag::begin(const Document& doc, std::size_t entity, int axis,
                                         GizmoTool tool, const GizmoHandles& handles, float x,
                                         float y) {
  const Path item = Path("entities").element(entity);
  const auto json = doc.value(item);
  if (!json) return core::makeError(core::ErrorCode::NotFound, item.str() + ": no such entity");
  if (axis < 0 || axis > 2 || !handles.ends[std::size_t(axis)])
    return core::makeError(core::ErrorCode::InvalidArgument, "no such handle on the screen");
  const Json start = Json::parse(*json, nullptr, false);
  if (tool == GizmoTool::Rotate && start.is_object() && start.contains("transform") &&
      start["transform"].is_object() && start["transform"].contains("rotation") &&
      start["transform"]["rotation"].is_array() && start["transform"]["rotation"].size() == 4)
    return core::makeError(core::ErrorCode::Unsupported,
                           "this entity's rotation is a quaternion: edit it in the inspector");
  GizmoDrag d;
  d.entity_ = entity;
  d.axis_ = axis;
  d.tool_ = tool;
  d.start_ = *json;
  d.startX_ = x;
  d.startY_ = y;
  const auto& end = *handles.ends[std::size_t(axis)];
  const float ax = end[0] - handles.originX, ay = end[1] - handles.originY;
  d.pixels_ = std::max(std::sqrt(ax * ax + ay * ay), 1.0f);
  d.dirX_ = ax / d.pixels_;
  d.dirY_ = ay / d.pixels_;
  d.metres_ = handles.metres;
  d.serial_ = ++g_drags;
  return d;
}

Command GizmoDrag::to(float x, float y, const Snapping& snapping) const {
  // the pointer's travel along the handle as drawn
  const float along = (x - startX_) * dirX_ + (y - startY_) * dirY_;
  const std::size_t k = std::size_t(axis_);
  const Path item = Path("entities").element(entity_);
  const Json start = Json::parse(start_, nullptr, false);
  const Json transform =
      start.is_object() && start.contains("transform") && start["transform"].is_object()
          ? start["transform"]
          : Json::object();
  auto pos = vec3(transform.value("position", Json()), {0, 0, 0});
  auto rot = vec3(transform.value("rotation", Json()), {0, 0, 0});
  Command c = Command::set(item, start_);
  if (tool_ == GizmoTool::Move || tool_ == GizmoTool::Rotate) {
    if (tool_ == GizmoTool::Move) {
      pos[k] += double(along / pixels_ * metres_);
      if (snapping.on) pos[k] = snap(pos[k], snapping.grid);
    } else {
      rot[k] += double(along) * 0.5;
      if (snapping.on) rot[k] = snap(rot[k], snapping.angleDegrees);
    }
    // a move changes the position alone, a rotation the rotation alone; an existing transform
    // keeps its other members (and their order)
    const bool move = tool_ == GizmoTool::Move;
    const char* key = move ? "position" : "rotation";
    const Json value = move ? Json(pos) : Json(rot);
    const std::string label = (move ? "Move " : "Rotate ") + item.str();
    const Path t = item.child("transform");
    c = start.contains("transform") ? Command::set(t.child(key), value.dump(), label)
                                    : Command::set(t, Json{{key, value}}.dump(), label);
  } else {
    // models scale; primitives change their size
    const double factor = std::exp(double(along) * 0.01);
    if (start.contains("model")) {
      auto scale = vec3(transform.value("scale", Json()), {1, 1, 1});
      scale[k] = std::max(0.001, scale[k] * factor);
      c = Command::set(item.child("transform").child("scale"), Json(scale).dump(),
                       "Scale " + item.str());
      if (!start.contains("transform"))
        c = Command::set(item.child("transform"), Json{{"scale", scale}}.dump(),
                         "Scale " + item.str());
    } else if (const Json shape = start.value("shape", Json()); shape.is_object()) {
      Json grown = shape;
      if (shape.contains("halfExtents")) {
        auto h = vec3(shape["halfExtents"], {0.1, 0.1, 0.1});
        h[k] = std::max(0.001, h[k] * factor);
        if (snapping.on) h[k] = std::max(snapping.grid * 0.5, snap(h[k], snapping.grid * 0.5));
        grown["halfExtents"] = h;
      } else {
        const char* key = k == 1 && shape.contains("height") ? "height" : "radius";
        if (shape.contains(key) && shape[key].is_number())
          grown[key] = std::max(0.001, shape[key].get<double>() * factor);
      }
      c = Command::set(item.child("shape"), grown.dump(), "Scale " + item.str());
    }
  }
  c.mergeKey("gizmo:" + std::to_string(serial_));
  return c;
}

}  // namespace practicum::editor
