#include "procedure_panel.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstring>

#include <imgui.h>
#include <nlohmann/json.hpp>

#include <practicum/editor/authoring.hpp>

#include <practicum/ui/ui_map.hpp>

#include "outliner_panel.hpp"

namespace practicum::editor_app {

namespace {
using Json = nlohmann::ordered_json;
using editor::Command;
using editor::EditorText;
using editor::Path;

// a field's words in the editor's language; its ImGui ID the field's key, as in every language
std::string labelled(const EditorContext& ctx, EditorText label, const Path& path) {
  return std::string(ctx.tr(label)) + "###" + path.str();
}

bool nameChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.';
}
}  // namespace

void setCreating(EditorContext& ctx, const Path& path, const std::string& json) {
  const Path parent = path.parent();
  if (path.depth() < 2 || ctx.doc.value(parent)) return ctx.apply(Command::set(path, json));
  ctx.apply(Command::set(parent, Json{{std::string(path.key()), Json::parse(json)}}.dump()));
}

void ProcedurePanel::draw(EditorContext& ctx) {
  const Path steps("procedure.steps");
  const std::size_t n = ctx.doc.size(steps);
  const auto names = ctx.symbolNames();
  for (std::size_t i = 0; i < n; ++i) {
    const Path step = steps.element(i);
    ImGui::PushID(int(i));
    const std::string id = ctx.doc.string(step.child("id")).value_or("?");
    const bool open =
        ImGui::TreeNodeEx("##step", ImGuiTreeNodeFlags_DefaultOpen, "%zu. %s", i + 1, id.c_str());
    ui::nameItem("procedure." + step.str(), id);
    ImGui::SameLine();
    if (ImGui::SmallButton("^") && i > 0) ctx.apply(Command::move(steps, i, i - 1));
    ImGui::SameLine();
    if (ImGui::SmallButton("v") && i + 1 < n) ctx.apply(Command::move(steps, i, i + 1));
    ImGui::SameLine();
    if (ImGui::SmallButton("x")) ctx.apply(Command::erase(step, "Delete step " + id));
    if (open) {
      idField(ctx, i, step.child("id"));
      textField(ctx, EditorText::TextZh, step.child("text").child("zh-CN"));
      textField(ctx, EditorText::TextEn, step.child("text").child("en"));
      textField(ctx, EditorText::HintZh, step.child("hint").child("zh-CN"));
      textField(ctx, EditorText::HintEn, step.child("hint").child("en"));
      afterField(ctx, step);
      pointsField(ctx, step.child("points"));
      conditionField(ctx, EditorText::Done, step.child("done"), names);
      ImGui::TreePop();
    }
    ImGui::PopID();
  }
  if (ImGui::Button((std::string(ctx.tr(EditorText::AddStep)) + "###add-step").c_str()))
    addItem(ctx, itemList("procedure.steps"));
  ui::nameItem("procedure.add");
}

void ProcedurePanel::textField(EditorContext& ctx, EditorText label, const Path& path) {
  char buf[512];
  std::snprintf(buf, sizeof buf, "%s", ctx.doc.string(path).value_or("").c_str());
  ImGui::InputText(labelled(ctx, label, path).c_str(), buf, sizeof buf);
  ui::nameItem("procedure." + path.str(), buf);
  nameLabel("procedure." + path.str(), ctx.tr(label));
  if (ImGui::IsItemDeactivatedAfterEdit()) setCreating(ctx, path, Json(buf).dump());
}

void ProcedurePanel::idField(EditorContext& ctx, std::size_t index, const Path& path) {
  char buf[128];
  std::snprintf(buf, sizeof buf, "%s", ctx.doc.string(path).value_or("").c_str());
  ImGui::InputText(labelled(ctx, EditorText::StepId, path).c_str(), buf, sizeof buf);
  ui::nameItem("procedure." + path.str(), buf);
  nameLabel("procedure." + path.str(), ctx.tr(EditorText::StepId));
  // the steps that come after it follow the new id
  if (ImGui::IsItemDeactivatedAfterEdit()) ctx.rename(Path("procedure.steps").element(index), buf);
}

void ProcedurePanel::pointsField(EditorContext& ctx, const Path& path) {
  // what the step earns when done; the format's default is 1
  double points = 1;
  if (const auto v = ctx.doc.value(path)) {
    const Json j = Json::parse(*v, nullptr, false);
    if (j.is_number()) points = j.get<double>();
  }
  const std::string shown = editor::numberJson(points);
  // each change typed is applied at once, merged into one step of the undo history
  if (ImGui::InputDouble(labelled(ctx, EditorText::Points, path).c_str(), &points, 0, 0, "%g"))
    ctx.apply(Command::set(path, editor::numberJson(points), "Points")
                  .mergeKey("procedure:" + path.str()));
  ui::nameItem("procedure." + path.str(), shown);
  nameLabel("procedure." + path.str(), ctx.tr(EditorText::Points));
}

void ProcedurePanel::afterField(EditorContext& ctx, const Path& step) {
  const Path path = step.child("after");
  const Json after = Json::parse(ctx.doc.value(path).value_or("null"), nullptr, false);
  std::string ids = after.is_array() && after.empty() ? "-" : "";
  if (after.is_array())
    for (const auto& a : after)
      if (a.is_string()) ids += (ids.empty() ? "" : ", ") + a.get<std::string>();
  char buf[512];
  std::snprintf(buf, sizeof buf, "%s", ids.c_str());
  ImGui::InputTextWithHint(labelled(ctx, EditorText::After, path).c_str(),
                           ctx.tr(EditorText::AfterHint), buf, sizeof buf);
  ui::nameItem("procedure." + path.str(), buf);
  nameLabel("procedure." + path.str(), ctx.tr(EditorText::After));
  for (const auto& d : ctx.doc.diagnostics())
    if (Path(d.path).startsWith(path))
      ImGui::TextColored(ImVec4(1, 0.35f, 0.3f, 1), "%s", ctx.message(d).c_str());
  if (!ImGui::IsItemDeactivatedAfterEdit()) return;
  if (std::string(buf) == "-") return ctx.apply(Command::set(path, "[]", "No prerequisites"));
  // the ids, separated by commas
  Json list = Json::array();
  const std::string text = buf;
  for (std::size_t start = 0; start <= text.size();) {
    std::size_t end = text.find(',', start);
    if (end == std::string::npos) end = text.size();
    std::string id = text.substr(start, end - start);
    id.erase(0, id.find_first_not_of(' '));
    id.erase(id.find_last_not_of(' ') + 1);
    if (!id.empty()) list.push_back(id);
    start = end + 1;
  }
  if (list.empty() && ctx.doc.value(path))
    ctx.apply(Command::erase(path, "Steps in sequence"));
  else if (!list.empty())
    ctx.apply(Command::set(path, list.dump(), "Prerequisites"));
}

void ProcedurePanel::conditionField(EditorContext& ctx, EditorText label, const Path& path,
                                    const std::vector<std::string>& names) {
  char buf[512];
  std::snprintf(buf, sizeof buf, "%s", ctx.doc.string(path).value_or("").c_str());
  // Tab completes the name being typed with the first name that starts with it
  const auto complete = [](ImGuiInputTextCallbackData* data) {
    const auto* all = static_cast<const std::vector<std::string>*>(data->UserData);
    int start = data->CursorPos;
    while (start > 0 && nameChar(data->Buf[start - 1])) --start;
    const std::string word(data->Buf + start, data->Buf + data->CursorPos);
    if (word.empty()) return 0;
    for (const auto& name : *all)
      if (name.rfind(word, 0) == 0) {
        data->DeleteChars(start, data->CursorPos - start);
        data->InsertChars(start, name.c_str());
        break;
      }
    return 0;
  };
  const ImVec2 fieldAt = ImGui::GetCursorScreenPos();
  ImGui::InputText(labelled(ctx, label, path).c_str(), buf, sizeof buf,
                   ImGuiInputTextFlags_CallbackCompletion, complete,
                   const_cast<std::vector<std::string>*>(&names));
  nameLabel("procedure." + path.str(), ctx.tr(label));
  // when the text last changed (the buffer is the document's each frame, so compare the text)
  if (ImGui::IsItemActive() && typed_ != buf) {
    typed_ = buf;
    typedAt_ = ImGui::GetTime();
    checked_.reset();
  }
  ui::nameItem("procedure." + path.str(), buf);
  const bool editing = ImGui::IsItemActive();
  if (ImGui::IsItemDeactivatedAfterEdit()) setCreating(ctx, path, Json(buf).dump());
  const ImVec4 red(1, 0.35f, 0.3f, 1);
  if (editing) {
    // what is being typed is checked once typing pauses, against the names of the scenario (as
    // far as it can be read, when it has errors); a caret points at the place, and the error
    // goes as soon as the text is right
    if (ImGui::GetTime() - typedAt_ > 0.3 && !checked_)
      checked_ = scenario::checkCondition(ctx.symbols(), buf);  // once per pause
    if (checked_)
      if (const auto& error = *checked_) {
        const std::size_t column = std::size_t(std::max(0, error->column - 1));
        const std::string before(buf, std::min(std::strlen(buf), column));
        const float x = ImGui::GetStyle().FramePadding.x + ImGui::CalcTextSize(before.c_str()).x -
                        ImGui::CalcTextSize("^").x * 0.5f;
        ImGui::GetWindowDrawList()->AddText(ImVec2(fieldAt.x + x, ImGui::GetCursorScreenPos().y),
                                            ImGui::GetColorU32(red), "^");
        ImGui::Dummy(ImVec2(0, ImGui::GetTextLineHeight() * 0.6f));
        ImGui::PushStyleColor(ImGuiCol_Text, red);
        ImGui::TextWrapped(
            "%s", ctx.format(EditorText::ColumnError, error->column, ctx.message(*error).c_str())
                      .c_str());
        ImGui::PopStyleColor();
        ui::nameItem("procedure." + path.str() + ".error", ctx.message(*error));
      }
  } else {
    // the document's own word on it
    for (const auto& d : ctx.doc.diagnostics())
      if (Path(d.path) == path) {
        ImGui::PushStyleColor(ImGuiCol_Text, red);
        ImGui::TextWrapped("%s", ctx.message(d).c_str());
        ImGui::PopStyleColor();
        ui::nameItem("procedure." + path.str() + ".error", ctx.message(d));
      }
  }
  if (!editing) return;
  // the word being typed, and the names that start with it
  const std::string text = buf;
  std::size_t start = text.size();
  while (start > 0 && nameChar(text[start - 1])) --start;
  const std::string word = text.substr(start);
  if (word.empty()) return;
  // beside the panel, level with the field (higher up where it would run off the window), over
  // the scene: never over the steps it is about
  int fitting = 0;
  for (const auto& name : names) fitting += name.rfind(word, 0) == 0 ? 1 : 0;
  const float lines = float(std::min(fitting, 12) + 1);
  const float height =
      lines * ImGui::GetTextLineHeightWithSpacing() + ImGui::GetStyle().WindowPadding.y * 2;
  const float y = std::max(0.0f, std::min(fieldAt.y, ImGui::GetIO().DisplaySize.y - height));
  ImGui::SetNextWindowPos(ImVec2(ImGui::GetWindowPos().x - 6, y), ImGuiCond_Always, ImVec2(1, 0));
  ImGui::BeginTooltip();
  int shown = 0;
  for (const auto& name : names)
    if (name.rfind(word, 0) == 0 && shown++ < 12) {
      ImGui::TextUnformatted(name.c_str());
      if (shown == 1) ui::nameItem("procedure.completion", name);
    }
  if (shown == 0)
    ImGui::TextDisabled("%s", ctx.format(EditorText::NoNameStarts, word.c_str()).c_str());
  if (shown > 0) ImGui::TextDisabled("%s", ctx.tr(EditorText::TabCompletes));
  ImGui::EndTooltip();
}

}  // namespace practicum::editor_app
