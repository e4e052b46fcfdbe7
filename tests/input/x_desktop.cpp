#include "x_desktop.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <thread>

#include "run_process.hpp"
#include "test_support.hpp"

extern char** environ;

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

const UiItem* UiMap::find(const std::string& name) const {
  const auto it = items.find(name);
  return it == items.end() ? nullptr : &it->second;
}

std::string UiMap::value(const std::string& name) const {
  const UiItem* item = find(name);
  return item ? item->value : std::string();
}

std::optional<UiMap> readUiMap(const fs::path& file) {
  std::ifstream in(file);
  if (!in) return std::nullopt;
  UiMap map;
  std::string line;
  // NAME<TAB>X0 Y0 X1 Y1<TAB>VALUE
  while (std::getline(in, line)) {
    const auto tab1 = line.find('\t');
    const auto tab2 = tab1 == std::string::npos ? tab1 : line.find('\t', tab1 + 1);
    if (tab2 == std::string::npos) continue;
    UiItem item;
    std::istringstream rect(line.substr(tab1 + 1, tab2 - tab1 - 1));
    rect >> item.x0 >> item.y0 >> item.x1 >> item.y1;
    item.value = line.substr(tab2 + 1);
    map.items[line.substr(0, tab1)] = item;
  }
  if (const UiItem* frame = map.find("frame"))
    map.frame = std::strtoull(frame->value.c_str(), nullptr, 10);
  return map;
}

// ---- Child

Child::Child(Child&& other) noexcept { *this = std::move(other); }

Child& Child::operator=(Child&& other) noexcept {
  std::swap(pid_, other.pid_);
  std::swap(status_, other.status_);
  std::swap(reaped_, other.reaped_);
  return *this;
}

Child::~Child() {
  if (pid_ > 0 && running()) {
    signal(SIGKILL);
    wait(5s);
  }
}

bool Child::start(const std::vector<std::string>& argv, const std::vector<std::string>& env,
                  const fs::path& output) {
  // the environment: the test's own, with `env` replacing names it sets
  std::vector<std::string> vars;
  for (char** e = environ; *e; ++e) {
    const std::string var(*e);
    const std::string name = var.substr(0, var.find('='));
    bool replaced = false;
    for (const auto& v : env) replaced |= v.substr(0, v.find('=')) == name;
    if (!replaced) vars.push_back(var);
  }
  vars.insert(vars.end(), env.begin(), env.end());
  std::vector<char*> envp, args;
  for (auto& v : vars) envp.push_back(v.data());
  envp.push_back(nullptr);
  std::vector<std::string> argvCopy = argv;
  for (auto& a : argvCopy) args.push_back(a.data());
  args.push_back(nullptr);

  // stdout and stderr into the output file; stdin from /dev/null
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, output.c_str(), O_WRONLY | O_CREAT | O_APPEND,
                                   0644);
  posix_spawn_file_actions_adddup2(&actions, 1, 2);
  const int rc = posix_spawnp(&pid_, args[0], &actions, nullptr, args.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) pid_ = -1;
  reaped_ = false;
  return rc == 0;
}

bool Child::running() {
  if (pid_ <= 0 || reaped_) return false;
  const pid_t r = ::waitpid(pid_, &status_, WNOHANG);
  if (r == pid_) reaped_ = true;
  return r == 0;
}

int Child::wait(std::chrono::milliseconds timeout) {
  const auto until = std::chrono::steady_clock::now() + timeout;
  while (running() && std::chrono::steady_clock::now() < until) std::this_thread::sleep_for(10ms);
  if (!reaped_) return -1;
  return WIFEXITED(status_) ? WEXITSTATUS(status_) : -1;
}

void Child::signal(int sig) {
  if (pid_ > 0 && !reaped_) ::kill(pid_, sig);
}

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

bool XDesktop::type(const std::string& text) {
  return xdotool("type --delay 0 " + quoted(text)).has_value();
}

bool XDesktop::key(const std::string& combination) {
  return xdotool("key " + quoted(combination)).has_value();
}

}  // namespace practicum::test
