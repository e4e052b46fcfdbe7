#pragma once
// A camera that orbits a target: drag to turn, scroll to zoom. Starts at the scenario's camera.
#include <practicum/scene/scene.hpp>

namespace practicum::app {

class OrbitCamera {
 public:
  explicit OrbitCamera(const scene::Camera& initial);
  /// Turns by a mouse movement in pixels.
  void rotate(double dxPixels, double dyPixels);
  /// Moves closer (positive) or farther (negative) by scroll steps.
  void zoom(double steps);
  /// Back to the scenario's camera.
  void reset() { *this = OrbitCamera(initial_); }
  /// The camera for this frame.
  scene::Camera camera() const;

 private:
  scene::Camera initial_;
  float yaw_ = 0, pitch_ = 0, distance_ = 1;
};

}  // namespace practicum::app
