#pragma once
// Byte-level pieces of the session log format shared by the writer and the reader
// (docs/log-format.md): little-endian integers, varints, the chain hash, record payloads and the
// delta coding of inputs.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include <practicum/record/log.hpp>

namespace practicum::record::detail {

inline constexpr char kMagic[8] = {'P', 'R', 'A', 'C', 'T', 'L', 'O', 'G'};
inline constexpr std::size_t kPreambleSize = 12;   // magic + u16 major + u16 minor
inline constexpr std::size_t kRecordHeadSize = 5;  // u32 length + u8 type
inline constexpr std::size_t kHashSize = 32;

/// Record types.
enum class RecordType : std::uint8_t {
  Header = 1,
  Inputs = 2,
  Event = 3,
  Checkpoint = 4,
  End = 5,
  Signature = 6,  // format 1.1
};
inline constexpr std::uint8_t kLastRecordType = 6;

using ChainHash = std::array<unsigned char, kHashSize>;

/// Appends little-endian values to a string.
struct ByteWriter {
  std::string& out;
  void u8(std::uint8_t v) { out.push_back(static_cast<char>(v)); }
  void u16(std::uint16_t v);
  void u32(std::uint32_t v);
  void u64(std::uint64_t v);
  void f64(double v);
  void varint(std::uint64_t v);
  void str(std::string_view s);
};

/// Reads little-endian values from a byte range; every read fails (returns false) past the end.
struct ByteReader {
  std::string_view in;
  std::size_t pos = 0;
  bool u8(std::uint8_t& v);
  bool u16(std::uint16_t& v);
  bool u32(std::uint32_t& v);
  bool u64(std::uint64_t& v);
  bool f64(double& v);
  bool varint(std::uint64_t& v);
  bool str(std::string& s);
  bool atEnd() const { return pos == in.size(); }
};

/// Chain hash of record `index`: SHA-256(prev || u64 index || u8 type || u32 length || payload).
ChainHash chainHash(const ChainHash& prev, std::uint64_t index, RecordType type,
                    std::string_view payload);

/// The file preamble: magic, major, minor.
std::string preamble();

/// Delta state of the input stream, carried from block to block.
struct InputState {
  bool any = false;  // a tick has been logged
  std::uint64_t tick = 0;
  sim::InputRecord input;
};
/// True when the two inputs have the same bits in every field.
bool sameBits(const sim::InputRecord& a, const sim::InputRecord& b);
/// Appends one tick entry (tick delta, mask, changed fields) and advances the state.
void encodeTick(ByteWriter& w, InputState& state, std::uint64_t tick,
                const sim::InputRecord& input);
/// Decodes one tick entry and advances the state; empty string on success, else what is wrong.
scenario::LocalizedText decodeTick(ByteReader& r, InputState& state, TickInput& out);

std::string encodeHeader(const LogHeader& header);
std::string encodeEvent(const procedure::Event& event);
std::string encodeCheckpoint(const Checkpoint& checkpoint);
std::string encodeEnd(const EndRecord& end);

/// What a station signs: a fixed tag and the end record's chain hash (which covers every record
/// before it).
std::string signatureMessage(const ChainHash& endHash);

/// Wraps a payload into a record (length, type, payload, chain hash) appended to `out`;
/// advances `prev` and `index`.
void appendRecord(std::string& out, ChainHash& prev, std::uint64_t& index, RecordType type,
                  std::string_view payload);

}  // namespace practicum::record::detail
