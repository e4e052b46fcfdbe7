// Golden image of the bundled scenario, rendered offscreen with validation layers on.
// Drivers round differently (NVIDIA and lavapipe differ by one step at 0.5 x 255), so the
// comparison allows a per-channel difference and a small fraction of pixels over it.
// To promote a new golden after looking at it: scripts/update-goldens.
#include <gtest/gtest.h>

#include <cstdlib>
#include <map>

#include <practicum/present/scene_view.hpp>
#include <practicum/render/image.hpp>
#include <practicum/render/offscreen_target.hpp>
#include <practicum/render/renderer.hpp>
#include <practicum/sim/simulation.hpp>

#include "render_fixture.hpp"
#include "test_support.hpp"

namespace practicum::test {
namespace {

constexpr std::uint32_t kWidth = 640, kHeight = 360;
constexpr double kSeconds = 3.0;
constexpr int kChannelTolerance = 12;
constexpr double kMaxFractionOver = 0.01;

class Golden : public RenderTest {
 protected:
  // the golden was rendered by lavapipe; on machines without it the tolerance has to carry
  std::string preferredGpu() const override { return "llvmpipe"; }
  // renders the workbench scenario after kSeconds of simulation
  render::Image renderWorkbench() {
    auto sim = sim::Simulation::load(scenarioDir("workbench"));
    EXPECT_TRUE(sim.ok()) << (sim.ok() ? "" : sim.error().message);
    if (!sim.ok()) return {};
    while ((*sim)->time() < kSeconds) (*sim)->step();

    auto target = render::OffscreenTarget::create(*context_, kWidth, kHeight);
    EXPECT_TRUE(target.ok());
    auto renderer = render::Renderer::create(*context_, **target);
    EXPECT_TRUE(renderer.ok());
    auto view = present::SceneView::create(**renderer, **sim);
    EXPECT_TRUE(view.ok());
    if (!target.ok() || !renderer.ok() || !view.ok()) return {};
    const auto camera =
        render::makeCameraView((*sim)->definition().scene.camera, float(kWidth) / float(kHeight));
    render::Image image;
    auto drawn = (*renderer)->drawFrame((*view)->frame(**sim, camera), &image);
    EXPECT_TRUE(drawn.ok()) << (drawn.ok() ? "" : drawn.error().message);
    lastStats_ = (*renderer)->lastFrameStats();
    return image;
  }
  render::FrameStats lastStats_;
};

TEST_F(Golden, WorkbenchShowsTheScene) {
  const render::Image image = renderWorkbench();
  ASSERT_EQ(image.width, kWidth);
  // not blank, not uniform: many colours and a real spread of brightness
  const auto stats = render::imageStats(image);
  EXPECT_GT(stats.distinctColors, 100u);
  EXPECT_GT(stats.stddevLuma, 20.0);
  EXPECT_GT(stats.meanLuma, 40.0);
  EXPECT_LT(stats.meanLuma, 220.0);
  // the most common colour (the sky, the floor) covers less than half of the picture
  std::map<std::uint32_t, std::uint64_t> counts;
  for (std::size_t i = 0; i < image.rgba.size(); i += 4)
    ++counts[(std::uint32_t(image.rgba[i]) << 16) | (std::uint32_t(image.rgba[i + 1]) << 8) |
             image.rgba[i + 2]];
  std::uint64_t mode = 0;
  for (const auto& [colour, n] : counts) mode = std::max(mode, n);
  EXPECT_LT(double(mode) / (kWidth * kHeight), 0.5);
  // identical primitives share instanced draws
  EXPECT_LT(lastStats_.drawCalls, lastStats_.instances);
}

TEST_F(Golden, WorkbenchMatchesTheGolden) {
  const render::Image image = renderWorkbench();
  ASSERT_EQ(image.width, kWidth);
  const auto golden = sourceDir() / "tests" / "golden" / "workbench.png";
  if (const char* update = std::getenv("PRACTICUM_UPDATE_GOLDENS"); update && *update == '1') {
    ASSERT_TRUE(render::writePng(golden, image).ok());
    GTEST_SKIP() << "golden written to " << golden;
  }
  auto expected = render::readPng(golden);
  ASSERT_TRUE(expected.ok()) << expected.error().message;
  const auto diff = render::compareImages(image, *expected, kChannelTolerance);
  if (diff.fractionOver > kMaxFractionOver) {
    // leave the evidence next to the build for a person to look at
    const auto out = binaryDir() / "test-output";
    std::filesystem::create_directories(out);
    (void)render::writePng(out / "workbench.actual.png", image);
    (void)render::writePng(out / "workbench.diff.png", render::diffImage(image, *expected));
  }
  EXPECT_LE(diff.fractionOver, kMaxFractionOver)
      << diff.pixelsOver << " pixels differ by more than " << kChannelTolerance
      << " (max difference " << diff.maxChannelDiff << "); see " << binaryDir() / "test-output";
}

}  // namespace
}  // namespace practicum::test
