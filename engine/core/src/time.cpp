#include <practicum/core/time.hpp>

#include <chrono>
#include <cstdio>
#include <ctime>

namespace practicum::core {

std::int64_t nowUnixMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string isoTimeUtc(std::int64_t unixMs, bool compact) {
  // floor division, so that times before 1970 keep a non-negative millisecond part
  std::int64_t secs = unixMs / 1000, ms = unixMs % 1000;
  if (ms < 0) ms += 1000, secs -= 1;
  const std::time_t t = static_cast<std::time_t>(secs);
  std::tm utc{};
  gmtime_r(&t, &utc);
  char buf[64];
  std::snprintf(buf, sizeof buf,
                compact ? "%04d%02d%02dT%02d%02d%02d.%03dZ" : "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ",
                utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min,
                utc.tm_sec, static_cast<int>(ms));
  return buf;
}

}  // namespace practicum::core
