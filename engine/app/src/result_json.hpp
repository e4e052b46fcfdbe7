#pragma once
// The result of a session as JSON (docs/run-format.md, "Result file").
#include <filesystem>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include <practicum/core/result.hpp>
#include <practicum/sim/session.hpp>

namespace practicum::app {

/// A result as JSON: scenario, score, max, passed, end, seconds, steps, violations, events.
nlohmann::json resultDocument(const scenario::ScenarioDef& def,
                              const procedure::SessionResult& result,
                              const std::vector<procedure::Event>& events, double tickSeconds);
/// How a session ended, for assessors: the end reason's name and what it means ("interrupted —
/// the program got SIGINT, SIGTERM or SIGHUP (Ctrl+C, a shutdown) before the session ended"),
/// or, without an end record (nullopt), that there is none and why that happens. The Chinese
/// begins with the UI's word for the reason (已完成, 被中断).
scenario::LocalizedText describeEnd(std::optional<procedure::EndReason> reason);
/// How a session whose log is still being written has ended: not yet.
scenario::LocalizedText describeStillRunning();
/// The session's result and events as a JSON document.
std::string resultJson(const sim::Session& session);
/// Writes resultJson atomically to path.
core::Status writeResult(const std::filesystem::path& path, const sim::Session& session);

}  // namespace practicum::app
