#pragma once
// What every room of the editor's window shares: the document, the window, the last valid state
// of the scenario shown in the viewport, the camera, the view's settings, the status line, and
// what one room asks of the editor (play, a dialog, quit). Each panel is a class that draws
// itself over this context once per frame.
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include <practicum/editor/document.hpp>
#include <practicum/editor/editor_text.hpp>
#include <practicum/editor/gizmo.hpp>
#include <practicum/editor/path.hpp>
#include <practicum/present/camera_rig.hpp>
#include <practicum/present/viewer.hpp>
#include <practicum/sim/simulation.hpp>
#include <practicum/ui/text.hpp>

namespace practicum::editor_app {

/// How the editor was started (the program's options that the editor itself uses).
struct EditorOptions {
  std::filesystem::path scenario;  ///< empty: a new scenario
  ui::Language language = ui::Language::English;
  double autosaveSeconds = 30;
  std::string select;  ///< an item to select at the start ("entities[3]")
  std::string panel;   ///< the right-hand tab to show first: inspector, procedure, problems
  std::filesystem::path playBot;  ///< a run file played in play mode at the start (tests)
  /// An automated run (a fixed number of frames): no autosave, no prompts, no recovery files.
  bool automated = false;
};

/// What the viewport shows and how the gizmo snaps.
struct ViewSettings {
  bool shapes = false, zones = true, sockets = true, joints = true;
  editor::Snapping snapping;
  editor::GizmoTool tool = editor::GizmoTool::Move;
};

/// A dialog a room asks for.
enum class Dialog { None, New, Open, SaveAs };

class EditorContext {
 public:
  EditorContext(editor::Document document, present::Viewer& viewer, const EditorOptions& options);

  editor::Document doc;
  present::Viewer& viewer;
  const EditorOptions& options;
  present::CameraRig rig;
  std::unique_ptr<sim::Simulation> preview;  ///< the document's last valid state
  std::string status;                        ///< the status line: what happened last
  std::string savedStatus;  ///< the status line the last save wrote (out of date at a change)
  ViewSettings view;
  // what the rooms ask of the editor this frame
  std::optional<bool> playRequest;  ///< play the scenario: true in exam mode
  std::string showTab;              ///< bring this tab of the right panel forward ("procedure")
  Dialog dialog = Dialog::None;
  bool closeAsked = false;  ///< the window's close was asked with unsaved changes
  bool quit = false;        ///< leave now

  /// A rename just made whose old name some texts (a step's, a rule's, a label) still contain:
  /// the editor offers to write the new name there.
  struct TextRename {
    std::string from, to;
    std::size_t texts = 0;
  };
  std::optional<TextRename> textRename;

  /// The editor's word in the language it was started with (--lang).
  const char* tr(editor::EditorText text) const { return editor::tr(text, options.language); }
  /// A format of the editor's table filled in, in that language.
  template <typename... Args>
  std::string format(editor::EditorText text, Args... args) const {
    return editor::format(text, options.language, args...);
  }
  /// A command's label or a message of the editor's library in that language.
  std::string message(std::string_view english) const {
    return editor::message(english, options.language);
  }
  /// A problem the scenario's loader found, in that language.
  const std::string& message(const scenario::Diagnostic& d) const {
    return d.messageIn(options.language);
  }
  /// A condition's error, in that language.
  const std::string& message(const scenario::ConditionError& e) const {
    return options.language == ui::Language::ChineseSimplified && !e.messageZh.empty() ? e.messageZh
                                                                                       : e.message;
  }

  /// Renames an item and everything that names it, the run files included (editor::rename; the
  /// scenario's id for the empty path), as one command, and offers the texts that still say the
  /// old name. A refusal goes to the status line.
  void rename(const editor::Path& item, const std::string& to);
  /// Applies a command; a refusal goes to the status line.
  void apply(const editor::Command& command);
  void apply(const core::Result<editor::Command>& command);
  /// Rebuilds the preview when the document changed and is valid (the last valid state stays
  /// shown while it is not).
  void refreshPreview();
  /// The entity an item stands for: itself, or a device's or an indicator's entity.
  std::optional<std::size_t> entityOf(const editor::Path& item) const;
  /// The entity of the first selected item, if any.
  std::optional<std::size_t> selectedEntity() const;
  bool isSelected(const editor::Path& item) const;
  /// Saves (asks for a folder first when the document has never been saved).
  void save();
  /// Points the camera at the selected entity.
  void frameSelected();
  /// Deletes the selected item.
  void deleteSelected();
  /// Switches to another document (File > New, Open).
  void replaceDocument(editor::Document document);
  /// The names conditions may use: the valid scenario's, else those of the document as far as
  /// it can be read (a scenario never valid yet still has its devices' names).
  const scenario::SymbolCatalog& symbols() const;
  /// The names conditions may use, sorted (for completion).
  std::vector<std::string> symbolNames() const;

 private:
  std::uint64_t previewRevision_ = ~0ull;
};

/// Records in the UI map (when one is kept) the words shown for a named item, as "label:NAME":
/// tests read what the window says in each language.
void nameLabel(std::string_view item, std::string_view text);

}  // namespace practicum::editor_app
