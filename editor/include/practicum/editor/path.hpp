#pragma once
/// A place in the scenario document, in the format's own notation: "entities[2].body.mass",
/// "procedure.steps[0].text.en"; the empty path is the whole document. Parsed once, then asked
/// about by its parts, so that no panel re-parses path strings.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace practicum::editor {

class Path {
 public:
  /// One step: an object member or an array index.
  using Step = std::variant<std::string, std::size_t>;

  /// The whole document.
  Path() = default;
  /// Parses `text`; a malformed text gives an invalid path (valid() is false) that names nothing
  /// and keeps the text for messages.
  Path(std::string_view text);  // NOLINT: paths are written as text everywhere
  Path(const char* text) : Path(std::string_view(text)) {}
  Path(const std::string& text) : Path(std::string_view(text)) {}
  /// The path of these steps.
  static Path of(std::vector<Step> steps);

  /// Whether the text was a path.
  bool valid() const { return valid_; }
  /// The steps, from the document's root.
  const std::vector<Step>& steps() const { return steps_; }
  bool empty() const { return steps_.empty(); }
  /// The path as text ("entities[2].body.mass"); a malformed path's own text.
  const std::string& str() const { return text_; }

  /// The member `key` of the object here.
  Path child(std::string_view key) const;
  /// The element `index` of the array here.
  Path element(std::size_t index) const;
  /// One step up; the root's parent is the root.
  Path parent() const;
  /// The last step's member name ("" when it is an index or the path is empty).
  std::string_view key() const;
  /// The last step's index, when it is one.
  std::optional<std::size_t> index() const;
  /// The item this path is in: up to the first list element ("entities[2].body.mass" ->
  /// "entities[2]", "procedure.steps[1].done" -> "procedure.steps[1]"); a path with no list
  /// element gives its first member ("rubric.pass" -> "rubric").
  Path item() const;
  /// When this path is in an element of the list at `list` ("entities"): that element's index.
  std::optional<std::size_t> indexIn(const Path& list) const;
  /// Whether `prefix` is this path or one of its ancestors.
  bool startsWith(const Path& prefix) const;
  /// How many steps deep.
  std::size_t depth() const { return steps_.size(); }

  friend bool operator==(const Path& a, const Path& b) { return a.text_ == b.text_; }
  friend bool operator<(const Path& a, const Path& b) { return a.text_ < b.text_; }

 private:
  std::vector<Step> steps_;
  std::string text_;
  bool valid_ = true;
};

}  // namespace practicum::editor
