#pragma once
// What the player draws for a session's state beyond the physics poses: handles turned to their
// positions, locks and tags on or off, lit lamps, the hovered device, the tool in the hand,
// consequences (an arc flash lights the device up), the cut-away view, equipment labels.
// Observes the session; never changes it.
#include <optional>
#include <utility>
#include <vector>

#include <practicum/render/renderer.hpp>
#include <practicum/render/scene_view.hpp>
#include <practicum/sim/session.hpp>
#include <practicum/ui/hud.hpp>

namespace practicum::app {

/// How to present.
struct PresentOptions {
  bool cutaway = false;  ///< draw the scenario's enclosures (`cutaway` entities) see-through
};

/// One look per entity of the session's scenario.
std::vector<render::EntityLook> entityLooks(const sim::Session& session, const ui::HudModel& hud,
                                            const scene::Camera& eye,
                                            const PresentOptions& options);

/// Where the top of an entity is on an image of `width` x `height` pixels; nullopt when it is
/// behind the eye or off the image.
std::optional<std::pair<float, float>> screenPoint(const sim::Session& session,
                                                   std::uint32_t entity,
                                                   const render::CameraView& camera, float width,
                                                   float height);

/// Labels for the devices and indicators in view: name (and reading or position), at the top
/// of their entity, in screen pixels for an image of `width` x `height`.
std::vector<ui::ScreenLabel> equipmentLabels(const sim::Session& session,
                                             const render::CameraView& camera, float width,
                                             float height, ui::Language language);

/// What the session's UI shows besides the HUD.
struct OverlayFlags {
  bool labels = true;   ///< equipment labels
  bool help = false;    ///< the controls overlay (F1)
  bool replay = false;  ///< replay: no task panel or end screen (the review panel has them)
  std::string device;   ///< GPU or lavapipe, for the status line
  double frameMilliseconds = 0;
};

/// Issues the session's UI for this frame (labels, consequences, HUD, end screen, help, status
/// line). Call between Overlay::newFrame and drawing.
void drawSessionOverlay(const sim::Session& session, const ui::HudModel& hud,
                        const render::CameraView& camera, float width, float height,
                        const OverlayFlags& flags);

/// Every scenario text the UI may show (for the font's glyphs).
std::string scenarioGlyphs(const scenario::ScenarioDef& def);

}  // namespace practicum::app
