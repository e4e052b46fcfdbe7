#include <practicum/render/window.hpp>

#include <algorithm>
#include <cctype>
#include <optional>
#include <utility>

#define GLFW_INCLUDE_VULKAN
#include <GLFW/glfw3.h>

#include "vk_check.hpp"

namespace practicum::render {

namespace {
int g_glfwUsers = 0;  // windows alive; GLFW is terminated with the last one

// keys by name, as input scripts spell them (letters and digits are their own names)
struct NamedKey {
  const char* name;
  int key;
};
constexpr NamedKey kNamedKeys[] = {
    {"Space", kKeySpace},
    {"Escape", kKeyEscape},
    {"Enter", kKeyEnter},
    {"Tab", kKeyTab},
    {"Backspace", kKeyBackspace},
    {"Insert", kKeyInsert},
    {"Delete", kKeyDelete},
    {"Right", kKeyRight},
    {"Left", kKeyLeft},
    {"Down", kKeyDown},
    {"Up", kKeyUp},
    {"PageUp", kKeyPageUp},
    {"PageDown", kKeyPageDown},
    {"Home", kKeyHome},
    {"End", kKeyEnd},
    {"KeypadEnter", kKeyPadEnter},
    {"LeftShift", kKeyLeftShift},
    {"LeftCtrl", kKeyLeftControl},
    {"LeftAlt", kKeyLeftAlt},
    {"LeftSuper", kKeyLeftSuper},
    {"RightShift", kKeyRightShift},
    {"RightCtrl", kKeyRightControl},
    {"RightAlt", kKeyRightAlt},
    {"RightSuper", kKeyRightSuper},
    {"Minus", 45},
    {"Period", 46},
    {"Comma", 44},
    {"Slash", 47},
    {"Equal", 61},
    {"Semicolon", 59},
    {"Apostrophe", 39},
    {"LeftBracket", 91},
    {"RightBracket", 93},
    {"Backslash", 92},
    {"GraveAccent", 96},
};

bool equalNoCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  return true;
}
}  // namespace

std::string keyName(int key) {
  if ((key >= 'A' && key <= 'Z') || (key >= '0' && key <= '9')) return std::string(1, char(key));
  if (key >= kKeyF1 && key < kKeyF1 + 12) return "F" + std::to_string(key - kKeyF1 + 1);
  for (const NamedKey& k : kNamedKeys)
    if (k.key == key) return k.name;
  return {};
}

int keyFromName(std::string_view name) {
  if (name.size() == 1) {
    const int c = std::toupper(static_cast<unsigned char>(name[0]));
    if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return c;
  }
  if (name.size() >= 2 && (name[0] == 'F' || name[0] == 'f')) {
    int n = 0;
    for (std::size_t i = 1; i < name.size(); ++i) {
      if (!std::isdigit(static_cast<unsigned char>(name[i]))) {
        n = -1;
        break;
      }
      n = n * 10 + (name[i] - '0');
    }
    if (n >= 1 && n <= 12) return kKeyF1 + n - 1;
  }
  for (const NamedKey& k : kNamedKeys)
    if (equalNoCase(k.name, name)) return k.key;
  return -1;
}

core::Result<std::unique_ptr<Window>> Window::create(const WindowOptions& options) {
  if (g_glfwUsers == 0 && glfwInit() != GLFW_TRUE) {
    const char* description = nullptr;
    glfwGetError(&description);
    return core::makeError(
        core::ErrorCode::Unsupported,
        std::string("cannot open a window: ") + (description ? description : "no display"));
  }
  ++g_glfwUsers;
  std::unique_ptr<Window> w(new Window());
  if (!glfwVulkanSupported())
    return core::makeError(core::ErrorCode::Unsupported,
                           "cannot open a window: GLFW found no Vulkan loader");
  glfwWindowHint(GLFW_CLIENT_API, GLFW_NO_API);
  glfwWindowHint(GLFW_RESIZABLE, GLFW_TRUE);
  w->window_ = glfwCreateWindow(static_cast<int>(options.width), static_cast<int>(options.height),
                                options.title.c_str(), nullptr, nullptr);
  if (w->window_) installCallbacks(w.get());
  if (!w->window_) {
    const char* description = nullptr;
    glfwGetError(&description);
    return core::makeError(
        core::ErrorCode::Unsupported,
        std::string("cannot open a window: ") + (description ? description : "unknown GLFW error"));
  }
  return w;
}

Window::~Window() {
  if (window_) glfwDestroyWindow(window_);
  if (--g_glfwUsers == 0) glfwTerminate();
}

std::vector<std::string> Window::requiredInstanceExtensions() const {
  std::uint32_t count = 0;
  const char** names = glfwGetRequiredInstanceExtensions(&count);
  return std::vector<std::string>(names, names + count);
}

core::Result<VkSurfaceKHR> Window::createSurface(VkInstance instance) const {
  VkSurfaceKHR surface = VK_NULL_HANDLE;
  PRACTICUM_VK_TRY(glfwCreateWindowSurface(instance, window_, nullptr, &surface));
  return surface;
}

void Window::pollEvents() { glfwPollEvents(); }
void Window::waitEvents(double seconds) { glfwWaitEventsTimeout(seconds); }
void Window::resize(std::uint32_t width, std::uint32_t height) {
  glfwSetWindowSize(window_, static_cast<int>(width), static_cast<int>(height));
}

void Window::requestClose() { glfwSetWindowShouldClose(window_, GLFW_TRUE); }
void Window::cancelClose() { glfwSetWindowShouldClose(window_, GLFW_FALSE); }
void Window::setTitle(const std::string& title) { glfwSetWindowTitle(window_, title.c_str()); }

void Window::toPixels(double& x, double& y) const {
  int ww = 0, wh = 0, fw = 0, fh = 0;
  glfwGetWindowSize(window_, &ww, &wh);
  glfwGetFramebufferSize(window_, &fw, &fh);
  if (ww > 0 && wh > 0) {
    x *= double(fw) / double(ww);
    y *= double(fh) / double(wh);
  }
}

// every input callback appends an event; nothing is sampled, so nothing between two frames is
// lost (a tap shorter than a frame, two clicks in one frame, fast typing)
void Window::installCallbacks(Window* w) {
  GLFWwindow* win = w->window_;
  glfwSetWindowUserPointer(win, w);
  glfwSetCursorPosCallback(win, [](GLFWwindow* handle, double x, double y) {
    Window* me = static_cast<Window*>(glfwGetWindowUserPointer(handle));
    me->toPixels(x, y);
    InputEvent e;
    e.kind = InputEvent::Kind::CursorMove;
    e.x = float(x);
    e.y = float(y);
    me->inject(e);
  });
  glfwSetMouseButtonCallback(win, [](GLFWwindow* handle, int button, int action, int mods) {
    Window* me = static_cast<Window*>(glfwGetWindowUserPointer(handle));
    // where the pointer was when the button changed: where the events before it left it (GLFW
    // reports the pointer's entering the window too). Asking the window system now
    // (glfwGetCursorPos) would give where the pointer has got to since: a press followed at once
    // by a move would land a step further on, off a thin target
    InputEvent e;
    e.kind = action == GLFW_PRESS ? InputEvent::Kind::ButtonDown : InputEvent::Kind::ButtonUp;
    e.code = button;
    e.mods = mods;
    e.x = me->cursorX_;
    e.y = me->cursorY_;
    me->inject(e);
  });
  glfwSetKeyCallback(win, [](GLFWwindow* handle, int key, int, int action, int mods) {
    if (action == GLFW_REPEAT || key < 0) return;  // a held key is one press
    InputEvent e;
    e.kind = action == GLFW_PRESS ? InputEvent::Kind::KeyDown : InputEvent::Kind::KeyUp;
    e.code = key;
    e.mods = mods;
    static_cast<Window*>(glfwGetWindowUserPointer(handle))->inject(e);
  });
  glfwSetCharCallback(win, [](GLFWwindow* handle, unsigned int codepoint) {
    InputEvent e;
    e.kind = InputEvent::Kind::Text;
    e.codepoint = codepoint;
    static_cast<Window*>(glfwGetWindowUserPointer(handle))->inject(e);
  });
  glfwSetScrollCallback(win, [](GLFWwindow* handle, double dx, double dy) {
    InputEvent e;
    e.kind = InputEvent::Kind::Scroll;
    e.x = float(dx);
    e.y = float(dy);
    static_cast<Window*>(glfwGetWindowUserPointer(handle))->inject(e);
  });
  // where the pointer starts
  double x = 0, y = 0;
  glfwGetCursorPos(win, &x, &y);
  w->toPixels(x, y);
  w->cursorX_ = float(x);
  w->cursorY_ = float(y);
}

std::vector<InputEvent> Window::takeEvents() { return std::exchange(events_, {}); }

void Window::inject(const InputEvent& event) {
  if (event.kind == InputEvent::Kind::CursorMove || event.kind == InputEvent::Kind::ButtonDown ||
      event.kind == InputEvent::Kind::ButtonUp) {
    cursorX_ = event.x;
    cursorY_ = event.y;
  }
  events_.push_back(event);
}

std::string Window::clipboard() const {
  const char* text = glfwGetClipboardString(window_);
  return text ? text : "";
}

void Window::setClipboard(const std::string& text) {
  glfwSetClipboardString(window_, text.c_str());
}

void Window::setCursorCaptured(bool captured) {
  captured_ = captured;
  glfwSetInputMode(window_, GLFW_CURSOR, captured ? GLFW_CURSOR_DISABLED : GLFW_CURSOR_NORMAL);
}

void Window::toggleFullscreen() {
  GLFWmonitor* monitor = glfwGetPrimaryMonitor();
  const GLFWvidmode* mode = monitor ? glfwGetVideoMode(monitor) : nullptr;
  if (!fullscreen_ && mode) {
    glfwGetWindowPos(window_, &windowed_[0], &windowed_[1]);
    glfwGetWindowSize(window_, &windowed_[2], &windowed_[3]);
    glfwSetWindowMonitor(window_, monitor, 0, 0, mode->width, mode->height, mode->refreshRate);
    fullscreen_ = true;
  } else if (fullscreen_) {
    glfwSetWindowMonitor(window_, nullptr, windowed_[0], windowed_[1], windowed_[2], windowed_[3],
                         0);
    fullscreen_ = false;
  }
}

void Window::setMinimized(bool minimized) {
  if (minimized)
    glfwIconifyWindow(window_);
  else
    glfwRestoreWindow(window_);
}

bool Window::shouldClose() const { return glfwWindowShouldClose(window_) == GLFW_TRUE; }

VkExtent2D Window::framebufferSize() const {
  int w = 0, h = 0;
  glfwGetFramebufferSize(window_, &w, &h);
  return {static_cast<std::uint32_t>(std::max(w, 0)), static_cast<std::uint32_t>(std::max(h, 0))};
}

core::Result<std::unique_ptr<WindowTarget>> WindowTarget::create(const Context& context,
                                                                 Window& window, bool vsync) {
  if (!context.surface())
    return core::makeError(core::ErrorCode::InvalidArgument,
                           "the Vulkan context was created without the window's surface");
  std::unique_ptr<WindowTarget> t(new WindowTarget(context, window));
  t->vsync_ = vsync;
  if (auto s = t->rebuild(); !s.ok()) return s.error();
  return t;
}

WindowTarget::~WindowTarget() {
  vkDeviceWaitIdle(context_.device());
  destroyViews();
  if (swapchain_) vkDestroySwapchainKHR(context_.device(), swapchain_, nullptr);
}

void WindowTarget::destroyViews() {
  for (VkImageView v : views_) vkDestroyImageView(context_.device(), v, nullptr);
  views_.clear();
  images_.clear();
}

core::Status WindowTarget::rebuild() {
  const VkDevice dev = context_.device();
  const VkPhysicalDevice phys = context_.physicalDevice();
  const VkSurfaceKHR surface = context_.surface();
  vkDeviceWaitIdle(dev);

  VkSurfaceCapabilitiesKHR caps{};
  PRACTICUM_VK_TRY(vkGetPhysicalDeviceSurfaceCapabilitiesKHR(phys, surface, &caps));
  // a minimised window has no area: keep the old swapchain until it comes back
  VkExtent2D extent = caps.currentExtent;
  if (extent.width == UINT32_MAX) extent = window_.framebufferSize();
  if (extent.width == 0 || extent.height == 0) {
    outOfDate_ = true;
    return {};
  }
  extent.width = std::clamp(extent.width, caps.minImageExtent.width, caps.maxImageExtent.width);
  extent.height = std::clamp(extent.height, caps.minImageExtent.height, caps.maxImageExtent.height);
  if (!(caps.supportedUsageFlags & VK_IMAGE_USAGE_TRANSFER_SRC_BIT))
    return core::makeError(core::ErrorCode::Unsupported,
                           "the window's swapchain images cannot be copied (no TRANSFER_SRC)");

  // prefer an sRGB format so shading stays linear
  std::uint32_t count = 0;
  vkGetPhysicalDeviceSurfaceFormatsKHR(phys, surface, &count, nullptr);
  std::vector<VkSurfaceFormatKHR> formats(count);
  vkGetPhysicalDeviceSurfaceFormatsKHR(phys, surface, &count, formats.data());
  if (formats.empty()) return core::makeError(core::ErrorCode::Device, "surface has no formats");
  // 8-bit RGBA/BGRA only (what screenshots read back); sRGB first, plain UNORM as a fallback
  std::optional<VkSurfaceFormatKHR> chosen;
  for (const VkFormat wanted : {VK_FORMAT_B8G8R8A8_SRGB, VK_FORMAT_R8G8B8A8_SRGB,
                                VK_FORMAT_B8G8R8A8_UNORM, VK_FORMAT_R8G8B8A8_UNORM})
    for (const auto& f : formats)
      if (!chosen && f.format == wanted && f.colorSpace == VK_COLOR_SPACE_SRGB_NONLINEAR_KHR)
        chosen = f;
  if (!chosen)
    return core::makeError(core::ErrorCode::Unsupported,
                           "the window offers no 8-bit RGBA/BGRA surface format");
  if (format_ != VK_FORMAT_UNDEFINED && chosen->format != format_)
    return core::makeError(core::ErrorCode::Unsupported,
                           "the window's surface format changed while running");

  // FIFO is vsync and always available; MAILBOX or IMMEDIATE when vsync is off
  VkPresentModeKHR mode = VK_PRESENT_MODE_FIFO_KHR;
  if (!vsync_) {
    vkGetPhysicalDeviceSurfacePresentModesKHR(phys, surface, &count, nullptr);
    std::vector<VkPresentModeKHR> modes(count);
    vkGetPhysicalDeviceSurfacePresentModesKHR(phys, surface, &count, modes.data());
    for (VkPresentModeKHR m : {VK_PRESENT_MODE_MAILBOX_KHR, VK_PRESENT_MODE_IMMEDIATE_KHR})
      if (std::find(modes.begin(), modes.end(), m) != modes.end()) {
        mode = m;
        break;
      }
  }

  std::uint32_t imageCount = caps.minImageCount + 1;
  if (caps.maxImageCount > 0) imageCount = std::min(imageCount, caps.maxImageCount);
  VkSwapchainCreateInfoKHR sci{VK_STRUCTURE_TYPE_SWAPCHAIN_CREATE_INFO_KHR};
  sci.surface = surface;
  sci.minImageCount = imageCount;
  sci.imageFormat = chosen->format;
  sci.imageColorSpace = chosen->colorSpace;
  sci.imageExtent = extent;
  sci.imageArrayLayers = 1;
  sci.imageUsage = VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT | VK_IMAGE_USAGE_TRANSFER_SRC_BIT;
  sci.imageSharingMode = VK_SHARING_MODE_EXCLUSIVE;
  sci.preTransform = caps.currentTransform;
  sci.compositeAlpha = VK_COMPOSITE_ALPHA_OPAQUE_BIT_KHR;
  if (!(caps.supportedCompositeAlpha & VK_COMPOSITE_ALPHA_OPAQUE_BIT_KHR))
    sci.compositeAlpha = VK_COMPOSITE_ALPHA_INHERIT_BIT_KHR;
  sci.presentMode = mode;
  sci.clipped = VK_TRUE;
  sci.oldSwapchain = swapchain_;
  VkSwapchainKHR next = VK_NULL_HANDLE;
  PRACTICUM_VK_TRY(vkCreateSwapchainKHR(dev, &sci, nullptr, &next));
  destroyViews();
  if (swapchain_) vkDestroySwapchainKHR(dev, swapchain_, nullptr);
  swapchain_ = next;
  format_ = chosen->format;
  extent_ = extent;
  builtFor_ = window_.framebufferSize();

  // views of the new images
  vkGetSwapchainImagesKHR(dev, swapchain_, &count, nullptr);
  images_.resize(count);
  vkGetSwapchainImagesKHR(dev, swapchain_, &count, images_.data());
  for (VkImage img : images_) {
    VkImageViewCreateInfo vci{VK_STRUCTURE_TYPE_IMAGE_VIEW_CREATE_INFO};
    vci.image = img;
    vci.viewType = VK_IMAGE_VIEW_TYPE_2D;
    vci.format = format_;
    vci.subresourceRange = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 1, 0, 1};
    VkImageView view = VK_NULL_HANDLE;
    PRACTICUM_VK_TRY(vkCreateImageView(dev, &vci, nullptr, &view));
    views_.push_back(view);
  }
  outOfDate_ = false;
  ++generation_;
  return {};
}

core::Result<std::optional<AcquiredImage>> WindowTarget::acquire(VkSemaphore imageAvailable) {
  // recreate after a resize; skip frames while minimised
  const VkExtent2D size = window_.framebufferSize();
  if (size.width == 0 || size.height == 0) return std::optional<AcquiredImage>{};
  if (outOfDate_ || size.width != builtFor_.width || size.height != builtFor_.height) {
    if (auto s = rebuild(); !s.ok()) return s.error();
    if (outOfDate_) return std::optional<AcquiredImage>{};
  }
  std::uint32_t index = 0;
  VkResult r = vkAcquireNextImageKHR(context_.device(), swapchain_, UINT64_MAX, imageAvailable,
                                     VK_NULL_HANDLE, &index);
  if (r == VK_ERROR_OUT_OF_DATE_KHR) {
    outOfDate_ = true;
    return std::optional<AcquiredImage>{};
  }
  if (r != VK_SUCCESS && r != VK_SUBOPTIMAL_KHR) return vkError("vkAcquireNextImageKHR", r);
  return std::optional(AcquiredImage{index, imageAvailable});
}

core::Status WindowTarget::present(std::uint32_t index, VkSemaphore renderDone) {
  VkPresentInfoKHR pi{VK_STRUCTURE_TYPE_PRESENT_INFO_KHR};
  pi.waitSemaphoreCount = renderDone ? 1 : 0;
  pi.pWaitSemaphores = &renderDone;
  pi.swapchainCount = 1;
  pi.pSwapchains = &swapchain_;
  pi.pImageIndices = &index;
  const VkResult r = vkQueuePresentKHR(context_.queue(), &pi);
  if (r == VK_ERROR_OUT_OF_DATE_KHR || r == VK_SUBOPTIMAL_KHR) {
    outOfDate_ = true;
    return {};
  }
  if (r != VK_SUCCESS) return vkError("vkQueuePresentKHR", r);
  return {};
}

}  // namespace practicum::render
