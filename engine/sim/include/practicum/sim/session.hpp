#pragma once
/// A training session: a scenario's simulation plus its devices and procedure, stepped in fixed
/// ticks from the learner's input stream. Emits semantic events; never includes rendering or UI.
/// Same build + scenario + options + inputs => identical stateHash() at every tick.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <vector>

#include <practicum/core/math.hpp>
#include <practicum/core/result.hpp>
#include <practicum/interaction/devices.hpp>
#include <practicum/interaction/zones.hpp>
#include <practicum/procedure/procedure.hpp>
#include <practicum/sim/simulation.hpp>

namespace practicum::sim {

/// Pointer buttons (bits of InputRecord::buttons).
inline constexpr std::uint32_t kPointerPrimary = 1u << 0;
inline constexpr std::uint32_t kPointerSecondary = 1u << 1;

/// InputRecord::axes[kAxisTurnHeld]: wheel steps this tick that turn a carried part about the
/// line of sight (positive = counter-clockwise as seen by the learner), kTurnStepDegrees each.
inline constexpr int kAxisTurnHeld = 2;
inline constexpr float kTurnStepDegrees = 15.0f;

/// Keys the session itself understands (bits of InputRecord::keys).
/// Let go of what is in the hand: a carried part is released, a held tool is put back.
inline constexpr std::uint32_t kKeyDrop = 1u << 0;
/// The learner's view this tick (the player's V, C and L), so that conditions can teach the view
/// (`view.walking`, `view.cutaway`, `view.labels`) and a replay knows what the learner saw. All
/// zero is the player's start: orbiting, no cut-away, labels shown.
inline constexpr std::uint32_t kKeyViewWalk = 1u << 1;          ///< walking (else orbiting)
inline constexpr std::uint32_t kKeyViewCutaway = 1u << 2;       ///< the cut-away view is on
inline constexpr std::uint32_t kKeyViewLabelsHidden = 1u << 3;  ///< the labels are hidden
inline constexpr std::uint32_t kKeyViewMask = kKeyViewWalk | kKeyViewCutaway | kKeyViewLabelsHidden;

/// The learner's input for one tick: where they look from and point at, what they hold down.
struct InputRecord {
  core::Vec3 cameraPosition;
  core::Vec3 cameraForward{0, 0, -1};
  core::Vec3 pointerOrigin;
  core::Vec3 pointerDirection{0, 0, -1};  ///< need not be normalised
  std::uint32_t buttons = 0;              ///< kPointer* bits held this tick
  std::uint32_t keys = 0;                 ///< kKey* bits held this tick (others unused)
  float axes[4] = {0, 0, 0, 0};           ///< [kAxisTurnHeld]: see there; others unused
  std::uint32_t inject = 0;               ///< an instructor's inject: fault index + 1; 0 none
  friend bool operator==(const InputRecord&, const InputRecord&) = default;
};

/// Practice shows hints and lets the session go on after a critical mistake; exam does not.
enum class Mode : std::uint8_t { Practice, Exam };

/// What the engine does with the same input, numbered, so that a log replays under the rules it
/// was played with (its header says which; logs of format <= 1.2 were played under 1):
/// 1  the first rules.
/// 2  a device's static body moves with the device (a door swung open is clicked where it is
///    drawn); turning a valve records ValveTurned; letting a part go near a socket it does not
///    seat in records NotSeated with what is off.
inline constexpr std::uint16_t kBehaviourFirst = 1, kBehaviour = 2;

/// How to run a session.
struct SessionOptions {
  Mode mode = Mode::Practice;
  std::uint64_t seed = 0;  ///< for seeded randomness in the scenario (faults)
  SimulationOptions simulation;
  std::uint16_t behaviour = kBehaviour;  ///< the rules (see kBehaviour); a replay takes its log's
};

/// A scenario being trained on.
class Session {
 public:
  /// Builds the session from a definition (copied).
  static core::Result<std::unique_ptr<Session>> create(const scenario::ScenarioDef& def,
                                                       const SessionOptions& options = {});
  /// Loads a scenario folder or file and builds the session.
  static core::Result<std::unique_ptr<Session>> load(const std::filesystem::path& scenario,
                                                     const SessionOptions& options = {});

  /// Advances one tick with this input. Does nothing once the session has ended.
  void step(const InputRecord& input);
  /// Ends the session now, from outside the procedure, at the current tick: `reason` is Stopped
  /// (the learner or a script stopped it), Interrupted (the program got SIGINT, SIGTERM or
  /// SIGHUP) or Closed (the learner closed the window). Records the SessionEnded event. Does
  /// nothing once the session has ended.
  void stop(procedure::EndReason reason = procedure::EndReason::Stopped);

  std::uint64_t tick() const { return simulation_->tick(); }
  double time() const { return simulation_->time(); }
  double tickSeconds() const { return simulation_->tickSeconds(); }
  /// Hash of the whole state: physics, devices, procedure.
  std::uint64_t stateHash() const;

  const scenario::ScenarioDef& definition() const { return simulation_->definition(); }
  const SessionOptions& options() const { return options_; }
  const Simulation& simulation() const { return *simulation_; }
  const interaction::Devices& devices() const { return *devices_; }
  const interaction::Zones& zones() const { return *zones_; }
  /// What indicator `indicator` shows now (booleans as 0/1), for the renderer.
  double indicatorValue(std::uint32_t indicator) const;
  const procedure::Procedure& procedure() const { return *procedure_; }
  /// Every event so far, in order.
  const std::vector<procedure::Event>& events() const { return procedure_->events(); }

  /// The entity under the pointer this tick (for highlighting), if any.
  std::optional<std::uint32_t> hoveredEntity() const { return hoveredEntity_; }
  /// The device under the pointer this tick, if any.
  std::optional<std::uint32_t> hoveredDevice() const { return hoveredDevice_; }
  /// Where the pointer ray met the entity under it this tick, if anywhere.
  std::optional<core::Vec3> hoverPoint() const { return hoverPoint_; }
  /// Whether the entity's pose (Simulation::entityPose) already shows its device's movement:
  /// its static body is moved by the session (behaviour >= 2). Otherwise a presenter shows
  /// the movement itself (interaction::deviceMotion).
  bool bodyFollowsDevice(std::uint32_t entity) const {
    return entity < follows_.size() && follows_[entity];
  }

  /// How a part at `pose` fits socket `socket`: whether the socket takes it and is free, how far
  /// the part is from its place and how far turned from its orientation, and whether that is
  /// within the socket's tolerances (what letting go there would do).
  struct SeatFit {
    bool accepts = false;   ///< the socket's `accepts` names the part
    bool occupied = false;  ///< another part sits in it
    float distance = 0;     ///< metres from the socket's place
    float angle = 0;        ///< degrees turned from the socket's orientation
    bool withinDistance = false, withinAngle = false;
    bool near = false;  ///< close enough to count as aimed at it (kNearSocket or 4 tolerances)
    bool seats() const { return accepts && !occupied && withinDistance && withinAngle; }
  };
  SeatFit seatFit(std::uint32_t part, std::uint32_t socket, const scene::Transform& pose) const;
  /// A part let go within this many metres of a socket was aimed at it.
  static constexpr float kNearSocket = 0.15f;

  bool ended() const { return end_ != procedure::EndReason::None; }
  procedure::EndReason endReason() const { return end_; }
  /// The score by the rubric, now.
  procedure::SessionResult result() const;

 private:
  Session() = default;
  void operate(std::uint32_t device);
  void end(procedure::EndReason reason);
  void updateZones(core::Vec3 learner);
  void beginTurn(std::uint32_t device, const InputRecord& input);
  void turn(const InputRecord& input);
  void endTurn();
  void holdValve(std::uint32_t device);
  void grab(std::uint32_t part, const InputRecord& input);
  void turnFastener(std::uint32_t fastener, int direction);
  void carry(const InputRecord& input);
  void turnCarried(const InputRecord& input);
  void release();
  void measureValves();
  void placeDeviceBodies();
  void followView(const InputRecord& input);

  SessionOptions options_;
  std::unique_ptr<Simulation> simulation_;
  std::unique_ptr<interaction::Devices> devices_;
  std::unique_ptr<interaction::Zones> zones_;
  bool bodyZones_ = false;  ///< some zone detects bodies (collect their centres each tick)
  std::vector<core::Vec3> bodyCentres_;
  std::unique_ptr<procedure::Procedure> procedure_;
  std::optional<std::uint32_t> hoveredEntity_;
  std::optional<std::uint32_t> hoveredDevice_;
  std::uint32_t lastButtons_ = 0;
  std::uint32_t lastKeys_ = 0;
  // the learner's view for the view.* names: the keys' flags, and how far the eye has gone
  procedure::ViewInput view_;
  std::optional<std::pair<core::Vec3, core::Vec3>> lastEye_;  ///< position, forward last tick
  std::optional<std::uint32_t> heldButton_;  ///< button device held down by the pointer
  struct Turning {
    std::uint32_t device = 0;
    core::Vec3 last;         ///< where the hand was on the wheel's plane last tick
    float swept = 0;         ///< radians the hand has turned since the grip
    float startAngle = 0;    ///< hinge angle at the grip
    float startOpening = 0;  ///< the valve's opening at the grip
  };
  std::optional<Turning> turning_;  ///< a valve being turned by dragging
  struct Carrying {
    std::uint32_t part = 0;
    physics::JointId joint;  ///< point joint from the grip to the hand
    float distance = 0;      ///< from the eye to the grip, kept while carrying
  };
  std::optional<Carrying> carrying_;      ///< a part in the hand
  std::vector<physics::JointId> seats_;   ///< per device: the fixed joint of a seated part
  std::vector<bool> follows_;             ///< per entity: its static body follows its device
  std::uint64_t placedVersion_ = 0;       ///< devices' version when their bodies were placed
  std::optional<core::Vec3> hoverPoint_;  ///< where the pointer ray hit this tick
  procedure::EndReason end_ = procedure::EndReason::None;
};

}  // namespace practicum::sim
