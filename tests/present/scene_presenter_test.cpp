// What the scene shows of a session besides the poses: tags name equipment by its label in the
// UI language, readings carry their unit and never read "-0".
#include <gtest/gtest.h>

#include <practicum/present/pointer.hpp>
#include <practicum/present/scene_presenter.hpp>
#include <practicum/sim/session.hpp>

#include "test_support.hpp"

namespace practicum::test {
namespace {

TEST(Tags, ReadingsHaveAtMostThreeFiguresTheirUnitAndNoNegativeZero) {
  EXPECT_EQ(present::formatReading(0.0743, "MPa"), "0.074 MPa");
  EXPECT_EQ(present::formatReading(-0.0000001, ""), "0");
  EXPECT_EQ(present::formatReading(-0.0004, "kV"), "0 kV");
  EXPECT_EQ(present::formatReading(-1.5, "kV"), "-1.5 kV");
  EXPECT_EQ(present::formatReading(12.5, "%LEL"), "12.5 %LEL");
  EXPECT_EQ(present::formatReading(10.0, "kV"), "10 kV");
  EXPECT_EQ(present::formatReading(230.4, "V"), "230 V");
  EXPECT_EQ(present::formatReading(1.0, ""), "1");
  EXPECT_EQ(present::formatReading(std::nan(""), "V"), "-");
}

TEST(Tags, DevicesAreTaggedWithTheirLabelInTheUiLanguage) {
  auto session = sim::Session::load(sourceDir() / "scenarios" / "substation-switching");
  ASSERT_TRUE(session.ok()) << session.error().message;
  const sim::Session& s = **session;
  const VkRect2D region{{0, 0}, {1280, 720}};
  const render::CameraView view = render::makeCameraView(s.definition().scene.camera, 1280.f / 720);
  for (const auto language : {ui::Language::English, ui::Language::ChineseSimplified}) {
    const auto labels = present::equipmentLabels(s, view, region, language);
    ASSERT_FALSE(labels.empty());
    const std::string qf1 =
        language == ui::Language::English ? "AH2 breaker QF1" : "AH2 断路器 QF1";
    bool found = false;
    for (const auto& l : labels) {
      found |= l.text == qf1;
      EXPECT_NE(l.text, "QF1");  // not the identifier
      EXPECT_TRUE(present::inside({l.x, l.y}, region));
    }
    EXPECT_TRUE(found) << qf1;
  }
}

}  // namespace
}  // namespace practicum::test
