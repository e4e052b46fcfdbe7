#pragma once
// The result of a session as JSON (docs/run-format.md, "Result file").
#include <filesystem>
#include <string>

#include <practicum/core/result.hpp>
#include <practicum/sim/session.hpp>

namespace practicum::app {

/// The session's result and events as a JSON document.
std::string resultJson(const sim::Session& session);
/// Writes resultJson atomically to path.
core::Status writeResult(const std::filesystem::path& path, const sim::Session& session);

}  // namespace practicum::app
