// tick_bench: the tick cost of interaction + procedure + rules on top of physics alone. One
// generated scenario (written to a temporary folder at start-up): a floor, 100 static boxes that
// are the entities of 100 devices in 10 switchgear bays, 20 dynamic boxes falling and settling,
// 12 variables, a 30-step procedure and 50 rules. The same scenario is stepped 600 ticks per
// iteration through sim::Simulation::step() (physics alone) and through sim::Session::step()
// with a learner's input stream that points at the devices and clicks one every 30 ticks.
// Prints the session/physics time ratio after the runs (target <= 1.10).
#include <benchmark/benchmark.h>

#include <stdlib.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <practicum/procedure/events.hpp>
#include <practicum/scenario/scenario.hpp>
#include <practicum/sim/session.hpp>
#include <practicum/sim/simulation.hpp>

namespace {

using namespace practicum;

constexpr int kTicksPerIteration = 600;  // 5 s at 120 Hz: boxes fall and settle, 20 clicks
constexpr int kTicksPerClick = 30;       // the learner clicks a device every 0.25 s
constexpr int kClickAt = 12;             // ...after resting the pointer on it this long
constexpr int kClickHold = 6;            // ticks the primary button stays down (50 ms)
constexpr int kBays = 10;
constexpr int kDevicesPerBay = 10;
constexpr int kProcedureBays = 5;  // bays the procedure takes out of service (6 steps each)
constexpr int kDynamicBoxes = 20;

// ---- the generated scenario ----------------------------------------------------------------

// one bay's devices, in the order of the panel from the bottom up
struct DeviceSpec {
  const char* prefix;
  const char* kind;
  std::vector<const char*> positions;  // empty: a button
  const char* initial;
};
const std::array<DeviceSpec, kDevicesPerBay> kBayDevices = {{
    {"QF", "breaker", {"open", "closed"}, "closed"},
    {"QSL", "disconnector", {"open", "closed"}, "closed"},
    {"QSB", "disconnector", {"open", "closed"}, "closed"},
    {"SB", "button", {}, nullptr},
    {"QE", "earthingSwitch", {"open", "closed"}, "open"},
    {"LT", "switch", {"off", "on"}, "off"},
    {"DR", "lever", {"closed", "open"}, "closed"},
    {"QC", "breaker", {"open", "closed"}, "open"},
    {"SA", "switch", {"remote", "local", "off"}, "remote"},
    {"SL", "lever", {"down", "middle", "up"}, "down"},
}};

std::string deviceName(int bay, int k) { return kBayDevices[k].prefix + std::to_string(bay); }
int deviceIndex(int bay, int k) { return (bay - 1) * kDevicesPerBay + k; }

// where a device's box sits: bays are columns of a panel wall facing +z
struct Vec {
  float x, y, z;
};
Vec devicePosition(int device) {
  const int bay = device / kDevicesPerBay, k = device % kDevicesPerBay;
  return {-4.5f + 1.0f * static_cast<float>(bay), 0.4f + 0.4f * static_cast<float>(k), 0.0f};
}

std::string vec(float x, float y, float z) {
  char buf[96];
  std::snprintf(buf, sizeof buf, "[%g, %g, %g]", x, y, z);
  return buf;
}

std::string text(const std::string& en) {
  return "{\"zh-CN\": \"" + en + "\", \"en\": \"" + en + "\"}";
}

std::string boxEntity(const std::string& name, const std::string& position,
                      const std::string& rotation, const std::string& halfExtents,
                      const std::string& material, const std::string& body) {
  std::string e = "    {\"name\": \"" + name + "\", \"transform\": {\"position\": " + position;
  if (!rotation.empty()) e += ", \"rotation\": " + rotation;
  e += "}, \"shape\": {\"type\": \"box\", \"halfExtents\": " + halfExtents + "}, \"material\": \"" +
       material + "\", \"body\": " + body + "}";
  return e;
}

std::string interlock(const std::string& id, const std::string& device, const char* to,
                      const std::string& when, const char* severity, const char* action,
                      const char* consequence) {
  std::string r = "    {\"id\": \"" + id + "\", \"kind\": \"interlock\", \"text\": " + text(id) +
                  ", \"device\": \"" + device + "\"";
  if (to) r += ", \"to\": \"" + std::string(to) + "\"";
  r += ", \"when\": \"" + when + "\", \"severity\": \"" + severity + "\", \"action\": \"" + action +
       "\"";
  if (consequence) r += ", \"consequence\": \"" + std::string(consequence) + "\"";
  return r + "}";
}

std::string hazard(const std::string& id, const std::string& when, const char* severity,
                   const char* consequence) {
  return "    {\"id\": \"" + id + "\", \"kind\": \"hazard\", \"text\": " + text(id) +
         ", \"when\": \"" + when + "\", \"severity\": \"" + severity + "\", \"consequence\": \"" +
         consequence + "\"}";
}

// after: a JSON array of step ids, or empty for the default (the previous step in a sequence)
std::string step(const std::string& id, const std::string& done, const std::string& after,
                 double points, const char* timeLimit) {
  std::string s = "      {\"id\": \"" + id + "\", \"text\": " + text(id) + ", \"done\": \"" + done +
                  "\", \"points\": " + std::to_string(static_cast<int>(points));
  if (!after.empty()) s += ", \"after\": " + after;
  if (timeLimit) s += ", \"timeLimit\": " + std::string(timeLimit);
  return s + "}";
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ",\n" : "\n") + items[i];
  return out + "\n  ";
}

std::string scenarioJson() {
  // entities: floor, 100 device boxes, 20 dynamic boxes in staggered, tilted layers
  std::vector<std::string> entities;
  entities.push_back(boxEntity("floor", vec(0, -0.05f, 0), "", vec(20, 0.05f, 20), "floor",
                               "{\"type\": \"static\"}"));
  for (int d = 0; d < kBays * kDevicesPerBay; ++d) {
    const Vec p = devicePosition(d);
    entities.push_back(boxEntity(deviceName(d / kDevicesPerBay + 1, d % kDevicesPerBay) + "-box",
                                 vec(p.x, p.y, p.z), "", vec(0.12f, 0.08f, 0.04f), "handle",
                                 "{\"type\": \"static\"}"));
  }
  for (int i = 0; i < kDynamicBoxes; ++i) {
    const int layer = i / 5, col = i % 5;
    const float stagger = 0.12f * static_cast<float>(layer % 2);
    entities.push_back(
        boxEntity("crate" + std::to_string(i),
                  vec(-1.0f + 0.5f * static_cast<float>(col) + stagger,
                      0.6f + 0.8f * static_cast<float>(layer), 5.5f + stagger),
                  vec(10.0f * static_cast<float>(layer), 17.0f * static_cast<float>(col), 5.0f),
                  vec(0.2f, 0.2f, 0.2f), "crate", "{\"type\": \"dynamic\", \"mass\": 2}"));
  }

  // devices: 10 bays of 10
  std::vector<std::string> devices;
  for (int bay = 1; bay <= kBays; ++bay)
    for (int k = 0; k < kDevicesPerBay; ++k) {
      const DeviceSpec& spec = kBayDevices[k];
      std::string d = "    {\"name\": \"" + deviceName(bay, k) + "\", \"kind\": \"" + spec.kind +
                      "\", \"entity\": \"" + deviceName(bay, k) +
                      "-box\", \"label\": " + text(deviceName(bay, k));
      if (!spec.positions.empty()) {
        d += ", \"positions\": [";
        for (std::size_t j = 0; j < spec.positions.size(); ++j)
          d += (j ? ", \"" : "\"") + std::string(spec.positions[j]) + "\"";
        d += "], \"initial\": \"" + std::string(spec.initial) + "\"";
      }
      devices.push_back(d + "}");
    }

  // variables: whether each bay is live, plus two station-wide aggregates
  std::vector<std::string> variables;
  for (int b = 1; b <= kBays; ++b) {
    const std::string n = std::to_string(b);
    variables.push_back("    {\"name\": \"bay" + n + "_live\", \"value\": \"QSB" + n +
                        ".closed and (QF" + n + ".closed or QC" + n + ".closed) and QSL" + n +
                        ".closed and not QE" + n + ".closed\"}");
  }
  variables.push_back(
      "    {\"name\": \"bus_load\", \"value\": \"QF1.position + QF2.position + QF3.position + "
      "QF4.position + QF5.position + QC1.position + QC2.position + QC3.position\"}");
  variables.push_back(
      "    {\"name\": \"any_earthed\", \"value\": \"QE1.closed or QE2.closed or QE3.closed or "
      "QE4.closed or QE5.closed or QE6.closed\"}");

  // procedure: per bay a switching sequence; bays in any order; lock and tag free after isolation
  std::vector<std::string> steps;
  for (int b = 1; b <= kProcedureBays; ++b) {
    const std::string n = std::to_string(b);
    steps.push_back(step("open_breaker_" + n,
                         "QF" + n + ".open and QC" + n + ".open and not QE" + n + ".closed", "[]",
                         10, nullptr));
    steps.push_back(step("open_line_" + n,
                         "QSL" + n + ".open and QF" + n + ".open and since(QF" + n + ".open) > 0.1",
                         "", 10, nullptr));
    steps.push_back(step("open_bus_" + n,
                         "QSB" + n + ".open and QSL" + n + ".open and not bay" + n + "_live", "",
                         10, nullptr));
    steps.push_back(step("verify_" + n,
                         "SB" + n + ".pressed and not bay" + n + "_live and not QSB" + n +
                             ".closed and since(QSB" + n + ".open) >= 0.2",
                         "", 10, "60"));
    steps.push_back(step("earth_" + n,
                         "QE" + n + ".closed and verify_" + n + ".done and not bay" + n +
                             "_live and since(verify_" + n + ".done) < 120",
                         "", 10, nullptr));
    steps.push_back(step(
        "lock_" + n, "LT" + n + ".on and QSB" + n + ".open and QSL" + n + ".open and elapsed > 0",
        "[\"open_bus_" + n + "\"]", 5, nullptr));
  }

  // rules: per bay 3 interlocks and 2 hazards
  std::vector<std::string> rules;
  for (int b = 1; b <= kBays; ++b) {
    const std::string n = std::to_string(b);
    rules.push_back(interlock("qsl" + n + "_under_load", "QSL" + n, nullptr,
                              "QF" + n + ".closed or (QC" + n + ".closed and SA" + n + ".local)",
                              "critical", "record", "arc-flash"));
    rules.push_back(
        interlock("qe" + n + "_onto_live", "QE" + n, "closed",
                  "bay" + n + "_live or QSB" + n + ".closed or since(QSB" + n + ".open) < 0.2",
                  "critical", "record", "arc-flash"));
    rules.push_back(interlock("qc" + n + "_earthed", "QC" + n, "closed",
                              "QE" + n + ".closed or LT" + n + ".on or DR" + n + ".open", "major",
                              "prevent", nullptr));
    rules.push_back(
        hazard("door" + n + "_live",
               "DR" + n + ".open and (not QE" + n + ".closed or bay" + n + "_live) and elapsed > 0",
               "critical", "arc-flash"));
    if (b <= kProcedureBays)
      rules.push_back(
          hazard("earth" + n + "_unverified",
                 "QE" + n + ".closed and not verify_" + n + ".done and QSB" + n + ".open",
                 "critical", "alarm"));
    else
      rules.push_back(
          hazard("remote" + n + "_earthed",
                 "SA" + n + ".remote and any_earthed and bus_load > 6 and SL" + n + ".up",
                 "warning", "alarm"));
  }

  return "{\n  \"format\": 1,\n  \"id\": \"tick-bench\",\n  \"title\": " +
         text("Tick benchmark switchgear") +
         ",\n  \"trade\": \"electrical\",\n  \"author\": \"Practicum project\",\n"
         "  \"licence\": \"CC-BY-4.0\",\n"
         "  \"physics\": {\"tickRate\": 120, \"gravity\": [0, -9.81, 0]},\n"
         "  \"materials\": [{\"name\": \"floor\"}, {\"name\": \"handle\"}, {\"name\": "
         "\"crate\"}],\n  \"entities\": [" +
         join(entities) + "],\n  \"devices\": [" + join(devices) + "],\n  \"variables\": [" +
         join(variables) +
         "],\n  \"procedure\": {\"order\": \"sequence\", \"timeLimit\": 900, \"steps\": [" +
         join(steps) + "]},\n  \"rules\": [" + join(rules) +
         "],\n  \"rubric\": {\"pass\": 80, \"penalties\": {\"warning\": 2, \"major\": 10, "
         "\"critical\": 40, \"order\": 5}, \"time\": {\"target\": 600, \"perSecondOver\": 0.05, "
         "\"max\": 10}, \"criticalFails\": true}\n}\n";
}

// ---- the learner's input -------------------------------------------------------------------

// the order a learner works through a bay: odd bays by the book, even bays with mistakes
// (a disconnector under load, earthing before verifying dead)
std::vector<int> clickOrder() {
  constexpr std::array<int, kDevicesPerBay> kByTheBook = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
  constexpr std::array<int, kDevicesPerBay> kHurried = {1, 0, 2, 4, 3, 5, 6, 7, 8, 9};
  std::vector<int> order;
  for (int bay = 1; bay <= kBays; ++bay)
    for (int k : (bay % 2 ? kByTheBook : kHurried)) order.push_back(deviceIndex(bay, k));
  return order;
}

// the device the pointer is on at a tick
int targetDevice(int tick) {
  static const std::vector<int> order = clickOrder();
  return order[static_cast<std::size_t>(tick / kTicksPerClick) % order.size()];
}

std::vector<sim::InputRecord> inputStream() {
  std::vector<sim::InputRecord> inputs;
  for (int t = 0; t < kTicksPerIteration; ++t) {
    const Vec p = devicePosition(targetDevice(t));
    sim::InputRecord in;
    in.cameraPosition = {p.x, 1.7f, 2.5f};
    in.cameraForward = {0, 0, -1};
    in.pointerOrigin = {p.x, p.y, 2.5f};  // straight at the box from in front of the panel
    in.pointerDirection = {0, 0, -1};
    const int phase = t % kTicksPerClick;
    in.buttons = phase >= kClickAt && phase < kClickAt + kClickHold ? sim::kPointerPrimary : 0;
    inputs.push_back(in);
  }
  return inputs;
}

// ---- shared set-up -------------------------------------------------------------------------

struct Shared {
  std::optional<scenario::ScenarioDef> def;
  std::vector<sim::InputRecord> inputs;
  std::string error;
};

Shared& shared() {
  static Shared s = [] {
    Shared r;
    // write the scenario into a temporary folder, load it as any scenario, remove the folder
    std::string tmpl = (std::filesystem::temp_directory_path() / "tick_bench.XXXXXX").string();
    if (!mkdtemp(tmpl.data())) {
      r.error = "cannot create a temporary folder";
      return r;
    }
    const std::filesystem::path folder = tmpl;
    std::ofstream(folder / "scenario.json") << scenarioJson();
    scenario::LoadResult loaded = scenario::loadScenario(folder);
    std::error_code ec;
    std::filesystem::remove_all(folder, ec);
    if (!loaded.ok()) {
      for (const auto& d : loaded.diagnostics)
        if (d.severity == scenario::Severity::Error) r.error += d.format() + "\n";
      return r;
    }
    r.def = std::move(*loaded.scenario);
    r.inputs = inputStream();
    return r;
  }();
  return s;
}

// ---- benchmarks ----------------------------------------------------------------------------

void setCounters(benchmark::State& state) {
  state.counters["ticks_per_s"] = benchmark::Counter(
      static_cast<double>(state.iterations()) * kTicksPerIteration, benchmark::Counter::kIsRate);
}

void BM_PhysicsAlone(benchmark::State& state) {
  Shared& s = shared();
  if (!s.error.empty()) return state.SkipWithError(s.error.c_str());
  for (auto _ : state) {
    state.PauseTiming();
    auto sim = sim::Simulation::create(*s.def);
    if (!sim.ok()) {
      state.SkipWithError(sim.error().message.c_str());
      break;
    }
    state.ResumeTiming();
    for (int t = 0; t < kTicksPerIteration; ++t) (*sim)->step();
    benchmark::DoNotOptimize((*sim)->stateHash());
    state.PauseTiming();
    sim->reset();
    state.ResumeTiming();
  }
  setCounters(state);
}

// what one run of the input stream did, to check that clicks land and rules fire
struct RunSummary {
  int clicks = 0, missed = 0;
  int operated = 0, refused = 0, pressed = 0, stepsDone = 0, violations = 0;
  bool ended = false;
};

RunSummary sanityRun(const Shared& s) {
  RunSummary r;
  auto session = sim::Session::create(*s.def);
  if (!session.ok()) return r;
  for (int t = 0; t < kTicksPerIteration; ++t) {
    (*session)->step(s.inputs[t]);
    if (t % kTicksPerClick == kClickAt) {
      ++r.clicks;
      const auto hovered = (*session)->hoveredDevice();
      if (!hovered || static_cast<int>(*hovered) != targetDevice(t)) ++r.missed;
    }
  }
  using procedure::EventKind;
  for (const auto& e : (*session)->events()) {
    r.operated += e.kind == EventKind::Operated;
    r.refused += e.kind == EventKind::Refused;
    r.pressed += e.kind == EventKind::Pressed;
    r.stepsDone += e.kind == EventKind::StepCompleted;
    r.violations += e.kind == EventKind::Violation;
  }
  r.ended = (*session)->ended();
  return r;
}

void BM_SessionFull(benchmark::State& state) {
  Shared& s = shared();
  if (!s.error.empty()) return state.SkipWithError(s.error.c_str());

  // before timing: every click must land on the device aimed at, and the rules must fire
  const RunSummary check = sanityRun(s);
  if (check.clicks == 0 || check.missed > 0 || check.ended || check.refused == 0 ||
      check.violations == 0 || check.stepsDone == 0) {
    char msg[200];
    std::snprintf(msg, sizeof msg,
                  "sanity run: %d of %d clicks missed their device, %d refused, %d violations, "
                  "%d steps done, ended %d",
                  check.missed, check.clicks, check.refused, check.violations, check.stepsDone,
                  check.ended ? 1 : 0);
    return state.SkipWithError(msg);
  }

  for (auto _ : state) {
    state.PauseTiming();
    auto session = sim::Session::create(*s.def);
    if (!session.ok()) {
      state.SkipWithError(session.error().message.c_str());
      break;
    }
    state.ResumeTiming();
    for (int t = 0; t < kTicksPerIteration; ++t) (*session)->step(s.inputs[t]);
    benchmark::DoNotOptimize((*session)->stateHash());
    state.PauseTiming();
    session->reset();
    state.ResumeTiming();
  }
  setCounters(state);
  state.counters["clicks"] = check.clicks;
  state.counters["operated"] = check.operated;
  state.counters["refused"] = check.refused;
  state.counters["pressed"] = check.pressed;
  state.counters["steps_done"] = check.stepsDone;
  state.counters["violations"] = check.violations;
}

BENCHMARK(BM_PhysicsAlone)->Unit(benchmark::kMillisecond)->Iterations(20)->Repetitions(5);
BENCHMARK(BM_SessionFull)->Unit(benchmark::kMillisecond)->Iterations(20)->Repetitions(5);

// console output plus the fastest repetition of each benchmark, for the ratio
class RatioReporter : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override {
    for (const Run& r : runs) {
      if (r.run_type != Run::RT_Iteration || r.error_occurred) continue;
      const std::string name = r.run_name.function_name;
      const double t = r.GetAdjustedRealTime();
      auto [it, inserted] = best.emplace(name, t);
      if (!inserted && t < it->second) it->second = t;
    }
    ConsoleReporter::ReportRuns(runs);
  }
  std::map<std::string, double> best;
};

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  RatioReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  const auto physics = reporter.best.find("BM_PhysicsAlone");
  const auto session = reporter.best.find("BM_SessionFull");
  if (physics != reporter.best.end() && session != reporter.best.end() && physics->second > 0) {
    std::printf("session/physics ratio (fastest repetitions): %.3f (target <= 1.10)\n",
                session->second / physics->second);
    std::printf("physics %.4f ms/tick, session %.4f ms/tick (+%.4f ms/tick)\n",
                physics->second / kTicksPerIteration, session->second / kTicksPerIteration,
                (session->second - physics->second) / kTicksPerIteration);
  }
  benchmark::Shutdown();
  return 0;
}
