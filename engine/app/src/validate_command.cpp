#include <cstdio>

#include <practicum/scenario/find_scenario.hpp>
#include <practicum/scenario/scenario.hpp>

#include "args.hpp"
#include "commands.hpp"

namespace practicum::app {

const char* const kValidateUsage =
    "usage: practicum validate <scenario-folder|scenario.json|id> [--no-models]\n"
    "                          [--scenarios DIR] [--lang en|zh-CN]\n"
    "\n"
    "Prints every problem as file:line:column: severity: json.path: message\n"
    "and exits 1 when there is at least one error.\n"
    "  --no-models   only check that model files exist; do not import them\n"
    "  --scenarios DIR  a folder to find a scenario given by id in (repeatable; then\n"
    "                $PRACTICUM_SCENARIOS, separated by ':', then scenarios/)\n"
    "  --lang L      the messages' language: en (the default) or zh-CN\n";

int validateCommand(const std::vector<std::string>& argv) {
  auto args = Args::parse(argv, {"no-models"}, {"scenarios", "lang"});
  if (!args.ok() || args->positionals().size() != 1) {
    std::fprintf(stderr, "practicum validate: %s\n%s",
                 args.ok() ? "expected one scenario" : args.error().message.c_str(),
                 kValidateUsage);
    return 2;
  }
  scenario::Language language = scenario::Language::English;
  if (!readLanguage(*args, "practicum validate", language)) return 2;
  const bool zh = language == scenario::Language::ChineseSimplified;
  // load strictly, then import the models the scenario references
  const auto named = scenario::resolveScenario(
      args->positionals()[0], scenario::scenarioSearchPath(args->paths("scenarios")));
  if (!named.ok()) {
    std::printf(zh ? "%s\n1 个错误，0 个警告\n" : "%s\n1 error(s), 0 warning(s)\n",
                named.error().message.c_str());
    return 1;
  }
  scenario::LoadResult loaded = scenario::loadScenario(*named);
  if (loaded.ok() && !args->has("no-models"))
    scenario::validateModels(*loaded.scenario, loaded.diagnostics);

  std::size_t errors = 0, warnings = 0;
  for (const auto& d : loaded.diagnostics) {
    (d.severity == scenario::Severity::Error ? errors : warnings) += 1;
    std::printf("%s\n", d.format(language).c_str());
  }
  if (errors == 0 && loaded.ok()) {
    const auto& def = *loaded.scenario;
    if (zh)
      std::printf("%s: 通过：“%s”/“%s”，%zu 个实体，%zu 个关节，%zu 个警告\n",
                  def.file.string().c_str(), def.meta.title.zhCN.c_str(), def.meta.title.en.c_str(),
                  def.scene.entities.size(), def.scene.joints.size(), warnings);
    else
      std::printf("%s: ok: \"%s\" / \"%s\", %zu entities, %zu joints, %zu warning(s)\n",
                  def.file.string().c_str(), def.meta.title.en.c_str(), def.meta.title.zhCN.c_str(),
                  def.scene.entities.size(), def.scene.joints.size(), warnings);
    return 0;
  }
  std::printf(zh ? "%zu 个错误，%zu 个警告\n" : "%zu error(s), %zu warning(s)\n", errors, warnings);
  return 1;
}

}  // namespace practicum::app
