#include <practicum/scenario/fields.hpp>

#include <array>
#include <cstddef>

namespace practicum::scenario {

namespace {

using T = FieldType;
using L = NameList;

// the device kinds by what they have (docs/scenario-format.md, devices[])
constexpr std::string_view kWithPositions = "switch breaker disconnector earthingSwitch lever";
constexpr std::string_view kWithInitial =
    "switch breaker disconnector earthingSwitch lever lock tag fastener";
constexpr std::string_view kOperatedWithTool =
    "switch breaker disconnector earthingSwitch lever fastener";

// Each place's fields in the order the format's reference lists them (the order of the
// loader's "expected one of" messages).
constexpr FieldSpec kTop[] = {
    {.name = "format",
     .type = T::Integer,
     .required = true,
     .initial = "1",
     .help = "the format version: 1"},
    {.name = "id",
     .type = T::Identifier,
     .required = true,
     .initial = "\"scenario\"",
     .help = "lowercase letters a-z, digits and -"},
    {.name = "title",
     .type = T::Text,
     .required = true,
     .initial = R"({"zh-CN": "新场景", "en": "New scenario"})",
     .place = "text"},
    {.name = "description",
     .type = T::Text,
     .initial = R"({"zh-CN": "说明", "en": "Description"})",
     .place = "text"},
    {.name = "trade",
     .type = T::String,
     .required = true,
     .initial = "\"electrical\"",
     .help = "the trade the scenario trains"},
    {.name = "author", .type = T::String, .required = true, .initial = "\"\""},
    {.name = "licence",
     .type = T::String,
     .required = true,
     .initial = "\"CC-BY-4.0\"",
     .help = "an SPDX identifier"},
    {.name = "physics", .type = T::Object, .initial = "{}", .place = "physics"},
    {.name = "materials", .type = T::List, .initial = "[]", .place = "materials[]"},
    {.name = "entities", .type = T::List, .required = true, .initial = "[]", .place = "entities[]"},
    {.name = "joints", .type = T::List, .initial = "[]", .place = "joints[]"},
    {.name = "lights", .type = T::Object, .initial = "{}", .place = "lights"},
    {.name = "camera", .type = T::Object, .initial = "{}", .place = "camera"},
    {.name = "devices", .type = T::List, .initial = "[]", .place = "devices[]"},
    {.name = "variables", .type = T::List, .initial = "[]", .place = "variables[]"},
    {.name = "procedure", .type = T::Object, .initial = R"({"steps": []})", .place = "procedure"},
    {.name = "rules", .type = T::List, .initial = "[]", .place = "rules[]"},
    {.name = "rubric", .type = T::Object, .initial = R"({"pass": 0})", .place = "rubric"},
    {.name = "faults", .type = T::List, .initial = "[]", .place = "faults[]"},
    {.name = "zones", .type = T::List, .initial = "[]", .place = "zones[]"},
    {.name = "indicators", .type = T::List, .initial = "[]", .place = "indicators[]"},
};

constexpr FieldSpec kText[] = {
    {.name = "zh-CN", .type = T::String, .required = true, .initial = "\"文本\""},
    {.name = "en", .type = T::String, .required = true, .initial = "\"Text\""},
};

constexpr FieldSpec kPhysics[] = {
    {.name = "tickRate",
     .type = T::Integer,
     .initial = "120",
     .hasDefault = true,
     .help = "fixed steps per second, 30 to 1000"},
    {.name = "gravity",
     .type = T::Vec3,
     .initial = "[0, -9.81, 0]",
     .hasDefault = true,
     .help = "m/s²"},
};

constexpr FieldSpec kMaterial[] = {
    {.name = "name",
     .type = T::String,
     .required = true,
     .initial = "\"material\"",
     .help = "unique among materials"},
    {.name = "baseColor",
     .type = T::Colour,
     .initial = "[0.8, 0.8, 0.8, 1]",
     .hasDefault = true,
     .help = "RGB or RGBA, each 0 to 1, linear"},
    {.name = "roughness",
     .type = T::Number,
     .initial = "0.6",
     .hasDefault = true,
     .help = "0 to 1"},
    {.name = "metalness", .type = T::Number, .initial = "0", .hasDefault = true, .help = "0 to 1"},
};

constexpr FieldSpec kEntity[] = {
    {.name = "name",
     .type = T::String,
     .required = true,
     .initial = "\"entity\"",
     .help = "unique among entities"},
    {.name = "transform",
     .type = T::Object,
     .initial = R"({"position": [0, 0, 0]})",
     .place = "entities[].transform"},
    {.name = "shape",
     .type = T::Object,
     .initial = R"({"type": "box", "halfExtents": [0.1, 0.1, 0.1]})",
     .place = "entities[].shape",
     .help = "the collision shape, and what is drawn without a model; an entity needs a shape, a "
             "model or both"},
    {.name = "model",
     .type = T::Model,
     .initial = "\"\"",
     .help = "a model file in the scenario folder (File > Import model)"},
    {.name = "material",
     .type = T::Material,
     .initial = "\"\"",
     .help = "a material's name; required for a shape when the scenario has materials"},
    {.name = "body",
     .type = T::Object,
     .initial = R"({"type": "static"})",
     .place = "entities[].body",
     .help = "a rigid body; without one the entity is only drawn"},
    {.name = "cutaway",
     .type = T::Boolean,
     .initial = "false",
     .hasDefault = true,
     .help = "drawn see-through in the player's cut-away view (key C)"},
};

constexpr FieldSpec kTransform[] = {
    {.name = "position",
     .type = T::Vec3,
     .initial = "[0, 0, 0]",
     .hasDefault = true,
     .help = "metres"},
    {.name = "rotation",
     .type = T::Rotation,
     .initial = "[0, 0, 0]",
     .hasDefault = true,
     .help = "Euler degrees, X then Y then Z (or a quaternion x, y, z, w)"},
    {.name = "scale",
     .type = T::Vec3,
     .initial = "[1, 1, 1]",
     .hasDefault = true,
     .help = "each > 0; resizes the entity's model"},
};

constexpr FieldSpec kShape[] = {
    {.name = "type",
     .type = T::Choice,
     .required = true,
     .initial = "\"box\"",
     .choices = L::ShapeTypes},
    {.name = "halfExtents",
     .type = T::Vec3,
     .required = true,
     .initial = "[0.1, 0.1, 0.1]",
     .onlyKey = "type",
     .onlyValues = "box",
     .help = "metres, each > 0"},
    {.name = "radius",
     .type = T::Number,
     .required = true,
     .initial = "0.1",
     .onlyKey = "type",
     .onlyValues = "sphere capsule cylinder",
     .help = "metres, > 0"},
    {.name = "height",
     .type = T::Number,
     .required = true,
     .initial = "0.2",
     .onlyKey = "type",
     .onlyValues = "capsule cylinder",
     .help = "metres, along local Y"},
};

constexpr FieldSpec kBody[] = {
    {.name = "type",
     .type = T::Choice,
     .required = true,
     .initial = "\"static\"",
     .choices = L::BodyTypes},
    {.name = "mass",
     .type = T::Number,
     .required = true,
     .initial = "1",
     .onlyKey = "type",
     .onlyValues = "dynamic",
     .help = "kg, > 0"},
    {.name = "friction", .type = T::Number, .initial = "0.6", .hasDefault = true, .help = "≥ 0"},
    {.name = "rollingFriction",
     .type = T::Number,
     .initial = "0",
     .hasDefault = true,
     .help = "≥ 0"},
    {.name = "restitution",
     .type = T::Number,
     .initial = "0.1",
     .hasDefault = true,
     .help = "0 to 1"},
    {.name = "linearDamping",
     .type = T::Number,
     .initial = "0.05",
     .hasDefault = true,
     .help = "0 to 1"},
    {.name = "angularDamping",
     .type = T::Number,
     .initial = "0.05",
     .hasDefault = true,
     .help = "0 to 1"},
    {.name = "linearVelocity",
     .type = T::Vec3,
     .initial = "[0, 0, 0]",
     .hasDefault = true,
     .onlyKey = "type",
     .onlyValues = "dynamic kinematic",
     .help = "initial, m/s"},
    {.name = "angularVelocity",
     .type = T::Vec3,
     .initial = "[0, 0, 0]",
     .hasDefault = true,
     .onlyKey = "type",
     .onlyValues = "dynamic kinematic",
     .help = "initial, degrees per second"},
};

constexpr FieldSpec kJoint[] = {
    {.name = "name",
     .type = T::String,
     .required = true,
     .initial = "\"joint\"",
     .help = "unique among joints"},
    {.name = "type",
     .type = T::Choice,
     .required = true,
     .initial = "\"hinge\"",
     .choices = L::JointTypes},
    {.name = "a",
     .type = T::Entity,
     .required = true,
     .initial = "\"\"",
     .help = "the entity it moves; it needs a body"},
    {.name = "b",
     .type = T::Entity,
     .initial = "\"\"",
     .help = "the entity it is attached to (another with a body); none: the world"},
    {.name = "pivot",
     .type = T::Vec3,
     .required = true,
     .initial = "[0, 0, 0]",
     .help = "world space, at the initial pose"},
    {.name = "axis",
     .type = T::Vec3,
     .required = true,
     .initial = "[0, 0, 1]",
     .onlyKey = "type",
     .onlyValues = "hinge slider",
     .help = "world space, not zero"},
    {.name = "limits",
     .type = T::Object,
     .initial = R"({"lower": 0, "upper": 90})",
     .place = "joints[].limits",
     .onlyKey = "type",
     .onlyValues = "hinge slider",
     .help = "hinge: degrees from the initial pose; slider: metres"},
    {.name = "motor",
     .type = T::Object,
     .initial = R"({"targetVelocity": 0, "maxForce": 0})",
     .place = "joints[].motor",
     .onlyKey = "type",
     .onlyValues = "hinge slider",
     .help = "present: the motor is on"},
};

constexpr FieldSpec kLimits[] = {
    {.name = "lower",
     .type = T::Number,
     .initial = "0",
     .help = "hinge: degrees, -180 to 180; slider: metres"},
    {.name = "upper",
     .type = T::Number,
     .initial = "90",
     .help = "hinge: degrees, -180 to 180; slider: metres; ≥ lower"},
};

constexpr FieldSpec kMotor[] = {
    {.name = "targetVelocity",
     .type = T::Number,
     .initial = "0",
     .hasDefault = true,
     .help = "hinge: degrees per second; slider: m/s"},
    {.name = "maxForce",
     .type = T::Number,
     .initial = "0",
     .hasDefault = true,
     .help = "≥ 0; hinge: N·m, slider: N"},
};

constexpr FieldSpec kLights[] = {
    {.name = "sun", .type = T::Object, .initial = "{}", .place = "lights.sun"},
    {.name = "ambient", .type = T::Colour, .initial = "[0.25, 0.27, 0.3]", .hasDefault = true},
    {.name = "background",
     .type = T::Colour,
     .initial = "[0.55, 0.62, 0.7]",
     .hasDefault = true,
     .help = "the clear colour"},
};

constexpr FieldSpec kSun[] = {
    {.name = "direction",
     .type = T::Vec3,
     .initial = "[-0.4, -1, -0.3]",
     .hasDefault = true,
     .help = "the direction the light travels"},
    {.name = "color", .type = T::Colour, .initial = "[1, 1, 1]", .hasDefault = true},
    {.name = "intensity", .type = T::Number, .initial = "3", .hasDefault = true, .help = "≥ 0"},
};

constexpr FieldSpec kCamera[] = {
    {.name = "position", .type = T::Vec3, .initial = "[3, 2, 3]", .hasDefault = true},
    {.name = "target", .type = T::Vec3, .initial = "[0, 0.5, 0]", .hasDefault = true},
    {.name = "fov",
     .type = T::Number,
     .initial = "55",
     .hasDefault = true,
     .help = "vertical, degrees, 0 to 180"},
    {.name = "near", .type = T::Number, .initial = "0.05", .hasDefault = true, .help = "> 0"},
    {.name = "far", .type = T::Number, .initial = "200", .hasDefault = true, .help = "> near"},
};

constexpr FieldSpec kDevice[] = {
    {.name = "name",
     .type = T::Identifier,
     .required = true,
     .initial = "\"device\"",
     .help = "a name conditions use"},
    {.name = "kind",
     .type = T::Choice,
     .required = true,
     .initial = "\"switch\"",
     .choices = L::DeviceKinds},
    {.name = "entity",
     .type = T::Entity,
     .required = true,
     .initial = "\"\"",
     .help = "what the learner points at; it needs a body"},
    {.name = "label",
     .type = T::Text,
     .required = true,
     .initial = R"({"zh-CN": "设备", "en": "Device"})",
     .place = "text"},
    {.name = "positions",
     .type = T::Names,
     .initial = R"(["open", "closed"])",
     .hasDefault = true,
     .onlyKey = "kind",
     .onlyValues = kWithPositions,
     .help = "at least 2 identifiers"},
    {.name = "initial",
     .type = T::Position,
     .initial = "\"\"",
     .onlyKey = "kind",
     .onlyValues = kWithInitial,
     .help = "the position it starts in; default: the first"},
    {.name = "positionLabels",
     .type = T::PositionTexts,
     .initial = "{}",
     .onlyKey = "kind",
     .onlyValues = kWithPositions,
     .help = "the player's words for its positions; default: the UI's for common ones"},
    {.name = "target",
     .type = T::Device,
     .required = true,
     .initial = "\"\"",
     .onlyKey = "kind",
     .onlyValues = "lock tag",
     .help = "the device it is applied to"},
    {.name = "toolType",
     .type = T::String,
     .required = true,
     .initial = "\"wrench-17\"",
     .onlyKey = "kind",
     .onlyValues = "tool",
     .help = "what kind of tool it is"},
    {.name = "tool",
     .type = T::String,
     .required = true,
     .initial = "\"wrench-17\"",
     .onlyKey = "kind",
     .onlyValues = kOperatedWithTool,
     .requiredFor = "fastener",
     .help = "the toolType needed to operate it"},
    {.name = "joint",
     .type = T::Joint,
     .required = true,
     .initial = "\"\"",
     .onlyKey = "kind",
     .onlyValues = "valve",
     .help = "a hinge with both limits whose a is this entity"},
    {.name = "torque",
     .type = T::Number,
     .initial = "20",
     .onlyKey = "kind",
     .onlyValues = "valve tool",
     .help = "N·m: a valve's turning torque (default 20); a tool's"},
    {.name = "accepts",
     .type = T::Parts,
     .required = true,
     .initial = "[]",
     .onlyKey = "kind",
     .onlyValues = "socket",
     .help = "the parts that fit"},
    {.name = "tolerance",
     .type = T::Object,
     .initial = R"({"distance": 0.02, "angle": 10})",
     .hasDefault = true,
     .place = "devices[].tolerance",
     .onlyKey = "kind",
     .onlyValues = "socket"},
    {.name = "turns",
     .type = T::Integer,
     .initial = "3",
     .hasDefault = true,
     .onlyKey = "kind",
     .onlyValues = "fastener",
     .help = "from tight to loose, 1 to 100"},
};

constexpr FieldSpec kTolerance[] = {
    {.name = "distance",
     .type = T::Number,
     .initial = "0.02",
     .hasDefault = true,
     .help = "metres, > 0"},
    {.name = "angle",
     .type = T::Number,
     .initial = "10",
     .hasDefault = true,
     .help = "degrees, 0 to 180"},
};

constexpr FieldSpec kZone[] = {
    {.name = "name", .type = T::Identifier, .required = true, .initial = "\"zone\""},
    {.name = "label",
     .type = T::Text,
     .required = true,
     .initial = R"({"zh-CN": "区域", "en": "Zone"})",
     .place = "text"},
    {.name = "center",
     .type = T::Vec3,
     .required = true,
     .initial = "[0, 1, 0]",
     .help = "world space"},
    {.name = "halfExtents",
     .type = T::Vec3,
     .required = true,
     .initial = "[0.5, 1, 0.5]",
     .help = "metres, each > 0"},
    {.name = "detects",
     .type = T::Choice,
     .initial = "\"learner\"",
     .hasDefault = true,
     .choices = L::ZoneDetects},
};

constexpr FieldSpec kIndicator[] = {
    {.name = "name", .type = T::Identifier, .required = true, .initial = "\"indicator\""},
    {.name = "label",
     .type = T::Text,
     .required = true,
     .initial = R"({"zh-CN": "指示灯", "en": "Lamp"})",
     .place = "text"},
    {.name = "entity", .type = T::Entity, .required = true, .initial = "\"\""},
    {.name = "style",
     .type = T::Choice,
     .initial = "\"lamp\"",
     .hasDefault = true,
     .choices = L::IndicatorStyles},
    {.name = "unit",
     .type = T::String,
     .initial = "\"\"",
     .hasDefault = true,
     .help = "written after a gauge's or display's number"},
    {.name = "value", .type = T::Condition, .required = true, .initial = "\"false\""},
};

constexpr FieldSpec kVariable[] = {
    {.name = "name", .type = T::Identifier, .required = true, .initial = "\"variable\""},
    {.name = "value",
     .type = T::Condition,
     .required = true,
     .initial = "\"false\"",
     .help = "may use the variables before it"},
};

constexpr FieldSpec kProcedure[] = {
    {.name = "order",
     .type = T::Choice,
     .initial = "\"sequence\"",
     .hasDefault = true,
     .choices = L::ProcedureOrders},
    {.name = "timeLimit",
     .type = T::Number,
     .initial = "0",
     .hasDefault = true,
     .help = "seconds for the whole session; 0: none"},
    {.name = "steps",
     .type = T::List,
     .required = true,
     .initial = "[]",
     .place = "procedure.steps[]"},
};

constexpr FieldSpec kStep[] = {
    {.name = "id", .type = T::Identifier, .required = true, .initial = "\"step\""},
    {.name = "text",
     .type = T::Text,
     .required = true,
     .initial = R"({"zh-CN": "新步骤", "en": "New step"})",
     .place = "text"},
    {.name = "hint",
     .type = T::Text,
     .initial = R"({"zh-CN": "提示", "en": "Hint"})",
     .place = "text",
     .help = "shown in practice mode"},
    {.name = "done", .type = T::Condition, .required = true, .initial = "\"true\""},
    {.name = "after",
     .type = T::Steps,
     .initial = "[]",
     .help = "steps before it that it waits for; [] none (default: from the order)"},
    {.name = "timeLimit",
     .type = T::Number,
     .initial = "60",
     .help = "seconds from when the step becomes available"},
    {.name = "points", .type = T::Number, .initial = "1", .hasDefault = true, .help = "≥ 0"},
};

constexpr FieldSpec kFault[] = {
    {.name = "id", .type = T::Identifier, .required = true, .initial = "\"fault\""},
    {.name = "text",
     .type = T::Text,
     .required = true,
     .initial = R"({"zh-CN": "新故障", "en": "New fault"})",
     .place = "text"},
    {.name = "at",
     .type = T::Number,
     .initial = "10",
     .group = "trigger",
     .help = "seconds: injected then (at most one of at, window, when)"},
    {.name = "window",
     .type = T::Window,
     .initial = "[10, 60]",
     .group = "trigger",
     .help = "[from, to] seconds: injected at a moment drawn from the seed"},
    {.name = "when",
     .type = T::Condition,
     .initial = "\"false\"",
     .group = "trigger",
     .help = "injected when it becomes true"},
};

constexpr FieldSpec kRule[] = {
    {.name = "id", .type = T::String, .required = true, .initial = "\"rule\""},
    {.name = "kind",
     .type = T::Choice,
     .required = true,
     .initial = "\"hazard\"",
     .choices = L::RuleKinds},
    {.name = "text",
     .type = T::Text,
     .required = true,
     .initial = R"({"zh-CN": "新规则", "en": "New rule"})",
     .place = "text"},
    {.name = "device",
     .type = T::Device,
     .required = true,
     .initial = "\"\"",
     .onlyKey = "kind",
     .onlyValues = "interlock",
     .help = "the device whose operation it guards"},
    {.name = "to",
     .type = T::Position,
     .initial = "\"\"",
     .onlyKey = "kind",
     .onlyValues = "interlock",
     .help = "guards only moves to this position"},
    {.name = "when", .type = T::Condition, .required = true, .initial = "\"false\""},
    {.name = "action",
     .type = T::Choice,
     .initial = "\"prevent\"",
     .hasDefault = true,
     .choices = L::RuleActions,
     .onlyKey = "kind",
     .onlyValues = "interlock"},
    {.name = "severity",
     .type = T::Choice,
     .required = true,
     .initial = "\"major\"",
     .choices = L::Severities},
    {.name = "consequence",
     .type = T::Choice,
     .initial = "\"alarm\"",
     .choices = L::Consequences,
     .help = "what the player shows when it is broken; none: nothing"},
};

constexpr FieldSpec kRubric[] = {
    {.name = "pass",
     .type = T::Number,
     .initial = "0",
     .hasDefault = true,
     .help = "the pass mark"},
    {.name = "penalties",
     .type = T::Object,
     .initial = R"({"warning": 0, "major": 5, "critical": 20, "order": 2})",
     .place = "rubric.penalties"},
    {.name = "time", .type = T::Object, .initial = R"({"target": 600})", .place = "rubric.time"},
    {.name = "criticalFails",
     .type = T::Boolean,
     .initial = "true",
     .hasDefault = true,
     .help = "a critical violation fails the session"},
};

constexpr FieldSpec kPenalties[] = {
    {.name = "warning", .type = T::Number, .initial = "0", .hasDefault = true},
    {.name = "major", .type = T::Number, .initial = "5", .hasDefault = true},
    {.name = "critical", .type = T::Number, .initial = "20", .hasDefault = true},
    {.name = "order",
     .type = T::Number,
     .initial = "2",
     .hasDefault = true,
     .help = "per ordering violation"},
    {.name = "timeout",
     .type = T::Number,
     .initial = "0",
     .hasDefault = true,
     .help = "per step past its time limit"},
};

constexpr FieldSpec kTime[] = {
    {.name = "target",
     .type = T::Number,
     .required = true,
     .initial = "600",
     .help = "seconds, > 0"},
    {.name = "perSecondOver", .type = T::Number, .initial = "0", .hasDefault = true},
    {.name = "max",
     .type = T::Number,
     .initial = "0",
     .hasDefault = true,
     .help = "the cap on the time penalty"},
};

constexpr PlaceSpec kPlaces[] = {
    {"", kTop},
    {"text", kText},
    {"physics", kPhysics},
    {"materials[]", kMaterial},
    {"entities[]", kEntity},
    {"entities[].transform", kTransform},
    {"entities[].shape", kShape},
    {"entities[].body", kBody},
    {"joints[]", kJoint},
    {"joints[].limits", kLimits},
    {"joints[].motor", kMotor},
    {"lights", kLights},
    {"lights.sun", kSun},
    {"camera", kCamera},
    {"devices[]", kDevice},
    {"devices[].tolerance", kTolerance},
    {"zones[]", kZone},
    {"indicators[]", kIndicator},
    {"variables[]", kVariable},
    {"procedure", kProcedure},
    {"procedure.steps[]", kStep},
    {"faults[]", kFault},
    {"rules[]", kRule},
    {"rubric", kRubric},
    {"rubric.penalties", kPenalties},
    {"rubric.time", kTime},
};

// whether `word` is one of the space-separated `words`
bool among(std::string_view word, std::string_view words) {
  while (!words.empty()) {
    const std::size_t end = words.find(' ');
    if (words.substr(0, end) == word) return true;
    if (end == std::string_view::npos) break;
    words.remove_prefix(end + 1);
  }
  return false;
}

}  // namespace

std::string_view describe(FieldType type) {
  switch (type) {
    case T::Integer: return "whole number";
    case T::Number: return "number";
    case T::Boolean: return "true or false";
    case T::String: return "text";
    case T::Identifier: return "name";
    case T::Text: return "text in zh-CN and en";
    case T::Vec3: return "vector (x, y, z)";
    case T::Colour: return "colour (r, g, b[, a])";
    case T::Rotation: return "rotation (degrees x, y, z)";
    case T::Condition: return "condition";
    case T::Choice: return "choice";
    case T::Entity: return "entity";
    case T::Material: return "material";
    case T::Model: return "model file";
    case T::Device: return "device";
    case T::Joint: return "joint";
    case T::Position: return "position";
    case T::Steps: return "list of steps";
    case T::Parts: return "list of parts";
    case T::Names: return "list of names";
    case T::Window: return "[from, to] seconds";
    case T::Object: return "group";
    case T::List: return "list";
    case T::PositionTexts: return "position -> text in zh-CN and en";
  }
  return "value";
}

std::span<const PlaceSpec> places() { return kPlaces; }

const PlaceSpec* findPlace(std::string_view name) {
  for (const PlaceSpec& p : kPlaces)
    if (p.name == name) return &p;
  return nullptr;
}

const FieldSpec* findField(const PlaceSpec& place, std::string_view name) {
  for (const FieldSpec& f : place.fields)
    if (f.name == name) return &f;
  return nullptr;
}

namespace {

// walks a JSON path ("joints[2].limits.lower") through the table: the place of the object that
// holds the last step and that step's field; false when a step is not one of the format's
struct Walk {
  const PlaceSpec* place = nullptr;  // the object the path ends in, when it ends in one
  const FieldSpec* field = nullptr;  // the field the last key names
  bool ok = false;
};

Walk walk(std::string_view path) {
  Walk w{findPlace(""), nullptr, true};
  // the field whose value we are in: an Object's or Text's members, or a List's elements
  const FieldSpec* in = nullptr;
  bool inElement = false;  // a List's element (an object of its place)
  while (!path.empty()) {
    if (path.front() == '[') {
      const std::size_t close = path.find(']');
      if (close == std::string_view::npos || close == 1 || !in || in->type != T::List || inElement)
        return {};
      for (std::size_t i = 1; i < close; ++i)
        if (path[i] < '0' || path[i] > '9') return {};
      path.remove_prefix(close + 1);
      w.place = findPlace(in->place);
      w.field = nullptr;
      inElement = true;
      continue;
    }
    if (path.front() == '.') path.remove_prefix(1);
    const std::size_t end = path.find_first_of(".[");
    const std::string_view key = path.substr(0, end);
    path.remove_prefix(end == std::string_view::npos ? path.size() : end);
    if (!w.place) return {};
    const FieldSpec* f = findField(*w.place, key);
    if (!f) return {};
    in = f;
    inElement = false;
    w.field = f;
    w.place = (f->type == T::Object || f->type == T::Text) ? findPlace(f->place) : nullptr;
  }
  // a path that ends on a List (not in an element) is not an object
  if (in && in->type == T::List && !inElement) w.place = nullptr;
  return w;
}

}  // namespace

const PlaceSpec* placeAt(std::string_view jsonPath) {
  const Walk w = walk(jsonPath);
  return w.ok ? w.place : nullptr;
}

const FieldSpec* fieldAt(std::string_view jsonPath) {
  const Walk w = walk(jsonPath);
  return w.ok ? w.field : nullptr;
}

bool applies(const FieldSpec& field, std::optional<std::string_view> sibling) {
  if (field.onlyKey.empty()) return true;
  return sibling && among(*sibling, field.onlyValues);
}

bool isRequired(const FieldSpec& field, std::optional<std::string_view> sibling) {
  if (!field.required || !applies(field, sibling)) return false;
  return field.requiredFor.empty() || (sibling && among(*sibling, field.requiredFor));
}

}  // namespace practicum::scenario
