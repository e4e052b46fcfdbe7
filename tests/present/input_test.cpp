// Input as events: nothing between two frames is lost. The UI takes each frame at most one
// change of a button or key (Dear ImGui samples once a frame), in order; the player gives every
// change of the learner's buttons a tick of its own; scripts read as documented.
#include <gtest/gtest.h>

#include <map>

#include <practicum/present/input.hpp>
#include <practicum/present/input_script.hpp>
#include <practicum/sim/session.hpp>
#include <practicum/ui/overlay.hpp>

#include "test_support.hpp"

namespace practicum::test {
namespace {

using render::InputEvent;
using Kind = InputEvent::Kind;

InputEvent button(Kind kind, int code, float x, float y) {
  InputEvent e;
  e.kind = kind;
  e.code = code;
  e.x = x;
  e.y = y;
  return e;
}
InputEvent key(Kind kind, int code, int mods = 0) {
  InputEvent e;
  e.kind = kind;
  e.code = code;
  e.mods = mods;
  return e;
}
InputEvent text(std::uint32_t c) {
  InputEvent e;
  e.kind = Kind::Text;
  e.codepoint = c;
  return e;
}
InputEvent move(float x, float y) {
  InputEvent e;
  e.kind = Kind::CursorMove;
  e.x = x;
  e.y = y;
  return e;
}

// feeds events through the UI's frames as the overlay does, collecting each frame's share
std::vector<std::vector<InputEvent>> frames(std::vector<InputEvent> pending) {
  std::vector<std::vector<InputEvent>> out;
  while (!pending.empty()) {
    const std::size_t n = ui::eventsForOneFrame(pending);
    EXPECT_GE(n, 1u);
    out.emplace_back(pending.begin(), pending.begin() + std::ptrdiff_t(n));
    pending.erase(pending.begin(), pending.begin() + std::ptrdiff_t(n));
  }
  return out;
}

TEST(InputTrickle, AClickInsideOneFramePressesInOneAndReleasesInTheNext) {
  const auto f = frames(
      {move(10, 10), button(Kind::ButtonDown, 0, 10, 10), button(Kind::ButtonUp, 0, 10, 10)});
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].size(), 2u);  // the move and the press
  EXPECT_EQ(f[1][0].kind, Kind::ButtonUp);
}

TEST(InputTrickle, TwoClicksInOneFrameAreTwoClicks) {
  const auto f = frames({button(Kind::ButtonDown, 0, 1, 1), button(Kind::ButtonUp, 0, 1, 1),
                         button(Kind::ButtonDown, 0, 1, 1), button(Kind::ButtonUp, 0, 1, 1)});
  ASSERT_EQ(f.size(), 4u);
  int downs = 0;
  for (const auto& frame : f) downs += frame[0].kind == Kind::ButtonDown;
  EXPECT_EQ(downs, 2);
}

TEST(InputTrickle, AQuickChordIsSeenWholeWhateverTheOrderOfItsReleases) {
  // Ctrl down in one frame, then A down and Ctrl up together (a quick hand, or xdotool): the
  // frame that has A down still has Ctrl held
  const auto f = frames(
      {key(Kind::KeyDown, render::kKeyLeftControl), key(Kind::KeyDown, 'A', render::kModControl),
       key(Kind::KeyUp, render::kKeyLeftControl, render::kModControl), key(Kind::KeyUp, 'A')});
  ASSERT_EQ(f.size(), 2u);
  ASSERT_EQ(f[0].size(), 2u);
  EXPECT_EQ(f[0][1].code, 'A');
  EXPECT_EQ(f[1][0].code, render::kKeyLeftControl);
  EXPECT_EQ(f[1][0].kind, Kind::KeyUp);
  // the same for Ctrl+click
  const auto c =
      frames({key(Kind::KeyDown, render::kKeyLeftControl), button(Kind::ButtonDown, 0, 3, 3),
              key(Kind::KeyUp, render::kKeyLeftControl, render::kModControl),
              button(Kind::ButtonUp, 0, 3, 3)});
  ASSERT_GE(c.size(), 2u);
  EXPECT_EQ(c[0].size(), 2u);
  // a modifier let go with nothing pressed under it in the frame goes at once
  const auto g = frames({key(Kind::KeyUp, 'A'), key(Kind::KeyUp, render::kKeyLeftControl)});
  EXPECT_EQ(g.size(), 1u);
}

TEST(InputTrickle, AMoveAfterAPressWaitsSoTheClickLandsWhereItWasPressed) {
  const auto f = frames({button(Kind::ButtonDown, 0, 5, 5), move(50, 50)});
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[1][0].kind, Kind::CursorMove);
}

TEST(InputTrickle, FastTypingKeepsEveryCharacterAndTheOrderOfEditingKeys) {
  // "ab", Backspace, "c": the characters of one frame, then the Backspace, then the rest
  std::vector<InputEvent> typed = {key(Kind::KeyDown, 'A'),
                                   text('a'),
                                   key(Kind::KeyUp, 'A'),
                                   key(Kind::KeyDown, 'B'),
                                   text('b'),
                                   key(Kind::KeyUp, 'B'),
                                   key(Kind::KeyDown, render::kKeyBackspace),
                                   key(Kind::KeyUp, render::kKeyBackspace),
                                   key(Kind::KeyDown, 'C'),
                                   text('c'),
                                   key(Kind::KeyUp, 'C')};
  const auto f = frames(typed);
  // everything arrives, in order
  std::vector<InputEvent> all;
  for (const auto& frame : f) all.insert(all.end(), frame.begin(), frame.end());
  EXPECT_EQ(all, typed);
  // text never shares a frame with an editing key that came after it, nor before it
  for (const auto& frame : f) {
    bool sawText = false, sawEditing = false;
    for (const auto& e : frame) {
      if (e.kind == Kind::Text) sawText = true;
      if ((e.kind == Kind::KeyDown || e.kind == Kind::KeyUp) && e.code == render::kKeyBackspace)
        sawEditing = true;
    }
    EXPECT_FALSE(sawText && sawEditing);
  }
  // and no key changes twice in a frame
  for (const auto& frame : f) {
    std::map<int, int> changes;
    for (const auto& e : frame)
      if (e.kind == Kind::KeyDown || e.kind == Kind::KeyUp) {
        EXPECT_LE(++changes[e.code], 1);
      }
  }
}

TEST(InputState, FollowsTheEventsAndTheFrameAnswersQuestions) {
  present::FrameInput in;
  in.events = {move(3, 4),
               button(Kind::ButtonDown, render::kMouseRight, 3, 4),
               move(13, 9),
               key(Kind::KeyDown, render::kKeyC),
               key(Kind::KeyUp, render::kKeyC),
               key(Kind::KeyDown, render::kKeyS, render::kModControl)};
  InputEvent wheel;
  wheel.kind = Kind::Scroll;
  wheel.y = 2;
  in.events.push_back(wheel);
  for (const auto& e : in.events) in.after.apply(e);
  EXPECT_TRUE(in.after.buttonDown(render::kMouseRight));
  EXPECT_FALSE(in.after.keyDown(render::kKeyC));
  EXPECT_TRUE(in.after.keyDown(render::kKeyS));
  EXPECT_EQ(in.presses(render::kKeyC), 1);
  EXPECT_TRUE(in.pressedWithControl(render::kKeyS));
  EXPECT_FALSE(in.pressedWithControl(render::kKeyC));
  EXPECT_FLOAT_EQ(in.scroll(), 2.0f);
  EXPECT_FLOAT_EQ(in.cursorDelta().x, 13.0f);
  EXPECT_FLOAT_EQ(in.cursorDelta().y, 9.0f);
}

TEST(TickInputQueue, EveryChangeGetsATickOfItsOwn) {
  using State = present::TickInputQueue::State;
  present::TickInputQueue q;
  const State up{0, 0, {1, 1}}, down{sim::kPointerPrimary, 0, {1, 1}};
  // a tap within one frame, then nothing held: pressed on one tick, released on the next
  q.push(down);
  q.push(up);
  EXPECT_EQ(q.next(up), down);
  EXPECT_EQ(q.next(up), up);
  EXPECT_EQ(q.next(up), up);
  EXPECT_TRUE(q.empty());
  // a change queued in a frame that stepped no tick is still there for the next one
  q.push(down);
  EXPECT_FALSE(q.empty());
  EXPECT_EQ(q.next(down), down);
}

TEST(InputScript, ReadsEveryActionAtItsFrame) {
  const auto script = present::InputScript::parse(
      "# a comment\n"
      "3 move 100 200\n"
      "+2 click left 640 360\n"
      "5 key Ctrl+S\n"
      "7 type L-042 你好\n"
      "8 scroll -1\n"
      "9 press right\n"
      "9 release right\n"
      "12 keydown LeftShift\n"
      "13 keyup LeftShift\n"
      "20 close\n",
      "t.script");
  ASSERT_TRUE(script.ok()) << script.error().message;
  const auto& e = script->entries();
  ASSERT_FALSE(e.empty());
  EXPECT_EQ(e.front().frame, 3u);
  EXPECT_EQ(e.front().event.kind, Kind::CursorMove);
  // the click: a move, a press and a release in frame 5
  EXPECT_EQ(e[1].frame, 5u);
  EXPECT_EQ(e[1].event.kind, Kind::CursorMove);
  EXPECT_EQ(e[2].event.kind, Kind::ButtonDown);
  EXPECT_EQ(e[3].event.kind, Kind::ButtonUp);
  EXPECT_FLOAT_EQ(e[3].event.x, 640);
  // Ctrl+S: Ctrl down, S down with Ctrl, S up, Ctrl up
  EXPECT_EQ(e[4].event.code, render::kKeyLeftControl);
  EXPECT_EQ(e[5].event.code, render::kKeyS);
  EXPECT_TRUE(e[5].event.mods & render::kModControl);
  EXPECT_EQ(e[7].event.kind, Kind::KeyUp);
  EXPECT_EQ(e[7].event.code, render::kKeyLeftControl);
  // typed text, UTF-8 included: one Text event a character
  std::u32string typed;
  for (const auto& entry : e)
    if (entry.event.kind == Kind::Text) typed += char32_t(entry.event.codepoint);
  EXPECT_EQ(typed, U"L-042 你好");
  EXPECT_TRUE(e.back().close);
  EXPECT_EQ(script->lastFrame(), 20u);
}

TEST(InputScript, MistakesNameTheLine) {
  const auto bad = present::InputScript::parse("1 move 1 2\n2 wave hello\n", "bad.script");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("bad.script:2:"), std::string::npos) << bad.error().message;
  EXPECT_NE(bad.error().message.find("wave"), std::string::npos);
  for (const char* text : {"x move 1 2\n", "5 move 1\n", "5 click thumb\n", "5 key NoSuchKey\n",
                           "5 move 1 2\n4 move 1 2\n", "5 type\n", "5 close now\n"}) {
    const auto r = present::InputScript::parse(text, "s");
    EXPECT_FALSE(r.ok()) << text;
  }
}

TEST(InputScript, PlaysItsFrameIntoTheWindowQueueOnly) {
  // keyName and keyFromName agree for every named key
  for (int k = 0; k < render::kKeyLast; ++k) {
    const std::string name = render::keyName(k);
    if (!name.empty()) {
      EXPECT_EQ(render::keyFromName(name), k) << name;
    }
  }
  EXPECT_EQ(render::keyFromName("f1"), render::kKeyF1);
  EXPECT_EQ(render::keyFromName("escape"), render::kKeyEscape);
  EXPECT_EQ(render::keyFromName("nothing"), -1);
}

}  // namespace
}  // namespace practicum::test
