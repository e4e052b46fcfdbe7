#pragma once
// The subcommands of `practicum`. Each returns the process exit code: 0 success, 1 failure,
// 2 bad usage; `run` 128 + the signal when SIGINT, SIGTERM or SIGHUP interrupted its session.
// Messages go to stdout (results) and stderr (problems).
#include <string>
#include <vector>

namespace practicum::app {

/// `practicum run <scenario> [--headless] [--seconds S] [--screenshot out.png] ...`
int runCommand(const std::vector<std::string>& args);
/// `practicum validate <scenario> [--no-models]`
int validateCommand(const std::vector<std::string>& args);

/// `practicum verify <log> [--station-key KEY]`
int verifyCommand(const std::vector<std::string>& args);
/// `practicum station-key [--key FILE]`
int stationKeyCommand(const std::vector<std::string>& args);
/// `practicum replay <log> [--headless] [--verify]`
int replayCommand(const std::vector<std::string>& args);

/// `practicum assess <log|dir>... [--json out.json] [--csv out.csv]`
int assessCommand(const std::vector<std::string>& args);

/// `practicum export xapi <log> --out statements.json`
int exportCommand(const std::vector<std::string>& args);

/// `practicum sessions [--log-dir DIR] [--db FILE] [--rebuild] [--learner X] ... [--json]`
int sessionsCommand(const std::vector<std::string>& args);

/// Usage texts.
extern const char* const kSessionsUsage;
extern const char* const kExportUsage;
extern const char* const kAssessUsage;
extern const char* const kVerifyUsage;
extern const char* const kStationKeyUsage;
extern const char* const kReplayUsage;
/// Usage text of run.
extern const char* const kRunUsage;
/// Usage text of validate.
extern const char* const kValidateUsage;

}  // namespace practicum::app
