#pragma once
/// Model import through Assimp, run in a separate helper process (`practicum-import`) so that
/// a crash or a hang inside the importer becomes an error for that file and nothing else.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <practicum/core/result.hpp>
#include <practicum/scene/mesh.hpp>
#include <practicum/scene/scene.hpp>

namespace practicum::assets {

/// Bounds applied to every import; exceeding one is an ErrorCode::Limit error naming the file.
struct ImportLimits {
  std::uint64_t maxFileBytes = 64ull * 1024 * 1024;
  std::uint64_t maxVertices = 2'000'000;
  std::uint64_t maxTriangles = 2'000'000;
  std::uint64_t maxMeshes = 4096;
  double timeoutSeconds = 20.0;                              ///< wall clock for the helper process
  std::uint64_t maxMemoryBytes = 3ull * 1024 * 1024 * 1024;  ///< address-space cap of the helper
};

/// An imported model: meshes (with normals, in model space, node transforms applied),
/// the materials they use, and summary figures.
struct Model {
  std::filesystem::path source;
  std::vector<scene::MeshData> meshes;
  std::vector<scene::Material> materials;  ///< indexed by MeshData::material
  scene::Bounds bounds;
  std::uint64_t vertexCount = 0;
  std::uint64_t triangleCount = 0;
  std::vector<std::string> warnings;  ///< data repaired or dropped during import
};

/// File extensions accepted for import (lowercase, with the dot).
const std::vector<std::string>& supportedExtensions();

/// Imports a model file. Never crashes or hangs the caller: Assimp runs in the helper process
/// under memory and time limits; its output is validated again here (finite positions, indices
/// in range, counts within limits). Errors name the file.
core::Result<Model> importModel(const std::filesystem::path& file, const ImportLimits& limits = {});

/// importModel with a cache for this process: a file imported before under the same limits,
/// unchanged since (same size and modification time), is not imported again. Failures are not
/// cached. For tools that build the same scenario's simulation many times (the editor after
/// each edit, the review seeking back). Safe to call from several threads.
core::Result<std::shared_ptr<const Model>> importModelCached(const std::filesystem::path& file,
                                                             const ImportLimits& limits = {});

/// Path of the helper executable: $PRACTICUM_IMPORTER if set, else `practicum-import` beside the
/// running executable.
std::filesystem::path importerPath();

}  // namespace practicum::assets
