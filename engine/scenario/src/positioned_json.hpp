#pragma once
/// JSON parsing that remembers where every value starts. nlohmann::json tracks no positions, so
/// the text is fed to its SAX parser through an iterator that counts lines and columns, and a
/// handler builds the value while recording, per JSON path, the position of the value and of
/// its key.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>
#include <practicum/scenario/scenario.hpp>

namespace practicum::scenario::detail {

/// A 1-based line and column (columns count Unicode code points); zero when unknown.
struct TextPosition {
  int line = 0;
  int column = 0;
};

/// Where a value starts, and where its key starts when it is an object member.
struct NodePosition {
  TextPosition value;
  TextPosition key;
};

/// A parsed document and the positions of all of its values, keyed by JSON path
/// (see json_path.hpp; the top-level value has the empty path).
struct PositionedJson {
  nlohmann::json root;
  std::unordered_map<std::string, NodePosition> positions;

  /// Position of the value at path (zero when unknown).
  TextPosition valueAt(const std::string& path) const;
  /// Position of the key of the member at path, else of its value (zero when unknown).
  TextPosition keyAt(const std::string& path) const;
};

/// Parses UTF-8 JSON text. Duplicate keys are reported as errors (the first one is kept) and
/// parsing goes on. A syntax error or nesting deeper than maxDepth is fatal: it is appended to
/// diagnostics and nothing is returned. Iterative: any nesting is safe. May throw bad_alloc.
std::optional<PositionedJson> parsePositionedJson(std::string_view text, const std::string& file,
                                                  int maxDepth,
                                                  std::vector<Diagnostic>& diagnostics);

/// Line and column of the byte at offset (offset == text.size() is the end of the text).
TextPosition positionOfOffset(std::string_view text, std::size_t offset);

}  // namespace practicum::scenario::detail
