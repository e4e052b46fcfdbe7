#include <practicum/assets/model.hpp>

#include <practicum/core/hash.hpp>

#include <sys/stat.h>
#include <unistd.h>
#include <algorithm>
#include <bit>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <mutex>
#include <optional>

#include <practicum/core/file_io.hpp>
#include <practicum/core/log.hpp>

#include "cooked_format.hpp"
#include "process.hpp"

namespace practicum::assets {

namespace {

using core::ErrorCode;
using core::makeError;
using core::Vec3;

constexpr std::size_t kMaxLoggedWarnings = 16;

// a + b, saturating instead of wrapping
std::uint64_t addSat(std::uint64_t a, std::uint64_t b) {
  return a > UINT64_MAX - b ? UINT64_MAX : a + b;
}
std::uint64_t mulSat(std::uint64_t a, std::uint64_t b) {
  return (b != 0 && a > UINT64_MAX / b) ? UINT64_MAX : a * b;
}

bool isFinite(Vec3 v) { return std::isfinite(v.x) && std::isfinite(v.y) && std::isfinite(v.z); }

std::string lowercase(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// removes a private temporary folder when the import ends, however it ends
struct TempDir {
  std::filesystem::path path;
  ~TempDir() {
    std::error_code ec;
    if (!path.empty()) std::filesystem::remove_all(path, ec);
  }
};

// the helper's own message: its last non-empty line, printable, bounded, without the path
// prefix it adds (the caller names the file itself)
std::string helperMessage(const std::string& output, const std::string& absolute) {
  std::string line;
  std::size_t end = output.size();
  while (end > 0) {
    const std::size_t start = output.rfind('\n', end - 1);
    const std::size_t from = start == std::string::npos ? 0 : start + 1;
    line = output.substr(from, end - from);
    if (line.find_first_not_of(" \t\r") != std::string::npos) break;
    line.clear();
    if (start == std::string::npos) break;
    end = start;
  }
  if (line.starts_with(absolute + ": ")) line.erase(0, absolute.size() + 2);
  for (char& c : line)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
  if (line.size() > 400) line = line.substr(0, 400) + "...";
  return line.empty() ? std::string("no message") : line;
}

// turns the helper's exit status into an error for the file
core::Error helperError(const std::string& name, const ProcessResult& run,
                        const std::string& absolute, const ImportLimits& limits) {
  const std::string message = helperMessage(run.output, absolute);
  switch (run.exitCode) {
    case cooked::kExitParse: return makeError(ErrorCode::Parse, name + ": " + message);
    case cooked::kExitLimit: return makeError(ErrorCode::Limit, name + ": " + message);
    case cooked::kExitEmpty: return makeError(ErrorCode::Validation, name + ": " + message);
    case cooked::kExitIo: return makeError(ErrorCode::Io, name + ": " + message);
    case cooked::kExitNoMemory:
      return makeError(ErrorCode::Limit, name + ": import needed more than the memory cap of " +
                                             std::to_string(limits.maxMemoryBytes) + " bytes");
    case cooked::kExitUsage:
      return makeError(ErrorCode::InvalidArgument,
                       name + ": the importer refused its command line: " + message);
    case cooked::kExitInternal: return makeError(ErrorCode::Parse, name + ": " + message);
    default:
      return makeError(ErrorCode::Crashed, name + ": importer failed with exit status " +
                                               std::to_string(run.exitCode) + ": " + message);
  }
}

// most bytes a cooked file within the limits can take
std::uint64_t cookedByteBound(const ImportLimits& limits) {
  constexpr std::uint64_t kRecord = cooked::kMaxStringBytes + 64;
  std::uint64_t bound = 64;
  bound = addSat(bound, mulSat(limits.maxVertices, 24));
  bound = addSat(bound, mulSat(limits.maxTriangles, 12));
  bound = addSat(bound, mulSat(mulSat(limits.maxMeshes, 2), kRecord));
  bound = addSat(bound, 256 * kRecord);  // warnings
  return bound;
}

// area-weighted vertex normals of a mesh, for vertices whose normal is unusable
void repairNormals(scene::MeshData& mesh, const std::vector<bool>& broken) {
  std::vector<Vec3> sum(mesh.positions.size());
  for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
    const auto a = mesh.indices[t], b = mesh.indices[t + 1], c = mesh.indices[t + 2];
    const Vec3 n =
        core::cross(mesh.positions[b] - mesh.positions[a], mesh.positions[c] - mesh.positions[a]);
    if (!isFinite(n)) continue;
    for (const auto v : {a, b, c}) sum[v] = sum[v] + n;
  }
  for (std::size_t v = 0; v < mesh.positions.size(); ++v) {
    if (!broken[v]) continue;
    const float len = core::length(sum[v]);
    mesh.normals[v] = (len > 0 && std::isfinite(len)) ? sum[v] * (1.0f / len) : Vec3{0, 1, 0};
  }
}

// the checks the parent makes on the helper's output: drops triangles with out-of-range
// indices or non-finite corners, drops unused vertices, repairs normals; returns the number of
// triangles dropped
std::size_t sanitizeMesh(scene::MeshData& mesh, std::vector<std::string>& warnings,
                         const std::string& name) {
  const std::size_t vertexCount = mesh.positions.size();
  std::size_t badIndex = 0, badPosition = 0;
  if (mesh.indices.size() % 3 != 0) {
    warnings.push_back(name + ": mesh '" + mesh.name + "' has " +
                       std::to_string(mesh.indices.size()) +
                       " indices, not a multiple of 3; the rest dropped");
    mesh.indices.resize(mesh.indices.size() / 3 * 3);
  }

  // keep the triangles whose corners exist and are finite, renumbering the vertices they use
  std::vector<std::uint32_t> remap(vertexCount, UINT32_MAX);
  scene::MeshData out;
  out.name = mesh.name;
  out.material = mesh.material;
  out.indices.reserve(mesh.indices.size());
  for (std::size_t t = 0; t < mesh.indices.size(); t += 3) {
    const std::uint32_t tri[3] = {mesh.indices[t], mesh.indices[t + 1], mesh.indices[t + 2]};
    if (tri[0] >= vertexCount || tri[1] >= vertexCount || tri[2] >= vertexCount) {
      ++badIndex;
      continue;
    }
    if (!isFinite(mesh.positions[tri[0]]) || !isFinite(mesh.positions[tri[1]]) ||
        !isFinite(mesh.positions[tri[2]])) {
      ++badPosition;
      continue;
    }
    for (const auto v : tri) {
      if (remap[v] == UINT32_MAX) {
        remap[v] = static_cast<std::uint32_t>(out.positions.size());
        out.positions.push_back(mesh.positions[v]);
        out.normals.push_back(mesh.normals[v]);
      }
      out.indices.push_back(remap[v]);
    }
  }
  if (badIndex > 0)
    warnings.push_back(name + ": mesh '" + mesh.name + "': dropped " + std::to_string(badIndex) +
                       " triangles with vertex indices out of range");
  if (badPosition > 0)
    warnings.push_back(name + ": mesh '" + mesh.name + "': dropped " + std::to_string(badPosition) +
                       " triangles with non-finite positions");

  // normals must be finite and of unit length; others are recomputed from the faces
  std::vector<bool> broken(out.normals.size(), false);
  std::size_t brokenCount = 0;
  for (std::size_t v = 0; v < out.normals.size(); ++v) {
    const float len = core::length(out.normals[v]);
    if (!std::isfinite(len) || len < 1e-6f) {
      broken[v] = true;
      ++brokenCount;
    } else if (std::abs(len - 1.0f) > 1e-3f) {
      out.normals[v] = out.normals[v] * (1.0f / len);
    }
  }
  if (brokenCount > 0) {
    repairNormals(out, broken);
    warnings.push_back(name + ": mesh '" + mesh.name + "': recomputed " +
                       std::to_string(brokenCount) + " zero-length or non-finite normals");
  }
  mesh = std::move(out);
  return badIndex + badPosition;
}

// validates a decoded model against the limits and builds the result
core::Result<Model> finish(cooked::CookedModel cooked, const std::filesystem::path& file,
                           const ImportLimits& limits) {
  const std::string name = file.string();
  Model model;
  model.source = file;
  model.materials = std::move(cooked.materials);
  for (auto& w : cooked.warnings) model.warnings.push_back(name + ": " + w);
  if (cooked.meshes.size() > limits.maxMeshes)
    return makeError(ErrorCode::Limit, name + ": " + std::to_string(cooked.meshes.size()) +
                                           " meshes, more than the limit of " +
                                           std::to_string(limits.maxMeshes));

  // materials: finite values in range; a mesh pointing past the list gets a default one
  for (auto& m : model.materials) {
    const scene::Material d;
    auto fix = [](float v, float fallback) {
      return std::isfinite(v) ? std::clamp(v, 0.0f, 1.0f) : fallback;
    };
    m.baseColor = {fix(m.baseColor.x, d.baseColor.x), fix(m.baseColor.y, d.baseColor.y),
                   fix(m.baseColor.z, d.baseColor.z), fix(m.baseColor.w, d.baseColor.w)};
    m.roughness = fix(m.roughness, d.roughness);
    m.metalness = fix(m.metalness, d.metalness);
  }
  std::optional<std::uint32_t> fallback;
  for (auto& mesh : cooked.meshes) {
    if (mesh.material < model.materials.size()) continue;
    if (!fallback) {
      fallback = static_cast<std::uint32_t>(model.materials.size());
      model.materials.push_back(scene::Material{"default", {}, 0.6f, 0.0f});
      model.warnings.push_back(name + ": a mesh refers to a missing material; default used");
    }
    mesh.material = *fallback;
  }

  // geometry: sanitize each mesh, drop the empty ones, total up
  for (auto& mesh : cooked.meshes) {
    sanitizeMesh(mesh, model.warnings, name);
    if (mesh.indices.empty()) continue;
    model.vertexCount += mesh.positions.size();
    model.triangleCount += mesh.triangleCount();
    model.meshes.push_back(std::move(mesh));
  }
  if (model.vertexCount > limits.maxVertices)
    return makeError(ErrorCode::Limit, name + ": " + std::to_string(model.vertexCount) +
                                           " vertices, more than the limit of " +
                                           std::to_string(limits.maxVertices));
  if (model.triangleCount > limits.maxTriangles)
    return makeError(ErrorCode::Limit, name + ": " + std::to_string(model.triangleCount) +
                                           " triangles, more than the limit of " +
                                           std::to_string(limits.maxTriangles));
  if (model.triangleCount == 0)
    return makeError(ErrorCode::Validation, name + ": the model contains no usable triangles");

  // bounds over every mesh
  model.bounds = scene::computeBounds(model.meshes.front());
  for (const auto& mesh : model.meshes)
    model.bounds = scene::merge(model.bounds, scene::computeBounds(mesh));
  for (std::size_t i = 0; i < model.warnings.size() && i < kMaxLoggedWarnings; ++i)
    core::logWarning(model.warnings[i]);
  if (model.warnings.size() > kMaxLoggedWarnings)
    core::logWarning(name + ": " + std::to_string(model.warnings.size() - kMaxLoggedWarnings) +
                     " more import warnings");
  return model;
}

// the checks made before any process is started
core::Status precheck(const std::filesystem::path& file, const ImportLimits& limits) {
  const std::string name = file.string();
  if (!(limits.timeoutSeconds > 0) || !std::isfinite(limits.timeoutSeconds) ||
      limits.maxMemoryBytes == 0)
    return makeError(ErrorCode::InvalidArgument,
                     name + ": import limits need a positive finite timeout and memory cap");
  struct stat st {};
  if (::stat(file.c_str(), &st) != 0) {
    const int err = errno;
    return makeError(err == ENOENT || err == ENOTDIR ? ErrorCode::NotFound : ErrorCode::Io,
                     name + ": cannot open model file: " + std::strerror(err));
  }
  if (!S_ISREG(st.st_mode))
    return makeError(ErrorCode::InvalidArgument, name + ": not a regular file");
  const auto size = static_cast<std::uint64_t>(st.st_size);
  if (size > limits.maxFileBytes)
    return makeError(ErrorCode::Limit, name + ": file is " + std::to_string(size) +
                                           " bytes, more than the limit of " +
                                           std::to_string(limits.maxFileBytes) + " bytes");
  const std::string ext = lowercase(file.extension().string());
  const auto& ok = supportedExtensions();
  if (std::find(ok.begin(), ok.end(), ext) == ok.end()) {
    std::string list;
    for (const auto& e : ok) list += (list.empty() ? "" : " ") + e;
    return makeError(ErrorCode::Unsupported,
                     name + ": unsupported model format '" + ext + "' (supported: " + list + ")");
  }
  return {};
}

}  // namespace

const std::vector<std::string>& supportedExtensions() {
  static const std::vector<std::string> kExtensions = {".gltf", ".glb", ".obj", ".stl", ".fbx"};
  return kExtensions;
}

std::filesystem::path importerPath() {
  if (const char* env = std::getenv("PRACTICUM_IMPORTER"); env && *env) return env;
  return core::executableDir() / "practicum-import";
}

core::Result<Model> importModel(const std::filesystem::path& file, const ImportLimits& limits) {
  try {
    const std::string name = file.string();
    if (auto st = precheck(file, limits); !st.ok()) return st.error();

    // the helper must exist before anything is spawned
    const auto helper = importerPath();
    if (helper.empty() || ::access(helper.c_str(), X_OK) != 0)
      return makeError(ErrorCode::NotFound,
                       name + ": model importer helper not found at '" + helper.string() +
                           "' (build practicum-import or set PRACTICUM_IMPORTER)");

    // a private folder for the helper's output, removed on every path out
    std::string pattern =
        (std::filesystem::temp_directory_path() / "practicum-import-XXXXXX").string();
    if (!::mkdtemp(pattern.data()))
      return makeError(ErrorCode::Io,
                       name + ": cannot create a temporary folder: " + std::strerror(errno));
    TempDir temp{pattern};
    const auto output = temp.path / "model.pmdl";

    // run Assimp in the helper under the limits; the absolute path cannot pass for an option
    std::error_code ec;
    const std::string absolute = std::filesystem::absolute(file, ec).string();
    const auto cpuSeconds = static_cast<long long>(std::ceil(limits.timeoutSeconds)) + 1;
    const std::vector<std::string> args = {absolute.empty() ? name : absolute,
                                           output.string(),
                                           "--max-vertices",
                                           std::to_string(limits.maxVertices),
                                           "--max-triangles",
                                           std::to_string(limits.maxTriangles),
                                           "--max-meshes",
                                           std::to_string(limits.maxMeshes),
                                           "--max-memory",
                                           std::to_string(limits.maxMemoryBytes),
                                           "--max-cpu-seconds",
                                           std::to_string(cpuSeconds)};
    const ProcessResult run = runProcess(helper, args, limits.timeoutSeconds);
    char seconds[32];
    std::snprintf(seconds, sizeof seconds, "%g", limits.timeoutSeconds);
    switch (run.outcome) {
      case ProcessResult::Outcome::SpawnFailed:
        return makeError(ErrorCode::Io, name + ": cannot start the importer '" + helper.string() +
                                            "': " + std::strerror(run.spawnError));
      case ProcessResult::Outcome::Lost:
        return makeError(ErrorCode::Io, name + ": the importer's exit status was lost: " +
                                            std::strerror(run.spawnError));
      case ProcessResult::Outcome::TimedOut:
        return makeError(ErrorCode::Timeout,
                         name + ": import did not finish within " + seconds + " s");
      case ProcessResult::Outcome::Signaled:
        if (run.signal == SIGXCPU)
          return makeError(ErrorCode::Timeout, name + ": import used more than its " +
                                                   std::to_string(cpuSeconds) + " s of CPU time");
        return makeError(ErrorCode::Crashed,
                         name + ": importer crashed (" + signalName(run.signal) + ")");
      case ProcessResult::Outcome::Exited:
        if (run.exitCode != cooked::kExitOk) return helperError(name, run, absolute, limits);
        break;
    }

    // read the cooked model back and trust nothing in it
    auto bytes = core::readFile(output, cookedByteBound(limits));
    if (!bytes.ok()) {
      if (bytes.error().code == ErrorCode::Limit)
        return makeError(ErrorCode::Limit, name +
                                               ": importer output is larger than the limits "
                                               "allow");
      return makeError(ErrorCode::Io,
                       name + ": importer produced no readable output: " + bytes.error().message);
    }
    auto cooked = cooked::decode(*bytes, name);
    if (!cooked.ok()) return cooked.error();
    return finish(std::move(cooked).value(), file, limits);
  } catch (const std::bad_alloc&) {
    return makeError(ErrorCode::Limit, file.string() + ": out of memory while importing");
  } catch (const std::exception& e) {
    return makeError(ErrorCode::Io, file.string() + ": import failed: " + e.what());
  }
}

core::Result<std::shared_ptr<const Model>> importModelCached(const std::filesystem::path& file,
                                                             const ImportLimits& limits) {
  struct Key {
    std::string path;
    std::uintmax_t size = 0;
    std::int64_t modified = 0;
    std::uint64_t limits = 0;
    auto operator<=>(const Key&) const = default;
  };
  static std::mutex mutex;
  static std::map<Key, std::shared_ptr<const Model>> cache;

  // the file as it is now
  std::error_code ec;
  Key key;
  key.path = std::filesystem::weakly_canonical(file, ec).string();
  if (ec) key.path = file.string();
  key.size = std::filesystem::file_size(file, ec);
  const bool known = !ec;
  key.modified =
      known ? std::int64_t(std::filesystem::last_write_time(file, ec).time_since_epoch().count())
            : 0;
  core::Fnv1a64 h;
  for (std::uint64_t v : {limits.maxFileBytes, limits.maxVertices, limits.maxTriangles,
                          limits.maxMeshes, limits.maxMemoryBytes})
    h.u64(v);
  h.u64(std::bit_cast<std::uint64_t>(limits.timeoutSeconds));
  key.limits = h.value();
  if (known) {
    std::lock_guard lock(mutex);
    if (auto it = cache.find(key); it != cache.end()) return it->second;
  }
  auto model = importModel(file, limits);
  if (!model.ok()) return model.error();
  auto shared = std::make_shared<const Model>(std::move(model).value());
  if (known) {
    std::lock_guard lock(mutex);
    if (cache.size() >= 256) cache.clear();  // a long editing session with many files
    cache[key] = shared;
  }
  return shared;
}

}  // namespace practicum::assets
