#pragma once
// The viewport (middle): the camera (orbit, or fly with WASD), click to select, the gizmo's
// handles and their drags, and the overlays of physics shapes, zones, sockets and joint axes.
// Geometry and commands come from the editor library (picking, GizmoDrag); this draws and
// routes the frame's events.
#include <optional>

#include <practicum/editor/gizmo.hpp>
#include <practicum/present/input.hpp>
#include <practicum/render/renderer.hpp>

#include "editor_context.hpp"

namespace practicum::editor_app {

class Viewport {
 public:
  /// Acts on the frame's input and draws the overlays and the gizmo.
  void frame(EditorContext& ctx, const present::FrameInput& input);
  /// Keys for the gizmo tool and the camera (when no text field has the keyboard).
  void keys(EditorContext& ctx, const present::FrameInput& input);

 private:
  /// The gizmo's handles of the selected entity as drawn now; nullopt when none is shown.
  std::optional<editor::GizmoHandles> handles(const EditorContext& ctx,
                                              const render::CameraView& view,
                                              VkRect2D region) const;
  void overlays(const EditorContext& ctx, const render::CameraView& view, VkRect2D region) const;
  void drawGizmo(const EditorContext& ctx, const editor::GizmoHandles& handles, VkRect2D region,
                 std::optional<int> hovered) const;
  void pick(EditorContext& ctx, present::ScreenPoint at, VkRect2D region);

  std::optional<editor::GizmoDrag> drag_;
  bool orbiting_ = false;  ///< the right button went down over the scene
};

}  // namespace practicum::editor_app
