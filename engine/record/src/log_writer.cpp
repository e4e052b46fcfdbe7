// The session log writer: the simulation thread queues, a writer thread encodes, hashes, writes
// and fsyncs.
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <mutex>
#include <thread>
#include <variant>

#include <sodium.h>

#include <practicum/core/log.hpp>

#include "log_codec.hpp"

namespace practicum::record {

using namespace detail;

namespace {

using Clock = std::chrono::steady_clock;
using Item = std::variant<TickInput, procedure::Event, Checkpoint, EndRecord>;
// queued items that wake the writer early, to bound memory
inline constexpr std::size_t kWakeQueueSize = 4096;

// writes all of `data`; on failure returns errno (bytes up to the failure may have been written)
int writeAll(int fd, std::string_view data, std::size_t& written) {
  written = 0;
  while (!data.empty()) {
    const ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    if (n == 0) return EIO;
    data.remove_prefix(static_cast<std::size_t>(n));
    written += static_cast<std::size_t>(n);
  }
  return 0;
}

}  // namespace

struct LogWriter::Impl {
  std::filesystem::path file;
  LogWriterOptions options;
  int fd = -1;

  // shared with the writer thread, under `mutex`
  mutable std::mutex mutex;
  std::condition_variable wake;  // writer waits for work
  std::condition_variable done;  // end() waits for its sync
  std::vector<Item> queue;
  bool urgent = false;  // wake the writer now
  std::uint64_t syncRequested = 0, syncDone = 0;
  bool closing = false;
  std::optional<core::Error> failure;

  // simulation thread only
  bool ended = false, closed = false;
  bool anyInput = false;
  std::uint64_t lastTick = 0;
  sim::InputRecord lastInput;

  // writer thread only
  std::thread thread;
  ChainHash prev{};
  std::uint64_t index = 0;
  std::uint64_t fileSize = 0;  // bytes known written
  InputState inputState;
  std::string block;  // entries of the pending input block
  std::uint32_t blockCount = 0;
  std::string out;                     // records not yet written
  std::vector<std::size_t> outBounds;  // where each record in `out` ends
  bool unsynced = false;

  // queues an item; `sync` asks for an fsync once it is written
  void push(Item item, bool sync) {
    bool notify = false;
    {
      std::lock_guard lock(mutex);
      if (failure) return;
      queue.push_back(std::move(item));
      if (sync) ++syncRequested;
      notify = sync || queue.size() >= kWakeQueueSize;
      urgent = urgent || notify;
    }
    if (notify) wake.notify_one();
  }

  void fail(const std::string& what, int error) {
    // cut a partly written record so that the file ends on a record boundary
    if (fd >= 0 && ::ftruncate(fd, static_cast<off_t>(fileSize)) == 0) (void)::fsync(fd);
    std::string message = "session log " + file.string() + ": " + what + " at byte " +
                          std::to_string(fileSize) + ": " + std::strerror(error) +
                          "; logging stopped, the log holds what came before";
    core::logError(message);
    std::lock_guard lock(mutex);
    failure = core::makeError(core::ErrorCode::Io, std::move(message));
    done.notify_all();
  }

  void append(RecordType type, std::string_view payload) {
    appendRecord(out, prev, index, type, payload);
    outBounds.push_back(out.size());
  }

  void flushBlock() {
    if (blockCount == 0) return;
    std::string payload;
    ByteWriter w{payload};
    w.varint(blockCount);
    payload += block;
    append(RecordType::Inputs, payload);
    block.clear();
    blockCount = 0;
  }

  void encode(const Item& item) {
    if (const auto* t = std::get_if<TickInput>(&item)) {
      ByteWriter w{block};
      encodeTick(w, inputState, t->tick, t->input);
      if (++blockCount >= options.ticksPerInputBlock) flushBlock();
      return;
    }
    // everything else keeps the stream in tick order: the pending inputs go first
    flushBlock();
    if (const auto* e = std::get_if<procedure::Event>(&item))
      append(RecordType::Event, encodeEvent(*e));
    else if (const auto* c = std::get_if<Checkpoint>(&item))
      append(RecordType::Checkpoint, encodeCheckpoint(*c));
    else if (const auto* end = std::get_if<EndRecord>(&item)) {
      append(RecordType::End, encodeEnd(*end));
      if (options.stationKey) {  // the station vouches for everything up to the end
        const StationSignature sig = options.stationKey->sign(signatureMessage(prev));
        const StationPublicKey& pub = options.stationKey->publicKey();
        std::string payload(reinterpret_cast<const char*>(pub.data()), pub.size());
        payload.append(reinterpret_cast<const char*>(sig.data()), sig.size());
        append(RecordType::Signature, payload);
      }
    }
  }

  // writes the encoded records; false after a failure
  bool writeOut() {
    if (out.empty()) return true;
    std::size_t written = 0;
    if (const int error = writeAll(fd, out, written); error != 0) {
      // whole records that made it stay; the partial one is cut
      std::size_t keep = 0;
      for (std::size_t end : outBounds)
        if (end <= written) keep = end;
      fileSize += keep;
      fail("write failed", error);
      return false;
    }
    fileSize += out.size();
    out.clear();
    outBounds.clear();
    unsynced = true;
    return true;
  }

  bool sync() {
    if (!unsynced) return true;
    if (::fsync(fd) != 0) {
      fail("fsync failed", errno);
      return false;
    }
    unsynced = false;
    return true;
  }

  void run() {
    const auto interval = std::chrono::duration_cast<Clock::duration>(
        std::chrono::duration<double>(options.syncIntervalSeconds));
    auto deadline = Clock::now() + interval;
    std::vector<Item> batch;
    std::unique_lock lock(mutex);
    for (;;) {
      wake.wait_until(lock, deadline, [&] { return urgent || closing; });
      batch.swap(queue);
      urgent = false;
      const bool closeNow = closing;
      const std::uint64_t ticket = syncRequested;
      const bool due = closeNow || ticket != syncDone || Clock::now() >= deadline;
      const bool failed = failure.has_value();
      lock.unlock();

      // encode and write; at a sync point also the pending input block, then fsync
      bool good = !failed;
      if (good) {
        for (const Item& item : batch) encode(item);
        if (due) flushBlock();
        good = writeOut() && (!due || sync());
      }
      batch.clear();
      if (due) deadline = Clock::now() + interval;

      lock.lock();
      if (good && ticket != syncDone) {
        syncDone = ticket;
        done.notify_all();
      }
      if (closeNow && queue.empty()) return;
    }
  }
};

LogWriter::LogWriter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

LogWriter::~LogWriter() { (void)close(); }

core::Result<std::unique_ptr<LogWriter>> LogWriter::create(const std::filesystem::path& file,
                                                           const LogHeader& header,
                                                           const LogWriterOptions& options) {
  if (!(options.syncIntervalSeconds > 0) || options.syncIntervalSeconds > 3600 ||
      options.ticksPerInputBlock == 0 || options.ticksPerInputBlock > 65536)
    return core::makeError(core::ErrorCode::InvalidArgument,
                           file.string() +
                               ": log writer options out of range (sync interval "
                               "(0, 3600] s, 1..65536 ticks per input block)");
  if (sodium_init() < 0)
    return core::makeError(core::ErrorCode::Unsupported, "libsodium failed to initialise");

  // a new file, never an existing one, locked against a second writer
  const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) {
    const int error = errno;
    return core::makeError(core::ErrorCode::Io,
                           file.string() + ": cannot create the session log: " +
                               (error == EEXIST ? std::string("the file exists (logs are never "
                                                              "overwritten)")
                                                : std::string(std::strerror(error))));
  }
  const auto abandon = [&](const std::string& what, int error) {
    ::close(fd);
    std::error_code ignored;
    std::filesystem::remove(file, ignored);
    return core::makeError(core::ErrorCode::Io,
                           file.string() + ": " + what + ": " + std::strerror(error));
  };
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    const int error = errno;
    ::close(fd);  // someone else locked the file we just created: leave it to them
    return core::makeError(
        core::ErrorCode::Io,
        file.string() + ": another process is writing this log: " + std::strerror(error));
  }

  // preamble + header record, durable before the session starts (file and folder entry)
  auto impl = std::make_unique<Impl>();
  impl->file = file;
  impl->options = options;
  impl->fd = fd;
  std::string bytes = preamble();
  appendRecord(bytes, impl->prev, impl->index, RecordType::Header, encodeHeader(header));
  std::size_t written = 0;
  if (const int error = writeAll(fd, bytes, written); error != 0)
    return abandon("cannot write the log header", error);
  if (::fsync(fd) != 0) return abandon("cannot fsync the log header", errno);
  impl->fileSize = bytes.size();
  const auto folder = file.has_parent_path() ? file.parent_path() : std::filesystem::path(".");
  if (const int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dir >= 0) {
    (void)::fsync(dir);
    ::close(dir);
  }

  Impl* raw = impl.get();
  raw->thread = std::thread([raw] { raw->run(); });
  return std::unique_ptr<LogWriter>(new LogWriter(std::move(impl)));
}

void LogWriter::input(std::uint64_t tick, const sim::InputRecord& input) {
  Impl& s = *impl_;
  if (s.ended || s.closed) return;
  assert(!s.anyInput || tick > s.lastTick);
  if (s.anyInput && tick <= s.lastTick) return;
  // a tick with the previous tick's input is left out
  const bool same = s.anyInput && sameBits(input, s.lastInput);
  s.anyInput = true;
  s.lastTick = tick;
  if (same) return;
  s.lastInput = input;
  s.push(TickInput{tick, input}, false);
}

void LogWriter::event(const procedure::Event& event) {
  Impl& s = *impl_;
  if (s.ended || s.closed) return;
  const bool sync = event.kind == procedure::EventKind::StepCompleted ||
                    event.kind == procedure::EventKind::Violation ||
                    event.kind == procedure::EventKind::SessionEnded;
  s.push(event, sync);
}

void LogWriter::checkpoint(std::uint64_t tick, std::uint64_t stateHash) {
  Impl& s = *impl_;
  if (s.ended || s.closed) return;
  s.push(Checkpoint{tick, stateHash}, false);
}

void LogWriter::end(const EndRecord& end) {
  Impl& s = *impl_;
  if (s.ended || s.closed) return;
  s.ended = true;
  std::unique_lock lock(s.mutex);
  if (s.failure) return;
  s.queue.push_back(end);
  const std::uint64_t ticket = ++s.syncRequested;
  s.urgent = true;
  s.wake.notify_one();
  s.done.wait(lock, [&] { return s.syncDone >= ticket || s.failure.has_value(); });
}

void LogWriter::syncNow() {
  Impl& s = *impl_;
  if (s.closed) return;
  {
    std::lock_guard lock(s.mutex);
    ++s.syncRequested;
    s.urgent = true;
  }
  s.wake.notify_one();
}

core::Status LogWriter::status() const {
  std::lock_guard lock(impl_->mutex);
  if (impl_->failure) return *impl_->failure;
  return {};
}

core::Status LogWriter::close() {
  Impl& s = *impl_;
  if (!s.closed) {
    s.closed = true;
    {
      std::lock_guard lock(s.mutex);
      s.closing = true;
    }
    s.wake.notify_one();
    s.thread.join();
    ::close(s.fd);  // releases the lock
    s.fd = -1;
  }
  return status();
}

}  // namespace practicum::record
