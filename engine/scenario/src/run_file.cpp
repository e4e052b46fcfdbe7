// Run files (docs/run-format.md): strict reading with positioned diagnostics.
#include <algorithm>

#include <practicum/core/file_io.hpp>
#include <practicum/scenario/run_file.hpp>

#include "checker.hpp"
#include "json_path.hpp"
#include "positioned_json.hpp"

namespace practicum::scenario {

namespace {
using detail::Checker;
using detail::Range;
using nlohmann::json;

constexpr std::uint64_t kMaxRunFileBytes = 1024 * 1024;
constexpr int kMaxDepth = 16;

void readActions(const json& v, Checker& check, RunFile& run) {
  if (!check.expectArray(v, "actions")) return;
  for (std::size_t i = 0; i < v.size(); ++i) {
    const std::string p = detail::elementPath("actions", i);
    const json& a = v[i];
    if (!check.expectObject(a, p)) continue;
    RunAction action;
    action.path = p;
    const json* kind = check.require(a, p, "do");
    const auto name = kind ? check.string(*kind, Checker::at(p, "do")) : std::nullopt;
    if (!name) continue;
    const auto target = [&](const char* key) {
      if (const json* t = check.require(a, p, key))
        if (auto s = check.string(*t, Checker::at(p, key))) action.target = *s;
    };
    if (*name == "look") {
      action.kind = RunAction::Kind::Look;
      check.checkKeys(a, p, {"do", "at", "from"});
      target("at");
      if (const json* from = Checker::find(a, "from"))
        action.from = check.vec3(*from, Checker::at(p, "from"));
    } else if (*name == "operate") {
      action.kind = RunAction::Kind::Operate;
      check.checkKeys(a, p, {"do", "device", "to"});
      target("device");
      if (const json* to = check.require(a, p, "to"))
        if (auto s = check.string(*to, Checker::at(p, "to"))) action.position = *s;
    } else if (*name == "press") {
      action.kind = RunAction::Kind::Press;
      check.checkKeys(a, p, {"do", "device"});
      target("device");
    } else if (*name == "wait") {
      action.kind = RunAction::Kind::Wait;
      check.checkKeys(a, p, {"do", "seconds"});
      if (const json* s = check.require(a, p, "seconds"))
        if (auto n = check.number(*s, Checker::at(p, "seconds"), Range::closed(0, 3600)))
          action.seconds = *n;
    } else if (*name == "take" || *name == "return") {
      action.kind = *name == "take" ? RunAction::Kind::Take : RunAction::Kind::Return;
      check.checkKeys(a, p, {"do", "tool"});
      target("tool");
    } else if (*name == "use") {
      action.kind = RunAction::Kind::Use;
      check.checkKeys(a, p, {"do", "tool", "on"});
      target("tool");
      if (const json* on = check.require(a, p, "on"))
        if (auto s = check.string(*on, Checker::at(p, "on"))) action.on = *s;
    } else if (*name == "grab" || *name == "drop") {
      action.kind = *name == "grab" ? RunAction::Kind::Grab : RunAction::Kind::Drop;
      check.checkKeys(a, p, {"do", "part"});
      target("part");
    } else if (*name == "loosen" || *name == "tighten") {
      action.kind = *name == "loosen" ? RunAction::Kind::Loosen : RunAction::Kind::Tighten;
      check.checkKeys(a, p, {"do", "fastener"});
      target("fastener");
    } else if (*name == "place") {
      action.kind = RunAction::Kind::Place;
      check.checkKeys(a, p, {"do", "part", "into"});
      target("part");
      if (const json* into = check.require(a, p, "into"))
        if (auto s = check.string(*into, Checker::at(p, "into"))) action.on = *s;
    } else if (*name == "turn") {
      action.kind = RunAction::Kind::Turn;
      check.checkKeys(a, p, {"do", "device", "degrees"});
      target("device");
      if (const json* deg = check.require(a, p, "degrees"))
        if (auto n = check.number(*deg, Checker::at(p, "degrees"), Range::closed(0, 3600)))
          action.seconds = *n;
    } else if (*name == "inject") {
      action.kind = RunAction::Kind::Inject;
      check.checkKeys(a, p, {"do", "fault"});
      target("fault");
    } else if (*name == "stop") {
      action.kind = RunAction::Kind::Stop;
      check.checkKeys(a, p, {"do"});
    } else if (*name == "view") {
      action.kind = RunAction::Kind::View;
      check.checkKeys(a, p, {"do", "walk", "cutaway", "labels"});
      const auto flag = [&](const char* key, std::optional<bool>& out) {
        const json* f = Checker::find(a, key);
        if (!f) return;
        if (f->is_boolean())
          out = f->get<bool>();
        else
          check.error(Checker::at(p, key), say("expected true or false, got {}",
                                               "应为 true 或 false，实为{}", detail::typeName(*f)));
      };
      flag("walk", action.walk);
      flag("cutaway", action.cutaway);
      flag("labels", action.labels);
      if (!Checker::find(a, "walk") && !Checker::find(a, "cutaway") && !Checker::find(a, "labels"))
        check.error(p, say("a view action needs at least one of walk, cutaway, labels",
                           "“view”动作至少需要“walk”、“cutaway”、“labels”之一"));
    } else if (*name == "walk") {
      action.kind = RunAction::Kind::Walk;
      check.checkKeys(a, p, {"do", "to"});
      if (const json* to = check.require(a, p, "to"))
        action.from = check.vec3(*to, Checker::at(p, "to"));
    } else {
      check.error(Checker::at(p, "do"),
                  say("unknown action \"{}\"; actions are {}", "未知动作“{}”；动作有{}", *name,
                      LocalizedText{"“look”、“operate”、“press”、“wait”、“turn”、“grab”、"
                                    "“place”、“drop”、“loosen”、“tighten”、“take”、“use”、"
                                    "“return”、“inject”、“view”、“walk”、“stop”",
                                    "look, operate, press, wait, turn, grab, place, drop, "
                                    "loosen, tighten, take, use, return, inject, view, walk, "
                                    "stop"}));
      continue;
    }
    run.actions.push_back(std::move(action));
  }
}

void readExpectation(const json& v, Checker& check, RunExpectation& e) {
  if (!check.expectObject(v, "expect")) return;
  check.checkKeys(v, "expect", {"score", "passed", "violations", "end", "events"});
  if (const json* s = Checker::find(v, "score")) e.score = check.number(*s, "expect.score");
  if (const json* p = Checker::find(v, "passed")) {
    if (p->is_boolean())
      e.passed = p->get<bool>();
    else
      check.error("expect.passed", say("expected true or false, got {}",
                                       "应为 true 或 false，实为{}", detail::typeName(*p)));
  }
  if (const json* list = Checker::find(v, "violations")) {
    if (check.expectArray(*list, "expect.violations")) {
      e.violations.emplace();
      for (std::size_t i = 0; i < list->size(); ++i)
        if (auto s = check.string((*list)[i], detail::elementPath("expect.violations", i)))
          e.violations->push_back(*s);
    }
  }
  if (const json* end = Checker::find(v, "end")) e.end = check.string(*end, "expect.end");
  if (const json* list = Checker::find(v, "events")) {
    if (check.expectArray(*list, "expect.events")) {
      e.events.emplace();
      for (std::size_t i = 0; i < list->size(); ++i)
        if (auto s = check.string((*list)[i], detail::elementPath("expect.events", i)))
          e.events->push_back(*s);
    }
  }
}

}  // namespace

RunFileResult loadRunFile(const std::filesystem::path& file) {
  auto text = core::readFile(file, kMaxRunFileBytes);
  if (!text) {
    RunFileResult result;
    const LocalizedText message = text.error().code == core::ErrorCode::NotFound
                                      ? say("{}", "找不到运行文件", text.error().message)
                                      : say("{}", "无法读取运行文件：{}", text.error().message);
    result.diagnostics.push_back(
        {Severity::Error, file.string(), "", 0, 0, message.en, message.zhCN});
    return result;
  }
  return loadRunFileText(*text, file);
}

RunFileResult loadRunFileText(std::string_view text, const std::filesystem::path& file) {
  RunFileResult result;
  try {
    if (text.size() > kMaxRunFileBytes) {
      result.diagnostics.push_back({Severity::Error, file.string(), "", 0, 0,
                                    "a run file may be at most 1 MiB", "运行文件最大为 1 MiB"});
      return result;
    }
    auto doc = detail::parsePositionedJson(text, file.string(), kMaxDepth, result.diagnostics);
    if (!doc) return result;
    Checker check(file.string(), *doc, result.diagnostics);
    RunFile run;
    run.file = file;
    const json& root = doc->root;
    if (!check.expectObject(root, "")) return result;
    check.checkKeys(root, "", {"scenario", "description", "mode", "seed", "actions", "expect"});
    if (const json* s = check.require(root, "", "scenario"))
      if (auto id = check.string(*s, "scenario")) run.scenario = *id;
    if (const json* d = Checker::find(root, "description"))
      if (auto s = check.string(*d, "description", false)) run.description = *s;
    if (const json* m = Checker::find(root, "mode"))
      if (auto s = check.string(*m, "mode")) {
        if (*s == "exam")
          run.exam = true;
        else if (*s != "practice")
          check.error("mode", say("mode must be \"practice\" or \"exam\", got \"{}\"",
                                  "“mode”必须是“practice”或“exam”，实为“{}”", *s));
      }
    if (const json* seed = Checker::find(root, "seed"))
      if (auto n = check.integer(*seed, "seed")) {
        if (*n < 0)
          check.error("seed", say("seed must not be negative", "“seed”不能为负数"));
        else
          run.seed = static_cast<std::uint64_t>(*n);
      }
    if (const json* actions = check.require(root, "", "actions")) readActions(*actions, check, run);
    if (const json* expect = check.require(root, "", "expect"))
      readExpectation(*expect, check, run.expect);
    bool errors = false;
    for (const auto& d : result.diagnostics) errors |= d.severity == Severity::Error;
    if (!errors) result.run = std::move(run);
  } catch (const std::exception& e) {
    result.run.reset();
    const LocalizedText message =
        say("internal error while loading: {}", "加载时发生内部错误：{}", e.what());
    result.diagnostics.push_back(
        {Severity::Error, file.string(), "", 0, 0, message.en, message.zhCN});
  }
  return result;
}

namespace {

const DeviceDef* deviceNamed(const TrainingDef& t, const std::string& name) {
  for (const DeviceDef& d : t.devices)
    if (d.name == name) return &d;
  return nullptr;
}

bool hasEntity(const scene::Scene& scene, const std::string& name) {
  return std::any_of(scene.entities.begin(), scene.entities.end(),
                     [&](const scene::Entity& e) { return e.name == name; });
}

// the first thing wrong with the names one action uses, or nothing
std::optional<LocalizedText> actionProblem(const RunAction& a, const ScenarioDef& def) {
  using K = RunAction::Kind;
  const TrainingDef& t = def.training;
  if (a.kind == K::Wait || a.kind == K::Stop || a.kind == K::View || a.kind == K::Walk)
    return std::nullopt;
  if (a.kind == K::Inject) {
    if (std::none_of(t.faults.begin(), t.faults.end(),
                     [&](const FaultDef& f) { return f.id == a.target; }))
      return say("the scenario has no fault \"{}\"", "场景中没有故障“{}”", a.target);
    return {};
  }
  if (a.kind == K::Take || a.kind == K::Return || a.kind == K::Use) {
    const DeviceDef* tool = deviceNamed(t, a.target);
    if (!tool || tool->kind != DeviceKind::Tool)
      return say("the scenario has no tool \"{}\"", "场景中没有工具“{}”", a.target);
    if (a.kind == K::Use && !deviceNamed(t, a.on))
      return say("the scenario has no device \"{}\"", "场景中没有设备“{}”", a.on);
    return {};
  }
  const DeviceDef* device = deviceNamed(t, a.target);
  if (!device) {
    if (a.kind == K::Look && hasEntity(def.scene, a.target)) return {};
    if (a.kind == K::Look)
      return say("the scenario has no device or entity \"{}\"", "场景中没有设备或实体“{}”",
                 a.target);
    return say("the scenario has no device \"{}\"", "场景中没有设备“{}”", a.target);
  }
  if (a.kind == K::Loosen || a.kind == K::Tighten) {
    if (device->kind != DeviceKind::Fastener)
      return say("\"{}\" is not a fastener", "“{}”不是紧固件", a.target);
    return {};
  }
  if ((a.kind == K::Grab || a.kind == K::Drop) && device->kind != DeviceKind::Part)
    return say("\"{}\" is not a part", "“{}”不是零件", a.target);
  if (a.kind == K::Grab || a.kind == K::Drop) return {};
  if (a.kind == K::Place) {
    const DeviceDef* socket = deviceNamed(t, a.on);
    if (device->kind != DeviceKind::Part || !socket || socket->kind != DeviceKind::Socket)
      return say("place needs a part and a socket, got \"{}\" and \"{}\"",
                 "“place”需要一个零件和一个插座，实为“{}”和“{}”", a.target, a.on);
    return {};
  }
  if (a.kind != K::Look && (a.kind == K::Turn) != (device->kind == DeviceKind::Valve))
    return a.kind == K::Turn
               ? say("\"{}\" is not a valve; use operate", "“{}”不是阀门；请用“operate”", a.target)
               : say("\"{}\" is a valve; use turn", "“{}”是阀门；请用“turn”", a.target);
  if (a.kind == K::Operate && std::find(device->positions.begin(), device->positions.end(),
                                        a.position) == device->positions.end())
    return say("device \"{}\" has no position \"{}\"", "设备“{}”没有位置“{}”", a.target,
               a.position);
  return {};
}

}  // namespace

std::vector<Diagnostic> checkRunFile(const RunFile& run, const ScenarioDef& def) {
  std::vector<Diagnostic> out;
  const auto problem = [&](std::string path, LocalizedText message) {
    out.push_back({Severity::Error, run.file.string(), std::move(path), 0, 0, std::move(message.en),
                   std::move(message.zhCN)});
  };
  if (!run.scenario.empty() && run.scenario != def.meta.id)
    problem("scenario", say("written for scenario \"{}\", not \"{}\"", "是为场景“{}”写的，不是“{}”",
                            run.scenario, def.meta.id));
  for (const RunAction& a : run.actions)
    if (auto p = actionProblem(a, def)) problem(a.path, std::move(*p));
  if (run.expect.violations) {
    const TrainingDef& t = def.training;
    const auto isStep = [&](std::string_view id) {
      return std::any_of(t.steps.begin(), t.steps.end(),
                         [&](const StepDef& s) { return s.id == id; });
    };
    const auto isRule = [&](std::string_view id) {
      return std::any_of(t.rules.begin(), t.rules.end(),
                         [&](const RuleDef& r) { return r.id == id; });
    };
    for (std::size_t i = 0; i < run.expect.violations->size(); ++i) {
      const std::string& v = (*run.expect.violations)[i];
      const std::string path = detail::elementPath("expect.violations", i);
      // an ordering or time-out violation names its step; any other a rule
      const std::size_t colon = v.find(':');
      const std::string_view kind = std::string_view(v).substr(0, colon);
      if (colon != std::string::npos && (kind == "order" || kind == "timeout")) {
        if (!isStep(std::string_view(v).substr(colon + 1)))
          problem(path, say("the scenario has no step \"{}\"", "场景中没有步骤“{}”",
                            v.substr(colon + 1)));
      } else if (!isRule(v)) {
        problem(path, say("the scenario has no rule \"{}\"", "场景中没有规则“{}”", v));
      }
    }
  }
  return out;
}

}  // namespace practicum::scenario
