// Session log format: round trip of every record type, and detection of every kind of tampering.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <fstream>
#include <limits>
#include <set>
#include <string>

#include <practicum/core/file_io.hpp>
#include <practicum/record/log.hpp>
#include <test_support.hpp>

#include "log_test_util.hpp"

namespace practicum::record {
namespace {

using test::rechain;
using test::recordStarts;
using test::sameBits;
using test::sampleHeader;

struct Scripted {
  std::vector<TickInput> ticks;  // every tick given to the writer
  std::vector<procedure::Event> events;
  std::vector<Checkpoint> checkpoints;
  EndRecord end{1099511627900ull, 3, 7.5, 10, true};
};

// varied inputs: every field, repeats, large tick gaps, odd float bits
Scripted scripted() {
  Scripted s;
  sim::InputRecord in;
  std::uint64_t tick = 0;
  const auto add = [&](std::uint64_t t) { s.ticks.push_back({tick = t, in}); };
  add(0);  // equal to the default input: still logged as the first tick
  in.cameraPosition = {1.5f, 1.7f, -3};
  add(1);
  add(2);  // repeated
  add(3);  // repeated
  in.cameraForward = {0.1f, -0.2f, -0.97f};
  in.pointerOrigin = {1.5f, 1.6f, -3};
  add(4);
  in.pointerDirection = {-0.0f, std::numeric_limits<float>::quiet_NaN(), -1e-30f};
  in.buttons = sim::kPointerPrimary | sim::kPointerSecondary;
  add(5);
  in.keys = 0xffffffffu;
  in.axes[0] = 1;
  in.axes[1] = -1;
  in.axes[2] = std::numeric_limits<float>::infinity();
  in.axes[3] = std::numeric_limits<float>::denorm_min();
  add(1000);  // gap
  in.inject = 3;
  add(1001);
  in.inject = 0;
  in.pointerDirection = {0.3f, 0.2f, 1e30f};  // sign changes
  add(1000000);
  add(1000001);  // repeated
  in.cameraPosition.x = -in.cameraPosition.x;
  add(1099511627776ull);  // 2^40
  for (std::uint64_t i = 1; i <= 20; ++i) {
    in.pointerDirection.x += 0.001f * static_cast<float>(i);
    in.buttons = static_cast<std::uint32_t>(i % 3);
    add(tick + (i % 4 == 0 ? 1 : 2));
  }
  for (int k = 0; k <= static_cast<int>(procedure::EventKind::SessionEnded); ++k)
    s.events.push_back({1099511627776ull + 30, static_cast<procedure::EventKind>(k),
                        static_cast<std::uint32_t>(k), 0xfffffffeu, 7u * k, 0xffffffffu});
  s.checkpoints = {{1000, 0xdeadbeefcafef00dull}, {1099511627800ull, 1}};
  return s;
}

// writes the script, checkpoints and events interleaved in tick order
std::string writeScripted(const std::filesystem::path& file, const Scripted& s,
                          std::uint32_t ticksPerBlock) {
  auto writer = LogWriter::create(file, sampleHeader(), {1.0, ticksPerBlock});
  EXPECT_TRUE(writer.ok()) << (writer ? "" : writer.error().message);
  if (!writer) return {};
  std::size_t c = 0;
  for (const TickInput& t : s.ticks) {
    (*writer)->input(t.tick, t.input);
    while (c < s.checkpoints.size() && s.checkpoints[c].tick <= t.tick) {
      (*writer)->checkpoint(s.checkpoints[c].tick, s.checkpoints[c].stateHash);
      ++c;
    }
  }
  for (const auto& e : s.events) (*writer)->event(e);
  (*writer)->end(s.end);
  EXPECT_TRUE((*writer)->close().ok());
  auto bytes = core::readFile(file);
  EXPECT_TRUE(bytes.ok());
  return bytes ? *bytes : std::string();
}

// seven ticks, two events, a checkpoint, the end (completed)
Scripted smallScript() {
  Scripted s;
  sim::InputRecord in;
  for (std::uint64_t t = 0; t < 7; ++t) {
    in.pointerDirection.x = 0.1f * static_cast<float>(t);
    in.buttons = t > 4 ? 1 : 0;
    s.ticks.push_back({t, in});
  }
  s.events = {{5, procedure::EventKind::Operated, 1, 0, 1, 0},
              {6, procedure::EventKind::StepCompleted, 0, 0, 0, 0}};
  s.checkpoints = {{3, 77}};
  s.end = {7, 1, 1, 1, true};
  return s;
}

std::string smallLog() {
  static const std::string bytes =
      writeScripted(practicum::test::makeTempDir("record-small") / "small.plog", smallScript(), 3);
  return bytes;
}

TEST(LogFormat, RoundTripsEveryRecordType) {
  const Scripted s = scripted();
  const auto file = practicum::test::makeTempDir("record-roundtrip") / "s.plog";
  const std::string bytes = writeScripted(file, s, 4);
  VerifyReport report;
  const LogContents log = readLog(file, report);
  ASSERT_TRUE(report.ok) << report.message;
  EXPECT_TRUE(report.complete);
  EXPECT_FALSE(report.badRecord.has_value());

  EXPECT_EQ(log.header, sampleHeader());
  // every tick's input is reconstructed bit for bit; repeats were not stored
  EXPECT_LT(log.inputs.size(), s.ticks.size());
  for (const TickInput& t : s.ticks) {
    const auto got = inputAt(log.inputs, t.tick);
    ASSERT_TRUE(got.has_value()) << "tick " << t.tick;
    EXPECT_TRUE(sameBits(*got, t.input)) << "tick " << t.tick;
  }
  // ticks between logged ones repeat the previous input
  EXPECT_TRUE(sameBits(*inputAt(log.inputs, 500), s.ticks[5].input));
  EXPECT_EQ(log.events, s.events);
  EXPECT_EQ(log.checkpoints, s.checkpoints);
  ASSERT_TRUE(log.end.has_value());
  EXPECT_EQ(*log.end, s.end);
  EXPECT_EQ(report.records, recordStarts(bytes).size() - 1);
}

TEST(LogFormat, DetectsEverySingleByteChange) {
  const std::string bytes = smallLog();
  const auto starts = recordStarts(bytes);
  ASSERT_GE(starts.size(), 8u);
  VerifyReport report;
  (void)readLogBytes(bytes, "small", report);
  ASSERT_TRUE(report.ok) << report.message;
  EXPECT_NE(report.messageZh.find("条记录校验无误"), std::string::npos) << report.messageZh;
  int changes = 0;
  std::set<std::string> reasons;
  for (std::size_t pos = 0; pos < bytes.size(); ++pos) {
    // the record the byte belongs to (the file header counts as record 0)
    std::uint64_t record = 0;
    while (record + 1 < starts.size() - 1 && starts[record + 1] <= pos) ++record;
    for (unsigned flip : {0x01u, 0x80u, 0xffu}) {
      std::string changed = bytes;
      changed[pos] = static_cast<char>(static_cast<unsigned char>(changed[pos]) ^ flip);
      (void)readLogBytes(changed, "changed.plog", report);
      ++changes;
      ASSERT_FALSE(report.ok) << "byte " << pos << " ^ " << flip << " went unnoticed";
      ASSERT_TRUE(report.badRecord.has_value());
      EXPECT_LE(*report.badRecord, record) << "byte " << pos << ": " << report.message;
      // an assessor who reads Chinese is told the same, in Chinese
      EXPECT_FALSE(report.messageZh.empty()) << report.message;
      EXPECT_EQ(practicum::test::untranslatedWordIn(report.messageZh), "") << report.messageZh;
      reasons.insert(report.messageZh.substr(report.messageZh.find("：") + 3));
    }
  }
  // the changes meet several of the reader's reasons, each said in Chinese
  EXPECT_GE(reasons.size(), 5u);
  EXPECT_EQ(changes, static_cast<int>(bytes.size()) * 3);
}

std::string recordAt(const std::string& bytes, const std::vector<std::size_t>& starts,
                     std::size_t i) {
  return bytes.substr(starts[i], starts[i + 1] - starts[i]);
}

TEST(LogFormat, DetectsDeletionInsertionAndReordering) {
  const std::string bytes = smallLog();
  const auto starts = recordStarts(bytes);
  const std::size_t n = starts.size() - 1;
  VerifyReport report;
  for (std::size_t k = 0; k < n; ++k) {
    // deletion: the record after it no longer chains
    std::string deleted = bytes.substr(0, starts[k]) + bytes.substr(starts[k + 1]);
    (void)readLogBytes(deleted, "deleted", report);
    if (k + 1 < n) {
      EXPECT_FALSE(report.ok);
      EXPECT_EQ(report.badRecord, k) << report.message;
      EXPECT_EQ(report.badOffset, starts[k]);
    } else {
      // deleting the last record looks like a log cut at a record boundary: no end record
      EXPECT_TRUE(report.ok || report.badRecord == k);
    }
    // insertion: a duplicate right after the original
    std::string inserted =
        bytes.substr(0, starts[k + 1]) + recordAt(bytes, starts, k) + bytes.substr(starts[k + 1]);
    (void)readLogBytes(inserted, "inserted", report);
    EXPECT_FALSE(report.ok);
    EXPECT_EQ(report.badRecord, k + 1) << report.message;
    EXPECT_EQ(report.badOffset, starts[k + 1]);
    // reordering: swap with the next record
    if (k + 1 < n) {
      std::string swapped = bytes.substr(0, starts[k]) + recordAt(bytes, starts, k + 1) +
                            recordAt(bytes, starts, k) + bytes.substr(starts[k + 2]);
      (void)readLogBytes(swapped, "swapped", report);
      EXPECT_FALSE(report.ok);
      EXPECT_EQ(report.badRecord, k) << report.message;
    }
  }
  // a deleted last record shows as a log without an end record
  std::string noEnd = bytes.substr(0, starts[n - 1]);
  (void)readLogBytes(noEnd, "no-end", report);
  EXPECT_TRUE(report.ok);
  EXPECT_FALSE(report.complete);
  EXPECT_EQ(report.records, n - 1);
}

TEST(LogFormat, DetectsTruncationAndCutsTornTails) {
  const std::string bytes = smallLog();
  const auto starts = recordStarts(bytes);
  const std::size_t n = starts.size() - 1;
  VerifyReport report;
  for (std::size_t size = 0; size < bytes.size(); ++size) {
    (void)readLogBytes(bytes.substr(0, size), "cut", report);
    std::size_t whole = 0;  // complete records in the prefix
    while (whole < n && starts[whole + 1] <= size) ++whole;
    if (size > starts[0] && whole > 0 && starts[whole] == size) {
      EXPECT_TRUE(report.ok) << size << ": " << report.message;
      EXPECT_FALSE(report.complete);
      EXPECT_EQ(report.records, whole);
    } else {
      EXPECT_FALSE(report.ok) << size;
      EXPECT_EQ(report.badRecord, whole) << size << ": " << report.message;
      EXPECT_EQ(report.tornTail, size > starts[0]) << size;
    }
  }

  // cutTornTail repairs a torn tail in a file, and refuses other damage
  const auto dir = practicum::test::makeTempDir("record-torn");
  for (std::size_t k = 1; k < n; ++k) {
    const auto file = dir / ("torn" + std::to_string(k) + ".plog");
    ASSERT_TRUE(core::writeFileAtomic(file, bytes.substr(0, starts[k] + 7)).ok());
    report = verifyLog(file);
    EXPECT_TRUE(report.tornTail);
    EXPECT_NE(report.message.find(file.string()), std::string::npos) << report.message;
    EXPECT_NE(report.message.find("record " + std::to_string(k)), std::string::npos);
    ASSERT_TRUE(cutTornTail(file).ok());
    report = verifyLog(file);
    EXPECT_TRUE(report.ok) << report.message;
    EXPECT_EQ(report.records, k);
  }
  std::string edited = bytes;
  edited[starts[2] + 6] ^= 1;
  const auto file = dir / "edited.plog";
  ASSERT_TRUE(core::writeFileAtomic(file, edited).ok());
  const core::Status cut = cutTornTail(file);
  ASSERT_FALSE(cut.ok());
  EXPECT_NE(cut.error().message.find("not a torn tail"), std::string::npos);
  EXPECT_EQ(core::readFile(file).value(), edited);
}

TEST(LogFormat, RefusesOtherMajorsAndNewerMinors) {
  std::string bytes = smallLog();
  bytes[8] = 2;
  VerifyReport report;
  (void)readLogBytes(bytes, "v2", report);
  EXPECT_FALSE(report.ok);
  EXPECT_NE(report.message.find("2." + std::to_string(kLogFormatMinor) + " is not readable"),
            std::string::npos)
      << report.message;
  // a newer minor of this major may hold records this build does not know
  bytes = smallLog();
  bytes[10] = kLogFormatMinor + 1;
  (void)readLogBytes(bytes, "v1.next", report);
  EXPECT_FALSE(report.ok);
  EXPECT_NE(report.message.find("a newer build wrote it"), std::string::npos) << report.message;
}

// Format 1.2 adds the end reasons interrupted (5) and closed (6). This build writes 1.3; a 1.2
// or 1.3 log may end for any reason this build knows, a 1.0 or 1.1 log only for the four those
// formats had (completed, critical, time-limit, stopped), which read exactly as before. An end
// record without a reason ("none") or with an unknown one is damage.
TEST(LogFormat, EndReasonsAreThoseOfTheLogsFormatVersion) {
  EXPECT_EQ(kLogFormatMinor, 3);
  const auto dir = practicum::test::makeTempDir("record-reasons");
  const auto endOf = [](const std::string& bytes) {
    return recordStarts(bytes)[recordStarts(bytes).size() - 2];
  };
  for (int reason = 0; reason <= 8; ++reason) {
    SCOPED_TRACE("reason " + std::to_string(reason));
    Scripted s = smallScript();
    s.end.reason = static_cast<std::uint8_t>(reason);
    const std::string bytes = writeScripted(dir / ("r" + std::to_string(reason) + ".plog"), s, 3);
    ASSERT_EQ(bytes[10], kLogFormatMinor);
    const auto starts = recordStarts(bytes);
    const std::size_t endIndex = starts.size() - 2;
    for (int minor = 0; minor <= kLogFormatMinor; ++minor) {
      SCOPED_TRACE("format 1." + std::to_string(minor));
      // the same records as an older minor would have written them
      const std::string old = test::asMinor(bytes, minor);
      VerifyReport report;
      const LogContents log = readLogBytes(old, "reasons", report);
      const int last = minor < 2 ? 4 : 6;
      if (reason >= 1 && reason <= last) {
        EXPECT_TRUE(report.ok) << report.message;
        EXPECT_TRUE(report.complete);
        ASSERT_TRUE(log.end.has_value());
        EXPECT_EQ(log.end->reason, reason);
        EXPECT_EQ(log.end->tick, 7u);
      } else {
        EXPECT_FALSE(report.ok);
        EXPECT_FALSE(report.complete);
        EXPECT_EQ(report.badRecord, endIndex) << report.message;
        EXPECT_EQ(report.badOffset, endOf(old));
        EXPECT_NE(report.message.find("reason " + std::to_string(reason) +
                                      " is not an end reason of format 1." + std::to_string(minor)),
                  std::string::npos)
            << report.message;
        EXPECT_EQ(log.events, s.events);  // what comes before the end record is still read
      }
    }
  }
}

// Format 1.3 says in its header which rules (sim::kBehaviour) the session was played under, and
// adds the events valve-turned and not-seated. An older log was played under the first rules and
// cannot hold those events; a behaviour this build does not know is damage.
TEST(LogFormat, TheHeaderSaysTheBehaviourItWasPlayedUnder) {
  const auto dir = practicum::test::makeTempDir("record-behaviour");
  Scripted s = smallScript();
  s.events.push_back({3, procedure::EventKind::ValveTurned, 0, 10, 80, 0});
  s.events.push_back({4, procedure::EventKind::NotSeated, 1, 23, 2, 30});
  const std::string bytes = writeScripted(dir / "new.plog", s, 3);
  VerifyReport report;
  LogContents log = readLogBytes(bytes, "new", report);
  ASSERT_TRUE(report.ok) << report.message;
  EXPECT_EQ(log.header.behaviour, sim::kBehaviour);
  EXPECT_EQ(sessionOptions(log.header).behaviour, sim::kBehaviour);
  EXPECT_EQ(log.events, s.events);

  // the same log as 1.2 wrote it: behaviour 1, and the new kinds are unknown there
  log = readLogBytes(test::asMinor(bytes, 2), "old", report);
  EXPECT_FALSE(report.ok);
  EXPECT_NE(report.message.find("unknown event kind " +
                                std::to_string(int(procedure::EventKind::ValveTurned))),
            std::string::npos)
      << report.message;
  EXPECT_EQ(log.header.behaviour, sim::kBehaviourFirst);
  EXPECT_EQ(sessionOptions(log.header).behaviour, sim::kBehaviourFirst);

  // a behaviour from a newer build
  std::string future = bytes;
  const std::size_t header = recordStarts(future)[0];
  std::uint32_t length = 0;
  std::memcpy(&length, future.data() + header, 4);
  future[header + 5 + length - 2] = static_cast<char>(sim::kBehaviour + 1);  // u16 behaviour, last
  rechain(future);
  (void)readLogBytes(future, "future", report);
  EXPECT_FALSE(report.ok);
  EXPECT_EQ(report.badRecord, std::optional<std::uint64_t>(0));
  EXPECT_NE(report.message.find("behaviour " + std::to_string(sim::kBehaviour + 1)),
            std::string::npos)
      << report.message;
}

}  // namespace
}  // namespace practicum::record
