#pragma once
/// The window a program draws into: a GLFW window with its Vulkan swapchain, the renderer, the
/// scene of one simulation and the Dear ImGui overlay; the frame's input as events and the frame
/// time for the status line. The host calls beginFrame(), lets its mode act, then endFrame().
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <practicum/present/input.hpp>
#include <practicum/present/scene_view.hpp>
#include <practicum/render/context.hpp>
#include <practicum/render/image.hpp>
#include <practicum/render/renderer.hpp>
#include <practicum/render/window.hpp>
#include <practicum/sim/simulation.hpp>
#include <practicum/ui/overlay.hpp>

namespace practicum::present {

/// How to open the viewer.
struct ViewerOptions {
  std::string gpu;
  bool validation = false;
  bool vsync = true;
  ui::Language language = ui::Language::English;
  std::string glyphText;  ///< scenario texts the UI will show (their glyphs go in the font)
  /// Where to keep the UI map (named widgets and where they are, each frame; see ui::UiMap);
  /// empty: none.
  std::filesystem::path uiMap;
};

/// What a mode shows this frame: the host draws it.
struct SceneFrame {
  const sim::Simulation* simulation = nullptr;  ///< the world to draw; nullptr: only the UI
  scene::Camera eye;
  std::vector<EntityLook> looks;  ///< one per entity, or empty
};

class Viewer {
 public:
  /// Vulkan for the window, its swapchain, a renderer and the UI overlay.
  static core::Result<std::unique_ptr<Viewer>> create(std::unique_ptr<render::Window> window,
                                                      const ViewerOptions& options);
  ~Viewer();

  /// Uploads the scene of a simulation (again when the session is rebuilt). endFrame() does it
  /// by itself for a frame of another simulation than the one shown (told apart by serial, so a
  /// simulation made where a destroyed one was is not mistaken for it).
  core::Status show(const sim::Simulation& simulation);

  /// Starts a frame: takes the window's events (and any injected ones), starts a UI frame with
  /// them, and returns the frame's input: the events the UI took this frame (the rest wait for
  /// the next), the state they leave, and whether the UI has the mouse or the keyboard.
  FrameInput beginFrame();
  /// Draws `frame` and the UI issued since beginFrame(). When `capture` is given the frame is
  /// read back into it.
  core::Status endFrame(const SceneFrame& frame, render::Image* capture = nullptr);

  render::Window& window() { return *window_; }
  const render::Context& context() const { return *context_; }
  /// Size of the images drawn (the window's drawable area; 0 x 0 while minimised).
  VkExtent2D extent() const;
  /// The camera view for the scene's region of the image.
  render::CameraView cameraView(const scene::Camera& eye) const;
  /// Draws the scene in part of the image only (the rest is under panels); nullopt: all of it.
  void setSceneRegion(std::optional<VkRect2D> region) { region_ = region; }
  /// The part of the image the scene is drawn in (the whole image unless set).
  VkRect2D sceneRegion() const;
  /// Turns waiting for the display on or off.
  void setVsync(bool on) { target_->setVsync(on); }
  bool vsync() const { return target_->vsync(); }
  /// Smoothed frame time (ms).
  double frameMilliseconds() const { return frameMs_; }
  /// Validation errors so far (a run with --validation fails on any).
  std::uint32_t validationErrors() const { return context_->validationErrors(); }

 private:
  Viewer() = default;
  std::unique_ptr<render::Window> window_;
  std::unique_ptr<render::Context> context_;
  std::unique_ptr<render::WindowTarget> target_;
  std::unique_ptr<render::Renderer> renderer_;
  std::unique_ptr<ui::Overlay> overlay_;
  std::unique_ptr<SceneView> scene_;
  std::uint64_t shown_ = 0;  ///< the serial of the simulation scene_ was made for
  InputState input_;
  double last_ = 0;  // steady clock seconds at the last beginFrame
  std::optional<VkRect2D> region_;
  double frameMs_ = 0;
};

}  // namespace practicum::present
