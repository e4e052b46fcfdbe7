// `practicum verify` and `practicum replay`: what assessors run on a session log.
#include <cstdio>
#include <filesystem>
#include <optional>

#include <practicum/record/log.hpp>
#include <practicum/record/replay.hpp>
#include <practicum/record/station_key.hpp>
#include <practicum/scenario/scenario.hpp>

#include "args.hpp"
#include "commands.hpp"

namespace practicum::app {

const char* const kVerifyUsage =
    "usage: practicum verify <log> [--station-key KEY] [--repair]\n"
    "\n"
    "Checks a session log's format, hash chain and station signature. Prints \"ok\" (and the\n"
    "key that signed it) or the first bad record by index and byte offset; exits 1 when the log\n"
    "is damaged or was edited.\n"
    "  --station-key KEY  also require that the log is complete and signed by this station:\n"
    "                     its public key as 64 hex digits, or its .pub (or key) file\n"
    "  --repair           cut off a torn last record (what a crash while writing leaves);\n"
    "                     any other damage is refused and left as it is\n";

const char* const kStationKeyUsage =
    "usage: practicum station-key [--key FILE]\n"
    "\n"
    "Creates this station's Ed25519 signing key if there is none, and prints its public key.\n"
    "`practicum run --station-key FILE` (or PRACTICUM_STATION_KEY=FILE) signs the end of every\n"
    "log with it; give assessors FILE.pub to check logs with `verify --station-key`.\n"
    "  --key FILE  the key file (default ~/.local/share/practicum/station.key); readable by its\n"
    "              owner only, never overwritten\n";

int stationKeyCommand(const std::vector<std::string>& argv) {
  auto args = Args::parse(argv, {}, {"key"});
  if (!args.ok() || !args->positionals().empty()) {
    std::fprintf(stderr, "practicum station-key: %s\n%s",
                 args.ok() ? "unexpected argument" : args.error().message.c_str(),
                 kStationKeyUsage);
    return 2;
  }
  const std::filesystem::path file =
      args->value("key").value_or(record::defaultStationKeyFile().string());
  std::error_code ec;
  const bool exists = std::filesystem::exists(file, ec);
  auto key = exists ? record::StationKey::load(file) : record::StationKey::create(file);
  if (!key.ok()) {
    std::fprintf(stderr, "practicum station-key: %s\n", key.error().message.c_str());
    return 1;
  }
  std::printf("%s key %s\npublic key %s (also in %s.pub)\n", exists ? "existing" : "new",
              file.string().c_str(), record::toHex(key->publicKey()).c_str(),
              file.string().c_str());
  return 0;
}

const char* const kReplayUsage =
    "usage: practicum replay <log> [--headless] [--verify] [--scenario DIR]\n"
    "\n"
    "Re-simulates a session from its log and checks every checkpoint's state hash.\n"
    "  --verify        say \"verified\" or name the first diverging tick; exit 1 if it diverges\n"
    "  --headless      no window (the only mode so far)\n"
    "  --scenario DIR  the scenario the log was recorded on (default: scenarios/<id>)\n";

int verifyCommand(const std::vector<std::string>& argv) {
  auto args = Args::parse(argv, {"repair"}, {"station-key"});
  if (!args.ok() || args->positionals().size() != 1) {
    std::fprintf(stderr, "practicum verify: %s\n%s",
                 args.ok() ? "expected one log" : args.error().message.c_str(), kVerifyUsage);
    return 2;
  }
  std::optional<record::StationPublicKey> expected;
  if (const auto key = args->value("station-key")) {
    auto read = record::readPublicKey(*key);
    if (!read.ok()) {
      std::fprintf(stderr, "practicum verify: %s\n", read.error().message.c_str());
      return 2;
    }
    expected = *read;
  }
  const std::string& file = args->positionals()[0];
  record::VerifyReport report = record::verifyLog(file);
  if (!report.ok && report.tornTail && args->has("repair")) {
    std::printf("%s\n", report.message.c_str());
    if (const core::Status cut = record::cutTornTail(file); !cut.ok()) {
      std::printf("%s\n", cut.error().message.c_str());
      return 1;
    }
    std::printf("%s: cut off the torn last record at byte %llu\n", file.c_str(),
                static_cast<unsigned long long>(*report.badOffset));
    report = record::verifyLog(file);
  }
  if (!report.ok) {
    std::printf("%s\n", report.message.c_str());
    return 1;
  }
  std::printf(
      "%s: ok, %llu records%s%s\n", file.c_str(), static_cast<unsigned long long>(report.records),
      report.complete ? "" : ", no end record (the session did not finish)",
      report.signedBy ? (", signed by station key " + record::toHex(*report.signedBy)).c_str()
                      : ", not signed");
  if (expected && report.signedBy != expected) {
    std::printf("%s: %s\n", file.c_str(),
                report.signedBy ? "signed by another station's key, not the one given"
                : report.complete
                    ? "not signed: cannot be attributed to the station given"
                    : "no end record, so no signature: cannot be attributed to the station given");
    return 1;
  }
  return 0;
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
