// Scenario format v1: mapping of a complete file, defaults, and one test per kind of problem,
// each checking the message, the JSON path and the line.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <iterator>
#include <string>

#include <practicum/core/hash.hpp>
#include <practicum/core/math.hpp>
#include <practicum/scenario/scenario.hpp>

#include "scenario_test_util.hpp"
#include "test_support.hpp"

namespace practicum::scenario {
namespace {

using namespace practicum::scenario::testing;
using ::testing::HasSubstr;

constexpr float kEps = 1e-5f;

void expectVec3(core::Vec3 actual, core::Vec3 expected) {
  EXPECT_NEAR(actual.x, expected.x, kEps);
  EXPECT_NEAR(actual.y, expected.y, kEps);
  EXPECT_NEAR(actual.z, expected.z, kEps);
}

void expectQuat(core::Quat actual, core::Quat expected) {
  EXPECT_NEAR(actual.x, expected.x, kEps);
  EXPECT_NEAR(actual.y, expected.y, kEps);
  EXPECT_NEAR(actual.z, expected.z, kEps);
  EXPECT_NEAR(actual.w, expected.w, kEps);
}

// expects exactly one error at path, on the line where `lineNeedle` first occurs in text
void expectError(const LoadResult& r, const std::string& text, std::string_view path,
                 std::string_view messagePart, std::string_view lineNeedle) {
  EXPECT_FALSE(r.ok());
  const Diagnostic* d = findPath(r, path);
  ASSERT_NE(d, nullptr) << "no diagnostic at " << path << "; got:\n" << describe(r);
  EXPECT_EQ(d->severity, Severity::Error);
  EXPECT_THAT(d->message, HasSubstr(std::string(messagePart))) << describe(r);
  EXPECT_EQ(d->line, lineOf(text, lineNeedle)) << d->format();
  EXPECT_GT(d->column, 0) << d->format();
}

// ---------------------------------------------------------------------------------------------
// valid files

TEST(ScenarioLoad, CompleteFileMapsEveryField) {
  const auto folder = practicum::test::sourceDir() / "tests/scenario/data/complete";
  const LoadResult r = loadScenario(folder);
  ASSERT_TRUE(r.ok()) << describe(r);
  EXPECT_TRUE(r.diagnostics.empty()) << describe(r);
  const ScenarioDef& def = *r.scenario;

  // metadata, physics, file identity
  EXPECT_EQ(def.meta.id, "complete");
  EXPECT_EQ(def.meta.title.zhCN, "完整的场景");
  EXPECT_EQ(def.meta.title.en, "Complete");
  EXPECT_EQ(def.meta.description.zhCN, "每个字段");
  EXPECT_EQ(def.meta.description.en, "Every field");
  EXPECT_EQ(def.meta.trade, "fitter");
  EXPECT_EQ(def.meta.author, "Practicum tests");
  EXPECT_EQ(def.meta.licence, "CC0-1.0");
  EXPECT_EQ(def.physics.tickRate, 240.0);
  expectVec3(def.physics.gravity, {0, -1.62f, 0});
  EXPECT_EQ(def.file.filename(), "scenario.json");
  EXPECT_EQ(std::filesystem::canonical(def.folder), std::filesystem::canonical(folder));
  std::ifstream in(folder / "scenario.json", std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(def.contentHash, core::fnv1a64(bytes));

  // materials: RGB gets alpha 1, RGBA keeps it
  const auto& mats = def.scene.materials;
  ASSERT_EQ(mats.size(), 2u);
  EXPECT_EQ(mats[0].name, "steel");
  EXPECT_EQ(mats[0].baseColor, (core::Vec4{0.6f, 0.6f, 0.65f, 1.0f}));
  EXPECT_FLOAT_EQ(mats[0].roughness, 0.35f);
  EXPECT_FLOAT_EQ(mats[0].metalness, 1.0f);
  EXPECT_EQ(mats[1].name, "glass");
  EXPECT_EQ(mats[1].baseColor, (core::Vec4{0.9f, 0.95f, 1.0f, 0.3f}));
  EXPECT_FLOAT_EQ(mats[1].metalness, 0.0f);

  const auto& ents = def.scene.entities;
  ASSERT_EQ(ents.size(), 8u);
  // floor: static box with steel
  EXPECT_EQ(ents[0].name, "floor");
  EXPECT_EQ(ents[0].shape.kind, scene::ShapeKind::Box);
  expectVec3(ents[0].shape.halfExtents, {5, 0.05f, 5});
  EXPECT_EQ(ents[0].material, 0u);
  EXPECT_FALSE(ents[0].overrideMaterial);
  EXPECT_TRUE(ents[0].model.empty());
  ASSERT_TRUE(ents[0].body.has_value());
  EXPECT_EQ(ents[0].body->type, scene::BodyType::Static);
  EXPECT_FLOAT_EQ(ents[0].body->friction, 0.8f);
  EXPECT_FLOAT_EQ(ents[0].body->restitution, 0.2f);
  // ball: every body field, Euler rotation
  const auto& ball = ents[1];
  EXPECT_EQ(ball.shape.kind, scene::ShapeKind::Sphere);
  EXPECT_FLOAT_EQ(ball.shape.radius, 0.25f);
  EXPECT_EQ(ball.material, 1u);
  expectVec3(ball.transform.position, {0, 2, 0});
  expectQuat(ball.transform.rotation, core::quatFromEulerDegrees({90, 0, 0}));
  expectQuat(ball.transform.rotation, {std::sqrt(0.5f), 0, 0, std::sqrt(0.5f)});
  ASSERT_TRUE(ball.body.has_value());
  EXPECT_EQ(ball.body->type, scene::BodyType::Dynamic);
  EXPECT_FLOAT_EQ(ball.body->mass, 2.5f);
  EXPECT_FLOAT_EQ(ball.body->friction, 0.4f);
  EXPECT_FLOAT_EQ(ball.body->rollingFriction, 0.01f);
  EXPECT_FLOAT_EQ(ball.body->restitution, 0.6f);
  EXPECT_FLOAT_EQ(ball.body->linearDamping, 0.1f);
  EXPECT_FLOAT_EQ(ball.body->angularDamping, 0.2f);
  expectVec3(ball.body->linearVelocity, {1, 0, 0});
  expectVec3(ball.body->angularVelocity, {0, core::kPi / 2, 0});  // 90 deg/s
  // bracket: model, dynamic, no shape -> convexHull; own materials; quaternion normalised
  const auto& bracket = ents[2];
  EXPECT_EQ(bracket.model, "models/bracket.obj");
  EXPECT_EQ(bracket.shape.kind, scene::ShapeKind::ConvexHull);
  EXPECT_FALSE(bracket.overrideMaterial);
  expectQuat(bracket.transform.rotation, {0, 0, std::sqrt(0.5f), std::sqrt(0.5f)});
  expectVec3(bracket.transform.scale, {2, 2, 2});
  // bench: model, static, no shape -> triangleMesh; material overrides; path normalised
  EXPECT_EQ(ents[3].model, "models/bracket.obj");
  EXPECT_EQ(ents[3].shape.kind, scene::ShapeKind::TriangleMesh);
  EXPECT_TRUE(ents[3].overrideMaterial);
  EXPECT_EQ(ents[3].material, 0u);
  // lid, drum, hull, label
  EXPECT_EQ(ents[4].shape.kind, scene::ShapeKind::Capsule);
  EXPECT_FLOAT_EQ(ents[4].shape.radius, 0.1f);
  EXPECT_FLOAT_EQ(ents[4].shape.height, 0.4f);
  EXPECT_EQ(ents[4].body->type, scene::BodyType::Kinematic);
  EXPECT_EQ(ents[5].shape.kind, scene::ShapeKind::Cylinder);
  EXPECT_FLOAT_EQ(ents[5].shape.height, 0.5f);
  EXPECT_FLOAT_EQ(ents[5].body->mass, 4.0f);
  EXPECT_EQ(ents[6].shape.kind, scene::ShapeKind::ConvexHull);
  EXPECT_FALSE(ents[6].overrideMaterial);
  EXPECT_FALSE(ents[7].body.has_value());
  EXPECT_EQ(ents[7].material, 1u);

  // joints: entity indices, world attachment, degrees -> radians, normalised axis
  const auto& joints = def.scene.joints;
  ASSERT_EQ(joints.size(), 4u);
  const auto& hinge = joints[0];
  EXPECT_EQ(hinge.name, "lid-hinge");
  EXPECT_EQ(hinge.kind, scene::JointKind::Hinge);
  EXPECT_EQ(hinge.entityA, 4u);
  EXPECT_EQ(hinge.entityB, std::optional<std::uint32_t>(5u));
  expectVec3(hinge.pivot, {0, 1, 0});
  expectVec3(hinge.axis, {0, 0, 1});
  ASSERT_TRUE(hinge.lowerLimit && hinge.upperLimit);
  EXPECT_NEAR(*hinge.lowerLimit, -core::kPi / 2, kEps);
  EXPECT_NEAR(*hinge.upperLimit, core::kPi / 4, kEps);
  EXPECT_TRUE(hinge.motor.enabled);
  EXPECT_NEAR(hinge.motor.targetVelocity, core::kPi, kEps);
  EXPECT_FLOAT_EQ(hinge.motor.maxForce, 10.0f);
  const auto& rail = joints[1];
  EXPECT_EQ(rail.kind, scene::JointKind::Slider);
  EXPECT_EQ(rail.entityA, 5u);
  EXPECT_FALSE(rail.entityB.has_value());
  EXPECT_FLOAT_EQ(*rail.lowerLimit, -0.5f);  // metres stay metres
  EXPECT_FLOAT_EQ(*rail.upperLimit, 0.5f);
  EXPECT_FLOAT_EQ(rail.motor.targetVelocity, 0.2f);
  EXPECT_FLOAT_EQ(rail.motor.maxForce, 50.0f);
  EXPECT_EQ(joints[2].kind, scene::JointKind::Fixed);
  EXPECT_EQ(joints[2].entityA, 2u);
  EXPECT_EQ(joints[2].entityB, std::optional<std::uint32_t>(1u));
  EXPECT_FALSE(joints[2].motor.enabled);
  EXPECT_EQ(joints[3].kind, scene::JointKind::Point);
  expectVec3(joints[3].pivot, {0, 2.5f, 0});

  // lights (direction normalised) and camera
  const auto& light = def.scene.lighting;
  expectVec3(light.direction, {0, -1, 0});
  expectVec3(light.color, {1, 0.9f, 0.8f});
  EXPECT_FLOAT_EQ(light.intensity, 4.0f);
  expectVec3(light.ambient, {0.1f, 0.2f, 0.3f});
  expectVec3(light.background, {0.4f, 0.5f, 0.6f});
  const auto& cam = def.scene.camera;
  expectVec3(cam.position, {4, 3, 2});
  expectVec3(cam.target, {0, 1, 0});
  EXPECT_FLOAT_EQ(cam.fovYDegrees, 60.0f);
  EXPECT_FLOAT_EQ(cam.nearPlane, 0.1f);
  EXPECT_FLOAT_EQ(cam.farPlane, 100.0f);
}

TEST(ScenarioLoad, DefaultsWhenOptionalSectionsAreAbsent) {
  const std::string text = doc(
      std::string(kFloor) + ",\n" +
      R"(    {"name": "part", "model": "models/part.obj", "body": {"type": "dynamic", "mass": 1}})");
  const LoadResult r = loadText(text);
  ASSERT_TRUE(r.ok()) << describe(r);
  EXPECT_TRUE(r.diagnostics.empty()) << describe(r);
  const ScenarioDef& def = *r.scenario;
  const PhysicsSettings physics;
  const scene::Lighting light;
  const scene::Camera cam;
  EXPECT_EQ(def.physics.tickRate, physics.tickRate);
  EXPECT_EQ(def.physics.gravity, physics.gravity);
  EXPECT_TRUE(def.meta.description.en.empty());
  ASSERT_EQ(def.scene.materials.size(), 1u);
  EXPECT_EQ(def.scene.materials[0].name, "default");
  EXPECT_EQ(def.scene.materials[0].baseColor, scene::Material{}.baseColor);
  EXPECT_TRUE(def.scene.joints.empty());
  EXPECT_EQ(def.scene.lighting.direction, light.direction);
  EXPECT_EQ(def.scene.lighting.ambient, light.ambient);
  EXPECT_EQ(def.scene.camera.position, cam.position);
  EXPECT_EQ(def.scene.camera.fovYDegrees, cam.fovYDegrees);

  // entity defaults: identity transform, no body, default material
  const auto& floor = def.scene.entities[0];
  EXPECT_EQ(floor.transform.position, core::Vec3{});
  EXPECT_EQ(floor.transform.rotation, core::Quat{});
  EXPECT_EQ(floor.transform.scale, (core::Vec3{1, 1, 1}));
  EXPECT_FALSE(floor.body.has_value());
  EXPECT_EQ(floor.material, 0u);
  // body defaults
  const auto& part = def.scene.entities[1];
  const scene::Body body;
  ASSERT_TRUE(part.body.has_value());
  EXPECT_EQ(part.body->friction, body.friction);
  EXPECT_EQ(part.body->restitution, body.restitution);
  EXPECT_EQ(part.body->linearDamping, body.linearDamping);
  EXPECT_EQ(part.shape.kind, scene::ShapeKind::ConvexHull);
}

TEST(ScenarioLoad, LoadsFromFilePathAndFromText) {
  const std::string text = doc(kFloor);
  const auto folder = writeScenario(text);
  const LoadResult fromFile = loadScenario(folder / "scenario.json");
  ASSERT_TRUE(fromFile.ok()) << describe(fromFile);
  const LoadResult fromText = loadScenarioText(text, folder / "scenario.json");
  ASSERT_TRUE(fromText.ok()) << describe(fromText);
  EXPECT_EQ(fromText.scenario->contentHash, core::fnv1a64(text));
  EXPECT_EQ(fromFile.scenario->contentHash, fromText.scenario->contentHash);
}

TEST(ScenarioLoad, BundledWorkbenchLoadsWithoutDiagnostics) {
  const LoadResult r = loadScenario(practicum::test::scenarioDir("workbench"));
  EXPECT_TRUE(r.ok()) << describe(r);
  EXPECT_TRUE(r.diagnostics.empty()) << describe(r);
}

// ---------------------------------------------------------------------------------------------
// one test per kind of problem

TEST(ScenarioErrors, SyntaxErrorHasLineAndColumn) {
  const std::string text = "{\n  \"format\": 1,\n  \"id\": tru\n}\n";
  const LoadResult r = loadText(text);
  ASSERT_EQ(r.diagnostics.size(), 1u) << describe(r);
  const Diagnostic& d = r.diagnostics[0];
  EXPECT_THAT(d.message, HasSubstr("syntax error"));
  EXPECT_THAT(d.message, HasSubstr("invalid literal"));
  EXPECT_EQ(d.path, "");
  EXPECT_EQ(d.line, 3);
  EXPECT_EQ(d.column, 12);  // the newline after "tru", where the literal went wrong
  EXPECT_FALSE(r.ok());
}

TEST(ScenarioErrors, SyntaxErrorPointsAtUnexpectedToken) {
  // a missing comma: the error is at the start of the token that should not be there
  const std::string text = "{\n  \"format\": 1\n  \"id\": \"x\"\n}\n";
  const LoadResult r = loadText(text);
  ASSERT_EQ(r.diagnostics.size(), 1u) << describe(r);
  EXPECT_THAT(r.diagnostics[0].message, HasSubstr("unexpected string literal"));
  EXPECT_EQ(r.diagnostics[0].line, 3);
  EXPECT_EQ(r.diagnostics[0].column, 3);
}

// An instructor who reads Chinese gets every JSON syntax error in Chinese, with its parts: what
// was being read, what came and what was expected, the lexer's reason (not only "syntax error").
TEST(ScenarioErrors, SyntaxErrorsAreSaidInChineseWithTheirParts) {
  struct Case {
    const char* text;
    const char* zh;  // a part of the Chinese message
  };
  const Case cases[] = {
      {"{\n  \"format\": 1\n  \"id\": \"x\"\n}\n", "读取对象时）：意外的字符串；应为“}”"},
      {"{\"format\": 1,, }", "读取对象的键时）：意外的“,”；应为字符串"},
      {"{\"format\" 1}", "读取键后的冒号时）：意外的数值；应为“:”"},
      {"{\"format\": tru}", "无效的值"},
      {"{\"format\": \"a\nb\"}", "控制字符 U+000A 必须转义为 \\u000A 或 \\n"},
      {"{\"format\": -}", "无效数值：“-”后面应为数字"},
      {"{\"format\": 1.}", "无效数值：“.”后面应为数字"},
      {"{\"format\": \"abc", "缺少右引号"},
      {"{\"format\": [1, 2}", "读取数组时）：意外的“}”；应为“]”"},
      {"{\"format\": 1", "意外的文件末尾"},
      {"{\"format\": \"\\x\"}", "反斜杠后的字符不允许"},
      {"{\"format\": \"\\u12\"}", "“\\u”后面必须是 4 位十六进制数字"},
  };
  for (const Case& c : cases) {
    const LoadResult r = loadText(c.text);
    ASSERT_EQ(r.diagnostics.size(), 1u) << c.text << "\n" << describe(r);
    const Diagnostic& d = r.diagnostics[0];
    EXPECT_THAT(d.message, HasSubstr("syntax error")) << c.text;
    EXPECT_THAT(d.messageZh, HasSubstr("JSON 语法错误")) << c.text;
    EXPECT_THAT(d.messageZh, HasSubstr(c.zh)) << c.text << "\n" << d.message;
    // the position is the same in both
    EXPECT_THAT(
        d.format(Language::ChineseSimplified),
        HasSubstr(":" + std::to_string(d.line) + ":" + std::to_string(d.column) + ": 错误: "));
  }
}

// The messages about a whole file are in Chinese too.
TEST(ScenarioErrors, WholeFileProblemsAreSaidInChinese) {
  const auto dir = practicum::test::makeTempDir("scenario-empty-zh");
  const LoadResult none = loadScenario(dir);
  ASSERT_EQ(none.diagnostics.size(), 1u);
  EXPECT_EQ(none.diagnostics[0].messageZh, "场景文件夹里没有 scenario.json");
  EXPECT_EQ(loadScenario(dir / "nope.json").diagnostics.at(0).messageZh, "找不到场景文件");
  const LoadResult empty = loadText("  \n");
  ASSERT_EQ(empty.diagnostics.size(), 1u);
  EXPECT_THAT(empty.diagnostics[0].messageZh, HasSubstr("文件是空的"));
  LoadLimits small;
  small.maxFileBytes = 10;
  const LoadResult large = loadText(doc(kFloor), small);
  ASSERT_EQ(large.diagnostics.size(), 1u);
  EXPECT_THAT(large.diagnostics[0].messageZh, HasSubstr("上限 10 字节"));
}

TEST(ScenarioErrors, WrongType) {
  const std::string text = doc(std::string(kFloor) + ",\n" +
                               R"(    {"name": "a", "shape": {"type": "sphere", "radius": 1}},)"
                               "\n" +
                               R"(    {"name": "b", "shape": {"type": "sphere", "radius": 1},)"
                               "\n" +
                               R"(     "body": {"type": "dynamic", "mass": "heavy"}})");
  const LoadResult r = loadText(text);
  expectError(r, text, "entities[2].body.mass", "expected a number, got a string", "\"heavy\"");
  const Diagnostic* d = findPath(r, "entities[2].body.mass");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->column, columnOf(text, "\"heavy\""));
  EXPECT_EQ(d->path + ": " + d->message, "entities[2].body.mass: expected a number, got a string");
}

TEST(ScenarioErrors, WrongTypesOfContainers) {
  const std::string text = doc(R"(    {"name": "x", "shape": [1, 2], "transform": "up"})",
                               "  \"physics\": 5,\n  \"materials\": {},\n");
  const LoadResult r = loadText(text);
  expectError(r, text, "physics", "expected an object, got a number", "\"physics\"");
  expectError(r, text, "materials", "expected an array, got an object", "\"materials\"");
  expectError(r, text, "entities[0].shape", "expected an object, got an array", "\"shape\"");
  expectError(r, text, "entities[0].transform", "expected an object, got a string", "\"up\"");
}

TEST(ScenarioErrors, MissingRequiredFields) {
  const std::string text =
      "{\n"
      "  \"format\": 1,\n"
      "  \"title\": {\"zh-CN\": \"测试\"},\n"
      "  \"materials\": [{\"name\": \"steel\"}],\n"
      "  \"entities\": [\n"
      "    {\"shape\": {\"type\": \"box\", \"halfExtents\": [1, 1, 1]}, \"material\": \"steel\"},\n"
      "    {\"name\": \"nothing\"},\n"
      "    {\"name\": \"body\", \"model\": \"models/part.obj\", \"body\": {\"mass\": 1}},\n"
      "    {\"name\": \"dyn\", \"model\": \"models/part.obj\", \"body\": {\"type\": "
      "\"dynamic\"}},\n"
      "    {\"name\": \"prim\", \"shape\": {\"type\": \"sphere\", \"radius\": 1}}\n"
      "  ],\n"
      "  \"joints\": [\n"
      "    {\"type\": \"hinge\", \"a\": \"dyn\"}\n"
      "  ]\n"
      "}\n";
  const LoadResult r = loadText(text);
  EXPECT_FALSE(r.ok());
  // top level: reported at the top-level object (line 1)
  for (const char* key : {"id", "trade", "author", "licence"}) {
    const Diagnostic* d = findPath(r, key);
    ASSERT_NE(d, nullptr) << key << "\n" << describe(r);
    EXPECT_EQ(d->message, "missing required field \"" + std::string(key) + "\"");
    EXPECT_EQ(d->line, 1);
    EXPECT_EQ(d->column, 1);
  }
  expectError(r, text, "title.en", "title needs both zh-CN and en", "\"title\"");
  expectError(r, text, "entities[0].name", "missing required field \"name\"", "{\"shape\"");
  expectError(r, text, "entities[1].shape", "a \"shape\", a \"model\", or both", "\"nothing\"");
  expectError(r, text, "entities[1].material", "missing required field \"material\"",
              "\"nothing\"");
  expectError(r, text, "entities[2].body.type", "missing required field \"type\"", "{\"mass\": 1}");
  const Diagnostic* bodyType = findPath(r, "entities[2].body.type");
  ASSERT_NE(bodyType, nullptr);
  EXPECT_EQ(bodyType->column, columnOf(text, "{\"mass\": 1}"));
  expectError(r, text, "entities[3].body.mass", "a dynamic body needs a mass",
              "{\"type\": \"dynamic\"}");
  expectError(r, text, "entities[4].material", "name one from \"materials\"", "\"prim\"");
  expectError(r, text, "joints[0].name", "missing required field \"name\"", "{\"type\": \"hinge\"");
  expectError(r, text, "joints[0].pivot", "missing required field \"pivot\"",
              "{\"type\": \"hinge\"");
  expectError(r, text, "joints[0].axis", "a hinge joint needs it", "{\"type\": \"hinge\"");

  // and the last few required fields in a second file
  const std::string text2 =
      "{\"format\": 1, \"id\": \"t\", \"title\": {\"zh-CN\": \"t\", \"en\": \"t\"},\n"
      " \"trade\": \"t\", \"author\": \"t\", \"licence\": \"t\",\n"
      " \"joints\": [{\"name\": \"j\", \"pivot\": [0, 0, 0]}]}\n";
  const LoadResult r2 = loadText(text2);
  expectError(r2, text2, "entities", "missing required field \"entities\"", "{");
  EXPECT_EQ(findPath(r2, "joints[0].a"), nullptr) << "joints are skipped without entities";

  const std::string text3 =
      doc(std::string(kFloor) + ",\n" +
              R"(    {"name": "ball", "shape": {"type": "sphere"}, "body": {"type": "static"}})",
          "  \"joints\": [\n    {\"name\": \"j\", \"pivot\": [0, 0, 0]}\n  ],\n");
  const LoadResult r3 = loadText(text3);
  expectError(r3, text3, "joints[0].type", "missing required field \"type\"", "{\"name\": \"j\"");
  expectError(r3, text3, "joints[0].a", "missing required field \"a\"", "{\"name\": \"j\"");
  expectError(r3, text3, "entities[1].shape.radius", "a sphere shape needs it",
              "{\"type\": \"sphere\"");
  const Diagnostic* format = findPath(loadText("{\"id\": \"x\"}"), "format");
  ASSERT_NE(format, nullptr);
}

TEST(ScenarioErrors, UnknownFieldSuggestsTheClosestName) {
  const std::string text =
      doc(R"(    {"name": "floor", "shpe": {"type": "box", "halfExtents": [1, 1, 1]},)"
          "\n"
          R"(     "shape": {"type": "box", "halfExtents": [1, 1, 1], "colour": 1}})",
          "  \"camera\": {\"fov\": 50, \"Far\": 10},\n  \"zzz\": 1,\n");
  const LoadResult r = loadText(text);
  expectError(r, text, "entities[0].shpe", "unknown field \"shpe\"; did you mean \"shape\"?",
              "\"shpe\"");
  const Diagnostic* d = findPath(r, "entities[0].shpe");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->column, columnOf(text, "\"shpe\""));  // the key, not its value
  expectError(r, text, "camera.Far", "did you mean \"far\"?", "\"Far\"");
  expectError(r, text, "zzz", "unknown field \"zzz\"; expected one of: format, id, title",
              "\"zzz\"");
  // no suggestion when nothing is close: the allowed fields are listed
  expectError(r, text, "entities[0].shape.colour",
              "unknown field \"colour\"; expected one of: type, halfExtents, radius, height",
              "\"colour\"");
}

TEST(ScenarioErrors, UnknownEnumValuesSuggest) {
  const std::string text = doc(
      R"(    {"name": "a", "shape": {"type": "sphre", "radius": 1}, "body": {"type": "dynamc", "mass": 1}})");
  const LoadResult r = loadText(text);
  expectError(r, text, "entities[0].shape.type",
              "unknown shape type \"sphre\"; did you mean \"sphere\"?", "\"sphre\"");
  expectError(r, text, "entities[0].body.type", "did you mean \"dynamic\"?", "\"dynamc\"");
}

TEST(ScenarioErrors, BadReferences) {
  const std::string text = doc(
      R"(    {"name": "floor", "shape": {"type": "box", "halfExtents": [5, 0.05, 5]}, "material": "stel", "body": {"type": "static"}},)"
      "\n"
      R"(    {"name": "lid", "shape": {"type": "sphere", "radius": 1}, "material": "steel", "body": {"type": "dynamic", "mass": 1}},)"
      "\n"
      R"(    {"name": "lid", "shape": {"type": "sphere", "radius": 1}, "material": "steel"},)"
      "\n"
      R"(    {"name": "missing", "model": "models/nope.obj"},)"
      "\n"
      R"(    {"name": "escape", "model": "models/../../outside.obj"},)"
      "\n"
      R"(    {"name": "absolute", "model": "/etc/hostname"},)"
      "\n"
      R"(    {"name": "hull", "shape": {"type": "convexHull"}, "material": "steel"},)"
      "\n"
      R"(    {"name": "mesh", "shape": {"type": "triangleMesh"}, "model": "models/part.obj", "body": {"type": "dynamic", "mass": 1}},)"
      "\n"
      R"(    {"name": "visual", "shape": {"type": "sphere", "radius": 1}, "material": "steel"})",
      "  \"materials\": [\n    {\"name\": \"steel\"},\n    {\"name\": \"steel\"}\n  ],\n"
      "  \"joints\": [\n"
      "    {\"name\": \"h\", \"type\": \"point\", \"a\": \"lidd\", \"pivot\": [0, 0, 0]},\n"
      "    {\"name\": \"h\", \"type\": \"point\", \"a\": \"visual\", \"b\": \"nobody-here\", "
      "\"pivot\": [0, 0, 0]}\n"
      "  ],\n");
  const LoadResult r = loadText(text);
  expectError(r, text, "entities[0].material", "unknown material \"stel\"; did you mean \"steel\"?",
              "\"stel\"");
  // the duplicate is on the line after the first
  const Diagnostic* dupMaterial = findPath(r, "materials[1].name");
  ASSERT_NE(dupMaterial, nullptr) << describe(r);
  EXPECT_EQ(dupMaterial->message,
            "duplicate material name \"steel\" (already used by materials[0].name at line 9)");
  EXPECT_EQ(dupMaterial->line, lineOf(text, "{\"name\": \"steel\"}") + 1);
  const Diagnostic* dupEntity = findPath(r, "entities[2].name");
  ASSERT_NE(dupEntity, nullptr) << describe(r);
  EXPECT_THAT(dupEntity->message,
              HasSubstr("duplicate entity name \"lid\" (already used by entities[1].name"));
  EXPECT_EQ(dupEntity->line, lineOf(text, "{\"name\": \"lid\"") + 1);
  expectError(r, text, "entities[3].model", "model file \"models/nope.obj\" does not exist",
              "models/nope.obj");
  expectError(r, text, "entities[4].model", "leaves the scenario folder", "outside.obj");
  expectError(r, text, "entities[5].model",
              "is absolute; it must be relative to the scenario folder", "/etc/hostname");
  expectError(
      r, text, "entities[6].shape.type",
      "a convexHull shape is built from the entity's model, but the entity has no \"model\"",
      "\"hull\"");
  expectError(r, text, "entities[7].shape.type",
              "a triangleMesh shape cannot belong to a dynamic body", "\"mesh\"");
  expectError(r, text, "joints[0].a", "unknown entity \"lidd\"; did you mean \"lid\"?", "\"lidd\"");
  expectError(r, text, "joints[1].name", "duplicate joint name \"h\"", "\"nobody-here\"");
  expectError(r, text, "joints[1].a", "entity \"visual\" has no \"body\"; joints connect bodies",
              "\"nobody-here\"");
  expectError(r, text, "joints[1].b", "unknown entity \"nobody-here\"", "\"nobody-here\"");
}

TEST(ScenarioErrors, ModelReachedThroughALinkOutsideTheFolderIsRejected) {
  const auto outside = practicum::test::makeTempDir("scenario-outside");
  writeFile(outside / "secret.obj", kTriangleObj);
  const std::string text = doc(R"(    {"name": "link", "model": "models/link.obj"})");
  const auto folder = writeScenario(text);
  std::filesystem::create_symlink(outside / "secret.obj", folder / "models" / "link.obj");
  const LoadResult r = loadScenario(folder);
  expectError(r, text, "entities[0].model", "resolves to a file outside the scenario folder",
              "link.obj");
}

TEST(ScenarioErrors, WrongFormatVersion) {
  const std::string text = "{\n  \"format\": 2,\n  \"whatever\": true\n}\n";
  const LoadResult r = loadText(text);
  ASSERT_EQ(r.diagnostics.size(), 1u) << describe(r);  // nothing else is read
  expectError(r, text, "format", "unsupported format version 2; this build reads format 1 only",
              "\"format\"");
  EXPECT_EQ(r.diagnostics[0].column, 13);

  const std::string text2 = "{\"format\": \"1\"}";
  const LoadResult r2 = loadText(text2);
  expectError(r2, text2, "format", "expected an integer, got a string", "{");
  const std::string text3 = "{\"format\": 1.5}";
  expectError(loadText(text3), text3, "format", "expected an integer, got 1.5", "{");
}

TEST(ScenarioErrors, OutOfRangeValues) {
  const std::string text = doc(
      R"(    {"name": "box", "shape": {"type": "box", "halfExtents": [1, -2, 1]}, "material": "m"},)"
      "\n"
      R"(    {"name": "far", "shape": {"type": "sphere", "radius": 0}, "material": "m"},)"
      "\n"
      R"(    {"name": "a", "shape": {"type": "sphere", "radius": 1}, "material": "m", "body": {"type": "dynamic", "mass": -1, "restitution": 1.5}},)"
      "\n"
      R"(    {"name": "b", "shape": {"type": "sphere", "radius": 1}, "material": "m", "body": {"type": "dynamic", "mass": 1}})",
      "  \"physics\": {\"tickRate\": 10},\n"
      "  \"materials\": [{\"name\": \"m\", \"roughness\": 1.5, \"baseColor\": [2, 0, 0]}],\n"
      "  \"joints\": [\n"
      "    {\"name\": \"j\", \"type\": \"hinge\", \"a\": \"a\", \"b\": \"b\", \"pivot\": [0, 0, "
      "0], \"axis\": [0, 0, 0],\n"
      "     \"limits\": {\"lower\": 30, \"upper\": -30}},\n"
      "    {\"name\": \"k\", \"type\": \"hinge\", \"a\": \"a\", \"pivot\": [0, 0, 0], \"axis\": "
      "[0, 1, 0],\n"
      "     \"limits\": {\"lower\": -200}}\n"
      "  ],\n"
      "  \"camera\": {\"near\": 1, \"far\": 0.5, \"fov\": 180},\n");
  const LoadResult r = loadText(text);
  expectError(r, text, "entities[0].shape.halfExtents[1]", "must be greater than 0, got -2",
              "[1, -2, 1]");
  expectError(r, text, "entities[1].shape.radius", "must be greater than 0, got 0",
              "{\"name\": \"far\"");
  expectError(r, text, "entities[2].body.mass", "must be greater than 0, got -1", "\"mass\": -1");
  expectError(r, text, "entities[2].body.restitution", "must be between 0 and 1, got 1.5",
              "\"restitution\": 1.5");
  expectError(r, text, "physics.tickRate", "must be between 30 and 1000, got 10", "\"tickRate\"");
  expectError(r, text, "materials[0].roughness", "must be between 0 and 1, got 1.5",
              "\"roughness\"");
  expectError(r, text, "materials[0].baseColor[0]", "must be between 0 and 1, got 2",
              "\"baseColor\"");
  expectError(r, text, "joints[0].axis", "must not be the zero vector", "\"axis\": [0, 0, 0]");
  expectError(r, text, "joints[0].limits", "lower limit (30) is greater than upper limit (-30)",
              "\"lower\": 30");
  expectError(r, text, "joints[1].limits.lower", "must be between -180 and 180, got -200", "-200");
  expectError(r, text, "camera.fov", "must be greater than 0 and less than 180, got 180",
              "\"fov\"");
  expectError(r, text, "camera.far", "far (0.5) must be greater than near (1)", "\"fov\"");
}

TEST(ScenarioErrors, NonFiniteNumberIsFatal) {
  // JSON has no NaN or infinity; a number too large for a double is the only way to get one,
  // and the parser stops there
  const std::string text = doc(
      R"(    {"name": "far", "transform": {"position": [0, 1e400, 0]}, "shape": {"type": "sphere", "radius": 1}})");
  const LoadResult r = loadText(text);
  ASSERT_EQ(r.diagnostics.size(), 1u) << describe(r);
  expectError(r, text, "entities[0].transform.position[1]",
              "number 1e400 is too large for a double; numbers must be finite", "1e400");
  EXPECT_EQ(r.diagnostics[0].column, columnOf(text, "1e400"));
}

TEST(ScenarioErrors, TooDeepIsRefusedWithoutRecursion) {
  // 100,000 nested arrays: one error at the first level beyond the limit, no stack overflow
  const std::string text = std::string(100000, '[') + std::string(100000, ']');
  const LoadResult r = loadText(text);
  ASSERT_EQ(r.diagnostics.size(), 1u) << describe(r);
  const Diagnostic& d = r.diagnostics[0];
  EXPECT_EQ(d.message, "nesting is deeper than the limit of 32 levels");
  EXPECT_EQ(d.line, 1);
  EXPECT_EQ(d.column, 33);
  EXPECT_EQ(
      d.path, std::string("[0]") + [] {
        std::string s;
        for (int i = 0; i < 30; ++i) s += "[0]";
        return s;
      }());
  EXPECT_FALSE(r.ok());

  // and a realistic one: deep inside an entity, with a smaller limit
  const std::string text2 =
      doc(R"(    {"name": "x", "shape": {"type": "box", "halfExtents": [[[1]]]}})");
  LoadLimits limits;
  limits.maxDepth = 5;
  const LoadResult r2 = loadText(text2, limits);
  ASSERT_EQ(r2.diagnostics.size(), 1u) << describe(r2);
  EXPECT_EQ(r2.diagnostics[0].path, "entities[0].shape.halfExtents");
  EXPECT_EQ(r2.diagnostics[0].line, lineOf(text2, "[[[1]]]"));
  EXPECT_EQ(r2.diagnostics[0].column, columnOf(text2, "[[1]]"));
  EXPECT_THAT(r2.diagnostics[0].message, HasSubstr("limit of 5 levels"));
}

TEST(ScenarioErrors, TooLargeNamesBothSizes) {
  const std::string text = doc(kFloor);
  LoadLimits limits;
  limits.maxFileBytes = 100;
  const LoadResult r = loadText(text, limits);
  ASSERT_EQ(r.diagnostics.size(), 1u) << describe(r);
  const Diagnostic& d = r.diagnostics[0];
  EXPECT_EQ(d.message,
            "file is " + std::to_string(text.size()) + " bytes, more than the limit of 100 bytes");
  EXPECT_EQ(d.path, "");
  EXPECT_EQ(d.line, 0);
  EXPECT_FALSE(r.ok());
  const LoadResult fromText = loadScenarioText(text, "/nowhere/scenario.json", limits);
  ASSERT_EQ(fromText.diagnostics.size(), 1u);
  EXPECT_EQ(fromText.diagnostics[0].message, d.message);
}

TEST(ScenarioErrors, TooManyEntities) {
  const std::string text = doc(std::string(kFloor) + ",\n" +
                               R"(    {"name": "b", "shape": {"type": "sphere", "radius": 1}})");
  LoadLimits limits;
  limits.maxEntities = 1;
  const LoadResult r = loadText(text, limits);
  ASSERT_EQ(r.errorCount(), 1u) << describe(r);
  expectError(r, text, "entities", "the scenario has 2 entities, more than the limit of 1",
              "\"entities\"");
}

TEST(ScenarioErrors, EmptyFile) {
  for (const char* text : {"", "  \n\t\n"}) {
    const LoadResult r = loadText(text);
    ASSERT_EQ(r.diagnostics.size(), 1u) << describe(r);
    EXPECT_THAT(r.diagnostics[0].message, HasSubstr("file is empty"));
    EXPECT_FALSE(r.ok());
  }
}

TEST(ScenarioErrors, TopLevelMustBeAnObject) {
  const LoadResult r = loadText("\n  [1, 2]\n");
  ASSERT_EQ(r.diagnostics.size(), 1u) << describe(r);
  EXPECT_EQ(r.diagnostics[0].message, "the top level must be an object, got an array");
  EXPECT_EQ(r.diagnostics[0].line, 2);
  EXPECT_EQ(r.diagnostics[0].column, 3);
}

TEST(ScenarioErrors, DuplicateKeys) {
  const std::string text =
      doc(R"(    {"name": "floor", "shape": {"type": "box", "halfExtents": [1, 1, 1]},)"
          "\n"
          R"(     "name": "again"})");
  const LoadResult r = loadText(text);
  expectError(r, text, "entities[0].name",
              "duplicate key \"name\" (first defined at line 9, column 6)", "\"again\"");
  ASSERT_EQ(r.errorCount(), 1u) << describe(r);
  EXPECT_EQ(findPath(r, "entities[0].name")->column, columnOf(text, "\"name\": \"again\""));
}

TEST(ScenarioErrors, InvalidUtf8IsASyntaxError) {
  const std::string text = doc(R"(    {"name": "fl)"
                               "\xff"
                               R"(oor", "shape": {"type": "box", "halfExtents": [1, 1, 1]}})");
  const LoadResult r = loadText(text);
  ASSERT_EQ(r.diagnostics.size(), 1u) << describe(r);
  EXPECT_THAT(r.diagnostics[0].message, HasSubstr("ill-formed UTF-8"));
  EXPECT_EQ(r.diagnostics[0].line, lineOf(text, "\xff"));
}

TEST(ScenarioErrors, MissingScenarioFile) {
  const auto dir = practicum::test::makeTempDir("scenario-empty");
  const LoadResult r = loadScenario(dir);
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].message, "the scenario folder has no scenario.json");
  EXPECT_EQ(r.diagnostics[0].file, (dir / "scenario.json").string());
  const LoadResult r2 = loadScenario(dir / "nope.json");
  ASSERT_EQ(r2.diagnostics.size(), 1u);
  EXPECT_EQ(r2.diagnostics[0].message, "scenario file not found");
}

TEST(ScenarioErrors, AllProblemsOfAFileAreReportedTogether) {
  const std::string text =
      "{\n"
      "  \"format\": 1,\n"
      "  \"id\": \"Bad Id\",\n"
      "  \"title\": {\"zh-CN\": \"t\", \"en\": \"\"},\n"
      "  \"trade\": 7,\n"
      "  \"author\": \"a\",\n"
      "  \"licence\": \"l\",\n"
      "  \"entities\": [\n"
      "    {\"name\": \"a\", \"shape\": {\"type\": \"box\", \"halfExtents\": [1, 1]}, \"massive\": "
      "true}\n"
      "  ],\n"
      "  \"lights\": {\"sun\": {\"intensity\": -1}}\n"
      "}\n";
  const LoadResult r = loadText(text);
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.errorCount(), 6u) << describe(r);
  expectError(r, text, "id",
              "must contain only lowercase letters a-z, digits and '-', got \"Bad Id\"",
              "\"Bad Id\"");
  expectError(r, text, "title.en", "must not be empty", "\"title\"");
  expectError(r, text, "trade", "expected a string, got a number", "\"trade\"");
  expectError(r, text, "entities[0].shape.halfExtents",
              "expected an array of 3 numbers, got 2 elements", "[1, 1]");
  expectError(r, text, "entities[0].massive", "unknown field \"massive\"", "\"massive\"");
  expectError(r, text, "lights.sun.intensity", "must not be negative, got -1", "\"intensity\"");
}

TEST(ScenarioWarnings, IgnoredBodyFieldsWarnButLoad) {
  const std::string text =
      doc(R"(    {"name": "floor", "shape": {"type": "box", "halfExtents": [1, 1, 1]},)"
          "\n"
          R"(     "body": {"type": "static", "mass": 3, "linearVelocity": [1, 0, 0]}})");
  const LoadResult r = loadText(text);
  ASSERT_TRUE(r.ok()) << describe(r);
  EXPECT_EQ(r.errorCount(), 0u);
  ASSERT_EQ(r.diagnostics.size(), 2u) << describe(r);
  EXPECT_EQ(r.diagnostics[0].severity, Severity::Warning);
  EXPECT_EQ(r.diagnostics[0].path, "entities[0].body.mass");
  EXPECT_EQ(r.diagnostics[0].message, "mass is ignored for a static body");
  EXPECT_EQ(r.diagnostics[0].line, 10);
  EXPECT_EQ(r.diagnostics[1].path, "entities[0].body.linearVelocity");
}

TEST(ScenarioErrors, MisplacedJointAndShapeFields) {
  const std::string text = doc(
      R"(    {"name": "a", "shape": {"type": "sphere", "radius": 1, "halfExtents": [1, 1, 1]}, "body": {"type": "dynamic", "mass": 1}},)"
      "\n"
      R"(    {"name": "b", "shape": {"type": "sphere", "radius": 1}, "body": {"type": "dynamic", "mass": 1}})",
      "  \"joints\": [\n"
      "    {\"name\": \"j\", \"type\": \"fixed\", \"a\": \"a\", \"b\": \"a\", \"pivot\": [0, 0, "
      "0], \"axis\": [0, 1, 0]}\n"
      "  ],\n");
  const LoadResult r = loadText(text);
  expectError(r, text, "entities[0].shape.halfExtents",
              "field \"halfExtents\" does not apply to a sphere shape", "\"halfExtents\"");
  expectError(r, text, "joints[0].axis", "field \"axis\" does not apply to a fixed joint",
              "\"axis\"");
  expectError(r, text, "joints[0].b", "a joint cannot connect entity \"a\" to itself", "\"axis\"");
}

TEST(ScenarioErrors, ScaleOnAPrimitiveIsRejected) {
  // a primitive's size is its shape's; scale would be ignored by physics and drawing alike
  const std::string text = doc(
      R"(    {"name": "a", "transform": {"scale": [2, 1, 1]}, "shape": {"type": "box", "halfExtents": [1, 1, 1]}, "body": {"type": "static"}})");
  const LoadResult r = loadText(text);
  expectError(r, text, "entities[0].transform.scale", "scale applies to models only", "\"scale\"");
}

// ---------------------------------------------------------------------------------------------
// diagnostics

TEST(ScenarioDiagnostic, Format) {
  Diagnostic d{Severity::Error,
               "scenarios/x/scenario.json",
               "entities[2].body.mass",
               14,
               37,
               "expected a number, got a string"};
  EXPECT_EQ(
      d.format(),
      "scenarios/x/scenario.json:14:37: error: entities[2].body.mass: expected a number, got a "
      "string");
  d.column = 0;
  EXPECT_EQ(d.format(),
            "scenarios/x/scenario.json:14: error: entities[2].body.mass: expected a number, got a "
            "string");
  d.line = 0;
  d.path.clear();
  d.severity = Severity::Warning;
  d.message = "something";
  EXPECT_EQ(d.format(), "scenarios/x/scenario.json: warning: something");
  d.file.clear();
  EXPECT_EQ(d.format(), "warning: something");
}

TEST(ScenarioDiagnostic, LoadedDiagnosticFormatsWithFileLineAndPath) {
  const std::string text =
      doc(R"(    {"name": "floor", "shape": {"type": "box", "halfExtents": "big"}})");
  const auto folder = writeScenario(text);
  const LoadResult r = loadScenario(folder);
  ASSERT_EQ(r.diagnostics.size(), 1u) << describe(r);
  EXPECT_EQ(r.diagnostics[0].format(),
            (folder / "scenario.json").string() +
                ":9:" + std::to_string(columnOf(text, "\"big\"")) +
                ": error: entities[0].shape.halfExtents: expected an array of 3 numbers, got a "
                "string");
  EXPECT_EQ(r.errorCount(), 1u);
}

}  // namespace
}  // namespace practicum::scenario
