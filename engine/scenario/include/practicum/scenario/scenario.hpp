#pragma once
/// Scenario format v1: a folder holding scenario.json plus its assets. Loading is strict and
/// helpful: every problem is reported with the file, the JSON path, the line and the column.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <practicum/scenario/text.hpp>
#include <practicum/scenario/training.hpp>
#include <practicum/scene/scene.hpp>

namespace practicum::scenario {

/// The format version this build reads and writes.
inline constexpr int kFormatVersion = 1;

/// Who made the scenario and what it is.
struct Metadata {
  std::string id;  ///< stable identifier, [a-z0-9-]+
  LocalizedText title;
  LocalizedText description;  ///< optional
  std::string trade;
  std::string author;
  std::string licence;
};

/// Fixed-step physics settings of a scenario.
struct PhysicsSettings {
  double tickRate = 120.0;
  core::Vec3 gravity{0, -9.81f, 0};
};

/// An immutable, validated scenario definition.
struct ScenarioDef {
  Metadata meta;
  PhysicsSettings physics;
  scene::Scene scene;
  std::filesystem::path folder;   ///< model paths in the scene are relative to this
  std::filesystem::path file;     ///< the scenario.json that was read
  std::uint64_t contentHash = 0;  ///< FNV-1a of the file's bytes
  TrainingDef training;           ///< devices, variables, procedure, rules, rubric
};

/// How bad a problem is.
enum class Severity { Error, Warning };

/// One problem found while loading.
struct Diagnostic {
  Severity severity = Severity::Error;
  std::string file;
  std::string path;     ///< JSON path, e.g. "entities[2].body.mass"; empty for whole-file problems
  int line = 0;         ///< 1-based; 0 when unknown
  int column = 0;       ///< 1-based; 0 when unknown
  std::string message;  ///< in English
  std::string messageZh;  ///< the same in Simplified Chinese (empty: only the English is known)

  /// The message in a language (the English where no other is known).
  const std::string& messageIn(Language language) const;
  /// "file:line:column: error: path: message" (parts omitted when unknown); in Chinese
  /// "file:line:column: 错误: path: message".
  std::string format(Language language = Language::English) const;
};

/// Bounds applied while loading.
struct LoadLimits {
  std::uint64_t maxFileBytes = 4ull * 1024 * 1024;
  int maxDepth = 32;  ///< JSON nesting depth
  std::size_t maxEntities = 20000;
};

/// Result of loading: the scenario when there were no errors, and every diagnostic.
struct LoadResult {
  std::optional<ScenarioDef> scenario;
  std::vector<Diagnostic> diagnostics;
  /// The names conditions may use, as far as the file could be read: also when it has errors
  /// (an editor checks a condition being typed against them before the scenario is valid).
  SymbolCatalog symbols;

  bool ok() const { return scenario.has_value(); }
  std::size_t errorCount() const;
};

/// Loads a scenario from its folder (reads <folder>/scenario.json) or from a .json file.
/// Never throws; every problem lands in diagnostics. Model files are checked to exist,
/// not imported (see validateModels).
LoadResult loadScenario(const std::filesystem::path& folderOrFile, const LoadLimits& limits = {});

/// Loads a scenario from text already in memory, as loadScenario does after reading the file:
/// `file` is the scenario.json the text stands for (diagnostics name it, its folder resolves
/// model paths, which must exist there). Never throws.
LoadResult loadScenarioText(std::string_view text, const std::filesystem::path& file,
                            const LoadLimits& limits = {});

/// Imports every model the scenario references (out of process) and appends one diagnostic per
/// model that fails, naming the entity's JSON path and the model file.
void validateModels(const ScenarioDef& def, std::vector<Diagnostic>& diagnostics);

}  // namespace practicum::scenario
