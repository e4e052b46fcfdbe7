#include <gtest/gtest.h>

#include <practicum/assets/primitives.hpp>
#include <practicum/render/image.hpp>
#include <practicum/render/offscreen_target.hpp>
#include <practicum/render/renderer.hpp>

#include "render_fixture.hpp"
#include "test_support.hpp"

namespace practicum::test {
namespace {

using core::Vec3;

// pixel (x, y) of an image as {r, g, b}
std::array<int, 3> pixel(const render::Image& img, std::uint32_t x, std::uint32_t y) {
  const std::size_t i = (std::size_t{y} * img.width + x) * 4;
  return {img.rgba[i], img.rgba[i + 1], img.rgba[i + 2]};
}

render::FrameDesc frameLookingDownZ(Vec3 eye, std::span<const render::DrawItem> items,
                                    float aspect) {
  scene::Camera cam;
  cam.position = eye;
  cam.target = eye + Vec3{0, 0, -1};
  render::FrameDesc f;
  f.camera = render::makeCameraView(cam, aspect);
  f.lighting.direction = {0, 0, -1};  // light travels along the view: faces towards us are lit
  f.lighting.background = {0, 0, 0};
  f.items = items;
  return f;
}

class Renderer : public RenderTest {
 protected:
  void SetUp() override {
    RenderTest::SetUp();
    auto target = render::OffscreenTarget::create(*context_, 64, 64);
    ASSERT_TRUE(target.ok()) << target.error().message;
    target_ = std::move(*target);
    auto r = render::Renderer::create(*context_, *target_);
    ASSERT_TRUE(r.ok()) << r.error().message;
    renderer_ = std::move(*r);
    auto box = renderer_->uploadMesh(assets::makeBox({0.5f, 0.5f, 0.5f}));
    ASSERT_TRUE(box.ok()) << box.error().message;
    box_ = *box;
  }
  void TearDown() override {
    renderer_.reset();
    target_.reset();
    RenderTest::TearDown();
  }
  render::DrawItem boxAt(Vec3 p, core::Vec4 colour) {
    return {box_, core::composeTRS(p, {}, {1, 1, 1}), colour, 0.9f, 0.0f};
  }
  std::unique_ptr<render::OffscreenTarget> target_;
  std::unique_ptr<render::Renderer> renderer_;
  render::MeshHandle box_;
};

TEST(RenderContext, SelectsADeviceAndExplainsRejections) {
  auto ctx = render::Context::create({});
  ASSERT_TRUE(ctx.ok()) << ctx.error().message;
  EXPECT_FALSE((*ctx)->deviceDescription().empty());
  ASSERT_FALSE((*ctx)->candidates().empty());
  bool accepted = false;
  for (const auto& c : (*ctx)->candidates()) accepted |= c.accepted;
  EXPECT_TRUE(accepted);
}

TEST(RenderContext, UnknownGpuOverrideIsAClearError) {
  render::ContextOptions options;
  options.gpu = "no-such-gpu-xyz";
  auto ctx = render::Context::create(options);
  ASSERT_FALSE(ctx.ok());
  EXPECT_EQ(ctx.error().code, core::ErrorCode::Device);
  EXPECT_NE(ctx.error().message.find("no-such-gpu-xyz"), std::string::npos);
  // every device is listed with the reason it was not used
  EXPECT_NE(ctx.error().message.find("does not match"), std::string::npos);
}

TEST(RenderContext, OverrideBySubstringPicksThatDevice) {
  // the real devices of this machine: asking for one by part of its name gets that one
  auto any = render::Context::create({});
  ASSERT_TRUE(any.ok());
  const std::string name = (*any)->candidates().front().name;
  any->reset();
  render::ContextOptions options;
  options.gpu = name.substr(0, 4);
  auto ctx = render::Context::create(options);
  ASSERT_TRUE(ctx.ok()) << ctx.error().message;
  EXPECT_NE((*ctx)->deviceDescription().find(name.substr(0, 4)), std::string::npos);
}

std::vector<render::DeviceCandidate> fakeDevices() {
  return {{"llvmpipe (LLVM 15.0.6, 256 bits)", VK_PHYSICAL_DEVICE_TYPE_CPU, 0, true, {}},
          {"Intel(R) UHD Graphics 620", VK_PHYSICAL_DEVICE_TYPE_INTEGRATED_GPU, 0, true, {}},
          {"NVIDIA H200", VK_PHYSICAL_DEVICE_TYPE_DISCRETE_GPU, 0, true, {}},
          {"Old GPU", VK_PHYSICAL_DEVICE_TYPE_DISCRETE_GPU, 0, false, "Vulkan 1.1 is required"}};
}

TEST(DeviceSelection, PrefersDiscreteThenIntegratedThenCpu) {
  auto devices = fakeDevices();
  EXPECT_EQ(render::chooseDevice(devices, ""), 2);
  EXPECT_NE(devices[0].reason.find("is preferred"), std::string::npos) << devices[0].reason;
  EXPECT_EQ(devices[3].reason, "Vulkan 1.1 is required");
  devices = fakeDevices();
  devices[2].accepted = false;
  EXPECT_EQ(render::chooseDevice(devices, ""), 1);
  devices = fakeDevices();
  devices[1].accepted = devices[2].accepted = false;
  EXPECT_EQ(render::chooseDevice(devices, ""), 0);
}

TEST(DeviceSelection, OverrideBeatsPreferenceAndIgnoresCase) {
  auto devices = fakeDevices();
  EXPECT_EQ(render::chooseDevice(devices, "LLVMPIPE"), 0);
  EXPECT_NE(devices[2].reason.find("does not match"), std::string::npos) << devices[2].reason;
  devices = fakeDevices();
  EXPECT_EQ(render::chooseDevice(devices, "intel"), 1);
}

TEST(DeviceSelection, NothingLeftIsMinusOneWithEveryReason) {
  auto devices = fakeDevices();
  EXPECT_EQ(render::chooseDevice(devices, "radeon"), -1);
  for (const auto& d : devices) EXPECT_FALSE(d.reason.empty()) << d.name;
  // a device that fails the requirements stays out even when named
  devices = fakeDevices();
  EXPECT_EQ(render::chooseDevice(devices, "old gpu"), -1);
}

TEST_F(Renderer, EmptyFrameIsTheBackgroundColour) {
  render::FrameDesc f = frameLookingDownZ({0, 0, 5}, {}, 1.0f);
  f.lighting.background = {1, 0, 0};
  render::Image img;
  ASSERT_TRUE(renderer_->drawFrame(f, &img).ok());
  ASSERT_EQ(img.width, 64u);
  ASSERT_EQ(img.height, 64u);
  EXPECT_EQ(pixel(img, 0, 0), (std::array<int, 3>{255, 0, 0}));
  EXPECT_EQ(pixel(img, 63, 63), (std::array<int, 3>{255, 0, 0}));
}

TEST_F(Renderer, DepthTestKeepsTheNearerBoxWhateverTheDrawOrder) {
  // far blue box drawn after the near red one, and the other way round
  for (bool nearFirst : {true, false}) {
    std::vector<render::DrawItem> items = {boxAt({0, 0, 0}, {1, 0, 0, 1}),
                                           boxAt({0, 0, -3}, {0, 0, 1, 1})};
    if (!nearFirst) std::swap(items[0], items[1]);
    render::Image img;
    ASSERT_TRUE(renderer_->drawFrame(frameLookingDownZ({0, 0, 3}, items, 1.0f), &img).ok());
    const auto c = pixel(img, 32, 32);
    EXPECT_GT(c[0], 80) << "near first: " << nearFirst;
    EXPECT_LT(c[2], 30) << "near first: " << nearFirst;
  }
}

TEST_F(Renderer, BackFacesAreCulled) {
  // from inside a box every face points away: nothing is drawn
  const std::vector<render::DrawItem> items = {
      {box_, core::composeTRS({0, 0, 0}, {}, {4, 4, 4}), {1, 1, 1, 1}, 0.5f, 0.0f}};
  render::Image img;
  ASSERT_TRUE(renderer_->drawFrame(frameLookingDownZ({0, 0, 0}, items, 1.0f), &img).ok());
  EXPECT_EQ(pixel(img, 32, 32), (std::array<int, 3>{0, 0, 0}));
  // from outside the same box is visible
  ASSERT_TRUE(renderer_->drawFrame(frameLookingDownZ({0, 0, 8}, items, 1.0f), &img).ok());
  EXPECT_GT(pixel(img, 32, 32)[0], 50);
}

TEST_F(Renderer, PerEntityTransformsPlaceBoxesWhereTheyAre) {
  // a box left of centre and nothing right of centre
  const std::vector<render::DrawItem> items = {boxAt({-1.2f, 0, 0}, {0, 1, 0, 1})};
  render::Image img;
  ASSERT_TRUE(renderer_->drawFrame(frameLookingDownZ({0, 0, 4}, items, 1.0f), &img).ok());
  EXPECT_GT(pixel(img, 14, 32)[1], 60);
  EXPECT_EQ(pixel(img, 50, 32), (std::array<int, 3>{0, 0, 0}));
}

TEST_F(Renderer, LightingFollowsTheNormal) {
  // a face turned towards the light is brighter than one turned away
  const std::vector<render::DrawItem> items = {boxAt({0, 0, 0}, {0.8f, 0.8f, 0.8f, 1})};
  render::FrameDesc f = frameLookingDownZ({0, 0, 4}, items, 1.0f);
  render::Image lit, dark;
  ASSERT_TRUE(renderer_->drawFrame(f, &lit).ok());
  f.lighting.direction = {0, 0, 1};  // light from behind the box
  ASSERT_TRUE(renderer_->drawFrame(f, &dark).ok());
  EXPECT_GT(pixel(lit, 32, 32)[0], pixel(dark, 32, 32)[0] + 40);
}

TEST_F(Renderer, SeeThroughItemsBlendAndAlphaZeroIsNotDrawn) {
  // a half-transparent red box in front of an opaque blue one
  std::vector<render::DrawItem> items = {boxAt({0, 0, 0}, {1, 0, 0, 0.5f}),
                                         boxAt({0, 0, -3}, {0, 0, 1, 1})};
  render::Image img;
  ASSERT_TRUE(renderer_->drawFrame(frameLookingDownZ({0, 0, 3}, items, 1.0f), &img).ok());
  const auto mixed = pixel(img, 32, 32);
  EXPECT_GT(mixed[0], 40);  // red from the near box
  EXPECT_GT(mixed[2], 20);  // blue through it
  // alpha 0: not drawn at all, the picture is the blue box's alone
  items[0].baseColor.w = 0.0f;
  ASSERT_TRUE(renderer_->drawFrame(frameLookingDownZ({0, 0, 3}, items, 1.0f), &img).ok());
  render::Image blueOnly;
  const std::vector<render::DrawItem> blue = {items[1]};
  ASSERT_TRUE(renderer_->drawFrame(frameLookingDownZ({0, 0, 3}, blue, 1.0f), &blueOnly).ok());
  EXPECT_EQ(pixel(img, 32, 32), pixel(blueOnly, 32, 32));
  EXPECT_GT(pixel(img, 32, 32)[2], 40);
}

TEST_F(Renderer, EmissiveGlowsAndAHighlightOutlinesTheSilhouette) {
  // a dim box, lit from behind so that only its own light shows
  std::vector<render::DrawItem> items = {boxAt({0, 0, 0}, {0.4f, 0.4f, 0.4f, 1})};
  render::FrameDesc f = frameLookingDownZ({0, 0, 4}, items, 1.0f);
  f.lighting.direction = {0, 0, 1};
  render::Image plain, glowing, outlined;
  ASSERT_TRUE(renderer_->drawFrame(f, &plain).ok());
  items[0].emissive = 2.0f;
  ASSERT_TRUE(renderer_->drawFrame(f, &glowing).ok());
  EXPECT_GT(pixel(glowing, 32, 32)[0], pixel(plain, 32, 32)[0] + 60);
  // around the box, background before, warm after: the outline, a few pixels wide
  items[0].emissive = 0.0f;
  items[0].highlight = 1.0f;
  ASSERT_TRUE(renderer_->drawFrame(f, &outlined).ok());
  int outlinePixels = 0;
  for (std::uint32_t x = 0; x < 64; ++x) {
    const auto before = pixel(plain, x, 32), after = pixel(outlined, x, 32);
    if (before == std::array<int, 3>{0, 0, 0} && after[0] > 60 && after[0] > after[2] + 30)
      ++outlinePixels;  // background before, warm after: the outline
  }
  EXPECT_GE(outlinePixels, 2);
  EXPECT_LE(outlinePixels, 8);  // a thin line, not a bigger box
}

TEST(RendererShadows, ABoxShadowsTheFloorUnderTheLight) {
  // a floor and a box above it, the light from above and behind; seen from above at an angle
  render::ContextOptions co;
  co.validation = true;
  auto ctx = render::Context::create(co);
  ASSERT_TRUE(ctx.ok()) << ctx.error().message;
  auto target = render::OffscreenTarget::create(**ctx, 64, 64);
  ASSERT_TRUE(target.ok());
  const auto render = [&](std::uint32_t shadowMapSize) {
    render::RendererOptions ro;
    ro.shadowMapSize = shadowMapSize;
    auto renderer = render::Renderer::create(**ctx, **target, ro);
    EXPECT_TRUE(renderer.ok());
    auto box = (*renderer)->uploadMesh(assets::makeBox({0.5f, 0.5f, 0.5f}));
    EXPECT_TRUE(box.ok());
    const std::vector<render::DrawItem> items = {
        {*box,
         core::composeTRS({0, -0.5f, 0}, {}, {1, 1, 1}) * core::composeTRS({}, {}, {10, 0.02f, 10}),
         {0.8f, 0.8f, 0.8f, 1},
         0.9f,
         0.0f},
        {*box, core::composeTRS({0, 1, 0}, {}, {1, 1, 1}), {0.8f, 0.2f, 0.2f, 1}, 0.9f, 0.0f}};
    scene::Camera cam;
    cam.position = {0, 6, 6};
    cam.target = {0, 0, 0};
    render::FrameDesc f;
    f.camera = render::makeCameraView(cam, 1.0f);
    f.lighting.direction = {0, -1, 0.6f};  // the shadow falls in front of the box
    f.items = items;
    render::Image img;
    EXPECT_TRUE((*renderer)->drawFrame(f, &img).ok());
    return img;
  };
  // with the shadow map, part of the floor gets darker, and nothing gets lighter
  const render::Image lit = render(0), shadowed = render(1024);
  int darker = 0, lighter = 0;
  for (std::uint32_t y = 0; y < 64; ++y)
    for (std::uint32_t x = 0; x < 64; ++x) {
      const int d = pixel(lit, x, y)[1] - pixel(shadowed, x, y)[1];
      darker += d > 40;
      lighter += d < -8;
    }
  EXPECT_GT(darker, 40) << "no shadow";
  EXPECT_LT(darker, 64 * 64 / 4) << "too much shadow";
  EXPECT_EQ(lighter, 0);
  EXPECT_EQ((*ctx)->validationErrors(), 0u);
}

TEST_F(Renderer, RepeatedMeshesAreDrawnInstanced) {
  std::vector<render::DrawItem> items;
  for (int i = 0; i < 50; ++i)
    items.push_back(boxAt({float(i % 10) - 5, float(i / 10) - 2, -10}, {1, 1, 1, 1}));
  auto sphere = renderer_->uploadMesh(assets::makeSphere(0.5f));
  ASSERT_TRUE(sphere.ok());
  items.push_back({*sphere, core::composeTRS({0, 0, -5}, {}, {1, 1, 1}), {1, 0, 0, 1}, 0.5f, 0});
  render::Image img;
  ASSERT_TRUE(renderer_->drawFrame(frameLookingDownZ({0, 0, 4}, items, 1.0f), &img).ok());
  const auto& stats = renderer_->lastFrameStats();
  EXPECT_EQ(stats.drawCalls, 2u);
  EXPECT_EQ(stats.instances, 51u);
}

TEST_F(Renderer, ARegionDrawsTheSceneInPartOfTheImageOnly) {
  // a big red box that fills the view, drawn into the left half
  const std::vector<render::DrawItem> items = {
      {box_, core::composeTRS({0, 0, 0}, {}, {8, 8, 8}), {1, 0, 0, 1}, 0.9f, 0.0f}};
  render::FrameDesc f = frameLookingDownZ({0, 0, 6}, items, 0.5f);
  f.lighting.background = {0, 0, 1};
  f.region = VkRect2D{{0, 0}, {32, 64}};
  render::Image img;
  ASSERT_TRUE(renderer_->drawFrame(f, &img).ok());
  EXPECT_GT(pixel(img, 16, 32)[0], 60);                            // the scene, left
  EXPECT_EQ(pixel(img, 48, 32), (std::array<int, 3>{0, 0, 255}));  // background, right
  // a region partly outside the image is cut to it
  f.region = VkRect2D{{48, 0}, {100, 100}};
  ASSERT_TRUE(renderer_->drawFrame(f, &img).ok());
  EXPECT_GT(pixel(img, 60, 32)[0], 60);
  EXPECT_EQ(pixel(img, 16, 32), (std::array<int, 3>{0, 0, 255}));
}

TEST_F(Renderer, TheSameGeometryIsUploadedOnce) {
  auto again = renderer_->uploadMesh(assets::makeBox({0.5f, 0.5f, 0.5f}));
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, box_);
  auto other = renderer_->uploadMesh(assets::makeBox({0.5f, 0.5f, 0.6f}));
  ASSERT_TRUE(other.ok());
  EXPECT_NE(*other, box_);
}

TEST_F(Renderer, RejectsBrokenMeshes) {
  scene::MeshData bad = assets::makeBox({1, 1, 1});
  bad.indices.back() = 9999;
  EXPECT_FALSE(renderer_->uploadMesh(bad).ok());
  EXPECT_FALSE(renderer_->uploadMesh(scene::MeshData{}).ok());
}

TEST(Image, PngRoundTripIsExact) {
  render::Image img{3, 2, {}};
  for (int i = 0; i < 24; ++i) img.rgba.push_back(static_cast<std::uint8_t>(i * 10));
  for (std::size_t i = 3; i < img.rgba.size(); i += 4) img.rgba[i] = 255;
  const auto dir = makeTempDir("png");
  ASSERT_TRUE(render::writePng(dir / "x.png", img).ok());
  auto back = render::readPng(dir / "x.png");
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(back->rgba, img.rgba);
  EXPECT_EQ(render::compareImages(img, *back, 0).pixelsOver, 0u);
  std::filesystem::remove_all(dir);
}

TEST(Image, CompareCountsPixelsOverTolerance) {
  render::Image a{2, 2, std::vector<std::uint8_t>(16, 100)};
  render::Image b = a;
  b.rgba[0] = 103;  // pixel 0 off by 3
  b.rgba[4] = 120;  // pixel 1 off by 20
  const auto d = render::compareImages(a, b, 4);
  EXPECT_EQ(d.maxChannelDiff, 20);
  EXPECT_EQ(d.pixelsOver, 1u);
  EXPECT_DOUBLE_EQ(d.fractionOver, 0.25);
  render::Image c{3, 2, std::vector<std::uint8_t>(24, 100)};
  EXPECT_DOUBLE_EQ(render::compareImages(a, c, 255).fractionOver, 1.0);
}

}  // namespace
}  // namespace practicum::test
