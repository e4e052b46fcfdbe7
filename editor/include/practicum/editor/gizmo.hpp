#pragma once
/// The viewport's gizmo as a pure function of its inputs: which handle the pointer is on, and
/// what a drag of it does to the entity (move, rotate, scale along one axis, snapped), as a
/// Command. The window only draws the handles and passes the pointer's pixels; tests drive the
/// same code headless.
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include <practicum/core/result.hpp>
#include <practicum/editor/command.hpp>
#include <practicum/editor/document.hpp>

namespace practicum::editor {

/// What dragging a handle does.
enum class GizmoTool : std::uint8_t { Move, Rotate, Scale };

/// Snapping of dragged values.
struct Snapping {
  bool on = true;
  double grid = 0.05;        ///< metres: positions (sizes to half of it)
  double angleDegrees = 15;  ///< rotations
};

/// The gizmo's handles as drawn on the screen: from the entity's origin along x, y and z.
struct GizmoHandles {
  float originX = 0, originY = 0;
  std::array<std::optional<std::array<float, 2>>, 3> ends;  ///< each axis' end (none: behind)
  float metres = 0;  ///< the length in the world that each handle stands for
};

/// The handle within `pixels` of the pointer at (x, y), nearest first; nullopt when none.
std::optional<int> handleUnder(const GizmoHandles& handles, float x, float y, float pixels = 7);

/// One drag of one handle, from press to release.
class GizmoDrag {
 public:
  /// Starts dragging `axis` (0 x, 1 y, 2 z) of entity `entity` with `tool`, from the entity as
  /// the document holds it now and the handles as drawn at the press. Fails when there is no
  /// such entity, no such handle on the screen, or a rotation drag meets a quaternion rotation.
  static core::Result<GizmoDrag> begin(const Document& doc, std::size_t entity, int axis,
                                       GizmoTool tool, const GizmoHandles& handles, float x,
                                       float y);
  /// The command that puts the entity where the pointer at (x, y) has dragged it: the pointer's
  /// travel along the handle (in pixels, as drawn) moves by the handle's metres per its length,
  /// rotates half a degree a pixel, or scales by e^(pixels / 100); snapped. Every command of one
  /// drag merges into one undo step.
  Command to(float x, float y, const Snapping& snapping) const;
  int axis() const { return axis_; }
  std::size_t entity() const { return entity_; }

 private:
  GizmoDrag() = default;
  std::size_t entity_ = 0;
  int axis_ = 0;
  GizmoTool tool_ = GizmoTool::Move;
  std::string start_;              ///< the entity's JSON when the drag began
  float startX_ = 0, startY_ = 0;  ///< the pointer at the press
  float dirX_ = 1, dirY_ = 0;      ///< the handle's direction on the screen (unit)
  float pixels_ = 1;               ///< the handle's length on the screen
  float metres_ = 0;               ///< what that length stands for
  std::uint64_t serial_ = 0;       ///< this drag, for merging its commands
};

}  // namespace practicum::editor
