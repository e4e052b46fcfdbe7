// The UI overlay on real Vulkan: the font covers every character the UI and the shipped
// scenarios show in either language; the HUD draws in a window that is resized and minimised,
// vsync is switched, and overlays come and go, with validation on throughout.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <thread>

#include <practicum/present/hud_model.hpp>
#include <practicum/present/scene_view.hpp>
#include <practicum/render/offscreen_target.hpp>
#include <practicum/render/window.hpp>
#include <practicum/sim/session.hpp>
#include <practicum/ui/hud.hpp>
#include <practicum/ui/overlay.hpp>
#include <practicum/ui/timeline.hpp>

#include "../render/render_fixture.hpp"
#include "test_support.hpp"

namespace practicum::test {
namespace {

namespace fs = std::filesystem;

// every text a scenario brings to the screen
std::string scenarioTexts(const scenario::ScenarioDef& def) {
  std::string all = def.meta.title.zhCN + def.meta.description.zhCN;
  const auto& t = def.training;
  for (const auto& d : t.devices) all += d.label.zhCN;
  for (const auto& s : t.steps) all += s.text.zhCN + s.hint.zhCN;
  for (const auto& r : t.rules) all += r.text.zhCN;
  for (const auto& f : t.faults) all += f.text.zhCN;
  return all;
}

class OverlayTest : public RenderTest {};

TEST_F(OverlayTest, TheFontHasEveryCharacterOfTheUiAndTheShippedScenarios) {
  if (ui::findCjkFont().empty()) GTEST_FAIL() << "no CJK font: install fonts-wqy-microhei";
  auto target = render::OffscreenTarget::create(*context_, 64, 64);
  ASSERT_TRUE(target.ok());
  auto renderer = render::Renderer::create(*context_, **target, {1});
  ASSERT_TRUE(renderer.ok());
  std::string texts = ui::everyText();
  for (const auto& entry : fs::directory_iterator(sourceDir() / "scenarios")) {
    auto loaded = scenario::loadScenario(entry.path());
    ASSERT_TRUE(loaded.ok()) << entry.path();
    texts += scenarioTexts(*loaded.scenario);
  }
  ui::OverlayOptions options;
  options.language = ui::Language::ChineseSimplified;
  options.glyphText = texts;
  auto overlay = ui::Overlay::create(*context_, **renderer, options);
  ASSERT_TRUE(overlay.ok()) << overlay.error().message;
  EXPECT_TRUE((*overlay)->hasCjkFont());
  const auto missing = (*overlay)->missingGlyphs(texts);
  EXPECT_TRUE(missing.empty()) << missing.size() << " characters missing, the first U+" << std::hex
                               << (missing.empty() ? 0 : missing[0]);
  // characters the font was not asked for and are not common are reported
  EXPECT_EQ((*overlay)->missingGlyphs("\xE9\xBE\x98 \xF0\x9F\x9A\x80").size(),
            2u);  // U+9F98, U+1F680
}

TEST_F(OverlayTest, DrawsTheHudInAWindowThatIsResizedAndMinimised) {
  if (!std::getenv("DISPLAY") && !std::getenv("WAYLAND_DISPLAY"))
    GTEST_SKIP() << "no display (scripts/test runs the tests under Xvfb)";
  auto window = render::Window::create({"practicum overlay test", 480, 320});
  ASSERT_TRUE(window.ok()) << window.error().message;
  render::Window& w = **window;
  auto session = sim::Session::load(sourceDir() / "scenarios" / "substation-switching");
  ASSERT_TRUE(session.ok()) << session.error().message;

  // a context that presents to the window, with validation; the fixture's own stays idle
  render::ContextOptions co;
  co.validation = true;
  co.instanceExtensions = w.requiredInstanceExtensions();
  co.createSurface = [&w](VkInstance instance) { return w.createSurface(instance); };
  auto ctx = render::Context::create(co);
  ASSERT_TRUE(ctx.ok()) << ctx.error().message;
  auto target = render::WindowTarget::create(**ctx, w, false);
  ASSERT_TRUE(target.ok()) << target.error().message;
  auto renderer = render::Renderer::create(**ctx, **target);
  ASSERT_TRUE(renderer.ok());
  auto view = present::SceneView::create(**renderer, (*session)->simulation());
  ASSERT_TRUE(view.ok());

  // two overlays one after the other (ImGui's context and backends are set up again)
  for (int round = 0; round < 2; ++round) {
    ui::OverlayOptions oo;
    oo.window = &w;
    oo.language = round == 0 ? ui::Language::English : ui::Language::ChineseSimplified;
    auto overlay = ui::Overlay::create(**ctx, **renderer, oo);
    ASSERT_TRUE(overlay.ok()) << overlay.error().message;
    const auto frame = [&] {
      w.pollEvents();
      const VkExtent2D e = (*target)->extent();
      (*overlay)->newFrame(float(e.width), float(e.height), 1.0f / 60);
      const ui::HudModel hud = present::makeHud(**session, oo.language);
      ui::drawHud(hud);
      ui::drawEffects(hud);
      ui::drawHelp(oo.language, round == 1);
      const auto camera = render::makeCameraView((*session)->definition().scene.camera,
                                                 e.height ? float(e.width) / float(e.height) : 1);
      return (*renderer)->drawFrame((*view)->frame((*session)->simulation(), camera));
    };
    for (int i = 0; i < 3; ++i) ASSERT_TRUE(frame().ok());
    // resize, minimise and restore while drawing
    w.resize(round == 0 ? 640 : 320, round == 0 ? 400 : 200);
    for (int i = 0; i < 20; ++i) {
      ASSERT_TRUE(frame().ok());
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    w.setMinimized(true);
    for (int i = 0; i < 10; ++i) ASSERT_TRUE(frame().ok());
    w.setMinimized(false);
    for (int i = 0; i < 10; ++i) ASSERT_TRUE(frame().ok());
    // vsync on and off (the swapchain is rebuilt with another present mode)
    const std::uint64_t generation = (*target)->generation();
    (*target)->setVsync(!(*target)->vsync());
    for (int i = 0; i < 3; ++i) ASSERT_TRUE(frame().ok());
    EXPECT_GT((*target)->generation(), generation);
    (*renderer)->waitIdle();
  }
  EXPECT_EQ((*ctx)->validationErrors(), 0u);
}

}  // namespace
}  // namespace practicum::test
