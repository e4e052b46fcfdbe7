#include "log_codec.hpp"

#include <bit>
#include <cassert>
#include <cstring>

#include <sodium.h>

namespace practicum::record::detail {

namespace {

// the input fields in mask-bit order (docs/log-format.md): what changes most comes first so that
// a moving pointer or camera needs a one-byte mask
inline constexpr int kSlots = 19;
inline constexpr std::uint32_t kIntegerSlots = (1u << 3) | (1u << 13) | (1u << 18);

std::array<std::uint32_t, kSlots> toSlots(const sim::InputRecord& in) {
  const auto f = [](float v) { return std::bit_cast<std::uint32_t>(v); };
  return {f(in.pointerDirection.x),
          f(in.pointerDirection.y),
          f(in.pointerDirection.z),
          in.buttons,
          f(in.cameraForward.x),
          f(in.cameraForward.y),
          f(in.cameraForward.z),
          f(in.cameraPosition.x),
          f(in.cameraPosition.y),
          f(in.cameraPosition.z),
          f(in.pointerOrigin.x),
          f(in.pointerOrigin.y),
          f(in.pointerOrigin.z),
          in.keys,
          f(in.axes[0]),
          f(in.axes[1]),
          f(in.axes[2]),
          f(in.axes[3]),
          in.inject};
}

sim::InputRecord fromSlots(const std::array<std::uint32_t, kSlots>& s) {
  const auto f = [](std::uint32_t v) { return std::bit_cast<float>(v); };
  sim::InputRecord in;
  in.pointerDirection = {f(s[0]), f(s[1]), f(s[2])};
  in.buttons = s[3];
  in.cameraForward = {f(s[4]), f(s[5]), f(s[6])};
  in.cameraPosition = {f(s[7]), f(s[8]), f(s[9])};
  in.pointerOrigin = {f(s[10]), f(s[11]), f(s[12])};
  in.keys = s[13];
  for (int i = 0; i < 4; ++i) in.axes[i] = f(s[14 + i]);
  in.inject = s[18];
  return in;
}

}  // namespace

void ByteWriter::u16(std::uint16_t v) {
  for (int i = 0; i < 2; ++i) u8(static_cast<std::uint8_t>(v >> (8 * i)));
}
void ByteWriter::u32(std::uint32_t v) {
  for (int i = 0; i < 4; ++i) u8(static_cast<std::uint8_t>(v >> (8 * i)));
}
void ByteWriter::u64(std::uint64_t v) {
  for (int i = 0; i < 8; ++i) u8(static_cast<std::uint8_t>(v >> (8 * i)));
}
void ByteWriter::f64(double v) { u64(std::bit_cast<std::uint64_t>(v)); }
void ByteWriter::varint(std::uint64_t v) {
  while (v >= 0x80) {
    u8(static_cast<std::uint8_t>(v | 0x80));
    v >>= 7;
  }
  u8(static_cast<std::uint8_t>(v));
}
void ByteWriter::str(std::string_view s) {
  u32(static_cast<std::uint32_t>(s.size()));
  out.append(s);
}

bool ByteReader::u8(std::uint8_t& v) {
  if (pos >= in.size()) return false;
  v = static_cast<std::uint8_t>(in[pos++]);
  return true;
}
bool ByteReader::u16(std::uint16_t& v) {
  std::uint64_t x = 0;
  if (in.size() - pos < 2) return false;
  for (int i = 0; i < 2; ++i) x |= std::uint64_t(std::uint8_t(in[pos++])) << (8 * i);
  v = static_cast<std::uint16_t>(x);
  return true;
}
bool ByteReader::u32(std::uint32_t& v) {
  std::uint64_t x = 0;
  if (in.size() - pos < 4) return false;
  for (int i = 0; i < 4; ++i) x |= std::uint64_t(std::uint8_t(in[pos++])) << (8 * i);
  v = static_cast<std::uint32_t>(x);
  return true;
}
bool ByteReader::u64(std::uint64_t& v) {
  if (in.size() - pos < 8) return false;
  v = 0;
  for (int i = 0; i < 8; ++i) v |= std::uint64_t(std::uint8_t(in[pos++])) << (8 * i);
  return true;
}
bool ByteReader::f64(double& v) {
  std::uint64_t bits = 0;
  if (!u64(bits)) return false;
  v = std::bit_cast<double>(bits);
  return true;
}
bool ByteReader::varint(std::uint64_t& v) {
  // at most 10 bytes; the 10th may only hold the top bit
  v = 0;
  for (int i = 0; i < 10; ++i) {
    std::uint8_t b = 0;
    if (!u8(b)) return false;
    if (i == 9 && b > 1) return false;
    v |= std::uint64_t(b & 0x7f) << (7 * i);
    if ((b & 0x80) == 0) return true;
  }
  return false;
}
bool ByteReader::str(std::string& s) {
  std::uint32_t n = 0;
  if (!u32(n) || in.size() - pos < n) return false;
  s.assign(in.substr(pos, n));
  pos += n;
  return true;
}

ChainHash chainHash(const ChainHash& prev, std::uint64_t index, RecordType type,
                    std::string_view payload) {
  std::string head;
  ByteWriter w{head};
  w.u64(index);
  w.u8(static_cast<std::uint8_t>(type));
  w.u32(static_cast<std::uint32_t>(payload.size()));
  crypto_hash_sha256_state state;
  crypto_hash_sha256_init(&state);
  crypto_hash_sha256_update(&state, prev.data(), prev.size());
  crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(head.data()),
                            head.size());
  crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(payload.data()),
                            payload.size());
  ChainHash out{};
  crypto_hash_sha256_final(&state, out.data());
  return out;
}

std::string preamble() {
  std::string out(kMagic, sizeof kMagic);
  ByteWriter w{out};
  w.u16(kLogFormatMajor);
  w.u16(kLogFormatMinor);
  return out;
}

bool sameBits(const sim::InputRecord& a, const sim::InputRecord& b) {
  return toSlots(a) == toSlots(b);
}

// mask bit 0: the camera is the pointer this tick (cameraPosition == pointerOrigin and
// cameraForward == pointerDirection, as in first-person use); its slots are then not stored
inline constexpr std::uint32_t kLinked = 1u;
inline bool linked(const std::array<std::uint32_t, kSlots>& s) {
  return s[4] == s[0] && s[5] == s[1] && s[6] == s[2] && s[7] == s[10] && s[8] == s[11] &&
         s[9] == s[12];
}
inline constexpr std::uint32_t kCameraSlots = (0x7u << 4) | (0x7u << 7);

void encodeTick(ByteWriter& w, InputState& state, std::uint64_t tick,
                const sim::InputRecord& input) {
  assert(!state.any || tick > state.tick);
  const auto prev = toSlots(state.input);
  const auto cur = toSlots(input);
  // slot i is mask bit i + 1; a linked camera leaves its slots out
  const bool link = linked(cur);
  std::uint32_t changed = 0;
  for (int i = 0; i < kSlots; ++i)
    if (cur[i] != prev[i]) changed |= 1u << i;
  if (link) changed &= ~kCameraSlots;
  w.varint(state.any ? tick - state.tick : tick);
  w.varint((changed << 1) | (link ? kLinked : 0u));
  for (int i = 0; i < kSlots; ++i) {
    if ((changed & (1u << i)) == 0) continue;
    if (kIntegerSlots & (1u << i)) {
      w.varint(cur[i]);
    } else {
      // floats: zigzag of the wrapping difference of the IEEE bit patterns
      const auto d = static_cast<std::int32_t>(cur[i] - prev[i]);
      w.varint((static_cast<std::uint32_t>(d) << 1) ^ static_cast<std::uint32_t>(d >> 31));
    }
  }
  state.any = true;
  state.tick = tick;
  state.input = input;
}

scenario::LocalizedText decodeTick(ByteReader& r, InputState& state, TickInput& out) {
  using scenario::say;
  std::uint64_t delta = 0, mask = 0;
  if (!r.varint(delta))
    return say("tick delta is cut off or malformed", "时刻增量被截断或格式错误");
  if (state.any && delta == 0)
    return say("tick delta is 0 (ticks must increase)", "时刻增量为 0（时刻必须递增）");
  if (state.any && delta > UINT64_MAX - state.tick) return say("tick overflows", "时刻溢出");
  if (!r.varint(mask)) return say("field mask is cut off or malformed", "字段掩码被截断或格式错误");
  if (mask >> (kSlots + 1)) return say("field mask has unknown bits", "字段掩码含有未知的位");
  const bool link = (mask & kLinked) != 0;
  const std::uint64_t changed = mask >> 1;
  if (link && (changed & kCameraSlots))
    return say("a linked camera has stored camera fields", "联动的相机不应存有相机字段");
  auto slots = toSlots(state.input);
  for (int i = 0; i < kSlots; ++i) {
    if ((changed & (1u << i)) == 0) continue;
    std::uint64_t v = 0;
    if (!r.varint(v) || v > UINT32_MAX)
      return say("changed field is cut off or malformed", "变化的字段被截断或格式错误");
    const auto u = static_cast<std::uint32_t>(v);
    if (kIntegerSlots & (1u << i)) {
      slots[i] = u;
    } else {
      const std::uint32_t d = (u >> 1) ^ (0u - (u & 1));
      slots[i] += d;
    }
  }
  if (link) {  // the camera is the pointer
    for (int k = 0; k < 3; ++k) {
      slots[4 + k] = slots[0 + k];
      slots[7 + k] = slots[10 + k];
    }
  }
  state.tick = state.any ? state.tick + delta : delta;
  state.any = true;
  state.input = fromSlots(slots);
  out.tick = state.tick;
  out.input = state.input;
  return {};
}

std::string encodeHeader(const LogHeader& h) {
  std::string out;
  ByteWriter w{out};
  w.u16(kLogFormatMajor);
  w.u16(kLogFormatMinor);
  w.str(h.engineVersion);
  w.str(h.buildId);
  w.str(h.scenarioId);
  w.u64(h.scenarioHash);
  w.str(h.learner);
  w.str(h.station);
  w.u8(h.mode);
  w.u64(h.seed);
  w.f64(h.tickRate);
  w.u64(static_cast<std::uint64_t>(h.startUnixMs));
  w.u16(h.behaviour);
  return out;
}

std::string encodeEvent(const procedure::Event& e) {
  std::string out;
  ByteWriter w{out};
  w.u64(e.tick);
  w.u8(static_cast<std::uint8_t>(e.kind));
  w.u32(e.subject);
  w.u32(e.from);
  w.u32(e.to);
  w.u32(e.rule);
  return out;
}

std::string encodeCheckpoint(const Checkpoint& c) {
  std::string out;
  ByteWriter w{out};
  w.u64(c.tick);
  w.u64(c.stateHash);
  return out;
}

std::string encodeEnd(const EndRecord& e) {
  std::string out;
  ByteWriter w{out};
  w.u64(e.tick);
  w.u8(e.reason);
  w.f64(e.score);
  w.f64(e.max);
  w.u8(e.passed ? 1 : 0);
  return out;
}

void appendRecord(std::string& out, ChainHash& prev, std::uint64_t& index, RecordType type,
                  std::string_view payload) {
  ByteWriter w{out};
  w.u32(static_cast<std::uint32_t>(payload.size()));
  w.u8(static_cast<std::uint8_t>(type));
  out.append(payload);
  prev = chainHash(prev, index, type, payload);
  out.append(reinterpret_cast<const char*>(prev.data()), prev.size());
  ++index;
}

std::string signatureMessage(const ChainHash& endHash) {
  std::string m = "PRACTLOG station signature 1";
  m.append(reinterpret_cast<const char*>(endHash.data()), endHash.size());
  return m;
}

}  // namespace practicum::record::detail
