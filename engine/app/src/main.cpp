// `practicum`: the learner's player and the command-line front.
#include <cstdio>
#include <string>
#include <vector>

#include "commands.hpp"

namespace {
constexpr const char* kUsage =
    "usage: practicum <command> [options]\n"
    "\n"
    "commands:\n"
    "  run <scenario>       load, simulate and show a scenario (window, or --headless)\n"
    "  validate <scenario>  check a scenario and every model it uses; exit 1 on errors\n"
    "  verify <log>         check a session log's hash chain; exit 1 if damaged or edited\n"
    "  replay <log>         re-simulate a session from its log (--verify checks every hash)\n"
    "  assess <log|dir>...  score session logs; a class summary and CSV for several\n"
    "  export xapi <log>    write the session as xAPI statements (--out FILE)\n"
    "  sessions             list and filter the session catalogue of a log folder\n"
    "  station-key          create or show this station's log signing key\n"
    "\n"
    "practicum <command> --help shows a command's options.\n";
}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    std::fputs(kUsage, args.empty() ? stderr : stdout);
    return args.empty() ? 2 : 0;
  }
  if (args[0] == "--version") {
    std::printf("practicum %s\n", PRACTICUM_VERSION);
    return 0;
  }
  const std::string command = args[0];
  args.erase(args.begin());
  const bool help = !args.empty() && (args[0] == "--help" || args[0] == "-h");
  if (command == "run") {
    if (help) return std::fputs(practicum::app::kRunUsage, stdout), 0;
    return practicum::app::runCommand(args);
  }
  if (command == "export") {
    if (help) return std::fputs(practicum::app::kExportUsage, stdout), 0;
    return practicum::app::exportCommand(args);
  }
  if (command == "assess") {
    if (help) return std::fputs(practicum::app::kAssessUsage, stdout), 0;
    return practicum::app::assessCommand(args);
  }
  if (command == "sessions") {
    if (help) return std::fputs(practicum::app::kSessionsUsage, stdout), 0;
    return practicum::app::sessionsCommand(args);
  }
  if (command == "verify") {
    if (help) return std::fputs(practicum::app::kVerifyUsage, stdout), 0;
    return practicum::app::verifyCommand(args);
  }
  if (command == "replay") {
    if (help) return std::fputs(practicum::app::kReplayUsage, stdout), 0;
    return practicum::app::replayCommand(args);
  }
  if (command == "station-key") {
    if (help) return std::fputs(practicum::app::kStationKeyUsage, stdout), 0;
    return practicum::app::stationKeyCommand(args);
  }
  if (command == "validate") {
    if (help) return std::fputs(practicum::app::kValidateUsage, stdout), 0;
    return practicum::app::validateCommand(args);
  }
  std::fprintf(stderr, "practicum: unknown command \"%s\"\n\n%s", command.c_str(), kUsage);
  return 2;
}
