#include <gtest/gtest.h>

#include <practicum/core/file_io.hpp>
#include <practicum/core/hash.hpp>
#include <practicum/core/math.hpp>
#include <practicum/core/time.hpp>

#include "test_support.hpp"

namespace practicum {
namespace {

TEST(Hash, Fnv1aKnownVectors) {
  // reference values of 64-bit FNV-1a
  EXPECT_EQ(core::fnv1a64(""), 0xcbf29ce484222325ull);
  EXPECT_EQ(core::fnv1a64("a"), 0xaf63dc4c8601ec8cull);
  EXPECT_EQ(core::fnv1a64("foobar"), 0x85944171f73967e8ull);
}

TEST(Hash, FloatBitPatternsDiffer) {
  core::Fnv1a64 a, b;
  a.f32(0.0f);
  b.f32(-0.0f);
  EXPECT_NE(a.value(), b.value());
}

TEST(FileIo, AtomicWriteThenReadBack) {
  const auto dir = test::makeTempDir("fileio");
  const auto file = dir / "x.txt";
  ASSERT_TRUE(core::writeFileAtomic(file, "first").ok());
  ASSERT_TRUE(core::writeFileAtomic(file, "second").ok());
  auto data = core::readFile(file);
  ASSERT_TRUE(data.ok());
  EXPECT_EQ(*data, "second");
  // no temporary files left behind
  int count = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir)) ++count;
  EXPECT_EQ(count, 1);
  std::filesystem::remove_all(dir);
}

TEST(FileIo, ReadRefusesOversizedAndMissing) {
  const auto dir = test::makeTempDir("fileio2");
  const auto file = dir / "big.bin";
  ASSERT_TRUE(core::writeFileAtomic(file, std::string(100, 'x')).ok());
  auto r = core::readFile(file, 10);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, core::ErrorCode::Limit);
  EXPECT_NE(r.error().message.find("big.bin"), std::string::npos);
  auto missing = core::readFile(dir / "nope.json");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, core::ErrorCode::NotFound);
  EXPECT_NE(missing.error().message.find("nope.json"), std::string::npos);
  std::filesystem::remove_all(dir);
}

TEST(FileIo, AtomicWriteToUnwritableFolderFails) {
  auto r = core::writeFileAtomic("/proc/practicum-no-such-dir/file.txt", "x");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("file.txt"), std::string::npos);
}

TEST(Math, RotateAndCompose) {
  const auto q = core::quatFromAxisAngle({0, 1, 0}, core::kPi / 2);
  const auto v = core::rotate(q, {1, 0, 0});
  EXPECT_NEAR(v.x, 0, 1e-6);
  EXPECT_NEAR(v.z, -1, 1e-6);
  const auto m = core::composeTRS({1, 2, 3}, q, {2, 2, 2});
  const auto p = core::transformPoint(m, {1, 0, 0});
  EXPECT_NEAR(p.x, 1, 1e-5);
  EXPECT_NEAR(p.y, 2, 1e-5);
  EXPECT_NEAR(p.z, 1, 1e-5);
  const auto inv = core::inverse(m);
  const auto back = core::transformPoint(inv, p);
  EXPECT_NEAR(back.x, 1, 1e-5);
  EXPECT_NEAR(back.y, 0, 1e-5);
  EXPECT_NEAR(back.z, 0, 1e-5);
}

}  // namespace
}  // namespace practicum

namespace practicum::core {
namespace {

TEST(Time, IsoTimeIsUtcWithMilliseconds) {
  EXPECT_EQ(isoTimeUtc(0), "1970-01-01T00:00:00.000Z");
  EXPECT_EQ(isoTimeUtc(1795000000123), "2026-11-18T11:06:40.123Z");
  EXPECT_EQ(isoTimeUtc(1795000000123, true), "20261118T110640.123Z");
  EXPECT_EQ(isoTimeUtc(-1), "1969-12-31T23:59:59.999Z");
  EXPECT_GT(nowUnixMs(), 1700000000000);  // after 2023
}

}  // namespace
}  // namespace practicum::core
