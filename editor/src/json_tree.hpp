#pragma once
// Private: the document's JSON tree, paths into it, and the format's text layout.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include <practicum/core/result.hpp>
#include <practicum/editor/path.hpp>

namespace practicum::editor::detail {

using Json = nlohmann::ordered_json;

/// One step of a path: an object member or an array index.
using PathStep = Path::Step;

/// The value at a path, or nullptr.
const Json* find(const Json& root, const std::vector<PathStep>& steps);
Json* find(Json& root, const std::vector<PathStep>& steps);

/// The document's text: 2-space indentation, members in document order, short arrays of
/// numbers, strings and booleans on one line (as people write vectors and colours).
std::string layout(const Json& root);

/// Parses JSON text; the error names the line and column.
core::Result<Json> parseJson(std::string_view text, std::string_view what);

}  // namespace practicum::editor::detail
