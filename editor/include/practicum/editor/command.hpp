#pragma once
/// Commands: the only way a Document changes. Each is applied, undone and redone whole.
#include <cstddef>
#include <string>
#include <vector>

#include <practicum/editor/path.hpp>

namespace practicum::editor {

/// One change of the document. Paths use the scenario format's notation ("entities[2].name",
/// "procedure.steps[0].text.en"; "" is the whole document); values are JSON text.
class Command {
 public:
  enum class Kind { Set, Insert, Erase, Move, Group };

  /// Sets the value at `path`: replaces it, or adds the member when the object lacks it.
  static Command set(Path path, std::string json, std::string label = {});
  /// Inserts a value into the array at `arrayPath` before `index` (index = size appends); an
  /// array that does not exist yet is created with the value.
  static Command insert(Path arrayPath, std::size_t index, std::string json,
                        std::string label = {});
  /// Removes the member or array element at `path`.
  static Command erase(Path path, std::string label = {});
  /// Moves an element of the array at `arrayPath` from `from` to `to` (reordering).
  static Command move(Path arrayPath, std::size_t from, std::size_t to, std::string label = {});
  /// Several commands applied in order, undone in reverse, as one step.
  static Command group(std::string label, std::vector<Command> commands);

  /// Successive commands with the same non-empty merge key undo as one (a value dragged in the
  /// inspector, a gizmo drag): only the first one's old value is kept.
  Command& mergeKey(std::string key) {
    mergeKey_ = std::move(key);
    return *this;
  }

  /// The command on a run file of the scenario's folder ("runs/perfect.json") instead of on the
  /// scenario: a rename that follows into the runs is one group over both, undone as one.
  Command& in(std::string file) {
    file_ = std::move(file);
    return *this;
  }

  Kind kind() const { return kind_; }
  /// "" for the scenario, else the run file the command changes.
  const std::string& file() const { return file_; }
  const Path& path() const { return path_; }
  const std::string& json() const { return json_; }
  std::size_t index() const { return index_; }
  std::size_t to() const { return to_; }
  const std::vector<Command>& children() const { return children_; }
  const std::string& label() const { return label_; }
  const std::string& mergeKey() const { return mergeKey_; }

 private:
  Kind kind_ = Kind::Set;
  Path path_;
  std::string json_, label_, mergeKey_, file_;
  std::size_t index_ = 0, to_ = 0;
  std::vector<Command> children_;
};

}  // namespace practicum::editor
