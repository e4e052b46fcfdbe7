#include <practicum/ui/status_panel.hpp>

#include <imgui.h>

#include <practicum/core/hash.hpp>

namespace practicum::ui {

void drawStatusPanel(const StatusInfo& info) {
  ImGui::SetNextWindowPos(ImVec2(10, 10), ImGuiCond_Always);
  ImGui::SetNextWindowBgAlpha(0.55f);
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                                 ImGuiWindowFlags_NoSavedSettings |
                                 ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav |
                                 ImGuiWindowFlags_NoMove;
  if (ImGui::Begin("##status", nullptr, flags)) {
    ImGui::TextUnformatted(info.title.c_str());
    ImGui::Separator();
    char hex[17];
    ImGui::Text("t = %.2f s  (tick %llu)%s", info.simSeconds,
                static_cast<unsigned long long>(info.tick), info.paused ? "  [paused]" : "");
    ImGui::Text("state %s", core::toHex(info.stateHash, hex).data());
    if (info.frameMilliseconds > 0)
      ImGui::Text("%s  |  %.1f ms/frame", info.device.c_str(), info.frameMilliseconds);
    else
      ImGui::TextUnformatted(info.device.c_str());
    if (!info.help.empty()) ImGui::TextDisabled("%s", info.help.c_str());
  }
  ImGui::End();
}

}  // namespace practicum::ui
