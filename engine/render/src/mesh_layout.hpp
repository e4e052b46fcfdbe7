#pragma once
// Private: the vertex and instance layout every mesh pipeline shares (the lit pass, the
// see-through pass, the shadow pass).
#include <cstddef>
#include <cstdint>
#include <vector>

#include <vulkan/vulkan.h>

namespace practicum::render {

/// Per-vertex data: binding 0.
struct Vertex {
  float position[3];
  float normal[3];
};

/// Per-instance data: binding 1 (model matrix, normal matrix as 3 columns, material).
struct InstanceData {
  float model[16];
  float normal[12];
  float color[4];
  float params[4];  // roughness, metalness, emissive, highlight
};

/// The two bindings and their attributes: location 0 position, 1 normal, 2..5 the model matrix,
/// 6..8 the normal matrix, 9 colour, 10 material parameters. `full` = false keeps only what a
/// depth-only pass reads (position and model matrix).
struct MeshVertexInput {
  VkVertexInputBindingDescription bindings[2] = {
      {0, sizeof(Vertex), VK_VERTEX_INPUT_RATE_VERTEX},
      {1, sizeof(InstanceData), VK_VERTEX_INPUT_RATE_INSTANCE}};
  std::vector<VkVertexInputAttributeDescription> attributes;
  VkPipelineVertexInputStateCreateInfo state{
      VK_STRUCTURE_TYPE_PIPELINE_VERTEX_INPUT_STATE_CREATE_INFO};

  explicit MeshVertexInput(bool full) {
    attributes.push_back({0, 0, VK_FORMAT_R32G32B32_SFLOAT, offsetof(Vertex, position)});
    if (full) attributes.push_back({1, 0, VK_FORMAT_R32G32B32_SFLOAT, offsetof(Vertex, normal)});
    for (std::uint32_t i = 0; i < 4; ++i)
      attributes.push_back({2 + i, 1, VK_FORMAT_R32G32B32A32_SFLOAT,
                            static_cast<std::uint32_t>(offsetof(InstanceData, model) + 16 * i)});
    if (full) {
      for (std::uint32_t i = 0; i < 3; ++i)
        attributes.push_back({6 + i, 1, VK_FORMAT_R32G32B32A32_SFLOAT,
                              static_cast<std::uint32_t>(offsetof(InstanceData, normal) + 16 * i)});
      attributes.push_back({9, 1, VK_FORMAT_R32G32B32A32_SFLOAT, offsetof(InstanceData, color)});
      attributes.push_back({10, 1, VK_FORMAT_R32G32B32A32_SFLOAT, offsetof(InstanceData, params)});
    }
    state.vertexBindingDescriptionCount = 2;
    state.pVertexBindingDescriptions = bindings;
    state.vertexAttributeDescriptionCount = static_cast<std::uint32_t>(attributes.size());
    state.pVertexAttributeDescriptions = attributes.data();
  }
  MeshVertexInput(const MeshVertexInput&) = delete;
  MeshVertexInput& operator=(const MeshVertexInput&) = delete;
};

}  // namespace practicum::render
