#pragma once
/// Helpers for the scenario tests: scenario text written to a fresh folder, diagnostics lookup,
/// and the line/column of a piece of text (so that position checks follow the fixture).
#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <string_view>

#include <practicum/scenario/scenario.hpp>

#include "test_support.hpp"

namespace practicum::scenario::testing {

/// A small valid OBJ (one triangle) for scenarios that need a model file to exist.
inline constexpr std::string_view kTriangleObj = "v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 3\n";

/// Writes bytes to a file, creating its folder.
inline void writeFile(const std::filesystem::path& file, std::string_view bytes) {
  std::filesystem::create_directories(file.parent_path());
  std::ofstream out(file, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

/// A fresh scenario folder holding text as scenario.json and models/part.obj.
inline std::filesystem::path writeScenario(std::string_view text) {
  const auto dir = practicum::test::makeTempDir("scenario");
  writeFile(dir / "scenario.json", text);
  writeFile(dir / "models" / "part.obj", kTriangleObj);
  return dir;
}

/// Checks that every diagnostic says its message in Chinese too, with no English word left:
/// the scenario tests load hundreds of broken documents, and each is checked this way.
inline void expectChinese(const std::vector<Diagnostic>& diagnostics) {
  for (const auto& d : diagnostics) {
    EXPECT_FALSE(d.messageZh.empty()) << d.format();
    EXPECT_EQ(practicum::test::untranslatedWordIn(d.messageZh), "")
        << d.format(Language::ChineseSimplified);
  }
}

/// Loads text as a scenario folder's scenario.json (and checks its messages' Chinese).
inline LoadResult loadText(std::string_view text, const LoadLimits& limits = {}) {
  LoadResult r = loadScenario(writeScenario(text), limits);
  expectChinese(r.diagnostics);
  return r;
}

/// A complete minimal scenario: the required metadata, `extra` top-level members (each line
/// ending in ",\n") and the entities array's content.
inline std::string doc(std::string_view entities, std::string_view extra = "") {
  std::string s =
      "{\n"
      "  \"format\": 1,\n"
      "  \"id\": \"t\",\n"
      "  \"title\": {\"zh-CN\": \"测试\", \"en\": \"Test\"},\n"
      "  \"trade\": \"testing\",\n"
      "  \"author\": \"tests\",\n"
      "  \"licence\": \"CC0-1.0\",\n";
  s += extra;
  s += "  \"entities\": [\n";
  s += entities;
  s += "\n  ]\n}\n";
  return s;
}

/// The usual valid floor entity, for documents whose point lies elsewhere.
inline constexpr std::string_view kFloor =
    R"(    {"name": "floor", "shape": {"type": "box", "halfExtents": [5, 0.05, 5]}})";

/// The first diagnostic whose path is path, or nullptr.
inline const Diagnostic* findPath(const LoadResult& r, std::string_view path) {
  for (const auto& d : r.diagnostics)
    if (d.path == path) return &d;
  return nullptr;
}

/// Every diagnostic, formatted, one a line (for failure messages).
inline std::string describe(const LoadResult& r) {
  std::string s;
  for (const auto& d : r.diagnostics) s += d.format() + "\n";
  return s;
}

/// 1-based line of the first occurrence of needle (0 when absent).
inline int lineOf(std::string_view text, std::string_view needle, std::size_t from = 0) {
  const auto at = text.find(needle, from);
  if (at == std::string_view::npos) return 0;
  int line = 1;
  for (std::size_t i = 0; i < at; ++i) line += text[i] == '\n';
  return line;
}

/// 1-based column (in code points) of the first occurrence of needle (0 when absent).
inline int columnOf(std::string_view text, std::string_view needle, std::size_t from = 0) {
  const auto at = text.find(needle, from);
  if (at == std::string_view::npos) return 0;
  const auto lineStart = text.rfind('\n', at);
  const std::size_t begin = lineStart == std::string_view::npos ? 0 : lineStart + 1;
  int column = 1;
  for (std::size_t i = begin; i < at; ++i)
    column += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
  return column;
}

}  // namespace practicum::scenario::testing
