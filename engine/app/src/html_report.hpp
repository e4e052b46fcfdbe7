#pragma once
// A self-contained HTML report of one assessed session: who, what, the result, an SVG timeline
// of steps, violations and faults, and pictures of key moments rendered from the replay.
#include <string>
#include <vector>

#include <practicum/procedure/procedure.hpp>
#include <practicum/record/log.hpp>
#include <practicum/scenario/scenario.hpp>

namespace practicum::app {

/// A picture of the session at a tick, as PNG bytes.
struct KeyMoment {
  std::uint64_t tick = 0;
  std::string caption;
  std::string png;
};

/// Re-simulates the log and renders the learner's view at each of `ticks` (ascending) offscreen.
/// Returns no pictures (and a reason in `note`) when there is no Vulkan device.
std::vector<KeyMoment> renderKeyMoments(
    const scenario::ScenarioDef& def, const record::LogContents& log,
    const std::vector<std::pair<std::uint64_t, std::string>>& ticks, scenario::LocalizedText& note);

/// How the replay went: `kind` is the assessment's replay state ("verified", "fallback",
/// "not-replayed"), `message` its words.
struct ReportReplay {
  std::string kind;
  scenario::LocalizedText message;
};

/// The HTML page (UTF-8, no external resources), every word in both languages. `endText` says
/// how the session ended (describeEnd); `picturesNote`, when there are no pictures, why.
std::string htmlReport(const scenario::ScenarioDef& def, const record::LogContents& log,
                       const procedure::SessionResult& result,
                       const std::vector<procedure::Event>& events, const ReportReplay& replay,
                       const scenario::LocalizedText& endText,
                       const std::vector<KeyMoment>& moments,
                       const scenario::LocalizedText& picturesNote);

}  // namespace practicum::app
