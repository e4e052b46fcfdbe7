#include "shadow_map.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "mesh_pipeline.hpp"
#include "vk_check.hpp"

namespace practicum::render {

namespace {
// D16 is the depth format every Vulkan device must be able to sample
constexpr VkFormat kFormat = VK_FORMAT_D16_UNORM;

// what the lit pass reads from binding 1
struct ShadowUniforms {
  float lightViewProj[16];
  float params[4];  // strength, texel size, unused, unused
};
}  // namespace

core::Result<std::unique_ptr<ShadowMap>> ShadowMap::create(const Context& context,
                                                           std::uint32_t frames,
                                                           std::uint32_t size) {
  std::unique_ptr<ShadowMap> s(new ShadowMap(context));
  const VkDevice dev = context.device();
  s->size_ = size;

  // a depth-only pass that leaves the map ready for sampling
  VkAttachmentDescription depth{};
  depth.format = kFormat;
  depth.samples = VK_SAMPLE_COUNT_1_BIT;
  depth.loadOp = VK_ATTACHMENT_LOAD_OP_CLEAR;
  depth.storeOp = VK_ATTACHMENT_STORE_OP_STORE;
  depth.stencilLoadOp = VK_ATTACHMENT_LOAD_OP_DONT_CARE;
  depth.stencilStoreOp = VK_ATTACHMENT_STORE_OP_DONT_CARE;
  depth.initialLayout = VK_IMAGE_LAYOUT_UNDEFINED;
  depth.finalLayout = VK_IMAGE_LAYOUT_DEPTH_STENCIL_READ_ONLY_OPTIMAL;
  VkAttachmentReference ref{0, VK_IMAGE_LAYOUT_DEPTH_STENCIL_ATTACHMENT_OPTIMAL};
  VkSubpassDescription subpass{};
  subpass.pipelineBindPoint = VK_PIPELINE_BIND_POINT_GRAPHICS;
  subpass.pDepthStencilAttachment = &ref;
  VkSubpassDependency deps[2]{};
  // the previous sampling of this map is done before it is written again, and the lit pass
  // samples it only after it is written
  deps[0].srcSubpass = VK_SUBPASS_EXTERNAL;
  deps[0].dstSubpass = 0;
  deps[0].srcStageMask = VK_PIPELINE_STAGE_FRAGMENT_SHADER_BIT;
  deps[0].dstStageMask =
      VK_PIPELINE_STAGE_EARLY_FRAGMENT_TESTS_BIT | VK_PIPELINE_STAGE_LATE_FRAGMENT_TESTS_BIT;
  deps[0].srcAccessMask = VK_ACCESS_SHADER_READ_BIT;
  deps[0].dstAccessMask =
      VK_ACCESS_DEPTH_STENCIL_ATTACHMENT_READ_BIT | VK_ACCESS_DEPTH_STENCIL_ATTACHMENT_WRITE_BIT;
  deps[1].srcSubpass = 0;
  deps[1].dstSubpass = VK_SUBPASS_EXTERNAL;
  deps[1].srcStageMask = VK_PIPELINE_STAGE_LATE_FRAGMENT_TESTS_BIT;
  deps[1].dstStageMask = VK_PIPELINE_STAGE_FRAGMENT_SHADER_BIT;
  deps[1].srcAccessMask = VK_ACCESS_DEPTH_STENCIL_ATTACHMENT_WRITE_BIT;
  deps[1].dstAccessMask = VK_ACCESS_SHADER_READ_BIT;
  VkRenderPassCreateInfo rpci{VK_STRUCTURE_TYPE_RENDER_PASS_CREATE_INFO};
  rpci.attachmentCount = 1;
  rpci.pAttachments = &depth;
  rpci.subpassCount = 1;
  rpci.pSubpasses = &subpass;
  rpci.dependencyCount = 2;
  rpci.pDependencies = deps;
  PRACTICUM_VK_TRY(vkCreateRenderPass(dev, &rpci, nullptr, &s->renderPass_));

  // a comparing sampler: the lit pass gets the fraction of lit texels (PCF)
  VkSamplerCreateInfo sci{VK_STRUCTURE_TYPE_SAMPLER_CREATE_INFO};
  sci.magFilter = VK_FILTER_LINEAR;
  sci.minFilter = VK_FILTER_LINEAR;
  sci.mipmapMode = VK_SAMPLER_MIPMAP_MODE_NEAREST;
  sci.addressModeU = sci.addressModeV = sci.addressModeW = VK_SAMPLER_ADDRESS_MODE_CLAMP_TO_BORDER;
  sci.borderColor = VK_BORDER_COLOR_FLOAT_OPAQUE_WHITE;
  sci.compareEnable = VK_TRUE;
  sci.compareOp = VK_COMPARE_OP_LESS_OR_EQUAL;
  sci.maxLod = 0.0f;
  PRACTICUM_VK_TRY(vkCreateSampler(dev, &sci, nullptr, &s->sampler_));

  // the set the lit pass reads: the map and the light's matrix
  const VkDescriptorSetLayoutBinding bindings[2] = {
      {0, VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, 1, VK_SHADER_STAGE_FRAGMENT_BIT, nullptr},
      {1, VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER, 1, VK_SHADER_STAGE_FRAGMENT_BIT, nullptr}};
  VkDescriptorSetLayoutCreateInfo lci{VK_STRUCTURE_TYPE_DESCRIPTOR_SET_LAYOUT_CREATE_INFO};
  lci.bindingCount = 2;
  lci.pBindings = bindings;
  PRACTICUM_VK_TRY(vkCreateDescriptorSetLayout(dev, &lci, nullptr, &s->setLayout_));
  const VkDescriptorPoolSize sizes[2] = {{VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, frames},
                                         {VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER, frames}};
  VkDescriptorPoolCreateInfo dpci{VK_STRUCTURE_TYPE_DESCRIPTOR_POOL_CREATE_INFO};
  dpci.maxSets = frames;
  dpci.poolSizeCount = 2;
  dpci.pPoolSizes = sizes;
  PRACTICUM_VK_TRY(vkCreateDescriptorPool(dev, &dpci, nullptr, &s->pool_));

  // per frame in flight: a map, its framebuffer, the uniforms, the set
  s->frames_.resize(frames);
  for (Frame& f : s->frames_) {
    auto image =
        GpuImage::create(context, {size, size}, kFormat,
                         VK_IMAGE_USAGE_DEPTH_STENCIL_ATTACHMENT_BIT | VK_IMAGE_USAGE_SAMPLED_BIT,
                         VK_IMAGE_ASPECT_DEPTH_BIT);
    if (!image.ok()) return image.error();
    f.depth = *image;
    VkFramebufferCreateInfo fci{VK_STRUCTURE_TYPE_FRAMEBUFFER_CREATE_INFO};
    fci.renderPass = s->renderPass_;
    fci.attachmentCount = 1;
    fci.pAttachments = &f.depth.view;
    fci.width = fci.height = size;
    fci.layers = 1;
    PRACTICUM_VK_TRY(vkCreateFramebuffer(dev, &fci, nullptr, &f.framebuffer));
    auto uniforms = GpuBuffer::create(context, sizeof(ShadowUniforms),
                                      VK_BUFFER_USAGE_UNIFORM_BUFFER_BIT, true);
    if (!uniforms.ok()) return uniforms.error();
    f.uniforms = std::move(*uniforms);
    std::memset(f.uniforms.mapped(), 0, sizeof(ShadowUniforms));
    VkDescriptorSetAllocateInfo ai{VK_STRUCTURE_TYPE_DESCRIPTOR_SET_ALLOCATE_INFO};
    ai.descriptorPool = s->pool_;
    ai.descriptorSetCount = 1;
    ai.pSetLayouts = &s->setLayout_;
    PRACTICUM_VK_TRY(vkAllocateDescriptorSets(dev, &ai, &f.set));
    const VkDescriptorImageInfo imageInfo{s->sampler_, f.depth.view,
                                          VK_IMAGE_LAYOUT_DEPTH_STENCIL_READ_ONLY_OPTIMAL};
    const VkDescriptorBufferInfo bufferInfo{f.uniforms.handle(), 0, sizeof(ShadowUniforms)};
    VkWriteDescriptorSet writes[2]{};
    writes[0] = {VK_STRUCTURE_TYPE_WRITE_DESCRIPTOR_SET};
    writes[0].dstSet = f.set;
    writes[0].dstBinding = 0;
    writes[0].descriptorCount = 1;
    writes[0].descriptorType = VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER;
    writes[0].pImageInfo = &imageInfo;
    writes[1] = {VK_STRUCTURE_TYPE_WRITE_DESCRIPTOR_SET};
    writes[1].dstSet = f.set;
    writes[1].dstBinding = 1;
    writes[1].descriptorCount = 1;
    writes[1].descriptorType = VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER;
    writes[1].pBufferInfo = &bufferInfo;
    vkUpdateDescriptorSets(dev, 2, writes, 0, nullptr);
  }
  if (auto p = s->createPipeline(); !p.ok()) return p.error();
  return s;
}

core::Status ShadowMap::createPipeline() {
  const VkDevice dev = ctx_.device();
  const VkPushConstantRange push{VK_SHADER_STAGE_VERTEX_BIT, 0, 64};
  VkPipelineLayoutCreateInfo plci{VK_STRUCTURE_TYPE_PIPELINE_LAYOUT_CREATE_INFO};
  plci.pushConstantRangeCount = 1;
  plci.pPushConstantRanges = &push;
  PRACTICUM_VK_TRY(vkCreatePipelineLayout(dev, &plci, nullptr, &layout_));
  // depth only; both faces (thin panels and open models cast too); a slope-scaled bias
  // against acne
  MeshPipelineDesc desc;
  desc.vertexShader = "shadow.vert";
  desc.fragmentShader = nullptr;
  desc.fullVertexInput = false;
  desc.cull = VK_CULL_MODE_NONE;
  desc.depthBiasConstant = 1.5f;
  desc.depthBiasSlope = 2.0f;
  desc.fixedViewport = VkExtent2D{size_, size_};
  auto made = createMeshPipeline(dev, layout_, renderPass_, desc);
  if (!made.ok()) return made.error();
  pipeline_ = *made;
  return {};
}

ShadowMap::~ShadowMap() {
  const VkDevice dev = ctx_.device();
  for (Frame& f : frames_) {
    if (f.framebuffer) vkDestroyFramebuffer(dev, f.framebuffer, nullptr);
    f.depth.reset();
    f.uniforms.reset();
  }
  if (pool_) vkDestroyDescriptorPool(dev, pool_, nullptr);
  if (setLayout_) vkDestroyDescriptorSetLayout(dev, setLayout_, nullptr);
  if (sampler_) vkDestroySampler(dev, sampler_, nullptr);
  if (pipeline_) vkDestroyPipeline(dev, pipeline_, nullptr);
  if (layout_) vkDestroyPipelineLayout(dev, layout_, nullptr);
  if (renderPass_) vkDestroyRenderPass(dev, renderPass_, nullptr);
}

core::Mat4 ShadowMap::fit(core::Vec3 direction, const std::vector<Sphere>& spheres) {
  const core::Vec3 dir = core::normalize(direction);
  // the light looks along its direction at the middle of everything
  core::Vec3 lo{1e30f, 1e30f, 1e30f}, hi{-1e30f, -1e30f, -1e30f};
  for (const auto& s : spheres) {
    lo = {std::min(lo.x, s.center.x - s.radius), std::min(lo.y, s.center.y - s.radius),
          std::min(lo.z, s.center.z - s.radius)};
    hi = {std::max(hi.x, s.center.x + s.radius), std::max(hi.y, s.center.y + s.radius),
          std::max(hi.z, s.center.z + s.radius)};
  }
  if (spheres.empty()) lo = hi = {};
  const core::Vec3 center = (lo + hi) * 0.5f;
  const float reach = std::max(core::length(hi - lo), 1e-3f);
  const core::Vec3 up = std::abs(dir.y) > 0.99f ? core::Vec3{0, 0, 1} : core::Vec3{0, 1, 0};
  const core::Mat4 view = core::lookAt(center - dir * reach, center, up);

  // the box around every sphere in light space
  float l = 1e30f, r = -1e30f, b = 1e30f, t = -1e30f, n = 1e30f, f = -1e30f;
  for (const auto& s : spheres) {
    const core::Vec3 p = core::transformPoint(view, s.center);
    l = std::min(l, p.x - s.radius);
    r = std::max(r, p.x + s.radius);
    b = std::min(b, p.y - s.radius);
    t = std::max(t, p.y + s.radius);
    n = std::min(n, -p.z - s.radius);
    f = std::max(f, -p.z + s.radius);
  }
  if (spheres.empty()) l = b = n = -1, r = t = f = 1;
  // orthographic into Vulkan's clip space (depth 0..1)
  core::Mat4 proj;
  proj.m[0][0] = 2.0f / (r - l);
  proj.m[1][1] = 2.0f / (t - b);
  proj.m[2][2] = -1.0f / (f - n);
  proj.m[3][0] = -(r + l) / (r - l);
  proj.m[3][1] = -(t + b) / (t - b);
  proj.m[3][2] = -n / (f - n);
  return proj * view;
}

void ShadowMap::record(VkCommandBuffer cmd, std::uint32_t frame, const core::Mat4& lightViewProj,
                       float strength, const std::function<void()>& draw) {
  Frame& f = frames_[frame];
  ShadowUniforms u{};
  std::memcpy(u.lightViewProj, &lightViewProj.m[0][0], 64);
  u.params[0] = strength;
  u.params[1] = 1.0f / float(size_);
  std::memcpy(f.uniforms.mapped(), &u, sizeof u);

  VkClearValue clear{};
  clear.depthStencil = {1.0f, 0};
  VkRenderPassBeginInfo rbi{VK_STRUCTURE_TYPE_RENDER_PASS_BEGIN_INFO};
  rbi.renderPass = renderPass_;
  rbi.framebuffer = f.framebuffer;
  rbi.renderArea = {{0, 0}, {size_, size_}};
  rbi.clearValueCount = 1;
  rbi.pClearValues = &clear;
  vkCmdBeginRenderPass(cmd, &rbi, VK_SUBPASS_CONTENTS_INLINE);
  vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, pipeline_);
  vkCmdPushConstants(cmd, layout_, VK_SHADER_STAGE_VERTEX_BIT, 0, 64, &lightViewProj.m[0][0]);
  if (strength > 0.0f) draw();
  vkCmdEndRenderPass(cmd);
}

}  // namespace practicum::render
