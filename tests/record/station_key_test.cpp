// Station signatures: a signed log names its key and verifies; a forger who edits a log and
// recomputes the (unkeyed) hash chain is caught by the signature; keys are kept safe on disk.
#include <gtest/gtest.h>
#include <sodium.h>
#include <sys/stat.h>

#include <cstring>

#include <practicum/core/file_io.hpp>
#include <practicum/record/log.hpp>
#include <practicum/record/station_key.hpp>
#include <test_support.hpp>

#include "log_test_util.hpp"

namespace practicum::record {
namespace {

using test::rechain;
using test::recordStarts;

std::string writeLog(const std::filesystem::path& file, std::shared_ptr<const StationKey> key) {
  LogWriterOptions options;
  options.stationKey = std::move(key);
  auto writer = LogWriter::create(file, test::sampleHeader(), options);
  EXPECT_TRUE(writer.ok()) << (writer ? "" : writer.error().message);
  if (!writer) return {};
  sim::InputRecord in;
  for (std::uint64_t t = 0; t < 10; ++t) {
    in.pointerDirection.x = 0.1f * static_cast<float>(t);
    (*writer)->input(t, in);
  }
  (*writer)->event({5, procedure::EventKind::StepCompleted, 0, 0, 0, 0});
  (*writer)->end({10, 1, 10, 10, true});
  EXPECT_TRUE((*writer)->close().ok());
  auto bytes = core::readFile(file);
  return bytes ? *bytes : std::string();
}

struct Keys {
  std::filesystem::path dir = practicum::test::makeTempDir("station-key");
  std::shared_ptr<const StationKey> a, b;
  Keys() {
    auto ka = StationKey::create(dir / "a.key");
    auto kb = StationKey::create(dir / "b.key");
    EXPECT_TRUE(ka.ok() && kb.ok());
    a = std::make_shared<const StationKey>(*ka);
    b = std::make_shared<const StationKey>(*kb);
  }
};

TEST(StationKey, ASignedLogVerifiesAndNamesItsStation) {
  Keys keys;
  const std::string bytes = writeLog(keys.dir / "signed.plog", keys.a);
  VerifyReport report;
  const LogContents log = readLogBytes(bytes, "signed", report);
  ASSERT_TRUE(report.ok) << report.message;
  EXPECT_TRUE(report.complete);
  ASSERT_TRUE(report.signedBy.has_value());
  EXPECT_EQ(*report.signedBy, keys.a->publicKey());
  EXPECT_NE(report.message.find(toHex(keys.a->publicKey())), std::string::npos);
  ASSERT_TRUE(log.end.has_value());
  // an unsigned log verifies too, and says it is not signed
  (void)readLogBytes(writeLog(keys.dir / "unsigned.plog", nullptr), "unsigned", report);
  EXPECT_TRUE(report.ok) << report.message;
  EXPECT_FALSE(report.signedBy.has_value());
}

TEST(StationKey, AForgerWhoRecomputesTheChainIsCaughtByTheSignature) {
  Keys keys;
  const std::string signedBytes = writeLog(keys.dir / "signed.plog", keys.a);
  const std::string unsignedBytes = writeLog(keys.dir / "unsigned.plog", nullptr);
  const auto starts = recordStarts(signedBytes);
  const std::uint64_t signature = starts.size() - 2;  // the last record
  // the step completion's tick (event payload: u64 tick first) moved from 5 to 4
  const auto editEvent = [](std::string& bytes) {
    const auto s = recordStarts(bytes);
    for (std::size_t i = 0; i + 1 < s.size(); ++i)
      if (bytes[s[i] + 4] == 3) {  // an event record
        bytes[s[i] + 5] = 4;
        return true;
      }
    return false;
  };
  VerifyReport report;

  // without a signature the recomputed chain is all a verifier can check: it holds
  std::string forged = unsignedBytes;
  ASSERT_TRUE(editEvent(forged));
  rechain(forged);
  (void)readLogBytes(forged, "forged", report);
  EXPECT_TRUE(report.ok) << "the rechain helper is wrong: " << report.message;

  // with one, the same forgery fails at the signature record
  forged = signedBytes;
  ASSERT_TRUE(editEvent(forged));
  rechain(forged);
  (void)readLogBytes(forged, "forged", report);
  EXPECT_FALSE(report.ok);
  ASSERT_TRUE(report.badRecord.has_value());
  EXPECT_EQ(*report.badRecord, signature);
  EXPECT_NE(report.message.find("signature does not verify"), std::string::npos) << report.message;

  // naming another station's key over this station's signature fails the same way
  forged = signedBytes;
  std::memcpy(forged.data() + starts[signature] + 5, keys.b->publicKey().data(), 32);
  rechain(forged);
  (void)readLogBytes(forged, "renamed", report);
  EXPECT_FALSE(report.ok);
  EXPECT_EQ(report.badRecord, std::optional<std::uint64_t>(signature));

  // a signature in a format 1.0 log, which has none
  forged = test::asMinor(signedBytes, 0);
  (void)readLogBytes(forged, "old", report);
  EXPECT_FALSE(report.ok);
  EXPECT_NE(report.message.find("format 1.0"), std::string::npos) << report.message;

  // two signatures
  forged = signedBytes + signedBytes.substr(starts[signature]);
  rechain(forged);
  (void)readLogBytes(forged, "twice", report);
  EXPECT_FALSE(report.ok);
  EXPECT_EQ(report.badRecord, std::optional<std::uint64_t>(signature + 1));
}

TEST(StationKey, KeyFilesArePrivateNeverOverwrittenAndChecked) {
  Keys keys;
  struct stat st {};
  ASSERT_EQ(::stat((keys.dir / "a.key").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  // the same key comes back; a second create refuses to overwrite it
  auto again = StationKey::load(keys.dir / "a.key");
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_EQ(again->publicKey(), keys.a->publicKey());
  auto overwrite = StationKey::create(keys.dir / "a.key");
  ASSERT_FALSE(overwrite.ok());
  EXPECT_NE(overwrite.error().message.find("never overwritten"), std::string::npos);
  EXPECT_EQ(StationKey::load(keys.dir / "a.key")->publicKey(), keys.a->publicKey());
  // the public half, by file or by hex
  auto pub = readPublicKey((keys.dir / "a.key.pub").string());
  ASSERT_TRUE(pub.ok()) << pub.error().message;
  EXPECT_EQ(*pub, keys.a->publicKey());
  EXPECT_EQ(*readPublicKey(toHex(keys.b->publicKey())), keys.b->publicKey());
  EXPECT_FALSE(readPublicKey("abc").ok());
  // a damaged key file is refused with the file and line
  auto text = *core::readFile(keys.dir / "a.key");
  text[30] = text[30] == '0' ? '1' : '0';  // a digit of the secret
  ASSERT_TRUE(core::writeFileAtomic(keys.dir / "bad.key", text).ok());
  auto bad = StationKey::load(keys.dir / "bad.key");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("bad.key: line 3"), std::string::npos) << bad.error().message;
  ASSERT_TRUE(core::writeFileAtomic(keys.dir / "junk.key", "hello\n").ok());
  EXPECT_NE(StationKey::load(keys.dir / "junk.key").error().message.find("line 1"),
            std::string::npos);
}

}  // namespace
}  // namespace practicum::record
