#pragma once
/// Shaders compiled by glslc at build time and embedded into the binary.
#include <cstdint>
#include <span>
#include <string_view>

namespace practicum::shaders {
/// The SPIR-V words of the shader whose source file is `name` (e.g. "mesh.vert");
/// empty when there is no such shader. The storage lives for the whole program.
std::span<const std::uint32_t> spirv(std::string_view name);
}  // namespace practicum::shaders
