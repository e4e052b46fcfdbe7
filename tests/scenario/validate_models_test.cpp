// validateModels: imports each distinct model through practicum::assets and reports failures at
// the JSON path of the first entity using the model.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <practicum/scenario/scenario.hpp>

#include "scenario_test_util.hpp"
#include "test_support.hpp"

namespace practicum::scenario {
namespace {

using namespace practicum::scenario::testing;
using ::testing::HasSubstr;

TEST(ValidateModels, GoodModelsGiveNoErrors) {
  const LoadResult r = loadScenario(practicum::test::sourceDir() / "tests/scenario/data/complete");
  ASSERT_TRUE(r.ok()) << describe(r);
  std::vector<Diagnostic> diagnostics;
  validateModels(*r.scenario, diagnostics);
  for (const auto& d : diagnostics) EXPECT_NE(d.severity, Severity::Error) << d.format();
}

TEST(ValidateModels, BundledWorkbenchModelsImport) {
  const LoadResult r = loadScenario(practicum::test::scenarioDir("workbench"));
  ASSERT_TRUE(r.ok()) << describe(r);
  std::vector<Diagnostic> diagnostics;
  validateModels(*r.scenario, diagnostics);
  for (const auto& d : diagnostics) EXPECT_NE(d.severity, Severity::Error) << d.format();
}

TEST(ValidateModels, FailingModelIsReportedAtItsEntity) {
  const std::string text = doc(std::string(kFloor) + ",\n" +
                               R"(    {"name": "good", "model": "models/part.obj"},)"
                               "\n" +
                               R"(    {"name": "bad", "model": "models/broken.obj"},)"
                               "\n" +
                               R"(    {"name": "bad-again", "model": "models/broken.obj"})");
  const auto folder = writeScenario(text);
  // an OBJ whose faces index vertices that do not exist
  writeFile(folder / "models" / "broken.obj", "v 0 0 0\nf 1 2 3\nf 7 8 9\n");
  const LoadResult r = loadScenario(folder);
  ASSERT_TRUE(r.ok()) << describe(r);

  practicum::test::allowEngineErrors();  // the importer may log what went wrong
  std::vector<Diagnostic> diagnostics;
  validateModels(*r.scenario, diagnostics);
  std::size_t errors = 0;
  for (const auto& d : diagnostics) errors += d.severity == Severity::Error;
  ASSERT_EQ(errors, 1u) << describe(LoadResult{std::nullopt, diagnostics});
  const Diagnostic* d = nullptr;
  for (const auto& x : diagnostics)
    if (x.severity == Severity::Error) d = &x;
  EXPECT_EQ(d->path, "entities[2].model");
  EXPECT_EQ(d->file, r.scenario->file.string());
  EXPECT_EQ(d->line, lineOf(text, "broken.obj"));
  EXPECT_EQ(d->column, columnOf(text, "\"models/broken.obj\""));
  EXPECT_THAT(d->message, HasSubstr("model \"models/broken.obj\" cannot be imported: "));
  EXPECT_THAT(d->message, HasSubstr("(also used by entities[3])"));
}

}  // namespace
}  // namespace practicum::scenario
