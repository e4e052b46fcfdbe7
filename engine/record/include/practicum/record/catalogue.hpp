#pragma once
/// The session catalogue: an SQLite index over session logs, for listing and filtering sessions
/// without reading every log (docs/log-format.md, "Session catalogue"). The logs stay the record;
/// the catalogue can be rebuilt from them alone. It stores the learner's pseudonym only: the
/// mapping from pseudonym to a real person is kept outside the logs and outside the catalogue.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <practicum/core/result.hpp>

namespace practicum::record {

/// Version of the catalogue's schema (SQLite user_version). A database of another version is
/// refused; rebuild it from the logs.
inline constexpr int kCatalogueSchemaVersion = 2;

/// One catalogued session: what its log's header and end record say, and how it verified.
struct SessionRow {
  std::string log;                       ///< the log file's path (unique)
  std::string learner;                   ///< pseudonym, never a real name
  std::string station;                   ///< the machine or seat
  std::string scenarioId;                ///< scenario id
  std::string scenarioHash;              ///< scenario content hash, 16 hex digits
  std::string mode;                      ///< "exam" or "practice"
  std::string start;                     ///< session start, ISO 8601 UTC with milliseconds
  std::optional<std::uint64_t> endTick;  ///< the end record's tick; empty without one
  std::optional<double> seconds;         ///< duration (end tick / tick rate)
  std::optional<double> score, max;      ///< from the end record
  std::optional<bool> passed;            ///< from the end record
  /// Why the session ended, from the end record: "completed", "critical", "time-limit",
  /// "stopped", "interrupted" or "closed"; empty without an end record (see endReasonText()).
  std::string endReason;
  /// "ok"; "incomplete" (no end record: killed or crashed), "incomplete (a torn last record was
  /// cut off)" (crashed while writing), kStillBeingWritten (a session in progress); or
  /// "damaged: <message>".
  std::string verification;
  std::uint64_t logSize = 0;  ///< bytes
  std::string indexed;        ///< when the row was written, ISO 8601 UTC with milliseconds
  std::string end;            ///< session end (start + end tick), ISO 8601 UTC; empty without one
  std::string stationKey;     ///< the key that signed the log (64 hex digits); empty if unsigned
  friend bool operator==(const SessionRow&, const SessionRow&) = default;
};

/// SessionRow::verification of a log without an end record whose writer still holds it: the
/// session is in progress (listed again at the next sync, whatever its size).
inline constexpr const char* kStillBeingWritten = "incomplete (still being written)";

/// How a session ended, for people: the end reason of `row`, or for a log without an end record
/// why it has none ("incomplete — no end record (the program was killed or crashed)", "still
/// running", or that the log is damaged).
std::string endReasonText(const SessionRow& row);

/// Which sessions list() returns; empty fields do not filter.
struct SessionFilter {
  std::optional<std::string> learner;   ///< exact pseudonym
  std::optional<std::string> scenario;  ///< exact scenario id
  std::optional<std::string> mode;      ///< "exam" or "practice"
  std::optional<bool> passed;        ///< passed, or not passed (sessions without an end: neither)
  bool verifiedOnly = false;         ///< only sessions whose log verified ("ok" or "incomplete")
  std::optional<std::string> since;  ///< start >= this ISO 8601 prefix (e.g. "2026-11-01")
  std::optional<std::string> until;  ///< start < this prefix, or starts with it
};

/// An open catalogue database. Never throws; every error names the database file. One object per
/// thread; several processes may use the same file (WAL mode, busy timeout).
class Catalogue {
 public:
  /// Opens `db`, creating it and its schema when new. Fails when the folder is missing or not
  /// writable, the file is not an SQLite database, or its schema version is another.
  static core::Result<std::unique_ptr<Catalogue>> open(const std::filesystem::path& db);
  ~Catalogue();
  Catalogue(const Catalogue&) = delete;
  Catalogue& operator=(const Catalogue&) = delete;

  /// Reads and verifies `log`, then inserts or replaces its row (keyed by the path as given,
  /// made absolute). A damaged log is listed with its verification state; only a log that cannot
  /// be read at all (missing) is an error.
  core::Status add(const std::filesystem::path& log);
  /// Drops every row, then adds every *.plog directly under `logDir`; returns how many.
  core::Result<std::size_t> rebuild(const std::filesystem::path& logDir);
  /// Adds the *.plog files under `logDir` that have no row yet, or whose size changed, and drops
  /// the rows of logs that were directly under `logDir` and are gone; returns how many were added.
  core::Result<std::size_t> sync(const std::filesystem::path& logDir);
  /// The sessions matching `filter`, ordered by start (then log path).
  core::Result<std::vector<SessionRow>> list(const SessionFilter& filter) const;
  /// The database file.
  const std::filesystem::path& file() const { return file_; }

 private:
  struct Impl;  // the SQLite connection (catalogue.cpp)
  Catalogue(std::filesystem::path file, std::unique_ptr<Impl> impl);
  std::filesystem::path file_;
  std::unique_ptr<Impl> impl_;
};

}  // namespace practicum::record
