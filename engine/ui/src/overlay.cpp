#include <practicum/ui/overlay.hpp>

#include <filesystem>

#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_vulkan.h>
#include <imgui_internal.h>

#include <practicum/core/log.hpp>

namespace practicum::ui {

namespace {
bool g_alive = false;  // ImGui backends hold global state: one overlay at a time

void checkVk(VkResult r) {
  if (r != VK_SUCCESS) core::logError("imgui vulkan backend: VkResult " + std::to_string(r));
}
}  // namespace

std::string findCjkFont() {
  for (const char* p : {"/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
                        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
                        "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"})
    if (std::filesystem::exists(p)) return p;
  return {};
}

core::Result<std::unique_ptr<Overlay>> Overlay::create(const render::Context& context,
                                                       render::Renderer& renderer,
                                                       const OverlayOptions& options) {
  if (g_alive)
    return core::makeError(core::ErrorCode::InvalidArgument, "only one UI overlay may exist");
  std::unique_ptr<Overlay> o(new Overlay(renderer));
  o->device_ = context.device();
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  g_alive = true;
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // no imgui.ini written into the user's folder
  ImGui::StyleColorsDark();
  ImGui::GetStyle().WindowRounding = 4.0f;

  // fonts: one with CJK glyphs (it has Latin too) so that the language can change at run
  // time; ImGui's own font when none is installed. The glyph ranges live until the atlas is
  // built below.
  const std::string cjk = findCjkFont();
  ImFontGlyphRangesBuilder glyphs;
  glyphs.AddRanges(io.Fonts->GetGlyphRangesChineseSimplifiedCommon());
  glyphs.AddText(everyText().c_str());
  glyphs.AddText(options.glyphText.c_str());
  ImVector<ImWchar> ranges;
  glyphs.BuildRanges(&ranges);
  if (!cjk.empty() &&
      io.Fonts->AddFontFromFileTTF(cjk.c_str(), options.fontSize, nullptr, ranges.Data)) {
    o->cjk_ = true;
  } else {
    if (options.language == Language::ChineseSimplified)
      core::logWarning(
          "no CJK font found (install fonts-wqy-microhei); Chinese text will not display");
    io.Fonts->AddFontDefault();
  }

  // a descriptor pool for the font texture
  const VkDescriptorPoolSize size{VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, 8};
  VkDescriptorPoolCreateInfo dpci{VK_STRUCTURE_TYPE_DESCRIPTOR_POOL_CREATE_INFO};
  dpci.flags = VK_DESCRIPTOR_POOL_CREATE_FREE_DESCRIPTOR_SET_BIT;
  dpci.maxSets = 8;
  dpci.poolSizeCount = 1;
  dpci.pPoolSizes = &size;
  if (const VkResult r = vkCreateDescriptorPool(o->device_, &dpci, nullptr, &o->pool_);
      r != VK_SUCCESS)
    return core::makeError(core::ErrorCode::Device,
                           "UI descriptor pool: VkResult " + std::to_string(r));

  // platform backend (input) only with a window
  if (options.window) {
    ImGui_ImplGlfw_InitForVulkan(options.window->handle(), true);
    o->glfw_ = true;
  }

  // renderer backend
  ImGui_ImplVulkan_InitInfo info{};
  info.Instance = context.instance();
  info.PhysicalDevice = context.physicalDevice();
  info.Device = context.device();
  info.QueueFamily = context.queueFamily();
  info.Queue = context.queue();
  info.DescriptorPool = o->pool_;
  info.MinImageCount = 2;
  info.ImageCount = renderer.framesInFlight() + 1;
  info.MSAASamples = VK_SAMPLE_COUNT_1_BIT;
  info.CheckVkResultFn = checkVk;
  if (!ImGui_ImplVulkan_Init(&info, renderer.renderPass()))
    return core::makeError(core::ErrorCode::Device, "cannot initialise the UI renderer");
  o->vulkan_ = true;
  auto uploaded =
      context.runOneShot([](VkCommandBuffer cmd) { ImGui_ImplVulkan_CreateFontsTexture(cmd); });
  if (!uploaded.ok()) return uploaded.error();
  ImGui_ImplVulkan_DestroyFontUploadObjects();

  // the renderer draws whatever the current UI frame holds, inside its pass
  Overlay* self = o.get();
  renderer.setOverlay([self](VkCommandBuffer cmd) {
    if (!self->frameOpen_) return;
    ImGui::Render();
    self->frameOpen_ = false;
    ImGui_ImplVulkan_RenderDrawData(ImGui::GetDrawData(), cmd);
  });
  return o;
}

Overlay::~Overlay() {
  renderer_.setOverlay({});
  renderer_.waitIdle();
  if (frameOpen_) ImGui::EndFrame();
  if (vulkan_) ImGui_ImplVulkan_Shutdown();
  if (glfw_) ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  if (pool_) vkDestroyDescriptorPool(device_, pool_, nullptr);
  g_alive = false;
}

void Overlay::newFrame(float width, float height, float deltaSeconds) {
  if (frameOpen_) ImGui::EndFrame();  // previous frame was never drawn (e.g. minimised)
  ImGui_ImplVulkan_NewFrame();
  if (glfw_) {
    ImGui_ImplGlfw_NewFrame();
  } else {
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(width, height);
    io.DeltaTime = deltaSeconds > 0 ? deltaSeconds : 1.0f / 60.0f;
  }
  ImGui::NewFrame();
  frameOpen_ = true;
}

void Overlay::discardFrame() {
  if (!frameOpen_) return;
  ImGui::EndFrame();
  frameOpen_ = false;
}

std::vector<std::uint32_t> Overlay::missingGlyphs(std::string_view utf8) const {
  std::vector<std::uint32_t> missing;
  const ImFont* font = ImGui::GetIO().Fonts->Fonts[0];
  const std::string text(utf8);
  for (const char* p = text.c_str(); *p;) {
    unsigned int c = 0;
    p += ImTextCharFromUtf8(&c, p, nullptr);
    if (c <= ' ') continue;
    // beyond what ImWchar holds, ImGui reads the replacement character: it cannot draw it
    if (c == IM_UNICODE_CODEPOINT_INVALID || !font->FindGlyphNoFallback(static_cast<ImWchar>(c)))
      missing.push_back(c);
  }
  return missing;
}

bool Overlay::wantsMouse() const { return ImGui::GetIO().WantCaptureMouse; }
bool Overlay::wantsKeyboard() const { return ImGui::GetIO().WantCaptureKeyboard; }

}  // namespace practicum::ui
