// Headless frame time of the bundled workbench scenario at 1280x720, next to the bare floor:
// a minimal frame (clear + one instanced draw of as many tiny one-colour triangles, no depth, no
// lighting) measured by the same harness on the same device. Each iteration waits for the GPU,
// so the times are whole frames. Prints the ratio scene / floor at the end.
// The player's frame: the substation scenario as `practicum run` draws it (device looks, labels,
// the practice HUD through Dear ImGui), with the shadow map at 0 (off), 1024 and 2048 texels.
#include <benchmark/benchmark.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <map>
#include <memory>
#include <vector>

#include <practicum/render/context.hpp>
#include <practicum/render/offscreen_target.hpp>
#include <practicum/render/renderer.hpp>
#include <practicum/shaders/shaders.hpp>
#include <practicum/sim/session.hpp>
#include <practicum/sim/simulation.hpp>
#include <practicum/ui/hud.hpp>
#include <practicum/ui/overlay.hpp>

#include <practicum/present/hud_model.hpp>
#include <practicum/present/scene_presenter.hpp>
#include <practicum/present/scene_view.hpp>

namespace {

using namespace practicum;
constexpr std::uint32_t kWidth = 1280, kHeight = 720;

// shared device and target for both benchmarks
struct Shared {
  std::unique_ptr<render::Context> ctx;
  std::unique_ptr<render::OffscreenTarget> target;
  std::string error;
  std::uint64_t sceneTriangles = 0;
  double sceneMs = 0, floorMs = 0;
  std::vector<std::pair<std::uint32_t, double>> playerMs;  // (shadow map size, ms per frame)
};
Shared& shared() {
  static Shared s = [] {
    Shared r;
    auto ctx = render::Context::create({});
    if (!ctx.ok()) {
      r.error = ctx.error().message;
      return r;
    }
    r.ctx = std::move(*ctx);
    auto target = render::OffscreenTarget::create(*r.ctx, kWidth, kHeight);
    if (!target.ok())
      r.error = target.error().message;
    else
      r.target = std::move(*target);
    return r;
  }();
  return s;
}

double msPerIteration(const benchmark::State& state, std::chrono::steady_clock::duration total) {
  return std::chrono::duration<double, std::milli>(total).count() /
         double(std::max<benchmark::IterationCount>(state.iterations(), 1));
}

void BM_WorkbenchFrame(benchmark::State& state) {
  Shared& s = shared();
  if (!s.error.empty()) return state.SkipWithError(s.error.c_str());
  auto sim = sim::Simulation::load(PRACTICUM_SOURCE_DIR "/scenarios/workbench");
  if (!sim.ok()) return state.SkipWithError(sim.error().message.c_str());
  while ((*sim)->time() < 3.0) (*sim)->step();
  auto renderer = render::Renderer::create(*s.ctx, *s.target, {1});
  if (!renderer.ok()) return state.SkipWithError(renderer.error().message.c_str());
  auto view = present::SceneView::create(**renderer, **sim);
  if (!view.ok()) return state.SkipWithError(view.error().message.c_str());
  const auto camera =
      render::makeCameraView((*sim)->definition().scene.camera, float(kWidth) / float(kHeight));

  const auto start = std::chrono::steady_clock::now();
  for (auto _ : state) {
    if (auto drawn = (*renderer)->drawFrame((*view)->frame(**sim, camera)); !drawn.ok())
      return state.SkipWithError(drawn.error().message.c_str());
    (*renderer)->waitIdle();
  }
  s.sceneMs = msPerIteration(state, std::chrono::steady_clock::now() - start);
  s.sceneTriangles = (*renderer)->lastFrameStats().triangles;
  state.counters["triangles"] = double(s.sceneTriangles);
  state.counters["draws"] = double((*renderer)->lastFrameStats().drawCalls);
}

// the player's whole frame: presenter, HUD, shadow pass, scene, UI
void BM_SubstationPlayerFrame(benchmark::State& state) {
  Shared& s = shared();
  if (!s.error.empty()) return state.SkipWithError(s.error.c_str());
  const auto shadowSize = static_cast<std::uint32_t>(state.range(0));
  auto session = sim::Session::load(PRACTICUM_SOURCE_DIR "/scenarios/substation-switching");
  if (!session.ok()) return state.SkipWithError(session.error().message.c_str());
  sim::Session& sess = **session;
  sess.step({});
  render::RendererOptions ro;
  ro.framesInFlight = 1;
  ro.shadowMapSize = shadowSize;
  auto renderer = render::Renderer::create(*s.ctx, *s.target, ro);
  if (!renderer.ok()) return state.SkipWithError(renderer.error().message.c_str());
  auto view = present::SceneView::create(**renderer, sess.simulation());
  if (!view.ok()) return state.SkipWithError(view.error().message.c_str());
  ui::OverlayOptions oo;
  oo.glyphText = present::scenarioGlyphs(sess.definition());
  auto overlay = ui::Overlay::create(*s.ctx, **renderer, oo);
  if (!overlay.ok()) return state.SkipWithError(overlay.error().message.c_str());
  const scene::Camera eye = sess.definition().scene.camera;
  const auto camera = render::makeCameraView(eye, float(kWidth) / float(kHeight));

  const auto start = std::chrono::steady_clock::now();
  for (auto _ : state) {
    const ui::HudModel hud = present::makeHud(sess, ui::Language::English);
    (*overlay)->newFrame(float(kWidth), float(kHeight), 1.0f / 60);
    present::drawSessionOverlay(sess, hud, camera, VkRect2D{{0, 0}, {kWidth, kHeight}},
                                {true, false, false, s.ctx->deviceDescription(), 16.0});
    const auto looks = present::entityLooks(sess, hud, eye, {});
    if (auto drawn = (*renderer)->drawFrame((*view)->frame(sess.simulation(), camera, looks));
        !drawn.ok())
      return state.SkipWithError(drawn.error().message.c_str());
    (*renderer)->waitIdle();
  }
  s.playerMs.emplace_back(shadowSize,
                          msPerIteration(state, std::chrono::steady_clock::now() - start));
  state.counters["draws"] = double((*renderer)->lastFrameStats().drawCalls);
}

// the floor: raw Vulkan, the least a frame with this many triangles can cost
void BM_BareFloorFrame(benchmark::State& state) {
  Shared& s = shared();
  if (!s.error.empty()) return state.SkipWithError(s.error.c_str());
  const VkDevice dev = s.ctx->device();
  const std::uint32_t triangles = s.sceneTriangles ? std::uint32_t(s.sceneTriangles) : 10000;

  // render pass: one colour attachment, cleared
  VkAttachmentDescription att{};
  att.format = s.target->format();
  att.samples = VK_SAMPLE_COUNT_1_BIT;
  att.loadOp = VK_ATTACHMENT_LOAD_OP_CLEAR;
  att.storeOp = VK_ATTACHMENT_STORE_OP_STORE;
  att.stencilLoadOp = VK_ATTACHMENT_LOAD_OP_DONT_CARE;
  att.stencilStoreOp = VK_ATTACHMENT_STORE_OP_DONT_CARE;
  att.initialLayout = VK_IMAGE_LAYOUT_UNDEFINED;
  att.finalLayout = VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL;
  VkAttachmentReference ref{0, VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL};
  VkSubpassDescription sub{};
  sub.pipelineBindPoint = VK_PIPELINE_BIND_POINT_GRAPHICS;
  sub.colorAttachmentCount = 1;
  sub.pColorAttachments = &ref;
  VkRenderPassCreateInfo rpci{VK_STRUCTURE_TYPE_RENDER_PASS_CREATE_INFO};
  rpci.attachmentCount = 1;
  rpci.pAttachments = &att;
  rpci.subpassCount = 1;
  rpci.pSubpasses = &sub;
  VkRenderPass pass{};
  vkCreateRenderPass(dev, &rpci, nullptr, &pass);
  VkImageView view = s.target->view(0);
  VkFramebufferCreateInfo fci{VK_STRUCTURE_TYPE_FRAMEBUFFER_CREATE_INFO};
  fci.renderPass = pass;
  fci.attachmentCount = 1;
  fci.pAttachments = &view;
  fci.width = kWidth;
  fci.height = kHeight;
  fci.layers = 1;
  VkFramebuffer fb{};
  vkCreateFramebuffer(dev, &fci, nullptr, &fb);

  // pipeline: flat colour, no depth, no culling
  VkShaderModule mods[2]{};
  const char* names[2] = {"flat.vert", "flat.frag"};
  for (int i = 0; i < 2; ++i) {
    const auto code = shaders::spirv(names[i]);
    VkShaderModuleCreateInfo smci{VK_STRUCTURE_TYPE_SHADER_MODULE_CREATE_INFO};
    smci.codeSize = code.size_bytes();
    smci.pCode = code.data();
    vkCreateShaderModule(dev, &smci, nullptr, &mods[i]);
  }
  VkPipelineShaderStageCreateInfo stages[2]{};
  for (int i = 0; i < 2; ++i) {
    stages[i].sType = VK_STRUCTURE_TYPE_PIPELINE_SHADER_STAGE_CREATE_INFO;
    stages[i].stage = i == 0 ? VK_SHADER_STAGE_VERTEX_BIT : VK_SHADER_STAGE_FRAGMENT_BIT;
    stages[i].module = mods[i];
    stages[i].pName = "main";
  }
  VkVertexInputBindingDescription binds[2] = {{0, 8, VK_VERTEX_INPUT_RATE_VERTEX},
                                              {1, 8, VK_VERTEX_INPUT_RATE_INSTANCE}};
  VkVertexInputAttributeDescription attrs[2] = {{0, 0, VK_FORMAT_R32G32_SFLOAT, 0},
                                                {1, 1, VK_FORMAT_R32G32_SFLOAT, 0}};
  VkPipelineVertexInputStateCreateInfo vi{
      VK_STRUCTURE_TYPE_PIPELINE_VERTEX_INPUT_STATE_CREATE_INFO};
  vi.vertexBindingDescriptionCount = 2;
  vi.pVertexBindingDescriptions = binds;
  vi.vertexAttributeDescriptionCount = 2;
  vi.pVertexAttributeDescriptions = attrs;
  VkPipelineInputAssemblyStateCreateInfo ia{
      VK_STRUCTURE_TYPE_PIPELINE_INPUT_ASSEMBLY_STATE_CREATE_INFO};
  ia.topology = VK_PRIMITIVE_TOPOLOGY_TRIANGLE_LIST;
  VkViewport vp{0, 0, float(kWidth), float(kHeight), 0, 1};
  VkRect2D sc{{0, 0}, {kWidth, kHeight}};
  VkPipelineViewportStateCreateInfo vps{VK_STRUCTURE_TYPE_PIPELINE_VIEWPORT_STATE_CREATE_INFO};
  vps.viewportCount = 1;
  vps.pViewports = &vp;
  vps.scissorCount = 1;
  vps.pScissors = &sc;
  VkPipelineRasterizationStateCreateInfo rs{
      VK_STRUCTURE_TYPE_PIPELINE_RASTERIZATION_STATE_CREATE_INFO};
  rs.lineWidth = 1;
  VkPipelineMultisampleStateCreateInfo ms{VK_STRUCTURE_TYPE_PIPELINE_MULTISAMPLE_STATE_CREATE_INFO};
  ms.rasterizationSamples = VK_SAMPLE_COUNT_1_BIT;
  VkPipelineColorBlendAttachmentState cba{};
  cba.colorWriteMask = 0xf;
  VkPipelineColorBlendStateCreateInfo cb{VK_STRUCTURE_TYPE_PIPELINE_COLOR_BLEND_STATE_CREATE_INFO};
  cb.attachmentCount = 1;
  cb.pAttachments = &cba;
  VkPipelineLayoutCreateInfo plci{VK_STRUCTURE_TYPE_PIPELINE_LAYOUT_CREATE_INFO};
  VkPipelineLayout layout{};
  vkCreatePipelineLayout(dev, &plci, nullptr, &layout);
  VkGraphicsPipelineCreateInfo gp{VK_STRUCTURE_TYPE_GRAPHICS_PIPELINE_CREATE_INFO};
  gp.stageCount = 2;
  gp.pStages = stages;
  gp.pVertexInputState = &vi;
  gp.pInputAssemblyState = &ia;
  gp.pViewportState = &vps;
  gp.pRasterizationState = &rs;
  gp.pMultisampleState = &ms;
  gp.pColorBlendState = &cb;
  gp.layout = layout;
  gp.renderPass = pass;
  VkPipeline pipeline{};
  vkCreateGraphicsPipelines(dev, VK_NULL_HANDLE, 1, &gp, nullptr, &pipeline);

  // geometry: one tiny triangle, instanced over a grid covering the image
  std::vector<float> data = {0, 0, 0.01f, 0, 0, 0.01f};
  const std::uint32_t side = std::uint32_t(std::ceil(std::sqrt(double(triangles))));
  for (std::uint32_t i = 0; i < triangles; ++i) {
    data.push_back(-1.0f + 2.0f * float(i % side) / float(side));
    data.push_back(-1.0f + 2.0f * float(i / side) / float(side));
  }
  VkBufferCreateInfo bci{VK_STRUCTURE_TYPE_BUFFER_CREATE_INFO};
  bci.size = data.size() * sizeof(float);
  bci.usage = VK_BUFFER_USAGE_VERTEX_BUFFER_BIT;
  VkBuffer buffer{};
  vkCreateBuffer(dev, &bci, nullptr, &buffer);
  VkMemoryRequirements req{};
  vkGetBufferMemoryRequirements(dev, buffer, &req);
  VkMemoryAllocateInfo mai{VK_STRUCTURE_TYPE_MEMORY_ALLOCATE_INFO};
  mai.allocationSize = req.size;
  mai.memoryTypeIndex =
      s.ctx->findMemoryType(req.memoryTypeBits, VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT |
                                                    VK_MEMORY_PROPERTY_HOST_COHERENT_BIT);
  VkDeviceMemory memory{};
  vkAllocateMemory(dev, &mai, nullptr, &memory);
  vkBindBufferMemory(dev, buffer, memory, 0);
  void* mapped = nullptr;
  vkMapMemory(dev, memory, 0, VK_WHOLE_SIZE, 0, &mapped);
  std::memcpy(mapped, data.data(), data.size() * sizeof(float));

  // one command buffer recorded once, submitted every iteration
  VkCommandPoolCreateInfo pci{VK_STRUCTURE_TYPE_COMMAND_POOL_CREATE_INFO};
  pci.queueFamilyIndex = s.ctx->queueFamily();
  VkCommandPool pool{};
  vkCreateCommandPool(dev, &pci, nullptr, &pool);
  VkCommandBufferAllocateInfo cai{VK_STRUCTURE_TYPE_COMMAND_BUFFER_ALLOCATE_INFO};
  cai.commandPool = pool;
  cai.commandBufferCount = 1;
  VkCommandBuffer cmd{};
  vkAllocateCommandBuffers(dev, &cai, &cmd);
  VkCommandBufferBeginInfo cbi{VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO};
  vkBeginCommandBuffer(cmd, &cbi);
  VkClearValue clear{};
  clear.color = {{0.1f, 0.1f, 0.1f, 1}};
  VkRenderPassBeginInfo rbi{VK_STRUCTURE_TYPE_RENDER_PASS_BEGIN_INFO};
  rbi.renderPass = pass;
  rbi.framebuffer = fb;
  rbi.renderArea = sc;
  rbi.clearValueCount = 1;
  rbi.pClearValues = &clear;
  vkCmdBeginRenderPass(cmd, &rbi, VK_SUBPASS_CONTENTS_INLINE);
  vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, pipeline);
  const VkBuffer bufs[2] = {buffer, buffer};
  const VkDeviceSize offs[2] = {0, 6 * sizeof(float)};
  vkCmdBindVertexBuffers(cmd, 0, 2, bufs, offs);
  vkCmdDraw(cmd, 3, triangles, 0, 0);
  vkCmdEndRenderPass(cmd);
  vkEndCommandBuffer(cmd);
  VkFenceCreateInfo fenceInfo{VK_STRUCTURE_TYPE_FENCE_CREATE_INFO};
  VkFence fence{};
  vkCreateFence(dev, &fenceInfo, nullptr, &fence);

  const auto start = std::chrono::steady_clock::now();
  for (auto _ : state) {
    VkSubmitInfo si{VK_STRUCTURE_TYPE_SUBMIT_INFO};
    si.commandBufferCount = 1;
    si.pCommandBuffers = &cmd;
    vkQueueSubmit(s.ctx->queue(), 1, &si, fence);
    vkWaitForFences(dev, 1, &fence, VK_TRUE, UINT64_MAX);
    vkResetFences(dev, 1, &fence);
  }
  s.floorMs = msPerIteration(state, std::chrono::steady_clock::now() - start);
  state.counters["triangles"] = double(triangles);

  vkDeviceWaitIdle(dev);
  vkDestroyFence(dev, fence, nullptr);
  vkDestroyCommandPool(dev, pool, nullptr);
  vkDestroyBuffer(dev, buffer, nullptr);
  vkFreeMemory(dev, memory, nullptr);
  vkDestroyPipeline(dev, pipeline, nullptr);
  vkDestroyPipelineLayout(dev, layout, nullptr);
  for (VkShaderModule m : mods) vkDestroyShaderModule(dev, m, nullptr);
  vkDestroyFramebuffer(dev, fb, nullptr);
  vkDestroyRenderPass(dev, pass, nullptr);
}

BENCHMARK(BM_WorkbenchFrame)->Unit(benchmark::kMillisecond)->MinTime(2.0)->UseRealTime();
BENCHMARK(BM_BareFloorFrame)->Unit(benchmark::kMillisecond)->MinTime(2.0)->UseRealTime();
BENCHMARK(BM_SubstationPlayerFrame)
    ->Arg(0)
    ->Arg(1024)
    ->Arg(2048)
    ->Unit(benchmark::kMillisecond)
    ->MinTime(2.0)
    ->UseRealTime();

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  Shared& s = shared();
  if (s.sceneMs > 0 && s.floorMs > 0) {
    std::printf("\ndevice: %s, %ux%u\n", s.ctx->deviceDescription().c_str(), kWidth, kHeight);
    std::printf("workbench frame %.2f ms (%.0f fps), bare floor %.2f ms: ratio %.2f\n", s.sceneMs,
                1000.0 / s.sceneMs, s.floorMs, s.sceneMs / s.floorMs);
    // google benchmark runs each case more than once while it sizes the iterations: the last run
    // of each shadow map size is the measurement
    std::map<std::uint32_t, double> last;
    for (const auto& entry : s.playerMs) last[entry.first] = entry.second;
    for (const auto& [size, ms] : last)
      std::printf("substation player frame (HUD, shadow map %u): %.2f ms (%.0f fps), ratio %.2f\n",
                  size, ms, 1000.0 / ms, ms / s.floorMs);
  }
  s.target.reset();
  s.ctx.reset();
  benchmark::Shutdown();
  return 0;
}
