#include "dialogs.hpp"

#include <imgui.h>

#include <practicum/editor/authoring.hpp>
#include <practicum/ui/ui_map.hpp>

namespace practicum::editor_app {

using editor::Document;
using editor::EditorText;

namespace {
// a window's or a button's words in the editor's language, its ImGui ID the same in every one
std::string titled(const EditorContext& ctx, EditorText text, const char* id) {
  return std::string(ctx.tr(text)) + "###" + id;
}
}  // namespace

void Dialogs::draw(EditorContext& ctx) {
  // after a rename: the texts that still say the old name, offered the new one (not modal: the
  // editing goes on, and the next rename replaces the offer)
  if (ctx.textRename) {
    const auto& r = *ctx.textRename;
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, 40), ImGuiCond_Always, ImVec2(0.5f, 0));
    ImGui::Begin(titled(ctx, EditorText::RenameInTexts, "rename-in-texts").c_str(), nullptr,
                 ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoCollapse |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoMove);
    const std::string say = r.texts == 1
                                ? ctx.format(EditorText::OneTextStillSays, r.from.c_str())
                                : ctx.format(EditorText::TextsStillSay, r.texts, r.from.c_str());
    ImGui::TextUnformatted(say.c_str());
    ui::nameItem("rename-texts", std::to_string(r.texts));
    const std::string update = ctx.format(EditorText::WriteThere, r.to.c_str()) + "###update";
    bool done = false;
    if (ImGui::Button(update.c_str())) {
      ctx.apply(editor::renameInTexts(ctx.doc, r.from, r.to));
      done = true;
    }
    ui::nameItem("rename-texts.update");
    ImGui::SameLine();
    if (ImGui::Button(titled(ctx, EditorText::KeepThem, "keep").c_str())) done = true;
    ui::nameItem("rename-texts.keep");
    ImGui::End();
    if (done) ctx.textRename.reset();
  }

  // unsaved changes left by a session that did not end cleanly
  const std::string restoreTitle = titled(ctx, EditorText::RestoreTitle, "restore");
  if (recoveryPending_ && !ctx.options.automated) {
    ImGui::OpenPopup(restoreTitle.c_str());
    recoveryPending_ = false;
  }
  if (ImGui::BeginPopupModal(restoreTitle.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::TextWrapped("%s", ctx.format(EditorText::RecoveryMessage,
                                        ctx.doc.file().empty() ? ctx.tr(EditorText::ANewScenario)
                                                               : ctx.doc.file().string().c_str())
                                 .c_str());
    if (ImGui::Button(titled(ctx, EditorText::Restore, "restore-button").c_str())) {
      if (auto s = ctx.doc.restoreRecovery(); !s.ok()) ctx.status = ctx.message(s.error().message);
      recoveryUnanswered_ = false;
      ImGui::CloseCurrentPopup();
    }
    ui::nameItem("recovery.restore");
    ImGui::SameLine();
    if (ImGui::Button(titled(ctx, EditorText::DiscardThem, "discard").c_str())) {
      ctx.doc.discardRecovery();
      recoveryUnanswered_ = false;
      ImGui::CloseCurrentPopup();
    }
    ui::nameItem("recovery.discard");
    ImGui::EndPopup();
  }

  // closing with unsaved changes
  const std::string closeTitle = titled(ctx, EditorText::SaveChangesTitle, "save-changes");
  if (ctx.closeAsked) {
    ImGui::OpenPopup(closeTitle.c_str());
    ctx.closeAsked = false;
  }
  if (ImGui::BeginPopupModal(closeTitle.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::TextUnformatted(ctx.format(EditorText::SaveBeforeClosing,
                                      ctx.doc.file().empty() ? ctx.tr(EditorText::TheNewScenario)
                                                             : ctx.doc.file().string().c_str())
                               .c_str());
    if (ImGui::Button(titled(ctx, EditorText::Save, "save").c_str())) {
      ctx.save();
      if (!ctx.doc.dirty()) ctx.quit = true;
      ImGui::CloseCurrentPopup();
    }
    ui::nameItem("close.save");
    ImGui::SameLine();
    if (ImGui::Button(titled(ctx, EditorText::DontSave, "dont-save").c_str())) {
      ctx.doc.discardRecovery();
      ctx.quit = true;
      ImGui::CloseCurrentPopup();
    }
    ui::nameItem("close.discard");
    ImGui::SameLine();
    if (ImGui::Button(titled(ctx, EditorText::Cancel, "cancel").c_str()))
      ImGui::CloseCurrentPopup();
    ui::nameItem("close.cancel");
    ImGui::EndPopup();
  }

  // new, open, save as
  const std::string titles[] = {"", titled(ctx, EditorText::NewScenarioTitle, "new"),
                                titled(ctx, EditorText::OpenScenarioTitle, "open"),
                                titled(ctx, EditorText::SaveAsTitle, "save-as")};
  if (ctx.dialog != Dialog::None) {
    ImGui::OpenPopup(titles[int(ctx.dialog)].c_str());
    ctx.dialog = Dialog::None;
  }
  for (int m = 1; m <= 3; ++m) {
    if (!ImGui::BeginPopupModal(titles[m].c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize))
      continue;
    if (m == int(Dialog::New)) {
      ImGui::InputText(titled(ctx, EditorText::DialogId, "id").c_str(), newId_, sizeof newId_);
      ui::nameItem("dialog.id", newId_);
      ImGui::InputText(titled(ctx, EditorText::TitleZh, "zh").c_str(), newZh_, sizeof newZh_);
      ui::nameItem("dialog.zh-CN", newZh_);
      ImGui::InputText(titled(ctx, EditorText::TitleEn, "en").c_str(), newEn_, sizeof newEn_);
      ui::nameItem("dialog.en", newEn_);
    } else {
      ImGui::InputText(titled(ctx, EditorText::ScenarioFolder, "folder").c_str(), path_,
                       sizeof path_);
      ui::nameItem("dialog.folder", path_);
    }
    if (ImGui::Button(titled(ctx, EditorText::Ok, "ok").c_str())) {
      act(ctx, Dialog(m));
      ImGui::CloseCurrentPopup();
    }
    ui::nameItem("dialog.ok");
    ImGui::SameLine();
    if (ImGui::Button(titled(ctx, EditorText::Cancel, "cancel").c_str()))
      ImGui::CloseCurrentPopup();
    ui::nameItem("dialog.cancel");
    ImGui::EndPopup();
  }
}

void Dialogs::act(EditorContext& ctx, Dialog dialog) {
  if (dialog == Dialog::New) {
    ctx.replaceDocument(Document::create(newId_, {newZh_, newEn_}));
  } else if (dialog == Dialog::Open) {
    auto opened = Document::open(path_);
    if (!opened.ok()) {
      ctx.status = ctx.message(opened.error().message);
      return;
    }
    ctx.replaceDocument(std::move(*opened));
    offerRecovery(Document::pendingRecovery(ctx.doc.file()).has_value());
  } else if (dialog == Dialog::SaveAs) {
    if (auto s = ctx.doc.saveAs(path_); !s.ok()) {
      ctx.status = ctx.format(EditorText::NotSaved, ctx.message(s.error().message).c_str());
    } else {
      ctx.status = ctx.format(EditorText::Saved, ctx.doc.file().string().c_str());
      ctx.savedStatus = ctx.status;
    }
  }
}

}  // namespace practicum::editor_app
