// `practicum verify` and `practicum replay`: what assessors run on a session log.
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <optional>

#include <practicum/core/interrupt.hpp>
#include <practicum/present/review.hpp>
#include <practicum/present/scene_presenter.hpp>
#include <practicum/record/log.hpp>
#include <practicum/record/replay.hpp>
#include <practicum/record/station_key.hpp>
#include <practicum/scenario/find_scenario.hpp>
#include <practicum/scenario/scenario.hpp>
#include <practicum/ui/hud.hpp>

#include "args.hpp"
#include "commands.hpp"
#include "host.hpp"

namespace practicum::app {

const char* const kVerifyUsage =
    "usage: practicum verify <log> [--station-key KEY] [--repair] [--lang en|zh-CN]\n"
    "\n"
    "Checks a session log's format, hash chain and station signature. Prints \"ok\" (and the\n"
    "key that signed it) or the first bad record by index and byte offset; exits 1 when the log\n"
    "is damaged or was edited.\n"
    "  --station-key KEY  also require that the log is complete and signed by this station:\n"
    "                     its public key as 64 hex digits, or its .pub (or key) file\n"
    "  --repair           cut off a torn last record (what a crash while writing leaves);\n"
    "                     any other damage is refused and left as it is\n"
    "  --lang L           the messages' language: en (the default) or zh-CN\n";

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
    "usage: practicum replay <log> [options]\n"
    "\n"
    "Re-simulates a session from its log, checks every checkpoint's state hash, and (with a\n"
    "display) opens the review: a timeline with the steps (green), violations (red) and faults\n"
    "(orange), play/pause, speed 0.25x-16x, previous/next event, an event list to click, the\n"
    "score, and the learner's own view or a free camera.\n"
    "  --verify        say \"verified\" or name the first diverging tick; exit 1 if it diverges\n"
    "  --headless      no window: check and print only\n"
    "  --scenarios DIR a folder of scenarios to search for the log's scenario (by its id and\n"
    "                  content hash); repeatable, searched in order, then the folders in\n"
    "                  $PRACTICUM_SCENARIOS (separated by ':'), then scenarios/\n"
    "  --scenario DIR  the scenario the log was recorded on (instead of searching)\n"
    "  --at SECONDS    open paused at this session time\n"
    "  --event K       open paused at the K-th event of the list (0 = the first)\n"
    "  --speed X       playback speed (default 1)\n"
    "  --lang en|zh-CN language of the review (default en)\n"
    "  --frames N      draw N frames, then leave (with --screenshot: for tests)\n"
    "  --screenshot F  save the last frame as a PNG\n"
    "  --input-script F  input events by frame, as if typed and clicked (docs/input-script.md)\n"
    "  --width W --height H, --gpu NAME, --validation: as for run\n";

int verifyCommand(const std::vector<std::string>& argv) {
  auto args = Args::parse(argv, {"repair"}, {"station-key", "lang"});
  if (!args.ok() || args->positionals().size() != 1) {
    std::fprintf(stderr, "practicum verify: %s\n%s",
                 args.ok() ? "expected one log" : args.error().message.c_str(), kVerifyUsage);
    return 2;
  }
  scenario::Language language = scenario::Language::English;
  if (!readLanguage(*args, "practicum verify", language)) return 2;
  const bool zh = language == scenario::Language::ChineseSimplified;
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
  record::VerifyReport report;
  record::LogContents log = record::readLog(file, report);
  if (!report.ok && report.tornTail && args->has("repair")) {
    std::printf("%s\n", report.messageIn(language).c_str());
    if (const core::Status cut = record::cutTornTail(file); !cut.ok()) {
      std::printf("%s\n", cut.error().message.c_str());
      return 1;
    }
    std::printf(zh ? "%s：已截掉第 %llu 字节处不完整的最后一条记录\n"
                   : "%s: cut off the torn last record at byte %llu\n",
                file.c_str(), static_cast<unsigned long long>(*report.badOffset));
    log = record::readLog(file, report);
  }
  if (!report.ok) {
    std::printf("%s\n", report.messageIn(language).c_str());
    return 1;
  }
  if (zh) {
    const std::string ended =
        log.end
            ? std::string("，结束：") +
                  ui::endReasonText(static_cast<procedure::EndReason>(log.end->reason), language)
            : "，没有结束记录（会话未结束：仍在进行，或程序被终止或崩溃）";
    std::printf("%s：校验无误，%llu 条记录%s，%s\n", file.c_str(),
                static_cast<unsigned long long>(report.records), ended.c_str(),
                report.signedBy
                    ? ("由工位密钥 " + record::toHex(*report.signedBy) + " 签署").c_str()
                    : "未签名");
  }
  // how the session ended: its end record's reason, or that it has none
  const std::string ended =
      log.end ? std::string(", ended: ") +
                    procedure::toString(static_cast<procedure::EndReason>(log.end->reason))
              : ", no end record (the session did not finish: still running, or the program was "
                "killed or crashed)";
  if (!zh)
    std::printf("%s: ok, %llu records%s%s\n", file.c_str(),
                static_cast<unsigned long long>(report.records), ended.c_str(),
                report.signedBy
                    ? (", signed by station key " + record::toHex(*report.signedBy)).c_str()
                    : ", not signed");
  if (expected && report.signedBy != expected) {
    const scenario::LocalizedText why =
        report.signedBy ? scenario::say("signed by another station's key, not the one given",
                                        "由另一个工位的密钥签署，不是所给的那个")
        : report.complete
            ? scenario::say("not signed: cannot be attributed to the station given",
                            "未签名：无法认定来自所给的工位")
            : scenario::say(
                  "no end record, so no signature: cannot be attributed to the station "
                  "given",
                  "没有结束记录，因而没有签名：无法认定来自所给的工位");
    std::printf(zh ? "%s：%s\n" : "%s: %s\n", file.c_str(), why.in(language).c_str());
    return 1;
  }
  return 0;
}

int replayCommand(const std::vector<std::string>& argv) {
  auto args = Args::parse(argv, {"headless", "verify", "validation"},
                          {"scenario", "scenarios", "at", "event", "speed", "lang", "frames",
                           "screenshot", "width", "height", "gpu", "input-script"});
  if (!args.ok() || args->positionals().size() != 1) {
    std::fprintf(stderr, "practicum replay: %s\n%s",
                 args.ok() ? "expected one log" : args.error().message.c_str(), kReplayUsage);
    return 2;
  }
  const std::filesystem::path file = args->positionals()[0];
  scenario::Language language = scenario::Language::English;
  if (!readLanguage(*args, "practicum replay", language)) return 2;
  const bool zh = language == scenario::Language::ChineseSimplified;

  // the log, verified: a damaged log is not replayed
  record::VerifyReport check;
  const record::LogContents log = record::readLog(file, check);
  if (!check.ok) {
    std::fprintf(stderr, "practicum replay: %s\n", check.messageIn(language).c_str());
    return 1;
  }

  // the scenario it was recorded on, the very same content: named, or found by id and hash
  std::filesystem::path folder;
  if (const auto named = args->value("scenario")) {
    folder = *named;
  } else {
    const auto found = scenario::findScenario(
        log.header.scenarioId, scenario::scenarioSearchPath(args->paths("scenarios")),
        log.header.scenarioHash);
    if (!found.ok()) {
      std::fprintf(stderr, "practicum replay: %s (use --scenarios DIR or --scenario DIR)\n",
                   found.error().message.c_str());
      return 1;
    }
    folder = *found;
  }
  scenario::LoadResult loaded = scenario::loadScenario(folder);
  for (const auto& d : loaded.diagnostics) std::fprintf(stderr, "%s\n", d.format(language).c_str());
  if (!loaded.ok()) {
    std::fprintf(stderr,
                 "practicum replay: cannot load the scenario \"%s\" from %s (use --scenarios DIR "
                 "or --scenario DIR)\n",
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
  std::printf("%s: %s\n", file.string().c_str(), replayed->messageIn(language).c_str());
  if (zh)
    std::printf("结果：%g / %g，%s，结束：%s\n", replayed->result.score, replayed->result.max,
                replayed->result.passed ? "通过" : "未通过",
                log.end ? ui::endReasonText(replayed->result.end, language)
                        : "没有结束记录（日志到此为止）");
  else
    std::printf("result: %g of %g, %s, ended: %s\n", replayed->result.score, replayed->result.max,
                replayed->result.passed ? "passed" : "not passed",
                log.end ? procedure::toString(replayed->result.end)
                        : "no end record (the log stops there)");
  if (args->has("verify") && !replayed->verified) return 1;
  if (args->has("headless")) return 0;

  // the review window, when there is a display
  present::ReviewConfig config;
  config.log = &log;
  config.scenario = &*loaded.scenario;
  config.report = &*replayed;
  auto at = args->number("at", 0);
  auto event = args->number("event", 0);
  auto speed = args->number("speed", 1);
  auto frames = args->number("frames", 0);
  auto width = args->number("width", 1280);
  auto height = args->number("height", 720);
  for (const auto* r : {&at, &event, &speed, &frames, &width, &height})
    if (!r->ok())
      return std::fprintf(stderr, "practicum replay: %s\n", r->error().message.c_str()), 2;
  if (*event < 0 || *event != std::floor(*event) || *frames < 0 || *speed < 0.25 || *speed > 16 ||
      *width < 16 || *height < 16 || *width > 8192 || *height > 8192)
    return std::fprintf(stderr,
                        "practicum replay: --event and --frames are whole numbers >= 0, --speed "
                        "0.25..16, --width/--height 16..8192\n"),
           2;
  if (args->value("at")) config.at = *at;
  if (args->value("event")) config.event = static_cast<std::size_t>(*event);
  config.speed = *speed;
  config.language = language;
  std::optional<present::InputScript> script;
  if (!loadInputScript("practicum replay", args->value("input-script").value_or(""), script))
    return 2;
  const std::filesystem::path screenshot = args->value("screenshot").value_or("");
  auto window = render::Window::create({"Practicum replay - " + file.filename().string(),
                                        static_cast<std::uint32_t>(*width),
                                        static_cast<std::uint32_t>(*height)});
  if (!window.ok()) {
    std::fprintf(stderr, "practicum replay: %s; no review window\n",
                 window.error().message.c_str());
    return 0;
  }
  present::ViewerOptions vo;
  vo.gpu = args->value("gpu").value_or("");
  vo.validation = args->has("validation");
  vo.language = config.language;
  vo.glyphText = present::scenarioGlyphs(*loaded.scenario);
  vo.uiMap = uiMapFromEnvironment();
  auto viewer = present::Viewer::create(std::move(*window), vo);
  if (!viewer.ok())
    return std::fprintf(stderr, "practicum replay: %s\n", viewer.error().message.c_str()), 1;
  auto review = present::ReviewMode::create(config, **viewer);
  if (!review.ok())
    return std::fprintf(stderr, "practicum replay: %s\n", review.error().message.c_str()), 1;
  if (auto handlers = core::installInterruptHandlers(); !handlers.ok())
    return std::fprintf(stderr, "practicum replay: %s\n", handlers.error().message.c_str()), 1;

  // the host's loop: the review's frames until it is closed (or --frames are drawn)
  HostOptions host;
  host.frames = static_cast<int>(*frames);
  host.capture = !screenshot.empty();
  host.script = script ? &*script : nullptr;
  const HostResult result = runMode(**viewer, **review, host);
  if (!result.error.empty())
    return std::fprintf(stderr, "practicum replay: %s\n", result.error.c_str()), 1;
  if (!(*review)->error().empty())
    return std::fprintf(stderr, "practicum replay: %s\n", (*review)->error().c_str()), 1;
  if (!screenshot.empty()) {
    if (result.image.rgba.empty())
      return std::fprintf(stderr, "practicum replay: no frame was captured for the screenshot\n"),
             1;
    if (auto s = render::writePng(screenshot, result.image); !s.ok())
      return std::fprintf(stderr, "practicum replay: %s\n", s.error().message.c_str()), 1;
    std::printf("screenshot: %s\n", screenshot.string().c_str());
  }
  if ((*viewer)->validationErrors() > 0)
    return std::fprintf(stderr, "practicum replay: %u Vulkan validation error(s) (see above)\n",
                        (*viewer)->validationErrors()),
           1;
  return result.signal != 0 ? core::interruptExitCode(result.signal) : 0;
}

}  // namespace practicum::app
