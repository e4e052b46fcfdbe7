#include "cooked_format.hpp"

#include <bit>
#include <cstring>

namespace practicum::assets::cooked {

namespace {

// appends little-endian values to a byte string
class Writer {
 public:
  void u16(std::uint16_t v) {
    for (int i = 0; i < 2; ++i) out_.push_back(static_cast<char>(v >> (8 * i)));
  }
  void u32(std::uint32_t v) {
    for (int i = 0; i < 4; ++i) out_.push_back(static_cast<char>(v >> (8 * i)));
  }
  void f32(float v) { u32(std::bit_cast<std::uint32_t>(v)); }
  void vec3(core::Vec3 v) {
    f32(v.x);
    f32(v.y);
    f32(v.z);
  }
  void str(std::string_view s) {
    if (s.size() > kMaxStringBytes) s = s.substr(0, kMaxStringBytes);
    u32(static_cast<std::uint32_t>(s.size()));
    out_.append(s);
  }
  void raw(const char* data, std::size_t size) { out_.append(data, size); }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

// reads little-endian values, refusing to read past the end
class Reader {
 public:
  explicit Reader(std::string_view bytes) : bytes_(bytes) {}
  std::size_t left() const { return bytes_.size() - pos_; }
  bool u16(std::uint16_t& v) {
    if (left() < 2) return false;
    v = static_cast<std::uint16_t>(byte(0) | (byte(1) << 8));
    pos_ += 2;
    return true;
  }
  bool u32(std::uint32_t& v) {
    if (left() < 4) return false;
    v = byte(0) | (byte(1) << 8) | (byte(2) << 16) | (byte(3) << 24);
    pos_ += 4;
    return true;
  }
  bool f32(float& v) {
    std::uint32_t bits = 0;
    if (!u32(bits)) return false;
    v = std::bit_cast<float>(bits);
    return true;
  }
  bool vec3(core::Vec3& v) { return f32(v.x) && f32(v.y) && f32(v.z); }
  bool str(std::string& s) {
    std::uint32_t size = 0;
    if (!u32(size) || size > kMaxStringBytes || size > left()) return false;
    s.assign(bytes_.substr(pos_, size));
    pos_ += size;
    return true;
  }
  bool magic() {
    if (left() < 4 || std::memcmp(bytes_.data() + pos_, kMagic, 4) != 0) return false;
    pos_ += 4;
    return true;
  }
  std::size_t offset() const { return pos_; }

 private:
  std::uint32_t byte(std::size_t i) const { return static_cast<unsigned char>(bytes_[pos_ + i]); }
  std::string_view bytes_;
  std::size_t pos_ = 0;
};

core::Error parseError(const std::string& source, const std::string& what, std::size_t offset) {
  return core::makeError(core::ErrorCode::Parse, source + ": cooked model is malformed: " + what +
                                                     " (at byte " + std::to_string(offset) + ")");
}

}  // namespace

std::string encode(const CookedModel& model) {
  Writer w;
  // header
  w.raw(kMagic, 4);
  w.u16(kVersionMajor);
  w.u16(kVersionMinor);
  w.u32(static_cast<std::uint32_t>(model.meshes.size()));
  w.u32(static_cast<std::uint32_t>(model.materials.size()));
  w.u32(static_cast<std::uint32_t>(model.warnings.size()));
  // materials
  for (const auto& m : model.materials) {
    w.str(m.name);
    w.f32(m.baseColor.x);
    w.f32(m.baseColor.y);
    w.f32(m.baseColor.z);
    w.f32(m.baseColor.w);
    w.f32(m.roughness);
    w.f32(m.metalness);
  }
  // meshes
  for (const auto& mesh : model.meshes) {
    assert(mesh.normals.size() == mesh.positions.size());
    w.str(mesh.name);
    w.u32(mesh.material);
    w.u32(static_cast<std::uint32_t>(mesh.positions.size()));
    w.u32(static_cast<std::uint32_t>(mesh.indices.size()));
    for (const auto& p : mesh.positions) w.vec3(p);
    for (const auto& n : mesh.normals) w.vec3(n);
    for (const auto i : mesh.indices) w.u32(i);
  }
  // warnings
  for (const auto& text : model.warnings) w.str(text);
  return w.take();
}

core::Result<CookedModel> decode(std::string_view bytes, const std::string& source) {
  Reader r(bytes);
  CookedModel model;

  // header: magic, a major version we know, counts
  if (!r.magic()) return parseError(source, "missing PMDL magic", r.offset());
  std::uint16_t major = 0, minor = 0;
  if (!r.u16(major) || !r.u16(minor)) return parseError(source, "truncated header", r.offset());
  if (major != kVersionMajor)
    return core::makeError(core::ErrorCode::Unsupported,
                           source + ": cooked model has format version " + std::to_string(major) +
                               "." + std::to_string(minor) + ", this build reads " +
                               std::to_string(kVersionMajor) + ".x");
  std::uint32_t meshCount = 0, materialCount = 0, warningCount = 0;
  if (!r.u32(meshCount) || !r.u32(materialCount) || !r.u32(warningCount))
    return parseError(source, "truncated header", r.offset());
  // every record takes at least 4 bytes: counts beyond that are lies, refused before allocating
  constexpr std::size_t kMaterialMin = 4 + 6 * 4, kMeshMin = 4 * 4, kWarningMin = 4;
  if (materialCount > r.left() / kMaterialMin || meshCount > r.left() / kMeshMin ||
      warningCount > r.left() / kWarningMin)
    return parseError(source, "counts larger than the file", r.offset());

  // materials
  model.materials.resize(materialCount);
  for (auto& m : model.materials) {
    if (!r.str(m.name) || !r.f32(m.baseColor.x) || !r.f32(m.baseColor.y) || !r.f32(m.baseColor.z) ||
        !r.f32(m.baseColor.w) || !r.f32(m.roughness) || !r.f32(m.metalness))
      return parseError(source, "truncated material", r.offset());
  }

  // meshes: check each array's size against the bytes left before allocating it
  model.meshes.resize(meshCount);
  for (auto& mesh : model.meshes) {
    std::uint32_t vertexCount = 0, indexCount = 0;
    if (!r.str(mesh.name) || !r.u32(mesh.material) || !r.u32(vertexCount) || !r.u32(indexCount))
      return parseError(source, "truncated mesh header", r.offset());
    const std::uint64_t need = std::uint64_t{vertexCount} * 24 + std::uint64_t{indexCount} * 4;
    if (need > r.left()) return parseError(source, "mesh arrays larger than the file", r.offset());
    mesh.positions.resize(vertexCount);
    mesh.normals.resize(vertexCount);
    mesh.indices.resize(indexCount);
    for (auto& p : mesh.positions) r.vec3(p);
    for (auto& n : mesh.normals) r.vec3(n);
    for (auto& i : mesh.indices) r.u32(i);
  }

  // warnings, then nothing
  model.warnings.resize(warningCount);
  for (auto& text : model.warnings)
    if (!r.str(text)) return parseError(source, "truncated warning", r.offset());
  if (r.left() != 0) return parseError(source, "trailing bytes", r.offset());
  return model;
}

}  // namespace practicum::assets::cooked
