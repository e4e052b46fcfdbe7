// `practicum export xapi <log> --out statements.json`: a session as xAPI statements for a
// school's learning record store.
#include <cstdio>

#include <nlohmann/json.hpp>

#include <practicum/core/file_io.hpp>
#include <practicum/core/hash.hpp>
#include <practicum/core/time.hpp>
#include <practicum/record/log.hpp>
#include <practicum/record/replay.hpp>
#include <practicum/scenario/find_scenario.hpp>
#include <practicum/scenario/scenario.hpp>

#include "args.hpp"
#include "commands.hpp"

namespace practicum::app {

const char* const kExportUsage =
    "usage: practicum export xapi <log> --out statements.json [--scenarios DIR]\n"
    "                              [--home-page URL] [--activity-base IRI]\n"
    "\n"
    "Writes the session as xAPI statements: the learner as an account with the pseudonym,\n"
    "ADL verbs, an activity per scenario, step and rule, results with score, success and\n"
    "duration, a registration id per session, timestamps in UTC with milliseconds.\n"
    "  --scenarios DIR      a folder of scenarios to search for the log's scenario (by its id\n"
    "                       and content hash); repeatable, searched in order, then the folders\n"
    "                       in $PRACTICUM_SCENARIOS (separated by ':'), then scenarios/\n"
    "  --home-page URL      the account's home page (default https://practicum.invalid/learners)\n"
    "  --activity-base IRI  prefix of activity ids (default urn:practicum)\n";

namespace {

using nlohmann::json;

std::string isoDuration(double seconds) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "PT%.3fS", seconds);
  return buf;
}

// a UUID (version 4 layout) derived from a string, so the same log always gives the same ids
std::string uuidFrom(const std::string& seed) {
  const std::uint64_t a = core::fnv1a64(seed + "/a"), b = core::fnv1a64(seed + "/b");
  char buf[40];
  std::snprintf(buf, sizeof buf, "%08x-%04x-4%03x-%04x-%012llx", unsigned(a >> 32),
                unsigned((a >> 16) & 0xffff), unsigned(a & 0xfff),
                unsigned(0x8000 | ((b >> 48) & 0x3fff)),
                static_cast<unsigned long long>(b & 0xffffffffffffull));
  return buf;
}

const char* const kAdl = "http://adlnet.gov/expapi/verbs/";

json verb(const std::string& name) {
  return {{"id", kAdl + name}, {"display", {{"en-US", name}, {"zh-CN", name}}}};
}

json activity(const std::string& id, const scenario::LocalizedText& name, const char* type) {
  return {{"objectType", "Activity"},
          {"id", id},
          {"definition",
           {{"name", {{"en-US", name.en}, {"zh-CN", name.zhCN}}},
            {"type", std::string("http://adlnet.gov/expapi/activities/") + type}}}};
}

}  // namespace

int exportCommand(const std::vector<std::string>& argv) {
  auto args = Args::parse(argv, {}, {"out", "scenarios", "home-page", "activity-base"});
  if (!args.ok() || args->positionals().size() != 2 || args->positionals()[0] != "xapi" ||
      !args->value("out")) {
    std::fprintf(
        stderr, "practicum export: %s\n%s",
        args.ok() ? "expected: export xapi <log> --out FILE" : args.error().message.c_str(),
        kExportUsage);
    return 2;
  }
  const std::string file = args->positionals()[1];
  record::VerifyReport check;
  const record::LogContents log = record::readLog(file, check);
  if (!check.ok) {
    std::fprintf(stderr, "practicum export: %s\n", check.message.c_str());
    return 1;
  }
  // the scenario it was recorded on, found by id and content hash along the search path
  const auto found = scenario::findScenario(log.header.scenarioId,
                                            scenario::scenarioSearchPath(args->paths("scenarios")),
                                            log.header.scenarioHash);
  if (!found.ok()) {
    std::fprintf(stderr, "practicum export: %s\n", found.error().message.c_str());
    return 1;
  }
  const std::filesystem::path& folder = *found;
  scenario::LoadResult loaded = scenario::loadScenario(folder);
  if (!loaded.ok() || loaded.scenario->contentHash != log.header.scenarioHash) {
    std::fprintf(stderr, "practicum export: the scenario \"%s\" in %s is missing or has changed\n",
                 log.header.scenarioId.c_str(), folder.string().c_str());
    return 1;
  }
  const auto& def = *loaded.scenario;
  auto replayed = record::replayLog(log, def);
  if (!replayed.ok()) {
    std::fprintf(stderr, "practicum export: %s\n", replayed.error().message.c_str());
    return 1;
  }
  const procedure::SessionResult& result = replayed->result;

  // who, which session, what
  const std::string homePage =
      args->value("home-page").value_or("https://practicum.invalid/learners");
  const std::string base = args->value("activity-base").value_or("urn:practicum");
  const double tickSeconds = 1.0 / log.header.tickRate;
  const std::string sessionKey = log.header.scenarioId + "/" + log.header.learner + "/" +
                                 std::to_string(log.header.startUnixMs);
  const std::string registration = uuidFrom(sessionKey);
  const json actor = {{"objectType", "Agent"},
                      {"account", {{"homePage", homePage}, {"name", log.header.learner}}}};
  const std::string scenarioId = base + ":scenario:" + def.meta.id;
  const json scenarioActivity = activity(scenarioId, def.meta.title, "simulation");
  const std::string ext = "https://practicum.invalid/xapi/extensions/";
  int n = 0;
  const auto statement = [&](const std::string& verbName, const json& object, std::uint64_t tick,
                             json resultPart, json extra) {
    json context = {{"registration", registration},
                    {"platform", "Practicum"},
                    {"contextActivities", {{"parent", json::array({scenarioActivity})}}},
                    {"extensions", {{ext + "tick", tick}}}};
    for (auto& [k, v] : extra.items()) context["extensions"][ext + k] = v;
    json s = {{"id", uuidFrom(sessionKey + "/" + std::to_string(n++))},
              {"actor", actor},
              {"verb", verb(verbName)},
              {"object", object},
              {"context", context},
              {"timestamp",
               core::isoTimeUtc(log.header.startUnixMs +
                                static_cast<std::int64_t>(double(tick) * tickSeconds * 1000.0))}};
    if (!resultPart.is_null()) s["result"] = resultPart;
    return s;
  };

  json statements = json::array();
  statements.push_back(statement("initialized", scenarioActivity, 0, nullptr,
                                 {{"mode", log.header.mode == 1 ? "exam" : "practice"}}));
  for (const auto& e : replayed->events) {
    const double at = double(e.tick) * tickSeconds;
    if (e.kind == procedure::EventKind::StepCompleted && e.subject < def.training.steps.size()) {
      const auto& step = def.training.steps[e.subject];
      const auto& sr = result.steps[e.subject];
      statements.push_back(statement(
          "completed", activity(scenarioId + ":step:" + step.id, step.text, "interaction"), e.tick,
          {{"completion", true},
           {"success", true},
           {"duration", isoDuration(sr.duration)},
           {"score", {{"raw", sr.points}, {"min", 0}, {"max", sr.maxPoints}}}},
          {{"attempts", sr.attempts}}));
    } else if (e.kind == procedure::EventKind::Violation && e.rule < def.training.rules.size()) {
      const auto& rule = def.training.rules[e.rule];
      statements.push_back(statement(
          "failed", activity(scenarioId + ":rule:" + rule.id, rule.text, "interaction"), e.tick,
          {{"success", false}, {"duration", isoDuration(at)}}, {{"rule", rule.id}}));
    }
  }
  const std::uint64_t endTick = log.end ? log.end->tick : replayed->ticks;
  const double scaled = result.max > 0 ? result.score / result.max : 0.0;
  statements.push_back(statement(
      result.passed ? "passed" : "failed", scenarioActivity, endTick,
      {{"score", {{"raw", result.score}, {"min", 0}, {"max", result.max}, {"scaled", scaled}}},
       {"success", result.passed},
       {"completion", result.end == procedure::EndReason::Completed},
       {"duration", isoDuration(result.seconds)}},
      {{"end", procedure::toString(result.end)}}));
  statements.push_back(statement("terminated", scenarioActivity, endTick, nullptr, json::object()));

  if (auto w = core::writeFileAtomic(*args->value("out"), statements.dump(2) + "\n"); !w.ok()) {
    std::fprintf(stderr, "practicum export: %s\n", w.error().message.c_str());
    return 1;
  }
  std::printf("%zu statements: %s\n", statements.size(), args->value("out")->c_str());
  return 0;
}

}  // namespace practicum::app
