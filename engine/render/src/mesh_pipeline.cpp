#include "mesh_pipeline.hpp"

#include <string>
#include <vector>

#include <practicum/shaders/shaders.hpp>

#include "mesh_layout.hpp"
#include "vk_check.hpp"

namespace practicum::render {

core::Result<VkPipeline> createMeshPipeline(VkDevice dev, VkPipelineLayout layout,
                                            VkRenderPass renderPass, const MeshPipelineDesc& d) {
  // the shader stages, from the SPIR-V embedded at build time
  std::vector<VkShaderModule> modules;
  std::vector<VkPipelineShaderStageCreateInfo> stages;
  const auto cleanup = [&] {
    for (VkShaderModule m : modules) vkDestroyShaderModule(dev, m, nullptr);
  };
  for (const char* name : {d.vertexShader, d.fragmentShader}) {
    if (!name) continue;
    const auto code = shaders::spirv(name);
    if (code.empty()) {
      cleanup();
      return core::makeError(core::ErrorCode::Device,
                             std::string("the shader ") + name + " is missing from the build");
    }
    VkShaderModuleCreateInfo smci{VK_STRUCTURE_TYPE_SHADER_MODULE_CREATE_INFO};
    smci.codeSize = code.size_bytes();
    smci.pCode = code.data();
    VkShaderModule module = VK_NULL_HANDLE;
    if (const VkResult r = vkCreateShaderModule(dev, &smci, nullptr, &module); r != VK_SUCCESS) {
      cleanup();
      return vkError("vkCreateShaderModule", r);
    }
    modules.push_back(module);
    VkPipelineShaderStageCreateInfo stage{VK_STRUCTURE_TYPE_PIPELINE_SHADER_STAGE_CREATE_INFO};
    stage.stage =
        name == d.vertexShader ? VK_SHADER_STAGE_VERTEX_BIT : VK_SHADER_STAGE_FRAGMENT_BIT;
    stage.module = module;
    stage.pName = "main";
    if (name == d.fragmentShader) stage.pSpecializationInfo = d.fragmentConstants;
    stages.push_back(stage);
  }

  // fixed-function state
  const MeshVertexInput input(d.fullVertexInput);
  VkPipelineInputAssemblyStateCreateInfo ia{
      VK_STRUCTURE_TYPE_PIPELINE_INPUT_ASSEMBLY_STATE_CREATE_INFO};
  ia.topology = VK_PRIMITIVE_TOPOLOGY_TRIANGLE_LIST;
  VkViewport viewport{};
  VkRect2D scissor{};
  VkPipelineViewportStateCreateInfo vp{VK_STRUCTURE_TYPE_PIPELINE_VIEWPORT_STATE_CREATE_INFO};
  vp.viewportCount = 1;
  vp.scissorCount = 1;
  if (d.fixedViewport) {
    viewport = {0, 0, float(d.fixedViewport->width), float(d.fixedViewport->height), 0, 1};
    scissor = {{0, 0}, *d.fixedViewport};
    vp.pViewports = &viewport;
    vp.pScissors = &scissor;
  }
  VkPipelineRasterizationStateCreateInfo rs{
      VK_STRUCTURE_TYPE_PIPELINE_RASTERIZATION_STATE_CREATE_INFO};
  rs.polygonMode = VK_POLYGON_MODE_FILL;
  rs.cullMode = d.cull;
  rs.frontFace = VK_FRONT_FACE_COUNTER_CLOCKWISE;
  rs.lineWidth = 1.0f;
  if (d.depthBiasConstant || d.depthBiasSlope) {
    rs.depthBiasEnable = VK_TRUE;
    rs.depthBiasConstantFactor = d.depthBiasConstant.value_or(0.0f);
    rs.depthBiasSlopeFactor = d.depthBiasSlope.value_or(0.0f);
  }
  VkPipelineMultisampleStateCreateInfo ms{VK_STRUCTURE_TYPE_PIPELINE_MULTISAMPLE_STATE_CREATE_INFO};
  ms.rasterizationSamples = VK_SAMPLE_COUNT_1_BIT;
  VkPipelineDepthStencilStateCreateInfo ds{
      VK_STRUCTURE_TYPE_PIPELINE_DEPTH_STENCIL_STATE_CREATE_INFO};
  ds.depthTestEnable = VK_TRUE;
  ds.depthWriteEnable = d.depthWrite ? VK_TRUE : VK_FALSE;
  ds.depthCompareOp = VK_COMPARE_OP_LESS;
  VkPipelineColorBlendAttachmentState blend{};
  blend.colorWriteMask = VK_COLOR_COMPONENT_R_BIT | VK_COLOR_COMPONENT_G_BIT |
                         VK_COLOR_COMPONENT_B_BIT | VK_COLOR_COMPONENT_A_BIT;
  if (d.blend) {
    blend.blendEnable = VK_TRUE;
    blend.srcColorBlendFactor = VK_BLEND_FACTOR_SRC_ALPHA;
    blend.dstColorBlendFactor = VK_BLEND_FACTOR_ONE_MINUS_SRC_ALPHA;
    blend.colorBlendOp = VK_BLEND_OP_ADD;
    blend.srcAlphaBlendFactor = VK_BLEND_FACTOR_ONE;
    blend.dstAlphaBlendFactor = VK_BLEND_FACTOR_ONE_MINUS_SRC_ALPHA;
    blend.alphaBlendOp = VK_BLEND_OP_ADD;
  }
  VkPipelineColorBlendStateCreateInfo cb{VK_STRUCTURE_TYPE_PIPELINE_COLOR_BLEND_STATE_CREATE_INFO};
  cb.attachmentCount = d.fragmentShader ? 1 : 0;
  cb.pAttachments = &blend;
  const VkDynamicState dynamic[] = {VK_DYNAMIC_STATE_VIEWPORT, VK_DYNAMIC_STATE_SCISSOR};
  VkPipelineDynamicStateCreateInfo dyn{VK_STRUCTURE_TYPE_PIPELINE_DYNAMIC_STATE_CREATE_INFO};
  dyn.dynamicStateCount = 2;
  dyn.pDynamicStates = dynamic;

  VkGraphicsPipelineCreateInfo gp{VK_STRUCTURE_TYPE_GRAPHICS_PIPELINE_CREATE_INFO};
  gp.stageCount = static_cast<std::uint32_t>(stages.size());
  gp.pStages = stages.data();
  gp.pVertexInputState = &input.state;
  gp.pInputAssemblyState = &ia;
  gp.pViewportState = &vp;
  gp.pRasterizationState = &rs;
  gp.pMultisampleState = &ms;
  gp.pDepthStencilState = &ds;
  gp.pColorBlendState = &cb;
  gp.pDynamicState = d.fixedViewport ? nullptr : &dyn;
  gp.layout = layout;
  gp.renderPass = renderPass;
  VkPipeline pipeline = VK_NULL_HANDLE;
  const VkResult r = vkCreateGraphicsPipelines(dev, VK_NULL_HANDLE, 1, &gp, nullptr, &pipeline);
  cleanup();
  if (r != VK_SUCCESS) return vkError("vkCreateGraphicsPipelines", r);
  return pipeline;
}

}  // namespace practicum::render
