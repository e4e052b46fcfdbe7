#include <practicum/ui/overlay.hpp>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <filesystem>
#include <set>

#include <imgui.h>
#include <imgui_impl_vulkan.h>
#include <imgui_internal.h>

#include <practicum/core/log.hpp>

#include "ui_map.hpp"

namespace practicum::ui {

namespace {
bool g_alive = false;  // ImGui backends hold global state: one overlay at a time

void checkVk(VkResult r) {
  if (r != VK_SUCCESS) core::logError("imgui vulkan backend: VkResult " + std::to_string(r));
}

using render::InputEvent;

// keys whose order against typed text matters in a text field
bool editingKey(const InputEvent& e) {
  if (e.mods & (render::kModControl | render::kModAlt | render::kModSuper)) return true;
  switch (e.code) {
    case render::kKeyBackspace:
    case render::kKeyDelete:
    case render::kKeyEnter:
    case render::kKeyPadEnter:
    case render::kKeyTab:
    case render::kKeyLeft:
    case render::kKeyRight:
    case render::kKeyUp:
    case render::kKeyDown:
    case render::kKeyHome:
    case render::kKeyEnd:
    case render::kKeyPageUp:
    case render::kKeyPageDown:
    case render::kKeyEscape:
    case render::kKeyInsert: return true;
    default: return false;
  }
}

// ImGui's own key codes for navigation and editing: GLFW's (as its GLFW backend maps them)
void mapKeys(ImGuiIO& io) {
  io.KeyMap[ImGuiKey_Tab] = render::kKeyTab;
  io.KeyMap[ImGuiKey_LeftArrow] = render::kKeyLeft;
  io.KeyMap[ImGuiKey_RightArrow] = render::kKeyRight;
  io.KeyMap[ImGuiKey_UpArrow] = render::kKeyUp;
  io.KeyMap[ImGuiKey_DownArrow] = render::kKeyDown;
  io.KeyMap[ImGuiKey_PageUp] = render::kKeyPageUp;
  io.KeyMap[ImGuiKey_PageDown] = render::kKeyPageDown;
  io.KeyMap[ImGuiKey_Home] = render::kKeyHome;
  io.KeyMap[ImGuiKey_End] = render::kKeyEnd;
  io.KeyMap[ImGuiKey_Insert] = render::kKeyInsert;
  io.KeyMap[ImGuiKey_Delete] = render::kKeyDelete;
  io.KeyMap[ImGuiKey_Backspace] = render::kKeyBackspace;
  io.KeyMap[ImGuiKey_Space] = render::kKeySpace;
  io.KeyMap[ImGuiKey_Enter] = render::kKeyEnter;
  io.KeyMap[ImGuiKey_Escape] = render::kKeyEscape;
  io.KeyMap[ImGuiKey_KeyPadEnter] = render::kKeyPadEnter;
  io.KeyMap[ImGuiKey_A] = render::kKeyA;
  io.KeyMap[ImGuiKey_C] = render::kKeyC;
  io.KeyMap[ImGuiKey_V] = render::kKeyV;
  io.KeyMap[ImGuiKey_X] = 'X';
  io.KeyMap[ImGuiKey_Y] = render::kKeyY;
  io.KeyMap[ImGuiKey_Z] = render::kKeyZ;
}

// one event into ImGui's input state
void feed(ImGuiIO& io, const InputEvent& e, bool captured) {
  switch (e.kind) {
    case InputEvent::Kind::CursorMove:
      io.MousePos = captured ? ImVec2(-FLT_MAX, -FLT_MAX) : ImVec2(e.x, e.y);
      break;
    case InputEvent::Kind::ButtonDown:
    case InputEvent::Kind::ButtonUp:
      if (!captured) io.MousePos = ImVec2(e.x, e.y);
      if (e.code >= 0 && e.code < IM_ARRAYSIZE(io.MouseDown))
        io.MouseDown[e.code] = e.kind == InputEvent::Kind::ButtonDown;
      break;
    case InputEvent::Kind::KeyDown:
    case InputEvent::Kind::KeyUp:
      if (e.code >= 0 && e.code < IM_ARRAYSIZE(io.KeysDown))
        io.KeysDown[e.code] = e.kind == InputEvent::Kind::KeyDown;
      io.KeyCtrl = io.KeysDown[render::kKeyLeftControl] || io.KeysDown[render::kKeyRightControl];
      io.KeyShift = io.KeysDown[render::kKeyLeftShift] || io.KeysDown[render::kKeyRightShift];
      io.KeyAlt = io.KeysDown[render::kKeyLeftAlt] || io.KeysDown[render::kKeyRightAlt];
      io.KeySuper = io.KeysDown[render::kKeyLeftSuper] || io.KeysDown[render::kKeyRightSuper];
      break;
    case InputEvent::Kind::Text:
      if (e.codepoint > 0 && e.codepoint <= IM_UNICODE_CODEPOINT_MAX)
        io.AddInputCharacter(e.codepoint);
      break;
    case InputEvent::Kind::Scroll:
      io.MouseWheelH += e.x;
      io.MouseWheel += e.y;
      break;
  }
}

const char* getClipboard(void* window) {
  static std::string text;  // ImGui copies it before the next call
  text = static_cast<render::Window*>(window)->clipboard();
  return text.c_str();
}
void setClipboard(void* window, const char* text) {
  static_cast<render::Window*>(window)->setClipboard(text ? text : "");
}
}  // namespace

// Shift, Ctrl, Alt and Super, left or right
bool modifierKey(int code) {
  switch (code) {
    case render::kKeyLeftShift:
    case render::kKeyRightShift:
    case render::kKeyLeftControl:
    case render::kKeyRightControl:
    case render::kKeyLeftAlt:
    case render::kKeyRightAlt:
    case render::kKeyLeftSuper:
    case render::kKeyRightSuper: return true;
    default: return false;
  }
}

std::size_t eventsForOneFrame(std::span<const render::InputEvent> pending) {
  std::uint32_t buttons = 0;  // buttons that changed
  std::set<int> keys;         // keys that changed
  bool typed = false, edited = false;
  bool pressed = false;  // a key (not a modifier) or a button went down
  std::size_t n = 0;
  for (; n < pending.size(); ++n) {
    const InputEvent& e = pending[n];
    bool fits = true;
    switch (e.kind) {
      case InputEvent::Kind::CursorMove: fits = buttons == 0; break;
      case InputEvent::Kind::ButtonDown:
      case InputEvent::Kind::ButtonUp: {
        const std::uint32_t bit = 1u << std::clamp(e.code, 0, 31);
        fits = !(buttons & bit);
        buttons |= bit;
        pressed = pressed || e.kind == InputEvent::Kind::ButtonDown;
        break;
      }
      case InputEvent::Kind::KeyDown:
      case InputEvent::Kind::KeyUp: {
        const bool editing = editingKey(e);
        const bool modifier = modifierKey(e.code);
        // a chord (Ctrl+A, Ctrl+click) is seen whole: a modifier let go in the frame that
        // pressed a key or a button under it waits for the next frame
        fits = !keys.count(e.code) && !(editing && typed) &&
               !(modifier && e.kind == InputEvent::Kind::KeyUp && pressed);
        keys.insert(e.code);
        edited = edited || editing;
        pressed = pressed || (!modifier && e.kind == InputEvent::Kind::KeyDown);
        break;
      }
      case InputEvent::Kind::Text:
        fits = !edited;
        typed = true;
        break;
      case InputEvent::Kind::Scroll: break;
    }
    if (!fits) break;
  }
  return std::max<std::size_t>(n, pending.empty() ? 0 : 1);
}

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

  // input comes from the window's events (newFrame); the clipboard is the window system's
  o->window_ = options.window;
  mapKeys(io);
  io.BackendPlatformName = "practicum";
  if (o->window_) {
    io.ClipboardUserData = o->window_;
    io.GetClipboardTextFn = getClipboard;
    io.SetClipboardTextFn = setClipboard;
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
  detail::startUiMap(options.uiMap);
  renderer.setOverlay([self](VkCommandBuffer cmd) {
    if (!self->frameOpen_) return;
    ImGui::Render();
    detail::endUiMapFrame();
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
  ImGui::DestroyContext();
  detail::startUiMap({});
  if (pool_) vkDestroyDescriptorPool(device_, pool_, nullptr);
  g_alive = false;
}

std::vector<render::InputEvent> Overlay::newFrame(float width, float height, float deltaSeconds,
                                                  std::span<const render::InputEvent> events) {
  if (frameOpen_) ImGui::EndFrame();  // previous frame was never drawn (e.g. minimised)
  ImGui_ImplVulkan_NewFrame();
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(width, height);
  io.DisplayFramebufferScale = ImVec2(1, 1);
  io.DeltaTime = deltaSeconds > 0 ? deltaSeconds : 1.0f / 60.0f;

  // this frame's share of the events, in order
  pending_.insert(pending_.end(), events.begin(), events.end());
  const std::vector<render::InputEvent> waiting(pending_.begin(), pending_.end());
  const std::size_t n = eventsForOneFrame(waiting);
  std::vector<render::InputEvent> fed(waiting.begin(), waiting.begin() + std::ptrdiff_t(n));
  pending_.erase(pending_.begin(), pending_.begin() + std::ptrdiff_t(n));
  const bool captured = window_ && window_->cursorCaptured();
  for (const auto& e : fed) feed(io, e, captured);
  if (captured) io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);

  // a press outside an open menu or list (not a modal dialog), and off the row of what opened
  // it, closes it before the frame, so the press is the press it is: ImGui alone would spend it
  // on the closing, and the person clicks twice
  if (ImGuiContext* g = ImGui::GetCurrentContext();
      !g->OpenPopupStack.empty() && !ImGui::GetTopMostPopupModal() && !captured) {
    // the window under a point, as the last frame left them (the topmost shown)
    const auto windowAt = [&](ImVec2 at) -> const ImGuiWindow* {
      for (int i = g->Windows.Size - 1; i >= 0; --i) {
        const ImGuiWindow* w = g->Windows[i];
        if (w->WasActive && !w->Hidden && w->Rect().Contains(at)) return w->RootWindow;
      }
      return nullptr;
    };
    const auto outsideEveryPopup = [&](ImVec2 at) {
      const ImGuiWindow* under = windowAt(at);
      for (const ImGuiPopupData& popup : g->OpenPopupStack) {
        if (!popup.Window || popup.Window->Rect().Contains(at)) return false;
        // on the row of what opened it (the menu bar, the list's own header): ImGui's to
        // handle, so that a second click there closes it and the menu bar switches menus
        const float row = g->FontSize + g->Style.FramePadding.y * 2;
        if (under == windowAt(popup.OpenMousePos) && std::abs(at.y - popup.OpenMousePos.y) < row)
          return false;
      }
      return true;
    };
    const bool pressedOutside = std::any_of(fed.begin(), fed.end(), [&](const InputEvent& e) {
      return e.kind == InputEvent::Kind::ButtonDown && outsideEveryPopup(ImVec2(e.x, e.y));
    });
    if (pressedOutside) {
      // and the focus goes where the press is, or the closed popup would still hold it
      ImGui::ClosePopupToLevel(0, false);
      ImGui::FocusWindow(nullptr);
    }
  }
  ImGui::NewFrame();
  detail::beginUiMapFrame();
  frameOpen_ = true;
  return fed;
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
