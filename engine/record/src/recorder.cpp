#include <practicum/record/recorder.hpp>

#include <chrono>
#include <cmath>
#include <cstdlib>

#include <practicum/core/time.hpp>

namespace practicum::record {

core::Result<std::unique_ptr<SessionRecorder>> SessionRecorder::create(
    const std::filesystem::path& file, const sim::Session& session,
    const RecorderOptions& options) {
  const auto& def = session.definition();
  LogHeader h;
  h.engineVersion = options.engineVersion;
  h.buildId = options.buildId;
  h.scenarioId = def.meta.id;
  h.scenarioHash = def.contentHash;
  h.learner = options.learner;
  h.station = options.station;
  h.mode = static_cast<std::uint8_t>(session.options().mode);
  h.seed = session.options().seed;
  h.behaviour = session.options().behaviour;
  h.tickRate = 1.0 / session.tickSeconds();
  h.startUnixMs = std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::system_clock::now().time_since_epoch())
                      .count();
  auto writer = LogWriter::create(file, h, options.writer);
  if (!writer.ok()) return writer.error();
  std::unique_ptr<SessionRecorder> r(new SessionRecorder());
  r->writer_ = std::move(*writer);
  r->file_ = file;
  r->checkpointTicks_ = options.checkpointTicks
                            ? options.checkpointTicks
                            : static_cast<std::uint32_t>(std::lround(h.tickRate));
  r->eventsWritten_ = session.events().size();
  return r;
}

void SessionRecorder::afterTick(const sim::Session& session, const sim::InputRecord& input) {
  writer_->input(session.tick(), input);
  // new events (the writer makes completed steps and violations durable at once)
  const auto& events = session.events();
  for (; eventsWritten_ < events.size(); ++eventsWritten_) writer_->event(events[eventsWritten_]);
  if (session.tick() % checkpointTicks_ == 0)
    writer_->checkpoint(session.tick(), session.stateHash());
}

core::Status SessionRecorder::finish(const sim::Session& session) {
  if (finished_) return writer_->status();
  finished_ = true;
  // events of the last tick (or of stopping), a final checkpoint, the end
  const auto& events = session.events();
  for (; eventsWritten_ < events.size(); ++eventsWritten_) writer_->event(events[eventsWritten_]);
  writer_->checkpoint(session.tick(), session.stateHash());
  const auto result = session.result();
  EndRecord end;
  end.tick = session.tick();
  end.reason = static_cast<std::uint8_t>(session.ended() ? session.endReason()
                                                         : procedure::EndReason::Stopped);
  end.score = result.score;
  end.max = result.max;
  end.passed = result.passed;
  writer_->end(end);
  return writer_->close();
}

std::string logFileName(const std::string& scenarioId, const std::string& learner,
                        std::int64_t unixMs) {
  // UTC time with milliseconds; characters safe on every file system
  const std::string stamp = core::isoTimeUtc(unixMs, /*compact=*/true);
  std::string who;
  for (char c : learner)
    who += (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_') ? c : '_';
  if (who.empty()) who = "anonymous";
  return scenarioId + "-" + who + "-" + stamp + ".plog";
}

std::filesystem::path defaultLogDir() {
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg)
    return std::filesystem::path(xdg) / "practicum" / "logs";
  if (const char* home = std::getenv("HOME"); home && *home)
    return std::filesystem::path(home) / ".local" / "share" / "practicum" / "logs";
  return std::filesystem::current_path() / "practicum-logs";
}

}  // namespace practicum::record
