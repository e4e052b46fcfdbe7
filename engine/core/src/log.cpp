#include <practicum/core/log.hpp>

#include <cstdio>
#include <mutex>
#include <utility>

namespace practicum::core {

namespace {
const char* prefix(LogLevel level) {
  switch (level) {
    case LogLevel::Debug: return "debug";
    case LogLevel::Info: return "info";
    case LogLevel::Warning: return "warning";
    case LogLevel::Error: return "error";
  }
  return "?";
}

void stderrSink(LogLevel level, std::string_view message) {
  std::fprintf(stderr, "practicum: %s: %.*s\n", prefix(level), static_cast<int>(message.size()),
               message.data());
}

struct LogState {
  std::mutex mutex;
  LogSink sink = stderrSink;
  LogLevel level = LogLevel::Info;
};
LogState& state() {
  static LogState s;
  return s;
}
}  // namespace

LogSink setLogSink(LogSink sink) {
  auto& s = state();
  std::lock_guard lock(s.mutex);
  return std::exchange(s.sink, sink ? std::move(sink) : LogSink(stderrSink));
}

void setLogLevel(LogLevel level) {
  auto& s = state();
  std::lock_guard lock(s.mutex);
  s.level = level;
}

void log(LogLevel level, std::string_view message) {
  auto& s = state();
  std::lock_guard lock(s.mutex);
  if (level < s.level) return;
  s.sink(level, message);
}

}  // namespace practicum::core
