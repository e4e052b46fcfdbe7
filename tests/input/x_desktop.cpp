#include "x_desktop.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <thread>

#include "run_process.hpp"
#include "test_support.hpp"

namespace practicum::test {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

// a word for the shell, in single quotes
std::string quoted(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string readFile(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

// ---- XDesktop

XDesktop::XDesktop() {
  dir_ = makeTempDir("xdesktop");
  mapFile_ = dir_ / "ui-map.txt";
  outputFile_ = dir_ / "output.txt";
}

XDesktop::~XDesktop() {
  // the program first (it may still be writing), then its server
  if (program_.running()) {
    program_.signal(SIGTERM);
    if (program_.wait(10s) < 0 && program_.running()) program_.signal(SIGKILL);
  }
  if (server_.running()) server_.signal(SIGTERM);
  server_.wait(5s);
  std::error_code ec;
  fs::remove_all(dir_, ec);
}

std::string XDesktop::startServer(int width, int height) {
  // Xvfb picks a free display and writes its number into a pipe once it accepts clients
  int fds[2];
  if (::pipe(fds) != 0) return std::string("pipe: ") + std::strerror(errno);
  ::fcntl(fds[0], F_SETFD, FD_CLOEXEC);
  const std::string screen = std::to_string(width) + "x" + std::to_string(height) + "x24";
  const bool started = server_.start({"Xvfb", "-displayfd", std::to_string(fds[1]), "-screen", "0",
                                      screen, "-nolisten", "tcp", "-noreset"},
                                     {}, dir_ / "xvfb.txt");
  ::close(fds[1]);
  if (!started) {
    ::close(fds[0]);
    return "cannot start Xvfb (is the xvfb package installed? scripts/setup installs it)";
  }
  std::string number;
  pollfd p{fds[0], POLLIN, 0};
  const auto until = std::chrono::steady_clock::now() + 20s;
  while (std::chrono::steady_clock::now() < until) {
    if (::poll(&p, 1, 100) <= 0) continue;
    char c = 0;
    if (::read(fds[0], &c, 1) != 1) break;
    if (c == '\n') break;
    number += c;
  }
  ::close(fds[0]);
  if (number.empty()) return "Xvfb did not start: " + readFile(dir_ / "xvfb.txt");
  display_ = ":" + number;
  return {};
}

std::string XDesktop::startProgram(const std::vector<std::string>& argv,
                                   const std::vector<std::string>& env) {
  std::vector<std::string> all = env;
  all.push_back("DISPLAY=" + display_);
  all.push_back("PRACTICUM_UI_MAP=" + mapFile_.string());
  all.push_back("XAUTHORITY=");
  if (!program_.start(argv, all, outputFile_)) return "cannot start " + argv[0];
  // its window, then its first frames
  const auto found = xdotool("search --sync --onlyvisible --name Practicum");
  if (!found || found->empty()) return "no window appeared; the program said:\n" + output();
  window_ = found->substr(0, found->find('\n'));
  (void)xdotool("windowfocus --sync " + window_);
  if (!waitFor([](const UiMap& m) { return m.frame >= 2; }))
    return "the program drew no frame; it said:\n" + output();
  return {};
}

std::string XDesktop::output() const { return readFile(outputFile_); }

int XDesktop::waitForExit(std::chrono::milliseconds timeout) { return program_.wait(timeout); }

std::optional<UiMap> XDesktop::map() const { return readUiMap(mapFile_); }

std::optional<UiMap> XDesktop::waitFor(const std::function<bool(const UiMap&)>& ready,
                                       std::chrono::milliseconds timeout) {
  const auto until = std::chrono::steady_clock::now() + timeout;
  do {
    if (auto m = map(); m && ready(*m)) return m;
    if (!program_.running()) {
      // it may have written its last frame just before it ended
      if (auto m = map(); m && ready(*m)) return m;
      return std::nullopt;
    }
    std::this_thread::sleep_for(15ms);
  } while (std::chrono::steady_clock::now() < until);
  return std::nullopt;
}

std::optional<UiItem> XDesktop::waitForItem(const std::string& name,
                                            std::optional<std::string> value,
                                            std::chrono::milliseconds timeout) {
  const auto m = waitFor(
      [&](const UiMap& map) {
        const UiItem* item = map.find(name);
        return item && (!value || item->value == *value);
      },
      timeout);
  if (!m) return std::nullopt;
  return *m->find(name);
}

bool XDesktop::waitFrames(int frames) {
  const auto now = map();
  const std::uint64_t from = now ? now->frame : 0;
  return waitFor([&](const UiMap& m) { return m.frame >= from + std::uint64_t(frames); })
      .has_value();
}

std::optional<std::string> XDesktop::xdotool(const std::string& arguments) {
  const auto r = runProcess("DISPLAY=" + display_ + " XAUTHORITY= timeout 30 xdotool " + arguments);
  if (r.exitCode != 0) return std::nullopt;
  return r.output;
}

bool XDesktop::moveTo(int x, int y) {
  if (!xdotool("mousemove --window " + window_ + " " + std::to_string(x) + " " + std::to_string(y)))
    return false;
  return waitFrames(2);
}

bool XDesktop::click(int button) { return xdotool("click " + std::to_string(button)).has_value(); }

bool XDesktop::clickAt(int x, int y, int button) { return moveTo(x, y) && click(button); }

bool XDesktop::drag(int x0, int y0, int x1, int y1, int steps) {
  if (!moveTo(x0, y0) || !xdotool("mousedown 1")) return false;
  for (int i = 1; i <= steps; ++i) {
    const int x = x0 + (x1 - x0) * i / steps, y = y0 + (y1 - y0) * i / steps;
    if (!xdotool("mousemove --window " + window_ + " " + std::to_string(x) + " " +
                 std::to_string(y)) ||
        !waitFrames(1))
      return false;
  }
  return xdotool("mouseup 1").has_value() && waitFrames(2);
}

bool XDesktop::type(const std::string& text, int delayMs) {
  return xdotool("type --delay " + std::to_string(delayMs) + " -- " + quoted(text)).has_value();
}

bool XDesktop::key(const std::string& combination) {
  return xdotool("key " + quoted(combination)).has_value();
}

}  // namespace practicum::test
