#include "html_report.hpp"

#include <algorithm>
#include <cstdio>
#include <sstream>

#include <practicum/present/scene_view.hpp>
#include <practicum/render/context.hpp>
#include <practicum/render/offscreen_target.hpp>
#include <practicum/render/renderer.hpp>
#include <practicum/sim/session.hpp>
#include <practicum/ui/hud.hpp>
#include <practicum/ui/text.hpp>
#include <practicum/ui/timeline.hpp>

namespace practicum::app {

namespace {

std::string escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string base64(const std::string& data) {
  static constexpr char kTable[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((data.size() + 2) / 3 * 4);
  for (std::size_t i = 0; i < data.size(); i += 3) {
    const unsigned b0 = static_cast<unsigned char>(data[i]);
    const unsigned b1 = i + 1 < data.size() ? static_cast<unsigned char>(data[i + 1]) : 0;
    const unsigned b2 = i + 2 < data.size() ? static_cast<unsigned char>(data[i + 2]) : 0;
    out += kTable[b0 >> 2];
    out += kTable[((b0 & 3) << 4) | (b1 >> 4)];
    out += i + 1 < data.size() ? kTable[((b1 & 15) << 2) | (b2 >> 6)] : '=';
    out += i + 2 < data.size() ? kTable[b2 & 63] : '=';
  }
  return out;
}

std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

}  // namespace

std::vector<KeyMoment> renderKeyMoments(
    const scenario::ScenarioDef& def, const record::LogContents& log,
    const std::vector<std::pair<std::uint64_t, std::string>>& ticks,
    scenario::LocalizedText& note) {
  // the graphics stack's own words stay as they are
  const auto noPictures = [&](const std::string& why) {
    note = scenario::say("no pictures: {}", "没有图片：{}", why);
  };
  std::vector<KeyMoment> moments;
  if (ticks.empty()) return moments;
  constexpr std::uint32_t kWidth = 480, kHeight = 270;
  auto ctx = render::Context::create({});
  if (!ctx.ok()) {
    noPictures(ctx.error().message);
    return moments;
  }
  auto target = render::OffscreenTarget::create(**ctx, kWidth, kHeight);
  auto renderer = target.ok() ? render::Renderer::create(**ctx, **target, {1})
                              : core::Result<std::unique_ptr<render::Renderer>>(target.error());
  const sim::SessionOptions options = record::sessionOptions(log.header);
  auto session = sim::Session::create(def, options);
  if (!renderer.ok() || !session.ok()) {
    noPictures(!renderer.ok() ? renderer.error().message : session.error().message);
    return moments;
  }
  auto view = present::SceneView::create(**renderer, (*session)->simulation());
  if (!view.ok()) {
    noPictures(view.error().message);
    return moments;
  }
  // replay, stopping at each key tick to look through the learner's eyes
  sim::Session& s = **session;
  std::size_t nextInput = 0;
  sim::InputRecord input;
  for (const auto& [tick, caption] : ticks) {
    while (s.tick() < tick && !s.ended()) {
      while (nextInput < log.inputs.size() && log.inputs[nextInput].tick <= s.tick() + 1)
        input = log.inputs[nextInput++].input;
      s.step(input);
    }
    scene::Camera camera = def.scene.camera;
    if (core::length(input.cameraForward) > 0.5f) {
      camera.position = input.cameraPosition;
      camera.target = input.cameraPosition + core::normalize(input.cameraForward);
    }
    render::Image image;
    const auto cv = render::makeCameraView(camera, float(kWidth) / float(kHeight));
    if (!(*renderer)->drawFrame((*view)->frame(s.simulation(), cv), &image).ok()) continue;
    if (auto png = render::encodePng(image); png.ok())
      moments.push_back({tick, caption, std::move(*png)});
  }
  return moments;
}

std::string htmlReport(const scenario::ScenarioDef& def, const record::LogContents& log,
                       const procedure::SessionResult& result,
                       const std::vector<procedure::Event>& events, const ReportReplay& replay,
                       const scenario::LocalizedText& endText,
                       const std::vector<KeyMoment>& moments,
                       const scenario::LocalizedText& picturesNote) {
  using ui::Language;
  using ui::Text;
  const double tickSeconds = 1.0 / log.header.tickRate;
  const double total = std::max(result.seconds, 1.0);
  const auto& t = def.training;
  // the report is read by assessors of either language: every word in both
  const auto both = [](Text text) {
    return std::string(ui::tr(text, Language::English)) + " " +
           ui::tr(text, Language::ChineseSimplified);
  };
  // a text of the engine's in both: the Chinese, then the English
  const auto bothSaid = [](const scenario::LocalizedText& text) {
    return escape(text.zhCN) + " / " + escape(text.en);
  };
  std::ostringstream h;
  h << "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
    << "<title>" << escape(def.meta.title.en) << " — " << escape(log.header.learner) << "</title>"
    << "<style>body{font-family:sans-serif;margin:2em;max-width:980px}"
       "table{border-collapse:collapse}td,th{border:1px solid #bbb;padding:4px 8px;text-align:left}"
       ".pass{color:#176b2c}.fail{color:#b3261e}figure{display:inline-block;margin:8px}"
       "figcaption{font-size:90%;max-width:480px}th,td.w{white-space:nowrap}</style></"
       "head><body>\n";
  // who, what, the result
  h << "<h1>" << escape(def.meta.title.zhCN) << " / " << escape(def.meta.title.en) << "</h1>\n"
    << "<p>" << both(Text::Learner) << " <b>" << escape(log.header.learner) << "</b>"
    << (log.header.station.empty()
            ? ""
            : ", " + both(Text::ReportStation) + " " + escape(log.header.station))
    << ", " << both(log.header.mode == 1 ? Text::Exam : Text::Practice) << ", "
    << both(Text::ReportScenario) << " <code>" << escape(def.meta.id) << "</code></p>\n"
    << "<p class=\"" << (result.passed ? "pass" : "fail") << "\"><b>" << number(result.score)
    << " / " << number(result.max) << " — " << both(result.passed ? Text::Passed : Text::NotPassed)
    << "</b> (" << number(result.seconds) << " s)</p>\n"
    << "<p id=\"end\">" << both(Text::ReportEnded) << ": <b>" << bothSaid(endText) << "</b></p>\n"
    << "<p id=\"replay\">" << both(Text::ReportReplay) << ": "
    << both(replay.kind == "verified"   ? Text::ReportReplayVerified
            : replay.kind == "fallback" ? Text::ReportReplayFallback
                                        : Text::ReportReplayNone)
    << " <small>(" << bothSaid(replay.message) << ")</small></p>\n";

  // the timeline: steps above the line, violations below, faults and the learner's own actions
  // on it (smaller); markers that would cover each other stack away from the line
  constexpr int kW = 900, kH = 130, kPad = 20, kLine = 60;
  const auto x = [&](std::uint64_t tick) {
    return kPad + (kW - 2 * kPad) * std::min(1.0, double(tick) * tickSeconds / total);
  };
  h << "<h2>" << both(Text::ReportTimeline) << "</h2>\n<svg id=\"timeline\" "
    << "xmlns=\"http://www.w3.org/2000/svg\" width=\"" << kW << "\" height=\"" << kH
    << "\" viewBox=\"0 0 " << kW << ' ' << kH << "\">"
    << "<line x1=\"" << kPad << "\" y1=\"" << kLine << "\" x2=\"" << kW - kPad << "\" y2=\""
    << kLine << "\" stroke=\"#444\"/>"
    << "<text x=\"" << kPad << "\" y=\"" << kH - 6 << "\" font-size=\"11\">0 s</text>"
    << "<text x=\"" << kW - kPad - 30 << "\" y=\"" << kH - 6 << "\" font-size=\"11\">"
    << number(total) << " s</text>";
  // each with its time and words in both languages as its tooltip
  const auto en = ui::timelineMarkers(def, events, tickSeconds, Language::English);
  const auto zh = ui::timelineMarkers(def, events, tickSeconds, Language::ChineseSimplified);
  struct Row {
    double lastX = -1e9;
    int stacked = 0;
  };
  Row rows[3];  // above, on, below the line
  for (std::size_t i = 0; i < events.size() && i < en.size() && i < zh.size(); ++i) {
    const auto& e = events[i];
    const char* colour = "#8a94a6";
    const char* kind = "action";
    int row = 1, r = 4, away = 0;  // away: -1 up, +1 down from the line
    switch (en[i].kind) {
      case ui::MarkerKind::Step: colour = "#1e8e3e", kind = "step", row = 0, r = 6; break;
      case ui::MarkerKind::Violation: colour = "#d93025", kind = "violation", row = 2, r = 6; break;
      case ui::MarkerKind::Fault: colour = "#f29900", kind = "fault", r = 6; break;
      case ui::MarkerKind::Other: break;
    }
    away = row - 1;
    const double cx = x(e.tick);
    Row& at = rows[row];
    at.stacked = cx - at.lastX < 2.0 * r + 1 ? std::min(at.stacked + 1, 2) : 0;
    at.lastX = cx;
    // steps and violations start 20 px off the line; a stack goes on outwards (on the line:
    // alternately above and below it)
    const int step = 2 * r + 2;
    const int y = away != 0 ? kLine + away * (20 + at.stacked * step)
                            : kLine + (at.stacked % 2 ? -1 : 1) * ((at.stacked + 1) / 2) * step;
    h << "<circle class=\"" << kind << "\" cx=\"" << cx << "\" cy=\"" << y << "\" r=\"" << r
      << "\" fill=\"" << colour << "\"><title>" << number(double(e.tick) * tickSeconds)
      << " s: " << escape(en[i].text) << " / " << escape(zh[i].text) << "</title></circle>";
  }
  h << "<text x=\"" << kW / 2 - 190 << "\" y=\"" << kH - 6 << "\" font-size=\"11\">"
    << "<tspan fill=\"#1e8e3e\">● " << both(Text::Steps) << "</tspan>  <tspan fill=\"#d93025\">● "
    << both(Text::ReportViolations) << "</tspan>  <tspan fill=\"#f29900\">● "
    << both(Text::ReportFaults) << "</tspan>  <tspan fill=\"#8a94a6\">● "
    << both(Text::ReportActions) << "</tspan></text>";
  h << "</svg>\n";

  // steps and violations
  h << "<h2>" << both(Text::Steps) << "</h2>\n<table><tr><th>" << both(Text::ReportStep)
    << "</th><th>" << both(Text::ReportDone) << "</th><th>" << both(Text::ReportAt) << "</th><th>"
    << both(Text::ReportTook) << "</th><th>" << both(Text::ReportAttempts) << "</th><th>"
    << both(Text::ReportPoints) << "</th></tr>\n";
  for (std::size_t i = 0; i < result.steps.size() && i < t.steps.size(); ++i) {
    const auto& s = result.steps[i];
    h << "<tr><td>" << escape(t.steps[i].text.zhCN) << "<br>" << escape(t.steps[i].text.en)
      << "</td><td>" << (s.done ? "✔" : "✘") << "</td><td>" << (s.done ? number(s.at) : "—")
      << "</td><td>" << (s.done ? number(s.duration) : "—") << "</td><td>" << s.attempts
      << "</td><td>" << number(s.points) << " / " << number(s.maxPoints) << "</td></tr>\n";
  }
  h << "</table>\n<h2>" << both(Text::ReportViolations) << "</h2>\n";
  if (result.violations.empty())
    h << "<p>" << both(Text::ReportNone) << "</p>\n";
  else {
    h << "<table><tr><th>" << both(Text::ReportAt) << "</th><th>" << both(Text::ReportRule)
      << "</th><th>" << both(Text::ReportSeverity) << "</th><th>" << both(Text::ReportOutcome)
      << "</th></tr>\n";
    for (const auto& v : result.violations) {
      const Text severity = v.severity == scenario::RuleSeverity::Critical ? Text::Critical
                            : v.severity == scenario::RuleSeverity::Major  ? Text::Major
                                                                           : Text::Warning;
      h << "<tr><td>" << number(v.at) << "</td><td>" << escape(v.textZhCN) << "<br>"
        << escape(v.textEn) << "</td><td class=\"w\">" << both(severity) << "</td><td class=\"w\">"
        << both(v.prevented ? Text::ReportPrevented : Text::ReportHappened) << "</td></tr>\n";
    }
    h << "</table>\n";
  }
  // pictures of key moments, embedded
  h << "<h2>" << both(Text::ReportKeyMoments) << "</h2>\n";
  if (moments.empty())
    h << "<p>" << both(picturesNote.en.empty() ? Text::ReportNone : Text::ReportNoPictures)
      << (picturesNote.en.empty() ? "" : " (" + bothSaid(picturesNote) + ")") << "</p>\n";
  for (const auto& m : moments)
    h << "<figure><img alt=\"" << escape(m.caption) << "\" width=\"480\" height=\"270\" "
      << "src=\"data:image/png;base64," << base64(m.png) << "\"><figcaption>"
      << number(double(m.tick) * tickSeconds) << " s: " << escape(m.caption)
      << "</figcaption></figure>\n";
  h << "</body></html>\n";
  return h.str();
}

}  // namespace practicum::app
