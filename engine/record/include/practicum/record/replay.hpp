#pragma once
/// Exact replay: re-simulates a session from its log's header and input stream and checks every
/// checkpoint's state hash on the way.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <practicum/core/result.hpp>
#include <practicum/procedure/procedure.hpp>
#include <practicum/record/log.hpp>
#include <practicum/scenario/scenario.hpp>

namespace practicum::record {

/// What a replay found.
struct ReplayReport {
  bool verified = false;                    ///< every checkpoint and the events matched
  std::uint64_t ticks = 0;                  ///< ticks re-simulated
  std::uint64_t checkpoints = 0;            ///< checkpoints compared
  std::optional<std::uint64_t> divergedAt;  ///< first tick whose state hash differs
  std::string message;                      ///< "verified", or what differs and where
  std::string messageZh;                    ///< the same in Simplified Chinese
  /// The message in a language.
  const std::string& messageIn(scenario::Language language) const {
    return language == scenario::Language::ChineseSimplified && !messageZh.empty() ? messageZh
                                                                                   : message;
  }
  procedure::SessionResult result;       ///< the re-simulated session's result
  std::vector<procedure::Event> events;  ///< the re-simulated session's events
};

/// Re-simulates `log` on `def` (which must be the scenario the log names; the caller checks the
/// id and content hash). Fails only when the session cannot be built.
core::Result<ReplayReport> replayLog(const LogContents& log, const scenario::ScenarioDef& def);

/// The result as the log recorded it, for when a replay cannot be trusted (or the scenario has
/// changed): steps and violations from the recorded events, score, pass and end from the end
/// record (without one, as the session was cut short: scored by `def`'s rubric). The events name
/// steps and rules by their position in `def`'s lists; returns false when one names a step or rule
/// `def` lacks (those events are left out).
bool resultFromEvents(const scenario::ScenarioDef& def, const LogContents& log, double tickSeconds,
                      procedure::SessionResult& result);

}  // namespace practicum::record
