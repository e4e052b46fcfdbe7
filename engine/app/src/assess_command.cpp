// `practicum assess`: scores session logs for assessors — one JSON result per log, and for a
// class (several logs or a folder) a summary and a CSV for spreadsheets.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <optional>
#include <sstream>

#include <nlohmann/json.hpp>

#include <practicum/core/file_io.hpp>
#include <practicum/core/hash.hpp>
#include <practicum/core/time.hpp>
#include <practicum/record/log.hpp>
#include <practicum/record/replay.hpp>
#include <practicum/scenario/find_scenario.hpp>
#include <practicum/scenario/scenario.hpp>
#include <practicum/ui/text.hpp>

#include "args.hpp"
#include "commands.hpp"
#include "html_report.hpp"
#include "result_json.hpp"

namespace practicum::app {

const char* const kAssessUsage =
    "usage: practicum assess <log|folder>... [--json out.json] [--csv out.csv] [--html PATH]\n"
    "                       [--scenarios DIR] [--rubric SCENARIO]\n"
    "\n"
    "Verifies each session log, replays it on its scenario (found by id and checked by content\n"
    "hash) and scores it. When a replay diverges the result falls back to the events recorded\n"
    "in the log, and says so. Several logs or a folder also give a class summary: per-step\n"
    "success, the most common violations, durations.\n"
    "  --json FILE  write the results (and the summary) as JSON; default: print it\n"
    "  --csv FILE   one row per session, for spreadsheets\n"
    "  --html PATH  a self-contained report (timeline, pictures of each violation and the end);\n"
    "               for several logs PATH is a folder with one report per log\n"
    "  --scenarios DIR  a folder of scenarios to search for each log's scenario (by its id and\n"
    "               content hash); repeatable, searched in order, then the folders in\n"
    "               $PRACTICUM_SCENARIOS (separated by ':'), then scenarios/\n"
    "  --rubric SCENARIO  re-score under the steps' points, rules' severities and rubric of\n"
    "               SCENARIO (a folder, a file or an id); logs of a scenario that has changed\n"
    "               since are then scored from their recorded events instead of refused\n";

namespace {

using nlohmann::json;
namespace fs = std::filesystem;
using scenario::say;

struct Assessed {
  json doc;  // the session's result
  procedure::SessionResult result;
  bool ok = false;
  // kept for the HTML report
  record::LogContents log;
  std::optional<scenario::ScenarioDef> def;
  std::vector<procedure::Event> events;
  scenario::LocalizedText replayState;
  std::string endReason;  // the end record's reason ("interrupted", ...), else "incomplete"
  scenario::LocalizedText endText;  // how the session ended, in words (describeEnd)
  bool replayable = false;          // the scenario is the one recorded: pictures can be rendered
};

std::string hex(std::uint64_t v) {
  char buf[17];
  return std::string(core::toHex(v, buf));
}

// A rubric the assessor names with --rubric: the scenario (folder or file) whose steps' points,
// rules' severities and rubric score the logs instead of those they were recorded under.
struct NamedRubric {
  std::string path;
  scenario::ScenarioDef def;
};

// Re-scores `r` under the named rubric; steps and rules are matched by position, so the
// scenario must have the same steps. Returns false (with `why`) when it does not.
bool rescore(const NamedRubric& named, procedure::SessionResult& r, std::string& why) {
  const auto& t = named.def.training;
  if (t.steps.size() != r.steps.size()) {
    why = "the rubric's scenario " + named.path + " has " + std::to_string(t.steps.size()) +
          " steps, the session " + std::to_string(r.steps.size());
    return false;
  }
  for (std::size_t i = 0; i < t.steps.size(); ++i) {
    r.steps[i].maxPoints = t.steps[i].points;
    r.steps[i].points = r.steps[i].done ? t.steps[i].points : 0;
  }
  for (auto& v : r.violations) {
    if (v.kind != procedure::ViolationResult::Kind::Rule) continue;
    const auto rule = std::find_if(t.rules.begin(), t.rules.end(),
                                   [&](const scenario::RuleDef& d) { return d.id == v.rule; });
    if (rule != t.rules.end()) v.severity = rule->severity;  // the new rubric's severity
  }
  procedure::applyRubric(t.rubric, r);
  return true;
}

Assessed assessOne(const fs::path& file, const std::vector<fs::path>& searchDirs,
                   const NamedRubric* named) {
  Assessed a;
  a.doc = {{"log", file.string()}};
  record::VerifyReport check;
  a.log = record::readLog(file, check);
  const record::LogContents& log = a.log;
  a.doc["verified"] = check.ok;
  if (!check.ok) {
    a.doc["error"] = check.message;
    return a;
  }
  const double tickSeconds = 1.0 / log.header.tickRate;
  // the scenario, exactly as it was: found by id, preferring the recorded content
  const auto found =
      scenario::findScenario(log.header.scenarioId, searchDirs, log.header.scenarioHash);
  scenario::LoadResult loaded;
  if (found.ok()) loaded = scenario::loadScenario(*found);
  const bool same = loaded.ok() && loaded.scenario->contentHash == log.header.scenarioHash;
  // the replay's state, and its words in both languages (the result file has the English)
  std::string replayKind;
  const scenario::LocalizedText fromEvents =
      say("; the result comes from the events recorded in the log", "；结果来自日志中记录的事件");
  if (same) {
    auto replayed = record::replayLog(log, *loaded.scenario);
    if (replayed.ok() && replayed->verified) {
      a.result = replayed->result;
      a.events = replayed->events;
      replayKind = "verified";
      a.replayState = {replayed->messageZh, replayed->message};
    } else {
      // an untrustworthy replay: score from what the log recorded, and say so
      record::resultFromEvents(*loaded.scenario, log, tickSeconds, a.result);
      a.events = log.events;
      replayKind = "fallback";
      a.replayState =
          (replayed.ok() ? scenario::LocalizedText{replayed->messageZh, replayed->message}
                         : say("{}", "无法重放：{}", replayed.error().message)) +
          fromEvents;
    }
    a.def = std::move(*loaded.scenario);
  } else if (named) {
    // the scenario has changed (or is gone): only the recorded events can be scored
    if (!record::resultFromEvents(named->def, log, tickSeconds, a.result)) {
      a.doc["error"] = "the log names steps or rules that the rubric's scenario " + named->path +
                       " does not have; it cannot score this log";
      return a;
    }
    a.events = log.events;
    a.def = named->def;
    replayKind = "not-replayed";
    a.replayState = (loaded.ok() ? say("the scenario \"{}\" has changed since the session",
                                       "场景“{}”在训练之后改动过", log.header.scenarioId)
                                 : say("the scenario \"{}\" cannot be loaded", "场景“{}”无法加载",
                                       log.header.scenarioId)) +
                    fromEvents;
  } else {
    a.doc["error"] = loaded.ok() ? "the scenario \"" + log.header.scenarioId +
                                       "\" has changed since the session (content hash " +
                                       hex(loaded.scenario->contentHash) + ", the log's " +
                                       hex(log.header.scenarioHash) +
                                       "); its rubric cannot score this log unless one is named "
                                       "with --rubric"
                     : found.ok() ? "cannot load the scenario \"" + log.header.scenarioId +
                                        "\" from " + found->string()
                                  : found.error().message;
    return a;
  }
  if (named) {
    std::string why;
    if (!rescore(*named, a.result, why)) {
      a.doc["error"] = why;
      return a;
    }
    const scenario::LocalizedText rescored =
        say("re-scored under the rubric of {} (steps matched by position, rules by id)",
            "按 {} 的评分细则重新评分（步骤按位置对应，规则按编号对应）", named->path);
    a.doc["rubric"] = {{"scenario", named->path},
                       {"contentHash", hex(named->def.contentHash)},
                       {"logScenarioHash", hex(log.header.scenarioHash)},
                       {"message", rescored.en}};
    a.replayState += say("; {}", "；{}", rescored);
  }
  a.doc.update(resultDocument(*a.def, a.result, a.events, tickSeconds));
  a.doc["replay"] = {{"state", replayKind}, {"message", a.replayState.en}};
  a.doc["learner"] = log.header.learner;
  a.doc["station"] = log.header.station;
  a.doc["mode"] = log.header.mode == 1 ? "exam" : "practice";
  a.doc["seed"] = log.header.seed;
  a.doc["start"] = core::isoTimeUtc(log.header.startUnixMs);
  a.doc["complete"] = check.complete;
  // how it ended, in words: the end record's reason, or why there is none
  a.endReason = log.end ? procedure::toString(static_cast<procedure::EndReason>(log.end->reason))
                        : "incomplete";
  a.endText = log.end ? describeEnd(static_cast<procedure::EndReason>(log.end->reason))
              : record::logIsBeingWritten(file) ? describeStillRunning()
                                                : describeEnd(std::nullopt);
  a.doc["endText"] = a.endText.en;
  a.doc["signedBy"] = check.signedBy ? json(record::toHex(*check.signedBy)) : json(nullptr);
  a.replayable = same;
  a.ok = true;
  return a;
}

// per-step success, the most common violations, durations
json classSummary(const std::vector<Assessed>& sessions) {
  std::vector<std::string> order;                    // steps in procedure order
  std::map<std::string, std::pair<int, int>> steps;  // id -> (done, of)
  std::map<std::string, double> stepSeconds;
  std::map<std::string, int> violations;
  std::vector<double> durations;
  int passed = 0, scored = 0;
  for (const auto& s : sessions) {
    if (!s.ok) continue;
    ++scored;
    passed += s.result.passed;
    durations.push_back(s.result.seconds);
    for (const auto& st : s.result.steps) {
      if (!steps.count(st.id)) order.push_back(st.id);
      auto& [done, of] = steps[st.id];
      ++of;
      if (st.done) {
        ++done;
        stepSeconds[st.id] += st.duration;
      }
    }
    for (const auto& v : s.result.violations) ++violations[v.rule];
  }
  json perStep = json::array();
  for (const auto& id : order) {
    const auto& counts = steps[id];
    perStep.push_back({{"step", id},
                       {"done", counts.first},
                       {"of", counts.second},
                       {"rate", counts.second ? double(counts.first) / counts.second : 0.0},
                       {"meanSeconds", counts.first ? stepSeconds[id] / counts.first : 0.0}});
  }
  std::vector<std::pair<std::string, int>> common(violations.begin(), violations.end());
  std::stable_sort(common.begin(), common.end(),
                   [](const auto& x, const auto& y) { return x.second > y.second; });
  json mostCommon = json::array();
  for (const auto& [rule, n] : common) mostCommon.push_back({{"rule", rule}, {"count", n}});
  std::sort(durations.begin(), durations.end());
  json time = nullptr;
  if (!durations.empty())
    time = {{"min", durations.front()},
            {"median", durations[durations.size() / 2]},
            {"max", durations.back()}};
  return {{"sessions", sessions.size()}, {"scored", scored}, {"passed", passed}, {"steps", perStep},
          {"violations", mostCommon},    {"seconds", time}};
}

std::string csvField(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

}  // namespace

int assessCommand(const std::vector<std::string>& argv) {
  auto args = Args::parse(argv, {}, {"json", "csv", "html", "scenarios", "rubric"});
  if (!args.ok() || args->positionals().empty()) {
    std::fprintf(stderr, "practicum assess: %s\n%s",
                 args.ok() ? "expected at least one log or folder" : args.error().message.c_str(),
                 kAssessUsage);
    return 2;
  }
  // the logs: files as given, folders by their *.plog files in name order
  std::vector<fs::path> logs;
  bool folder = false;
  for (const auto& p : args->positionals()) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      folder = true;
      std::vector<fs::path> found;
      for (const auto& e : fs::directory_iterator(p, ec))
        if (e.path().extension() == ".plog") found.push_back(e.path());
      std::sort(found.begin(), found.end());
      logs.insert(logs.end(), found.begin(), found.end());
    } else {
      logs.emplace_back(p);
    }
  }
  const std::vector<fs::path> searchDirs = scenario::scenarioSearchPath(args->paths("scenarios"));

  // a rubric named by the assessor: a scenario, checked like any other
  std::optional<NamedRubric> named;
  if (const auto rubric = args->value("rubric")) {
    const auto found = scenario::resolveScenario(*rubric, searchDirs);
    if (!found.ok())
      return std::fprintf(stderr, "practicum assess: --rubric: %s\n",
                          found.error().message.c_str()),
             1;
    scenario::LoadResult loaded = scenario::loadScenario(*found);
    for (const auto& d : loaded.diagnostics) std::fprintf(stderr, "%s\n", d.format().c_str());
    if (!loaded.ok())
      return std::fprintf(stderr, "practicum assess: the rubric %s has errors\n", rubric->c_str()),
             1;
    named = NamedRubric{*rubric, std::move(*loaded.scenario)};
  }

  std::vector<Assessed> sessions;
  for (std::size_t i = 0; i < logs.size(); ++i) {
    if (logs.size() > 1)
      std::fprintf(stderr, "assess: %zu/%zu %s\n", i + 1, logs.size(), logs[i].filename().c_str());
    sessions.push_back(assessOne(logs[i], searchDirs, named ? &*named : nullptr));
    // one line per log for people: the score and how the session ended
    const Assessed& a = sessions.back();
    if (a.ok)
      std::fprintf(stderr, "assess: %s: %g of %g, %s, ended: %s\n", logs[i].filename().c_str(),
                   a.result.score, a.result.max, a.result.passed ? "passed" : "not passed",
                   a.endText.en.c_str());
    else
      std::fprintf(stderr, "assess: %s: not scored: %s\n", logs[i].filename().c_str(),
                   a.doc.value("error", std::string("unknown error")).c_str());
  }

  json out = json::array();
  for (const auto& s : sessions) out.push_back(s.doc);
  json doc = {{"sessions", out}};
  if (folder || sessions.size() > 1) doc["summary"] = classSummary(sessions);
  const std::string text = doc.dump(2) + "\n";
  if (const auto file = args->value("json")) {
    if (auto s = core::writeFileAtomic(*file, text); !s.ok())
      return std::fprintf(stderr, "practicum assess: %s\n", s.error().message.c_str()), 1;
  } else {
    std::fputs(text.c_str(), stdout);
  }
  if (const auto file = args->value("csv")) {
    std::ostringstream csv;
    csv << "log,learner,station,scenario,mode,start,score,max,passed,seconds,violations,replay,"
           "end\n";
    for (const auto& s : sessions) {
      const json& d = s.doc;
      const auto str = [&](const char* key) {
        return d.contains(key) && d[key].is_string() ? d[key].get<std::string>() : std::string();
      };
      csv << csvField(str("log")) << ',' << csvField(str("learner")) << ','
          << csvField(str("station")) << ','
          << csvField(d.contains("scenario") ? d["scenario"]["id"].get<std::string>() : "") << ','
          << str("mode") << ',' << str("start") << ',';
      if (s.ok)
        csv << s.result.score << ',' << s.result.max << ',' << (s.result.passed ? "yes" : "no")
            << ',' << s.result.seconds << ',' << s.result.violations.size() << ','
            << d["replay"]["state"].get<std::string>() << ',' << s.endReason << '\n';
      else
        csv << ",,,,," << csvField("error: " + str("error")) << ",\n";
    }
    if (auto s = core::writeFileAtomic(*file, csv.str()); !s.ok())
      return std::fprintf(stderr, "practicum assess: %s\n", s.error().message.c_str()), 1;
  }
  // HTML reports: the file for one log, else one file per log in the folder given
  if (const auto html = args->value("html")) {
    const bool many = sessions.size() > 1 || fs::is_directory(*html);
    if (many) fs::create_directories(*html);
    for (const auto& a : sessions) {
      if (!a.ok) continue;
      std::vector<std::pair<std::uint64_t, std::string>> key;
      for (const auto& e : a.events)
        if (e.kind == procedure::EventKind::Violation && e.rule < a.def->training.rules.size())
          key.emplace_back(e.tick, a.def->training.rules[e.rule].text.zhCN + " / " +
                                       a.def->training.rules[e.rule].text.en);
      key.emplace_back(
          a.log.end ? a.log.end->tick : a.result.seconds * a.log.header.tickRate,
          std::string(ui::tr(ui::Text::ReportTheEnd, ui::Language::ChineseSimplified)) + " / " +
              ui::tr(ui::Text::ReportTheEnd, ui::Language::English) + " (" + a.endReason + ")");
      std::stable_sort(key.begin(), key.end(),
                       [](const auto& x, const auto& y) { return x.first < y.first; });
      scenario::LocalizedText note =
          say("no pictures: the scenario has changed since the session, so it cannot be replayed",
              "没有图片：场景在训练之后改动过，无法重放");
      const auto moments =
          a.replayable ? renderKeyMoments(*a.def, a.log, key, note) : std::vector<KeyMoment>();
      const fs::path reportFile =
          many ? fs::path(*html) /
                     (fs::path(a.doc["log"].get<std::string>()).stem().string() + ".html")
               : fs::path(*html);
      const std::string page =
          htmlReport(*a.def, a.log, a.result, a.events,
                     {a.doc["replay"]["state"].get<std::string>(), a.replayState}, a.endText,
                     moments, moments.empty() ? note : scenario::LocalizedText{});
      if (auto w = core::writeFileAtomic(reportFile, page); !w.ok())
        return std::fprintf(stderr, "practicum assess: %s\n", w.error().message.c_str()), 1;
      std::fprintf(stderr, "assess: report %s\n", reportFile.string().c_str());
    }
  }
  // a damaged log or one that cannot be scored fails the command
  return std::all_of(sessions.begin(), sessions.end(), [](const Assessed& a) { return a.ok; }) ? 0
                                                                                               : 1;
}

}  // namespace practicum::app
