#include <practicum/record/catalogue.hpp>

#include <algorithm>
#include <cstdio>
#include <map>
#include <system_error>

#include <sqlite3.h>

#include <practicum/core/hash.hpp>
#include <practicum/core/log.hpp>
#include <practicum/core/time.hpp>
#include <practicum/procedure/events.hpp>
#include <practicum/record/log.hpp>

namespace practicum::record {

namespace fs = std::filesystem;

namespace {

constexpr const char* kSchema =
    "CREATE TABLE IF NOT EXISTS sessions ("
    " log TEXT PRIMARY KEY NOT NULL,"
    " learner TEXT NOT NULL,"
    " station TEXT NOT NULL,"
    " scenario_id TEXT NOT NULL,"
    " scenario_hash TEXT NOT NULL,"
    " mode TEXT NOT NULL,"
    " start TEXT NOT NULL,"
    " end_tick INTEGER,"
    " duration_s REAL,"
    " score REAL,"
    " max REAL,"
    " passed INTEGER,"
    " end_reason TEXT NOT NULL,"
    " verification TEXT NOT NULL,"
    " log_size INTEGER NOT NULL,"
    " indexed TEXT NOT NULL,"
    " end_time TEXT NOT NULL,"
    " station_key TEXT NOT NULL);"
    "CREATE INDEX IF NOT EXISTS sessions_start ON sessions(start);"
    "CREATE INDEX IF NOT EXISTS sessions_learner ON sessions(learner);";

constexpr const char* kColumns =
    "log, learner, station, scenario_id, scenario_hash, mode, start, end_tick, duration_s, score, "
    "max, passed, end_reason, verification, log_size, indexed, end_time, station_key";

// a prepared statement, finalized on scope exit
class Statement {
 public:
  Statement(sqlite3* db, const char* sql) {
    rc_ = sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr);
  }
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  bool ok() const { return rc_ == SQLITE_OK && stmt_; }
  sqlite3_stmt* get() const { return stmt_; }
  void text(int i, const std::string& v) {
    sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  }
  void text(int i, const std::optional<std::string>& v) {
    if (v) text(i, *v);
  }
  void integer(int i, std::int64_t v) { sqlite3_bind_int64(stmt_, i, v); }
  void real(int i, std::optional<double> v) {
    if (v) sqlite3_bind_double(stmt_, i, *v);
  }
  std::string column(int i) const {
    const auto* p = sqlite3_column_text(stmt_, i);
    return p ? std::string(reinterpret_cast<const char*>(p),
                           static_cast<std::size_t>(sqlite3_column_bytes(stmt_, i)))
             : std::string();
  }
  bool isNull(int i) const { return sqlite3_column_type(stmt_, i) == SQLITE_NULL; }

 private:
  sqlite3_stmt* stmt_ = nullptr;
  int rc_ = SQLITE_ERROR;
};

// the key of a log: its absolute, normalised path
std::string logKey(const fs::path& log) {
  std::error_code ec;
  fs::path abs = fs::absolute(log, ec);
  if (ec) abs = log;
  return abs.lexically_normal().string();
}

// the *.plog files directly under `dir`, in name order
core::Result<std::vector<fs::path>> logsIn(const fs::path& dir, const fs::path& db) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec))
    return core::Error{core::ErrorCode::NotFound,
                       db.string() + ": the log folder " + dir.string() + " does not exist"};
  std::vector<fs::path> found;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.path().extension() == ".plog") found.push_back(e.path());
  if (ec)
    return core::Error{core::ErrorCode::Io, db.string() + ": cannot read the log folder " +
                                                dir.string() + ": " + ec.message()};
  std::sort(found.begin(), found.end());
  return found;
}

}  // namespace

std::string endReasonText(const SessionRow& row) {
  if (!row.endReason.empty()) return row.endReason;
  // no end record: say why there is none, as far as the log tells
  if (row.verification == kStillBeingWritten) return "none yet — the session is still running";
  if (row.verification.rfind("damaged", 0) == 0)
    return "unknown — the log is damaged (no end record verifies)";
  if (row.verification.find("torn") != std::string::npos)
    return "incomplete — no end record (the program was killed or crashed while writing)";
  return "incomplete — no end record (the program was killed or crashed)";
}

struct Catalogue::Impl {
  sqlite3* db = nullptr;
  ~Impl() { sqlite3_close_v2(db); }

  // an error naming the database file, with SQLite's message
  core::Error error(const fs::path& file, const std::string& what) const {
    return {core::ErrorCode::Io, file.string() + ": " + what + ": " +
                                     (db ? sqlite3_errmsg(db) : "cannot open the database")};
  }
  bool exec(const char* sql) const {
    return sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
  }
};

Catalogue::Catalogue(fs::path file, std::unique_ptr<Impl> impl)
    : file_(std::move(file)), impl_(std::move(impl)) {}

Catalogue::~Catalogue() = default;

core::Result<std::unique_ptr<Catalogue>> Catalogue::open(const fs::path& db) {
  // the folder must exist and be a folder: SQLite's own message would not say which
  std::error_code ec;
  const fs::path folder = db.parent_path().empty() ? fs::path(".") : db.parent_path();
  if (!fs::is_directory(folder, ec))
    return core::Error{core::ErrorCode::NotFound,
                       db.string() + ": cannot open the session catalogue: the folder " +
                           folder.string() + " does not exist"};

  auto impl = std::make_unique<Impl>();
  const int rc =
      sqlite3_open_v2(db.c_str(), &impl->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  if (rc != SQLITE_OK) return impl->error(db, "cannot open the session catalogue");
  sqlite3_busy_timeout(impl->db, 5000);

  // WAL: readers do not block the writer (a run adding its session while someone lists)
  {
    Statement wal(impl->db, "PRAGMA journal_mode=WAL");
    if (!wal.ok() || sqlite3_step(wal.get()) != SQLITE_ROW)
      return impl->error(db, "cannot open the session catalogue (not writable, or not a database)");
  }
  if (!impl->exec("PRAGMA synchronous=NORMAL"))
    return impl->error(db, "cannot configure the session catalogue");

  // the schema version: a new database gets the schema, another version is refused
  int version = -1;
  {
    Statement v(impl->db, "PRAGMA user_version");
    if (!v.ok() || sqlite3_step(v.get()) != SQLITE_ROW)
      return impl->error(db, "cannot read the catalogue's schema version");
    version = sqlite3_column_int(v.get(), 0);
  }
  if (version == 1) {
    // schema 1 lacked the end time and the station key; the catalogue holds nothing the logs do
    // not, so the table is recreated and the logs are indexed again (the next `sessions`)
    if (!impl->exec("BEGIN IMMEDIATE;DROP INDEX IF EXISTS sessions_start;"
                    "DROP INDEX IF EXISTS sessions_learner;DROP TABLE IF EXISTS sessions;"
                    "PRAGMA user_version=0;COMMIT;")) {
      auto e = impl->error(db, "cannot upgrade the session catalogue from schema version 1");
      impl->exec("ROLLBACK");
      return e;
    }
    core::logWarning(db.string() +
                     ": session catalogue upgraded from schema version 1; its sessions are "
                     "indexed again from the logs");
    version = 0;
  }
  if (version != 0 && version != kCatalogueSchemaVersion)
    return core::Error{core::ErrorCode::Unsupported,
                       db.string() + ": the session catalogue has schema version " +
                           std::to_string(version) + ", this build reads version " +
                           std::to_string(kCatalogueSchemaVersion) +
                           "; delete the file and rebuild it from the logs (--rebuild)"};
  if (version == 0) {
    const std::string setup = std::string("BEGIN IMMEDIATE;") + kSchema +
                              "PRAGMA user_version=" + std::to_string(kCatalogueSchemaVersion) +
                              ";COMMIT;";
    if (!impl->exec(setup.c_str())) {
      auto e = impl->error(db, "cannot create the session catalogue's schema");
      impl->exec("ROLLBACK");
      return e;
    }
  }
  return std::unique_ptr<Catalogue>(new Catalogue(db, std::move(impl)));
}

core::Status Catalogue::add(const fs::path& log) {
  std::error_code ec;
  auto size = fs::file_size(log, ec);
  if (ec)
    return core::Error{core::ErrorCode::NotFound, file_.string() + ": cannot add the log " +
                                                      log.string() + ": " + ec.message()};

  // the log, verified; a damaged one is still listed, with what is wrong
  VerifyReport report;
  LogContents contents = readLog(log, report);
  std::string cutNote;
  bool writing = false;  // a session in progress: its writer holds the log
  if (report.tornTail) {
    // a crash while writing: cut the torn last record off (refused while a writer holds the log,
    // which is then caught in the middle of writing a record)
    const std::string torn = report.message;
    if (const core::Status cut = cutTornTail(log); cut.ok()) {
      core::logWarning(torn + ": cut off (the session crashed while writing it)");
      contents = readLog(log, report);
      size = fs::file_size(log, ec);
      cutNote = " (a torn last record was cut off)";
    } else if (logIsBeingWritten(log)) {
      writing = true;
    } else {
      report.message += "; " + cut.error().message;
    }
  } else if (report.ok && !report.complete) {
    writing = logIsBeingWritten(log);
  }
  const LogHeader& h = contents.header;
  const bool hasHeader = report.records > 0;
  std::string verification = "ok";
  if (writing)
    verification = kStillBeingWritten;  // not a lost session: listed again at the next sync
  else if (!report.ok)
    verification = "damaged: " + report.message;
  else if (!report.complete)
    verification = "incomplete" + cutNote;

  Statement insert(
      impl_->db,
      "INSERT OR REPLACE INTO sessions (log, learner, station, scenario_id, "
      "scenario_hash, mode, start, end_tick, duration_s, score, max, passed, "
      "end_reason, verification, log_size, indexed, end_time, station_key) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)");
  if (!insert.ok()) return impl_->error(file_, "cannot add the log " + log.string());
  char hex[17];
  insert.text(1, logKey(log));
  insert.text(2, h.learner);
  insert.text(3, h.station);
  insert.text(4, h.scenarioId);
  insert.text(5, hasHeader ? std::string(core::toHex(h.scenarioHash, hex)) : std::string());
  insert.text(6, hasHeader ? std::string(h.mode == 1 ? "exam" : "practice") : std::string());
  insert.text(7, hasHeader ? core::isoTimeUtc(h.startUnixMs) : std::string());
  // the end record's reason by name ("completed" ... "interrupted", "closed"); the log reader
  // has checked it is one its format version has
  if (const auto& end = contents.end) {
    insert.integer(8, static_cast<std::int64_t>(end->tick));
    if (h.tickRate > 0) insert.real(9, double(end->tick) / h.tickRate);
    insert.real(10, end->score);
    insert.real(11, end->max);
    insert.integer(12, end->passed ? 1 : 0);
    insert.text(13,
                std::string(procedure::toString(static_cast<procedure::EndReason>(end->reason))));
  } else {
    insert.text(13, std::string());
  }
  insert.text(14, verification);
  insert.integer(15, static_cast<std::int64_t>(size));
  insert.text(16, core::isoTimeUtc(core::nowUnixMs()));
  const auto& finish = contents.end;
  insert.text(
      17, hasHeader && finish && h.tickRate > 0
              ? core::isoTimeUtc(h.startUnixMs + static_cast<std::int64_t>(double(finish->tick) /
                                                                           h.tickRate * 1000.0))
              : std::string());
  insert.text(18, report.signedBy ? toHex(*report.signedBy) : std::string());
  if (sqlite3_step(insert.get()) != SQLITE_DONE)
    return impl_->error(file_, "cannot add the log " + log.string());
  return {};
}

core::Result<std::size_t> Catalogue::rebuild(const fs::path& logDir) {
  auto logs = logsIn(logDir, file_);
  if (!logs.ok()) return logs.error();
  // all or nothing: a failed rebuild leaves the catalogue as it was
  if (!impl_->exec("BEGIN IMMEDIATE")) return impl_->error(file_, "cannot start the rebuild");
  if (!impl_->exec("DELETE FROM sessions")) {
    auto e = impl_->error(file_, "cannot clear the catalogue");
    impl_->exec("ROLLBACK");
    return e;
  }
  for (const auto& log : *logs) {
    if (auto added = add(log); !added.ok()) {
      impl_->exec("ROLLBACK");
      return added.error();
    }
  }
  if (!impl_->exec("COMMIT")) {
    auto e = impl_->error(file_, "cannot commit the rebuild");
    impl_->exec("ROLLBACK");
    return e;
  }
  return logs->size();
}

core::Result<std::size_t> Catalogue::sync(const fs::path& logDir) {
  auto logs = logsIn(logDir, file_);
  if (!logs.ok()) return logs.error();

  // what is catalogued already, with the size it had then; a session that was still being
  // written is looked at again even when its size is the same (it may have been killed since)
  std::map<std::string, std::int64_t> known;
  {
    Statement q(impl_->db, "SELECT log, log_size, verification FROM sessions");
    if (!q.ok()) return impl_->error(file_, "cannot read the catalogue");
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(q.get())) == SQLITE_ROW)
      known[q.column(0)] =
          q.column(2) == kStillBeingWritten ? -1 : sqlite3_column_int64(q.get(), 1);
    if (rc != SQLITE_DONE) return impl_->error(file_, "cannot read the catalogue");
  }

  // new logs, and logs that grew since (a session still running when it was added)
  std::size_t added = 0;
  for (const auto& log : *logs) {
    std::error_code ec;
    const auto size = static_cast<std::int64_t>(fs::file_size(log, ec));
    const auto it = known.find(logKey(log));
    if (!ec && it != known.end() && it->second == size) continue;
    if (auto status = add(log); !status.ok()) return status.error();
    ++added;
  }
  // rows of this folder's logs that are gone (deleted or moved away by someone)
  fs::path folder = fs::path(logKey(logDir));
  if (!folder.has_filename()) folder = folder.parent_path();  // "logs/" is "logs"
  for (const auto& [key, size] : known) {
    std::error_code ec;
    if (fs::path(key).parent_path() != folder || fs::exists(key, ec) || ec) continue;
    Statement drop(impl_->db, "DELETE FROM sessions WHERE log = ?1");
    if (!drop.ok()) return impl_->error(file_, "cannot drop the row of " + key);
    drop.text(1, key);
    if (sqlite3_step(drop.get()) != SQLITE_DONE)
      return impl_->error(file_, "cannot drop the row of " + key);
  }
  return added;
}

core::Result<std::vector<SessionRow>> Catalogue::list(const SessionFilter& f) const {
  const std::string sql = std::string("SELECT ") + kColumns +
                          " FROM sessions WHERE (?1 IS NULL OR learner = ?1)"
                          " AND (?2 IS NULL OR scenario_id = ?2)"
                          " AND (?3 IS NULL OR mode = ?3)"
                          " AND (?4 IS NULL OR passed = ?4)"
                          " AND (?5 = 0 OR verification NOT LIKE 'damaged%')"
                          " AND (?6 IS NULL OR start >= ?6)"
                          " AND (?7 IS NULL OR start < ?7 OR substr(start, 1, length(?7)) = ?7)"
                          " ORDER BY start, log";
  Statement q(impl_->db, sql.c_str());
  if (!q.ok()) return impl_->error(file_, "cannot list the sessions");
  q.text(1, f.learner);
  q.text(2, f.scenario);
  q.text(3, f.mode);
  if (f.passed) q.integer(4, *f.passed ? 1 : 0);
  q.integer(5, f.verifiedOnly ? 1 : 0);
  q.text(6, f.since);
  q.text(7, f.until);

  std::vector<SessionRow> rows;
  int rc = SQLITE_ROW;
  while ((rc = sqlite3_step(q.get())) == SQLITE_ROW) {
    SessionRow r;
    r.log = q.column(0);
    r.learner = q.column(1);
    r.station = q.column(2);
    r.scenarioId = q.column(3);
    r.scenarioHash = q.column(4);
    r.mode = q.column(5);
    r.start = q.column(6);
    if (!q.isNull(7)) r.endTick = static_cast<std::uint64_t>(sqlite3_column_int64(q.get(), 7));
    if (!q.isNull(8)) r.seconds = sqlite3_column_double(q.get(), 8);
    if (!q.isNull(9)) r.score = sqlite3_column_double(q.get(), 9);
    if (!q.isNull(10)) r.max = sqlite3_column_double(q.get(), 10);
    if (!q.isNull(11)) r.passed = sqlite3_column_int(q.get(), 11) != 0;
    r.endReason = q.column(12);
    r.verification = q.column(13);
    r.logSize = static_cast<std::uint64_t>(sqlite3_column_int64(q.get(), 14));
    r.indexed = q.column(15);
    r.end = q.column(16);
    r.stationKey = q.column(17);
    rows.push_back(std::move(r));
  }
  if (rc != SQLITE_DONE) return impl_->error(file_, "cannot list the sessions");
  return rows;
}

}  // namespace practicum::record
