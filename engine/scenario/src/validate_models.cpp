// validateModels: imports every model a scenario references (through the out-of-process
// importer) and reports the ones that fail, at the JSON path of the first entity using each.
#include <practicum/assets/model.hpp>
#include <practicum/core/file_io.hpp>
#include <practicum/core/hash.hpp>
#include <practicum/scenario/scenario.hpp>

#include <algorithm>
#include <exception>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "json_path.hpp"
#include "positioned_json.hpp"

namespace practicum::scenario {

namespace {

// positions of the scenario's values, when its file still holds what was loaded
std::optional<detail::PositionedJson> reparse(const ScenarioDef& def) {
  auto text = core::readFile(def.file, LoadLimits{}.maxFileBytes);
  if (!text || core::fnv1a64(*text) != def.contentHash) return std::nullopt;
  std::vector<Diagnostic> ignored;
  return detail::parsePositionedJson(*text, def.file.string(), LoadLimits{}.maxDepth, ignored);
}

// one model file and the entities that use it
struct ModelUse {
  std::string model;
  std::vector<std::size_t> entities;
};

}  // namespace

void validateModels(const ScenarioDef& def, std::vector<Diagnostic>& diagnostics) {
  try {
    // each distinct model once, in order of first use
    std::vector<ModelUse> uses;
    for (std::size_t i = 0; i < def.scene.entities.size(); ++i) {
      const std::string& model = def.scene.entities[i].model;
      if (model.empty()) continue;
      auto it = std::find_if(uses.begin(), uses.end(),
                             [&](const ModelUse& u) { return u.model == model; });
      if (it == uses.end()) {
        uses.push_back({model, {i}});
      } else {
        it->entities.push_back(i);
      }
    }
    if (uses.empty()) return;

    const auto positions = reparse(def);
    const std::string file = def.file.string();
    for (const ModelUse& use : uses) {
      const std::string path =
          detail::memberPath(detail::elementPath("entities", use.entities.front()), "model");
      const detail::TextPosition at = positions ? positions->valueAt(path) : detail::TextPosition{};
      std::string others;
      for (std::size_t k = 1; k < use.entities.size(); ++k)
        others += (k == 1 ? "entities[" : ", entities[") + std::to_string(use.entities[k]) + "]";
      const LocalizedText usedBy =
          others.empty() ? LocalizedText{} : say(" (also used by {})", "（{} 也使用它）", others);

      // import it; failures become errors, repairs the importer made become warnings
      const auto model = assets::importModel(def.folder / use.model);
      if (!model) {
        // the importer's own words (Assimp's) stay as they are
        const LocalizedText message =
            say("model \"{}\" cannot be imported: {}{}", "模型“{}”无法导入：{}{}", use.model,
                model.error().message, usedBy);
        diagnostics.push_back(
            {Severity::Error, file, path, at.line, at.column, message.en, message.zhCN});
        continue;
      }
      for (const std::string& warning : model->warnings)
        diagnostics.push_back({Severity::Warning, file, path, at.line, at.column,
                               "model \"" + use.model + "\": " + warning,
                               "模型“" + use.model + "”：" + warning});
    }
  } catch (const std::exception& e) {
    diagnostics.push_back({Severity::Error, def.file.string(), "", 0, 0,
                           std::string("internal error while validating models: ") + e.what(),
                           std::string("检查模型时发生内部错误：") + e.what()});
  } catch (...) {
    diagnostics.push_back({Severity::Error, def.file.string(), "", 0, 0,
                           "internal error while validating models", "检查模型时发生内部错误"});
  }
}

}  // namespace practicum::scenario
