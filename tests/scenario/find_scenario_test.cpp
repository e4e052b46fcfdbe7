// Where scenarios are found: the search path (--scenarios DIRs, PRACTICUM_SCENARIOS, then
// scenarios/), a folder found by its name or by the id inside it, the order of the folders,
// the content hash preferred, and broken files skipped.
#include <gtest/gtest.h>

#include <cstdlib>

#include <practicum/core/hash.hpp>
#include <practicum/scenario/find_scenario.hpp>

#include "scenario_test_util.hpp"

namespace practicum::scenario {
namespace {

namespace fs = std::filesystem;
using testing::writeFile;

// a scenario.json with this id (only the id matters to the search); `note` varies the content
std::string scenarioText(const std::string& id, const std::string& note = "") {
  return "{\"format\": 1, \"id\": \"" + id + "\", \"trade\": \"" + note + "\"}\n";
}

fs::path writeScenarioAt(const fs::path& folder, const std::string& id,
                         const std::string& note = "") {
  writeFile(folder / "scenario.json", scenarioText(id, note));
  return folder;
}

std::uint64_t hashOf(const std::string& id, const std::string& note = "") {
  return core::fnv1a64(scenarioText(id, note));
}

TEST(FindScenario, TheSearchPathIsTheGivenFoldersThenTheEnvironmentThenScenarios) {
  EXPECT_EQ(scenarioSearchPath({"a", "b"}, "/x/y:rel::/z:"),
            (std::vector<fs::path>{"a", "b", "/x/y", "rel", "/z", "scenarios"}));
  EXPECT_EQ(scenarioSearchPath({}, ""), (std::vector<fs::path>{"scenarios"}));

  // from the environment variable
  const char* old = std::getenv(kScenarioPathVariable);
  const std::string saved = old ? old : "";
  ::setenv(kScenarioPathVariable, "/one:/two", 1);
  EXPECT_EQ(scenarioSearchPath({"given"}),
            (std::vector<fs::path>{"given", "/one", "/two", "scenarios"}));
  ::unsetenv(kScenarioPathVariable);
  EXPECT_EQ(scenarioSearchPath({"given"}), (std::vector<fs::path>{"given", "scenarios"}));
  if (old) ::setenv(kScenarioPathVariable, saved.c_str(), 1);
}

TEST(FindScenario, FoundByFolderNameByIdInsideOrAsTheFolderItself) {
  const fs::path dir = practicum::test::makeTempDir("find");
  writeScenarioAt(dir / "pump-room", "pump-room");
  writeScenarioAt(dir / "Substation (copy 2)", "substation");
  writeScenarioAt(dir / "elsewhere", "workbench");

  // by its folder's name
  auto found = findScenario("pump-room", {dir});
  ASSERT_TRUE(found.ok()) << found.error().message;
  EXPECT_EQ(*found, dir / "pump-room");
  // by the id in its scenario.json, whatever the folder is called
  found = findScenario("substation", {dir});
  ASSERT_TRUE(found.ok()) << found.error().message;
  EXPECT_EQ(*found, dir / "Substation (copy 2)");
  // a folder named like the id but holding another scenario does not count
  writeScenarioAt(dir / "workbench", "not-the-workbench");
  found = findScenario("workbench", {dir});
  ASSERT_TRUE(found.ok()) << found.error().message;
  EXPECT_EQ(*found, dir / "elsewhere");
  // a search folder that is itself the scenario's folder
  found = findScenario("pump-room", {dir / "pump-room"});
  ASSERT_TRUE(found.ok()) << found.error().message;
  EXPECT_EQ(*found, dir / "pump-room");
  fs::remove_all(dir);
}

TEST(FindScenario, FoldersAreSearchedInOrderAndTheLogsContentIsPreferred) {
  const fs::path dir = practicum::test::makeTempDir("find-order");
  const fs::path first = dir / "first", second = dir / "second", third = dir / "third";
  writeScenarioAt(first / "pumps", "pumps", "old");
  writeScenarioAt(second / "b-pumps", "pumps", "new");
  writeScenarioAt(second / "a-pumps", "pumps", "newer");
  fs::create_directories(third);

  // without a hash: the first folder on the path
  auto found = findScenario("pumps", {third, second, first});
  ASSERT_TRUE(found.ok()) << found.error().message;
  EXPECT_EQ(*found, second / "a-pumps");  // subfolders in name order
  found = findScenario("pumps", {first, second});
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(*found, first / "pumps");

  // with the log's hash: the one with that content, wherever it is on the path
  found = findScenario("pumps", {first, second}, hashOf("pumps", "new"));
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(*found, second / "b-pumps");
  found = findScenario("pumps", {first, second}, hashOf("pumps", "old"));
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(*found, first / "pumps");
  // no folder has it: the first one, for the caller to report as changed
  found = findScenario("pumps", {second, first}, hashOf("pumps", "lost"));
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(*found, second / "a-pumps");
  fs::remove_all(dir);
}

TEST(FindScenario, TheEnvironmentsFoldersAreSearchedAfterTheGivenOnes) {
  const fs::path dir = practicum::test::makeTempDir("find-env");
  writeScenarioAt(dir / "env-a" / "x", "crane", "a");
  writeScenarioAt(dir / "env-b" / "y", "crane", "b");
  writeScenarioAt(dir / "given" / "z", "crane", "given");
  const auto path = scenarioSearchPath({dir / "given"},
                                       (dir / "env-a").string() + ":" + (dir / "env-b").string());
  auto found = findScenario("crane", path);
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(*found, dir / "given" / "z");
  found = findScenario("crane", path, hashOf("crane", "b"));
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(*found, dir / "env-b" / "y");
  fs::remove_all(dir);
}

TEST(FindScenario, ABrokenScenarioFileDoesNotStopTheSearch) {
  const fs::path dir = practicum::test::makeTempDir("find-broken");
  writeFile(dir / "a-broken" / "scenario.json", "{\"format\": 1, \"id\": ");
  writeFile(dir / "b-not-json" / "scenario.json", "\x89PNG\r\n\x1a\n");
  writeFile(dir / "c-id-a-number" / "scenario.json", "{\"id\": 7}");
  writeFile(dir / "d-empty" / "scenario.json", "");
  fs::create_directories(dir / "e-no-file");
  writeFile(dir / "loose-file.json", "not a folder");
  // the folder named like the id is broken too
  writeFile(dir / "mixer" / "scenario.json", "{{{");
  writeScenarioAt(dir / "z-good", "mixer");
  auto found = findScenario("mixer", {dir / "missing", dir});
  ASSERT_TRUE(found.ok()) << found.error().message;
  EXPECT_EQ(*found, dir / "z-good");
  fs::remove_all(dir);
}

TEST(FindScenario, NotFoundNamesTheIdAndEveryFolderSearched) {
  const fs::path dir = practicum::test::makeTempDir("find-none");
  writeScenarioAt(dir / "there" / "other", "other");
  writeFile(dir / "there" / "broken" / "scenario.json", "[");
  const auto found = findScenario("boiler", {dir / "there", dir / "nowhere", "scenarios"});
  ASSERT_FALSE(found.ok());
  EXPECT_EQ(found.error().code, core::ErrorCode::NotFound);
  const std::string& message = found.error().message;
  EXPECT_NE(message.find("\"boiler\""), std::string::npos) << message;
  EXPECT_NE(message.find((dir / "there").string()), std::string::npos) << message;
  EXPECT_NE(message.find((dir / "nowhere").string() + " (no such folder)"), std::string::npos)
      << message;
  EXPECT_NE(message.find("scenarios"), std::string::npos) << message;
  EXPECT_NE(message.find((dir / "there" / "broken" / "scenario.json").string()), std::string::npos)
      << message;
  // an id that is no scenario id is refused before anything is searched
  const auto bad = findScenario("../etc", {dir});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, core::ErrorCode::InvalidArgument);
  fs::remove_all(dir);
}

TEST(FindScenario, TheIdIsReadWithoutParsingTheRest) {
  const fs::path dir = practicum::test::makeTempDir("find-id");
  // parsing stops at the id: what follows it may be anything
  writeFile(dir / "a.json", "{\"format\": 1, \"id\": \"early\", \"rest\": [[[ garbage");
  EXPECT_EQ(readScenarioId(dir / "a.json"), "early");
  // nested "id"s are not the scenario's; a BOM is allowed
  writeFile(dir / "b.json",
            "\xEF\xBB\xBF{\"entities\": [{\"id\": \"inner\"}], \"meta\": {\"id\": \"no\"}, "
            "\"id\": \"outer\"}");
  EXPECT_EQ(readScenarioId(dir / "b.json"), "outer");
  writeFile(dir / "c.json", "{\"id\": [\"x\"]}");
  EXPECT_EQ(readScenarioId(dir / "c.json"), std::nullopt);
  writeFile(dir / "d.json", "{\"title\": \"no id\"}");
  EXPECT_EQ(readScenarioId(dir / "d.json"), std::nullopt);
  EXPECT_EQ(readScenarioId(dir / "missing.json"), std::nullopt);
  EXPECT_EQ(readScenarioId(dir), std::nullopt);  // a folder
  // too large to be a scenario
  writeFile(dir / "e.json", "{\"id\": \"big\", \"pad\": \"" + std::string(5000, ' ') + "\"}");
  EXPECT_EQ(readScenarioId(dir / "e.json", 1000), std::nullopt);
  EXPECT_EQ(readScenarioId(dir / "e.json"), "big");
  // the shipped scenarios' ids are their folders' names
  for (const char* id : {"workbench", "substation-switching"})
    EXPECT_EQ(readScenarioId(practicum::test::scenarioDir(id) / "scenario.json"), id);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace practicum::scenario
