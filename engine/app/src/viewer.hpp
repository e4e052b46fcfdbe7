#pragma once
// The window every interactive command draws into: a GLFW window with its Vulkan swapchain, the
// renderer, the scene of one session and the Dear ImGui overlay; frame timing for the status
// line. `practicum run` (the player) and `practicum replay` (the review) both use it.
#include <memory>
#include <optional>
#include <span>
#include <string>

#include <practicum/render/context.hpp>
#include <practicum/render/image.hpp>
#include <practicum/render/renderer.hpp>
#include <practicum/render/scene_view.hpp>
#include <practicum/render/window.hpp>
#include <practicum/sim/simulation.hpp>
#include <practicum/ui/overlay.hpp>

namespace practicum::app {

/// How to open the viewer.
struct ViewerOptions {
  std::string gpu;
  bool validation = false;
  bool vsync = true;
  ui::Language language = ui::Language::English;
  std::string glyphText;  ///< scenario texts the UI will show (their glyphs go in the font)
};

class Viewer {
 public:
  /// Vulkan for the window, its swapchain, a renderer and the UI overlay.
  static core::Result<std::unique_ptr<Viewer>> create(std::unique_ptr<render::Window> window,
                                                      const ViewerOptions& options);
  ~Viewer();

  /// Uploads the scene of a simulation (again when the session is rebuilt).
  core::Status show(const sim::Simulation& simulation);

  /// Starts a frame: window events, frame time, a new UI frame. Returns the seconds since the
  /// previous frame (at most a quarter second).
  double beginFrame();
  /// Draws the scene from `eye` with `looks`, and the UI issued since beginFrame(). When
  /// `capture` is given the frame is read back into it.
  core::Status endFrame(const sim::Simulation& simulation, const scene::Camera& eye,
                        std::span<const render::EntityLook> looks, render::Image* capture);

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
  /// Whether the UI has the mouse or the keyboard (the scene should ignore them then).
  bool uiWantsMouse() const;
  bool uiWantsKeyboard() const;
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
  std::unique_ptr<render::SceneView> scene_;
  double last_ = 0;  // steady clock seconds at the last beginFrame
  std::optional<VkRect2D> region_;
  double frameMs_ = 0;
};

}  // namespace practicum::app
