#pragma once
// The editor's modal dialogs: New, Open and Save as (a folder typed), the offer to restore
// unsaved changes left by a crash, and the unsaved-changes prompt on closing.
#include "editor_context.hpp"

namespace practicum::editor_app {

class Dialogs {
 public:
  /// Whether the recovery prompt should be offered (a recovery file waits for the document).
  void offerRecovery(bool pending) { recoveryPending_ = recoveryUnanswered_ = pending; }
  /// Whether a recovery file was offered and neither restored nor discarded (an automated run
  /// never shows the prompt): it must outlive this run.
  bool recoveryUnanswered() const { return recoveryUnanswered_; }
  void draw(EditorContext& ctx);

 private:
  void act(EditorContext& ctx, Dialog dialog);
  bool recoveryPending_ = false;
  bool recoveryUnanswered_ = false;
  char path_[512] = "";
  char newId_[64] = "new-scenario", newZh_[128] = "新场景", newEn_[128] = "New scenario";
};

}  // namespace practicum::editor_app
