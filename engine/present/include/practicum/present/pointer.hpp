#pragma once
/// Between the screen and the world: the one projection of a world point to the screen (labels,
/// effects, the review's pointer, the editor's gizmo and overlays all use it) and the pointer's
/// ray from a pixel (the player's and the editor's picking).
#include <optional>

#include <practicum/core/math.hpp>
#include <practicum/render/renderer.hpp>
#include <practicum/scene/scene.hpp>
#include <practicum/sim/session.hpp>

namespace practicum::present {

/// A point on the screen, in pixels of the window's drawable area (x right, y down).
struct ScreenPoint {
  float x = 0, y = 0;
  friend bool operator==(const ScreenPoint&, const ScreenPoint&) = default;
};

/// Nearest distance in front of the eye (metres along the view direction) at which a point is
/// still projected; nearer points and points behind the eye have no place on the screen.
inline constexpr float kNearestProjected = 0.01f;

/// Where `point` appears in `region` of the window when the scene is seen through `view` (whose
/// aspect is the region's); nullopt when it is behind the eye or nearer than kNearestProjected.
/// A point beside the region is returned too: see inside().
std::optional<ScreenPoint> projectToScreen(const render::CameraView& view, core::Vec3 point,
                                           VkRect2D region);

/// Whether a point lies in the region (edges included).
bool inside(ScreenPoint point, VkRect2D region);

/// The learner's input for a pointer at `pointer` (window pixels) over the scene drawn in
/// `region` through `view` from `eye`: the ray from the eye through that pixel, and where the
/// eye is and looks. Buttons and keys are left for the caller.
sim::InputRecord pointerInput(const render::CameraView& view, const scene::Camera& eye,
                              ScreenPoint pointer, VkRect2D region);

}  // namespace practicum::present
