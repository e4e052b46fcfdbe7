#pragma once
// What the player draws for a session's state beyond the physics poses: handles turned to their
// positions, locks and tags on or off, lit lamps, the hovered device, the tool in the hand,
// consequences (an arc flash lights the device up), the cut-away view, equipment labels.
// Observes the session; never changes it.
#include <optional>
#include <utility>
#include <vector>

#include <string>
#include <string_view>

#include <practicum/present/pointer.hpp>
#include <practicum/present/scene_view.hpp>
#include <practicum/render/renderer.hpp>
#include <practicum/sim/session.hpp>
#include <practicum/ui/hud.hpp>

namespace practicum::present {

/// How to present.
struct PresentOptions {
  bool cutaway = false;  ///< draw the scenario's enclosures (`cutaway` entities) see-through
};

/// One look per entity of the session's scenario.
std::vector<EntityLook> entityLooks(const sim::Session& session, const ui::HudModel& hud,
                                    const scene::Camera& eye, const PresentOptions& options);

/// Where the top of an entity appears in `region` seen through `camera`; nullopt when it is
/// behind the eye or outside the region.
std::optional<ScreenPoint> entityOnScreen(const sim::Session& session, std::uint32_t entity,
                                          const render::CameraView& camera, VkRect2D region);

/// A reading as a tag shows it: three significant figures at most, never "-0", the unit after a
/// space ("0.074 MPa", "12.5 %LEL", "0"); "-" for a value that is not a number.
std::string formatReading(double value, std::string_view unit);

/// Tags for the devices and indicators in view, at the top of their entity (window pixels): a
/// device's label in `language` (its name when it has none), an indicator's label with its
/// reading and unit. Locks and tags are not tagged (they hang on their target); the device under
/// the pointer is emphasised.
std::vector<ui::ScreenLabel> equipmentLabels(const sim::Session& session,
                                             const render::CameraView& camera, VkRect2D region,
                                             ui::Language language);

/// What the session's UI shows besides the HUD.
struct OverlayFlags {
  bool labels = true;   ///< equipment labels
  bool help = false;    ///< the controls overlay (F1)
  bool replay = false;  ///< replay: no task panel or end screen (the review panel has them)
  std::string device;   ///< GPU or lavapipe, for the status line
  double frameMilliseconds = 0;
};

/// Issues the session's UI for this frame (labels, consequences, HUD, end screen, help, status
/// line) for the scene drawn in `region`. Call between Overlay::newFrame and drawing.
void drawSessionOverlay(const sim::Session& session, const ui::HudModel& hud,
                        const render::CameraView& camera, VkRect2D region,
                        const OverlayFlags& flags);

/// Every scenario text the UI may show (for the font's glyphs).
std::string scenarioGlyphs(const scenario::ScenarioDef& def);

}  // namespace practicum::present
