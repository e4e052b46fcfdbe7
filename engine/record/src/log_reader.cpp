// Reading and verifying session logs, and cutting off a torn tail.
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <practicum/core/file_io.hpp>

#include "log_codec.hpp"

namespace practicum::record {

using namespace detail;

namespace {

std::string where(std::string_view name, std::uint64_t index, std::uint64_t offset) {
  return std::string(name) + ": record " + std::to_string(index) + " at byte " +
         std::to_string(offset);
}

// parses one verified payload into `contents`; empty string on success, else what is wrong
// `prev` is the chain hash of the record before this one.
std::string parsePayload(RecordType type, std::string_view payload, std::uint64_t index,
                         LogContents& contents, InputState& inputs, std::uint16_t fileMinor,
                         const ChainHash& prev) {
  ByteReader r{payload};
  if ((type == RecordType::Header) != (index == 0))
    return index == 0 ? "the first record is not a header" : "a header record after the first";
  if (contents.end && (type != RecordType::Signature || contents.signedBy))
    return "a record after the end record";
  switch (type) {
    case RecordType::Signature: {
      if (fileMinor < 1) return "a signature record in a format 1.0 log";
      if (!contents.end) return "a signature record before the end record";
      StationPublicKey key{};
      StationSignature sig{};
      if (payload.size() != key.size() + sig.size()) return "signature record has a bad size";
      std::memcpy(key.data(), payload.data(), key.size());
      std::memcpy(sig.data(), payload.data() + key.size(), sig.size());
      if (!verifySignature(key, signatureMessage(prev), sig))
        return "the station signature does not verify (forged, or signed by another key than "
               "the one it names)";
      contents.signedBy = key;
      return {};
    }
    case RecordType::Header: {
      LogHeader& h = contents.header;
      std::uint16_t major = 0, minor = 0;
      std::uint64_t start = 0;
      if (!r.u16(major) || !r.u16(minor) || !r.str(h.engineVersion) || !r.str(h.buildId) ||
          !r.str(h.scenarioId) || !r.u64(h.scenarioHash) || !r.str(h.learner) ||
          !r.str(h.station) || !r.u8(h.mode) || !r.u64(h.seed) || !r.f64(h.tickRate) ||
          !r.u64(start))
        return "header is cut off";
      h.startUnixMs = static_cast<std::int64_t>(start);
      if (major != kLogFormatMajor || minor != fileMinor)
        return "header format version differs from the file header's";
      h.behaviour = sim::kBehaviourFirst;
      if (fileMinor >= kLogFormatMinorBehaviour) {
        if (!r.u16(h.behaviour)) return "header is cut off";
        if (h.behaviour < sim::kBehaviourFirst || h.behaviour > sim::kBehaviour)
          return "header's behaviour " + std::to_string(h.behaviour) +
                 " is not one this build knows (1 to " + std::to_string(sim::kBehaviour) + ")";
      }
      break;
    }
    case RecordType::Inputs: {
      std::uint64_t count = 0;
      if (!r.varint(count) || count == 0 || count > payload.size())
        return "input block has a bad tick count";
      for (std::uint64_t i = 0; i < count; ++i) {
        TickInput t;
        if (std::string e = decodeTick(r, inputs, t); !e.empty())
          return "input block tick " + std::to_string(i) + ": " + e;
        contents.inputs.push_back(t);
      }
      break;
    }
    case RecordType::Event: {
      procedure::Event e;
      std::uint8_t kind = 0;
      if (!r.u64(e.tick) || !r.u8(kind) || !r.u32(e.subject) || !r.u32(e.from) || !r.u32(e.to) ||
          !r.u32(e.rule))
        return "event is cut off";
      const auto last = fileMinor < kLogFormatMinorBehaviour ? procedure::EventKind::SessionEnded
                                                             : procedure::kLastEventKind;
      if (kind > static_cast<std::uint8_t>(last))
        return "unknown event kind " + std::to_string(kind);
      e.kind = static_cast<procedure::EventKind>(kind);
      contents.events.push_back(e);
      break;
    }
    case RecordType::Checkpoint: {
      Checkpoint c;
      if (!r.u64(c.tick) || !r.u64(c.stateHash)) return "checkpoint is cut off";
      contents.checkpoints.push_back(c);
      break;
    }
    case RecordType::End: {
      EndRecord e;
      std::uint8_t passed = 0;
      if (!r.u64(e.tick) || !r.u8(e.reason) || !r.f64(e.score) || !r.f64(e.max) || !r.u8(passed))
        return "end record is cut off";
      if (passed > 1) return "end record's passed flag is not 0 or 1";
      // a reason this format version has: 1.0 and 1.1 logs end completed..stopped only
      const auto last = fileMinor < kLogFormatMinorOutsideEnds ? procedure::EndReason::Stopped
                                                               : procedure::kLastEndReason;
      if (e.reason == 0 || e.reason > static_cast<std::uint8_t>(last))
        return "end record's reason " + std::to_string(e.reason) +
               " is not an end reason of format 1." + std::to_string(fileMinor);
      e.passed = passed == 1;
      contents.end = e;
      break;
    }
  }
  if (!r.atEnd()) return "payload has trailing bytes";
  return {};
}

}  // namespace

LogContents readLogBytes(std::string_view bytes, std::string_view name, VerifyReport& report) {
  report = VerifyReport{};
  LogContents contents;
  const auto bad = [&](std::uint64_t index, std::uint64_t offset, const std::string& what) {
    report.badRecord = index;
    report.badOffset = offset;
    report.message = where(name, index, offset) + ": " + what;
  };

  // preamble: magic and a major this build reads
  if (bytes.size() < kPreambleSize) {
    bad(0, 0, "file is shorter than the file header (" + std::to_string(bytes.size()) + " bytes)");
    return contents;
  }
  if (std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0) {
    bad(0, 0, "not a session log (bad magic)");
    return contents;
  }
  ByteReader pre{bytes.substr(8, 4)};
  std::uint16_t major = 0, minor = 0;
  (void)pre.u16(major);
  (void)pre.u16(minor);
  if (major != kLogFormatMajor || minor > kLogFormatMinor) {
    bad(0, 8,
        "log format " + std::to_string(major) + "." + std::to_string(minor) +
            " is not readable by this build (reads " + std::to_string(kLogFormatMajor) + ".0 to " +
            std::to_string(kLogFormatMajor) + "." + std::to_string(kLogFormatMinor) +
            "; a newer build wrote it)");
    return contents;
  }

  // records, each checked against the chain before its payload is believed
  ChainHash prev{};
  InputState inputs;
  std::uint64_t index = 0;
  std::size_t offset = kPreambleSize;
  while (offset < bytes.size()) {
    const std::size_t left = bytes.size() - offset;
    if (left < kRecordHeadSize) {
      report.tornTail = true;
      bad(index, offset, "torn last record (" + std::to_string(left) + " bytes of its head)");
      return contents;
    }
    ByteReader head{bytes.substr(offset, kRecordHeadSize)};
    std::uint32_t length = 0;
    std::uint8_t typeByte = 0;
    (void)head.u32(length);
    (void)head.u8(typeByte);
    if (length > kMaxRecordPayload) {
      bad(index, offset, "record length " + std::to_string(length) + " exceeds the limit");
      return contents;
    }
    if (typeByte < 1 || typeByte > kLastRecordType) {
      bad(index, offset, "unknown record type " + std::to_string(typeByte));
      return contents;
    }
    const std::size_t size = kRecordHeadSize + length + kHashSize;
    if (left < size) {
      report.tornTail = true;
      bad(index, offset,
          "torn last record (" + std::to_string(left) + " of " + std::to_string(size) + " bytes)");
      return contents;
    }
    const auto type = static_cast<RecordType>(typeByte);
    const std::string_view payload = bytes.substr(offset + kRecordHeadSize, length);
    const ChainHash hash = chainHash(prev, index, type, payload);
    if (std::memcmp(hash.data(), bytes.data() + offset + kRecordHeadSize + length, kHashSize) !=
        0) {
      bad(index, offset,
          "chain hash mismatch (the record or one before it was edited, removed, inserted or "
          "moved)");
      return contents;
    }
    if (std::string e = parsePayload(type, payload, index, contents, inputs, minor, prev);
        !e.empty()) {
      bad(index, offset, e);
      return contents;
    }
    prev = hash;
    ++index;
    offset += size;
    report.records = index;
  }
  if (index == 0) {
    bad(0, offset, "no header record");
    return contents;
  }
  report.ok = true;
  report.complete = contents.end.has_value();
  report.signedBy = contents.signedBy;
  report.message =
      std::string(name) + ": " + std::to_string(index) + " records verified" +
      (report.complete ? "" : "; no end record (the session did not finish)") +
      (contents.signedBy ? "; signed by station key " + toHex(*contents.signedBy) : std::string());
  return contents;
}

LogContents readLog(const std::filesystem::path& file, VerifyReport& report) {
  auto bytes = core::readFile(file, 4ull * 1024 * 1024 * 1024);
  if (!bytes) {
    report = VerifyReport{};
    report.message = bytes.error().message;
    return {};
  }
  return readLogBytes(*bytes, file.string(), report);
}

VerifyReport verifyLog(const std::filesystem::path& file) {
  VerifyReport report;
  (void)readLog(file, report);
  return report;
}

core::Status cutTornTail(const std::filesystem::path& file) {
  const int fd = ::open(file.c_str(), O_RDWR | O_CLOEXEC);
  if (fd < 0)
    return core::makeError(errno == ENOENT ? core::ErrorCode::NotFound : core::ErrorCode::Io,
                           file.string() + ": cannot open: " + std::strerror(errno));
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0)
    return core::makeError(core::ErrorCode::Io,
                           file.string() + ": another process is writing this log (locked)");
  VerifyReport report;
  (void)readLog(file, report);
  if (report.ok) return {};
  if (!report.tornTail || !report.badOffset || report.records == 0)
    return core::makeError(core::ErrorCode::Validation,
                           "refusing to cut: not a torn tail: " + report.message);
  if (::ftruncate(fd, static_cast<off_t>(*report.badOffset)) != 0 || ::fsync(fd) != 0)
    return core::makeError(core::ErrorCode::Io,
                           file.string() + ": cannot cut the torn tail: " + std::strerror(errno));
  return {};
}

bool logIsBeingWritten(const std::filesystem::path& file) {
  const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  // a writer holds LOCK_EX for as long as it writes; a shared lock is then refused
  const bool locked = ::flock(fd, LOCK_SH | LOCK_NB) != 0 && errno == EWOULDBLOCK;
  ::close(fd);  // releases the shared lock, if taken
  return locked;
}

std::optional<sim::InputRecord> inputAt(const std::vector<TickInput>& inputs, std::uint64_t tick) {
  auto it = std::upper_bound(inputs.begin(), inputs.end(), tick,
                             [](std::uint64_t t, const TickInput& in) { return t < in.tick; });
  if (it == inputs.begin()) return std::nullopt;
  return std::prev(it)->input;
}

}  // namespace practicum::record

namespace practicum::record {

sim::SessionOptions sessionOptions(const LogHeader& header) {
  sim::SessionOptions options;
  options.mode = static_cast<sim::Mode>(header.mode);
  options.seed = header.seed;
  options.behaviour = header.behaviour;
  return options;
}

}  // namespace practicum::record
