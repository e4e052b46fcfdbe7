// `practicum verify` and `practicum replay`: what assessors run on a session log.
#include <cstdio>
#include <filesystem>

#include <practicum/record/log.hpp>
#include <practicum/record/replay.hpp>
#include <practicum/scenario/scenario.hpp>

#include "args.hpp"
#include "commands.hpp"

namespace practicum::app {

const char* const kVerifyUsage =
    "usage: practicum verify <log>\n"
    "\n"
    "Checks a session log's format and hash chain. Prints \"ok\" or the first bad record by\n"
    "index and byte offset; exits 1 when the log is damaged or was edited.\n";

const char* const kReplayUsage =
    "usage: practicum replay <log> [--headless] [--verify] [--scenario DIR]\n"
    "\n"
    "Re-simulates a session from its log and checks every checkpoint's state hash.\n"
    "  --verify        say \"verified\" or name the first diverging tick; exit 1 if it diverges\n"
    "  --headless      no window (the only mode so far)\n"
    "  --scenario DIR  the scenario the log was recorded on (default: scenarios/<id>)\n";

int verifyCommand(const std::vector<std::string>& argv) {
  auto args = Args::parse(argv, {}, {});
  if (!args.ok() || args->positionals().size() != 1) {
    std::fprintf(stderr, "practicum verify: %s\n%s",
                 args.ok() ? "expected one log" : args.error().message.c_str(), kVerifyUsage);
    return 2;
  }
  const record::VerifyReport report = record::verifyLog(args->positionals()[0]);
  if (report.ok) {
    std::printf("%s: ok, %llu records\n", args->positionals()[0].c_str(),
                static_cast<unsigned long long>(report.records));
    return 0;
  }
  std::printf("%s\n", report.message.c_str());
  return 1;
}

int replayCommand(const std::vector<std::string>& argv) {
  auto args = Args::parse(argv, {"headless", "verify"}, {"scenario"});
  if (!args.ok() || args->positionals().size() != 1) {
    std::fprintf(stderr, "practicum replay: %s\n%s",
                 args.ok() ? "expected one log" : args.error().message.c_str(), kReplayUsage);
    return 2;
  }
  const std::filesystem::path file = args->positionals()[0];

  // the log, verified: a damaged log is not replayed
  record::VerifyReport check;
  const record::LogContents log = record::readLog(file, check);
  if (!check.ok) {
    std::fprintf(stderr, "practicum replay: %s\n", check.message.c_str());
    return 1;
  }

  // the scenario it was recorded on, the very same content
  const std::filesystem::path folder =
      args->value("scenario").value_or("scenarios/" + log.header.scenarioId);
  scenario::LoadResult loaded = scenario::loadScenario(folder);
  for (const auto& d : loaded.diagnostics) std::fprintf(stderr, "%s\n", d.format().c_str());
  if (!loaded.ok()) {
    std::fprintf(stderr,
                 "practicum replay: cannot load the scenario \"%s\" from %s (use --scenario)\n",
                 log.header.scenarioId.c_str(), folder.string().c_str());
    return 1;
  }
  if (loaded.scenario->meta.id != log.header.scenarioId ||
      loaded.scenario->contentHash != log.header.scenarioHash) {
    std::fprintf(stderr,
                 "practicum replay: %s is not the scenario this log was recorded on (id or content "
                 "changed); an exact replay needs the same scenario file\n",
                 loaded.scenario->file.string().c_str());
    return 1;
  }

  auto replayed = record::replayLog(log, *loaded.scenario);
  if (!replayed.ok()) {
    std::fprintf(stderr, "practicum replay: %s\n", replayed.error().message.c_str());
    return 1;
  }
  std::printf("%s: %s\n", file.string().c_str(), replayed->message.c_str());
  std::printf("result: %g of %g, %s\n", replayed->result.score, replayed->result.max,
              replayed->result.passed ? "passed" : "not passed");
  return args->has("verify") && !replayed->verified ? 1 : 0;
}

}  // namespace practicum::app
