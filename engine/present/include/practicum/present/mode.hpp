#pragma once
/// The modes a program's window can be in (the player, the review, the editor's play) share one
/// shape: the host owns the frame loop and calls frame() once per frame, between
/// Viewer::beginFrame() and Viewer::endFrame(), as Filament's host calls its renderer. A mode
/// never prints, never reads the command line and never decides an exit code; it reports what
/// happened through its own outcome, and the host maps that to messages and exit codes.
#include <practicum/present/input.hpp>
#include <practicum/present/viewer.hpp>
#include <practicum/procedure/events.hpp>

namespace practicum::present {

class Mode {
 public:
  virtual ~Mode() = default;
  /// One frame: acts on the frame's input, advances time, issues the UI. Returns what to draw.
  virtual SceneFrame frame(const FrameInput& input) = 0;
  /// Whether the mode has finished; the host leaves it (and draws this frame as the last).
  virtual bool done() const = 0;
  /// Whether anything scripted is still going (a scripted learner, the start-up form of an
  /// automated run): a host that draws a fixed number of frames counts them from when this is
  /// true.
  virtual bool settled() const { return true; }
  /// The host ends the mode from outside: the window was closed, or the program was told to
  /// stop (a signal). A session still running ends with `reason`; done() is then true.
  virtual void end(procedure::EndReason reason) = 0;
};

}  // namespace practicum::present
