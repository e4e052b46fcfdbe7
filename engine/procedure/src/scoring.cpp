#include <algorithm>

#include <practicum/procedure/procedure.hpp>

namespace practicum::procedure {

namespace {
const char* severityName(scenario::RuleSeverity s) {
  switch (s) {
    case scenario::RuleSeverity::Warning: return "warning";
    case scenario::RuleSeverity::Major: return "major";
    case scenario::RuleSeverity::Critical: return "critical";
  }
  return "?";
}
}  // namespace

SessionResult score(const scenario::TrainingDef& def, const Procedure& procedure, double seconds,
                    double tickSeconds, EndReason end) {
  SessionResult r;
  r.seconds = seconds;
  r.end = end;
  const auto& rubric = def.rubric;

  // points for the steps done
  for (std::size_t i = 0; i < def.steps.size(); ++i) {
    const auto& d = def.steps[i];
    const auto& p = procedure.steps()[i];
    StepResult s;
    s.id = d.id;
    s.done = p.done;
    s.maxPoints = d.points;
    s.attempts = p.earlyAttempts + (p.done ? 1 : 0);
    if (p.done) {
      s.points = d.points;
      s.at = double(p.doneTick) * tickSeconds;
      s.duration = double(p.doneTick - p.availableTick) * tickSeconds;
    }
    r.max += d.points;
    r.score += s.points;
    r.steps.push_back(std::move(s));
  }

  // penalties for each violation, by severity; ordering mistakes by the order penalty
  bool critical = false;
  for (const auto& v : procedure.violations()) {
    ViolationResult out;
    out.at = double(v.tick) * tickSeconds;
    out.prevented = v.prevented;
    if (v.rule) {
      const auto& rule = def.rules[*v.rule];
      out.rule = rule.id;
      out.severity = severityName(rule.severity);
      out.textEn = rule.text.en;
      out.textZhCN = rule.text.zhCN;
      switch (rule.severity) {
        case scenario::RuleSeverity::Warning: r.score -= rubric.penaltyWarning; break;
        case scenario::RuleSeverity::Major: r.score -= rubric.penaltyMajor; break;
        case scenario::RuleSeverity::Critical:
          r.score -= rubric.penaltyCritical;
          critical = critical || !v.prevented;  // a prevented one is not a critical failure
          break;
      }
    } else if (v.timeout) {
      out.rule = "timeout:" + def.steps[v.step].id;
      out.severity = "warning";
      out.textEn = "step \"" + def.steps[v.step].text.en + "\" passed its time limit";
      out.textZhCN = "步骤“" + def.steps[v.step].text.zhCN + "”超时";
      r.score -= rubric.penaltyTimeout;
    } else {
      out.rule = "order:" + def.steps[v.step].id;
      out.severity = "warning";
      out.textEn = "step \"" + def.steps[v.step].text.en + "\" attempted before its prerequisites";
      out.textZhCN = "步骤“" + def.steps[v.step].text.zhCN + "”在前置步骤完成前进行";
      r.score -= rubric.penaltyOrder;
    }
    r.violations.push_back(std::move(out));
  }

  // time beyond the target costs points, up to a maximum
  if (rubric.targetSeconds && seconds > *rubric.targetSeconds)
    r.timePenalty = std::min(rubric.maxTimePenalty,
                             (seconds - *rubric.targetSeconds) * rubric.penaltyPerSecondOver);
  r.score = std::max(0.0, r.score - r.timePenalty);
  r.passed = r.score >= rubric.passScore && !(rubric.criticalFails && critical);
  return r;
}

}  // namespace practicum::procedure
