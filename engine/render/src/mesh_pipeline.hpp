#pragma once
// Private: the graphics pipelines that draw meshes (the lit pass, its outline and see-through
// variants, the shadow pass), made from one description of how they differ.
#include <optional>

#include <vulkan/vulkan.h>

#include <practicum/core/result.hpp>

namespace practicum::render {

/// How a mesh pipeline is set up; the defaults are the lit, opaque pass.
struct MeshPipelineDesc {
  const char* vertexShader = "mesh.vert";
  const char* fragmentShader = "mesh.frag";  ///< nullptr: depth only (no colour attachment)
  const VkSpecializationInfo* fragmentConstants = nullptr;
  bool fullVertexInput = true;  ///< false: only what a depth-only pass reads
  VkCullModeFlags cull = VK_CULL_MODE_BACK_BIT;
  bool depthWrite = true;
  bool blend = false;  ///< alpha blending (see-through items)
  std::optional<float> depthBiasConstant, depthBiasSlope;
  std::optional<VkExtent2D> fixedViewport;  ///< else viewport and scissor are dynamic
};

/// Creates a pipeline for meshes in `layout` and `renderPass`; errors name the step.
core::Result<VkPipeline> createMeshPipeline(VkDevice device, VkPipelineLayout layout,
                                            VkRenderPass renderPass, const MeshPipelineDesc& desc);

}  // namespace practicum::render
