#include <practicum/core/hash.hpp>

namespace practicum::core {

std::uint64_t fnv1a64(std::string_view data) {
  Fnv1a64 h;
  h.bytes(data.data(), data.size());
  return h.value();
}

std::string_view toHex(std::uint64_t value, char (&buffer)[17]) {
  static constexpr char kDigits[] = "0123456789abcdef";
  for (int i = 15; i >= 0; --i) {
    buffer[i] = kDigits[value & 0xf];
    value >>= 4;
  }
  buffer[16] = '\0';
  return std::string_view(buffer, 16);
}

}  // namespace practicum::core
