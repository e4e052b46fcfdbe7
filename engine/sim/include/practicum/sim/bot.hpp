#pragma once
/// A scripted learner: turns a run file's high-level actions into per-tick input the way a
/// person produces it — aim the pointer at the target from the camera, press, release, look at
/// the result — so scripted runs exercise the same path as people.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <practicum/core/result.hpp>
#include <practicum/scenario/run_file.hpp>
#include <practicum/sim/session.hpp>

namespace practicum::sim {

/// Plays a run file against a session. Borrows both; they must outlive it.
class Bot {
 public:
  /// Checks that every name in the run exists in the session's scenario.
  static core::Result<Bot> create(const scenario::RunFile& run, Session& session);

  /// Steps the session with the bot's input until the actions are done or the session ends.
  /// Fails when an action cannot be carried out (a target the pointer cannot reach, a device
  /// that will not move after as many clicks as it has positions), naming the action.
  /// Called after every tick the bot steps, with the input it stepped with.
  using TickObserver = std::function<void(const Session&, const InputRecord&)>;
  /// `onTick` (optional) observes every tick (e.g. to record it).
  core::Status play(const TickObserver& onTick = {});

 private:
  Bot(const scenario::RunFile& run, Session& session) : run_(run), session_(session) {}
  core::Status act(const scenario::RunAction& action);
  // aims at a target entity for one tick with the given buttons
  void tickAt(std::uint32_t entity, std::uint32_t buttons);
  void idle(std::uint32_t ticks);
  // walks the eye to a point at a walking pace
  void walkTo(core::Vec3 to);
  // the input of a tick in which the learner does nothing new
  InputRecord restingInput() const;
  core::Status grabPart(const scenario::RunAction& action, std::uint32_t part,
                        std::uint32_t entity);
  void letGo();
  // picks a part up, carries it to a socket at walking pace and lets go there
  core::Status placePart(const scenario::RunAction& action, std::uint32_t part,
                         std::uint32_t entity);
  // grips a valve's rim and drags it round to the action's angle
  core::Status turnValve(const scenario::RunAction& action, std::uint32_t device,
                         std::uint32_t entity);
  // aims at a device's entity for one tick; fails when the pointer lands elsewhere
  core::Status aimAt(const scenario::RunAction& action, std::uint32_t device, std::uint32_t entity);
  core::Error failure(const scenario::RunAction& action, const std::string& what) const;

  void step(const InputRecord& input);

  const scenario::RunFile& run_;
  Session& session_;
  TickObserver onTick_;
  core::Vec3 camera_;
  std::optional<std::uint32_t> aim_;  ///< entity the pointer rests on
  std::uint32_t viewKeys_ = 0;        ///< the view's kKeyView* bits, on every tick's input
  struct Hold {
    std::uint32_t part = 0;
    std::uint32_t entity = 0;
    core::Vec3 direction;  ///< where the hand points (the part hangs there)
    float reach = 0;       ///< eye to the part's centre when it was taken
  };
  std::optional<Hold> holding_;  ///< a part in the hand, between actions
};

/// How a session's result and events differ from a run's expectation: one line per difference,
/// empty when it meets it. Scores compare to within 1e-6.
std::vector<std::string> compareWithExpectation(const scenario::RunExpectation& expected,
                                                const procedure::SessionResult& result,
                                                const std::vector<procedure::Event>& events);

/// Index of a device by name, or nullopt.
std::optional<std::uint32_t> findDevice(const scenario::TrainingDef& training,
                                        const std::string& name);

}  // namespace practicum::sim
