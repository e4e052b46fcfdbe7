#pragma once
// Reads the training part of scenario.json: devices, variables, procedure, rules, rubric.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>
#include <practicum/scenario/scenario.hpp>

#include "checker.hpp"

namespace practicum::scenario::detail {

/// Resolves an entity name to its index, reporting an error at `path` when unknown.
using EntityLookup =
    std::function<std::optional<std::uint32_t>(const std::string& name, const std::string& path)>;
/// Reads a {"zh-CN", "en"} object (both required) into out.
using LocalizedReader =
    std::function<void(const nlohmann::json& v, const std::string& path, LocalizedText& out)>;

/// Reads "devices", "variables", "procedure", "rules" and "rubric" of the top-level object into
/// def.training, parsing every condition against the symbols they declare. All problems go to
/// the Checker.
void readTraining(const nlohmann::json& root, Checker& check, ScenarioDef& def,
                  const EntityLookup& entityIndex, const LocalizedReader& readLocalized);

}  // namespace practicum::scenario::detail
