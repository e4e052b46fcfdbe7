#pragma once
/// Non-cryptographic hashing for state hashes and content ids.
#include <bit>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace practicum::core {

/// Incremental 64-bit FNV-1a. Feeds the exact bit patterns of what it is given, so two
/// states hash equal only if they are bit-identical (-0.0 and 0.0 differ, as they should).
class Fnv1a64 {
 public:
  static constexpr std::uint64_t kOffset = 0xcbf29ce484222325ull;
  static constexpr std::uint64_t kPrime = 0x100000001b3ull;

  /// Mixes raw bytes into the hash.
  constexpr void bytes(const void* data, std::size_t size) {
    const auto* p = static_cast<const unsigned char*>(data);
    for (std::size_t i = 0; i < size; ++i) {
      state_ ^= p[i];
      state_ *= kPrime;
    }
  }
  /// Mixes the bit pattern of a float.
  void f32(float v) { u32(std::bit_cast<std::uint32_t>(v)); }
  /// Mixes a 32-bit integer (little-endian byte order, independent of the host).
  void u32(std::uint32_t v) {
    for (int i = 0; i < 4; ++i) byte(static_cast<unsigned char>(v >> (8 * i)));
  }
  /// Mixes a 64-bit integer (little-endian byte order).
  void u64(std::uint64_t v) {
    for (int i = 0; i < 8; ++i) byte(static_cast<unsigned char>(v >> (8 * i)));
  }
  /// Mixes a string's bytes and its length.
  void str(std::string_view s) {
    u64(s.size());
    bytes(s.data(), s.size());
  }
  /// The hash so far.
  constexpr std::uint64_t value() const { return state_; }

 private:
  constexpr void byte(unsigned char b) {
    state_ ^= b;
    state_ *= kPrime;
  }
  std::uint64_t state_ = kOffset;
};

/// FNV-1a of a byte string, in one call.
std::uint64_t fnv1a64(std::string_view data);

/// A 64-bit hash as 16 lowercase hex digits.
std::string_view toHex(std::uint64_t value, char (&buffer)[17]);

}  // namespace practicum::core
