#pragma once
/// Helpers shared by every test executable.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace practicum::test {

/// Root of the source tree (holds scenarios/, assets/, tests/).
std::filesystem::path sourceDir();
/// Root of the build tree (holds bin/).
std::filesystem::path binaryDir();
/// Folder of a bundled scenario, e.g. scenarioDir("workbench").
std::filesystem::path scenarioDir(const std::string& name);
/// A copy of a bundled scenario's folder (with its runs) in `dir`, to edit: the editor's
/// recovery files a killed editor left in the source tree stay behind. Returns the copy.
std::filesystem::path copyOfScenario(const std::string& name, const std::filesystem::path& dir);
/// The external model corpus from $PRACTICUM_MODEL_CORPUS, if set and present.
std::optional<std::filesystem::path> modelCorpus();
/// A fresh empty temporary folder for one test, removed at process exit is not guaranteed.
std::filesystem::path makeTempDir(const std::string& tag);

/// An English word left in a message shown in Chinese, or "": what is left after the names it
/// quotes (“…”, "…", `…`), paths, file names and numbers (anything with . / _ [ ] or a digit)
/// and the words JSON writes (true, false, null) are taken out. Designations (QF1) and
/// abbreviations (JSON, BOM, ASCII) are upper case and stay.
std::string untranslatedWordIn(std::string_view chinese);

/// Number of engine log messages at error level since the test started.
int engineErrorCount();
/// Lets the current test log engine errors without failing (for tests of error paths).
void allowEngineErrors();

}  // namespace practicum::test
