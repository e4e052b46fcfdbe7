#pragma once
/// A person's input between two frames as events, never sampled: the state they leave (keys and
/// buttons held, where the pointer is), one frame's events with the questions the modes ask of
/// them, and the queue that gives every change of the buttons a tick of its own.
#include <bitset>
#include <cstdint>
#include <deque>
#include <vector>

#include <practicum/present/pointer.hpp>
#include <practicum/render/window.hpp>

namespace practicum::present {

/// What the keyboard and the mouse hold, as the events so far say.
class InputState {
 public:
  /// Takes an event into account.
  void apply(const render::InputEvent& event);
  /// Whether a key (render::Key) is held.
  bool keyDown(int key) const;
  /// Whether a mouse button (render::MouseButton) is held.
  bool buttonDown(int button) const { return (buttons_ >> button) & 1u; }
  /// Where the pointer is, in window pixels.
  ScreenPoint cursor() const { return cursor_; }
  /// Moves the pointer without an event (e.g. the window's first known position).
  void setCursor(ScreenPoint at) { cursor_ = at; }

 private:
  std::bitset<render::kKeyLast> keys_;
  std::uint32_t buttons_ = 0;
  ScreenPoint cursor_;
};

/// One frame's input: its events in the order they happened, with the state before and after.
struct FrameInput {
  double dt = 0;  ///< seconds since the previous frame (at most a quarter second)
  std::vector<render::InputEvent> events;
  InputState before;        ///< the state when the frame began
  InputState after;         ///< the state after every event of the frame
  bool uiMouse = false;     ///< the UI has the mouse (a panel or widget is under the pointer)
  bool uiKeyboard = false;  ///< the UI has the keyboard (a text field has focus)

  /// How many times `key` went down this frame.
  int presses(int key) const;
  /// Whether `key` went down this frame.
  bool pressed(int key) const { return presses(key) > 0; }
  /// Whether `key` went down this frame while Ctrl was held.
  bool pressedWithControl(int key) const;
  /// Wheel steps this frame (positive = away from the user).
  float scroll() const;
  /// How far the pointer moved this frame, in pixels.
  ScreenPoint cursorDelta() const;
};

/// The learner's buttons and keys to be stepped one state per tick. Each change the events of a
/// frame make is queued with the pointer where it happened, and each tick takes the oldest one
/// left; with none left a tick takes the current state. So a click shorter than a tick (or than
/// a frame) is pressed on one tick and released on the next, two clicks in one frame are two
/// clicks on successive ticks, and a frame that steps no tick loses nothing.
class TickInputQueue {
 public:
  /// One state of the pointer's buttons and the session's keys.
  struct State {
    std::uint32_t buttons = 0;  ///< sim::kPointer* bits
    std::uint32_t keys = 0;     ///< sim::kKey* bits
    ScreenPoint pointer;        ///< where the pointer was (window pixels)
    bool operator==(const State&) const = default;
  };
  /// Queues a state a change produced.
  void push(const State& state) { queue_.push_back(state); }
  /// The state for the next tick: the oldest queued change, or `current` when none is left.
  State next(const State& current);
  /// Whether changes are waiting for ticks.
  bool empty() const { return queue_.empty(); }
  /// Drops what is waiting (the session paused or ended).
  void clear() { queue_.clear(); }

 private:
  std::deque<State> queue_;
};

}  // namespace practicum::present
