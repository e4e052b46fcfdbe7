#include <practicum/render/renderer.hpp>

#include <algorithm>
#include <cstring>
#include <numeric>

#include <practicum/core/hash.hpp>

#include "gpu_resources.hpp"
#include "mesh_layout.hpp"
#include "mesh_pipeline.hpp"
#include "shadow_map.hpp"
#include "vk_check.hpp"

namespace practicum::render {

namespace {

// push constants: exactly the 128 bytes every device guarantees
struct PushConstants {
  float viewProj[16];
  float cameraPos[4];
  float lightDir[4];  // direction the light travels, w = intensity
  float lightColor[4];
  float ambient[4];
};
static_assert(sizeof(PushConstants) == 128);

void copyMat(float* dst, const core::Mat4& m) { std::memcpy(dst, &m.m[0][0], 64); }

// inverse-transpose of the upper 3x3, as three padded columns
void normalMatrix(float* dst, const core::Mat4& m) {
  const core::Mat4 inv = core::inverse(m);
  for (int c = 0; c < 3; ++c) {
    for (int r = 0; r < 3; ++r) dst[c * 4 + r] = inv.m[r][c];
    dst[c * 4 + 3] = 0.0f;
  }
}

}  // namespace

struct Renderer::Mesh {
  GpuBuffer vertices;
  GpuBuffer indices;
  std::uint32_t indexCount = 0;
  float radius = 0;  ///< of the sphere around the mesh's origin that holds every vertex
};

struct Renderer::Frame {
  VkCommandBuffer cmd = VK_NULL_HANDLE;
  VkFence fence = VK_NULL_HANDLE;
  VkSemaphore imageAvailable = VK_NULL_HANDLE;
  GpuBuffer instances;
  GpuBuffer readback;
};

struct Renderer::DepthBuffer {
  GpuImage image;
  VkExtent2D extent{};
};

CameraView makeCameraView(const scene::Camera& camera, float aspect) {
  CameraView v;
  v.view = core::lookAt(camera.position, camera.target, {0, 1, 0});
  v.projection = core::perspective(core::radians(camera.fovYDegrees), aspect, camera.nearPlane,
                                   camera.farPlane);
  v.position = camera.position;
  return v;
}

Renderer::Renderer(const Context& context, RenderTarget& target)
    : ctx_(context), target_(target), depth_(std::make_unique<DepthBuffer>()) {}

core::Result<std::unique_ptr<Renderer>> Renderer::create(const Context& context,
                                                         RenderTarget& target,
                                                         const RendererOptions& options) {
  std::unique_ptr<Renderer> r(new Renderer(context, target));
  const VkDevice dev = context.device();

  // render pass: colour (ends ready for a copy) + depth
  VkAttachmentDescription attachments[2]{};
  r->format_ = target.format();
  attachments[0].format = r->format_;
  attachments[0].samples = VK_SAMPLE_COUNT_1_BIT;
  attachments[0].loadOp = VK_ATTACHMENT_LOAD_OP_CLEAR;
  attachments[0].storeOp = VK_ATTACHMENT_STORE_OP_STORE;
  attachments[0].stencilLoadOp = VK_ATTACHMENT_LOAD_OP_DONT_CARE;
  attachments[0].stencilStoreOp = VK_ATTACHMENT_STORE_OP_DONT_CARE;
  attachments[0].initialLayout = VK_IMAGE_LAYOUT_UNDEFINED;
  attachments[0].finalLayout = VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL;
  attachments[1].format = context.depthFormat();
  attachments[1].samples = VK_SAMPLE_COUNT_1_BIT;
  attachments[1].loadOp = VK_ATTACHMENT_LOAD_OP_CLEAR;
  attachments[1].storeOp = VK_ATTACHMENT_STORE_OP_DONT_CARE;
  attachments[1].stencilLoadOp = VK_ATTACHMENT_LOAD_OP_DONT_CARE;
  attachments[1].stencilStoreOp = VK_ATTACHMENT_STORE_OP_DONT_CARE;
  attachments[1].initialLayout = VK_IMAGE_LAYOUT_UNDEFINED;
  attachments[1].finalLayout = VK_IMAGE_LAYOUT_DEPTH_STENCIL_ATTACHMENT_OPTIMAL;
  VkAttachmentReference colourRef{0, VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL};
  VkAttachmentReference depthRef{1, VK_IMAGE_LAYOUT_DEPTH_STENCIL_ATTACHMENT_OPTIMAL};
  VkSubpassDescription subpass{};
  subpass.pipelineBindPoint = VK_PIPELINE_BIND_POINT_GRAPHICS;
  subpass.colorAttachmentCount = 1;
  subpass.pColorAttachments = &colourRef;
  subpass.pDepthStencilAttachment = &depthRef;
  VkSubpassDependency deps[2]{};
  deps[0].srcSubpass = VK_SUBPASS_EXTERNAL;
  deps[0].dstSubpass = 0;
  deps[0].srcStageMask = VK_PIPELINE_STAGE_COLOR_ATTACHMENT_OUTPUT_BIT |
                         VK_PIPELINE_STAGE_LATE_FRAGMENT_TESTS_BIT | VK_PIPELINE_STAGE_TRANSFER_BIT;
  deps[0].dstStageMask =
      VK_PIPELINE_STAGE_COLOR_ATTACHMENT_OUTPUT_BIT | VK_PIPELINE_STAGE_EARLY_FRAGMENT_TESTS_BIT;
  deps[0].srcAccessMask =
      VK_ACCESS_DEPTH_STENCIL_ATTACHMENT_WRITE_BIT | VK_ACCESS_TRANSFER_READ_BIT;
  deps[0].dstAccessMask = VK_ACCESS_COLOR_ATTACHMENT_WRITE_BIT |
                          VK_ACCESS_DEPTH_STENCIL_ATTACHMENT_READ_BIT |
                          VK_ACCESS_DEPTH_STENCIL_ATTACHMENT_WRITE_BIT;
  deps[1].srcSubpass = 0;
  deps[1].dstSubpass = VK_SUBPASS_EXTERNAL;
  deps[1].srcStageMask = VK_PIPELINE_STAGE_COLOR_ATTACHMENT_OUTPUT_BIT;
  deps[1].dstStageMask = VK_PIPELINE_STAGE_TRANSFER_BIT;
  deps[1].srcAccessMask = VK_ACCESS_COLOR_ATTACHMENT_WRITE_BIT;
  deps[1].dstAccessMask = VK_ACCESS_TRANSFER_READ_BIT;
  VkRenderPassCreateInfo rpci{VK_STRUCTURE_TYPE_RENDER_PASS_CREATE_INFO};
  rpci.attachmentCount = 2;
  rpci.pAttachments = attachments;
  rpci.subpassCount = 1;
  rpci.pSubpasses = &subpass;
  rpci.dependencyCount = 2;
  rpci.pDependencies = deps;
  PRACTICUM_VK_TRY(vkCreateRenderPass(dev, &rpci, nullptr, &r->renderPass_));

  // the light's shadow map, one per frame in flight; software rendering (lavapipe) gets a
  // smaller map and one filtered tap per pixel, which its fill rate can afford
  const std::uint32_t frames = std::clamp(options.framesInFlight, 1u, 4u);
  VkPhysicalDeviceProperties props{};
  vkGetPhysicalDeviceProperties(context.physicalDevice(), &props);
  const bool software = props.deviceType == VK_PHYSICAL_DEVICE_TYPE_CPU;
  std::uint32_t shadowSize = options.shadowMapSize;
  if (shadowSize == RendererOptions::kAutomatic) shadowSize = software ? 1024 : 2048;
  r->shadowed_ = shadowSize > 0;
  r->wideShadowFilter_ = !software;
  auto shadow = ShadowMap::create(context, frames, std::max(shadowSize, 16u));
  if (!shadow.ok()) return shadow.error();
  r->shadow_ = std::move(*shadow);

  if (auto s = r->createPipeline(); !s.ok()) return s.error();

  // per-frame command buffers and synchronisation
  VkCommandPoolCreateInfo pci{VK_STRUCTURE_TYPE_COMMAND_POOL_CREATE_INFO};
  pci.flags = VK_COMMAND_POOL_CREATE_RESET_COMMAND_BUFFER_BIT;
  pci.queueFamilyIndex = context.queueFamily();
  PRACTICUM_VK_TRY(vkCreateCommandPool(dev, &pci, nullptr, &r->pool_));
  for (std::uint32_t i = 0; i < frames; ++i) {
    auto f = std::make_unique<Frame>();
    VkCommandBufferAllocateInfo ai{VK_STRUCTURE_TYPE_COMMAND_BUFFER_ALLOCATE_INFO};
    ai.commandPool = r->pool_;
    ai.level = VK_COMMAND_BUFFER_LEVEL_PRIMARY;
    ai.commandBufferCount = 1;
    PRACTICUM_VK_TRY(vkAllocateCommandBuffers(dev, &ai, &f->cmd));
    VkFenceCreateInfo fci{VK_STRUCTURE_TYPE_FENCE_CREATE_INFO};
    fci.flags = VK_FENCE_CREATE_SIGNALED_BIT;
    PRACTICUM_VK_TRY(vkCreateFence(dev, &fci, nullptr, &f->fence));
    VkSemaphoreCreateInfo sci{VK_STRUCTURE_TYPE_SEMAPHORE_CREATE_INFO};
    PRACTICUM_VK_TRY(vkCreateSemaphore(dev, &sci, nullptr, &f->imageAvailable));
    r->frames_.push_back(std::move(f));
  }
  return r;
}

core::Status Renderer::createPipeline() {
  const VkDevice dev = ctx_.device();
  // push constants for camera and light; set 0 is the light's shadow map
  VkPushConstantRange push{VK_SHADER_STAGE_VERTEX_BIT | VK_SHADER_STAGE_FRAGMENT_BIT, 0,
                           sizeof(PushConstants)};
  VkPipelineLayoutCreateInfo plci{VK_STRUCTURE_TYPE_PIPELINE_LAYOUT_CREATE_INFO};
  plci.pushConstantRangeCount = 1;
  plci.pPushConstantRanges = &push;
  const VkDescriptorSetLayout sets[1] = {shadow_->setLayout()};
  plci.setLayoutCount = 1;
  plci.pSetLayouts = sets;
  PRACTICUM_VK_TRY(vkCreatePipelineLayout(dev, &plci, nullptr, &layout_));

  // the fragment shader's constants: shadows, and how wide their filter is
  const VkBool32 constants[2] = {shadowed_ ? VK_TRUE : VK_FALSE,
                                 wideShadowFilter_ ? VK_TRUE : VK_FALSE};
  const VkSpecializationMapEntry entries[2] = {{0, 0, sizeof(VkBool32)},
                                               {1, sizeof(VkBool32), sizeof(VkBool32)}};
  const VkSpecializationInfo specialization{2, entries, sizeof constants, constants};

  // the lit pass; its outline variant (the back faces of a slightly grown copy, seen around the
  // silhouette); its see-through variant (blended, tests depth but does not write it)
  MeshPipelineDesc lit;
  lit.fragmentConstants = &specialization;
  MeshPipelineDesc outline = lit;
  outline.cull = VK_CULL_MODE_FRONT_BIT;
  MeshPipelineDesc seeThrough = lit;
  seeThrough.cull = VK_CULL_MODE_NONE;
  seeThrough.depthWrite = false;
  seeThrough.blend = true;
  const std::pair<const MeshPipelineDesc*, VkPipeline*> wanted[] = {
      {&lit, &pipeline_}, {&outline, &outlinePipeline_}, {&seeThrough, &blendPipeline_}};
  for (const auto& [desc, out] : wanted) {
    auto made = createMeshPipeline(dev, layout_, renderPass_, *desc);
    if (!made.ok()) return made.error();
    *out = *made;
  }
  return {};
}

Renderer::~Renderer() {
  const VkDevice dev = ctx_.device();
  vkDeviceWaitIdle(dev);
  for (auto& f : frames_) {
    vkDestroyFence(dev, f->fence, nullptr);
    vkDestroySemaphore(dev, f->imageAvailable, nullptr);
  }
  frames_.clear();
  for (VkFramebuffer fb : framebuffers_) vkDestroyFramebuffer(dev, fb, nullptr);
  for (VkSemaphore s : renderDone_) vkDestroySemaphore(dev, s, nullptr);
  depth_->image.reset();
  shadow_.reset();
  meshes_.clear();
  if (pool_) vkDestroyCommandPool(dev, pool_, nullptr);
  if (pipeline_) vkDestroyPipeline(dev, pipeline_, nullptr);
  if (blendPipeline_) vkDestroyPipeline(dev, blendPipeline_, nullptr);
  if (outlinePipeline_) vkDestroyPipeline(dev, outlinePipeline_, nullptr);
  if (layout_) vkDestroyPipelineLayout(dev, layout_, nullptr);
  if (renderPass_) vkDestroyRenderPass(dev, renderPass_, nullptr);
}

void Renderer::waitIdle() const { vkDeviceWaitIdle(ctx_.device()); }

core::Result<MeshHandle> Renderer::uploadMesh(const scene::MeshData& mesh) {
  if (mesh.positions.empty() || mesh.indices.empty() || mesh.indices.size() % 3 != 0 ||
      mesh.normals.size() != mesh.positions.size())
    return core::makeError(core::ErrorCode::InvalidArgument,
                           "mesh \"" + mesh.name + "\" is empty or inconsistent");
  for (std::uint32_t i : mesh.indices)
    if (i >= mesh.positions.size())
      return core::makeError(core::ErrorCode::InvalidArgument,
                             "mesh \"" + mesh.name + "\" has an index out of range");

  // the same geometry uploaded before is drawn from the same buffers (an editor re-showing its
  // scene after every edit uploads nothing new unless a shape changed)
  core::Fnv1a64 content;
  content.bytes(mesh.positions.data(), mesh.positions.size() * sizeof(mesh.positions[0]));
  content.bytes(mesh.normals.data(), mesh.normals.size() * sizeof(mesh.normals[0]));
  content.bytes(mesh.indices.data(), mesh.indices.size() * sizeof(mesh.indices[0]));
  const auto known = meshByContent_.find(content.value());
  if (known != meshByContent_.end()) return known->second;

  // interleave, stage in host memory, copy into device-local buffers
  std::vector<Vertex> vertices(mesh.positions.size());
  for (std::size_t i = 0; i < vertices.size(); ++i) {
    const auto& p = mesh.positions[i];
    const auto& n = mesh.normals[i];
    vertices[i] = {{p.x, p.y, p.z}, {n.x, n.y, n.z}};
  }
  const VkDeviceSize vbytes = vertices.size() * sizeof(Vertex);
  const VkDeviceSize ibytes = mesh.indices.size() * sizeof(std::uint32_t);
  auto staging = GpuBuffer::create(ctx_, vbytes + ibytes, VK_BUFFER_USAGE_TRANSFER_SRC_BIT, true);
  if (!staging.ok()) return staging.error();
  std::memcpy(staging->mapped(), vertices.data(), vbytes);
  std::memcpy(static_cast<char*>(staging->mapped()) + vbytes, mesh.indices.data(), ibytes);
  auto m = std::make_unique<Mesh>();
  auto vb = GpuBuffer::create(
      ctx_, vbytes, VK_BUFFER_USAGE_VERTEX_BUFFER_BIT | VK_BUFFER_USAGE_TRANSFER_DST_BIT, false);
  if (!vb.ok()) return vb.error();
  auto ib = GpuBuffer::create(
      ctx_, ibytes, VK_BUFFER_USAGE_INDEX_BUFFER_BIT | VK_BUFFER_USAGE_TRANSFER_DST_BIT, false);
  if (!ib.ok()) return ib.error();
  m->vertices = std::move(*vb);
  m->indices = std::move(*ib);
  m->indexCount = static_cast<std::uint32_t>(mesh.indices.size());
  for (const auto& p : mesh.positions) m->radius = std::max(m->radius, core::length(p));
  auto s = ctx_.runOneShot([&](VkCommandBuffer cmd) {
    VkBufferCopy vc{0, 0, vbytes};
    vkCmdCopyBuffer(cmd, staging->handle(), m->vertices.handle(), 1, &vc);
    VkBufferCopy ic{vbytes, 0, ibytes};
    vkCmdCopyBuffer(cmd, staging->handle(), m->indices.handle(), 1, &ic);
  });
  if (!s.ok()) return s.error();
  meshes_.push_back(std::move(m));
  const MeshHandle handle{static_cast<std::uint32_t>(meshes_.size())};
  meshByContent_.emplace(content.value(), handle);
  return handle;
}

core::Status Renderer::ensureFramebuffers() {
  if (targetGeneration_ == target_.generation() && !framebuffers_.empty()) return {};
  const VkDevice dev = ctx_.device();
  vkDeviceWaitIdle(dev);
  for (VkFramebuffer fb : framebuffers_) vkDestroyFramebuffer(dev, fb, nullptr);
  framebuffers_.clear();
  if (target_.format() != format_)
    return core::makeError(core::ErrorCode::Unsupported,
                           "the render target's colour format changed; the renderer was built "
                           "for another one");

  // depth buffer matching the target size
  const VkExtent2D extent = target_.extent();
  depth_->image.reset();
  auto depth =
      GpuImage::create(ctx_, extent, ctx_.depthFormat(),
                       VK_IMAGE_USAGE_DEPTH_STENCIL_ATTACHMENT_BIT, VK_IMAGE_ASPECT_DEPTH_BIT);
  if (!depth.ok()) return depth.error();
  depth_->image = *depth;
  depth_->extent = extent;

  // one framebuffer and one render-done semaphore per target image
  for (std::uint32_t i = 0; i < target_.imageCount(); ++i) {
    const VkImageView views[2] = {target_.view(i), depth_->image.view};
    VkFramebufferCreateInfo fci{VK_STRUCTURE_TYPE_FRAMEBUFFER_CREATE_INFO};
    fci.renderPass = renderPass_;
    fci.attachmentCount = 2;
    fci.pAttachments = views;
    fci.width = extent.width;
    fci.height = extent.height;
    fci.layers = 1;
    VkFramebuffer fb = VK_NULL_HANDLE;
    PRACTICUM_VK_TRY(vkCreateFramebuffer(dev, &fci, nullptr, &fb));
    framebuffers_.push_back(fb);
  }
  // render-done semaphores are kept across swapchain rebuilds (a present of the old swapchain may
  // still wait on one); the pool only grows
  while (renderDone_.size() < target_.imageCount()) {
    VkSemaphoreCreateInfo sci{VK_STRUCTURE_TYPE_SEMAPHORE_CREATE_INFO};
    VkSemaphore sem = VK_NULL_HANDLE;
    PRACTICUM_VK_TRY(vkCreateSemaphore(dev, &sci, nullptr, &sem));
    renderDone_.push_back(sem);
  }
  targetGeneration_ = target_.generation();
  return {};
}

core::Status Renderer::recordFrame(Frame& frame, const FrameDesc& desc, std::uint32_t imageIndex,
                                   bool capture) {
  const VkExtent2D extent = target_.extent();
  stats_ = {};

  // opaque items grouped by mesh, so that repeated meshes become one instanced draw; then the
  // see-through ones (alpha < 1) from far to near, drawn blended over them
  std::vector<std::uint32_t> order;
  order.reserve(desc.items.size());
  for (std::uint32_t i = 0; i < desc.items.size(); ++i)
    if (desc.items[i].mesh && desc.items[i].mesh.index <= meshes_.size() &&
        desc.items[i].baseColor.w > 0.0f)
      order.push_back(i);
  const auto opaque = [&](std::uint32_t i) { return desc.items[i].baseColor.w >= 1.0f; };
  const auto firstBlended = std::stable_partition(order.begin(), order.end(), opaque);
  const auto opaqueCount = static_cast<std::size_t>(firstBlended - order.begin());
  const auto distance = [&](std::uint32_t i) {
    const core::Mat4& m = desc.items[i].model;
    return core::length(core::Vec3{m.m[3][0], m.m[3][1], m.m[3][2]} - desc.camera.position);
  };
  // opaque meshes nearest first (each mesh's nearest instance), so that the depth test rejects
  // what is hidden before it is shaded; items of one mesh stay together for instancing
  std::vector<float> nearest(meshes_.size() + 1, 1e30f);
  for (auto it = order.begin(); it != firstBlended; ++it) {
    float& n = nearest[desc.items[*it].mesh.index];
    n = std::min(n, distance(*it));
  }
  std::stable_sort(order.begin(), firstBlended, [&](std::uint32_t a, std::uint32_t b) {
    const std::uint32_t ma = desc.items[a].mesh.index, mb = desc.items[b].mesh.index;
    if (ma == mb) return false;
    return nearest[ma] != nearest[mb] ? nearest[ma] < nearest[mb] : ma < mb;
  });
  std::stable_sort(firstBlended, order.end(),
                   [&](std::uint32_t a, std::uint32_t b) { return distance(a) > distance(b); });
  // highlighted items get an outline: a copy grown by a few millimetres, drawn inside out
  std::vector<DrawItem> outlines;
  for (std::uint32_t i : order) {
    const DrawItem& item = desc.items[i];
    if (item.highlight <= 0.0f) continue;
    const core::Mat4& m = item.model;
    float scale = 0;
    for (int c = 0; c < 3; ++c)
      scale = std::max(scale, core::length({m.m[c][0], m.m[c][1], m.m[c][2]}));
    // about 2.5 pixels wide whatever the distance: a pixel's size in the world at the item
    const float radius = std::max(meshes_[item.mesh.index - 1]->radius * scale, 1e-3f);
    const float tanHalfFov = 1.0f / std::max(std::abs(desc.camera.projection.m[1][1]), 1e-3f);
    const float pixel = 2.0f * distance(i) * tanHalfFov / float(std::max(extent.height, 1u));
    const float grow = 1.0f + std::min(0.3f, 2.5f * pixel / radius);
    DrawItem outline = item;
    outline.model = item.model * core::composeTRS({}, {}, {grow, grow, grow});
    outline.baseColor = {1.0f, 0.72f, 0.2f, 1.0f};
    outline.roughness = 1.0f;
    outline.metalness = 0.0f;
    outline.emissive = 0.9f;
    outline.highlight = 0.0f;
    outlines.push_back(outline);
  }
  const VkDeviceSize needed =
      std::max<VkDeviceSize>(order.size() + outlines.size(), 1) * sizeof(InstanceData);
  if (frame.instances.size() < needed) {
    auto buf = GpuBuffer::create(ctx_, std::max<VkDeviceSize>(needed * 2, 64 * 1024),
                                 VK_BUFFER_USAGE_VERTEX_BUFFER_BIT, true);
    if (!buf.ok()) return buf.error();
    frame.instances = std::move(*buf);
  }
  auto* inst = static_cast<InstanceData*>(frame.instances.mapped());
  for (std::size_t k = 0; k < order.size() + outlines.size(); ++k) {
    const DrawItem& item = k < order.size() ? desc.items[order[k]] : outlines[k - order.size()];
    copyMat(inst[k].model, item.model);
    normalMatrix(inst[k].normal, item.model);
    const float c[4] = {item.baseColor.x, item.baseColor.y, item.baseColor.z, item.baseColor.w};
    std::memcpy(inst[k].color, c, sizeof c);
    const float p[4] = {item.roughness, item.metalness, item.emissive, item.highlight};
    std::memcpy(inst[k].params, p, sizeof p);
  }

  VkCommandBuffer cmd = frame.cmd;
  vkResetCommandBuffer(cmd, 0);
  VkCommandBufferBeginInfo bi{VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO};
  bi.flags = VK_COMMAND_BUFFER_USAGE_ONE_TIME_SUBMIT_BIT;
  vkBeginCommandBuffer(cmd, &bi);

  // one instanced draw per run of items that share a mesh (see-through items one by one)
  const auto drawItems = [&](std::size_t first, std::size_t last, bool blendAfterOpaque) {
    for (std::size_t begin = first; begin < last;) {
      if (blendAfterOpaque && begin == opaqueCount)
        vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, blendPipeline_);
      const MeshHandle mh = desc.items[order[begin]].mesh;
      std::size_t end = begin + 1;
      if (begin < opaqueCount)
        while (end < std::min(opaqueCount, last) && desc.items[order[end]].mesh == mh) ++end;
      const Mesh& mesh = *meshes_[mh.index - 1];
      const VkBuffer buffers[2] = {mesh.vertices.handle(), frame.instances.handle()};
      const VkDeviceSize offsets[2] = {0, begin * sizeof(InstanceData)};
      vkCmdBindVertexBuffers(cmd, 0, 2, buffers, offsets);
      vkCmdBindIndexBuffer(cmd, mesh.indices.handle(), 0, VK_INDEX_TYPE_UINT32);
      const auto count = static_cast<std::uint32_t>(end - begin);
      vkCmdDrawIndexed(cmd, mesh.indexCount, count, 0, 0, 0);
      ++stats_.drawCalls;
      stats_.instances += count;
      stats_.triangles += std::uint64_t{mesh.indexCount / 3} * count;
      begin = end;
    }
  };

  // the light's depth: opaque items cast shadows, see-through ones do not
  std::vector<ShadowMap::Sphere> casters;
  casters.reserve(opaqueCount);
  for (std::size_t k = 0; k < opaqueCount; ++k) {
    const DrawItem& item = desc.items[order[k]];
    const core::Mat4& m = item.model;
    float scale = 0;
    for (int c = 0; c < 3; ++c)
      scale = std::max(scale, core::length({m.m[c][0], m.m[c][1], m.m[c][2]}));
    casters.push_back(
        {{m.m[3][0], m.m[3][1], m.m[3][2]}, meshes_[item.mesh.index - 1]->radius * scale});
  }
  const core::Mat4 lightViewProj = ShadowMap::fit(desc.lighting.direction, casters);
  shadow_->record(cmd, frameIndex_, lightViewProj, shadowed_ ? 1.0f : 0.0f,
                  [&] { drawItems(0, opaqueCount, false); });
  stats_ = {};  // the statistics are the scene pass's

  // scene pass
  const auto& bg = desc.lighting.background;
  VkClearValue clears[2]{};
  clears[0].color = {{bg.x, bg.y, bg.z, 1.0f}};
  clears[1].depthStencil = {1.0f, 0};
  VkRenderPassBeginInfo rbi{VK_STRUCTURE_TYPE_RENDER_PASS_BEGIN_INFO};
  rbi.renderPass = renderPass_;
  rbi.framebuffer = framebuffers_[imageIndex];
  rbi.renderArea = {{0, 0}, extent};
  rbi.clearValueCount = 2;
  rbi.pClearValues = clears;
  vkCmdBeginRenderPass(cmd, &rbi, VK_SUBPASS_CONTENTS_INLINE);
  // the scene's part of the image, inside the image whatever was asked
  VkRect2D scissor{{0, 0}, extent};
  if (desc.region) {
    const auto x = std::min<std::uint32_t>(std::uint32_t(std::max(desc.region->offset.x, 0)),
                                           extent.width - 1);
    const auto y = std::min<std::uint32_t>(std::uint32_t(std::max(desc.region->offset.y, 0)),
                                           extent.height - 1);
    scissor = {{std::int32_t(x), std::int32_t(y)},
               {std::max(1u, std::min(desc.region->extent.width, extent.width - x)),
                std::max(1u, std::min(desc.region->extent.height, extent.height - y))}};
  }
  const VkViewport viewport{float(scissor.offset.x),
                            float(scissor.offset.y),
                            float(scissor.extent.width),
                            float(scissor.extent.height),
                            0.0f,
                            1.0f};
  vkCmdSetViewport(cmd, 0, 1, &viewport);
  vkCmdSetScissor(cmd, 0, 1, &scissor);
  vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, pipeline_);

  PushConstants pc{};
  copyMat(pc.viewProj, desc.camera.projection * desc.camera.view);
  const auto& cam = desc.camera.position;
  const core::Vec3 dir = core::normalize(desc.lighting.direction);
  const auto& lc = desc.lighting.color;
  const auto& amb = desc.lighting.ambient;
  const float camPos[4] = {cam.x, cam.y, cam.z, 1};
  const float lightDir[4] = {dir.x, dir.y, dir.z, desc.lighting.intensity};
  const float lightColor[4] = {lc.x, lc.y, lc.z, 1};
  const float ambient[4] = {amb.x, amb.y, amb.z, 1};
  std::memcpy(pc.cameraPos, camPos, 16);
  std::memcpy(pc.lightDir, lightDir, 16);
  std::memcpy(pc.lightColor, lightColor, 16);
  std::memcpy(pc.ambient, ambient, 16);
  vkCmdPushConstants(cmd, layout_, VK_SHADER_STAGE_VERTEX_BIT | VK_SHADER_STAGE_FRAGMENT_BIT, 0,
                     sizeof pc, &pc);

  const VkDescriptorSet shadowSet = shadow_->set(frameIndex_);
  vkCmdBindDescriptorSets(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, layout_, 0, 1, &shadowSet, 0,
                          nullptr);
  drawItems(0, opaqueCount, false);
  // the outlines of highlighted items, then the see-through items
  if (!outlines.empty()) {
    vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, outlinePipeline_);
    for (std::size_t j = 0; j < outlines.size(); ++j) {
      const Mesh& mesh = *meshes_[outlines[j].mesh.index - 1];
      const VkBuffer buffers[2] = {mesh.vertices.handle(), frame.instances.handle()};
      const VkDeviceSize offsets[2] = {0, (order.size() + j) * sizeof(InstanceData)};
      vkCmdBindVertexBuffers(cmd, 0, 2, buffers, offsets);
      vkCmdBindIndexBuffer(cmd, mesh.indices.handle(), 0, VK_INDEX_TYPE_UINT32);
      vkCmdDrawIndexed(cmd, mesh.indexCount, 1, 0, 0, 0);
      ++stats_.drawCalls;
    }
  }
  drawItems(opaqueCount, order.size(), true);
  if (overlay_) overlay_(cmd);
  vkCmdEndRenderPass(cmd);

  // optional read-back (image is in TRANSFER_SRC_OPTIMAL after the pass)
  const VkImage image = target_.image(imageIndex);
  if (capture) {
    VkBufferImageCopy region{};
    region.imageSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 0, 1};
    region.imageExtent = {extent.width, extent.height, 1};
    vkCmdCopyImageToBuffer(cmd, image, VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL,
                           frame.readback.handle(), 1, &region);
    VkBufferMemoryBarrier bmb{VK_STRUCTURE_TYPE_BUFFER_MEMORY_BARRIER};
    bmb.srcAccessMask = VK_ACCESS_TRANSFER_WRITE_BIT;
    bmb.dstAccessMask = VK_ACCESS_HOST_READ_BIT;
    bmb.srcQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED;
    bmb.dstQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED;
    bmb.buffer = frame.readback.handle();
    bmb.size = VK_WHOLE_SIZE;
    vkCmdPipelineBarrier(cmd, VK_PIPELINE_STAGE_TRANSFER_BIT, VK_PIPELINE_STAGE_HOST_BIT, 0, 0,
                         nullptr, 1, &bmb, 0, nullptr);
  }

  // hand the image over in the layout the target wants
  if (target_.presentLayout() != VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL) {
    VkImageMemoryBarrier imb{VK_STRUCTURE_TYPE_IMAGE_MEMORY_BARRIER};
    imb.srcAccessMask = VK_ACCESS_TRANSFER_READ_BIT | VK_ACCESS_COLOR_ATTACHMENT_WRITE_BIT;
    imb.dstAccessMask = 0;
    imb.oldLayout = VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL;
    imb.newLayout = target_.presentLayout();
    imb.srcQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED;
    imb.dstQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED;
    imb.image = image;
    imb.subresourceRange = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 1, 0, 1};
    vkCmdPipelineBarrier(
        cmd, VK_PIPELINE_STAGE_TRANSFER_BIT | VK_PIPELINE_STAGE_COLOR_ATTACHMENT_OUTPUT_BIT,
        VK_PIPELINE_STAGE_BOTTOM_OF_PIPE_BIT, 0, 0, nullptr, 0, nullptr, 1, &imb);
  }
  PRACTICUM_VK_TRY(vkEndCommandBuffer(cmd));
  return {};
}

core::Status Renderer::drawFrame(const FrameDesc& desc, Image* capture) {
  const VkDevice dev = ctx_.device();
  Frame& frame = *frames_[frameIndex_];

  // wait until this frame slot's previous submission is done
  PRACTICUM_VK_TRY(vkWaitForFences(dev, 1, &frame.fence, VK_TRUE, UINT64_MAX));
  auto acquired = target_.acquire(frame.imageAvailable);
  if (!acquired.ok()) return acquired.error();
  if (!acquired->has_value()) {
    stats_ = {};
    stats_.skipped = true;
    return {};
  }
  const AcquiredImage img = **acquired;
  // a failure from here on leaves the acquire semaphore signalled with nobody waiting: replace it
  const auto abandon = [&](core::Error error) -> core::Status {
    if (img.wait) {
      vkDeviceWaitIdle(dev);
      vkDestroySemaphore(dev, frame.imageAvailable, nullptr);
      frame.imageAvailable = VK_NULL_HANDLE;
      VkSemaphoreCreateInfo sci{VK_STRUCTURE_TYPE_SEMAPHORE_CREATE_INFO};
      vkCreateSemaphore(dev, &sci, nullptr, &frame.imageAvailable);
    }
    return error;
  };
  if (auto s = ensureFramebuffers(); !s.ok()) return abandon(s.error());

  // read-back buffer sized for this target
  const VkExtent2D extent = target_.extent();
  const VkDeviceSize captureBytes = VkDeviceSize{extent.width} * extent.height * 4;
  if (capture && frame.readback.size() < captureBytes) {
    auto buf = GpuBuffer::create(ctx_, captureBytes, VK_BUFFER_USAGE_TRANSFER_DST_BIT, true);
    if (!buf.ok()) return abandon(buf.error());
    frame.readback = std::move(*buf);
  }
  if (auto s = recordFrame(frame, desc, img.index, capture != nullptr); !s.ok())
    return abandon(s.error());

  // submit, signalling the frame's fence and, for presenting targets, the render-done semaphore
  PRACTICUM_VK_TRY(vkResetFences(dev, 1, &frame.fence));
  const VkPipelineStageFlags waitStage = VK_PIPELINE_STAGE_COLOR_ATTACHMENT_OUTPUT_BIT;
  VkSubmitInfo si{VK_STRUCTURE_TYPE_SUBMIT_INFO};
  if (img.wait) {
    si.waitSemaphoreCount = 1;
    si.pWaitSemaphores = &img.wait;
    si.pWaitDstStageMask = &waitStage;
  }
  si.commandBufferCount = 1;
  si.pCommandBuffers = &frame.cmd;
  const VkSemaphore done = renderDone_[img.index];
  if (target_.presents()) {
    si.signalSemaphoreCount = 1;
    si.pSignalSemaphores = &done;
  }
  PRACTICUM_VK_TRY(vkQueueSubmit(ctx_.queue(), 1, &si, frame.fence));
  frameIndex_ = (frameIndex_ + 1) % static_cast<std::uint32_t>(frames_.size());

  // copy the pixels out once the GPU is done with them
  if (capture) {
    PRACTICUM_VK_TRY(vkWaitForFences(dev, 1, &frame.fence, VK_TRUE, UINT64_MAX));
    capture->width = extent.width;
    capture->height = extent.height;
    capture->rgba.resize(captureBytes);
    std::memcpy(capture->rgba.data(), frame.readback.mapped(), captureBytes);
    const VkFormat f = target_.format();
    if (f == VK_FORMAT_B8G8R8A8_SRGB || f == VK_FORMAT_B8G8R8A8_UNORM)
      for (std::size_t i = 0; i < capture->rgba.size(); i += 4)
        std::swap(capture->rgba[i], capture->rgba[i + 2]);
    for (std::size_t i = 3; i < capture->rgba.size(); i += 4) capture->rgba[i] = 255;
  }
  return target_.present(img.index, target_.presents() ? done : VK_NULL_HANDLE);
}

}  // namespace practicum::render
