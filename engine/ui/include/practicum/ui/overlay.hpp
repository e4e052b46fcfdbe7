#pragma once
/// Dear ImGui drawn over the scene, in a window (GLFW input) or headless (fixed display size).
/// The engine's UI code talks to ImGui; this class owns its context and backends.
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <practicum/core/result.hpp>
#include <practicum/render/context.hpp>
#include <practicum/render/renderer.hpp>
#include <practicum/render/window.hpp>
#include <practicum/ui/text.hpp>

namespace practicum::ui {

/// How to set up the overlay.
struct OverlayOptions {
  /// The window to take input from; nullptr for headless rendering.
  render::Window* window = nullptr;
  Language language = Language::English;  ///< a warning is given when it needs a missing font
  float fontSize = 16.0f;
  /// Text the UI will show besides its own strings (the scenario's texts): its glyphs are put
  /// in the font, with the common simplified Chinese characters.
  std::string glyphText;
};

/// One ImGui context bound to a renderer: call newFrame(), issue ImGui calls, and the next
/// Renderer::drawFrame draws them. Only one Overlay may exist at a time (ImGui's backends keep
/// global state). The Context and Renderer must outlive it.
class Overlay {
 public:
  static core::Result<std::unique_ptr<Overlay>> create(const render::Context& context,
                                                       render::Renderer& renderer,
                                                       const OverlayOptions& options);
  ~Overlay();
  Overlay(const Overlay&) = delete;
  Overlay& operator=(const Overlay&) = delete;

  /// Starts a UI frame of the given pixel size; `deltaSeconds` drives ImGui's animations.
  void newFrame(float width, float height, float deltaSeconds);
  /// Ends the current UI frame without drawing it. ImGui sizes auto-fitting windows during
  /// their first frame and shows them from the second: a single headless frame should lay out
  /// once with discardFrame(), then again for real.
  void discardFrame();
  /// Whether ImGui wants the mouse (the scene should then ignore it).
  bool wantsMouse() const;
  /// Whether ImGui wants the keyboard (a text field has focus).
  bool wantsKeyboard() const;
  /// Whether a font with CJK glyphs was loaded.
  bool hasCjkFont() const { return cjk_; }
  /// The characters of `utf8` (code points) the UI font cannot draw; line breaks and spaces are
  /// not counted.
  std::vector<std::uint32_t> missingGlyphs(std::string_view utf8) const;

 private:
  Overlay(render::Renderer& renderer) : renderer_(renderer) {}
  render::Renderer& renderer_;
  VkDevice device_ = VK_NULL_HANDLE;
  VkDescriptorPool pool_ = VK_NULL_HANDLE;
  bool glfw_ = false;
  bool vulkan_ = false;
  bool cjk_ = false;
  bool frameOpen_ = false;
};

/// Path of a font with CJK glyphs from Debian's fonts-wqy-microhei (or fonts-noto-cjk);
/// empty when none is installed.
std::string findCjkFont();

}  // namespace practicum::ui
