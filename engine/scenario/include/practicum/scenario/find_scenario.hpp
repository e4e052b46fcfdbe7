#pragma once
/// Where scenarios are found: a session log names its scenario by id and content hash, and the
/// folder holding it is looked up along a search path of folders (docs/scenario-format.md, "How
/// scenarios are found").
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <practicum/core/result.hpp>

namespace practicum::scenario {

/// The environment variable that lists more folders to search, separated by ':' (like PATH).
inline constexpr const char* kScenarioPathVariable = "PRACTICUM_SCENARIOS";
/// The folder searched last, relative to the current folder.
inline constexpr const char* kDefaultScenarioFolder = "scenarios";

/// The folders to search, in order: `given` (the command line's `--scenarios DIR`s, in order),
/// then the folders of `envList` (separated by ':'; empty entries are skipped), then
/// `scenarios` (kDefaultScenarioFolder). Nothing is checked to exist.
std::vector<std::filesystem::path> scenarioSearchPath(
    const std::vector<std::filesystem::path>& given, std::string_view envList);

/// scenarioSearchPath(given, envList) with envList read from the environment variable
/// PRACTICUM_SCENARIOS (unset or empty: no folders from it).
std::vector<std::filesystem::path> scenarioSearchPath(
    const std::vector<std::filesystem::path>& given);

/// The top-level "id" of a scenario.json, read cheaply: the file is parsed only up to the id.
/// nullopt when the file cannot be read, is larger than `maxBytes`, is not JSON as far as the
/// id, or has no string "id" at the top level. Never throws.
std::optional<std::string> readScenarioId(const std::filesystem::path& scenarioJson,
                                          std::uint64_t maxBytes = 4ull * 1024 * 1024);

/// The folder of the scenario whose id is `id`, searched in `searchDirs` in order. In each
/// folder DIR, a candidate is a folder whose scenario.json has that "id": first `DIR/<id>`,
/// then DIR itself, then every other immediate subfolder of DIR in name order (so a folder
/// named differently from its id is found too). A scenario.json that cannot be read as far as
/// its id is skipped. Of all candidates, the first whose content hash (core::fnv1a64 of the
/// file's bytes, as ScenarioDef::contentHash) equals `preferHash` is returned, otherwise the
/// first. Error NotFound names the id and every folder searched; InvalidArgument when `id` is
/// not a scenario id ([a-z0-9-]+). Never throws.
core::Result<std::filesystem::path> findScenario(
    std::string_view id, const std::vector<std::filesystem::path>& searchDirs,
    std::optional<std::uint64_t> preferHash = std::nullopt);

/// What a command line's scenario argument names: `given` itself when it is a file or folder
/// that exists (a scenario folder or its scenario.json), otherwise, when `given` is a scenario
/// id, the folder findScenario(given, searchDirs) finds; otherwise `given` as it is (loading it
/// then says it does not exist). Error NotFound when `given` is an id that no folder of
/// `searchDirs` has. Never throws.
core::Result<std::filesystem::path> resolveScenario(
    const std::string& given, const std::vector<std::filesystem::path>& searchDirs);

}  // namespace practicum::scenario
