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

using scenario::LocalizedText;
using scenario::say;

LocalizedText where(std::string_view name, std::uint64_t index, std::uint64_t offset) {
  return say("{}: record {} at byte {}", "{}：第 {} 条记录（第 {} 字节处）", name, index, offset);
}

// parses one verified payload into `contents`; nothing on success, else what is wrong
// `prev` is the chain hash of the record before this one.
std::optional<LocalizedText> parsePayload(RecordType type, std::string_view payload,
                                          std::uint64_t index, LogContents& contents,
                                          InputState& inputs, std::uint16_t fileMinor,
                                          const ChainHash& prev) {
  ByteReader r{payload};
  const LocalizedText cutOff = say("header is cut off", "文件头记录被截断");
  if ((type == RecordType::Header) != (index == 0))
    return index == 0 ? say("the first record is not a header", "第一条记录不是文件头")
                      : say("a header record after the first", "第一条之后又出现文件头记录");
  if (contents.end && (type != RecordType::Signature || contents.signedBy))
    return say("a record after the end record", "结束记录之后还有记录");
  switch (type) {
    case RecordType::Signature: {
      if (fileMinor < 1)
        return say("a signature record in a format 1.0 log", "格式 1.0 的日志中出现签名记录");
      if (!contents.end)
        return say("a signature record before the end record", "签名记录出现在结束记录之前");
      StationPublicKey key{};
      StationSignature sig{};
      if (payload.size() != key.size() + sig.size())
        return say("signature record has a bad size", "签名记录的长度不对");
      std::memcpy(key.data(), payload.data(), key.size());
      std::memcpy(sig.data(), payload.data() + key.size(), sig.size());
      if (!verifySignature(key, signatureMessage(prev), sig))
        return say(
            "the station signature does not verify (forged, or signed by another key than "
            "the one it names)",
            "工位签名验证失败（被伪造，或并非由它所写明的密钥签署）");
      contents.signedBy = key;
      return std::nullopt;
    }
    case RecordType::Header: {
      LogHeader& h = contents.header;
      std::uint16_t major = 0, minor = 0;
      std::uint64_t start = 0;
      if (!r.u16(major) || !r.u16(minor) || !r.str(h.engineVersion) || !r.str(h.buildId) ||
          !r.str(h.scenarioId) || !r.u64(h.scenarioHash) || !r.str(h.learner) ||
          !r.str(h.station) || !r.u8(h.mode) || !r.u64(h.seed) || !r.f64(h.tickRate) ||
          !r.u64(start))
        return cutOff;
      h.startUnixMs = static_cast<std::int64_t>(start);
      if (major != kLogFormatMajor || minor != fileMinor)
        return say("header format version differs from the file header's",
                   "文件头记录的格式版本与文件开头的不一致");
      h.behaviour = sim::kBehaviourFirst;
      if (fileMinor >= kLogFormatMinorBehaviour) {
        if (!r.u16(h.behaviour)) return cutOff;
        if (h.behaviour < sim::kBehaviourFirst || h.behaviour > sim::kBehaviour)
          return say("header's behaviour {} is not one this build knows (1 to {})",
                     "文件头的行为版本 {} 不是本版本所知的（1 到 {}）", h.behaviour,
                     sim::kBehaviour);
      }
      break;
    }
    case RecordType::Inputs: {
      std::uint64_t count = 0;
      if (!r.varint(count) || count == 0 || count > payload.size())
        return say("input block has a bad tick count", "输入块的时刻数不对");
      for (std::uint64_t i = 0; i < count; ++i) {
        TickInput t;
        if (LocalizedText e = decodeTick(r, inputs, t); !e.en.empty())
          return say("input block tick {}: {}", "输入块第 {} 个时刻：{}", i, e);
        contents.inputs.push_back(t);
      }
      break;
    }
    case RecordType::Event: {
      procedure::Event e;
      std::uint8_t kind = 0;
      if (!r.u64(e.tick) || !r.u8(kind) || !r.u32(e.subject) || !r.u32(e.from) || !r.u32(e.to) ||
          !r.u32(e.rule))
        return say("event is cut off", "事件记录被截断");
      const auto last = fileMinor < kLogFormatMinorBehaviour ? procedure::EventKind::SessionEnded
                                                             : procedure::kLastEventKind;
      if (kind > static_cast<std::uint8_t>(last))
        return say("unknown event kind {}", "未知的事件种类 {}", kind);
      e.kind = static_cast<procedure::EventKind>(kind);
      contents.events.push_back(e);
      break;
    }
    case RecordType::Checkpoint: {
      Checkpoint c;
      if (!r.u64(c.tick) || !r.u64(c.stateHash))
        return say("checkpoint is cut off", "检查点记录被截断");
      contents.checkpoints.push_back(c);
      break;
    }
    case RecordType::End: {
      EndRecord e;
      std::uint8_t passed = 0;
      if (!r.u64(e.tick) || !r.u8(e.reason) || !r.f64(e.score) || !r.f64(e.max) || !r.u8(passed))
        return say("end record is cut off", "结束记录被截断");
      if (passed > 1)
        return say("end record's passed flag is not 0 or 1", "结束记录的通过标志不是 0 或 1");
      // a reason this format version has: 1.0 and 1.1 logs end completed..stopped only
      const auto last = fileMinor < kLogFormatMinorOutsideEnds ? procedure::EndReason::Stopped
                                                               : procedure::kLastEndReason;
      if (e.reason == 0 || e.reason > static_cast<std::uint8_t>(last))
        return say("end record's reason {} is not an end reason of format 1.{}",
                   "结束记录的原因 {} 不是格式 1.{} 的结束原因", e.reason, fileMinor);
      e.passed = passed == 1;
      contents.end = e;
      break;
    }
  }
  if (!r.atEnd()) return say("payload has trailing bytes", "记录内容末尾有多余的字节");
  return std::nullopt;
}

}  // namespace

LogContents readLogBytes(std::string_view bytes, std::string_view name, VerifyReport& report) {
  report = VerifyReport{};
  LogContents contents;
  const auto bad = [&](std::uint64_t index, std::uint64_t offset, const LocalizedText& what) {
    report.badRecord = index;
    report.badOffset = offset;
    const LocalizedText message = say("{}: {}", "{}：{}", where(name, index, offset), what);
    report.message = message.en;
    report.messageZh = message.zhCN;
  };

  // preamble: magic and a major this build reads
  if (bytes.size() < kPreambleSize) {
    bad(0, 0,
        say("file is shorter than the file header ({} bytes)", "文件比文件头还短（{} 字节）",
            bytes.size()));
    return contents;
  }
  if (std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0) {
    bad(0, 0, say("not a session log (bad magic)", "不是会话日志（文件标识不对）"));
    return contents;
  }
  ByteReader pre{bytes.substr(8, 4)};
  std::uint16_t major = 0, minor = 0;
  (void)pre.u16(major);
  (void)pre.u16(minor);
  if (major != kLogFormatMajor || minor > kLogFormatMinor) {
    bad(0, 8,
        say("log format {}.{} is not readable by this build (reads {2}.0 to {2}.{3}; a newer "
            "build wrote it)",
            "本版本无法读取格式 {}.{} 的日志（能读取 {2}.0 到 {2}.{3}；它由更新的版本写成）", major,
            minor, kLogFormatMajor, kLogFormatMinor));
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
      bad(index, offset,
          say("torn last record ({} bytes of its head)",
              "最后一条记录不完整（只有记录头的 {} 字节）", left));
      return contents;
    }
    ByteReader head{bytes.substr(offset, kRecordHeadSize)};
    std::uint32_t length = 0;
    std::uint8_t typeByte = 0;
    (void)head.u32(length);
    (void)head.u8(typeByte);
    if (length > kMaxRecordPayload) {
      bad(index, offset, say("record length {} exceeds the limit", "记录长度 {} 超过上限", length));
      return contents;
    }
    if (typeByte < 1 || typeByte > kLastRecordType) {
      bad(index, offset, say("unknown record type {}", "未知的记录类型 {}", typeByte));
      return contents;
    }
    const std::size_t size = kRecordHeadSize + length + kHashSize;
    if (left < size) {
      report.tornTail = true;
      bad(index, offset,
          say("torn last record ({} of {} bytes)", "最后一条记录不完整（{} 字节，应有 {} 字节）",
              left, size));
      return contents;
    }
    const auto type = static_cast<RecordType>(typeByte);
    const std::string_view payload = bytes.substr(offset + kRecordHeadSize, length);
    const ChainHash hash = chainHash(prev, index, type, payload);
    if (std::memcmp(hash.data(), bytes.data() + offset + kRecordHeadSize + length, kHashSize) !=
        0) {
      bad(index, offset,
          say("chain hash mismatch (the record or one before it was edited, removed, inserted or "
              "moved)",
              "链式哈希不符（这条记录或它之前的某条记录被修改、删除、插入或移动过）"));
      return contents;
    }
    if (const auto e = parsePayload(type, payload, index, contents, inputs, minor, prev)) {
      bad(index, offset, *e);
      return contents;
    }
    prev = hash;
    ++index;
    offset += size;
    report.records = index;
  }
  if (index == 0) {
    bad(0, offset, say("no header record", "没有文件头记录"));
    return contents;
  }
  report.ok = true;
  report.complete = contents.end.has_value();
  report.signedBy = contents.signedBy;
  LocalizedText message = say("{}: {} records verified", "{}：{} 条记录校验无误", name, index);
  if (!report.complete)
    message +=
        say("; no end record (the session did not finish)", "；没有结束记录（会话未正常结束）");
  if (contents.signedBy)
    message += say("; signed by station key {}", "；由工位密钥 {} 签署", toHex(*contents.signedBy));
  report.message = std::move(message.en);
  report.messageZh = std::move(message.zhCN);
  return contents;
}

LogContents readLog(const std::filesystem::path& file, VerifyReport& report) {
  auto bytes = core::readFile(file, 4ull * 1024 * 1024 * 1024);
  if (!bytes) {
    report = VerifyReport{};
    report.message = bytes.error().message;
    report.messageZh = (bytes.error().code == core::ErrorCode::NotFound ? "找不到日志文件："
                                                                        : "无法读取日志文件：") +
                       bytes.error().message;
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
