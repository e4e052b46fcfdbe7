#pragma once
/// Session logs: one append-only, hash-chained file per session (docs/log-format.md).
/// LogWriter appends from a writer thread; readLog/verifyLog read and check a log; cutTornTail
/// repairs the one kind of damage a crash leaves.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <practicum/core/result.hpp>
#include <practicum/procedure/events.hpp>
#include <practicum/record/station_key.hpp>
#include <practicum/sim/session.hpp>

namespace practicum::record {

/// Format version written by this build. Readers refuse other majors and newer minors; 1.0,
/// 1.1 (which adds the station signature record), 1.2 (which adds the end reasons interrupted
/// and closed) and 1.3 (the header's behaviour, the events valve-turned and not-seated) are read.
inline constexpr std::uint16_t kLogFormatMajor = 1, kLogFormatMinor = 3;
/// The first minor whose end records may say Interrupted or Closed.
inline constexpr std::uint16_t kLogFormatMinorOutsideEnds = 2;
/// The first minor whose header says the session's behaviour (sim::kBehaviour) and whose events
/// may be ValveTurned or NotSeated; older logs were played under sim::kBehaviourFirst.
inline constexpr std::uint16_t kLogFormatMinorBehaviour = 3;
/// Largest payload a record may declare; a longer length is damage, not a torn tail.
inline constexpr std::uint32_t kMaxRecordPayload = 16u * 1024 * 1024;

/// The first record: what was run, by whom, where, how.
struct LogHeader {
  std::string engineVersion, buildId, scenarioId;
  std::uint64_t scenarioHash = 0;
  std::string learner, station;  ///< pseudonymous learner id, station name
  std::uint8_t mode = 0;         ///< sim::Mode
  std::uint64_t seed = 0;
  double tickRate = 120;                      ///< ticks per second
  std::int64_t startUnixMs = 0;               ///< session start, UTC milliseconds since 1970
  std::uint16_t behaviour = sim::kBehaviour;  ///< the rules it was played under (1.3; older: 1)
  friend bool operator==(const LogHeader&, const LogHeader&) = default;
};
/// The options that replay the session a header describes: its mode, seed and behaviour.
sim::SessionOptions sessionOptions(const LogHeader& header);
/// The learner's input at one logged tick.
struct TickInput {
  std::uint64_t tick = 0;
  sim::InputRecord input;
};
/// The session's state hash at a tick (for replay verification).
struct Checkpoint {
  std::uint64_t tick = 0;
  std::uint64_t stateHash = 0;
  friend bool operator==(const Checkpoint&, const Checkpoint&) = default;
};
/// The last record: why and how the session ended.
struct EndRecord {
  std::uint64_t tick = 0;
  std::uint8_t reason = 0;  ///< procedure::EndReason, never None (a reader checks it is known)
  double score = 0, max = 0;
  bool passed = false;
  friend bool operator==(const EndRecord&, const EndRecord&) = default;
};
/// How a LogWriter batches and syncs.
struct LogWriterOptions {
  double syncIntervalSeconds = 1.0;       ///< fsync at least this often while data comes in
  std::uint32_t ticksPerInputBlock = 60;  ///< logged ticks per input block record (1..65536)
  /// When set, the end record is followed by this station's signature of it.
  std::shared_ptr<const StationKey> stationKey;
};

/// Appends a session log. Encoding, hashing and writing happen on a writer thread; the calling
/// (simulation) thread only queues. Never throws; after a write failure (full disk, I/O error)
/// logging stops, status() says why, and everything written before stays valid.
/// All methods but status() must be called from one thread (the simulation's).
class LogWriter {
 public:
  /// Creates `file` (never overwrites an existing one), locks it against other writers, writes
  /// and fsyncs the file header and the header record, then starts the writer thread.
  static core::Result<std::unique_ptr<LogWriter>> create(const std::filesystem::path& file,
                                                         const LogHeader& header,
                                                         const LogWriterOptions& options = {});
  /// Closes (flush + fsync) if not closed.
  ~LogWriter();
  LogWriter(const LogWriter&) = delete;
  LogWriter& operator=(const LogWriter&) = delete;

  /// The input of `tick`; call for every tick, ticks strictly increasing. A tick whose input is
  /// bit-identical to the previous tick's is not stored (readers repeat the previous input).
  void input(std::uint64_t tick, const sim::InputRecord& input);
  /// An event, as it happens. StepCompleted, Violation and SessionEnded also ask for an fsync.
  void event(const procedure::Event& event);
  /// A state hash for replay to compare against.
  void checkpoint(std::uint64_t tick, std::uint64_t stateHash);
  /// The end record; returns once it is written and fsynced (or writing failed). Later
  /// input/event/checkpoint/end calls are ignored.
  void end(const EndRecord& end);
  /// Asks for an fsync of everything queued (step completion, violation); does not wait.
  void syncNow();
  /// Ok, or the first write failure. May be called from any thread.
  core::Status status() const;
  /// Flushes, fsyncs, stops the writer thread and releases the lock; returns status().
  /// Idempotent; after it the other methods do nothing.
  core::Status close();

 private:
  struct Impl;  // state shared with the writer thread (log_writer.cpp)
  explicit LogWriter(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

/// What reading a log found.
struct VerifyReport {
  bool ok = false;            ///< every byte is part of a valid record; the chain holds
  bool complete = false;      ///< an end record closes the log
  std::uint64_t records = 0;  ///< valid records (the header counts)
  std::optional<std::uint64_t> badRecord;  ///< index of the first bad record
  std::optional<std::uint64_t> badOffset;  ///< its byte offset
  bool tornTail = false;                   ///< the last record is incomplete (crash while writing)
  /// The station key whose signature of the end record verified; empty when unsigned.
  std::optional<StationPublicKey> signedBy;
  std::string message;    ///< names the file, the record index and the offset
  std::string messageZh;  ///< the same in Simplified Chinese
  /// The message in a language.
  const std::string& messageIn(scenario::Language language) const {
    return language == scenario::Language::ChineseSimplified && !messageZh.empty() ? messageZh
                                                                                   : message;
  }
};
/// Everything a log holds. `inputs` has the logged ticks only; see inputAt().
struct LogContents {
  LogHeader header;
  std::vector<TickInput> inputs;
  std::vector<procedure::Event> events;
  std::vector<Checkpoint> checkpoints;
  std::optional<EndRecord> end;
  std::optional<StationPublicKey> signedBy;  ///< see VerifyReport::signedBy
};

/// Reads and verifies a log. The contents of the valid prefix are returned even when a later
/// record is bad (with the report saying where).
LogContents readLog(const std::filesystem::path& file, VerifyReport& report);
/// Same, from the bytes of a log; `name` is used in messages.
LogContents readLogBytes(std::string_view bytes, std::string_view name, VerifyReport& report);
/// Reads and verifies a log, keeping only the report.
VerifyReport verifyLog(const std::filesystem::path& file);
/// Cuts off a torn last record (crash while writing) so the log can be appended to; refuses any
/// other damage, and a log a writer holds locked. Ok (and unchanged) when nothing is torn.
core::Status cutTornTail(const std::filesystem::path& file);

/// True when a LogWriter (of this or another process) holds `file` locked: the session is still
/// being written. Probes with a shared lock taken and released at once; call it only for a log
/// that already reads (its writer took the lock before writing the header), never for a file
/// that might be just created.
bool logIsBeingWritten(const std::filesystem::path& file);

/// The input in effect at `tick`: that of the latest logged tick <= `tick` (ticks not logged
/// repeat the previous input). Empty before the first logged tick. `inputs` in tick order.
std::optional<sim::InputRecord> inputAt(const std::vector<TickInput>& inputs, std::uint64_t tick);

}  // namespace practicum::record
