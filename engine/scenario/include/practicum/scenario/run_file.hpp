#pragma once
/// Run files: a scripted learner's high-level actions and the outcome they must produce
/// (docs/run-format.md). Shipped scenarios keep theirs in `runs/`; tests run every one.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <practicum/core/math.hpp>
#include <practicum/scenario/scenario.hpp>

namespace practicum::scenario {

/// One action of a scripted learner.
struct RunAction {
  enum class Kind : std::uint8_t {
    Look,     ///< aim the pointer at `target` (optionally moving the camera to `from`)
    Operate,  ///< click device `target` until it is in `position`
    Press,    ///< press and release button `target`
    Wait,     ///< do nothing for `seconds`
    Stop,     ///< end the session
    Inject,   ///< an instructor injects fault `target`
    Take,     ///< take tool `target` into the hand
    Return,   ///< put tool `target` back
    Use,      ///< use the held tool `target` on device `on`
    Turn,     ///< turn valve `target` by dragging until it is `degrees` from its lower limit
    Place,    ///< pick up part `target`, carry it to socket `on` and let go there
    Loosen,   ///< turn fastener `target` out until loose, with the right tool in hand
    Tighten,  ///< turn fastener `target` in until tight, with the right tool in hand
    Grab,     ///< pick up part `target` and keep holding it
    Drop,     ///< let go of the held part `target` where it is
    View,     ///< switch the view: walking or orbiting, the cut-away, the labels (as V, C, L)
    Walk,     ///< walk the eye to `from` at a walking pace
  };
  Kind kind = Kind::Wait;
  std::string target;              ///< device or entity name
  std::string position;            ///< Operate: the position to reach
  double seconds = 0;              ///< Wait; Turn: the angle in degrees
  std::optional<core::Vec3> from;  ///< Look: camera position; Walk: where to walk to
  std::string path;                ///< JSON path of the action, for messages
  std::string on;                  ///< Use: the device the tool is used on; Place: the socket
  std::optional<bool> walk, cutaway, labels;  ///< View: the flags it sets (unset: unchanged)
};

/// The outcome a run must produce (each part optional).
struct RunExpectation {
  std::optional<double> score;
  std::optional<bool> passed;
  std::optional<std::vector<std::string>> violations;  ///< rule ids in order ("order:<step>")
  std::optional<std::string> end;                      ///< end reason ("completed", ...)
  /// event kinds ("wrong-tool", "not-seated") that must happen, in this order (others may come
  /// between them)
  std::optional<std::vector<std::string>> events;
};

/// A parsed run file.
struct RunFile {
  std::filesystem::path file;
  std::string scenario;  ///< the scenario id it is written for
  std::string description;
  bool exam = false;
  std::uint64_t seed = 0;
  std::vector<RunAction> actions;
  RunExpectation expect;
};

/// Result of loading a run file: the run when there were no errors, and every diagnostic.
struct RunFileResult {
  std::optional<RunFile> run;
  std::vector<Diagnostic> diagnostics;
};

/// Reads a run file strictly (unknown fields, wrong types and bad values are errors with
/// file, JSON path, line and column). Names of devices are checked when the run is played.
RunFileResult loadRunFile(const std::filesystem::path& file);
/// The same for a run file's text (what an editor holds), named `file` in diagnostics.
RunFileResult loadRunFileText(std::string_view text, const std::filesystem::path& file);

/// Every name a run uses that the scenario does not have, each an error at its JSON path: the
/// scenario's id (`scenario`), the targets of the actions (a device, or for `look` an entity; a
/// tool, a part, a socket, a fastener, a valve, a fault; an `operate`'s position) and the rules
/// and steps of `expect.violations` (`order:<step>`, `timeout:<step>`). Empty when the run fits.
std::vector<Diagnostic> checkRunFile(const RunFile& run, const ScenarioDef& scenario);

}  // namespace practicum::scenario
