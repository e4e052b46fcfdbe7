#pragma once
// The player's camera: orbit around the work (bench work, the scenario's camera to start) or walk
// first-person (WASD and mouse look), switched at will.
#include <practicum/scene/scene.hpp>

namespace practicum::app {

class CameraRig {
 public:
  enum class Mode { Orbit, Walk };
  explicit CameraRig(const scene::Camera& initial);

  Mode mode() const { return mode_; }
  /// Switches mode; walking starts from where the orbit camera is.
  void setMode(Mode mode);
  /// Orbit: turns around the target by a mouse movement in pixels.
  void orbit(double dxPixels, double dyPixels);
  /// Orbit: moves closer (positive) or farther (negative) by scroll steps.
  void zoom(double steps);
  /// Walk: turns the head by a mouse movement in pixels.
  void look(double dxPixels, double dyPixels);
  /// Walk: moves on the floor plane; forward and right in [-1, 1], for `seconds`.
  void walk(float forward, float right, double seconds, bool fast);
  /// Puts the camera at a pose (e.g. the learner's, when a replay switches to a free camera).
  void place(const scene::Camera& camera);
  /// Back to the scenario's camera, in orbit mode.
  void reset();
  /// The camera for this frame.
  scene::Camera camera() const;

 private:
  scene::Camera initial_;
  Mode mode_ = Mode::Orbit;
  float yaw_ = 0, pitch_ = 0, distance_ = 1;  // orbit, around initial_.target
  core::Vec3 eye_;                            // walk
  float walkYaw_ = 0, walkPitch_ = 0;
};

}  // namespace practicum::app
