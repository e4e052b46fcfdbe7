#pragma once
/// The cooked model format written by `practicum-import` and read back by importModel().
///
/// Little-endian throughout:
///   header   "PMDL", u16 major, u16 minor, u32 meshCount, u32 materialCount, u32 warningCount
///   material u32 nameBytes, name, f32 baseColor[4], f32 roughness, f32 metalness
///   mesh     u32 nameBytes, name, u32 material, u32 vertexCount, u32 indexCount,
///            f32 positions[3 * vertexCount], f32 normals[3 * vertexCount], u32 indices[indexCount]
///   warning  u32 bytes, text
/// decode() checks the layout only (every count against the bytes left, before allocating);
/// the meaning of the data (indices in range, finite floats) is checked by the importer.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <practicum/core/result.hpp>
#include <practicum/scene/mesh.hpp>
#include <practicum/scene/scene.hpp>

namespace practicum::assets::cooked {

inline constexpr char kMagic[4] = {'P', 'M', 'D', 'L'};
/// A reader accepts any minor version of its own major version.
inline constexpr std::uint16_t kVersionMajor = 1;
inline constexpr std::uint16_t kVersionMinor = 0;
/// Longest name or warning stored; longer ones are cut by the writer and refused by the reader.
inline constexpr std::uint32_t kMaxStringBytes = 4096;

/// Exit codes of `practicum-import`, so that the caller can tell kinds of failure apart.
enum ExitCode : int {
  kExitOk = 0,
  kExitUsage = 2,     ///< bad command line
  kExitIo = 3,        ///< cannot read the model or write the output
  kExitParse = 4,     ///< Assimp refused the file
  kExitLimit = 5,     ///< a vertex, triangle or mesh limit was exceeded
  kExitEmpty = 6,     ///< the file holds no triangles
  kExitNoMemory = 7,  ///< the memory cap was hit
  kExitInternal = 8,  ///< any other failure inside the helper
};

/// What the cooked file holds.
struct CookedModel {
  std::vector<scene::MeshData> meshes;
  std::vector<scene::Material> materials;
  std::vector<std::string> warnings;
};

/// Serialises a model (names and warnings longer than kMaxStringBytes are cut).
std::string encode(const CookedModel& model);

/// Parses cooked bytes. Errors (ErrorCode::Parse) name `source`. Never allocates more than a
/// small multiple of bytes.size(), whatever the counts in the header say.
core::Result<CookedModel> decode(std::string_view bytes, const std::string& source);

}  // namespace practicum::assets::cooked
