// practicum-editor in a real window (under Xvfb in scripts/test): it opens the substation
// scenario and shows the viewport with the selection's gizmo and the panels, validation clean;
// with --lang zh-CN every word of its own is Chinese.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>

#include <practicum/render/image.hpp>

#include "../app/run_process.hpp"
#include "test_support.hpp"
#include "ui_map_file.hpp"

namespace practicum::test {
namespace {

namespace fs = std::filesystem;

std::string editorBinary() { return (binaryDir() / "bin" / "practicum-editor").string(); }

// the picture matches its golden in tests/golden (PRACTICUM_UPDATE_GOLDENS=1 writes it anew)
void expectLikeGolden(const render::Image& image, const std::string& name) {
  const fs::path golden = sourceDir() / "tests" / "golden" / name;
  if (const char* update = std::getenv("PRACTICUM_UPDATE_GOLDENS"); update && *update == '1') {
    ASSERT_TRUE(render::writePng(golden, image).ok());
    return;
  }
  auto expected = render::readPng(golden);
  ASSERT_TRUE(expected.ok()) << expected.error().message;
  EXPECT_LE(render::compareImages(image, *expected, 48).fractionOver, 0.02) << name;
}

TEST(EditorWindow, OpensTheSubstationWithViewportAndPanels) {
  if (!std::getenv("DISPLAY")) GTEST_SKIP() << "no DISPLAY (scripts/test runs tests under Xvfb)";
  const auto dir = makeTempDir("editor-window");
  const auto png = dir / "editor.png";
  const auto scenario = sourceDir() / "scenarios" / "substation-switching";
  const auto before = fs::last_write_time(scenario / "scenario.json");
  const auto r =
      runProcess(editorBinary() + " " + scenario.string() +
                 " --select 'entities[11]' --frames 4 --validation --screenshot " + png.string());
  ASSERT_EQ(r.exitCode, 0) << r.output;
  EXPECT_EQ(r.output.find("vulkan:"), std::string::npos) << "validation messages:\n" << r.output;
  auto image = render::readPng(png);
  ASSERT_TRUE(image.ok()) << image.error().message;
  EXPECT_EQ(image->width, 1280u);
  EXPECT_GT(render::imageStats(*image).distinctColors, 100u);
  // the golden: viewport, gizmo on the selected handle, outliner, inspector
  expectLikeGolden(*image, "editor-substation.png");
  // opening and looking changes nothing on disk
  EXPECT_EQ(fs::last_write_time(scenario / "scenario.json"), before);
  EXPECT_FALSE(fs::exists(scenario / ".scenario.json.recovery"));
  fs::remove_all(dir);
}

// whether `s` has a character of the CJK blocks (UTF-8 lead bytes 0xE3..0xE9)
bool hasCjk(const std::string& s) {
  for (const char c : s)
    if (const auto b = static_cast<unsigned char>(c); b >= 0xE3 && b <= 0xE9) return true;
  return false;
}

// the editor on the substation in a language, its UI map kept: the words it shows ("label:...")
UiMap editorShows(const fs::path& dir, const std::string& lang, const std::string& options) {
  const auto map = dir / ("map-" + lang + ".txt");
  const auto r = runProcess("PRACTICUM_UI_MAP=" + map.string() + " " + editorBinary() + " " +
                            (sourceDir() / "scenarios" / "substation-switching").string() +
                            " --lang " + lang + " --frames 4 --validation " + options);
  EXPECT_EQ(r.exitCode, 0) << r.output;
  EXPECT_EQ(r.output.find("vulkan:"), std::string::npos) << "validation messages:\n" << r.output;
  auto read = readUiMap(map);
  EXPECT_TRUE(read) << map;
  return read.value_or(UiMap{});
}

TEST(EditorWindow, InChineseEveryWordOfTheEditorIsChinese) {
  if (!std::getenv("DISPLAY")) GTEST_SKIP() << "no DISPLAY (scripts/test runs tests under Xvfb)";
  const auto dir = makeTempDir("editor-zh");
  const auto png = dir / "editor-zh.png";
  // the inspector on an entity, then the procedure
  const UiMap inspector =
      editorShows(dir, "zh-CN", "--select 'entities[11]' --screenshot " + png.string());
  const UiMap procedure = editorShows(dir, "zh-CN", "--panel procedure");
  // the menus, the panels, the tabs, the outliner's lists and the fields, in Chinese
  EXPECT_EQ(inspector.value("label:menu.File"), "文件");
  EXPECT_EQ(inspector.value("label:menu.Edit"), "编辑");
  EXPECT_EQ(inspector.value("label:menu.Play"), "播放");
  EXPECT_EQ(inspector.value("label:panel.Outliner"), "大纲");
  EXPECT_EQ(inspector.value("label:panel.Inspector"), "检查器");
  EXPECT_EQ(inspector.value("label:tab.Procedure"), "流程");
  EXPECT_EQ(inspector.value("label:tab.Problems"), "问题（0）");
  EXPECT_EQ(inspector.value("label:outliner.devices"), "设备 (10)");
  EXPECT_EQ(inspector.value("label:assets"), "资源");
  EXPECT_EQ(inspector.value("label:field:entities[11].name"), "名称");
  EXPECT_EQ(inspector.value("label:field:entities[11].shape.halfExtents"), "半尺寸");
  EXPECT_EQ(procedure.value("label:procedure.procedure.steps[0].done"), "完成条件");
  // the walk: every word the editor names is Chinese, none is an English word left over
  std::size_t labels = 0;
  for (const UiMap* map : {&inspector, &procedure})
    for (const auto& [name, item] : map->items)
      if (name.rfind("label:", 0) == 0) {
        ++labels;
        EXPECT_TRUE(hasCjk(item.value)) << name << " shows \"" << item.value << "\"";
      }
  EXPECT_GT(labels, 40u);
  // the map's names stay the same in every language (tests and scripts find things by them)
  EXPECT_TRUE(inspector.find("menu.File"));
  EXPECT_TRUE(inspector.find("tab.Inspector"));
  // and what it looks like: no missing glyphs, nothing cut off (the golden was looked at)
  auto image = render::readPng(png);
  ASSERT_TRUE(image.ok()) << image.error().message;
  expectLikeGolden(*image, "editor-substation-zh.png");
  // in English the same places say the English words
  const UiMap english = editorShows(dir, "en", "--select 'entities[11]'");
  EXPECT_EQ(english.value("label:menu.File"), "File");
  EXPECT_EQ(english.value("label:tab.Problems"), "Problems (0)");
  EXPECT_EQ(english.value("label:field:entities[11].name"), "name");
  for (const auto& [name, item] : english.items)
    EXPECT_TRUE(name.rfind("label:", 0) != 0 || !hasCjk(item.value)) << name << " " << item.value;
  fs::remove_all(dir);
}

TEST(EditorWindow, PlaysFromTheEditorAndComesBackToAnUnchangedDocument) {
  if (!std::getenv("DISPLAY")) GTEST_SKIP() << "no DISPLAY (scripts/test runs tests under Xvfb)";
  const auto dir = makeTempDir("editor-play");
  const auto scenario = sourceDir() / "scenarios" / "substation-switching";
  const auto png = dir / "after-play.png";
  const auto r = runProcess(editorBinary() + " " + scenario.string() + " --play-bot " +
                            (scenario / "runs" / "disconnector-under-load.json").string() +
                            " --frames 4 --validation --screenshot " + png.string());
  ASSERT_EQ(r.exitCode, 0) << r.output;
  EXPECT_EQ(r.output.find("vulkan:"), std::string::npos) << "validation messages:\n" << r.output;
  // the mistake run was assessed, its log written to a temporary session
  EXPECT_NE(r.output.find("play: not passed"), std::string::npos) << r.output;
  const auto logAt = r.output.find("log ");
  ASSERT_NE(logAt, std::string::npos) << r.output;
  const std::string log = r.output.substr(logAt + 4, r.output.find('\n', logAt) - logAt - 4);
  EXPECT_TRUE(fs::exists(log)) << log;
  fs::remove_all(fs::path(log).parent_path());
  // back in the editor, nothing changed
  EXPECT_FALSE(fs::exists(scenario / ".scenario.json.recovery"));
  EXPECT_NE(r.output.find("document unchanged"), std::string::npos) << r.output;
  fs::remove_all(dir);
}

TEST(EditorWindow, AnAutomatedRunLeavesUnsavedWorkFromBeforeWhereItWas) {
  if (!std::getenv("DISPLAY")) GTEST_SKIP() << "no DISPLAY (scripts/test runs tests under Xvfb)";
  // a crash left unsaved changes beside the scenario; a screenshot run must not throw them away
  const auto dir = makeTempDir("editor-keeps-recovery");
  fs::copy(sourceDir() / "scenarios" / "workbench", dir, fs::copy_options::recursive);
  std::string text;
  {
    std::ifstream in(dir / "scenario.json");
    text.assign(std::istreambuf_iterator<char>(in), {});
  }
  const std::string edited = text.substr(0, text.rfind('}')) + ", \"x-note\": 1}";
  std::ofstream(dir / ".scenario.json.recovery") << edited;
  const auto r = runProcess(editorBinary() + " " + dir.string() + " --frames 3");
  ASSERT_EQ(r.exitCode, 0) << r.output;
  ASSERT_TRUE(fs::exists(dir / ".scenario.json.recovery"));
  std::ifstream kept(dir / ".scenario.json.recovery");
  EXPECT_EQ(std::string(std::istreambuf_iterator<char>(kept), {}), edited);
  fs::remove_all(dir);
}

TEST(EditorWindow, ABrokenScenarioOpensWithItsProblems) {
  if (!std::getenv("DISPLAY")) GTEST_SKIP() << "no DISPLAY (scripts/test runs tests under Xvfb)";
  const auto dir = makeTempDir("editor-broken-window");
  std::ofstream(dir / "scenario.json") << R"({"format": 1, "id": "x", "entities": []})";
  const auto r = runProcess(editorBinary() + " " + dir.string() + " --frames 3 --screenshot " +
                            (dir / "shot.png").string());
  ASSERT_EQ(r.exitCode, 0) << r.output;
  // the problems are printed as well as listed in the window
  EXPECT_NE(r.output.find("title"), std::string::npos) << r.output;
  // not JSON: refused with the place, nothing opened
  std::ofstream(dir / "scenario.json", std::ios::trunc) << "{ nope";
  const auto bad = runProcess(editorBinary() + " " + dir.string() + " --frames 1");
  EXPECT_EQ(bad.exitCode, 1) << bad.output;
  EXPECT_NE(bad.output.find("scenario.json:1:"), std::string::npos) << bad.output;
  fs::remove_all(dir);
}

}  // namespace
}  // namespace practicum::test
