#include <practicum/present/input_script.hpp>

#include <algorithm>
#include <charconv>
#include <fstream>
#include <sstream>

namespace practicum::present {

namespace {

using render::InputEvent;

// the words of a line, split at blanks; the rest of a `type` line is kept whole
std::vector<std::string_view> words(std::string_view line) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    if (i >= line.size()) break;
    const std::size_t start = i;
    while (i < line.size() && line[i] != ' ' && line[i] != '\t') ++i;
    out.push_back(line.substr(start, i - start));
  }
  return out;
}

bool number(std::string_view text, float& out) {
  // std::from_chars for floats: locale-free
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size();
}

bool whole(std::string_view text, std::uint64_t& out) {
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size();
}

int buttonFromName(std::string_view name) {
  if (name == "left") return render::kMouseLeft;
  if (name == "right") return render::kMouseRight;
  if (name == "middle") return render::kMouseMiddle;
  return -1;
}

// UTF-8 to code points (invalid bytes are refused)
bool codepoints(std::string_view text, std::vector<std::uint32_t>& out) {
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    const int extra = c < 0x80         ? 0
                      : (c >> 5) == 6  ? 1
                      : (c >> 4) == 14 ? 2
                      : (c >> 3) == 30 ? 3
                                       : -1;
    if (extra < 0 || i + std::size_t(extra) >= text.size()) return false;
    std::uint32_t cp = extra == 0 ? c : c & (0x3Fu >> extra);
    for (int k = 1; k <= extra; ++k) {
      const auto b = static_cast<unsigned char>(text[i + std::size_t(k)]);
      if ((b >> 6) != 2) return false;
      cp = (cp << 6) | (b & 0x3Fu);
    }
    out.push_back(cp);
    i += std::size_t(extra) + 1;
  }
  return true;
}

}  // namespace

core::Result<InputScript> InputScript::load(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return core::makeError(core::ErrorCode::NotFound, file.string() + ": cannot read");
  std::ostringstream text;
  text << in.rdbuf();
  return parse(text.str(), file);
}

core::Result<InputScript> InputScript::parse(std::string_view text,
                                             const std::filesystem::path& file) {
  InputScript script;
  std::uint64_t frame = 0;
  std::size_t lineNumber = 0;
  float x = 0, y = 0;  // where the pointer is, for clicks without a place
  for (std::size_t pos = 0; pos <= text.size();) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++lineNumber;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const auto fail = [&](const std::string& what) {
      return core::makeError(core::ErrorCode::Parse,
                             file.string() + ":" + std::to_string(lineNumber) + ": " + what);
    };
    const auto w = words(line);
    if (w.empty() || w[0][0] == '#') continue;

    // the frame: absolute, or "+N" after the previous line's
    std::uint64_t n = 0;
    const bool relative = w[0][0] == '+';
    if (!whole(relative ? w[0].substr(1) : w[0], n))
      return fail("expected a frame number (or +N frames after the previous line), got \"" +
                  std::string(w[0]) + "\"");
    const std::uint64_t at = relative ? frame + n : n;
    if (at < frame)
      return fail("frame " + std::to_string(at) + " comes before frame " + std::to_string(frame) +
                  " of an earlier line");
    frame = at;
    if (w.size() < 2) return fail("expected an action after the frame");
    const std::string_view action = w[1];
    const auto add = [&](InputEvent e) { script.entries_.push_back({frame, e, false}); };
    const auto args = [&](std::size_t count) { return w.size() == count + 2; };

    if (action == "move") {
      if (!args(2) || !number(w[2], x) || !number(w[3], y)) return fail("move X Y");
      InputEvent e;
      e.kind = InputEvent::Kind::CursorMove;
      e.x = x;
      e.y = y;
      add(e);
    } else if (action == "press" || action == "release" || action == "click") {
      // a button, optionally where: "click left 640 360"
      if (!(args(1) || args(3))) return fail(std::string(action) + " left|right|middle [X Y]");
      const int button = buttonFromName(w[2]);
      if (button < 0) return fail("no mouse button \"" + std::string(w[2]) + "\"");
      if (args(3)) {
        if (!number(w[3], x) || !number(w[4], y)) return fail("expected X Y in pixels");
        InputEvent move;
        move.kind = InputEvent::Kind::CursorMove;
        move.x = x;
        move.y = y;
        add(move);
      }
      InputEvent e;
      e.code = button;
      e.x = x;
      e.y = y;
      if (action != "release") {
        e.kind = InputEvent::Kind::ButtonDown;
        add(e);
      }
      if (action != "press") {
        e.kind = InputEvent::Kind::ButtonUp;
        add(e);
      }
    } else if (action == "key" || action == "keydown" || action == "keyup") {
      // "key Ctrl+S": the modifiers go down first and come up last
      if (!args(1)) return fail(std::string(action) + " NAME (e.g. F1, Escape, Ctrl+S)");
      std::vector<int> keys;
      int mods = 0;
      std::string_view combo = w[2];
      while (!combo.empty()) {
        const std::size_t plus = combo.find('+', 1);
        const std::string_view part = combo.substr(0, plus);
        combo = plus == std::string_view::npos ? std::string_view{} : combo.substr(plus + 1);
        int key = render::keyFromName(part);
        if (part == "Ctrl" || part == "ctrl") key = render::kKeyLeftControl;
        if (part == "Shift" || part == "shift") key = render::kKeyLeftShift;
        if (part == "Alt" || part == "alt") key = render::kKeyLeftAlt;
        if (key < 0) return fail("no key \"" + std::string(part) + "\"");
        keys.push_back(key);
      }
      const auto modOf = [](int key) {
        if (key == render::kKeyLeftControl || key == render::kKeyRightControl)
          return int(render::kModControl);
        if (key == render::kKeyLeftShift || key == render::kKeyRightShift)
          return int(render::kModShift);
        if (key == render::kKeyLeftAlt || key == render::kKeyRightAlt) return int(render::kModAlt);
        return 0;
      };
      if (action != "keyup")
        for (const int key : keys) {
          InputEvent e;
          e.kind = InputEvent::Kind::KeyDown;
          e.code = key;
          mods |= modOf(key);
          e.mods = mods;
          add(e);
        }
      if (action != "keydown")
        for (auto it = keys.rbegin(); it != keys.rend(); ++it) {
          InputEvent e;
          e.kind = InputEvent::Kind::KeyUp;
          e.code = *it;
          e.mods = mods;
          mods &= ~modOf(*it);
          add(e);
        }
    } else if (action == "type") {
      // the rest of the line after one blank, as typed characters
      const std::size_t start = std::size_t(w[1].data() - line.data()) + w[1].size() + 1;
      std::vector<std::uint32_t> chars;
      if (start > line.size() || !codepoints(line.substr(start), chars) || chars.empty())
        return fail("type TEXT (UTF-8)");
      for (const std::uint32_t c : chars) {
        InputEvent e;
        e.kind = InputEvent::Kind::Text;
        e.codepoint = c;
        add(e);
      }
    } else if (action == "scroll") {
      float steps = 0;
      if (!args(1) || !number(w[2], steps)) return fail("scroll STEPS (positive = away)");
      InputEvent e;
      e.kind = InputEvent::Kind::Scroll;
      e.y = steps;
      add(e);
    } else if (action == "close") {
      if (!args(0)) return fail("close takes nothing");
      script.entries_.push_back({frame, {}, true});
    } else {
      return fail("unknown action \"" + std::string(action) +
                  "\" (move, press, release, click, key, keydown, keyup, type, scroll, close)");
    }
  }
  return script;
}

void InputScript::play(std::uint64_t frame, render::Window& window) const {
  // entries are in frame order: find this frame's
  const auto first = std::lower_bound(entries_.begin(), entries_.end(), frame,
                                      [](const Entry& e, std::uint64_t f) { return e.frame < f; });
  for (auto it = first; it != entries_.end() && it->frame == frame; ++it) {
    if (it->close)
      window.requestClose();
    else
      window.inject(it->event);
  }
}

}  // namespace practicum::present
