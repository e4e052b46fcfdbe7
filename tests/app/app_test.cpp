#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <map>
#include <regex>
#include <set>

#include <nlohmann/json.hpp>

#include <practicum/record/log.hpp>
#include <practicum/render/image.hpp>

#include "run_process.hpp"
#include "test_support.hpp"

namespace practicum::test {
namespace {

std::string workbench() { return scenarioDir("workbench").string(); }

// `practicum run` of the substation scenario, played by one of its shipped run files; `more`
// adds arguments (starting with a space)
auto playShippedRun(const std::string& run, const std::string& more) {
  const auto substation = scenarioDir("substation-switching");
  return runProcess(practicumBinary() + " run " + substation.string() + " --headless --bot " +
                    (substation / "runs" / (run + ".json")).string() + more);
}

// the session logs (*.plog) in a log folder, which also holds the session catalogue
std::vector<std::filesystem::path> sessionLogs(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> logs;
  for (const auto& e : std::filesystem::directory_iterator(dir))
    if (e.path().extension() == ".plog") logs.push_back(e.path());
  return logs;
}

void expectRecognisablePicture(const std::filesystem::path& png, std::uint32_t w, std::uint32_t h) {
  auto img = render::readPng(png);
  ASSERT_TRUE(img.ok()) << img.error().message;
  EXPECT_EQ(img->width, w);
  EXPECT_EQ(img->height, h);
  const auto stats = render::imageStats(*img);
  EXPECT_GT(stats.distinctColors, 100u);
  EXPECT_GT(stats.stddevLuma, 15.0);
}

TEST(PracticumRun, HeadlessWritesAScreenshotAndPrintsItsPath) {
  const auto dir = makeTempDir("run");
  const auto png = dir / "shot.png";
  const auto r = runProcess(practicumBinary() + " run " + workbench() +
                            " --headless --seconds 2 --validation --screenshot " + png.string());
  ASSERT_EQ(r.exitCode, 0) << r.output;
  EXPECT_NE(r.output.find("screenshot: " + png.string()), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("device: "), std::string::npos) << r.output;
  EXPECT_EQ(r.output.find("vulkan:"), std::string::npos) << "validation messages:\n" << r.output;
  expectRecognisablePicture(png, 1280, 720);
  std::filesystem::remove_all(dir);
}

TEST(PracticumRun, WindowUnderADisplayRendersAndScreenshots) {
  if (!std::getenv("DISPLAY")) GTEST_SKIP() << "no DISPLAY (scripts/test runs tests under Xvfb)";
  const auto dir = makeTempDir("window");
  const auto png = dir / "window.png";
  const auto r =
      runProcess(practicumBinary() + " run " + workbench() +
                 " --seconds 1 --width 480 --height 320 --validation --screenshot " + png.string());
  ASSERT_EQ(r.exitCode, 0) << r.output;
  EXPECT_EQ(r.output.find("rendering headless instead"), std::string::npos) << r.output;
  EXPECT_EQ(r.output.find("vulkan:"), std::string::npos) << "validation messages:\n" << r.output;
  expectRecognisablePicture(png, 480, 320);
  std::filesystem::remove_all(dir);
}

TEST(PracticumRun, NoVulkanDeviceIsAClearMessageNotACrash) {
  // point the loader at no driver at all
  const auto r =
      runProcess("VK_ICD_FILENAMES=/nonexistent/icd.json VK_DRIVER_FILES=/nonexistent/icd.json " +
                 practicumBinary() + " run " + workbench() +
                 " --headless --seconds 0.1 --screenshot /tmp/practicum-novk.png");
  EXPECT_EQ(r.signal, 0) << r.output;
  EXPECT_EQ(r.exitCode, 1) << r.output;
  EXPECT_NE(r.output.find("Vulkan"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("mesa-vulkan-drivers"), std::string::npos) << r.output;
}

TEST(PracticumRun, MissingScenarioNamesTheFile) {
  const auto r = runProcess(practicumBinary() + " run /nonexistent/scenario-x --headless");
  EXPECT_EQ(r.exitCode, 1) << r.output;
  EXPECT_NE(r.output.find("scenario-x"), std::string::npos) << r.output;
}

TEST(PracticumRun, BadUsageExitsWithTwo) {
  EXPECT_EQ(runProcess(practicumBinary() + " run").exitCode, 2);
  EXPECT_EQ(runProcess(practicumBinary() + " run " + workbench() + " --seconds abc").exitCode, 2);
  EXPECT_EQ(runProcess(practicumBinary() + " run " + workbench() + " --bogus").exitCode, 2);
  EXPECT_EQ(runProcess(practicumBinary() + " frobnicate").exitCode, 2);
  EXPECT_EQ(runProcess(practicumBinary() + " run --help").exitCode, 0);
}

TEST(PracticumRun, BotWritesTheResultAndChecksTheExpectation) {
  const auto dir = makeTempDir("bot");
  const auto substation = scenarioDir("substation-switching");
  const auto result = dir / "result.json";
  auto r = playShippedRun("perfect", " --result " + result.string() + " --no-render");
  ASSERT_EQ(r.exitCode, 0) << r.output;
  std::ifstream in(result);
  const std::string json((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  for (const char* key : {"\"score\": 100", "\"max\": 100", "\"passed\": true", "\"steps\"",
                          "\"violations\": []", "\"end\": \"completed\""})
    EXPECT_NE(json.find(key), std::string::npos) << key << " in\n" << json;

  // the same actions with a wrong expectation: exit 1, saying what differed
  std::ofstream(dir / "wrong.json") << R"({"scenario": "substation-switching", "mode": "exam",
    "actions": [{"do": "operate", "device": "QF1", "to": "open"}], "expect": {"passed": true}})";
  r = runProcess(practicumBinary() + " run " + substation.string() + " --headless --bot " +
                 (dir / "wrong.json").string() + " --no-render");
  EXPECT_EQ(r.exitCode, 1) << r.output;
  EXPECT_NE(r.output.find("passed false, expected true"), std::string::npos) << r.output;
  std::filesystem::remove_all(dir);
}

TEST(PracticumValidate, BundledScenarioIsValid) {
  const auto r = runProcess(practicumBinary() + " validate " + workbench());
  EXPECT_EQ(r.exitCode, 0) << r.output;
  EXPECT_NE(r.output.find("ok"), std::string::npos) << r.output;
}

TEST(PracticumValidate, ReportsEveryProblemWithPathAndLine) {
  const auto dir = makeTempDir("validate");
  std::ofstream(dir / "scenario.json") << R"({
  "format": 1,
  "id": "broken",
  "title": {"zh-CN": "坏", "en": "Broken"},
  "trade": "t", "author": "a", "licence": "CC0-1.0",
  "entities": [
    {"name": "a", "shape": {"type": "box", "halfExtents": [1, 1, 1]}, "colour": "red"},
    {"name": "b", "shape": {"type": "sphere", "radius": "big"}}
  ]
}
)";
  const auto r = runProcess(practicumBinary() + " validate " + dir.string());
  EXPECT_EQ(r.exitCode, 1) << r.output;
  // both problems, each with file, line and JSON path
  EXPECT_NE(r.output.find("scenario.json:7:"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("entities[0].colour"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("scenario.json:8:"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("entities[1].shape.radius"), std::string::npos) << r.output;

  // an instructor who reads Chinese: the same problems at the same places, in Chinese
  const auto zh = runProcess(practicumBinary() + " validate " + dir.string() + " --lang zh-CN");
  EXPECT_EQ(zh.exitCode, 1) << zh.output;
  EXPECT_NE(zh.output.find("scenario.json:7:"), std::string::npos) << zh.output;
  EXPECT_NE(zh.output.find(": 错误: entities[0].colour: 未知字段“colour”；应为以下之一："),
            std::string::npos)
      << zh.output;
  EXPECT_NE(zh.output.find("entities[1].shape.radius: 应为数值，实为字符串"), std::string::npos)
      << zh.output;
  EXPECT_NE(zh.output.find("2 个错误，0 个警告"), std::string::npos) << zh.output;
  EXPECT_EQ(runProcess(practicumBinary() + " validate " + dir.string() + " --lang fr").exitCode, 2);
  std::filesystem::remove_all(dir);
}

TEST(PracticumValidate, BrokenModelIsReportedNotACrash) {
  const auto dir = makeTempDir("validate-model");
  std::filesystem::create_directories(dir / "models");
  std::ofstream(dir / "models" / "junk.glb") << "glTF this is not really a binary glTF file";
  std::ofstream(dir / "scenario.json") << R"({
  "format": 1, "id": "junk-model", "title": {"zh-CN": "坏模型", "en": "Junk model"},
  "trade": "t", "author": "a", "licence": "CC0-1.0",
  "entities": [ {"name": "part", "model": "models/junk.glb", "body": {"type": "static"}} ]
}
)";
  const auto r = runProcess(practicumBinary() + " validate " + dir.string());
  EXPECT_EQ(r.signal, 0) << r.output;
  EXPECT_EQ(r.exitCode, 1) << r.output;
  EXPECT_NE(r.output.find("junk.glb"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("entities[0].model"), std::string::npos) << r.output;
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace practicum::test

namespace practicum::test {
namespace {

TEST(PracticumLog, EveryRunLeavesALogThatVerifiesAndReplaysExactly) {
  const auto dir = makeTempDir("logs");
  // every scripted run of every shipped scenario
  std::vector<std::pair<std::filesystem::path, std::filesystem::path>> runs;
  for (const auto& scenario : std::filesystem::directory_iterator(sourceDir() / "scenarios"))
    if (std::filesystem::is_directory(scenario.path() / "runs"))
      for (const auto& run : std::filesystem::directory_iterator(scenario.path() / "runs"))
        runs.emplace_back(scenario.path(), run.path());
  ASSERT_GE(runs.size(), 7u);
  for (const auto& [scenario, run] : runs) {
    SCOPED_TRACE(run.string());
    const auto logs = dir / scenario.filename() / run.stem();
    auto r =
        runProcess(practicumBinary() + " run " + scenario.string() + " --headless --bot " +
                   run.string() + " --learner L-042 --station bench-3 --log-dir " + logs.string());
    ASSERT_EQ(r.exitCode, 0) << r.output;
    const auto files = sessionLogs(logs);
    ASSERT_EQ(files.size(), 1u);
    EXPECT_NE(r.output.find("log: " + files[0].string()), std::string::npos) << r.output;
    EXPECT_NE(files[0].filename().string().find("L-042"), std::string::npos);
    r = runProcess(practicumBinary() + " verify " + files[0].string());
    EXPECT_EQ(r.exitCode, 0) << r.output;
    r = runProcess("cd " + sourceDir().string() + " && " + practicumBinary() + " replay " +
                   files[0].string() + " --headless --verify");
    EXPECT_EQ(r.exitCode, 0) << r.output;
    EXPECT_NE(r.output.find("verified"), std::string::npos) << r.output;
  }
  std::filesystem::remove_all(dir);
}

TEST(PracticumLog, AStationSignsItsLogsAndVerifyAttributesThem) {
  const auto dir = makeTempDir("signed");
  const auto substation = scenarioDir("substation-switching");
  const auto key = (dir / "station.key").string();
  auto r = runProcess(practicumBinary() + " station-key --key " + key);
  ASSERT_EQ(r.exitCode, 0) << r.output;
  EXPECT_NE(r.output.find("new key"), std::string::npos) << r.output;
  r = runProcess(practicumBinary() + " station-key --key " + (dir / "other.key").string());
  ASSERT_EQ(r.exitCode, 0) << r.output;
  // the key from the environment, as a station's launcher sets it
  r = runProcess("PRACTICUM_STATION_KEY=" + key + " " + practicumBinary() + " run " +
                 substation.string() + " --headless --bot " +
                 (substation / "runs" / "perfect.json").string() + " --log-dir " +
                 (dir / "logs").string());
  ASSERT_EQ(r.exitCode, 0) << r.output;
  const auto log = sessionLogs(dir / "logs").at(0).string();
  r = runProcess(practicumBinary() + " verify " + log + " --station-key " + key + ".pub");
  EXPECT_EQ(r.exitCode, 0) << r.output;
  EXPECT_NE(r.output.find("signed by station key"), std::string::npos) << r.output;
  r = runProcess(practicumBinary() + " verify " + log + " --station-key " +
                 (dir / "other.key.pub").string());
  EXPECT_EQ(r.exitCode, 1) << r.output;
  EXPECT_NE(r.output.find("another station"), std::string::npos) << r.output;
  // the catalogue names the station key of each signed session
  r = runProcess(practicumBinary() + " sessions --json --log-dir " + (dir / "logs").string());
  ASSERT_EQ(r.exitCode, 0) << r.output;
  std::ifstream pub(key + ".pub");
  std::string publicKey;
  pub >> publicKey;
  EXPECT_EQ(nlohmann::json::parse(r.output)["sessions"][0]["stationKey"], publicKey);
  // an unsigned log cannot be attributed
  r = playShippedRun("perfect", " --log-dir " + (dir / "plain").string());
  ASSERT_EQ(r.exitCode, 0) << r.output;
  r = runProcess(practicumBinary() + " verify " + sessionLogs(dir / "plain").at(0).string() +
                 " --station-key " + key + ".pub");
  EXPECT_EQ(r.exitCode, 1) << r.output;
  EXPECT_NE(r.output.find("not signed"), std::string::npos) << r.output;
  // a missing key is a clear error before anything runs
  r = runProcess(practicumBinary() + " run " + substation.string() + " --headless --station-key " +
                 (dir / "missing.key").string() + " --log-dir " + (dir / "none").string());
  EXPECT_NE(r.exitCode, 0);
  EXPECT_NE(r.output.find("missing.key"), std::string::npos) << r.output;
  EXPECT_FALSE(std::filesystem::exists(dir / "none") && !sessionLogs(dir / "none").empty());
  std::filesystem::remove_all(dir);
}

TEST(PracticumLog, VerifyRepairCutsATornTail) {
  const auto dir = makeTempDir("torn");
  const auto substation = scenarioDir("substation-switching");
  auto r = playShippedRun("perfect", " --log-dir " + dir.string());
  ASSERT_EQ(r.exitCode, 0) << r.output;
  const auto file = sessionLogs(dir).at(0);
  const auto whole = std::filesystem::file_size(file);
  {
    std::ofstream out(file, std::ios::binary | std::ios::app);
    out.write("\x40\0\0\0\x03\x01", 6);  // the start of a record a crash cut short
  }
  r = runProcess(practicumBinary() + " verify " + file.string());
  EXPECT_EQ(r.exitCode, 1) << r.output;
  EXPECT_NE(r.output.find("torn last record"), std::string::npos) << r.output;
  r = runProcess(practicumBinary() + " verify " + file.string() + " --repair");
  EXPECT_EQ(r.exitCode, 0) << r.output;
  EXPECT_NE(r.output.find("cut off the torn last record at byte " + std::to_string(whole)),
            std::string::npos)
      << r.output;
  EXPECT_EQ(std::filesystem::file_size(file), whole);
  std::filesystem::remove_all(dir);
}

TEST(PracticumLog, AnEditedLogFailsVerifyAndReplay) {
  const auto dir = makeTempDir("edited");
  const auto substation = scenarioDir("substation-switching");
  auto r = playShippedRun("perfect", " --log-dir " + dir.string());
  ASSERT_EQ(r.exitCode, 0) << r.output;
  ASSERT_EQ(sessionLogs(dir).size(), 1u);
  const auto file = sessionLogs(dir)[0];
  // whole, it verifies and replays, said in Chinese when asked
  r = runProcess(practicumBinary() + " verify " + file.string() + " --lang zh-CN");
  EXPECT_EQ(r.exitCode, 0) << r.output;
  EXPECT_NE(r.output.find("：校验无误，"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("，结束：全部步骤完成，未签名"), std::string::npos) << r.output;
  r = runProcess("cd " + sourceDir().string() + " && " + practicumBinary() + " replay " +
                 file.string() + " --headless --verify --lang zh-CN");
  EXPECT_EQ(r.exitCode, 0) << r.output;
  EXPECT_NE(r.output.find(": 校验无误："), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("结果：100 / 100，通过，结束：全部步骤完成"), std::string::npos)
      << r.output;
  // flip one byte in the middle
  std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
  f.seekg(0, std::ios::end);
  const auto size = static_cast<std::streamoff>(f.tellg());
  f.seekg(size / 2);
  char c = 0;
  f.read(&c, 1);
  c = static_cast<char>(c ^ 0x20);
  f.seekp(size / 2);
  f.write(&c, 1);
  f.close();
  r = runProcess(practicumBinary() + " verify " + file.string());
  EXPECT_EQ(r.exitCode, 1) << r.output;
  EXPECT_NE(r.output.find("record"), std::string::npos) << r.output;
  // in Chinese: which record, at which byte, and why
  r = runProcess(practicumBinary() + " verify " + file.string() + " --lang zh-CN");
  EXPECT_EQ(r.exitCode, 1) << r.output;
  EXPECT_NE(r.output.find("条记录（第 "), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("链式哈希不符"), std::string::npos) << r.output;
  r = runProcess("cd " + sourceDir().string() + " && " + practicumBinary() + " replay " +
                 file.string() + " --headless --verify");
  EXPECT_EQ(r.exitCode, 1) << r.output;
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace practicum::test

namespace practicum::test {
namespace {

TEST(PracticumAssess, EveryShippedRunAssessesToItsLiveResultWithAClassSummary) {
  const auto dir = makeTempDir("assess");
  const auto substation = scenarioDir("substation-switching");
  int runs = 0;
  for (const auto& e : std::filesystem::directory_iterator(substation / "runs")) {
    const auto r = runProcess(practicumBinary() + " run " + substation.string() +
                              " --headless --bot " + e.path().string() + " --learner " +
                              e.path().stem().string() + " --log-dir " + (dir / "logs").string());
    ASSERT_EQ(r.exitCode, 0) << r.output;  // the live result met the run's expectation
    ++runs;
  }
  const auto r = runProcess("cd " + sourceDir().string() + " && " + practicumBinary() + " assess " +
                            (dir / "logs").string() + " --json " + (dir / "class.json").string() +
                            " --csv " + (dir / "class.csv").string());
  ASSERT_EQ(r.exitCode, 0) << r.output;
  EXPECT_NE(r.output.find("assess: " + std::to_string(runs) + "/" + std::to_string(runs)),
            std::string::npos)
      << r.output;  // progress
  std::ifstream in(dir / "class.json");
  const auto doc = nlohmann::json::parse(in);
  // every session verified by replay, with the outcome its run file states (the live one)
  ASSERT_EQ(doc["sessions"].size(), std::size_t(runs));
  for (const auto& session : doc["sessions"]) {
    const std::string learner = session["learner"];
    SCOPED_TRACE(learner);
    EXPECT_EQ(session["replay"]["state"], "verified");
    std::ifstream runFile(substation / "runs" / (learner + ".json"));
    const auto run = nlohmann::json::parse(runFile);
    EXPECT_DOUBLE_EQ(session["score"].get<double>(), run["expect"]["score"].get<double>());
    EXPECT_EQ(session["passed"], run["expect"]["passed"]);
    EXPECT_EQ(session["end"], run["expect"]["end"]);
    std::vector<std::string> rules;
    for (const auto& v : session["violations"]) rules.push_back(v["rule"]);
    EXPECT_EQ(rules, run["expect"]["violations"].get<std::vector<std::string>>());
  }
  const auto& summary = doc["summary"];
  EXPECT_EQ(summary["sessions"], runs);
  EXPECT_EQ(summary["passed"], 1);                         // only the perfect run passes
  EXPECT_EQ(summary["steps"][0]["step"], "open_breaker");  // procedure order
  std::ifstream csv(dir / "class.csv");
  int lines = 0;
  for (std::string line; std::getline(csv, line);) ++lines;
  EXPECT_EQ(lines, runs + 1);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace practicum::test

namespace practicum::test {
namespace {

TEST(PracticumAssess, TheHtmlReportIsSelfContainedWithTimelineAndPictures) {
  const auto dir = makeTempDir("report");
  const auto substation = scenarioDir("substation-switching");
  auto r = playShippedRun("bus-side-first", " --learner L-0815 --log-dir " + dir.string());
  ASSERT_EQ(r.exitCode, 0) << r.output;
  ASSERT_EQ(sessionLogs(dir).size(), 1u);
  const auto log = sessionLogs(dir)[0];
  r = runProcess("cd " + sourceDir().string() + " && " + practicumBinary() + " assess " +
                 log.string() + " --html " + (dir / "report.html").string() + " --json " +
                 (dir / "r.json").string());
  ASSERT_EQ(r.exitCode, 0) << r.output;
  std::ifstream in(dir / "report.html");
  const std::string html((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_NE(html.find("<!DOCTYPE html>"), std::string::npos);
  EXPECT_NE(html.find("L-0815"), std::string::npos);
  EXPECT_NE(html.find("<svg id=\"timeline\""), std::string::npos);
  EXPECT_NE(html.find("fill=\"#d93025\""), std::string::npos);  // a violation on the timeline
  EXPECT_NE(html.find("fill=\"#1e8e3e\""), std::string::npos);  // a completed step
  // every event of the session is on the timeline, and no table has an empty cell or heading
  std::ifstream rj(dir / "r.json");
  const auto assessed = nlohmann::json::parse(rj, nullptr, false);
  std::size_t circles = 0;
  for (std::size_t at = html.find("<circle "); at != std::string::npos;
       at = html.find("<circle ", at + 1))
    ++circles;
  EXPECT_EQ(circles, assessed["sessions"][0]["events"].size());
  EXPECT_NE(html.find("class=\"action\""), std::string::npos);
  EXPECT_EQ(html.find("<td></td>"), std::string::npos);
  EXPECT_EQ(html.find("<th></th>"), std::string::npos);
  // a picture of the violation and one of the end, embedded
  std::size_t pictures = 0;
  for (std::size_t at = html.find("data:image/png;base64,"); at != std::string::npos;
       at = html.find("data:image/png;base64,", at + 1))
    ++pictures;
  EXPECT_EQ(pictures, 2u);
  // self-contained: nothing fetched from elsewhere
  EXPECT_EQ(html.find("http://"), html.find("http://www.w3.org/2000/svg"));
  EXPECT_EQ(html.find("https://"), std::string::npos);
  EXPECT_EQ(html.find("src=\"http"), std::string::npos);
  // every word in both languages: the headings and the table heads are the UI table's
  EXPECT_NE(html.find("Severity 严重程度"), std::string::npos);
  EXPECT_NE(html.find("Major 严重"), std::string::npos);
  EXPECT_NE(html.find("It happened 已发生"), std::string::npos);
  EXPECT_EQ(html.find("<th>step</th>"), std::string::npos);
  // and the engine's own words: how it ended, how the replay went
  EXPECT_NE(html.find("全部步骤完成——所有步骤都已完成 / completed — every step done"),
            std::string::npos);
  EXPECT_NE(html.find("(校验无误："), std::string::npos);
  EXPECT_NE(html.find(" / verified: "), std::string::npos);

  // as an assessor opens it: headless Chromium draws the page, the two violations of the same
  // second are two red dots (stacked, not one on the other) and the pictures are there
  const auto shot = dir / "report.png";
  r = runProcess(
      "timeout 120 chromium --headless --no-sandbox --disable-gpu --hide-scrollbars "
      "--user-data-dir=" +
      (dir / "chromium").string() + " --window-size=1100,2600 --screenshot=" + shot.string() +
      " file://" + (dir / "report.html").string());
  ASSERT_TRUE(std::filesystem::exists(shot))
      << "headless Chromium did not draw the report (is chromium installed? it is in "
         "scripts/packages.txt)\n"
      << r.output;
  auto page = render::readPng(shot);
  ASSERT_TRUE(page.ok()) << page.error().message;
  const auto count = [&](std::uint8_t red, std::uint8_t green, std::uint8_t blue) {
    std::size_t n = 0;
    for (std::size_t i = 0; i + 3 < page->rgba.size(); i += 4)
      n += page->rgba[i] == red && page->rgba[i + 1] == green && page->rgba[i + 2] == blue;
    return n;
  };
  const std::size_t oneDot = 80;  // the inside of a 6 px circle, less its anti-aliased rim
  EXPECT_GT(count(0xd9, 0x30, 0x25), 2 * oneDot) << "violations on the timeline, " << shot;
  EXPECT_GT(count(0x1e, 0x8e, 0x3e), 10 * oneDot) << "steps on the timeline, " << shot;
  EXPECT_GT(render::imageStats(*page).distinctColors, 300u) << "the pictures, " << shot;
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace practicum::test

namespace practicum::test {
namespace {

// A log whose chain verifies but whose replay diverges (here: one checkpoint's state hash is
// not what the simulation computes) is scored from its recorded events, and says so.
TEST(PracticumAssess, ADivergingReplayFallsBackToTheRecordedEvents) {
  const auto dir = makeTempDir("fallback");
  const auto substation = scenarioDir("substation-switching");
  auto r = playShippedRun("bus-side-first", " --learner L-9 --log-dir " + (dir / "live").string());
  ASSERT_EQ(r.exitCode, 0) << r.output;
  record::VerifyReport check;
  const auto live = record::readLog(sessionLogs(dir / "live").at(0), check);
  ASSERT_TRUE(check.ok) << check.message;
  ASSERT_GE(live.checkpoints.size(), 5u);

  // the same log, written again record by record in tick order, one checkpoint hash changed
  std::filesystem::create_directories(dir / "diverging");
  const auto file = dir / "diverging" / "x.plog";
  {
    auto writer = record::LogWriter::create(file, live.header);
    ASSERT_TRUE(writer.ok()) << writer.error().message;
    std::size_t e = 0, c = 0;
    const auto until = [&](std::uint64_t tick) {
      for (; e < live.events.size() && live.events[e].tick <= tick; ++e)
        (*writer)->event(live.events[e]);
      for (; c < live.checkpoints.size() && live.checkpoints[c].tick <= tick; ++c)
        (*writer)->checkpoint(live.checkpoints[c].tick,
                              live.checkpoints[c].stateHash ^ (c == 3 ? 1u : 0u));
    };
    for (const auto& in : live.inputs) {
      until(in.tick - 1);
      (*writer)->input(in.tick, in.input);
    }
    until(live.end->tick);
    (*writer)->end(*live.end);
    ASSERT_TRUE((*writer)->close().ok());
  }
  r = runProcess(practicumBinary() + " verify " + file.string());
  ASSERT_EQ(r.exitCode, 0) << r.output;  // the chain holds: only replay can tell
  r = runProcess("cd " + sourceDir().string() + " && " + practicumBinary() + " assess " +
                 file.string() + " --json " + (dir / "out.json").string());
  ASSERT_EQ(r.exitCode, 0) << r.output;
  std::ifstream in(dir / "out.json");
  const auto session = nlohmann::json::parse(in)["sessions"][0];
  EXPECT_EQ(session["replay"]["state"], "fallback");
  const std::string message = session["replay"]["message"];
  EXPECT_NE(message.find("tick " + std::to_string(live.checkpoints[3].tick)), std::string::npos)
      << message;
  EXPECT_NE(message.find("events recorded in the log"), std::string::npos) << message;
  // the recorded outcome: the run file's expectation
  std::ifstream runFile(substation / "runs" / "bus-side-first.json");
  const auto run = nlohmann::json::parse(runFile);
  EXPECT_DOUBLE_EQ(session["score"].get<double>(), run["expect"]["score"].get<double>());
  EXPECT_EQ(session["passed"], run["expect"]["passed"]);
  std::vector<std::string> rules;
  for (const auto& v : session["violations"]) rules.push_back(v["rule"]);
  EXPECT_EQ(rules, run["expect"]["violations"].get<std::vector<std::string>>());
  std::filesystem::remove_all(dir);
}

// An assessor re-scores old logs under a new rubric: a changed scenario is refused until one is
// named, and then the recorded events are scored by it, and the output says so.
TEST(PracticumAssess, AChangedScenarioIsRefusedUnlessARubricIsNamed) {
  const auto dir = makeTempDir("rubric");
  const auto copy = dir / "scenarios" / "substation-switching";
  std::filesystem::create_directories(copy);
  const auto original = scenarioDir("substation-switching");
  std::filesystem::copy_file(original / "scenario.json", copy / "scenario.json");
  auto r = runProcess(practicumBinary() + " run " + copy.string() + " --headless --bot " +
                      (original / "runs" / "earthing-before-verifying.json").string() +
                      " --learner L-7 --log-dir " + (dir / "logs").string());
  ASSERT_EQ(r.exitCode, 0) << r.output;
  const auto log = sessionLogs(dir / "logs").at(0).string();
  const std::string assess = practicumBinary() + " assess " + log + " --scenarios " +
                             (dir / "scenarios").string() + " --json " +
                             (dir / "out.json").string();
  const auto result = [&] {
    std::ifstream in(dir / "out.json");
    return nlohmann::json::parse(in)["sessions"][0];
  };

  // the same rubric named explicitly: replayed, verified, the live score
  r = runProcess(assess + " --rubric " + copy.string());
  ASSERT_EQ(r.exitCode, 0) << r.output;
  auto same = result();
  EXPECT_EQ(same["replay"]["state"], "verified");
  EXPECT_DOUBLE_EQ(same["score"].get<double>(), 0.0);  // the run's expectation
  EXPECT_EQ(same["passed"], false);
  EXPECT_TRUE(same.contains("rubric"));

  // the instructor changes the rubric: no penalties, pass at any score
  {
    std::ifstream in(copy / "scenario.json");
    auto scenario = nlohmann::json::parse(in);
    scenario["rubric"] = {
        {"pass", 0},
        {"penalties", {{"warning", 0}, {"major", 0}, {"critical", 0}, {"order", 0}}},
        {"criticalFails", false}};
    std::ofstream(copy / "scenario.json") << scenario.dump(2);
  }
  r = runProcess(assess);
  EXPECT_EQ(r.exitCode, 1) << r.output;
  auto refused = result();
  EXPECT_NE(refused["error"].get<std::string>().find("changed since the session"),
            std::string::npos);
  EXPECT_NE(refused["error"].get<std::string>().find("--rubric"), std::string::npos);

  r = runProcess(assess + " --rubric " + copy.string());
  ASSERT_EQ(r.exitCode, 0) << r.output;
  auto rescored = result();
  EXPECT_EQ(rescored["replay"]["state"], "not-replayed");
  EXPECT_NE(rescored["rubric"]["message"].get<std::string>().find("re-scored"), std::string::npos);
  // the same violations, now free: the score is the points of the steps done
  EXPECT_EQ(rescored["violations"].size(), same["violations"].size());
  double points = 0;
  for (const auto& step : rescored["steps"]) points += step["points"].get<double>();
  EXPECT_GT(points, 0.0);
  EXPECT_DOUBLE_EQ(rescored["score"].get<double>(), points);
  EXPECT_EQ(rescored["passed"], true);
  std::filesystem::remove_all(dir);
}

// From any working folder, a log's scenario is found by its id along the search path
// (--scenarios DIRs, then PRACTICUM_SCENARIOS, then ./scenarios), in a folder named otherwise,
// and the copy with the log's content is preferred to an edited one.
TEST(PracticumAssess, TheScenarioIsFoundByIdAlongTheSearchPath) {
  namespace fs = std::filesystem;
  const auto dir = makeTempDir("search");
  const auto original = scenarioDir("substation-switching");
  const auto library = dir / "library";
  const auto copy = library / "Substation (copy)";  // not named by its id
  fs::create_directories(copy);
  fs::copy_file(original / "scenario.json", copy / "scenario.json");
  auto r = runProcess(practicumBinary() + " run '" + copy.string() + "' --headless --bot " +
                      (original / "runs" / "bus-side-first.json").string() +
                      " --learner L-8 --log-dir " + (dir / "logs").string());
  ASSERT_EQ(r.exitCode, 0) << r.output;
  const std::string log = sessionLogs(dir / "logs").at(0).string();
  const auto elsewhere = dir / "elsewhere";  // a working folder without scenarios/
  fs::create_directories(elsewhere);
  const std::string in = "cd " + elsewhere.string() + " && ";
  const std::string noEnv = "env -u PRACTICUM_SCENARIOS ";
  const auto assessed = [&] {
    std::ifstream file(elsewhere / "out.json");
    return nlohmann::json::parse(file)["sessions"][0];
  };

  // nowhere to be found: the error names the id and the folders searched
  r = runProcess(in + noEnv + practicumBinary() + " assess " + log + " --json out.json");
  EXPECT_EQ(r.exitCode, 1) << r.output;
  const std::string error = assessed()["error"];
  EXPECT_NE(error.find("\"substation-switching\""), std::string::npos) << error;
  EXPECT_NE(error.find("scenarios (no such folder)"), std::string::npos) << error;

  // by the environment's list of folders
  r = runProcess(in + "PRACTICUM_SCENARIOS=" + (dir / "none").string() + ":" + library.string() +
                 " " + practicumBinary() + " assess " + log + " --json out.json");
  ASSERT_EQ(r.exitCode, 0) << r.output;
  EXPECT_EQ(assessed()["replay"]["state"], "verified");
  EXPECT_DOUBLE_EQ(assessed()["score"].get<double>(), 85.0);  // the run's expectation

  // by --scenarios, repeated; an edited copy earlier on the path gives way to the recorded one
  const auto edited = dir / "drafts" / "substation-switching";
  fs::create_directories(edited);
  {
    std::ifstream file(original / "scenario.json");
    auto scenario = nlohmann::json::parse(file);
    scenario["rubric"]["pass"] = 10;
    std::ofstream(edited / "scenario.json") << scenario.dump(2);
  }
  const std::string search =
      " --scenarios " + (dir / "drafts").string() + " --scenarios " + library.string();
  r = runProcess(in + noEnv + practicumBinary() + " assess " + log + search + " --json out.json");
  ASSERT_EQ(r.exitCode, 0) << r.output;
  EXPECT_EQ(assessed()["replay"]["state"], "verified");
  EXPECT_EQ(assessed()["passed"], false);  // scored by the rubric it ran under (pass 90)
  // the edited copy alone: found, but it has changed since the session
  r = runProcess(in + noEnv + practicumBinary() + " assess " + log + " --scenarios " +
                 (dir / "drafts").string() + " --json out.json");
  EXPECT_EQ(r.exitCode, 1) << r.output;
  EXPECT_NE(assessed()["error"].get<std::string>().find("changed since the session"),
            std::string::npos);

  // replay and export search the same way
  r = runProcess(in + noEnv + practicumBinary() + " replay " + log + " --headless --verify" +
                 search);
  ASSERT_EQ(r.exitCode, 0) << r.output;
  r = runProcess(in + noEnv + practicumBinary() + " export xapi " + log + " --out x.json" + search);
  ASSERT_EQ(r.exitCode, 0) << r.output;
  EXPECT_TRUE(fs::exists(elsewhere / "x.json"));
  r = runProcess(in + noEnv + practicumBinary() + " replay " + log + " --headless");
  EXPECT_EQ(r.exitCode, 1) << r.output;
  EXPECT_NE(r.output.find("--scenarios DIR"), std::string::npos) << r.output;
  fs::remove_all(dir);
}

// run, validate and a named rubric take a scenario id too, found along the same search path
TEST(PracticumRun, AScenarioIsNamedByItsIdFromAnyFolder) {
  namespace fs = std::filesystem;
  const auto dir = makeTempDir("by-id");
  const auto library = dir / "library" / "Substation (copy)";  // not named by its id
  fs::create_directories(library);
  fs::copy_file(scenarioDir("substation-switching") / "scenario.json", library / "scenario.json");
  const std::string in = "cd " + dir.string() + " && env -u PRACTICUM_SCENARIOS ";
  const std::string search = " --scenarios " + (dir / "library").string();
  auto r =
      runProcess(in + practicumBinary() + " validate substation-switching --no-models" + search);
  EXPECT_EQ(r.exitCode, 0) << r.output;
  EXPECT_NE(r.output.find("Substation (copy)"), std::string::npos) << r.output;
  r = runProcess(in + "PRACTICUM_SCENARIOS=" + (dir / "library").string() + " " +
                 practicumBinary() + " run substation-switching --headless --no-log --bot " +
                 (scenarioDir("substation-switching") / "runs" / "perfect.json").string());
  EXPECT_EQ(r.exitCode, 0) << r.output;
  EXPECT_NE(r.output.find("result: 100 of 100, passed"), std::string::npos) << r.output;
  // an id nobody has: the error names it and where it was looked for, and nothing runs
  r = runProcess(in + practicumBinary() + " run no-such-drill --headless --no-log" + search);
  EXPECT_EQ(r.exitCode, 1) << r.output;
  EXPECT_NE(r.output.find("no scenario with the id \"no-such-drill\""), std::string::npos)
      << r.output;
  EXPECT_NE(r.output.find((dir / "library").string()), std::string::npos) << r.output;
  r = runProcess(in + practicumBinary() + " validate no-such-drill" + search);
  EXPECT_EQ(r.exitCode, 1) << r.output;
  fs::remove_all(dir);
}

TEST(PracticumExport, XapiStatementsCarryTheRequiredFieldsAndFormats) {
  const auto dir = makeTempDir("xapi");
  const auto substation = scenarioDir("substation-switching");
  auto r = playShippedRun("bus-side-first", " --learner L-4711 --log-dir " + dir.string());
  ASSERT_EQ(r.exitCode, 0) << r.output;
  ASSERT_EQ(sessionLogs(dir).size(), 1u);
  const auto log = sessionLogs(dir)[0];
  r = runProcess("cd " + sourceDir().string() + " && " + practicumBinary() + " export xapi " +
                 log.string() + " --out " + (dir / "statements.json").string());
  ASSERT_EQ(r.exitCode, 0) << r.output;
  std::ifstream in(dir / "statements.json");
  const auto statements = nlohmann::json::parse(in);
  ASSERT_GE(statements.size(), 4u);
  const std::regex uuid("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
  const std::regex iso("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
  const std::regex duration("PT\\d+(\\.\\d+)?S");
  std::set<std::string> ids, verbs;
  std::string registration;
  for (const auto& s : statements) {
    EXPECT_TRUE(std::regex_match(s["id"].get<std::string>(), uuid)) << s["id"];
    ids.insert(s["id"]);
    EXPECT_EQ(s["actor"]["account"]["name"], "L-4711");
    EXPECT_EQ(s["actor"]["account"]["homePage"].get<std::string>().rfind("https://", 0), 0u);
    const std::string verb = s["verb"]["id"];
    EXPECT_EQ(verb.rfind("http://adlnet.gov/expapi/verbs/", 0), 0u) << verb;
    verbs.insert(verb.substr(verb.rfind('/') + 1));
    EXPECT_EQ(s["object"]["id"].get<std::string>().rfind("urn:practicum:scenario:", 0), 0u);
    EXPECT_TRUE(std::regex_match(s["timestamp"].get<std::string>(), iso)) << s["timestamp"];
    EXPECT_TRUE(std::regex_match(s["context"]["registration"].get<std::string>(), uuid));
    if (registration.empty()) registration = s["context"]["registration"];
    EXPECT_EQ(s["context"]["registration"], registration);  // one registration per session
    EXPECT_TRUE(
        s["context"]["extensions"].contains("https://practicum.invalid/xapi/extensions/tick"));
    if (s.contains("result") && s["result"].contains("duration")) {
      EXPECT_TRUE(std::regex_match(s["result"]["duration"].get<std::string>(), duration));
    }
  }
  EXPECT_EQ(ids.size(), statements.size());
  for (const char* v : {"initialized", "completed", "failed", "terminated"})
    EXPECT_TRUE(verbs.count(v)) << v;
  // the session's outcome: failed (85 < 90) with its score
  const auto& outcome = statements[statements.size() - 2];
  EXPECT_EQ(outcome["result"]["success"], false);
  EXPECT_DOUBLE_EQ(outcome["result"]["score"]["raw"].get<double>(), 85.0);
  EXPECT_DOUBLE_EQ(outcome["result"]["score"]["scaled"].get<double>(), 0.85);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace practicum::test

namespace practicum::test {
namespace {

TEST(PracticumSessions, RunsAreCataloguedAndListedWithTheirScoresAndLearners) {
  const auto dir = makeTempDir("sessions");
  const auto substation = scenarioDir("substation-switching");
  const std::string logs = (dir / "logs").string();
  std::map<std::string, nlohmann::json> expect;  // learner -> the run's expectation
  for (const auto& [learner, run] :
       {std::pair<std::string, std::string>{"A", "perfect"}, {"B", "bus-side-first"}}) {
    const auto runFile = substation / "runs" / (run + ".json");
    const auto r =
        runProcess(practicumBinary() + " run " + substation.string() + " --headless --bot " +
                   runFile.string() + " --learner " + learner + " --log-dir " + logs);
    ASSERT_EQ(r.exitCode, 0) << r.output;
    EXPECT_EQ(r.output.find("not catalogued"), std::string::npos) << r.output;
    std::ifstream in(runFile);
    expect[learner] = nlohmann::json::parse(in)["expect"];
  }
  ASSERT_TRUE(std::filesystem::exists(dir / "logs" / "catalogue.sqlite"));

  auto r = runProcess(practicumBinary() + " sessions --log-dir " + logs + " --json");
  ASSERT_EQ(r.exitCode, 0) << r.output;
  auto doc = nlohmann::json::parse(r.output);
  ASSERT_EQ(doc["sessions"].size(), 2u) << r.output;
  for (const auto& s : doc["sessions"]) {
    const std::string learner = s["learner"];
    SCOPED_TRACE(learner);
    ASSERT_TRUE(expect.count(learner));
    EXPECT_DOUBLE_EQ(s["score"].get<double>(), expect[learner]["score"].get<double>());
    EXPECT_EQ(s["passed"], expect[learner]["passed"]);
    EXPECT_EQ(s["end"], expect[learner]["end"]);
    EXPECT_EQ(s["scenario"], "substation-switching");
    EXPECT_EQ(s["verification"], "ok");
  }

  // a filter, and the table
  r = runProcess(practicumBinary() + " sessions --log-dir " + logs + " --json --learner A");
  ASSERT_EQ(r.exitCode, 0) << r.output;
  doc = nlohmann::json::parse(r.output);
  ASSERT_EQ(doc["sessions"].size(), 1u) << r.output;
  EXPECT_EQ(doc["sessions"][0]["learner"], "A");
  r = runProcess(practicumBinary() + " sessions --log-dir " + logs + " --failed");
  ASSERT_EQ(r.exitCode, 0) << r.output;
  EXPECT_NE(r.output.find("verification"), std::string::npos) << r.output;  // the heading
  EXPECT_EQ(r.output.find(" A "), std::string::npos) << r.output;           // A passed
  // by start date (both sessions started just now, UTC), and only verified logs
  const auto count = [&](const std::string& filter) {
    auto q = runProcess(practicumBinary() + " sessions --log-dir " + logs + " --json " + filter);
    EXPECT_EQ(q.exitCode, 0) << q.output;
    return q.exitCode == 0 ? nlohmann::json::parse(q.output)["sessions"].size() : 99u;
  };
  EXPECT_EQ(count("--since 2000-01-01 --verified"), 2u);
  EXPECT_EQ(count("--until 2000-01-01"), 0u);
  EXPECT_EQ(count("--since 2999"), 0u);
  r = runProcess(practicumBinary() + " sessions --log-dir " + logs + " --since 1/11/2026");
  EXPECT_EQ(r.exitCode, 2) << r.output;

  // rebuilt from the logs alone: the same sessions
  std::filesystem::remove(dir / "logs" / "catalogue.sqlite");
  r = runProcess(practicumBinary() + " sessions --log-dir " + logs + " --rebuild --json");
  ASSERT_EQ(r.exitCode, 0) << r.output;
  EXPECT_NE(r.output.find("rebuilt"), std::string::npos) << r.output;
  r = runProcess(practicumBinary() + " sessions --log-dir " + logs + " --json");
  ASSERT_EQ(r.exitCode, 0) << r.output;
  EXPECT_EQ(nlohmann::json::parse(r.output)["sessions"].size(), 2u);

  // bad usage
  r = runProcess(practicumBinary() + " sessions --log-dir " + logs + " --passed --failed");
  EXPECT_EQ(r.exitCode, 2) << r.output;
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace practicum::test
