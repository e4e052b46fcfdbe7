#pragma once
/// A GLFW window and the swapchain render target that draws into it.
#include <memory>
#include <string>
#include <string_view>
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

/// Mouse buttons (GLFW's numbering).
enum MouseButton : int { kMouseLeft = 0, kMouseRight = 1, kMouseMiddle = 2 };
/// Keys (GLFW's key codes, which follow US layout ASCII for printable keys: 'A' is 65).
enum Key : int {
  kKeySpace = 32,
  kKey0 = 48,
  kKey1 = 49,  ///< kKey1 + n - 1 for the digit n (1..9)
  kKeyA = 65,
  kKeyC = 67,
  kKeyD = 68,
  kKeyE = 69,
  kKeyF = 70,
  kKeyG = 71,
  kKeyL = 76,
  kKeyQ = 81,
  kKeyR = 82,
  kKeyS = 83,
  kKeyV = 86,
  kKeyW = 87,
  kKeyY = 89,
  kKeyZ = 90,
  kKeyEscape = 256,
  kKeyEnter = 257,
  kKeyTab = 258,
  kKeyBackspace = 259,
  kKeyInsert = 260,
  kKeyDelete = 261,
  kKeyRight = 262,
  kKeyLeft = 263,
  kKeyDown = 264,
  kKeyUp = 265,
  kKeyPageUp = 266,
  kKeyPageDown = 267,
  kKeyHome = 268,
  kKeyEnd = 269,
  kKeyF1 = 290,  ///< kKeyF1 + n - 1 for Fn (1..12)
  kKeyF11 = 300,
  kKeyF12 = 301,
  kKeyPadEnter = 335,
  kKeyLeftShift = 340,
  kKeyLeftControl = 341,
  kKeyLeftAlt = 342,
  kKeyLeftSuper = 343,
  kKeyRightShift = 344,
  kKeyRightControl = 345,
  kKeyRightAlt = 346,
  kKeyRightSuper = 347,
  kKeyLast = 348,  ///< one past the highest key code
};
/// Modifier bits of InputEvent::mods (GLFW's).
enum KeyModifier : int { kModShift = 1, kModControl = 2, kModAlt = 4, kModSuper = 8 };

/// One input event, as the window system delivered it (or a script injected it), in order.
/// Nothing is sampled: a press and a release between two frames are two events.
struct InputEvent {
  enum class Kind : std::uint8_t {
    CursorMove,  ///< the pointer moved to (x, y)
    ButtonDown,  ///< mouse button `code` went down at (x, y)
    ButtonUp,    ///< mouse button `code` came up at (x, y)
    KeyDown,     ///< key `code` went down (repeats of a held key are not events)
    KeyUp,       ///< key `code` came up
    Text,        ///< a character was typed: `codepoint`
    Scroll,      ///< the wheel: x, y steps (positive y = away from the user)
  };
  Kind kind = Kind::CursorMove;
  int code = 0;                 ///< MouseButton or Key
  int mods = 0;                 ///< KeyModifier bits held
  std::uint32_t codepoint = 0;  ///< Text: a Unicode code point
  float x = 0, y = 0;           ///< pointer events: pixels of the drawable area; Scroll: steps
  friend bool operator==(const InputEvent&, const InputEvent&) = default;
};

/// The name of a key as input scripts write it ("A", "F1", "Escape", "LeftCtrl"); "" if none.
std::string keyName(int key);
/// The key of a name keyName() gives (case-insensitive), or -1.
int keyFromName(std::string_view name);

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
  /// Every input event since the last call, in the order it happened (the window system's,
  /// then any injected). Call after pollEvents()/waitEvents().
  std::vector<InputEvent> takeEvents();
  /// Adds an event to the queue as if the window system had delivered it (scripted input,
  /// tests). A pointer event also moves cursorPosition().
  void inject(const InputEvent& event);
  /// Where the pointer was at the last pointer event, in pixels of the drawable area (as
  /// framebufferSize() counts them; z unused).
  core::Vec3 cursorPosition() const { return {cursorX_, cursorY_, 0.0f}; }
  /// The system clipboard's text ("" when empty or not text).
  std::string clipboard() const;
  /// Puts text on the system clipboard.
  void setClipboard(const std::string& text);
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
  std::vector<InputEvent> events_;  ///< since the last takeEvents()
  float cursorX_ = 0, cursorY_ = 0;
  bool captured_ = false;
  bool fullscreen_ = false;
  int windowed_[4] = {0, 0, 0, 0};  ///< position and size to go back to from full screen
  /// screen coordinates to pixels of the drawable area (they differ on high-DPI screens)
  void toPixels(double& x, double& y) const;
  static void installCallbacks(Window* window);
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
