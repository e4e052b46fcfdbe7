#pragma once
/// The editor's document: one scenario being authored, as the scenario format's own JSON tree, so
/// that what is saved is exactly the documented format the engine runs. Every change is a Command
/// with undo and redo; the document knows its file, whether it has unsaved changes, what is
/// selected and what is wrong with it (the scenario loader's diagnostics, kept current). UI-free:
/// the editor's panels and tests use the same calls.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <practicum/core/result.hpp>
#include <practicum/editor/command.hpp>
#include <practicum/editor/path.hpp>
#include <practicum/scenario/scenario.hpp>

namespace practicum::editor {

/// The JSON text of a new scenario: every required field, a floor, a light and a camera.
std::string newScenarioText(std::string_view id, const scenario::LocalizedText& title);

class Document {
 public:
  /// A new, unsaved scenario (see newScenarioText); save() needs saveAs() first.
  static Document create(std::string_view id, const scenario::LocalizedText& title);
  /// Reads `<folder>/scenario.json` (or a .json file). A scenario with errors opens, its errors
  /// in diagnostics(); only text that is not JSON at all fails (with the place). Never writes.
  static core::Result<Document> open(const std::filesystem::path& folderOrFile);
  /// The same, from text standing for `file` (which need not exist yet).
  static core::Result<Document> fromText(std::string_view text, const std::filesystem::path& file);

  Document(Document&&) noexcept;
  Document& operator=(Document&&) noexcept;
  ~Document();

  // ---- reading ----
  /// The value at `path` ("entities[2].body.mass"; "" = the whole document) as JSON text, or
  /// nullopt when there is nothing there.
  std::optional<std::string> value(const Path& path) const;
  /// The value at `path` when it is a string.
  std::optional<std::string> string(const Path& path) const;
  /// Elements of an array or members of an object at `path` (0 when it is neither or missing).
  std::size_t size(const Path& path) const;
  /// Member names of the object at `path`, in document order.
  std::vector<std::string> keys(const Path& path) const;
  /// Index of the element of the array at `arrayPath` whose "name" (or "id") is `name`.
  std::optional<std::size_t> find(const Path& arrayPath, std::string_view name) const;
  /// The document as the file will hold it (2-space indented JSON, members in document order).
  std::string text() const;
  /// Identifies the content: changes with every edit, and comes back with undo (for caches).
  std::uint64_t revision() const;

  // ---- editing ----
  /// Applies a command and puts it on the undo stack (the redo stack is cleared). A command
  /// that does not fit the document (a path that is not there, an index out of range, text that
  /// is not JSON) changes nothing and fails with a message naming the path. A command that fits
  /// but leaves the document as it was (a value set to what it is) succeeds and is no step: the
  /// undo and redo stacks and the dirty state stay as they were.
  core::Status apply(const Command& command);
  bool canUndo() const;
  bool canRedo() const;
  /// Labels of the command undo()/redo() would revert/repeat ("" when none).
  std::string undoLabel() const;
  std::string redoLabel() const;
  /// Reverts the last command; false when there is none.
  bool undo();
  /// Repeats the last undone command; false when there is none.
  bool redo();

  // ---- file ----
  /// The scenario.json this document is saved to; empty for a new document never saved.
  const std::filesystem::path& file() const;
  /// Whether there are changes since the last save (or since opening).
  bool dirty() const;
  /// Saves atomically (temporary file, fsync, rename, fsync of the folder): after a crash the
  /// file holds either the old or the new document, whole. A failure reports the file and the
  /// reason and keeps the document and its edits (still dirty). The recovery file is removed.
  core::Status save();
  /// Saves to another scenario.json (a folder is given its scenario.json) and keeps it.
  core::Status saveAs(const std::filesystem::path& folderOrFile);

  // ---- recovery ----
  /// Where autosave() writes: beside the scenario file, `.scenario.json.recovery`; for a new
  /// document never saved, untitledRecoveryFile().
  std::filesystem::path recoveryFile() const;
  /// The recovery file of a new scenario never saved:
  /// `$XDG_DATA_HOME/practicum/untitled.scenario.json.recovery` (~/.local/share without it).
  static std::filesystem::path untitledRecoveryFile();
  /// Where autosave() writes a run file's unsaved changes: `runs/.<name>.json.recovery`.
  std::filesystem::path runRecoveryFile(std::string_view run) const;
  /// Writes the unsaved document to recoveryFile() (atomically), and each run file with unsaved
  /// changes to its runRecoveryFile(); nothing when not dirty, nor for
  /// a new document never saved that is as it was made (nothing to lose).
  core::Status autosave();
  /// The text of a recovery file left beside `file` by a session that did not save or close
  /// cleanly (newer than the file, and different from it), if any; an empty path asks for the
  /// untitled one.
  static std::optional<std::string> pendingRecovery(const std::filesystem::path& file);
  /// Replaces the document's content with the recovery text, and the run files with theirs
  /// (one undoable command); dirty.
  core::Status restoreRecovery();
  /// Removes the recovery file (a clean close, or the user declined to restore).
  void discardRecovery() const;

  // ---- validation ----
  /// Everything the scenario loader says about the current content (errors and warnings), kept
  /// current as the document changes; paths are the document's paths.
  const std::vector<scenario::Diagnostic>& diagnostics() const;
  /// Whether the content is a valid scenario now.
  bool valid() const;
  /// The scenario as the engine would run it (for play-in-editor); nullopt when not valid.
  const std::optional<scenario::ScenarioDef>& scenario() const;
  /// The names conditions may use in the content as it is now, as far as the loader could read
  /// it: also while it has errors.
  const scenario::SymbolCatalog& symbols() const;

  // ---- the scenario folder's run files ----
  /// The run files of the scenario's folder (`runs/*.json`, named "runs/perfect.json", sorted),
  /// held with the scenario: commands change them (Command::in), undo and redo take them back
  /// and forth with the scenario, and Save writes the ones that changed (each atomically). A
  /// run file that is not JSON is not held (runDiagnostics says so) and is never written.
  std::vector<std::string> runFiles() const;
  /// The value at `path` in run file `file` (as value() for the scenario).
  std::optional<std::string> runValue(std::string_view file, const Path& path) const;
  /// What is wrong with the run files: each read as `practicum run` reads it, and, while the
  /// scenario is valid, the names it uses checked against it (scenario::checkRunFile): a device,
  /// a step or a rule the scenario does not have. Each diagnostic's file is "runs/<name>.json".
  const std::vector<scenario::Diagnostic>& runDiagnostics() const;

  // ---- selection ----
  /// Selected things, as paths of whole items ("entities[3]", "procedure.steps[1]").
  const std::vector<Path>& selection() const;
  void select(std::vector<Path> paths);
  /// The item a diagnostic's path belongs to ("entities[2].body.mass" -> "entities[2]"), for
  /// selecting the culprit of a problem.
  static Path itemOf(const Path& path);

 private:
  struct Impl;
  explicit Document(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace practicum::editor
