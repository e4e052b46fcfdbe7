#include <algorithm>

#include <practicum/procedure/procedure.hpp>

namespace practicum::procedure {

const char* severityName(scenario::RuleSeverity s) {
  switch (s) {
    case scenario::RuleSeverity::Warning: return "warning";
    case scenario::RuleSeverity::Major: return "major";
    case scenario::RuleSeverity::Critical: return "critical";
  }
  return "?";
}

void applyRubric(const scenario::RubricDef& rubric, SessionResult& r) {
  r.score = 0;
  r.max = 0;
  for (const auto& s : r.steps) {
    r.score += s.points;
    r.max += s.maxPoints;
  }
  // penalties for each violation, by severity; ordering mistakes and timeouts by their own
  bool critical = false;
  for (const auto& v : r.violations) {
    switch (v.kind) {
      case ViolationResult::Kind::Order: r.score -= rubric.penaltyOrder; break;
      case ViolationResult::Kind::Timeout: r.score -= rubric.penaltyTimeout; break;
      case ViolationResult::Kind::Rule:
        switch (v.severity) {
          case scenario::RuleSeverity::Warning: r.score -= rubric.penaltyWarning; break;
          case scenario::RuleSeverity::Major: r.score -= rubric.penaltyMajor; break;
          case scenario::RuleSeverity::Critical:
            r.score -= rubric.penaltyCritical;
            critical = critical || !v.prevented;  // a prevented one is not a critical failure
            break;
        }
        break;
    }
  }
  // time beyond the target costs points, up to a maximum
  r.timePenalty = 0;
  if (rubric.targetSeconds && r.seconds > *rubric.targetSeconds)
    r.timePenalty = std::min(rubric.maxTimePenalty,
                             (r.seconds - *rubric.targetSeconds) * rubric.penaltyPerSecondOver);
  r.score = std::max(0.0, r.score - r.timePenalty);
  r.passed = r.score >= rubric.passScore && !(rubric.criticalFails && critical);
}

ViolationResult ruleViolation(const scenario::RuleDef& rule, bool prevented, double at) {
  ViolationResult out;
  out.at = at;
  out.prevented = prevented;
  out.rule = rule.id;
  out.severity = rule.severity;
  out.textEn = rule.text.en;
  out.textZhCN = rule.text.zhCN;
  return out;
}

ViolationResult stepViolation(const scenario::StepDef& step, bool timeout, double at) {
  ViolationResult out;
  out.at = at;
  out.kind = timeout ? ViolationResult::Kind::Timeout : ViolationResult::Kind::Order;
  if (timeout) {
    out.rule = "timeout:" + step.id;
    out.textEn = "step \"" + step.text.en + "\" passed its time limit";
    out.textZhCN = "步骤“" + step.text.zhCN + "”超时";
  } else {
    out.rule = "order:" + step.id;
    out.textEn = "step \"" + step.text.en + "\" attempted before its prerequisites";
    out.textZhCN = "步骤“" + step.text.zhCN + "”在前置步骤完成前进行";
  }
  return out;
}

SessionResult score(const scenario::TrainingDef& def, const Procedure& procedure, double seconds,
                    double tickSeconds, EndReason end) {
  SessionResult r;
  r.seconds = seconds;
  r.end = end;
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
    r.steps.push_back(std::move(s));
  }
  for (const auto& v : procedure.violations()) {
    const double at = double(v.tick) * tickSeconds;
    r.violations.push_back(v.rule ? ruleViolation(def.rules[*v.rule], v.prevented, at)
                                  : stepViolation(def.steps[v.step], v.timeout, at));
  }
  applyRubric(def.rubric, r);
  return r;
}

}  // namespace practicum::procedure
