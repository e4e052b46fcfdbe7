#pragma once
// The result of a session as JSON (docs/run-format.md, "Result file").
#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include <practicum/core/result.hpp>
#include <practicum/sim/session.hpp>

namespace practicum::app {

/// A result as JSON: scenario, score, max, passed, end, seconds, steps, violations, events.
nlohmann::json resultDocument(const scenario::ScenarioDef& def,
                              const procedure::SessionResult& result,
                              const std::vector<procedure::Event>& events, double tickSeconds);
/// The session's result and events as a JSON document.
std::string resultJson(const sim::Session& session);
/// Writes resultJson atomically to path.
core::Status writeResult(const std::filesystem::path& path, const sim::Session& session);

}  // namespace practicum::app
