#pragma once
/// The assessor's after-action review, a mode of the window: the session re-simulated exactly
/// from its log, shown with a timeline (steps, violations, faults), an event list, the score,
/// and the learner's own view or a free camera.
#include <memory>
#include <optional>

#include <practicum/present/camera_rig.hpp>
#include <practicum/present/mode.hpp>
#include <practicum/present/viewer.hpp>
#include <practicum/record/log.hpp>
#include <practicum/record/playback.hpp>
#include <practicum/record/replay.hpp>
#include <practicum/scenario/scenario.hpp>
#include <practicum/ui/timeline.hpp>

namespace practicum::present {

/// What the review shows (everything borrowed must outlive the mode).
struct ReviewConfig {
  const record::LogContents* log = nullptr;
  const scenario::ScenarioDef* scenario = nullptr;
  const record::ReplayReport* report = nullptr;  ///< the full replay's check and result
  ui::Language language = ui::Language::English;
  std::optional<double> at;          ///< start paused at this session time
  std::optional<std::size_t> event;  ///< start paused at this event (index in the list)
  double speed = 1.0;
};

class ReviewMode final : public Mode {
 public:
  /// A review over `viewer`, shown at its starting point. Fails when the log cannot be played
  /// back on the scenario or `event` is not one of the session's events.
  static core::Result<std::unique_ptr<ReviewMode>> create(const ReviewConfig& config,
                                                          Viewer& viewer);
  ~ReviewMode() override;

  SceneFrame frame(const FrameInput& input) override;
  bool done() const override { return done_; }
  void end(procedure::EndReason) override { done_ = true; }
  /// What went wrong while playing back (a seek that failed); empty when nothing did.
  const std::string& error() const { return error_; }

 private:
  ReviewMode(const ReviewConfig& config, Viewer& viewer);
  // applies what the user asked for last frame and moves time on by `dt`
  void advance(const ui::TimelineRequest& request, double dt);
  ReviewConfig config_;
  Viewer& viewer_;
  std::unique_ptr<record::Playback> playback_;
  ui::TimelineModel model_;
  CameraRig rig_;
  bool help_ = false, cutaway_ = false, labels_ = true, done_ = false;
  bool wasLearnersView_ = true;  ///< last frame's view: a switch to the free camera starts there
  ui::TimelineRequest request_;  ///< last frame's, applied at the next one
  std::optional<std::uint64_t> lastScrub_;  ///< where the scrubber was last frame while dragged
  std::string error_;
};

}  // namespace practicum::present
