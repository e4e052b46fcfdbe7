#pragma once
/// What the inspector offers at each place of the document, from the format's table of fields
/// (practicum/scenario/fields.hpp): the fields an object has and those it may have, which of
/// them are required, the value a new one starts with (filled in with the document's own names
/// where it names something), the words a field can take, new elements of lists, and a change
/// of kind that brings the fields the new kind needs. Nothing here knows a field by name: a
/// field added to the table is offered without code of its own.
#include <string>
#include <string_view>
#include <vector>

#include <practicum/core/result.hpp>
#include <practicum/editor/command.hpp>
#include <practicum/editor/document.hpp>
#include <practicum/scenario/fields.hpp>

namespace practicum::editor {

/// One field of an object, as the inspector lists it.
struct FieldOffer {
  const scenario::FieldSpec* spec = nullptr;  ///< nullptr: a member the format does not have
  std::string name;
  bool present = false;   ///< the object has it
  bool required = false;  ///< it is required here (it applies, and is required)
  bool applies = true;    ///< it may be here (false: a member that does not apply to the kind)
};

/// The fields of the object at `object`, in the table's order: those it has and those it may
/// have (not a second one of a group: a fault's trigger), then the members the format does not
/// know. Empty where `object` is not an object of the format.
std::vector<FieldOffer> fieldsOf(const Document& doc, const Path& object);

/// The value (JSON text) a new field at `field` starts with: the table's initial value, or for
/// a field that names something the first fitting name of the document (an entity with a body
/// for a device, a hinge with limits on the device's entity for a valve, the first position of
/// the interlock's device, ...). "" when the path is no field of the format. A device's or an
/// interlock's position is one of the device's: its `positions`, or those of its kind (a lock's
/// off and on, a fastener's tight and loose, open and closed).
std::string initialValue(const Document& doc, const Path& field);

/// Adds the field at `field` with its initial value.
core::Result<Command> addField(const Document& doc, const Path& field);

/// A new element for the list at `list` (it need not exist yet: "procedure.steps" of a new
/// scenario): every field required there, with its initial value, and a name or id no other
/// element of the list has. "" when `list` is not a list of the format.
std::string newElement(const Document& doc, const Path& list);

/// Sets the field at `field`, a field others depend on (a joint's type, a rule's kind, a body's
/// type), to `to`: the fields that no longer apply go, the ones now required come with their
/// initial values, the others stay.
core::Result<Command> retype(const Document& doc, const Path& field, std::string_view to);

/// Whether a field of this type takes one word from a list: the format's words (a Choice) or a
/// name of the document (an entity, a material, a device, a joint, a device's position).
bool choosesOneWord(scenario::FieldType type);

/// The words the field at `field` can take: a choice's names, the names of the document's
/// entities, materials, devices or joints, a device's positions, the steps before this one
/// (`after`), the parts (a socket's `accepts`). Empty for a free field.
std::vector<std::string> fieldChoices(const Document& doc, const Path& field);

/// "number, required: hinge, slider - world space, not zero": the field's type, whether it is
/// required or its default, and its help, for a tooltip.
std::string describeField(const scenario::FieldSpec& spec);

}  // namespace practicum::editor
