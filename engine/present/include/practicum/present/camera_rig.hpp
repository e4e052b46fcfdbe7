#pragma once
// The player's camera: orbit around the work (bench work, the scenario's camera to start) or walk
// first-person (WASD and mouse look), switched at will.
#include <practicum/physics/world.hpp>
#include <practicum/scene/scene.hpp>
#include <practicum/sim/session.hpp>

namespace practicum::present {

class CameraRig {
 public:
  enum class Mode { Orbit, Walk };
  explicit CameraRig(const scene::Camera& initial);

  Mode mode() const { return mode_; }
  /// Switches mode; walking starts from where the orbit camera is.
  void setMode(Mode mode);
  /// Orbit: turns around the target by a mouse movement in pixels.
  void orbit(double dxPixels, double dyPixels);
  /// Orbit: keeps the orbit within `yaw` radians either side of where it started and between
  /// `minPitch` and `maxPitch` (radians above the target's horizon), and the distance within
  /// [0.2 m, `maxDistance`], so it cannot be lost behind a wall or under the floor.
  void limitOrbit(float yaw, float minPitch, float maxPitch, float maxDistance);
  /// Orbit: moves closer (positive) or farther (negative) by scroll steps.
  void zoom(double steps);
  /// Walk: turns the head by a mouse movement in pixels.
  void look(double dxPixels, double dyPixels);
  /// Walk: where a step on the floor plane would take the eye; forward and right in [-1, 1],
  /// for `seconds`. The caller checks the way (walls) and then moves with moveEye().
  core::Vec3 walkTarget(float forward, float right, double seconds, bool fast) const;
  /// Walk: puts the eye there.
  void moveEye(core::Vec3 eye) { eye_ = eye; }
  /// Walk: where the eye is.
  core::Vec3 eye() const { return eye_; }
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
  float startYaw_ = 0, yawLimit_ = 1e9f, minPitch_ = -1.45f, maxPitch_ = 1.45f,
        maxDistance_ = 50.0f;  // limitOrbit
  core::Vec3 eye_;             // walk
  float walkYaw_ = 0, walkPitch_ = 0;
};

/// Where a walker at `from` heading for `to` gets: all the way unless something solid is within
/// `body` metres along the way; then sliding along it on the x or z axis alone if that is clear,
/// else staying at `from`.
core::Vec3 walkTowards(const physics::World& world, core::Vec3 from, core::Vec3 to,
                       float body = 0.3f);

}  // namespace practicum::present
