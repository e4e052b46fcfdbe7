#include "result_json.hpp"

#include <nlohmann/json.hpp>

#include <practicum/core/file_io.hpp>
#include <practicum/core/hash.hpp>
#include <practicum/ui/hud.hpp>

namespace practicum::app {

namespace {
using nlohmann::json;

json localized(const scenario::LocalizedText& t) { return {{"zh-CN", t.zhCN}, {"en", t.en}}; }

// the name of item `i` of a scenario list, or "#i" when the list has no such item (a log
// scored against a scenario that changed since, or a forged one, must not index past the end)
template <class List, class Name>
std::string nameAt(const List& list, std::uint32_t i, Name name) {
  return i < list.size() ? std::string(name(list[i])) : "#" + std::to_string(i);
}

// what an event refers to, by name
json describe(const scenario::TrainingDef& t, double tickSeconds, const procedure::Event& e) {
  json j = {{"tick", e.tick},
            {"time", double(e.tick) * tickSeconds},
            {"kind", procedure::toString(e.kind)}};
  const auto device = [&](std::uint32_t i) {
    return nameAt(t.devices, i, [](const scenario::DeviceDef& d) { return d.name; });
  };
  const auto position = [&](std::uint32_t d, std::uint32_t p) -> json {
    if (d < t.devices.size() && p < t.devices[d].positions.size()) return t.devices[d].positions[p];
    return nullptr;
  };
  const auto rule = [&](std::uint32_t i) {
    return nameAt(t.rules, i, [](const scenario::RuleDef& r) { return r.id; });
  };
  switch (e.kind) {
    case procedure::EventKind::Operated:
      j["device"] = device(e.subject);
      if (auto from = position(e.subject, e.from); !from.is_null()) j["from"] = from;
      if (auto to = position(e.subject, e.to); !to.is_null()) j["to"] = to;
      break;
    case procedure::EventKind::Refused:
      j["device"] = device(e.subject);
      if (auto to = position(e.subject, e.to); !to.is_null()) j["to"] = to;
      if (e.rule == procedure::kLocked)
        j["lock"] = device(e.from);
      else if (e.rule == procedure::kNeedsTool)
        j["needsTool"] = e.subject < t.devices.size() ? t.devices[e.subject].requiresTool : "";
      else
        j["rule"] = rule(e.rule);
      break;
    case procedure::EventKind::Pressed: j["device"] = device(e.subject); break;
    case procedure::EventKind::StepCompleted:
    case procedure::EventKind::OutOfOrder:
    case procedure::EventKind::StepTimedOut:
      j["step"] = nameAt(t.steps, e.subject, [](const scenario::StepDef& s) { return s.id; });
      break;
    case procedure::EventKind::Violation:
      j["rule"] = rule(e.rule);
      if (e.to) j["prevented"] = true;
      break;
    case procedure::EventKind::ToolTaken:
    case procedure::EventKind::ToolReturned: j["tool"] = device(e.subject); break;
    case procedure::EventKind::ToolUsed:
    case procedure::EventKind::WrongTool:
      j["tool"] = device(e.from);
      j["device"] = device(e.subject);
      break;
    case procedure::EventKind::Grabbed:
    case procedure::EventKind::Released: j["part"] = device(e.subject); break;
    case procedure::EventKind::Placed:
    case procedure::EventKind::Unseated:
      j["part"] = device(e.subject);
      j["socket"] = device(e.to);
      break;
    case procedure::EventKind::Loosened:
    case procedure::EventKind::Tightened:
      j["fastener"] = device(e.subject);
      j["tool"] = device(e.from);
      j["turns"] = e.to;
      break;
    case procedure::EventKind::FaultInjected:
      j["fault"] = nameAt(t.faults, e.subject, [](const scenario::FaultDef& f) { return f.id; });
      j["source"] = procedure::toString(static_cast<procedure::FaultSource>(e.from));
      break;
    case procedure::EventKind::SessionEnded:
      j["reason"] = procedure::toString(static_cast<procedure::EndReason>(e.subject));
      break;
    case procedure::EventKind::ValveTurned:
      j["valve"] = device(e.subject);
      j["fromPercent"] = e.from;
      j["toPercent"] = e.to;
      break;
    case procedure::EventKind::NotSeated:
      j["part"] = device(e.subject);
      j["socket"] = device(e.to);
      j["offMillimetres"] = e.from;
      j["offDegrees"] = e.rule;
      break;
  }
  return j;
}
}  // namespace

scenario::LocalizedText describeEnd(std::optional<procedure::EndReason> reason) {
  using scenario::say;
  if (!reason)
    return say("incomplete — no end record (the program was killed or crashed)",
               "未完成——没有结束记录（程序被终止或崩溃）");
  // the reason's name in English (as the result file writes it), the UI's word in Chinese
  const std::string name = procedure::toString(*reason);
  const char* word = ui::endReasonText(*reason, ui::Language::ChineseSimplified);
  const auto with = [&](const char* en, const char* zh) { return say(en, zh, name, word); };
  switch (*reason) {
    case procedure::EndReason::None: break;
    case procedure::EndReason::Completed:
      return with("{0} — every step done", "{1}——所有步骤都已完成");
    case procedure::EndReason::Critical:
      return with("{0} — a critical violation in exam mode", "{1}——考试模式下发生了严重违规");
    case procedure::EndReason::TimeLimit:
      return with("{0} — the scenario's time limit passed", "{1}——已超过场景的时间限制");
    case procedure::EndReason::Stopped:
      return with("{0} — the learner or a script stopped it", "{1}——由学员或脚本结束");
    case procedure::EndReason::Interrupted:
      return with(
          "{0} — the program got SIGINT, SIGTERM or SIGHUP (Ctrl+C, a shutdown) before "
          "the session ended",
          "{1}——训练结束前程序收到了 SIGINT、SIGTERM 或 SIGHUP 信号（Ctrl+C 或关机）");
    case procedure::EndReason::Closed:
      return with("{0} — the learner closed the window before the session ended",
                  "{1}——训练结束前学员关闭了窗口");
  }
  return {word, name};
}

scenario::LocalizedText describeStillRunning() {
  return scenario::say("none yet — the session is still running (its log is being written)",
                       "尚未结束——训练仍在进行（日志正在写入）");
}

json resultDocument(const scenario::ScenarioDef& def, const procedure::SessionResult& r,
                    const std::vector<procedure::Event>& events, double tickSeconds) {
  char hex[17];
  json steps = json::array();
  for (std::size_t i = 0; i < r.steps.size(); ++i) {
    const auto& st = r.steps[i];
    steps.push_back({{"id", st.id},
                     {"text", localized(def.training.steps[i].text)},
                     {"done", st.done},
                     {"at", st.done ? json(st.at) : json(nullptr)},
                     {"duration", st.done ? json(st.duration) : json(nullptr)},
                     {"attempts", st.attempts},
                     {"points", st.points},
                     {"maxPoints", st.maxPoints}});
  }
  json violations = json::array();
  for (const auto& v : r.violations)
    violations.push_back({{"at", v.at},
                          {"rule", v.rule},
                          {"severity", procedure::severityName(v.severity)},
                          {"prevented", v.prevented},
                          {"text", {{"zh-CN", v.textZhCN}, {"en", v.textEn}}}});
  json described = json::array();
  for (const auto& e : events) described.push_back(describe(def.training, tickSeconds, e));
  return {{"scenario",
           {{"id", def.meta.id}, {"contentHash", std::string(core::toHex(def.contentHash, hex))}}},
          {"score", r.score},
          {"max", r.max},
          {"passed", r.passed},
          {"end", procedure::toString(r.end)},
          {"seconds", r.seconds},
          {"timePenalty", r.timePenalty},
          {"steps", steps},
          {"violations", violations},
          {"events", described}};
}

std::string resultJson(const sim::Session& s) {
  json doc = resultDocument(s.definition(), s.result(), s.events(), s.tickSeconds());
  char hex[17];
  doc["mode"] = s.options().mode == sim::Mode::Exam ? "exam" : "practice";
  doc["seed"] = s.options().seed;
  doc["ticks"] = s.tick();
  doc["stateHash"] = std::string(core::toHex(s.stateHash(), hex));
  doc["consequences"] = s.procedure().consequences();
  return doc.dump(2) + "\n";
}

core::Status writeResult(const std::filesystem::path& path, const sim::Session& session) {
  return core::writeFileAtomic(path, resultJson(session));
}

}  // namespace practicum::app
