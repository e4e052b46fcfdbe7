#pragma once
/// Wall-clock time as logs, reports and exports write it: UTC with milliseconds.
#include <cstdint>
#include <string>

namespace practicum::core {

/// Milliseconds since 1970-01-01 UTC, now.
std::int64_t nowUnixMs();
/// ISO 8601 UTC with milliseconds: "2026-11-28T18:22:57.959Z"; `compact` drops the separators
/// ("20261128T182257.959Z", safe in file names).
std::string isoTimeUtc(std::int64_t unixMs, bool compact = false);

}  // namespace practicum::core
