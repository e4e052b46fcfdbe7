#pragma once
/// The fields of scenario format v1 in one table: for every place in a scenario document (the
/// top level, an entity, an entity's body, a joint's limits, a step, the rubric's penalties,
/// ...) the fields it may have, in the order docs/scenario-format.md lists them, each with its
/// type, whether it is required, the value a new one starts with, and when it applies. The
/// loader checks every object's members against it (a field not in the table is an error) and
/// the editor's inspector offers exactly these fields, so a field added to the format here is
/// read, checked and edited without code of its own in the editor.
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include <practicum/scenario/names.hpp>

namespace practicum::scenario {

/// What a field holds.
enum class FieldType : std::uint8_t {
  Integer,        ///< a whole number (format, tickRate, turns)
  Number,         ///< a finite number
  Boolean,        ///< true or false
  String,         ///< any text (a trade, a tool type, a unit)
  Identifier,     ///< a name conditions use ([A-Za-z_][A-Za-z0-9_]*), or the scenario's id
  Text,           ///< {"zh-CN": ..., "en": ...}: both languages
  Vec3,           ///< 3 numbers
  Colour,         ///< 3 (RGB) or 4 (RGBA) numbers in [0, 1]
  Rotation,       ///< Euler degrees [x, y, z] or a quaternion [x, y, z, w]
  Condition,      ///< a condition (docs/conditions.md)
  Choice,         ///< one word of a NameList (FieldSpec::choices)
  Entity,         ///< the name of an entity
  Material,       ///< the name of a material
  Model,          ///< a model file, relative to the scenario folder
  Device,         ///< the name of a device
  Joint,          ///< the name of a joint
  Position,       ///< one of a device's positions (a fastener: tight or loose)
  Steps,          ///< a list of step ids (earlier in the list)
  Parts,          ///< a list of device names (the parts a socket accepts)
  Names,          ///< a list of identifiers (a device's positions)
  Window,         ///< [from, to] seconds
  Object,         ///< an object whose members are FieldSpec::place's fields
  List,           ///< an array whose elements are objects of FieldSpec::place
  PositionTexts,  ///< an object: one of the device's positions -> {"zh-CN": ..., "en": ...}
};

/// How a type is called in the editor and in messages: "number", "text (zh-CN and en)".
std::string_view describe(FieldType type);

/// One field of a place.
struct FieldSpec {
  std::string_view name;
  FieldType type = FieldType::String;
  /// Required wherever the field applies (and, when `requiredFor` is not empty, only where the
  /// sibling `onlyKey` is one of those words).
  bool required = false;
  /// JSON: the value a new field starts with. Where the format has a default (the value that
  /// leaving the field out gives) it is that default and `hasDefault` is true; otherwise it is
  /// a sensible first value ("" where the editor must fill in a name of the document).
  std::string_view initial;
  bool hasDefault = false;
  /// Object and List: the place of the members (or of each element).
  std::string_view place;
  /// Choice: the list its word comes from.
  std::optional<NameList> choices;
  /// The field applies only when the sibling field `onlyKey` is one of `onlyValues` (words
  /// separated by spaces): a hinge's axis, a valve's joint, an interlock's device. Empty: always.
  std::string_view onlyKey;
  std::string_view onlyValues;
  /// Words of onlyKey for which a `required` field is required (empty: all of onlyValues).
  std::string_view requiredFor;
  /// At most one field of a place with the same non-empty group may be given (a fault's at,
  /// window and when: its trigger).
  std::string_view group;
  /// One line for a tooltip: the range, the unit, what it does.
  std::string_view help;
};

/// A place of the document: the kind of object found there and its fields.
struct PlaceSpec {
  /// "" for the top level, else the path with its indices left out: "entities[]",
  /// "entities[].body", "joints[].limits", "procedure.steps[]", "rubric.penalties"; "text" for
  /// every {"zh-CN", "en"} object.
  std::string_view name;
  std::span<const FieldSpec> fields;
};

/// Every place, the top level first.
std::span<const PlaceSpec> places();
/// The place called `name`, or nullptr.
const PlaceSpec* findPlace(std::string_view name);
/// The place of the object at a JSON path as diagnostics and the editor write it ("" the top
/// level, "joints[2].limits", "procedure.steps[0].text"), found by walking the table from the
/// top; nullptr where the path is not an object of the format.
const PlaceSpec* placeAt(std::string_view jsonPath);
/// The spec of the field a JSON path names ("joints[2].axis"), or nullptr.
const FieldSpec* fieldAt(std::string_view jsonPath);
/// The field `name` of a place, or nullptr.
const FieldSpec* findField(const PlaceSpec& place, std::string_view name);

/// Whether `field` applies to an object whose member `field.onlyKey` has the value `sibling`
/// (nullopt: the object has no such member, or it is not a string).
bool applies(const FieldSpec& field, std::optional<std::string_view> sibling);
/// Whether `field` is required in such an object (it applies, and is required there).
bool isRequired(const FieldSpec& field, std::optional<std::string_view> sibling);

}  // namespace practicum::scenario
