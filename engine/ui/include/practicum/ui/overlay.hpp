#pragma once
/// Dear ImGui drawn over the scene, in a window or headless (fixed display size). The engine's UI
/// code talks to ImGui; this class owns its context and its Vulkan backend, and is its own thin
/// platform adapter: ImGui's input comes from the window's event queue (render::InputEvent), so
/// the UI and the scene see the same events in the same order, and scripted input drives both.
#include <deque>
#include <filesystem>
#include <functional>
#include <memory>
#include <span>
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
  /// The window (clipboard, captured cursor); nullptr for headless rendering.
  render::Window* window = nullptr;
  Language language = Language::English;  ///< a warning is given when it needs a missing font
  float fontSize = 16.0f;
  /// Text the UI will show besides its own strings (the scenario's texts): its glyphs are put
  /// in the font, with the common simplified Chinese characters.
  std::string glyphText;
  /// Keep the UI map in this file (see ui_map.hpp); empty: none.
  std::filesystem::path uiMap;
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
  /// `events` (the window's, in order) join those still waiting; as many as ImGui can take in
  /// one frame are fed to it (see eventsForOneFrame) and returned, in order: the scene should
  /// act on exactly these. The rest wait for the next frame, so nothing is lost.
  std::vector<render::InputEvent> newFrame(float width, float height, float deltaSeconds,
                                           std::span<const render::InputEvent> events = {});
  /// Events waiting for a later frame.
  std::size_t pendingEvents() const { return pending_.size(); }
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
  render::Window* window_ = nullptr;
  std::deque<render::InputEvent> pending_;  ///< events not yet fed
  bool vulkan_ = false;
  bool cjk_ = false;
  bool frameOpen_ = false;
};

/// How many events from the front of `pending` one UI frame can take without losing what they
/// mean (Dear ImGui 1.86 samples its input once a frame): at most one change of each mouse button
/// and each key; no pointer move after a button changed (a click lands where it was pressed);
/// typed text and editing keys (Backspace, arrows, Enter, keys with Ctrl/Alt) not interleaved;
/// no modifier (Shift, Ctrl, Alt, Super) let go after a key or a button went down under it, so a
/// quick chord (Ctrl down, A down, Ctrl up, A up) is seen as Ctrl+A. A press and its release
/// therefore land in successive frames, and typing keeps its order.
/// Always at least 1 when `pending` is not empty.
std::size_t eventsForOneFrame(std::span<const render::InputEvent> pending);

/// Path of a font with CJK glyphs from Debian's fonts-wqy-microhei (or fonts-noto-cjk);
/// empty when none is installed.
std::string findCjkFont();

}  // namespace practicum::ui
