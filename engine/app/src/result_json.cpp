#include "result_json.hpp"

#include <nlohmann/json.hpp>

#include <practicum/core/file_io.hpp>
#include <practicum/core/hash.hpp>

namespace practicum::app {

namespace {
using nlohmann::json;

json localized(const scenario::LocalizedText& t) { return {{"zh-CN", t.zhCN}, {"en", t.en}}; }

// what an event refers to, by name
json describe(const scenario::TrainingDef& t, double tickSeconds, const procedure::Event& e) {
  json j = {{"tick", e.tick},
            {"time", double(e.tick) * tickSeconds},
            {"kind", procedure::toString(e.kind)}};
  switch (e.kind) {
    case procedure::EventKind::Operated: {
      const auto& positions = t.devices[e.subject].positions;
      j["device"] = t.devices[e.subject].name;
      if (e.from < positions.size()) j["from"] = positions[e.from];
      if (e.to < positions.size()) j["to"] = positions[e.to];
      break;
    }
    case procedure::EventKind::Refused:
      j["device"] = t.devices[e.subject].name;
      if (e.to < t.devices[e.subject].positions.size())
        j["to"] = t.devices[e.subject].positions[e.to];
      if (e.rule == procedure::kLocked)
        j["lock"] = t.devices[e.from].name;
      else if (e.rule == procedure::kNeedsTool)
        j["needsTool"] = t.devices[e.subject].requiresTool;
      else
        j["rule"] = t.rules[e.rule].id;
      break;
    case procedure::EventKind::Pressed: j["device"] = t.devices[e.subject].name; break;
    case procedure::EventKind::StepCompleted:
    case procedure::EventKind::OutOfOrder:
    case procedure::EventKind::StepTimedOut: j["step"] = t.steps[e.subject].id; break;
    case procedure::EventKind::Violation: j["rule"] = t.rules[e.rule].id; break;
    case procedure::EventKind::ToolTaken:
    case procedure::EventKind::ToolReturned: j["tool"] = t.devices[e.subject].name; break;
    case procedure::EventKind::ToolUsed:
    case procedure::EventKind::WrongTool:
      j["tool"] = t.devices[e.from].name;
      j["device"] = t.devices[e.subject].name;
      break;
    case procedure::EventKind::Grabbed:
    case procedure::EventKind::Released: j["part"] = t.devices[e.subject].name; break;
    case procedure::EventKind::Placed:
    case procedure::EventKind::Unseated:
      j["part"] = t.devices[e.subject].name;
      j["socket"] = t.devices[e.to].name;
      break;
    case procedure::EventKind::Loosened:
    case procedure::EventKind::Tightened:
      j["fastener"] = t.devices[e.subject].name;
      j["tool"] = t.devices[e.from].name;
      j["turns"] = e.to;
      break;
    case procedure::EventKind::FaultInjected:
      j["fault"] = t.faults[e.subject].id;
      j["source"] = procedure::toString(static_cast<procedure::FaultSource>(e.from));
      break;
    case procedure::EventKind::SessionEnded:
      j["reason"] = procedure::toString(static_cast<procedure::EndReason>(e.subject));
      break;
  }
  return j;
}
}  // namespace

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
                          {"severity", v.severity},
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
