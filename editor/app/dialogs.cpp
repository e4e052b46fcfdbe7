#include "dialogs.hpp"

#include <imgui.h>

#include <practicum/editor/authoring.hpp>
#include <practicum/ui/ui_map.hpp>

namespace practicum::editor_app {

using editor::Document;

void Dialogs::draw(EditorContext& ctx) {
  // after a rename: the texts that still say the old name, offered the new one (not modal: the
  // editing goes on, and the next rename replaces the offer)
  if (ctx.textRename) {
    const auto& r = *ctx.textRename;
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, 40), ImGuiCond_Always, ImVec2(0.5f, 0));
    ImGui::Begin("Rename in texts", nullptr,
                 ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoCollapse |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoMove);
    ImGui::Text("%zu text%s still say \"%s\".", r.texts, r.texts == 1 ? "" : "s", r.from.c_str());
    ui::nameItem("rename-texts", std::to_string(r.texts));
    const std::string update = "Write \"" + r.to + "\" there";
    bool done = false;
    if (ImGui::Button(update.c_str())) {
      ctx.apply(editor::renameInTexts(ctx.doc, r.from, r.to));
      done = true;
    }
    ui::nameItem("rename-texts.update");
    ImGui::SameLine();
    if (ImGui::Button("Keep them")) done = true;
    ui::nameItem("rename-texts.keep");
    ImGui::End();
    if (done) ctx.textRename.reset();
  }

  // unsaved changes left by a session that did not end cleanly
  if (recoveryPending_ && !ctx.options.automated) {
    ImGui::OpenPopup("Restore unsaved changes?");
    recoveryPending_ = false;
  }
  if (ImGui::BeginPopupModal("Restore unsaved changes?", nullptr,
                             ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::TextWrapped("%s has unsaved changes from a session that did not end cleanly.",
                       ctx.doc.file().empty() ? "A new scenario" : ctx.doc.file().string().c_str());
    if (ImGui::Button("Restore")) {
      if (auto s = ctx.doc.restoreRecovery(); !s.ok()) ctx.status = s.error().message;
      recoveryUnanswered_ = false;
      ImGui::CloseCurrentPopup();
    }
    ui::nameItem("recovery.restore");
    ImGui::SameLine();
    if (ImGui::Button("Discard them")) {
      ctx.doc.discardRecovery();
      recoveryUnanswered_ = false;
      ImGui::CloseCurrentPopup();
    }
    ui::nameItem("recovery.discard");
    ImGui::EndPopup();
  }

  // closing with unsaved changes
  if (ctx.closeAsked) {
    ImGui::OpenPopup("Save changes?");
    ctx.closeAsked = false;
  }
  if (ImGui::BeginPopupModal("Save changes?", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::Text("Save the changes to %s before closing?",
                ctx.doc.file().empty() ? "the new scenario" : ctx.doc.file().string().c_str());
    if (ImGui::Button("Save")) {
      ctx.save();
      if (!ctx.doc.dirty()) ctx.quit = true;
      ImGui::CloseCurrentPopup();
    }
    ui::nameItem("close.save");
    ImGui::SameLine();
    if (ImGui::Button("Don't save")) {
      ctx.doc.discardRecovery();
      ctx.quit = true;
      ImGui::CloseCurrentPopup();
    }
    ui::nameItem("close.discard");
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
    ui::nameItem("close.cancel");
    ImGui::EndPopup();
  }

  // new, open, save as
  const char* titles[] = {"", "New scenario", "Open scenario", "Save as"};
  if (ctx.dialog != Dialog::None) {
    ImGui::OpenPopup(titles[int(ctx.dialog)]);
    ctx.dialog = Dialog::None;
  }
  for (int m = 1; m <= 3; ++m) {
    if (!ImGui::BeginPopupModal(titles[m], nullptr, ImGuiWindowFlags_AlwaysAutoResize)) continue;
    if (m == int(Dialog::New)) {
      ImGui::InputText("id", newId_, sizeof newId_);
      ui::nameItem("dialog.id", newId_);
      ImGui::InputText("title zh-CN", newZh_, sizeof newZh_);
      ui::nameItem("dialog.zh-CN", newZh_);
      ImGui::InputText("title en", newEn_, sizeof newEn_);
      ui::nameItem("dialog.en", newEn_);
    } else {
      ImGui::InputText("scenario folder", path_, sizeof path_);
      ui::nameItem("dialog.folder", path_);
    }
    if (ImGui::Button("OK")) {
      act(ctx, Dialog(m));
      ImGui::CloseCurrentPopup();
    }
    ui::nameItem("dialog.ok");
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
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
      ctx.status = opened.error().message;
      return;
    }
    ctx.replaceDocument(std::move(*opened));
    offerRecovery(Document::pendingRecovery(ctx.doc.file()).has_value());
  } else if (dialog == Dialog::SaveAs) {
    if (auto s = ctx.doc.saveAs(path_); !s.ok())
      ctx.status = "not saved: " + s.error().message;
    else
      ctx.status = "saved " + ctx.doc.file().string();
  }
}

}  // namespace practicum::editor_app
