#pragma once
/// Records a running session into a log: every tick's input, the events as they happen, a
/// checkpoint (state hash) every second, and the end. The session does not know about it: the
/// recorder observes the session after each tick.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

#include <practicum/core/result.hpp>
#include <practicum/record/log.hpp>
#include <practicum/sim/session.hpp>

namespace practicum::record {

/// Who and where, for the log's header.
struct RecorderOptions {
  std::string learner;  ///< pseudonym, never a real name
  std::string station;  ///< the machine or seat
  std::string engineVersion;
  std::string buildId;
  std::uint32_t checkpointTicks = 0;  ///< 0: one checkpoint per second of simulated time
  LogWriterOptions writer;
};

/// Writes one session's log. Borrows nothing between calls.
class SessionRecorder {
 public:
  /// Creates `file` (never overwrites) with the session's header.
  static core::Result<std::unique_ptr<SessionRecorder>> create(const std::filesystem::path& file,
                                                               const sim::Session& session,
                                                               const RecorderOptions& options);
  /// Records the tick the session just stepped with `input`.
  void afterTick(const sim::Session& session, const sim::InputRecord& input);
  /// Records the end (if the session ended, or as stopped) and closes the log.
  core::Status finish(const sim::Session& session);
  /// The first write failure, if any (logging stops then; what was written stays valid).
  core::Status status() const { return writer_->status(); }
  const std::filesystem::path& file() const { return file_; }

 private:
  SessionRecorder() = default;
  std::unique_ptr<LogWriter> writer_;
  std::filesystem::path file_;
  std::size_t eventsWritten_ = 0;
  std::uint32_t checkpointTicks_ = 120;
  bool finished_ = false;
};

/// A log file name for a new session: <scenario>-<learner>-<UTC time>.plog.
std::string logFileName(const std::string& scenarioId, const std::string& learner,
                        std::int64_t unixMs);
/// The default folder for logs: $XDG_DATA_HOME/practicum/logs or ~/.local/share/practicum/logs.
std::filesystem::path defaultLogDir();

}  // namespace practicum::record
