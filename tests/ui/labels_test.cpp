// Equipment labels belong to the scene: one whose place a panel covers is not drawn (not even
// faintly through the panel's translucent background); one in the open is.
#include <gtest/gtest.h>

#include <imgui.h>
#include <practicum/ui/hud.hpp>

namespace practicum::test {
namespace {

// a frame of a bare ImGui context (no renderer): a panel at (100, 100)-(300, 200)
int labelVertices(const std::vector<ui::ScreenLabel>& labels) {
  ImGui::NewFrame();
  ImGui::SetNextWindowPos(ImVec2(100, 100));
  ImGui::SetNextWindowSize(ImVec2(200, 100));
  ImGui::Begin("panel", nullptr, ImGuiWindowFlags_NoDecoration);
  ImGui::End();
  const int before = ImGui::GetBackgroundDrawList()->VtxBuffer.Size;
  ui::drawLabels(labels);
  const int drawn = ImGui::GetBackgroundDrawList()->VtxBuffer.Size - before;
  ImGui::EndFrame();
  return drawn;
}

TEST(Labels, ALabelUnderAPanelIsNotDrawn) {
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(640, 480);
  io.DeltaTime = 1.0f / 60;
  unsigned char* pixels = nullptr;
  int w = 0, h = 0;
  io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
  (void)labelVertices({});  // the panel exists from the first frame on
  EXPECT_GT(labelVertices({{"QF1", 400, 300}}), 0) << "a label in the open";
  EXPECT_EQ(labelVertices({{"QF1", 200, 160}}), 0) << "a label under the panel";
  EXPECT_EQ(labelVertices({{"QF1", 200, 160}, {"QS1", 400, 300}}),
            labelVertices({{"QS1", 400, 300}}));
  ImGui::DestroyContext();
}

}  // namespace
}  // namespace practicum::test
