#include "assets_test_util.hpp"

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace practicum::test {

double signedVolume(const scene::MeshData& mesh) {
  double volume = 0;
  for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
    const auto& a = mesh.positions[mesh.indices[t]];
    const auto& b = mesh.positions[mesh.indices[t + 1]];
    const auto& c = mesh.positions[mesh.indices[t + 2]];
    // a . (b x c) / 6, in double
    const double cx = double(b.y) * c.z - double(b.z) * c.y;
    const double cy = double(b.z) * c.x - double(b.x) * c.z;
    const double cz = double(b.x) * c.y - double(b.y) * c.x;
    volume += (a.x * cx + a.y * cy + a.z * cz) / 6.0;
  }
  return volume;
}

double signedVolume(const assets::Model& model) {
  double volume = 0;
  for (const auto& mesh : model.meshes) volume += signedVolume(mesh);
  return volume;
}

std::string checkModelInvariants(const assets::Model& model, const assets::ImportLimits& limits) {
  std::uint64_t vertices = 0, triangles = 0;
  if (model.meshes.empty()) return "no meshes";
  for (const auto& mesh : model.meshes) {
    if (mesh.normals.size() != mesh.positions.size()) return "normal count differs";
    if (mesh.indices.size() % 3 != 0) return "index count not a multiple of 3";
    if (mesh.material >= model.materials.size()) return "material index out of range";
    for (const auto i : mesh.indices)
      if (i >= mesh.positions.size()) return "index out of range";
    for (const auto& p : mesh.positions)
      if (!std::isfinite(p.x) || !std::isfinite(p.y) || !std::isfinite(p.z))
        return "non-finite position";
    for (const auto& n : mesh.normals)
      if (!(std::abs(core::length(n) - 1.0f) < 1e-3f)) return "normal not of unit length";
    for (const auto& p : mesh.positions)
      if (p.x < model.bounds.min.x || p.y < model.bounds.min.y || p.z < model.bounds.min.z ||
          p.x > model.bounds.max.x || p.y > model.bounds.max.y || p.z > model.bounds.max.z)
        return "position outside bounds";
    vertices += mesh.positions.size();
    triangles += mesh.triangleCount();
  }
  if (vertices != model.vertexCount) return "vertexCount wrong";
  if (triangles != model.triangleCount) return "triangleCount wrong";
  if (triangles == 0) return "no triangles";
  if (vertices > limits.maxVertices || triangles > limits.maxTriangles ||
      model.meshes.size() > limits.maxMeshes)
    return "limits exceeded";
  for (const auto& m : model.materials) {
    for (float v :
         {m.baseColor.x, m.baseColor.y, m.baseColor.z, m.baseColor.w, m.roughness, m.metalness})
      if (!(v >= 0.0f && v <= 1.0f)) return "material value outside [0, 1]";
  }
  return {};
}

void writeBytes(const std::filesystem::path& file, const std::string& bytes) {
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) throw std::runtime_error("cannot write " + file.string());
}

std::string readBytes(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + file.string());
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

ScopedEnv::ScopedEnv(const char* name, const std::string& value) : name_(name) {
  if (const char* old = std::getenv(name)) {
    had_ = true;
    old_ = old;
  }
  ::setenv(name, value.c_str(), 1);
}

ScopedEnv::~ScopedEnv() {
  if (had_)
    ::setenv(name_.c_str(), old_.c_str(), 1);
  else
    ::unsetenv(name_.c_str());
}

}  // namespace practicum::test
