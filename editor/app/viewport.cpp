#include "viewport.hpp"

#include <imgui.h>

#include <practicum/editor/picking.hpp>
#include <practicum/present/pointer.hpp>
#include <practicum/ui/ui_map.hpp>

namespace practicum::editor_app {

namespace {
using present::ScreenPoint;
using render::InputEvent;

ImVec2 toIm(ScreenPoint p) { return ImVec2(p.x, p.y); }
ImVec2 clipMin(VkRect2D r) { return ImVec2(float(r.offset.x), float(r.offset.y)); }
ImVec2 clipMax(VkRect2D r) {
  return ImVec2(float(r.offset.x) + float(r.extent.width),
                float(r.offset.y) + float(r.extent.height));
}

// a wire box: a local box through a matrix, edge by edge
void wireBox(ImDrawList* draw, const render::CameraView& view, VkRect2D region, const core::Mat4& m,
             core::Vec3 centre, core::Vec3 h, ImU32 colour) {
  core::Vec3 corners[8];
  for (int i = 0; i < 8; ++i)
    corners[i] = core::transformPoint(
        m, centre + core::Vec3{i & 1 ? h.x : -h.x, i & 2 ? h.y : -h.y, i & 4 ? h.z : -h.z});
  static constexpr int kEdges[12][2] = {{0, 1}, {2, 3}, {4, 5}, {6, 7}, {0, 2}, {1, 3},
                                        {4, 6}, {5, 7}, {0, 4}, {1, 5}, {2, 6}, {3, 7}};
  for (const auto& e : kEdges) {
    const auto a = present::projectToScreen(view, corners[e[0]], region);
    const auto b = present::projectToScreen(view, corners[e[1]], region);
    if (a && b) draw->AddLine(toIm(*a), toIm(*b), colour, 1.5f);
  }
}

bool inRegion(float x, float y, VkRect2D r) { return present::inside({x, y}, r); }
}  // namespace

void Viewport::keys(EditorContext& ctx, const present::FrameInput& in) {
  if (in.uiKeyboard) return;
  const bool ctrl =
      in.after.keyDown(render::kKeyLeftControl) || in.after.keyDown(render::kKeyRightControl);
  if (ctrl) return;
  // W/E/R pick the gizmo's tool (flying, W and E move the eye instead)
  const bool orbit = ctx.rig.mode() == present::CameraRig::Mode::Orbit;
  if (orbit && in.pressed(render::kKeyW)) ctx.view.tool = editor::GizmoTool::Move;
  if (orbit && in.pressed(render::kKeyE)) ctx.view.tool = editor::GizmoTool::Rotate;
  if (in.pressed(render::kKeyR)) ctx.view.tool = editor::GizmoTool::Scale;
  if (in.pressed(render::kKeyF)) ctx.frameSelected();
  if (in.pressed(render::kKeyDelete)) ctx.deleteSelected();
  if (in.pressed(render::kKeyV))
    ctx.rig.setMode(orbit ? present::CameraRig::Mode::Walk : present::CameraRig::Mode::Orbit);
}

std::optional<editor::GizmoHandles> Viewport::handles(const EditorContext& ctx,
                                                      const render::CameraView& view,
                                                      VkRect2D region) const {
  const auto selected = ctx.selectedEntity();
  if (!selected || !ctx.preview || *selected >= ctx.preview->entityCount()) return std::nullopt;
  const core::Vec3 position = ctx.preview->entityPose(*selected).position;
  const auto origin = present::projectToScreen(view, position, region);
  if (!origin) return std::nullopt;
  editor::GizmoHandles h;
  h.originX = origin->x;
  h.originY = origin->y;
  // each handle stands for an eighth of the distance to the eye: a constant size on the screen
  h.metres = 0.12f * core::length(position - ctx.rig.camera().position);
  for (int k = 0; k < 3; ++k) {
    core::Vec3 axis{};
    (k == 0 ? axis.x : k == 1 ? axis.y : axis.z) = h.metres;
    if (const auto end = present::projectToScreen(view, position + axis, region))
      h.ends[std::size_t(k)] = std::array<float, 2>{end->x, end->y};
  }
  return h;
}

void Viewport::frame(EditorContext& ctx, const present::FrameInput& in) {
  if (!ctx.preview) {
    ImGui::GetForegroundDrawList()->AddText(ImVec2(360, 60), IM_COL32(255, 160, 80, 255),
                                            ctx.tr(editor::EditorText::ViewportErrors));
    return;
  }
  if (!ctx.doc.valid())
    ImGui::GetForegroundDrawList()->AddText(ImVec2(360, 30), IM_COL32(255, 160, 80, 255),
                                            ctx.tr(editor::EditorText::ViewportLastValid));
  const VkRect2D region = ctx.viewer.sceneRegion();
  ui::nameRect("viewport", clipMin(region).x, clipMin(region).y, clipMax(region).x,
               clipMax(region).y);
  scene::Camera eye = ctx.rig.camera();
  render::CameraView view = ctx.viewer.cameraView(eye);
  const bool sceneMouse = !in.uiMouse || drag_;

  // the frame's pointer events in order: orbit or look, pick, grab a handle, drag it
  ScreenPoint last = in.before.cursor();
  const bool fly = ctx.rig.mode() == present::CameraRig::Mode::Walk;
  for (const InputEvent& e : in.events) {
    switch (e.kind) {
      case InputEvent::Kind::CursorMove: {
        const float dx = e.x - last.x, dy = e.y - last.y;
        last = {e.x, e.y};
        if (orbiting_) {
          if (fly)
            ctx.rig.look(dx * 2, dy * 2);
          else
            ctx.rig.orbit(dx, dy);
        }
        if (drag_) ctx.apply(drag_->to(e.x, e.y, ctx.view.snapping));
        break;
      }
      case InputEvent::Kind::ButtonDown:
        last = {e.x, e.y};
        if (!sceneMouse || !inRegion(e.x, e.y, region)) break;
        if (e.code == render::kMouseRight) orbiting_ = true;
        if (e.code == render::kMouseLeft) {
          eye = ctx.rig.camera();
          view = ctx.viewer.cameraView(eye);
          const auto h = handles(ctx, view, region);
          const auto axis = h ? editor::handleUnder(*h, e.x, e.y) : std::nullopt;
          if (axis) {
            auto started = editor::GizmoDrag::begin(ctx.doc, *ctx.selectedEntity(), *axis,
                                                    ctx.view.tool, *h, e.x, e.y);
            if (started.ok())
              drag_ = std::move(*started);
            else
              ctx.status = started.error().message;
          } else {
            pick(ctx, {e.x, e.y}, region);
          }
        }
        break;
      case InputEvent::Kind::ButtonUp:
        last = {e.x, e.y};
        if (e.code == render::kMouseRight) orbiting_ = false;
        if (e.code == render::kMouseLeft) drag_.reset();
        break;
      case InputEvent::Kind::Scroll:
        if (sceneMouse && !fly) ctx.rig.zoom(e.y);
        break;
      default: break;
    }
  }

  // flying: WASD moves, Q/E down and up
  if (fly && !in.uiKeyboard) {
    const auto& k = in.after;
    const bool ctrl = k.keyDown(render::kKeyLeftControl) || k.keyDown(render::kKeyRightControl);
    if (!ctrl) {
      const float f = float(k.keyDown(render::kKeyW)) - float(k.keyDown(render::kKeyS));
      const float r = float(k.keyDown(render::kKeyD)) - float(k.keyDown(render::kKeyA));
      const float up = float(k.keyDown(render::kKeyE)) - float(k.keyDown(render::kKeyQ));
      core::Vec3 to = ctx.rig.walkTarget(f, r, in.dt, k.keyDown(render::kKeyLeftShift));
      to.y += up * 1.4f * float(in.dt);
      ctx.rig.moveEye(to);
    }
  }

  // what is drawn over the scene: overlays, the gizmo, where things are (UI map)
  eye = ctx.rig.camera();
  view = ctx.viewer.cameraView(eye);
  overlays(ctx, view, region);
  if (const auto h = handles(ctx, view, region)) {
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    drawGizmo(ctx, *h, region,
              drag_ ? std::optional(drag_->axis()) : editor::handleUnder(*h, mouse.x, mouse.y));
  }
  if (ui::uiMapEnabled()) {
    const auto& entities = ctx.preview->definition().scene.entities;
    for (std::size_t e = 0; e < ctx.preview->entityCount(); ++e)
      if (const auto at =
              present::projectToScreen(view, ctx.preview->entityPose(e).position, region);
          at && present::inside(*at, region))
        ui::nameRect("entity." + entities[e].name, at->x, at->y, at->x, at->y);
  }
}

void Viewport::pick(EditorContext& ctx, ScreenPoint at, VkRect2D region) {
  // the same ray the player's pointer casts
  const scene::Camera eye = ctx.rig.camera();
  const sim::InputRecord ray = present::pointerInput(ctx.viewer.cameraView(eye), eye, at, region);
  const auto entity = editor::pickEntity(*ctx.preview, ray.pointerOrigin, ray.pointerDirection);
  ctx.doc.select(entity ? std::vector<editor::Path>{editor::Path("entities").element(*entity)}
                        : std::vector<editor::Path>{});
}

void Viewport::drawGizmo(const EditorContext& ctx, const editor::GizmoHandles& h, VkRect2D region,
                         std::optional<int> hovered) const {
  static constexpr ImU32 kColours[3] = {IM_COL32(230, 60, 60, 255), IM_COL32(60, 200, 60, 255),
                                        IM_COL32(70, 110, 240, 255)};
  static constexpr const char* kNames[3] = {"gizmo.x", "gizmo.y", "gizmo.z"};
  ImDrawList* draw = ImGui::GetForegroundDrawList();
  draw->PushClipRect(clipMin(region), clipMax(region));  // the gizmo stays in the scene
  const ImVec2 origin(h.originX, h.originY);
  for (int k = 0; k < 3; ++k) {
    if (!h.ends[std::size_t(k)]) continue;
    const ImVec2 end((*h.ends[std::size_t(k)])[0], (*h.ends[std::size_t(k)])[1]);
    const float width = hovered == k ? 4.0f : 2.5f;
    draw->AddLine(origin, end, kColours[k], width);
    if (ctx.view.tool == editor::GizmoTool::Move)
      draw->AddCircleFilled(end, 5.0f, kColours[k]);
    else if (ctx.view.tool == editor::GizmoTool::Scale)
      draw->AddRectFilled(ImVec2(end.x - 4, end.y - 4), ImVec2(end.x + 4, end.y + 4), kColours[k]);
    else
      draw->AddCircle(end, 6.0f, kColours[k], 12, 2.0f);
    ui::nameRect(kNames[k], origin.x, origin.y, end.x, end.y);
  }
  draw->PopClipRect();
}

void Viewport::overlays(const EditorContext& ctx, const render::CameraView& view,
                        VkRect2D region) const {
  ImDrawList* draw = ImGui::GetBackgroundDrawList();
  draw->PushClipRect(clipMin(region), clipMax(region));
  const auto& def = ctx.preview->definition();
  if (ctx.view.shapes)
    for (std::size_t e = 0; e < ctx.preview->entityCount(); ++e) {
      if (!def.scene.entities[e].body) continue;
      const editor::EntityBox box = editor::entityBox(*ctx.preview, e);
      wireBox(draw, view, region, box.matrix, box.centre, box.halfExtents,
              IM_COL32(80, 220, 230, 200));
    }
  if (ctx.view.zones)
    for (const auto& z : def.training.zones)
      wireBox(draw, view, region, core::Mat4{}, z.center, z.halfExtents,
              IM_COL32(240, 210, 60, 220));
  if (ctx.view.sockets)
    for (const auto& d : def.training.devices) {
      if (d.kind != scenario::DeviceKind::Socket) continue;
      const editor::EntityBox box = editor::entityBox(*ctx.preview, d.entity);
      const float t = d.toleranceDistance;
      wireBox(draw, view, region, box.matrix, box.centre, box.halfExtents + core::Vec3{t, t, t},
              IM_COL32(230, 90, 230, 220));
    }
  if (ctx.view.joints)
    for (const auto& j : def.scene.joints) {
      const auto a = present::projectToScreen(view, j.pivot - j.axis * 0.2f, region);
      const auto b = present::projectToScreen(view, j.pivot + j.axis * 0.2f, region);
      if (a && b) draw->AddLine(toIm(*a), toIm(*b), IM_COL32(255, 150, 40, 255), 3.0f);
      if (const auto p = present::projectToScreen(view, j.pivot, region))
        draw->AddCircleFilled(toIm(*p), 4.0f, IM_COL32(255, 150, 40, 255));
    }
  draw->PopClipRect();
}

}  // namespace practicum::editor_app
