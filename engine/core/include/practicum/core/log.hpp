#pragma once
/// Engine log: leveled messages routed to one replaceable sink.
/// Tests install a sink that fails them on any error; the app prints to stderr.
#include <functional>
#include <string_view>

namespace practicum::core {

/// Severity of a log message.
enum class LogLevel { Debug, Info, Warning, Error };

/// Receives every message at or above the current level. Must be thread-safe if the engine
/// logs from several threads (it serialises calls itself).
using LogSink = std::function<void(LogLevel, std::string_view message)>;

/// Replaces the sink; returns the previous one. The default sink prints to stderr.
LogSink setLogSink(LogSink sink);
/// Messages below this level are dropped (default Info).
void setLogLevel(LogLevel level);
/// Sends a message to the sink.
void log(LogLevel level, std::string_view message);

inline void logDebug(std::string_view m) { log(LogLevel::Debug, m); }
inline void logInfo(std::string_view m) { log(LogLevel::Info, m); }
inline void logWarning(std::string_view m) { log(LogLevel::Warning, m); }
inline void logError(std::string_view m) { log(LogLevel::Error, m); }

}  // namespace practicum::core
