#include <practicum/present/pointer.hpp>

namespace practicum::present {

namespace {
// m * v for a column-major 4x4 matrix
void transform(const core::Mat4& m, const float v[4], float out[4]) {
  for (int r = 0; r < 4; ++r) {
    out[r] = 0;
    for (int c = 0; c < 4; ++c) out[r] += m.m[c][r] * v[c];
  }
}
}  // namespace

std::optional<ScreenPoint> projectToScreen(const render::CameraView& view, core::Vec3 point,
                                           VkRect2D region) {
  const core::Mat4 viewProjection = view.projection * view.view;
  const float v[4] = {point.x, point.y, point.z, 1.0f};
  float clip[4];
  transform(viewProjection, v, clip);
  // w is the distance in front of the eye for a perspective projection
  if (clip[3] < kNearestProjected) return std::nullopt;
  return ScreenPoint{
      float(region.offset.x) + (clip[0] / clip[3] * 0.5f + 0.5f) * float(region.extent.width),
      float(region.offset.y) + (clip[1] / clip[3] * 0.5f + 0.5f) * float(region.extent.height)};
}

bool inside(ScreenPoint p, VkRect2D region) {
  return p.x >= float(region.offset.x) && p.y >= float(region.offset.y) &&
         p.x <= float(region.offset.x) + float(region.extent.width) &&
         p.y <= float(region.offset.y) + float(region.extent.height);
}

sim::InputRecord pointerInput(const render::CameraView& view, const scene::Camera& eye,
                              ScreenPoint pointer, VkRect2D region) {
  sim::InputRecord in;
  in.cameraPosition = eye.position;
  in.cameraForward = core::normalize(eye.target - eye.position);
  const core::Mat4 inv = core::inverse(view.projection * view.view);
  const float x = pointer.x - float(region.offset.x), y = pointer.y - float(region.offset.y);
  const float nx = region.extent.width ? 2.0f * x / float(region.extent.width) - 1.0f : 0.0f;
  const float ny = region.extent.height ? 2.0f * y / float(region.extent.height) - 1.0f : 0.0f;
  // unproject at the near and far planes (homogeneous divide by hand)
  const auto unproject = [&](float depth) {
    const float v[4] = {nx, ny, depth, 1.0f};
    float out[4];
    transform(inv, v, out);
    return core::Vec3{out[0] / out[3], out[1] / out[3], out[2] / out[3]};
  };
  in.pointerOrigin = eye.position;
  in.pointerDirection = core::normalize(unproject(1.0f) - unproject(0.0f));
  return in;
}

}  // namespace practicum::present
