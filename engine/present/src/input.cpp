#include <practicum/present/input.hpp>

namespace practicum::present {

using render::InputEvent;

void InputState::apply(const InputEvent& e) {
  switch (e.kind) {
    case InputEvent::Kind::CursorMove: cursor_ = {e.x, e.y}; break;
    case InputEvent::Kind::ButtonDown:
    case InputEvent::Kind::ButtonUp:
      cursor_ = {e.x, e.y};
      if (e.code >= 0 && e.code < 32) {
        const std::uint32_t bit = 1u << e.code;
        buttons_ = e.kind == InputEvent::Kind::ButtonDown ? buttons_ | bit : buttons_ & ~bit;
      }
      break;
    case InputEvent::Kind::KeyDown:
    case InputEvent::Kind::KeyUp:
      if (e.code >= 0 && e.code < render::kKeyLast)
        keys_[std::size_t(e.code)] = e.kind == InputEvent::Kind::KeyDown;
      break;
    case InputEvent::Kind::Text:
    case InputEvent::Kind::Scroll: break;
  }
}

bool InputState::keyDown(int key) const {
  return key >= 0 && key < render::kKeyLast && keys_[std::size_t(key)];
}

int FrameInput::presses(int key) const {
  int n = 0;
  for (const auto& e : events) n += e.kind == InputEvent::Kind::KeyDown && e.code == key;
  return n;
}

bool FrameInput::pressedWithControl(int key) const {
  for (const auto& e : events)
    if (e.kind == InputEvent::Kind::KeyDown && e.code == key && (e.mods & render::kModControl))
      return true;
  return false;
}

float FrameInput::scroll() const {
  float steps = 0;
  for (const auto& e : events)
    if (e.kind == InputEvent::Kind::Scroll) steps += e.y;
  return steps;
}

ScreenPoint FrameInput::cursorDelta() const {
  return {after.cursor().x - before.cursor().x, after.cursor().y - before.cursor().y};
}

TickInputQueue::State TickInputQueue::next(const State& current) {
  if (queue_.empty()) return current;
  const State s = queue_.front();
  queue_.pop_front();
  return s;
}

}  // namespace practicum::present
