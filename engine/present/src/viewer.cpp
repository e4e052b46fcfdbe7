#include <practicum/present/viewer.hpp>

#include <algorithm>
#include <chrono>

namespace practicum::present {

namespace {
double nowSeconds() {
  using namespace std::chrono;
  return duration<double>(steady_clock::now().time_since_epoch()).count();
}
}  // namespace

core::Result<std::unique_ptr<Viewer>> Viewer::create(std::unique_ptr<render::Window> window,
                                                     const ViewerOptions& options) {
  std::unique_ptr<Viewer> v(new Viewer());
  v->window_ = std::move(window);

  // Vulkan with the window's surface, its swapchain, the renderer, the UI
  render::ContextOptions co;
  co.validation = options.validation;
  co.gpu = options.gpu;
  co.instanceExtensions = v->window_->requiredInstanceExtensions();
  render::Window* w = v->window_.get();
  co.createSurface = [w](VkInstance instance) { return w->createSurface(instance); };
  auto ctx = render::Context::create(co);
  if (!ctx.ok()) return ctx.error();
  v->context_ = std::move(*ctx);
  auto target = render::WindowTarget::create(*v->context_, *v->window_, options.vsync);
  if (!target.ok()) return target.error();
  v->target_ = std::move(*target);
  auto renderer = render::Renderer::create(*v->context_, *v->target_);
  if (!renderer.ok()) return renderer.error();
  v->renderer_ = std::move(*renderer);
  ui::OverlayOptions oo;
  oo.window = v->window_.get();
  oo.language = options.language;
  oo.glyphText = options.glyphText;
  oo.uiMap = options.uiMap;
  auto overlay = ui::Overlay::create(*v->context_, *v->renderer_, oo);
  if (!overlay.ok()) return overlay.error();
  v->overlay_ = std::move(*overlay);
  const core::Vec3 cursor = v->window_->cursorPosition();
  v->input_.setCursor({cursor.x, cursor.y});
  v->last_ = nowSeconds();
  return v;
}

Viewer::~Viewer() {
  if (renderer_) renderer_->waitIdle();
  // the overlay and the scene borrow the renderer; the renderer borrows the target and context
  overlay_.reset();
  scene_.reset();
  renderer_.reset();
  target_.reset();
  context_.reset();
}

core::Status Viewer::show(const sim::Simulation& simulation) {
  auto scene = SceneView::create(*renderer_, simulation);
  if (!scene.ok()) return scene.error();
  scene_ = std::move(*scene);
  shown_ = simulation.serial();
  return {};
}

FrameInput Viewer::beginFrame() {
  // minimised, there is nothing to draw: idle instead of spinning (the session still runs)
  const VkExtent2D drawable = window_->framebufferSize();
  if (drawable.width == 0 || drawable.height == 0)
    window_->waitEvents(1.0 / 30);
  else
    window_->pollEvents();
  FrameInput in;
  const double now = nowSeconds();
  const double dt = now - last_;
  last_ = now;
  frameMs_ = frameMs_ == 0 ? dt * 1000 : frameMs_ * 0.9 + dt * 100;
  in.dt = std::min(dt, 0.25);

  // the UI takes what it can of the events in one frame; the scene sees the same ones
  const VkExtent2D size = extent();
  const std::vector<render::InputEvent> events = window_->takeEvents();
  in.events = overlay_->newFrame(float(size.width), float(size.height), float(dt), events);
  in.before = input_;
  for (const auto& e : in.events) input_.apply(e);
  in.after = input_;
  in.uiMouse = overlay_->wantsMouse();
  in.uiKeyboard = overlay_->wantsKeyboard();
  return in;
}

core::Status Viewer::endFrame(const SceneFrame& frame, render::Image* capture) {
  render::FrameDesc desc;
  if (frame.simulation) {
    if (!scene_ || shown_ != frame.simulation->serial())
      if (auto s = show(*frame.simulation); !s.ok()) return s;
    desc = scene_->frame(*frame.simulation, cameraView(frame.eye), frame.looks);
  }
  if (region_) desc.region = sceneRegion();
  return renderer_->drawFrame(desc, capture);
}

VkRect2D Viewer::sceneRegion() const {
  const VkExtent2D size = extent();
  if (!region_ || size.width == 0 || size.height == 0) return {{0, 0}, size};
  VkRect2D r = *region_;
  r.offset.x = std::clamp(r.offset.x, 0, std::int32_t(std::max(size.width, 1u)) - 1);
  r.offset.y = std::clamp(r.offset.y, 0, std::int32_t(std::max(size.height, 1u)) - 1);
  r.extent.width = std::max(1u, std::min(r.extent.width, size.width - std::uint32_t(r.offset.x)));
  r.extent.height =
      std::max(1u, std::min(r.extent.height, size.height - std::uint32_t(r.offset.y)));
  return r;
}

VkExtent2D Viewer::extent() const { return target_->extent(); }

render::CameraView Viewer::cameraView(const scene::Camera& eye) const {
  const VkExtent2D size = sceneRegion().extent;
  const float aspect = size.height ? float(size.width) / float(size.height) : 1.0f;
  return render::makeCameraView(eye, aspect);
}

}  // namespace practicum::present
