#include "orbit_camera.hpp"

#include <algorithm>
#include <cmath>

namespace practicum::app {

OrbitCamera::OrbitCamera(const scene::Camera& initial) : initial_(initial) {
  const core::Vec3 d = initial.position - initial.target;
  distance_ = std::max(core::length(d), 0.1f);
  yaw_ = std::atan2(d.x, d.z);
  pitch_ = std::asin(std::clamp(d.y / distance_, -1.0f, 1.0f));
}

void OrbitCamera::rotate(double dx, double dy) {
  yaw_ -= static_cast<float>(dx) * 0.005f;
  pitch_ = std::clamp(pitch_ + static_cast<float>(dy) * 0.005f, -1.45f, 1.45f);
}

void OrbitCamera::zoom(double steps) {
  distance_ = std::clamp(distance_ * std::pow(0.9f, static_cast<float>(steps)), 0.2f, 50.0f);
}

scene::Camera OrbitCamera::camera() const {
  scene::Camera c = initial_;
  const core::Vec3 offset{std::sin(yaw_) * std::cos(pitch_), std::sin(pitch_),
                          std::cos(yaw_) * std::cos(pitch_)};
  c.position = initial_.target + offset * distance_;
  return c;
}

}  // namespace practicum::app
