#include <practicum/present/camera_rig.hpp>

#include <algorithm>
#include <cmath>

namespace practicum::present {

namespace {
constexpr float kMaxPitch = 1.45f;  // radians: never straight up or down
constexpr float kTurn = 0.005f;     // radians per pixel of mouse movement

core::Vec3 direction(float yaw, float pitch) {
  return {std::sin(yaw) * std::cos(pitch), std::sin(pitch), std::cos(yaw) * std::cos(pitch)};
}
}  // namespace

CameraRig::CameraRig(const scene::Camera& initial) : initial_(initial) { reset(); }

void CameraRig::reset() {
  mode_ = Mode::Orbit;
  const core::Vec3 d = initial_.position - initial_.target;
  distance_ = std::max(core::length(d), 0.1f);
  yaw_ = std::atan2(d.x, d.z);
  pitch_ = std::asin(std::clamp(d.y / distance_, -1.0f, 1.0f));
  startYaw_ = yaw_;
  place(initial_);
  mode_ = Mode::Orbit;
}

void CameraRig::setMode(Mode mode) {
  if (mode == Mode::Walk && mode_ == Mode::Orbit) place(camera());
  mode_ = mode;
}

void CameraRig::place(const scene::Camera& c) {
  eye_ = c.position;
  const core::Vec3 f = core::normalize(c.target - c.position);
  walkYaw_ = std::atan2(f.x, f.z);
  walkPitch_ = std::asin(std::clamp(f.y, -1.0f, 1.0f));
  mode_ = Mode::Walk;
}

void CameraRig::orbit(double dx, double dy) {
  yaw_ = std::clamp(yaw_ - static_cast<float>(dx) * kTurn, startYaw_ - yawLimit_,
                    startYaw_ + yawLimit_);
  pitch_ = std::clamp(pitch_ + static_cast<float>(dy) * kTurn, std::max(-kMaxPitch, minPitch_),
                      std::min(kMaxPitch, maxPitch_));
}

void CameraRig::limitOrbit(float yaw, float minPitch, float maxPitch, float maxDistance) {
  yawLimit_ = yaw;
  minPitch_ = std::min(minPitch, pitch_);  // where it starts is always allowed
  maxPitch_ = std::max(maxPitch, pitch_);
  maxDistance_ = std::max(maxDistance, distance_);
}

void CameraRig::zoom(double steps) {
  distance_ = std::clamp(distance_ * std::pow(0.9f, static_cast<float>(steps)), 0.2f, maxDistance_);
}

void CameraRig::look(double dx, double dy) {
  walkYaw_ -= static_cast<float>(dx) * kTurn * 0.6f;
  walkPitch_ =
      std::clamp(walkPitch_ - static_cast<float>(dy) * kTurn * 0.6f, -kMaxPitch, kMaxPitch);
}

core::Vec3 CameraRig::walkTarget(float forward, float right, double seconds, bool fast) const {
  // on the floor plane, whatever the pitch; a normal walking pace
  const float speed = (fast ? 3.0f : 1.4f) * static_cast<float>(seconds);
  const core::Vec3 ahead{std::sin(walkYaw_), 0, std::cos(walkYaw_)};
  const core::Vec3 side = core::cross(ahead, {0, 1, 0});
  return eye_ + ahead * (forward * speed) + side * (right * speed);
}

scene::Camera CameraRig::camera() const {
  scene::Camera c = initial_;
  if (mode_ == Mode::Orbit) {
    c.position = initial_.target + direction(yaw_, pitch_) * distance_;
  } else {
    c.position = eye_;
    c.target = eye_ + direction(walkYaw_, walkPitch_);
  }
  return c;
}

core::Vec3 walkTowards(const physics::World& world, core::Vec3 from, core::Vec3 to, float body) {
  const auto clear = [&](core::Vec3 target) {
    const core::Vec3 step = target - from;
    const float length = core::length(step);
    if (length < 1e-6f) return true;
    return !world.raycast(from, from + step * ((length + body) / length)).has_value();
  };
  if (clear(to)) return to;
  const core::Vec3 alongX{to.x, from.y, from.z}, alongZ{from.x, from.y, to.z};
  if (clear(alongX)) return alongX;
  if (clear(alongZ)) return alongZ;
  return from;
}

}  // namespace practicum::present
