#pragma once
/// The after-action review panel: a timeline scrubber with event markers, play/pause, speed,
/// previous/next event, a clickable event list and the score panel.
#include <optional>
#include <string>
#include <vector>

#include <practicum/procedure/events.hpp>
#include <practicum/procedure/procedure.hpp>
#include <practicum/scenario/scenario.hpp>
#include <practicum/ui/text.hpp>

namespace practicum::ui {

/// What a marker on the timeline stands for (its colour).
enum class MarkerKind : std::uint8_t { Step, Violation, Fault, Other };

/// One event on the timeline.
struct TimelineMarker {
  double at = 0;  ///< session seconds
  MarkerKind kind = MarkerKind::Other;
  std::string text;
};

/// What the review panel shows.
struct TimelineModel {
  Language language = Language::English;
  std::string title;    ///< scenario title
  std::string session;  ///< learner, mode, date
  double duration = 0;  ///< seconds the log covers
  double now = 0;       ///< where the replay stands
  bool playing = false;
  double speed = 1.0;
  bool learnersView = true;
  std::vector<TimelineMarker> markers;  ///< in time order
  procedure::SessionResult result;      ///< the replayed session's result
  std::string check;                    ///< the replay check ("verified" or the divergence)
};

/// What the user asked for this frame.
struct TimelineRequest {
  std::optional<double> seek;  ///< go to this time
  bool scrubbing = false;      ///< the scrubber is being dragged (seek follows it)
  bool togglePlay = false;
  std::optional<double> speed;  ///< new playback speed
  bool toggleView = false;      ///< learner's view <-> free camera
};

/// The markers of a session's events: steps green, violations (rules, order, time) red, faults
/// orange, every other action grey; texts in `language`.
std::vector<TimelineMarker> timelineMarkers(const scenario::ScenarioDef& def,
                                            const std::vector<procedure::Event>& events,
                                            double tickSeconds, Language language);

/// Playback speeds offered, slowest first.
inline constexpr double kReplaySpeeds[] = {0.25, 0.5, 1, 2, 4, 8, 16};

/// Draws the review panels along the bottom and the right side.
TimelineRequest drawTimeline(const TimelineModel& model);

/// The time of the marker after (direction > 0) or before `now`; nullopt when there is none.
std::optional<double> adjacentMarker(const std::vector<TimelineMarker>& markers, double now,
                                     int direction);

}  // namespace practicum::ui
