#pragma once
/// A GLFW window and the swapchain render target that draws into it.
#include <memory>
#include <string>
#include <vector>

#include <practicum/core/math.hpp>
#include <practicum/render/context.hpp>
#include <practicum/render/render_target.hpp>

struct GLFWwindow;

namespace practicum::render {

/// How to open a window.
struct WindowOptions {
  std::string title = "Practicum";
  std::uint32_t width = 1280;
  std::uint32_t height = 720;
};

/// Mouse buttons for mouseButtonDown (GLFW's numbering).
enum MouseButton : int { kMouseLeft = 0, kMouseRight = 1, kMouseMiddle = 2 };
/// Keys for keyDown (GLFW's key codes, which follow US layout ASCII for printable keys).
enum Key : int {
  kKeySpace = 32,
  kKey1 = 49,  ///< kKey1 + n - 1 for the digit n (1..9)
  kKeyA = 65,
  kKeyC = 67,
  kKeyD = 68,
  kKeyE = 69,
  kKeyG = 71,
  kKeyL = 76,
  kKeyQ = 81,
  kKeyR = 82,
  kKeyS = 83,
  kKeyV = 86,
  kKeyW = 87,
  kKeyEscape = 256,
  kKeyTab = 258,
  kKeyRight = 262,
  kKeyLeft = 263,
  kKeyDown = 264,
  kKeyUp = 265,
  kKeyF1 = 290,
  kKeyF11 = 300,
  kKeyLeftShift = 340,
};

/// An OS window (GLFW, no client API). Only the thread that created it may use it. GLFW is
/// initialised with the first window and terminated with the last (a process-wide count).
class Window {
 public:
  /// Opens a window; fails with ErrorCode::Unsupported when there is no display.
  static core::Result<std::unique_ptr<Window>> create(const WindowOptions& options);
  ~Window();
  Window(const Window&) = delete;
  Window& operator=(const Window&) = delete;

  /// Instance extensions Vulkan needs to present to this window system.
  std::vector<std::string> requiredInstanceExtensions() const;
  /// Creates a surface for this window (owned by the caller, i.e. the Context).
  core::Result<VkSurfaceKHR> createSurface(VkInstance instance) const;
  /// Processes pending events (input, resize, close).
  void pollEvents();
  /// Waits up to `seconds` for an event, then processes what came (a minimised window idles).
  void waitEvents(double seconds);
  /// Whether the user asked to close the window.
  bool shouldClose() const;
  /// Asks the window system for a new client size in screen coordinates (takes effect once the
  /// window system has processed it; framebufferSize() tells).
  void resize(std::uint32_t width, std::uint32_t height);
  /// Asks the window to close (shouldClose() becomes true).
  void requestClose();
  /// Takes back a request to close (an unsaved-changes prompt was cancelled).
  void cancelClose();
  /// Sets the title bar's text.
  void setTitle(const std::string& title);
  /// Cursor position in pixels of the drawable area, as framebufferSize() counts them (z unused).
  core::Vec3 cursorPosition() const;
  /// Whether a mouse button is held.
  bool mouseButtonDown(int button) const;
  /// Whether a key is held.
  bool keyDown(int key) const;
  /// Whether a key went down in the last pollEvents()/waitEvents() (and this is the first call
  /// for that key since: one press = one true).
  bool keyPressed(int key);
  /// Wheel steps since the last call (positive = away from the user).
  double takeScroll();
  /// Hides the cursor and reports unbounded movement (mouse look), or gives it back.
  void setCursorCaptured(bool captured);
  bool cursorCaptured() const { return captured_; }
  /// Switches between a window and full screen on the primary monitor.
  void toggleFullscreen();
  bool fullscreen() const { return fullscreen_; }
  /// Minimises (iconifies) or restores the window.
  void setMinimized(bool minimized);
  /// Size of the drawable area in pixels (0 x 0 while minimised).
  VkExtent2D framebufferSize() const;
  /// The GLFW window, for UI platform backends only (opaque elsewhere).
  GLFWwindow* handle() const { return window_; }

 private:
  Window() = default;
  GLFWwindow* window_ = nullptr;
  double scroll_ = 0;
  bool captured_ = false;
  bool fullscreen_ = false;
  int windowed_[4] = {0, 0, 0, 0};  ///< position and size to go back to from full screen
  std::vector<int> pressed_;        ///< keys that went down in the last poll, not yet asked for
};

/// The window's swapchain. Recreated transparently on resize or when out of date.
class WindowTarget final : public RenderTarget {
 public:
  /// The Context must have been created with this window's surface.
  static core::Result<std::unique_ptr<WindowTarget>> create(const Context& context, Window& window,
                                                            bool vsync);
  ~WindowTarget() override;

  VkExtent2D extent() const override { return extent_; }
  VkFormat format() const override { return format_; }
  std::uint32_t imageCount() const override { return static_cast<std::uint32_t>(images_.size()); }
  VkImage image(std::uint32_t index) const override { return images_[index]; }
  VkImageView view(std::uint32_t index) const override { return views_[index]; }
  std::uint64_t generation() const override { return generation_; }
  VkImageLayout presentLayout() const override { return VK_IMAGE_LAYOUT_PRESENT_SRC_KHR; }
  core::Result<std::optional<AcquiredImage>> acquire(VkSemaphore imageAvailable) override;
  core::Status present(std::uint32_t index, VkSemaphore renderDone) override;
  bool presents() const override { return true; }
  /// Waits for the display (FIFO) or presents at once (MAILBOX or IMMEDIATE where offered);
  /// takes effect with the next image (the swapchain is rebuilt).
  void setVsync(bool on) {
    if (on != vsync_) outOfDate_ = true;
    vsync_ = on;
  }
  bool vsync() const { return vsync_; }

 private:
  WindowTarget(const Context& context, Window& window) : context_(context), window_(window) {}
  core::Status rebuild();
  void destroyViews();

  const Context& context_;
  Window& window_;
  bool vsync_ = true;
  bool outOfDate_ = false;
  VkSwapchainKHR swapchain_ = VK_NULL_HANDLE;
  VkFormat format_ = VK_FORMAT_UNDEFINED;
  VkExtent2D extent_{};
  std::vector<VkImage> images_;
  std::vector<VkImageView> views_;
  std::uint64_t generation_ = 0;
  VkExtent2D builtFor_{};  ///< window size the swapchain was last built for
};

}  // namespace practicum::render
