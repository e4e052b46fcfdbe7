#pragma once
/// JSON paths as diagnostics show them: `entities[2].body.mass`, `title.zh-CN`, `a["odd key"]`.
#include <cstddef>
#include <string>
#include <string_view>

namespace practicum::scenario::detail {

/// Path of member `key` of the object at `parent` (empty parent = top level).
std::string memberPath(std::string_view parent, std::string_view key);
/// Path of element `index` of the array at `parent`.
std::string elementPath(std::string_view parent, std::size_t index);

}  // namespace practicum::scenario::detail
