#pragma once
/// Checks shared by the assets tests.
#include <cstdint>
#include <filesystem>
#include <string>

#include <practicum/assets/model.hpp>
#include <practicum/scene/mesh.hpp>

namespace practicum::test {

/// Signed volume enclosed by a mesh (positive when its triangles face outwards).
double signedVolume(const scene::MeshData& mesh);
/// Sum of signedVolume over a model's meshes.
double signedVolume(const assets::Model& model);

/// Asserts what the importer promises for any model it returns: indices in range, finite
/// positions, unit normals, consistent counts and bounds. Returns a description of the first
/// problem, or an empty string.
std::string checkModelInvariants(const assets::Model& model, const assets::ImportLimits& limits);

/// Writes bytes to a file (throws on failure; for test setup only).
void writeBytes(const std::filesystem::path& file, const std::string& bytes);
/// Reads a whole file (throws on failure; for test setup only).
std::string readBytes(const std::filesystem::path& file);

/// Sets an environment variable for the lifetime of the object, restoring it afterwards.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const std::string& value);
  ~ScopedEnv();
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  std::string name_;
  bool had_ = false;
  std::string old_;
};

}  // namespace practicum::test
