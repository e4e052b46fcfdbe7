// practicum-import: parses one model file with Assimp and writes it in the cooked format.
//
//   practicum-import <model-file> <output-file> [--max-vertices N] [--max-triangles N]
//                    [--max-meshes N] [--max-memory BYTES] [--max-cpu-seconds S]
//
// Runs as a throw-away child of importModel(): it caps its own address space, CPU time and core
// dumps before touching the file, so that a hostile model can at worst kill this process. On
// failure it prints one line to stderr and exits with one of cooked::ExitCode.
#include <assimp/config.h>
#include <assimp/material.h>
#include <assimp/postprocess.h>
#include <assimp/scene.h>
#include <assimp/Importer.hpp>

#include <charconv>
#include <cmath>
#include <cstdio>
#include <exception>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <sys/resource.h>

#if defined(__SANITIZE_ADDRESS__)
#define PRACTICUM_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define PRACTICUM_ASAN 1
#endif
#endif

#include <practicum/core/file_io.hpp>

#include "cooked_format.hpp"

namespace practicum::assets {
namespace {

using cooked::ExitCode;

constexpr int kMaxNodeDepth = 64;
constexpr std::size_t kMaxNodes = 1'000'000;

struct Options {
  std::string input;
  std::string output;
  std::uint64_t maxVertices = 2'000'000;
  std::uint64_t maxTriangles = 2'000'000;
  std::uint64_t maxMeshes = 4096;
  std::uint64_t maxMemory = 3ull * 1024 * 1024 * 1024;
  double maxCpuSeconds = 30.0;
};

// a failure: the exit code and the one-line message
struct Failure {
  ExitCode code;
  std::string message;
};

// keeps a message on one line
std::string oneLine(std::string s) {
  for (char& c : s)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  while (!s.empty() && s.back() == ' ') s.pop_back();
  return s;
}

bool parseU64(std::string_view text, std::uint64_t& out) {
  const auto* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, out);
  return ec == std::errc{} && ptr == end;
}

bool parseOptions(int argc, char** argv, Options& opt, std::string& error) {
  std::vector<std::string_view> positional;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (!arg.starts_with("--")) {
      positional.push_back(arg);
      continue;
    }
    if (i + 1 >= argc) {
      error = "option " + std::string(arg) + " needs a value";
      return false;
    }
    const std::string_view value = argv[++i];
    bool ok = true;
    if (arg == "--max-vertices")
      ok = parseU64(value, opt.maxVertices);
    else if (arg == "--max-triangles")
      ok = parseU64(value, opt.maxTriangles);
    else if (arg == "--max-meshes")
      ok = parseU64(value, opt.maxMeshes);
    else if (arg == "--max-memory")
      ok = parseU64(value, opt.maxMemory);
    else if (arg == "--max-cpu-seconds") {
      try {
        opt.maxCpuSeconds = std::stod(std::string(value));
      } catch (...) {
        ok = false;
      }
      ok = ok && std::isfinite(opt.maxCpuSeconds) && opt.maxCpuSeconds > 0;
    } else {
      error = "unknown option " + std::string(arg);
      return false;
    }
    if (!ok) {
      error = "bad value '" + std::string(value) + "' for " + std::string(arg);
      return false;
    }
  }
  if (positional.size() != 2) {
    error =
        "usage: practicum-import <model-file> <output-file> [--max-vertices N] "
        "[--max-triangles N] [--max-meshes N] [--max-memory BYTES] [--max-cpu-seconds S]";
    return false;
  }
  opt.input = positional[0];
  opt.output = positional[1];
  return true;
}

// caps this process before any untrusted byte is parsed
void limitResources(const Options& opt) {
  rlimit core{0, 0};
  setrlimit(RLIMIT_CORE, &core);
  const auto cpu = static_cast<rlim_t>(std::ceil(opt.maxCpuSeconds));
  rlimit cpuLimit{cpu, cpu + 1};  // SIGXCPU at the soft limit, SIGKILL one second later
  setrlimit(RLIMIT_CPU, &cpuLimit);
#if !defined(PRACTICUM_ASAN)
  // (AddressSanitizer reserves terabytes of shadow memory: an address-space cap would break it)
  rlimit as{static_cast<rlim_t>(opt.maxMemory), static_cast<rlim_t>(opt.maxMemory)};
  setrlimit(RLIMIT_AS, &as);
#endif
}

float clamp01(float v, float fallback) {
  if (!std::isfinite(v)) return fallback;
  return v < 0 ? 0 : (v > 1 ? 1 : v);
}

// the engine's material from an Assimp one: PBR factors when present, else Phong terms
scene::Material convertMaterial(const aiMaterial& in) {
  scene::Material out;
  aiString name;
  if (in.Get(AI_MATKEY_NAME, name) == AI_SUCCESS) out.name = name.C_Str();

  // base colour: glTF's base colour, else diffuse and opacity
  aiColor4D base;
  aiColor4D diffuse;
  if (in.Get(AI_MATKEY_BASE_COLOR, base) == AI_SUCCESS) {
    out.baseColor = {base.r, base.g, base.b, base.a};
  } else if (in.Get(AI_MATKEY_COLOR_DIFFUSE, diffuse) == AI_SUCCESS) {
    out.baseColor = {diffuse.r, diffuse.g, diffuse.b, 1.0f};
    float opacity = 1.0f;
    if (in.Get(AI_MATKEY_OPACITY, opacity) == AI_SUCCESS) out.baseColor.w = opacity;
  }
  const scene::Material defaults;
  out.baseColor = {clamp01(out.baseColor.x, defaults.baseColor.x),
                   clamp01(out.baseColor.y, defaults.baseColor.y),
                   clamp01(out.baseColor.z, defaults.baseColor.z),
                   clamp01(out.baseColor.w, defaults.baseColor.w)};

  // roughness: the PBR factor, else from the Phong exponent (Blinn-Phong to GGX mapping)
  float roughness = 0, shininess = 0, metalness = 0;
  if (in.Get(AI_MATKEY_ROUGHNESS_FACTOR, roughness) == AI_SUCCESS)
    out.roughness = clamp01(roughness, defaults.roughness);
  else if (in.Get(AI_MATKEY_SHININESS, shininess) == AI_SUCCESS && std::isfinite(shininess) &&
           shininess > 0)
    out.roughness = clamp01(std::sqrt(2.0f / (shininess + 2.0f)), defaults.roughness);
  if (in.Get(AI_MATKEY_METALLIC_FACTOR, metalness) == AI_SUCCESS)
    out.metalness = clamp01(metalness, defaults.metalness);
  return out;
}

// everything the output needs, gathered while walking the node tree
class Collector {
 public:
  Collector(const aiScene& scene, const Options& opt) : scene_(scene), opt_(opt) {}

  // walks the node tree depth-first, baking each node's world transform into copies of its
  // meshes; returns a failure when a limit is hit
  std::optional<Failure> walk() {
    if (!scene_.mRootNode) return std::nullopt;
    struct Item {
      const aiNode* node;
      aiMatrix4x4 parent;
      int depth;
    };
    std::vector<Item> stack{{scene_.mRootNode, aiMatrix4x4(), 0}};
    std::unordered_set<const aiNode*> visited;
    while (!stack.empty()) {
      const Item item = stack.back();
      stack.pop_back();
      // a node graph with cycles, shared nodes or absurd depth is refused, not followed
      if (!visited.insert(item.node).second) {
        warn("node '" + std::string(item.node->mName.C_Str()) + "' is reachable twice; skipped");
        continue;
      }
      if (item.depth > kMaxNodeDepth || visited.size() > kMaxNodes)
        return Failure{cooked::kExitLimit,
                       "node tree deeper than " + std::to_string(kMaxNodeDepth) +
                           " levels or larger than " + std::to_string(kMaxNodes) + " nodes"};
      const aiMatrix4x4 world = item.parent * item.node->mTransformation;
      for (unsigned i = 0; i < item.node->mNumMeshes; ++i) {
        const unsigned index = item.node->mMeshes[i];
        if (index >= scene_.mNumMeshes || !scene_.mMeshes[index]) {
          warn("node refers to missing mesh " + std::to_string(index) + "; skipped");
          continue;
        }
        if (auto failure = addMesh(*scene_.mMeshes[index], world)) return failure;
      }
      if (item.node->mNumChildren > 0 && !item.node->mChildren) continue;
      for (unsigned i = item.node->mNumChildren; i-- > 0;)
        if (item.node->mChildren[i])
          stack.push_back({item.node->mChildren[i], world, item.depth + 1});
    }
    return std::nullopt;
  }

  cooked::CookedModel take() { return std::move(out_); }
  std::uint64_t triangleCount() const { return triangles_; }

 private:
  void warn(std::string text) {
    if (out_.warnings.size() < 64) out_.warnings.push_back(std::move(text));
  }

  // index of the output material for an Assimp material index (added on first use)
  std::uint32_t material(unsigned index) {
    if (auto it = materialMap_.find(index); it != materialMap_.end()) return it->second;
    scene::Material m;
    if (index < scene_.mNumMaterials && scene_.mMaterials[index])
      m = convertMaterial(*scene_.mMaterials[index]);
    else
      warn("mesh refers to missing material " + std::to_string(index) + "; default used");
    const auto out = static_cast<std::uint32_t>(out_.materials.size());
    out_.materials.push_back(std::move(m));
    materialMap_.emplace(index, out);
    return out;
  }

  // copies the triangles of one mesh, transformed, keeping only the vertices they use
  std::optional<Failure> addMesh(const aiMesh& mesh, const aiMatrix4x4& world) {
    const std::string name = mesh.mName.C_Str();
    if (!(mesh.mPrimitiveTypes & aiPrimitiveType_TRIANGLE) || !mesh.mVertices || !mesh.mFaces)
      return std::nullopt;
    if (out_.meshes.size() + 1 > opt_.maxMeshes)
      return Failure{cooked::kExitLimit,
                     "more than " + std::to_string(opt_.maxMeshes) + " meshes (the limit)"};
    scene::MeshData data;
    data.name = name;
    std::vector<std::uint32_t> remap(mesh.mNumVertices, UINT32_MAX);
    std::size_t dropped = 0;
    for (unsigned f = 0; f < mesh.mNumFaces; ++f) {
      const aiFace& face = mesh.mFaces[f];
      if (face.mNumIndices != 3 || !face.mIndices || face.mIndices[0] >= mesh.mNumVertices ||
          face.mIndices[1] >= mesh.mNumVertices || face.mIndices[2] >= mesh.mNumVertices) {
        ++dropped;
        continue;
      }
      for (unsigned k = 0; k < 3; ++k) {
        const unsigned v = face.mIndices[k];
        if (remap[v] == UINT32_MAX) {
          remap[v] = static_cast<std::uint32_t>(data.positions.size());
          const aiVector3D& p = mesh.mVertices[v];
          data.positions.push_back({p.x, p.y, p.z});
          const aiVector3D n = mesh.mNormals ? mesh.mNormals[v] : aiVector3D();
          data.normals.push_back({n.x, n.y, n.z});
        }
        data.indices.push_back(remap[v]);
      }
    }
    if (dropped > 0)
      warn("mesh '" + name + "': dropped " + std::to_string(dropped) + " non-triangle faces");
    if (data.indices.empty()) return std::nullopt;

    // limits over the whole model so far
    vertices_ += data.positions.size();
    triangles_ += data.indices.size() / 3;
    if (vertices_ > opt_.maxVertices)
      return Failure{cooked::kExitLimit,
                     "more than " + std::to_string(opt_.maxVertices) + " vertices (the limit)"};
    if (triangles_ > opt_.maxTriangles)
      return Failure{cooked::kExitLimit,
                     "more than " + std::to_string(opt_.maxTriangles) + " triangles (the limit)"};

    // bake the node transform: points by the matrix, normals by its inverse transpose;
    // a mirroring transform flips the winding so that front faces stay counter-clockwise
    if (!world.IsIdentity()) {
      const aiMatrix3x3 linear(world);
      aiMatrix3x3 normalMatrix = linear;
      normalMatrix.Inverse().Transpose();
      for (auto& p : data.positions) {
        const aiVector3D q = world * aiVector3D(p.x, p.y, p.z);
        p = {q.x, q.y, q.z};
      }
      for (auto& n : data.normals) {
        aiVector3D q = normalMatrix * aiVector3D(n.x, n.y, n.z);
        const float len = q.Length();
        if (len > 0 && std::isfinite(len)) q /= len;
        n = {q.x, q.y, q.z};
      }
      if (linear.Determinant() < 0)
        for (std::size_t t = 0; t + 2 < data.indices.size(); t += 3)
          std::swap(data.indices[t + 1], data.indices[t + 2]);
    }
    data.material = material(mesh.mMaterialIndex);
    out_.meshes.push_back(std::move(data));
    return std::nullopt;
  }

  const aiScene& scene_;
  const Options& opt_;
  cooked::CookedModel out_;
  std::unordered_map<unsigned, std::uint32_t> materialMap_;
  std::uint64_t vertices_ = 0;
  std::uint64_t triangles_ = 0;
};

// the whole import; any exception escaping is turned into a failure by the caller
std::optional<Failure> run(const Options& opt) {
  Assimp::Importer importer;
  // drop what the engine does not use, and point and line primitives
  importer.SetPropertyInteger(AI_CONFIG_PP_SBP_REMOVE,
                              aiPrimitiveType_POINT | aiPrimitiveType_LINE);
  importer.SetPropertyInteger(AI_CONFIG_PP_RVC_FLAGS,
                              aiComponent_TANGENTS_AND_BITANGENTS | aiComponent_COLORS |
                                  aiComponent_TEXCOORDS | aiComponent_BONEWEIGHTS |
                                  aiComponent_ANIMATIONS | aiComponent_TEXTURES |
                                  aiComponent_LIGHTS | aiComponent_CAMERAS);
  constexpr unsigned kFlags = aiProcess_RemoveComponent | aiProcess_Triangulate |
                              aiProcess_ValidateDataStructure | aiProcess_JoinIdenticalVertices |
                              aiProcess_GenSmoothNormals | aiProcess_SortByPType |
                              aiProcess_FindInvalidData;
  const aiScene* scene = importer.ReadFile(opt.input, kFlags);
  if (!scene) {
    const std::string why = importer.GetErrorString();
    if (why.find("bad_alloc") != std::string::npos)
      return Failure{cooked::kExitNoMemory, "out of memory while parsing (cap " +
                                                std::to_string(opt.maxMemory) + " bytes)"};
    return Failure{cooked::kExitParse, why.empty() ? "Assimp could not read the file" : why};
  }

  // gather triangles with transforms baked, then write atomically
  Collector collector(*scene, opt);
  if (auto failure = collector.walk()) return failure;
  if (collector.triangleCount() == 0)
    return Failure{cooked::kExitEmpty, "the file contains no triangles"};
  const std::string bytes = cooked::encode(collector.take());
  importer.FreeScene();
  if (auto st = core::writeFileAtomic(opt.output, bytes); !st.ok())
    return Failure{cooked::kExitIo, st.error().message};
  return std::nullopt;
}

}  // namespace
}  // namespace practicum::assets

int main(int argc, char** argv) {
  using namespace practicum::assets;
  Options opt;
  std::string error;
  if (!parseOptions(argc, argv, opt, error)) {
    std::fprintf(stderr, "practicum-import: %s\n", error.c_str());
    return cooked::kExitUsage;
  }
  limitResources(opt);

  std::optional<Failure> failure;
  try {
    failure = run(opt);
  } catch (const std::bad_alloc&) {
    failure = Failure{cooked::kExitNoMemory,
                      "out of memory (cap " + std::to_string(opt.maxMemory) + " bytes)"};
  } catch (const std::exception& e) {
    failure = Failure{cooked::kExitInternal, std::string("unexpected exception: ") + e.what()};
  } catch (...) {
    failure = Failure{cooked::kExitInternal, "unexpected exception"};
  }
  if (!failure) return cooked::kExitOk;
  std::fprintf(stderr, "%s: %s\n", opt.input.c_str(), oneLine(failure->message).c_str());
  return failure->code;
}
