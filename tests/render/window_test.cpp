// The window path: a GLFW window with a swapchain, drawn with validation on, resized while
// running. Needs a display; scripts/test provides one with Xvfb.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <thread>

#include <practicum/assets/primitives.hpp>
#include <practicum/render/renderer.hpp>
#include <practicum/render/window.hpp>

namespace practicum::test {
namespace {

TEST(WindowTarget, DrawsAndFollowsAResize) {
  if (!std::getenv("DISPLAY")) GTEST_SKIP() << "no DISPLAY (scripts/test runs tests under Xvfb)";
  auto window = render::Window::create({"practicum window test", 320, 240});
  ASSERT_TRUE(window.ok()) << window.error().message;
  render::Window* w = window->get();

  // a context that can present to the window, with validation
  render::ContextOptions options;
  options.validation = true;
  options.instanceExtensions = w->requiredInstanceExtensions();
  options.createSurface = [w](VkInstance instance) { return w->createSurface(instance); };
  auto ctx = render::Context::create(options);
  ASSERT_TRUE(ctx.ok()) << ctx.error().message;
  ASSERT_TRUE((*ctx)->validationEnabled());
  auto target = render::WindowTarget::create(**ctx, *w, true);
  ASSERT_TRUE(target.ok()) << target.error().message;
  auto renderer = render::Renderer::create(**ctx, **target);
  ASSERT_TRUE(renderer.ok()) << renderer.error().message;
  auto box = (*renderer)->uploadMesh(assets::makeBox({0.5f, 0.5f, 0.5f}));
  ASSERT_TRUE(box.ok());

  const std::vector<render::DrawItem> items = {{*box, {}, {0.9f, 0.2f, 0.1f, 1}, 0.5f, 0}};
  const auto frame = [&](float aspect) {
    scene::Camera cam;
    cam.position = {2, 1.5f, 3};
    cam.target = {0, 0, 0};
    render::FrameDesc f;
    f.camera = render::makeCameraView(cam, aspect);
    f.items = items;
    return f;
  };

  // a few frames at the first size, the last one captured
  render::Image image;
  for (int i = 0; i < 3; ++i) {
    w->pollEvents();
    ASSERT_TRUE((*renderer)->drawFrame(frame(320.0f / 240.0f), i == 2 ? &image : nullptr).ok());
  }
  EXPECT_EQ(image.width, 320u);
  EXPECT_EQ(image.height, 240u);
  const std::uint64_t generation = (*target)->generation();

  // resize, and keep drawing until the swapchain follows
  w->resize(200, 150);
  for (int i = 0; i < 100 && (*target)->extent().width != 200; ++i) {
    w->pollEvents();
    ASSERT_TRUE((*renderer)->drawFrame(frame(200.0f / 150.0f)).ok());
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  ASSERT_TRUE((*renderer)->drawFrame(frame(200.0f / 150.0f), &image).ok());
  EXPECT_EQ(image.width, 200u);
  EXPECT_EQ(image.height, 150u);
  EXPECT_GT((*target)->generation(), generation);
  // the red box is drawn in the middle; the corner is the blue-grey background
  const auto px = [&](std::uint32_t x, std::uint32_t y, int c) {
    return int(image.rgba[(y * image.width + x) * 4 + c]);
  };
  EXPECT_GT(px(100, 75, 0), px(100, 75, 2) + 40) << "centre is not red";
  EXPECT_LT(px(2, 2, 0), px(2, 2, 2)) << "corner is not the background";

  (*renderer)->waitIdle();
  EXPECT_EQ((*ctx)->validationErrors(), 0u);
}

}  // namespace
}  // namespace practicum::test
