#pragma once
/// The UI map: named places of the UI (buttons, fields, menus, things drawn in the scene) and
/// where they are on the screen this frame, kept in a text file when the program is asked to
/// (OverlayOptions::uiMap; `PRACTICUM_UI_MAP=FILE` for the programs). Tests that drive a window
/// with real input events find what to click there, as accessibility tools read a widget tree.
/// Naming costs a flag test when no map is kept.
#include <string_view>

namespace practicum::ui {

/// Names the ImGui item just submitted (a button, a field, a menu, a tab) with its rectangle.
/// Items that are not visible are left out.
void nameItem(std::string_view name);
/// Names the ImGui item just submitted and records a value shown with it (a field's text).
void nameItem(std::string_view name, std::string_view value);
/// Names a rectangle of the window, in pixels (something drawn rather than an ImGui item).
void nameRect(std::string_view name, float x0, float y0, float x1, float y1);
/// Records a value worth reading from outside under `name` (the editor's status line).
void nameValue(std::string_view name, std::string_view value);
/// Whether a map is being kept.
bool uiMapEnabled();

}  // namespace practicum::ui
