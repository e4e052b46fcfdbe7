// `practicum sessions`: lists and filters the session catalogue of a log folder, after adding the
// logs it does not know yet (or rebuilding it from the logs alone).
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <regex>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include <practicum/record/catalogue.hpp>
#include <practicum/record/recorder.hpp>

#include "args.hpp"
#include "commands.hpp"

namespace practicum::app {

const char* const kSessionsUsage =
    "usage: practicum sessions [--db FILE] [--log-dir DIR] [--rebuild] [--learner X]\n"
    "                          [--scenario ID] [--mode exam|practice] [--passed|--failed]\n"
    "                          [--since DATE] [--until DATE] [--verified] [--json]\n"
    "\n"
    "Lists the sessions of a log folder from its catalogue (an SQLite index of the logs, which\n"
    "stores pseudonyms only). New logs in the folder are added first; --rebuild recreates the\n"
    "catalogue from the logs alone. The end column says how each session ended: completed,\n"
    "critical, time-limit, stopped, interrupted (Ctrl+C, a shutdown) or closed (the window was\n"
    "closed), or that the log has no end record (killed or crashed, or still running).\n"
    "  --log-dir DIR   the log folder (default ~/.local/share/practicum/logs)\n"
    "  --db FILE       the catalogue (default <log folder>/catalogue.sqlite)\n"
    "  --rebuild       drop every row and re-add every *.plog of the log folder\n"
    "  --learner X     only this pseudonym\n"
    "  --scenario ID   only this scenario\n"
    "  --mode M        only exam or only practice sessions\n"
    "  --passed        only passed sessions (--failed: only ended and not passed)\n"
    "  --since DATE    only sessions started at or after DATE (UTC, ISO 8601: 2026-11-01,\n"
    "                  2026-11-01T08:00)\n"
    "  --until DATE    only sessions started before DATE, or within it (--until 2026-11-30\n"
    "                  includes that day)\n"
    "  --verified      only sessions whose log verifies (leaves out damaged logs)\n"
    "  --json          print the rows as JSON instead of a table\n";

namespace {

using nlohmann::json;
namespace fs = std::filesystem;

std::string fixed(const std::optional<double>& v, const char* format) {
  if (!v) return "-";
  char buf[64];
  std::snprintf(buf, sizeof buf, format, *v);
  return buf;
}

json toJson(const record::SessionRow& r) {
  const auto opt = [](const auto& v) -> json {
    if (v) return json(*v);
    return nullptr;
  };
  return {{"log", r.log},
          {"learner", r.learner},
          {"station", r.station},
          {"scenario", r.scenarioId},
          {"scenarioHash", r.scenarioHash},
          {"mode", r.mode},
          {"start", r.start},
          {"endTick", opt(r.endTick)},
          {"seconds", opt(r.seconds)},
          {"score", opt(r.score)},
          {"max", opt(r.max)},
          {"passed", opt(r.passed)},
          {"end", r.endReason},
          {"endText", record::endReasonText(r)},
          {"verification", r.verification},
          {"logSize", r.logSize},
          {"indexed", r.indexed},
          {"endTime", r.end.empty() ? json(nullptr) : json(r.end)},
          {"stationKey", r.stationKey.empty() ? json(nullptr) : json(r.stationKey)}};
}

// characters of UTF-8 text (not bytes): "—" is one column wide
std::size_t columns(const std::string& s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xc0) != 0x80; }));
}

// a plain table, columns as wide as their widest cell
void printTable(const std::vector<record::SessionRow>& rows) {
  std::vector<std::vector<std::string>> cells = {{"start", "learner", "scenario", "mode", "score",
                                                  "passed", "duration", "end", "verification"}};
  for (const auto& r : rows) {
    const std::string score = r.score ? fixed(r.score, "%g") + "/" + fixed(r.max, "%g") : "-";
    const std::string passed = r.passed ? (*r.passed ? "yes" : "no") : "-";
    cells.push_back({r.start, r.learner, r.scenarioId, r.mode, score, passed,
                     r.seconds ? fixed(r.seconds, "%.1f") + " s" : "-", record::endReasonText(r),
                     r.verification});
  }
  std::vector<std::size_t> width(cells[0].size(), 0);
  for (const auto& row : cells)
    for (std::size_t i = 0; i < row.size(); ++i) width[i] = std::max(width[i], columns(row[i]));
  for (const auto& row : cells) {
    std::string line;
    for (std::size_t i = 0; i < row.size(); ++i) {
      line += row[i];
      if (i + 1 < row.size()) line += std::string(width[i] - columns(row[i]) + 2, ' ');
    }
    std::printf("%s\n", line.c_str());
  }
}

}  // namespace

int sessionsCommand(const std::vector<std::string>& argv) {
  auto args = Args::parse(argv, {"rebuild", "passed", "failed", "json", "verified"},
                          {"db", "log-dir", "learner", "scenario", "mode", "since", "until"});
  if (!args.ok() || !args->positionals().empty()) {
    std::fprintf(stderr, "practicum sessions: %s\n%s",
                 args.ok() ? "unexpected argument" : args.error().message.c_str(), kSessionsUsage);
    return 2;
  }
  const auto mode = args->value("mode");
  if (mode && *mode != "exam" && *mode != "practice") {
    std::fprintf(stderr, "practicum sessions: --mode is exam or practice\n%s", kSessionsUsage);
    return 2;
  }
  // dates compare as text against ISO 8601 UTC: anything else would silently match nothing
  static const std::regex kIsoPrefix(
      R"(\d{4}(-\d{2}(-\d{2}(T\d{2}(:\d{2}(:\d{2}(\.\d{1,3})?)?)?)?)?)?)");
  for (const char* key : {"since", "until"})
    if (const auto v = args->value(key); v && !std::regex_match(*v, kIsoPrefix)) {
      std::fprintf(stderr,
                   "practicum sessions: --%s %s is not a UTC date or time like 2026-11-01 or "
                   "2026-11-01T08:00\n",
                   key, v->c_str());
      return 2;
    }
  if (args->has("passed") && args->has("failed")) {
    std::fprintf(stderr, "practicum sessions: --passed and --failed exclude each other\n%s",
                 kSessionsUsage);
    return 2;
  }

  // the log folder and its catalogue
  const fs::path logDir = args->value("log-dir").value_or(record::defaultLogDir().string());
  std::error_code ec;
  const bool haveLogs = fs::is_directory(logDir, ec);
  if (!haveLogs && (!args->has("db") || args->has("rebuild"))) {
    std::fprintf(stderr, "practicum sessions: no log folder %s (use --log-dir)\n",
                 logDir.string().c_str());
    return 1;
  }
  const fs::path db = args->value("db").value_or((logDir / "catalogue.sqlite").string());
  auto catalogue = record::Catalogue::open(db);
  if (!catalogue.ok()) {
    std::fprintf(stderr, "practicum sessions: %s\n", catalogue.error().message.c_str());
    return 1;
  }

  // rebuilt from the logs alone, or brought up to date with the logs it does not know yet
  if (args->has("rebuild")) {
    auto n = (*catalogue)->rebuild(logDir);
    if (!n.ok()) {
      std::fprintf(stderr, "practicum sessions: %s\n", n.error().message.c_str());
      return 1;
    }
    std::fprintf(stderr, "practicum sessions: rebuilt %s from %zu logs\n", db.string().c_str(), *n);
  } else if (haveLogs) {
    auto n = (*catalogue)->sync(logDir);
    if (!n.ok()) {
      std::fprintf(stderr, "practicum sessions: %s\n", n.error().message.c_str());
      return 1;
    }
  }

  // the rows asked for
  record::SessionFilter filter;
  filter.learner = args->value("learner");
  filter.scenario = args->value("scenario");
  filter.mode = mode;
  if (args->has("passed")) filter.passed = true;
  if (args->has("failed")) filter.passed = false;
  filter.since = args->value("since");
  filter.until = args->value("until");
  filter.verifiedOnly = args->has("verified");
  auto rows = (*catalogue)->list(filter);
  if (!rows.ok()) {
    std::fprintf(stderr, "practicum sessions: %s\n", rows.error().message.c_str());
    return 1;
  }
  if (args->has("json")) {
    json sessions = json::array();
    for (const auto& r : *rows) sessions.push_back(toJson(r));
    const json doc = {{"catalogue", db.string()}, {"sessions", sessions}};
    std::printf("%s\n", doc.dump(2).c_str());
  } else {
    printTable(*rows);
  }
  return 0;
}

}  // namespace practicum::app
