#pragma once
// Helpers for the session log tests: sample inputs, bitwise input comparison, record bounds.
#include <sodium.h>

#include <bit>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <practicum/record/log.hpp>
#include <practicum/record/recorder.hpp>
#include <practicum/scenario/run_file.hpp>
#include <practicum/sim/bot.hpp>

namespace practicum::record::test {

/// True when every field of the two inputs has the same bits.
inline bool sameBits(const sim::InputRecord& a, const sim::InputRecord& b) {
  const auto v = [](core::Vec3 x, core::Vec3 y) {
    return std::bit_cast<std::uint32_t>(x.x) == std::bit_cast<std::uint32_t>(y.x) &&
           std::bit_cast<std::uint32_t>(x.y) == std::bit_cast<std::uint32_t>(y.y) &&
           std::bit_cast<std::uint32_t>(x.z) == std::bit_cast<std::uint32_t>(y.z);
  };
  for (int i = 0; i < 4; ++i)
    if (std::bit_cast<std::uint32_t>(a.axes[i]) != std::bit_cast<std::uint32_t>(b.axes[i]))
      return false;
  return v(a.cameraPosition, b.cameraPosition) && v(a.cameraForward, b.cameraForward) &&
         v(a.pointerOrigin, b.pointerOrigin) && v(a.pointerDirection, b.pointerDirection) &&
         a.buttons == b.buttons && a.keys == b.keys && a.inject == b.inject;
}

/// Byte offsets where each record starts, plus the file size at the end (walks the framing).
inline std::vector<std::size_t> recordStarts(std::string_view bytes) {
  std::vector<std::size_t> starts;
  std::size_t offset = 12;
  while (offset + 5 <= bytes.size()) {
    starts.push_back(offset);
    std::uint32_t length = 0;
    for (int i = 0; i < 4; ++i) length |= std::uint32_t(std::uint8_t(bytes[offset + i])) << (8 * i);
    offset += 5 + length + 32;
  }
  starts.push_back(bytes.size());
  return starts;
}

/// What a forger can do without the key: recompute every record's chain hash, as
/// docs/log-format.md describes it (SHA-256 of previous hash, u64 index, u8 type, u32 length,
/// payload), from the first record on
inline void rechain(std::string& bytes) {
  const auto starts = recordStarts(bytes);
  unsigned char prev[32] = {};
  for (std::size_t i = 0; i + 1 < starts.size(); ++i) {
    const std::size_t at = starts[i];
    std::uint32_t length = 0;
    std::memcpy(&length, bytes.data() + at, 4);  // little-endian host
    crypto_hash_sha256_state s;
    crypto_hash_sha256_init(&s);
    crypto_hash_sha256_update(&s, prev, 32);
    std::uint64_t index = i;
    crypto_hash_sha256_update(&s, reinterpret_cast<const unsigned char*>(&index), 8);
    crypto_hash_sha256_update(&s, reinterpret_cast<const unsigned char*>(bytes.data() + at + 4), 1);
    crypto_hash_sha256_update(&s, reinterpret_cast<const unsigned char*>(bytes.data() + at), 4);
    crypto_hash_sha256_update(&s, reinterpret_cast<const unsigned char*>(bytes.data() + at + 5),
                              length);
    crypto_hash_sha256_final(&s, prev);
    std::memcpy(bytes.data() + at + 5 + length, prev, 32);
  }
}

/// The same records as a build writing format 1.`minor` would have written them: the file's and
/// the header's minor set, the header's behaviour (1.3) dropped below 1.3, the chain recomputed.
inline std::string asMinor(std::string bytes, int minor) {
  const std::size_t header = recordStarts(bytes)[0];
  if (minor < kLogFormatMinorBehaviour && bytes[10] >= kLogFormatMinorBehaviour) {
    std::uint32_t length = 0;
    std::memcpy(&length, bytes.data() + header, 4);  // little-endian host
    bytes.erase(header + 5 + length - 2, 2);         // the u16 behaviour, last in the header
    length -= 2;
    std::memcpy(bytes.data() + header, &length, 4);
  }
  bytes[10] = static_cast<char>(minor);              // the file's minor
  bytes[header + 5 + 2] = static_cast<char>(minor);  // the header record's
  rechain(bytes);
  return bytes;
}

/// A header with every field set.
inline LogHeader sampleHeader() {
  LogHeader h;
  h.engineVersion = "0.1.0";
  h.buildId = "test-build";
  h.scenarioId = "workbench";
  h.scenarioHash = 0x0123456789abcdefull;
  h.learner = "p-7f3a";
  h.station = "station-2";
  h.mode = 1;
  h.seed = 42;
  h.tickRate = 120;
  h.startUnixMs = 1795000000123;
  return h;
}

/// Plays a run file on a scenario in its mode and seed, recording the session to `log`
/// (learner "test"); `onTick` sees every tick. A session the run leaves going is stopped. Returns
/// the finished session.
inline core::Result<std::unique_ptr<sim::Session>> playAndRecord(
    const scenario::ScenarioDef& def, const scenario::RunFile& run,
    const std::filesystem::path& log, const std::function<void(const sim::Session&)>& onTick = {}) {
  sim::SessionOptions options;
  options.mode = run.exam ? sim::Mode::Exam : sim::Mode::Practice;
  options.seed = run.seed;
  auto session = sim::Session::create(def, options);
  if (!session.ok()) return session.error();
  RecorderOptions ro;
  ro.learner = "test";
  auto recorder = SessionRecorder::create(log, **session, ro);
  if (!recorder.ok()) return recorder.error();
  auto bot = sim::Bot::create(run, **session);
  if (!bot.ok()) return bot.error();
  auto played = bot->play([&](const sim::Session& s, const sim::InputRecord& in) {
    (*recorder)->afterTick(s, in);
    if (onTick) onTick(s);
  });
  if (!played.ok()) return played.error();
  if (!(*session)->ended()) (*session)->stop();
  if (auto finished = (*recorder)->finish(**session); !finished.ok()) return finished.error();
  return std::move(*session);
}

}  // namespace practicum::record::test
