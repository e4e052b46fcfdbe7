#pragma once
/// Edits an instructor makes, as commands: things added with a name no other thing has, renames
/// that follow every reference, duplicates, deletions, transforms from the gizmo. Each returns a
/// Command to apply to the document (so it can be undone); none changes the document itself.
#include <array>
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <practicum/editor/command.hpp>
#include <practicum/editor/document.hpp>

namespace practicum::editor {

/// A name not used by any element of the array at `arrayPath`: `base`, else `base-2`, `base-3`,
/// ... for entities and materials, `base_2`, ... for the rest (names conditions use).
std::string uniqueName(const Document& doc, std::string_view arrayPath, std::string_view base);
/// A number as the format's JSON writes it: a whole number without a fraction (`50`, not
/// `50.0`), any other as the shortest text that reads back the same.
std::string numberJson(double value);

/// A new entity with a primitive shape.
struct EntitySpec {
  std::string name = "entity";                ///< made unique
  std::string shape = "box";                  ///< box, sphere, cylinder or capsule
  std::array<double, 3> size{0.1, 0.1, 0.1};  ///< box: half extents; others: radius, height, -
  std::array<double, 3> position{0, 0, 0};
  std::array<double, 3> rotation{0, 0, 0};  ///< degrees
  std::string material;         ///< empty: the newest entity's material, else the first material
  std::string body = "static";  ///< static, dynamic, kinematic, or "" for none
  double mass = 1.0;            ///< dynamic bodies
};
Command addEntity(const Document& doc, const EntitySpec& spec);

/// Renames the item at `item` (an element of entities, materials, joints, devices,
/// procedure.steps, rules, faults, zones, variables or indicators: its `name` or `id`) and every
/// reference to it, as one command: in the scenario, each field the format's table says names
/// that kind of thing (a device's `entity`, a joint's `a`, a valve's `joint`, an interlock's
/// `device`, a socket's `accepts`, a step's `after`, ...) and each condition that uses the name
/// ("QF1.closed" becomes "QF2.closed"); in the folder's run files, each action that names it and
/// each expected violation (`order:<step>`, a rule's id). The name must be free in its list.
core::Result<Command> rename(const Document& doc, const Path& item, std::string_view name);
/// Renames position `position` of device `device` (an element of its `positions`) and what
/// uses it: the device's `initial`, its interlocks' `to`, the conditions' "<device>.<position>"
/// and the run files' operations of it.
core::Result<Command> renamePosition(const Document& doc, std::size_t device, std::size_t position,
                                     std::string_view name);
/// Changes the scenario's `id`, and the `scenario` of each run file written for it.
core::Result<Command> renameScenario(const Document& doc, std::string_view id);
/// The item whose name or id the field at `field` is ("devices[2].name" -> "devices[2]"; the
/// scenario's own `id` -> ""), or nullopt when the field names nothing.
std::optional<Path> namedBy(const Path& field);
/// The texts of the scenario (titles, labels, a step's text and hint, a rule's text, in either
/// language) that contain `name` as a whole word ("QS1" in "Open QS1", not in "QS10").
std::vector<Path> textsMentioning(const Document& doc, std::string_view name);
/// Replaces `from` by `to`, as whole words, in every text that mentions it: one command.
core::Result<Command> renameInTexts(const Document& doc, std::string_view from,
                                    std::string_view to);

/// Renames entity `index` (rename()).
core::Result<Command> renameEntity(const Document& doc, std::size_t index, std::string_view name);
/// Renames device `index` (rename()).
core::Result<Command> renameDevice(const Document& doc, std::size_t index, std::string_view name);
/// Renames step `index`, its id (rename()).
core::Result<Command> renameStep(const Document& doc, std::size_t index, std::string_view id);
/// A copy of entity `index` right after it, with a new name, moved `offset` metres.
core::Result<Command> duplicateEntity(const Document& doc, std::size_t index,
                                      std::array<double, 3> offset = {0.2, 0, 0});
/// Deletes entity `index` (what refers to it shows up in diagnostics).
core::Result<Command> deleteEntity(const Document& doc, std::size_t index);

/// Changes entity `index`'s shape to `type` (box, sphere, cylinder, capsule), with the
/// parameters that type has, keeping the size as far as it carries over.
core::Result<Command> setShapeType(const Document& doc, std::size_t index, std::string_view type);
/// Changes device `index`'s kind, keeping its name, entity and label, with the fields the new
/// kind needs (a valve's joint, a lock's target, a tool's type, ...) and none it may not have.
core::Result<Command> setDeviceKind(const Document& doc, std::size_t index, std::string_view kind);

/// Imports a model file into the scenario: it is imported first (out of process; a broken or
/// hostile file is an error naming it and nothing is copied), then copied with the files it
/// refers to (glTF buffers and images, an OBJ's material library) into `<scenario>/models/`
/// under a name no other model there has, and checked again from there. Returns the command
/// that places it as a new static entity. The document must have a file (saved once).
core::Result<Command> importModel(const Document& doc, const std::filesystem::path& source);

/// Sets an entity's position and rotation (degrees), merged with the previous such command for
/// the same entity while `dragging` (a gizmo drag undoes as one step).
Command setTransform(const Document& doc, std::size_t index, std::array<double, 3> position,
                     std::array<double, 3> rotationDegrees, bool dragging = false);

/// Rounds a value to a grid step (0 = no snapping); angles snap the same way in degrees.
double snap(double value, double step);

/// Replaces every use of the name `from` in a condition by `to` (whole names only: "QF1" and
/// "QF1.closed" change, "QF10" does not).
std::string renameInCondition(std::string_view condition, std::string_view from,
                              std::string_view to);

}  // namespace practicum::editor
