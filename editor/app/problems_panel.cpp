#include "problems_panel.hpp"

#include <cstdio>

#include <imgui.h>

#include <practicum/ui/ui_map.hpp>

namespace practicum::editor_app {

using editor::EditorText;

void ProblemsPanel::draw(EditorContext& ctx) {
  // the scenario's, then its run files' (names a run uses that the scenario does not have)
  const auto& scenario = ctx.doc.diagnostics();
  const auto& runs = ctx.doc.runDiagnostics();
  if (scenario.empty() && runs.empty()) {
    ImGui::TextColored(ImVec4(0.4f, 0.9f, 0.5f, 1), "%s", ctx.tr(EditorText::NoProblems));
    ui::nameItem("problems.none");
  }
  for (std::size_t i = 0; i < scenario.size() + runs.size(); ++i) {
    const auto& d = i < scenario.size() ? scenario[i] : runs[i - scenario.size()];
    const ImVec4 colour = d.severity == scenario::Severity::Error ? ImVec4(1, 0.4f, 0.35f, 1)
                                                                  : ImVec4(1, 0.8f, 0.3f, 1);
    // the whole message, wrapped to the panel's width, and all of it one click
    const bool inRun = d.file.rfind("runs/", 0) == 0;
    const std::string text = (inRun ? d.file + ": " : std::string()) +
                             (d.path.empty() ? "" : d.path + ": ") + ctx.message(d);
    const float width = ImGui::GetContentRegionAvail().x;
    const ImVec2 size = ImGui::CalcTextSize(text.c_str(), nullptr, false, width);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const std::string id = "##problem" + std::to_string(i);
    if (ImGui::Selectable(id.c_str(), false, 0, ImVec2(width, size.y)) && !inRun) {
      // to the item, where it is edited: a step in the Procedure tab, the rest in the Inspector
      const editor::Path item = editor::Path(d.path).item();
      ctx.doc.select({item});
      ctx.showTab = item.indexIn("procedure.steps") ? "procedure" : "inspector";
    }
    ui::nameItem("problems[" + std::to_string(i) + "]", text);
    ImGui::GetWindowDrawList()->AddText(ImGui::GetFont(), ImGui::GetFontSize(), at,
                                        ImGui::GetColorU32(colour), text.c_str(), nullptr, width);
  }
}

void AssessmentPanel::draw(const Assessment& a, ui::Language language) {
  const auto& r = a.result;
  const auto tr = [&](EditorText t) { return editor::tr(t, language); };
  ImGui::TextColored(r.passed ? ImVec4(0.4f, 0.95f, 0.5f, 1) : ImVec4(1, 0.35f, 0.3f, 1), "%s",
                     tr(r.passed ? EditorText::Passed : EditorText::NotPassed));
  ui::nameItem("assessment.passed", r.passed ? "passed" : "not passed");
  char score[64];
  std::snprintf(score, sizeof score, "%g / %g", r.score, r.max);
  ImGui::TextUnformatted(editor::format(EditorText::ScoreLine, language, score, r.seconds).c_str());
  ui::nameItem("assessment.score", score);
  for (const auto& s : r.steps)
    ImGui::BulletText("%s", editor::format(EditorText::StepLine, language, s.done ? "[x]" : "[ ]",
                                           s.id.c_str(), s.at)
                                .c_str());
  for (std::size_t i = 0; i < r.violations.size(); ++i) {
    const auto& v = r.violations[i];
    const std::string& text =
        language == ui::Language::ChineseSimplified && !v.textZhCN.empty() ? v.textZhCN : v.textEn;
    ImGui::TextColored(
        ImVec4(1, 0.5f, 0.4f, 1), "%s",
        editor::format(EditorText::ViolationLine, language, v.at, text.c_str()).c_str());
    ui::nameItem("assessment.violations[" + std::to_string(i) + "]", v.textEn);
  }
  ImGui::TextWrapped("%s", editor::format(EditorText::LogLine, language, a.log.c_str()).c_str());
  ui::nameItem("assessment.log", a.log);
}

}  // namespace practicum::editor_app
