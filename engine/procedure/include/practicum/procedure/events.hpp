#pragma once
/// Semantic events of a session: what happened, when, to what. The log and the assessment are
/// built from these.
#include <cstdint>

namespace practicum::procedure {

/// What happened.
enum class EventKind : std::uint8_t {
  Operated,       ///< device `subject` moved from position `from` to `to`
  Refused,        ///< operating device `subject` to `to` was prevented by rule `rule`, or by
                  ///< the lock `from` when `rule` is kLocked
  Pressed,        ///< button `subject` was pressed
  StepCompleted,  ///< step `subject` completed
  OutOfOrder,     ///< step `subject`'s condition held before its prerequisites were done
  StepTimedOut,   ///< step `subject` passed its time limit
  Violation,      ///< rule `rule` was broken (interlock recorded, or hazard triggered); `to`
                  ///< is 1 when an interlock prevented the act
  FaultInjected,  ///< fault `subject` became active; `from` is its FaultSource
  ToolTaken,      ///< tool `subject` was taken into the hand
  ToolReturned,   ///< tool `subject` was put back
  ToolUsed,       ///< tool `from` was used on device `subject`
  WrongTool,      ///< tool `from` was used on device `subject`, which needs another tool
  Grabbed,        ///< part `subject` was picked up
  Released,       ///< part `subject` was let go
  Placed,         ///< part `subject` was seated in socket `to`
  Unseated,       ///< part `subject` was taken out of socket `to`
  Loosened,       ///< fastener `subject` was turned out to `to` turns with tool `from`
  Tightened,      ///< fastener `subject` was turned in to `to` turns with tool `from`
  SessionEnded,   ///< the session ended; `subject` is the EndReason
  // log format 1.3 (sim::kBehaviour 2): new kinds are appended, never renumbered
  ValveTurned,  ///< valve `subject` was turned (gripped, turned, let go) from `from` to `to`
                ///< percent open
  NotSeated,    ///< part `subject` was let go near socket `to` that takes it but out of its
                ///< tolerance: `from` millimetres from its place, turned `rule` degrees from it
};
/// The last EventKind this build knows.
inline constexpr EventKind kLastEventKind = EventKind::NotSeated;

/// Why a session ended. The values are stored in session logs: new ones are appended, never
/// renumbered. Stopped, Interrupted and Closed end a session from outside (not by the procedure):
/// isEndedFromOutside().
enum class EndReason : std::uint8_t {
  None,         ///< still running
  Completed,    ///< every step done
  Critical,     ///< a critical violation in exam mode
  TimeLimit,    ///< the scenario's time limit passed
  Stopped,      ///< the learner or a script stopped it
  Interrupted,  ///< the program got SIGINT, SIGTERM or SIGHUP (Ctrl+C, shutdown) (log format 1.2)
  Closed,       ///< the learner closed the window before the session ended (log format 1.2)
};
/// The last EndReason this build knows.
inline constexpr EndReason kLastEndReason = EndReason::Closed;

/// True for the reasons that end a session from outside the procedure (Stopped, Interrupted,
/// Closed): the session ends at whatever tick the host stopped it, so a replay has to stop it
/// there too rather than wait for the procedure to end it.
constexpr bool isEndedFromOutside(EndReason reason) {
  return reason == EndReason::Stopped || reason == EndReason::Interrupted ||
         reason == EndReason::Closed;
}

/// Who injected a fault.
enum class FaultSource : std::uint8_t {
  Scheduled,   ///< its time (fixed or seeded) came
  Condition,   ///< its condition became true
  Instructor,  ///< an instructor's inject in the input stream
};

/// Event::rule of a refusal by a padlock rather than by a rule.
inline constexpr std::uint32_t kLocked = 0xffffffffu;
/// Event::rule of a refusal because the device needs a tool and the hand is empty.
inline constexpr std::uint32_t kNeedsTool = 0xfffffffeu;

/// Event::rule of a NotSeated: the socket does not take that part.
inline constexpr std::uint32_t kNotAccepted = 0xffffffffu;
/// Event::rule of a NotSeated: another part sits in the socket.
inline constexpr std::uint32_t kOccupied = 0xfffffffeu;

/// One event. Indices refer to the scenario's devices, steps and rules.
struct Event {
  std::uint64_t tick = 0;
  EventKind kind = EventKind::Operated;
  std::uint32_t subject = 0;
  std::uint32_t from = 0;
  std::uint32_t to = 0;
  std::uint32_t rule = 0;
  friend bool operator==(const Event&, const Event&) = default;
};

/// Name of an event kind ("operated", "step-completed", ...).
const char* toString(EventKind kind);
/// Name of a fault source ("scheduled", "condition", "instructor").
const char* toString(FaultSource source);
/// Name of an end reason ("completed", "critical", "time-limit", "stopped", "interrupted",
/// "closed"; "none" while running).
const char* toString(EndReason reason);

}  // namespace practicum::procedure
