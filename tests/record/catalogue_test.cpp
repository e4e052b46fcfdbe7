// Session catalogue: add, list and filter, damaged logs, rebuild from the logs, bad database paths.
#include <gtest/gtest.h>

#include <unistd.h>

#include <fstream>
#include <map>
#include <set>

#include <practicum/record/catalogue.hpp>
#include <practicum/record/log.hpp>
#include <test_support.hpp>

#include "log_test_util.hpp"

namespace practicum::record {
namespace {

namespace fs = std::filesystem;

// a finished (or, without `end`, unfinished) log of a few ticks
fs::path writeLog(const fs::path& dir, const std::string& name, const LogHeader& header,
                  std::optional<EndRecord> end) {
  const fs::path file = dir / name;
  auto writer = LogWriter::create(file, header);
  EXPECT_TRUE(writer.ok()) << writer.error().message;
  if (!writer.ok()) return file;
  for (std::uint64_t tick = 0; tick < 10; ++tick) (*writer)->input(tick, sim::InputRecord{});
  if (end) (*writer)->end(*end);
  EXPECT_TRUE((*writer)->close().ok());
  return file;
}

LogHeader header(const std::string& learner, const std::string& scenario, std::uint8_t mode,
                 std::int64_t startUnixMs) {
  LogHeader h = test::sampleHeader();
  h.learner = learner;
  h.scenarioId = scenario;
  h.mode = mode;
  h.startUnixMs = startUnixMs;
  return h;
}

// three sessions: A passed an exam, B failed practice, C did not finish
struct Fixture {
  fs::path dir = practicum::test::makeTempDir("catalogue");
  fs::path a = writeLog(dir, "a.plog", header("p-A", "workbench", 1, 1795000000123),
                        EndRecord{1200, 1, 95, 100, true});
  fs::path b = writeLog(dir, "b.plog", header("p-B", "substation", 0, 1795100000000),
                        EndRecord{2400, 4, 40, 100, false});
  fs::path c = writeLog(dir, "c.plog", header("p-C", "workbench", 0, 1794000000000), std::nullopt);
};

std::vector<std::string> learners(const std::vector<SessionRow>& rows) {
  std::vector<std::string> out;
  for (const auto& r : rows) out.push_back(r.learner);
  return out;
}

TEST(Catalogue, AddsListsAndFiltersSessions) {
  Fixture f;
  auto cat = Catalogue::open(f.dir / "catalogue.sqlite");
  ASSERT_TRUE(cat.ok()) << cat.error().message;
  for (const auto& log : {f.a, f.b, f.c}) ASSERT_TRUE((*cat)->add(log).ok());

  auto all = (*cat)->list({});
  ASSERT_TRUE(all.ok()) << all.error().message;
  EXPECT_EQ(learners(*all), (std::vector<std::string>{"p-C", "p-A", "p-B"}));  // by start
  const SessionRow& a = (*all)[1];
  EXPECT_EQ(a.log, fs::absolute(f.a).lexically_normal().string());
  EXPECT_EQ(a.station, "station-2");
  EXPECT_EQ(a.scenarioId, "workbench");
  EXPECT_EQ(a.scenarioHash, "0123456789abcdef");
  EXPECT_EQ(a.mode, "exam");
  EXPECT_EQ(a.start, "2026-11-18T11:06:40.123Z");
  EXPECT_EQ(a.endTick, 1200u);
  ASSERT_TRUE(a.seconds);
  EXPECT_DOUBLE_EQ(*a.seconds, 10.0);
  EXPECT_EQ(a.score, 95.0);
  EXPECT_EQ(a.max, 100.0);
  EXPECT_EQ(a.passed, true);
  EXPECT_EQ(a.endReason, "completed");
  EXPECT_EQ(a.verification, "ok");
  EXPECT_EQ(a.logSize, fs::file_size(f.a));
  EXPECT_EQ(a.indexed.size(), 24u);
  const SessionRow& c = (*all)[0];
  EXPECT_EQ(c.verification, "incomplete");
  EXPECT_FALSE(c.passed);
  EXPECT_FALSE(c.score);
  EXPECT_EQ(c.endReason, "");

  const auto only = [&](const SessionFilter& filter) {
    auto rows = (*cat)->list(filter);
    EXPECT_TRUE(rows.ok()) << rows.error().message;
    return rows.ok() ? learners(*rows) : std::vector<std::string>{};
  };
  using V = std::vector<std::string>;
  EXPECT_EQ(only({.learner = "p-B"}), V{"p-B"});
  EXPECT_EQ(only({.scenario = "workbench"}), (V{"p-C", "p-A"}));
  EXPECT_EQ(only({.mode = "practice"}), (V{"p-C", "p-B"}));
  EXPECT_EQ(only({.passed = true}), V{"p-A"});
  EXPECT_EQ(only({.passed = false}), V{"p-B"});
  EXPECT_EQ(only({.since = "2026-11-18"}), (V{"p-A", "p-B"}));
  EXPECT_EQ(only({.until = "2026-11-18"}), (V{"p-C", "p-A"}));  // the day itself is included
  EXPECT_EQ(only({.learner = "p-A", .mode = "practice"}), V{});
  EXPECT_EQ(only({.learner = "nobody' OR '1'='1"}), V{});  // values are bound, never SQL
}

// every way a session ends is listed: the end record's reason (interrupted and closed among
// them), and for a log without one why it has none (killed or crashed, or still being written)
TEST(Catalogue, ListsHowEverySessionEnded) {
  const fs::path dir = practicum::test::makeTempDir("catalogue-ends");
  const std::vector<std::string> names = {"completed", "critical",    "time-limit",
                                          "stopped",   "interrupted", "closed"};
  for (std::uint8_t reason = 1; reason <= 6; ++reason)
    writeLog(dir, names[reason - 1] + ".plog",
             header("p-" + names[reason - 1], "workbench", 0, 1795000000000 + reason),
             EndRecord{100u * reason, reason, 10, 100, false});
  writeLog(dir, "killed.plog", header("p-killed", "workbench", 0, 1795000000010), std::nullopt);
  // a session in progress: its writer holds the log (the header is written and synced)
  auto running =
      LogWriter::create(dir / "running.plog", header("p-running", "workbench", 0, 1795000000020));
  ASSERT_TRUE(running.ok()) << running.error().message;
  EXPECT_TRUE(logIsBeingWritten(dir / "running.plog"));
  EXPECT_FALSE(logIsBeingWritten(dir / "killed.plog"));

  auto cat = Catalogue::open(dir / "catalogue.sqlite");
  ASSERT_TRUE(cat.ok()) << cat.error().message;
  ASSERT_EQ((*cat)->sync(dir).value(), 8u);
  const auto byLearner = [&] {
    std::map<std::string, SessionRow> out;
    auto listed = (*cat)->list({});
    EXPECT_TRUE(listed.ok()) << listed.error().message;
    if (listed.ok())
      for (const auto& r : *listed) out[r.learner] = r;
    return out;
  };
  auto rows = byLearner();
  for (const auto& name : names) {
    SCOPED_TRACE(name);
    const SessionRow& r = rows.at("p-" + name);
    EXPECT_EQ(r.endReason, name);
    EXPECT_EQ(endReasonText(r), name);
    EXPECT_EQ(r.verification, "ok");
    EXPECT_EQ(r.passed, false);
  }
  EXPECT_EQ(rows.at("p-killed").endReason, "");
  EXPECT_EQ(rows.at("p-killed").verification, "incomplete");
  EXPECT_EQ(endReasonText(rows.at("p-killed")),
            "incomplete — no end record (the program was killed or crashed)");
  EXPECT_EQ(rows.at("p-running").verification, kStillBeingWritten);
  EXPECT_NE(endReasonText(rows.at("p-running")).find("still running"), std::string::npos);

  // the writer is gone without an end record and without writing more (killed): the next sync
  // looks at the log again although its size is the same
  const auto size = fs::file_size(dir / "running.plog");
  ASSERT_TRUE((*running)->close().ok());
  ASSERT_EQ(fs::file_size(dir / "running.plog"), size);
  EXPECT_EQ((*cat)->sync(dir).value(), 1u);
  rows = byLearner();
  EXPECT_EQ(rows.at("p-running").verification, "incomplete");
  EXPECT_EQ(endReasonText(rows.at("p-running")), endReasonText(rows.at("p-killed")));
  EXPECT_EQ((*cat)->sync(dir).value(), 0u);  // and then no more
}

TEST(Catalogue, ADamagedLogIsListedAsDamaged) {
  Fixture f;
  // flip a byte in b's last record (its chain hash)
  {
    std::fstream io(f.b, std::ios::in | std::ios::out | std::ios::binary);
    io.seekp(static_cast<std::streamoff>(fs::file_size(f.b) - 5));
    io.put('\x5a');
  }
  auto cat = Catalogue::open(f.dir / "catalogue.sqlite");
  ASSERT_TRUE(cat.ok()) << cat.error().message;
  ASSERT_TRUE((*cat)->add(f.b).ok());
  auto rows = (*cat)->list({});
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ((*rows)[0].verification.rfind("damaged: ", 0), 0u) << (*rows)[0].verification;
  EXPECT_NE((*rows)[0].verification.find("b.plog"), std::string::npos);
  EXPECT_EQ((*rows)[0].learner, "p-B");  // the valid prefix still says whose it is
  auto verified = (*cat)->list({.verifiedOnly = true});
  ASSERT_TRUE(verified.ok());
  EXPECT_TRUE(verified->empty());
}

// a crash while writing leaves a torn last record; indexing the log reopens it: the torn record
// is cut off, everything before it verifies and the session is listed as incomplete
TEST(Catalogue, ACrashedLogIsRepairedWhenIndexed) {
  Fixture f;
  const auto whole = fs::file_size(f.c);
  {
    std::ofstream out(f.c, std::ios::binary | std::ios::app);
    const char torn[] = {'\x40', 0, 0, 0, 3, 1, 2, 3};  // a 64-byte event, 3 bytes of it
    out.write(torn, sizeof torn);
  }
  ASSERT_TRUE(verifyLog(f.c).tornTail);
  auto cat = Catalogue::open(f.dir / "catalogue.sqlite");
  ASSERT_TRUE(cat.ok()) << cat.error().message;
  ASSERT_TRUE((*cat)->add(f.c).ok());
  auto rows = (*cat)->list({});
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ((*rows)[0].verification, "incomplete (a torn last record was cut off)");
  EXPECT_EQ(fs::file_size(f.c), whole);
  EXPECT_TRUE(verifyLog(f.c).ok);
  // any other damage is listed, never "repaired"
  {
    std::fstream io(f.b, std::ios::in | std::ios::out | std::ios::binary);
    io.seekp(static_cast<std::streamoff>(fs::file_size(f.b) - 5));
    io.put('\x5a');
  }
  const auto damaged = fs::file_size(f.b);
  ASSERT_TRUE((*cat)->add(f.b).ok());
  EXPECT_EQ(fs::file_size(f.b), damaged);
}

TEST(Catalogue, ReaddingALogReplacesItsRow) {
  Fixture f;
  auto cat = Catalogue::open(f.dir / "catalogue.sqlite");
  ASSERT_TRUE(cat.ok()) << cat.error().message;
  ASSERT_TRUE((*cat)->add(f.a).ok());
  ASSERT_TRUE((*cat)->add(f.a).ok());
  ASSERT_TRUE((*cat)->add(f.dir / "." / "a.plog").ok());  // the same file by another path
  auto rows = (*cat)->list({});
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(rows->size(), 1u);
  // a sync adds only what is new
  auto synced = (*cat)->sync(f.dir);
  ASSERT_TRUE(synced.ok()) << synced.error().message;
  EXPECT_EQ(*synced, 2u);
  synced = (*cat)->sync(f.dir);
  ASSERT_TRUE(synced.ok());
  EXPECT_EQ(*synced, 0u);
  // a log deleted from the folder loses its row; a row of another folder's log stays
  const fs::path elsewhere = practicum::test::makeTempDir("catalogue-elsewhere");
  const fs::path other = writeLog(elsewhere, "o.plog", header("p-O", "workbench", 0, 1), {});
  ASSERT_TRUE((*cat)->add(other).ok());
  fs::remove(f.b);
  fs::remove(other);
  ASSERT_TRUE((*cat)->sync(f.dir.string() + "/").ok());
  std::set<std::string> learners;
  rows = (*cat)->list({});
  ASSERT_TRUE(rows.ok());
  for (const auto& row : *rows) learners.insert(row.learner);
  EXPECT_EQ(learners, (std::set<std::string>{"p-A", "p-C", "p-O"}));
}

TEST(Catalogue, RebuildFromTheLogsGivesTheSameRows) {
  Fixture f;
  std::vector<SessionRow> added;
  {
    auto cat = Catalogue::open(f.dir / "first.sqlite");
    ASSERT_TRUE(cat.ok()) << cat.error().message;
    for (const auto& log : {f.a, f.b, f.c}) ASSERT_TRUE((*cat)->add(log).ok());
    auto rows = (*cat)->list({});
    ASSERT_TRUE(rows.ok());
    added = *rows;
  }
  auto cat = Catalogue::open(f.dir / "second.sqlite");
  ASSERT_TRUE(cat.ok()) << cat.error().message;
  ASSERT_TRUE((*cat)->add(f.a).ok());
  fs::copy_file(f.a, f.dir / "elsewhere.log");  // not a *.plog: not a session
  auto n = (*cat)->rebuild(f.dir);
  ASSERT_TRUE(n.ok()) << n.error().message;
  EXPECT_EQ(*n, 3u);
  auto rebuilt = (*cat)->list({});
  ASSERT_TRUE(rebuilt.ok());
  ASSERT_EQ(rebuilt->size(), added.size());
  for (std::size_t i = 0; i < added.size(); ++i) {
    SessionRow x = added[i], y = (*rebuilt)[i];
    x.indexed = y.indexed = "";
    EXPECT_EQ(x, y) << x.log;
  }
  // and it survives reopening
  cat = Catalogue::open(f.dir / "second.sqlite");
  ASSERT_TRUE(cat.ok()) << cat.error().message;
  auto reopened = (*cat)->list({});
  ASSERT_TRUE(reopened.ok());
  EXPECT_EQ(reopened->size(), 3u);
}

TEST(Catalogue, ABadDatabasePathIsAClearError) {
  practicum::test::allowEngineErrors();
  const fs::path dir = practicum::test::makeTempDir("catalogue-bad");
  // a missing folder
  const fs::path missing = dir / "no-such-folder" / "catalogue.sqlite";
  auto cat = Catalogue::open(missing);
  ASSERT_FALSE(cat.ok());
  EXPECT_NE(cat.error().message.find(missing.string()), std::string::npos) << cat.error().message;
  EXPECT_NE(cat.error().message.find("does not exist"), std::string::npos);
  // a "folder" that is a file: nothing can be created under it
  { std::ofstream(dir / "plain-file") << "x"; }
  const fs::path underFile = dir / "plain-file" / "catalogue.sqlite";
  cat = Catalogue::open(underFile);
  ASSERT_FALSE(cat.ok());
  EXPECT_NE(cat.error().message.find(underFile.string()), std::string::npos);
  // a folder without write permission (root may write anyway: checked only for others)
  if (::geteuid() != 0) {
    const fs::path locked = dir / "locked";
    fs::create_directory(locked);
    fs::permissions(locked, fs::perms::owner_read | fs::perms::owner_exec);
    cat = Catalogue::open(locked / "catalogue.sqlite");
    fs::permissions(locked, fs::perms::owner_all);
    ASSERT_FALSE(cat.ok());
    EXPECT_NE(cat.error().message.find((locked / "catalogue.sqlite").string()), std::string::npos)
        << cat.error().message;
  }
  // a file that is not a database
  { std::ofstream(dir / "not-a-db.sqlite") << "this is not an SQLite database, just some text\n"; }
  cat = Catalogue::open(dir / "not-a-db.sqlite");
  ASSERT_FALSE(cat.ok());
  EXPECT_NE(cat.error().message.find("not-a-db.sqlite"), std::string::npos) << cat.error().message;
  // a missing log, and a missing log folder
  cat = Catalogue::open(dir / "catalogue.sqlite");
  ASSERT_TRUE(cat.ok()) << cat.error().message;
  const auto added = (*cat)->add(dir / "missing.plog");
  ASSERT_FALSE(added.ok());
  EXPECT_NE(added.error().message.find("catalogue.sqlite"), std::string::npos);
  EXPECT_NE(added.error().message.find("missing.plog"), std::string::npos);
  const auto rebuilt = (*cat)->rebuild(dir / "no-such-folder");
  ASSERT_FALSE(rebuilt.ok());
  EXPECT_NE(rebuilt.error().message.find("no-such-folder"), std::string::npos);
}

TEST(Catalogue, ASchemaOneCatalogueIsUpgradedAndReindexed) {
  Fixture f;
  {
    auto cat = Catalogue::open(f.dir / "catalogue.sqlite");
    ASSERT_TRUE(cat.ok()) << cat.error().message;
    ASSERT_TRUE((*cat)->sync(f.dir).ok());
  }
  // as schema version 1 left it (user_version at byte 60 of the header, big-endian)
  {
    std::fstream io(f.dir / "catalogue.sqlite", std::ios::in | std::ios::out | std::ios::binary);
    io.seekp(60);
    const char v[4] = {0, 0, 0, 1};
    io.write(v, 4);
  }
  auto cat = Catalogue::open(f.dir / "catalogue.sqlite");
  ASSERT_TRUE(cat.ok()) << cat.error().message;
  EXPECT_TRUE((*cat)->list({})->empty());  // emptied, then indexed again from the logs
  auto added = (*cat)->sync(f.dir);
  ASSERT_TRUE(added.ok());
  EXPECT_EQ(*added, 3u);
  auto rows = (*cat)->list({.learner = "p-A"});
  ASSERT_EQ(rows->size(), 1u);
  // A started 1795000000123 ms and ended at tick 1200 of 120 per second: 10 s later
  EXPECT_EQ((*rows)[0].end, "2026-11-18T11:06:50.123Z");
  EXPECT_TRUE((*rows)[0].stationKey.empty());                        // not signed
  EXPECT_TRUE((*cat)->list({.learner = "p-C"})->at(0).end.empty());  // no end record
}

TEST(Catalogue, AnotherSchemaVersionIsRefused) {
  const fs::path dir = practicum::test::makeTempDir("catalogue-version");
  {
    auto cat = Catalogue::open(dir / "catalogue.sqlite");
    ASSERT_TRUE(cat.ok()) << cat.error().message;
  }
  // bump user_version at byte 60 of the database header (big-endian)
  {
    std::fstream io(dir / "catalogue.sqlite", std::ios::in | std::ios::out | std::ios::binary);
    io.seekp(60);
    const char v[4] = {0, 0, 0, 99};
    io.write(v, 4);
  }
  auto cat = Catalogue::open(dir / "catalogue.sqlite");
  ASSERT_FALSE(cat.ok());
  EXPECT_NE(cat.error().message.find("schema version 99"), std::string::npos)
      << cat.error().message;
}

}  // namespace
}  // namespace practicum::record
