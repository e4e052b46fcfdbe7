#pragma once
/// The HUD of a session as plain data: what practice and exam mode show of the session's state
/// (ui::drawHud draws it). Testable without a window.
#include <practicum/sim/session.hpp>
#include <practicum/ui/hud.hpp>

namespace practicum::present {

/// Builds the HUD for the session's current state. Exam mode carries no instruction, hint or
/// checklist. Alerts and effects younger than `recentSeconds` are kept; `secondsAfterEnd` is the
/// real time since the session ended (its clock stops then, the effects' fade does not).
ui::HudModel makeHud(const sim::Session& session, ui::Language language, double recentSeconds = 8.0,
                     double secondsAfterEnd = 0.0);

}  // namespace practicum::present
