#pragma once
/// The learner's player, a mode of the window: a start-up form (learner id, mode, language), the
/// scene with orbit or first-person controls, the HUD of practice or exam mode, consequences in
/// the scene, a pause menu, the help overlay and the end screen. Every button, key and wheel
/// event reaches the session (a tap shorter than a frame is a click). A scripted learner can play
/// in the window at a chosen pace.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <practicum/present/camera_rig.hpp>
#include <practicum/present/input.hpp>
#include <practicum/present/mode.hpp>
#include <practicum/present/viewer.hpp>
#include <practicum/scenario/run_file.hpp>
#include <practicum/scenario/scenario.hpp>
#include <practicum/sim/session.hpp>
#include <practicum/ui/hud.hpp>

namespace practicum::present {

/// How the player is set up (by the host, from its own options).
struct PlayerConfig {
  const scenario::ScenarioDef* scenario = nullptr;  ///< must outlive the player
  sim::SessionOptions session;             ///< mode and seed (the form may change the mode)
  const scenario::RunFile* bot = nullptr;  ///< a scripted learner plays instead of the person
  double botSpeed = 1.0;                   ///< simulated seconds per real second for the bot
  bool askLearner = true;                  ///< show the start-up form (not with a bot)
  bool autoStart = false;                  ///< the form starts by itself (automated runs)
  std::string learner = "anonymous";       ///< when the form does not ask
  ui::Language language = ui::Language::English;
  bool hud = true;        ///< false: no UI at all
  bool cutaway = false;   ///< start with the cut-away view on
  double stopAfter = -1;  ///< >= 0: stop stepping after this much session time, then done
};

/// Where a played session goes: told when it starts (after the form), after every tick, and
/// once when it has ended (by the procedure, the learner, or the host). A log recorder, say.
class SessionSink {
 public:
  virtual ~SessionSink() = default;
  /// The session starts for `learner`; a failure stops the player before the first tick.
  virtual core::Status begin(const sim::Session& session, const std::string& learner) = 0;
  /// A tick was stepped with `input`.
  virtual void tick(const sim::Session& session, const sim::InputRecord& input) = 0;
  /// The session has ended (session.ended() is true); called once.
  virtual core::Status end(const sim::Session& session) = 0;
};

/// What became of the player.
struct PlayerOutcome {
  bool started = false;  ///< a session started (past the form); false: quit at the form
  std::string error;     ///< what went wrong (the sink, the bot, drawing); empty when nothing
};

class PlayerMode final : public Mode {
 public:
  /// A player over `viewer` (borrowed, as are the config's scenario and bot and the sink). Shows
  /// the scenario's scene. Fails when no session can be made of the scenario, the bot's run
  /// does not fit it, or (without a form) the sink cannot begin.
  static core::Result<std::unique_ptr<PlayerMode>> create(const PlayerConfig& config,
                                                          Viewer& viewer, SessionSink& sink);
  ~PlayerMode() override;

  SceneFrame frame(const FrameInput& input) override;
  bool done() const override { return done_; }
  bool settled() const override;
  void end(procedure::EndReason reason) override;

  /// The session being played (the form's preview before it starts). Valid while the player
  /// lives; it has ended once done() is true and outcome().started.
  const sim::Session& session() const { return *session_; }
  sim::Session& session() { return *session_; }
  const PlayerOutcome& outcome() const { return outcome_; }

 private:
  struct Reach;
  PlayerMode(const PlayerConfig& config, Viewer& viewer, SessionSink& sink);
  core::Status start(sim::Mode mode, const std::string& learner);
  SceneFrame formFrame(const FrameInput& input);
  SceneFrame playFrame(const FrameInput& input);
  std::uint32_t viewBits() const;
  void viewKeys(const FrameInput& input);
  void queueEvents(const FrameInput& input, bool live);
  void stepTicks(const FrameInput& input, bool live);
  void playBot(double dt);
  void reachFor(std::uint32_t tool);
  bool carryingPart() const;
  void finishSession();
  void fail(const std::string& message);
  SceneFrame draw();

  PlayerConfig config_;
  Viewer& viewer_;
  SessionSink& sink_;
  CameraRig rig_;
  std::unique_ptr<sim::Session> session_;
  ui::StartForm form_;
  ui::Language language_;
  enum class Stage { Form, Playing } stage_ = Stage::Form;
  PlayerOutcome outcome_;
  bool done_ = false, sinkEnded_ = false;
  int formFrames_ = 0;
  bool paused_ = false, help_ = false, cutaway_ = false, labels_ = true;
  std::uint32_t botView_ = 0;  ///< the scripted learner's view keys last tick
  // input to ticks
  TickInputQueue queue_;
  TickInputQueue::State held_;  ///< the session's buttons and keys as the learner holds them
  double accumulator_ = 0;
  bool rightDown_ = false;  ///< the right button went down over the scene
  float rightTravel_ = 0;   ///< pixels the pointer moved since then (orbit, not a click)
  // the tool belt
  std::unique_ptr<Reach> reach_;
  std::optional<double> outOfReachAt_;  ///< session time of a reach that found no tool
  std::vector<std::uint32_t> tools_;    ///< the belt's tools (device indices), in order
  // the scripted learner: its inputs, played on a session of its own first
  std::vector<sim::InputRecord> botInputs_;
  std::size_t botNext_ = 0;
  double botClock_ = 0;
  std::string botError_;
  std::uint64_t botHash_ = 0;  ///< the bot's session's state hash after its last input
  double endedAt_ = -1;        ///< real seconds played when the session ended (effects fade)
  double realTime_ = 0;        ///< real seconds since the session started
};

}  // namespace practicum::present
