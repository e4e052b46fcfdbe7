#include <gtest/gtest.h>

#include <fstream>

#include <sys/stat.h>
#include <chrono>
#include <cmath>
#include <random>
#include <string_view>

#include <practicum/assets/model.hpp>

#include "assets_test_util.hpp"
#include "cooked_format.hpp"
#include "test_support.hpp"

namespace practicum {
namespace {

using assets::ImportLimits;
using core::ErrorCode;
using core::Vec3;
namespace fs = std::filesystem;

fs::path modelsDir() { return test::sourceDir() / "assets" / "models"; }

bool mentions(const core::Error& error, const fs::path& file) {
  return error.message.find(file.filename().string()) != std::string::npos;
}

// every triangle agrees with its corners' normals (CCW front faces, outward normals)
void expectFacesAgreeWithNormals(const assets::Model& model) {
  for (const auto& mesh : model.meshes)
    for (std::size_t t = 0; t < mesh.indices.size(); t += 3) {
      const Vec3 a = mesh.positions[mesh.indices[t]], b = mesh.positions[mesh.indices[t + 1]],
                 c = mesh.positions[mesh.indices[t + 2]];
      const Vec3 face = core::cross(b - a, c - a);
      for (int k = 0; k < 3; ++k)
        ASSERT_GT(core::dot(face, mesh.normals[mesh.indices[t + k]]), 0.0f)
            << mesh.name << " triangle " << t / 3;
    }
}

void expectBounds(const assets::Model& model, Vec3 lo, Vec3 hi) {
  constexpr float kTol = 1e-6f;
  EXPECT_NEAR(model.bounds.min.x, lo.x, kTol);
  EXPECT_NEAR(model.bounds.min.y, lo.y, kTol);
  EXPECT_NEAR(model.bounds.min.z, lo.z, kTol);
  EXPECT_NEAR(model.bounds.max.x, hi.x, kTol);
  EXPECT_NEAR(model.bounds.max.y, hi.y, kTol);
  EXPECT_NEAR(model.bounds.max.z, hi.z, kTol);
}

// volume of a closed (r, y) polygon swept around Y into a regular `segments`-gon solid:
// Pappus' volume for the true solid of revolution, times the polygon-to-circle area ratio
double revolvedVolume(const std::vector<std::pair<double, double>>& profile, int segments) {
  double moment = 0;  // integral of r over the profile area, via the shoelace formula
  for (std::size_t i = 0; i < profile.size(); ++i) {
    const auto [r0, y0] = profile[i];
    const auto [r1, y1] = profile[(i + 1) % profile.size()];
    moment += (r0 + r1) * (r0 * y1 - r1 * y0) / 6.0;
  }
  const double ratio = segments * std::sin(2 * M_PI / segments) / (2 * M_PI);
  return std::abs(2 * M_PI * moment) * ratio;
}

// --- the project's own models: figures from scripts/make_models.py's construction ---------

TEST(ModelCache, AnUnchangedFileIsImportedOnceAChangedOneAgain) {
  const auto dir = test::makeTempDir("model-cache");
  const auto file = dir / "pulley.gltf";
  std::filesystem::copy_file(test::sourceDir() / "assets" / "models" / "pulley.gltf", file);
  auto first = assets::importModelCached(file);
  ASSERT_TRUE(first.ok()) << first.error().message;
  auto second = assets::importModelCached(file);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(first->get(), second->get());  // the same import
  // touched: imported again
  std::filesystem::last_write_time(
      file, std::filesystem::last_write_time(file) + std::chrono::seconds(5));
  auto third = assets::importModelCached(file);
  ASSERT_TRUE(third.ok());
  EXPECT_NE(first->get(), third->get());
  EXPECT_EQ((*third)->triangleCount, (*first)->triangleCount);
  // failures are not kept
  std::ofstream(dir / "broken.obj") << "v 1 2\nf 1 2 3\n";
  EXPECT_FALSE(assets::importModelCached(dir / "broken.obj").ok());
  std::filesystem::remove_all(dir);
}

TEST(ProjectModels, HexNutGltf) {
  // make_models.py: corner radius 0.015 (corners on +-X), hole radius 0.008, thickness 0.012,
  // 24 hole segments; top and bottom annuli 2N vertices each, six flat sides of 4, hole 2N
  constexpr int n = 24;
  constexpr double R = 0.015, r = 0.008, t = 0.012;
  auto model = assets::importModel(modelsDir() / "hex_nut.gltf");
  ASSERT_TRUE(model.ok()) << model.error().message;
  EXPECT_EQ(model->meshes.size(), 1u);
  EXPECT_EQ(model->vertexCount, std::uint64_t(6 * n + 24));
  EXPECT_EQ(model->triangleCount, std::uint64_t(6 * n + 12));
  const float zMax = static_cast<float>(R * std::sin(M_PI / 3));
  expectBounds(*model, {-0.015f, -0.006f, -zMax}, {0.015f, 0.006f, zMax});
  EXPECT_TRUE(model->warnings.empty());
  EXPECT_EQ(test::checkModelInvariants(*model, {}), "");
  expectFacesAgreeWithNormals(*model);
  // closed and outward: hexagon minus the 24-gon hole, times the thickness
  const double volume =
      (3 * std::sqrt(3.0) / 2 * R * R - n / 2.0 * r * r * std::sin(2 * M_PI / n)) * t;
  EXPECT_NEAR(test::signedVolume(*model), volume, volume * 1e-4);
  // one metallic material
  ASSERT_EQ(model->materials.size(), 1u);
  EXPECT_EQ(model->materials[0].name, "zinc_plated_steel");
  EXPECT_NEAR(model->materials[0].baseColor.x, 0.78f, 1e-6f);
  EXPECT_NEAR(model->materials[0].metalness, 1.0f, 1e-6f);
  EXPECT_NEAR(model->materials[0].roughness, 0.35f, 1e-6f);
}

TEST(ProjectModels, PulleyGltf) {
  // make_models.py: rim radius 0.075, width 0.03, V groove 0.012 deep and 0.018 wide at the
  // rim, bore 0.01, 32 segments; a closed profile of 7 edges, each a band of 2S vertices and
  // 2S triangles
  constexpr int s = 32;
  auto model = assets::importModel(modelsDir() / "pulley.gltf");
  ASSERT_TRUE(model.ok()) << model.error().message;
  EXPECT_EQ(model->vertexCount, std::uint64_t(14 * s));
  EXPECT_EQ(model->triangleCount, std::uint64_t(14 * s));
  expectBounds(*model, {-0.075f, -0.015f, -0.075f}, {0.075f, 0.015f, 0.075f});
  EXPECT_EQ(test::checkModelInvariants(*model, {}), "");
  expectFacesAgreeWithNormals(*model);
  const double volume = revolvedVolume({{0.01, 0.015},
                                        {0.075, 0.015},
                                        {0.075, 0.009},
                                        {0.063, 0.0},
                                        {0.075, -0.009},
                                        {0.075, -0.015},
                                        {0.01, -0.015}},
                                       s);
  EXPECT_NEAR(test::signedVolume(*model), volume, volume * 1e-4);
  ASSERT_EQ(model->materials.size(), 1u);
  EXPECT_NEAR(model->materials[0].metalness, 1.0f, 1e-6f);
}

TEST(ProjectModels, BracketObj) {
  // make_models.py: L profile with 0.12 legs, 0.006 thick, extruded 0.04 along Z (2 end caps
  // of 6 vertices and 4 triangles, 6 long faces of 4 vertices), plus a 0.04 triangular gusset
  // 0.006 thick (2 triangles of 3 vertices, 3 quads): 54 vertices, 28 triangles
  constexpr double L = 0.12, t = 0.006, w = 0.04, g = 0.04, gt = 0.006;
  auto model = assets::importModel(modelsDir() / "bracket.obj");
  ASSERT_TRUE(model.ok()) << model.error().message;
  EXPECT_EQ(model->vertexCount, 54u);
  EXPECT_EQ(model->triangleCount, 28u);
  expectBounds(*model, {0, 0, -0.02f}, {0.12f, 0.12f, 0.02f});
  EXPECT_EQ(test::checkModelInvariants(*model, {}), "");
  expectFacesAgreeWithNormals(*model);
  const double volume = (L * t + (L - t) * t) * w + g * g / 2 * gt;
  EXPECT_NEAR(test::signedVolume(*model), volume, volume * 1e-4);
  // the .mtl: Kd and the PBR extension terms Pr / Pm
  ASSERT_EQ(model->materials.size(), 1u);
  EXPECT_EQ(model->materials[0].name, "galvanised_steel");
  EXPECT_NEAR(model->materials[0].baseColor.y, 0.57f, 1e-6f);
  EXPECT_NEAR(model->materials[0].roughness, 0.45f, 1e-6f);
  EXPECT_NEAR(model->materials[0].metalness, 1.0f, 1e-6f);
}

TEST(ProjectModels, ScenarioCopiesMatchTheAssets) {
  for (const char* name : {"hex_nut.gltf", "pulley.gltf", "bracket.obj", "bracket.mtl"}) {
    const auto copy = test::scenarioDir("workbench") / "models" / name;
    ASSERT_TRUE(fs::exists(copy)) << copy;
    EXPECT_EQ(test::readBytes(copy), test::readBytes(modelsDir() / name)) << name;
  }
}

std::string base64Decode(std::string_view in) {
  std::string out;
  unsigned acc = 0;
  int bits = 0;
  for (const char c : in) {
    int v = -1;
    if (c >= 'A' && c <= 'Z') v = c - 'A';
    if (c >= 'a' && c <= 'z') v = c - 'a' + 26;
    if (c >= '0' && c <= '9') v = c - '0' + 52;
    if (c == '+') v = 62;
    if (c == '/') v = 63;
    if (v < 0) continue;  // padding
    acc = (acc << 6) | static_cast<unsigned>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((acc >> bits) & 0xff));
    }
  }
  return out;
}

// turns a .gltf with one embedded data-URI buffer into a binary glTF: the JSON chunk without
// the URI, then the buffer as the BIN chunk
std::string makeGlb(std::string json) {
  const std::string prefix = "\"data:application/octet-stream;base64,";
  const auto start = json.find(prefix);
  const auto end = json.find('"', start + 1);
  const auto comma = json.rfind(',', start);
  EXPECT_NE(start, std::string::npos);
  std::string bin = base64Decode(
      std::string_view(json).substr(start + prefix.size(), end - start - prefix.size()));
  json.erase(comma, end + 1 - comma);  // `, "uri": "data:..."`
  while (json.size() % 4) json.push_back(' ');
  while (bin.size() % 4) bin.push_back('\0');
  std::string out;
  auto u32 = [&out](std::uint32_t v) {
    for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>(v >> (8 * i)));
  };
  u32(0x46546C67);  // "glTF"
  u32(2);
  u32(static_cast<std::uint32_t>(12 + 8 + json.size() + 8 + bin.size()));
  u32(static_cast<std::uint32_t>(json.size()));
  u32(0x4E4F534A);  // "JSON"
  out += json;
  u32(static_cast<std::uint32_t>(bin.size()));
  u32(0x004E4942);  // "BIN"
  out += bin;
  return out;
}

TEST(ProjectModels, GlbContainerAndUppercaseExtension) {
  const auto dir = test::makeTempDir("assets-glb");
  const auto glb = dir / "HEX_NUT.GLB";
  test::writeBytes(glb, makeGlb(test::readBytes(modelsDir() / "hex_nut.gltf")));
  auto model = assets::importModel(glb);
  ASSERT_TRUE(model.ok()) << model.error().message;
  EXPECT_EQ(model->triangleCount, 6u * 24 + 12);
  fs::remove_all(dir);
}

// --- broken input -----------------------------------------------------------------------

TEST(ImportErrors, TruncatedFilesAreRejected) {
  test::allowEngineErrors();
  const auto dir = test::makeTempDir("assets-trunc");
  const std::string gltf = test::readBytes(modelsDir() / "hex_nut.gltf");
  const std::string obj = test::readBytes(modelsDir() / "bracket.obj");
  const std::vector<std::pair<fs::path, std::string>> cases = {
      {dir / "cut_half.gltf", gltf.substr(0, gltf.size() / 2)},
      {dir / "cut_short.gltf", gltf.substr(0, 100)},
      {dir / "cut_half.glb", makeGlb(gltf).substr(0, gltf.size() / 2)},
      {dir / "cut_header.glb", makeGlb(gltf).substr(0, 10)},
      {dir / "cut_third.obj", obj.substr(0, obj.size() / 3)},
  };
  for (const auto& [file, bytes] : cases) {
    test::writeBytes(file, bytes);
    auto model = assets::importModel(file);
    ASSERT_FALSE(model.ok()) << file;
    EXPECT_TRUE(mentions(model.error(), file)) << model.error().message;
  }
  fs::remove_all(dir);
}

TEST(ImportErrors, GarbageIsRejected) {
  const auto dir = test::makeTempDir("assets-garbage");
  std::mt19937 rng(12345);
  std::string bytes(8192, '\0');
  for (char& c : bytes) c = static_cast<char>(rng());
  for (const char* ext : {".glb", ".gltf", ".obj", ".fbx", ".stl"}) {
    const auto file = dir / (std::string("garbage") + ext);
    test::writeBytes(file, bytes);
    auto model = assets::importModel(file);
    ASSERT_FALSE(model.ok()) << file;
    EXPECT_TRUE(mentions(model.error(), file)) << model.error().message;
    EXPECT_NE(model.error().code, ErrorCode::Crashed) << model.error().message;
  }
  fs::remove_all(dir);
}

TEST(ImportErrors, RejectedBeforeSpawningTheHelper) {
  const auto dir = test::makeTempDir("assets-pre");
  // with no helper at all, these must still fail for their own reason
  test::ScopedEnv noHelper("PRACTICUM_IMPORTER", (dir / "no-such-helper").string());

  const auto ply = dir / "model.ply";
  test::writeBytes(ply, "ply\nformat ascii 1.0\nend_header\n");
  auto r = assets::importModel(ply);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::Unsupported);
  EXPECT_TRUE(mentions(r.error(), ply)) << r.error().message;

  const auto noExt = dir / "model";
  test::writeBytes(noExt, "x");
  r = assets::importModel(noExt);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::Unsupported);

  const auto missing = dir / "missing.gltf";
  r = assets::importModel(missing);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::NotFound);
  EXPECT_TRUE(mentions(r.error(), missing)) << r.error().message;

  const auto big = dir / "big.obj";
  test::writeBytes(big, std::string(2000, '#'));
  ImportLimits small;
  small.maxFileBytes = 1000;
  r = assets::importModel(big, small);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::Limit);
  EXPECT_TRUE(mentions(r.error(), big)) << r.error().message;

  const auto folder = dir / "folder.gltf";
  fs::create_directories(folder);
  r = assets::importModel(folder);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::InvalidArgument);

  // control: a good file does reach the (missing) helper
  r = assets::importModel(modelsDir() / "bracket.obj");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::NotFound);
  EXPECT_NE(r.error().message.find("no-such-helper"), std::string::npos) << r.error().message;
  fs::remove_all(dir);
}

TEST(ImportErrors, CountLimitsAreEnforced) {
  const auto nut = modelsDir() / "hex_nut.gltf";
  ImportLimits limits;
  limits.maxVertices = 100;  // the nut has 168
  auto r = assets::importModel(nut, limits);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::Limit);
  EXPECT_TRUE(mentions(r.error(), nut)) << r.error().message;

  limits = {};
  limits.maxTriangles = 155;  // the nut has 156
  r = assets::importModel(nut, limits);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::Limit);
  EXPECT_TRUE(mentions(r.error(), nut)) << r.error().message;

  limits = {};
  limits.maxMeshes = 0;
  r = assets::importModel(nut, limits);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::Limit);

  // exactly at the limits is fine
  limits = {};
  limits.maxVertices = 168;
  limits.maxTriangles = 156;
  limits.maxMeshes = 1;
  r = assets::importModel(nut, limits);
  EXPECT_TRUE(r.ok()) << r.error().message;

  limits = {};
  limits.timeoutSeconds = 0;
  r = assets::importModel(nut, limits);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::InvalidArgument);
}

// --- node transforms ----------------------------------------------------------------------

std::string base64(const std::string& in) {
  static const char* kDigits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::size_t i = 0;
  for (; i + 2 < in.size(); i += 3) {
    const unsigned v = (static_cast<unsigned char>(in[i]) << 16) |
                       (static_cast<unsigned char>(in[i + 1]) << 8) |
                       static_cast<unsigned char>(in[i + 2]);
    for (int k = 3; k >= 0; --k) out.push_back(kDigits[(v >> (6 * k)) & 63]);
  }
  if (i < in.size()) {
    unsigned v = static_cast<unsigned char>(in[i]) << 16;
    if (i + 1 < in.size()) v |= static_cast<unsigned char>(in[i + 1]) << 8;
    out.push_back(kDigits[(v >> 18) & 63]);
    out.push_back(kDigits[(v >> 12) & 63]);
    out.push_back(i + 1 < in.size() ? kDigits[(v >> 6) & 63] : '=');
    out.push_back('=');
  }
  return out;
}

TEST(ImportTransforms, NodeTransformsAreBakedAndMirrorsKeepWinding) {
  // one triangle in the XY plane facing +Z, used by a translated node and by a mirrored one
  std::string buffer;
  auto f32 = [&buffer](float v) { buffer.append(reinterpret_cast<const char*>(&v), 4); };
  for (float v : {0.f, 0.f, 0.f, 1.f, 0.f, 0.f, 0.f, 1.f, 0.f}) f32(v);  // positions
  for (int i = 0; i < 3; ++i)
    for (float v : {0.f, 0.f, 1.f}) f32(v);  // normals
  const std::string json = R"({"asset":{"version":"2.0"},"scene":0,"scenes":[{"nodes":[0,1]}],
  "nodes":[{"mesh":0,"translation":[2,0,0]},{"mesh":0,"scale":[-1,1,1]}],
  "meshes":[{"primitives":[{"attributes":{"POSITION":0,"NORMAL":1}}]}],
  "accessors":[{"bufferView":0,"componentType":5126,"count":3,"type":"VEC3","min":[0,0,0],"max":[1,1,0]},
               {"bufferView":1,"componentType":5126,"count":3,"type":"VEC3"}],
  "bufferViews":[{"buffer":0,"byteOffset":0,"byteLength":36},{"buffer":0,"byteOffset":36,"byteLength":36}],
  "buffers":[{"byteLength":72,"uri":"data:application/octet-stream;base64,)" +
                           base64(buffer) + R"("}]})";
  const auto dir = test::makeTempDir("assets-nodes");
  const auto file = dir / "two_nodes.gltf";
  test::writeBytes(file, json);
  auto model = assets::importModel(file);
  ASSERT_TRUE(model.ok()) << model.error().message;
  ASSERT_EQ(model->meshes.size(), 2u);
  EXPECT_EQ(model->triangleCount, 2u);
  expectBounds(*model, {-1, 0, 0}, {3, 1, 0});
  expectFacesAgreeWithNormals(*model);
  for (const auto& mesh : model->meshes)
    for (const auto& n : mesh.normals) EXPECT_NEAR(n.z, 1.0f, 1e-6f);
  fs::remove_all(dir);
}

// --- the parent's own checks, fed by a stand-in helper -------------------------------------

class FakeHelper : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = test::makeTempDir("assets-fake");
    fs::create_directories(dir_ / "tmp");
    model_ = dir_ / "input.gltf";
    test::writeBytes(model_, "{}");
  }
  void TearDown() override { fs::remove_all(dir_); }

  // a helper that runs `body` (sh; $2 is the output path)
  fs::path helper(const std::string& body) {
    const auto path = dir_ / "fake-import";
    test::writeBytes(path, "#!/bin/sh\n" + body + "\n");
    ::chmod(path.c_str(), 0755);
    return path;
  }
  // a helper that delivers a prepared cooked file
  fs::path deliver(const assets::cooked::CookedModel& cooked) {
    return deliverBytes(assets::cooked::encode(cooked));
  }
  fs::path deliverBytes(const std::string& bytes) {
    const auto cooked = dir_ / "prepared.pmdl";
    test::writeBytes(cooked, bytes);
    return helper("cp '" + cooked.string() + "' \"$2\"");
  }
  core::Result<assets::Model> run(const fs::path& helperPath, const ImportLimits& limits = {}) {
    test::ScopedEnv env("PRACTICUM_IMPORTER", helperPath.string());
    test::ScopedEnv tmp("TMPDIR", (dir_ / "tmp").string());
    auto result = assets::importModel(model_, limits);
    // the private output folder is gone whatever happened
    EXPECT_TRUE(fs::is_empty(dir_ / "tmp"));
    return result;
  }

  static scene::MeshData quad() {
    scene::MeshData m;
    m.name = "quad";
    m.positions = {{0, 0, 0}, {1, 0, 0}, {1, 1, 0}, {0, 1, 0}};
    m.normals = {{0, 0, 1}, {0, 0, 1}, {0, 0, 1}, {0, 0, 1}};
    m.indices = {0, 1, 2, 0, 2, 3};
    return m;
  }

  fs::path dir_;
  fs::path model_;
};

TEST_F(FakeHelper, GoodOutputIsAccepted) {
  assets::cooked::CookedModel cooked;
  cooked.meshes = {quad()};
  cooked.materials = {scene::Material{}};
  auto r = run(deliver(cooked));
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->triangleCount, 2u);
  EXPECT_TRUE(r->warnings.empty());
  expectBounds(*r, {0, 0, 0}, {1, 1, 0});
}

TEST_F(FakeHelper, BadDataIsDroppedOrRepairedWithWarnings) {
  assets::cooked::CookedModel cooked;
  auto mesh = quad();
  mesh.positions.push_back({NAN, 0, 0});       // vertex 4: not finite
  mesh.positions.push_back({INFINITY, 0, 0});  // vertex 5: not finite, unused
  mesh.normals.push_back({0, 0, 1});
  mesh.normals.push_back({0, 0, 1});
  mesh.indices.insert(mesh.indices.end(), {0, 1, 4});    // uses the NaN vertex
  mesh.indices.insert(mesh.indices.end(), {0, 1, 999});  // index out of range
  mesh.indices.push_back(0);                             // a stray index
  mesh.normals[2] = {0, 0, 0};                           // zero-length normal
  mesh.normals[3] = {NAN, 0, 0};                         // non-finite normal
  mesh.normals[1] = {0, 0, 5};                           // not unit length
  mesh.material = 7;                                     // no such material
  cooked.meshes = {mesh};
  auto r = run(deliver(cooked));
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->triangleCount, 2u);
  EXPECT_EQ(r->vertexCount, 4u);  // unused and non-finite vertices are gone
  EXPECT_EQ(test::checkModelInvariants(*r, {}), "");
  for (const auto& n : r->meshes[0].normals) EXPECT_NEAR(n.z, 1.0f, 1e-6f);
  expectBounds(*r, {0, 0, 0}, {1, 1, 0});
  EXPECT_GE(r->warnings.size(), 4u);  // stray index, range, non-finite, normals, material
  for (const auto& w : r->warnings) EXPECT_NE(w.find("input.gltf"), std::string::npos) << w;
}

TEST_F(FakeHelper, LimitsAreEnforcedAgainInTheParent) {
  assets::cooked::CookedModel cooked;
  cooked.meshes = {quad(), quad(), quad()};
  cooked.materials = {scene::Material{}};
  ImportLimits limits;
  limits.maxVertices = 11;
  auto r = run(deliver(cooked), limits);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::Limit);
  limits = {};
  limits.maxTriangles = 5;
  r = run(deliver(cooked), limits);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::Limit);
  limits = {};
  limits.maxMeshes = 2;
  r = run(deliver(cooked), limits);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::Limit);
}

TEST_F(FakeHelper, MalformedOutputIsAnError) {
  assets::cooked::CookedModel cooked;
  cooked.meshes = {quad()};
  cooked.materials = {scene::Material{}};
  const std::string good = assets::cooked::encode(cooked);

  std::string badMagic = good;
  badMagic[0] = 'X';
  std::string badVersion = good;
  badVersion[4] = 9;
  std::string hugeCount = good;  // claims 2^32-1 meshes in a tiny file
  for (int i = 8; i < 12; ++i) hugeCount[i] = '\xff';
  std::string hugeVertices = good;                              // first mesh claims 2^32-1 vertices
  const std::size_t meshHeader = 20 + (4 + 6 * 4) + 4 + 4 + 4;  // header, material, name, "quad"
  for (std::size_t i = meshHeader; i < meshHeader + 4; ++i) hugeVertices[i] = '\xff';

  const std::vector<std::pair<std::string, ErrorCode>> cases = {
      {badMagic, ErrorCode::Parse},
      {badVersion, ErrorCode::Unsupported},
      {good.substr(0, good.size() - 5), ErrorCode::Parse},
      {good + "extra", ErrorCode::Parse},
      {hugeCount, ErrorCode::Parse},
      {hugeVertices, ErrorCode::Parse},
      {"", ErrorCode::Parse},
  };
  for (const auto& [bytes, code] : cases) {
    auto r = run(deliverBytes(bytes));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, code) << r.error().message;
    EXPECT_NE(r.error().message.find("input.gltf"), std::string::npos) << r.error().message;
  }
  // no output file at all
  auto r = run(helper("exit 0"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::Io);
  // well-formed but empty
  r = run(deliver({}));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::Validation);
}

TEST_F(FakeHelper, CrashIsReportedWithItsSignal) {
  auto r = run(helper("kill -SEGV $$"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::Crashed);
  EXPECT_NE(r.error().message.find("importer crashed (SIGSEGV)"), std::string::npos)
      << r.error().message;
  EXPECT_NE(r.error().message.find("input.gltf"), std::string::npos);
}

TEST_F(FakeHelper, HangIsKilledAtTheTimeout) {
  ImportLimits limits;
  limits.timeoutSeconds = 0.5;
  const auto start = std::chrono::steady_clock::now();
  auto r = run(helper("exec sleep 30"), limits);
  const double took =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::Timeout);
  EXPECT_NE(r.error().message.find("import did not finish within 0.5 s"), std::string::npos)
      << r.error().message;
  EXPECT_LT(took, 3.0);
}

TEST_F(FakeHelper, LeftoverChildHoldingThePipeDoesNotBlock) {
  assets::cooked::CookedModel cooked;
  cooked.meshes = {quad()};
  cooked.materials = {scene::Material{}};
  test::writeBytes(dir_ / "prepared.pmdl", assets::cooked::encode(cooked));
  const auto start = std::chrono::steady_clock::now();
  auto r = run(helper("cp '" + (dir_ / "prepared.pmdl").string() + "' \"$2\"; sleep 3 &"));
  const double took =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_TRUE(r.ok()) << r.error().message;
  EXPECT_LT(took, 2.0);
}

TEST_F(FakeHelper, ExitCodesMapToErrorKinds) {
  const std::vector<std::pair<int, ErrorCode>> cases = {
      {assets::cooked::kExitParse, ErrorCode::Parse},
      {assets::cooked::kExitLimit, ErrorCode::Limit},
      {assets::cooked::kExitEmpty, ErrorCode::Validation},
      {assets::cooked::kExitNoMemory, ErrorCode::Limit},
      {assets::cooked::kExitIo, ErrorCode::Io},
      {1, ErrorCode::Crashed},
  };
  for (const auto& [code, expected] : cases) {
    auto r = run(helper("echo 'noise on stdout'; echo \"$1: the reason\" >&2; exit " +
                        std::to_string(code)));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, expected) << r.error().message;
    EXPECT_NE(r.error().message.find("input.gltf"), std::string::npos) << r.error().message;
    if (code != assets::cooked::kExitNoMemory) {
      EXPECT_NE(r.error().message.find("the reason"), std::string::npos) << r.error().message;
    }
  }
}

}  // namespace
}  // namespace practicum
