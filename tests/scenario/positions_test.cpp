// The position-tracking JSON parser: where each value and key starts, including numbers (whose
// SAX event comes after a look-ahead character), UTF-8 columns, CRLF and a BOM.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "json_path.hpp"
#include "positioned_json.hpp"

namespace practicum::scenario::detail {
namespace {

PositionedJson parse(std::string_view text, std::vector<Diagnostic>& diagnostics,
                     int maxDepth = 32) {
  auto doc = parsePositionedJson(text, "t.json", maxDepth, diagnostics);
  EXPECT_TRUE(doc.has_value());
  return doc ? std::move(*doc) : PositionedJson{};
}

void expectAt(const PositionedJson& doc, const std::string& path, int line, int column) {
  const auto it = doc.positions.find(path);
  ASSERT_NE(it, doc.positions.end()) << path;
  EXPECT_EQ(it->second.value.line, line) << path;
  EXPECT_EQ(it->second.value.column, column) << path;
}

void expectKeyAt(const PositionedJson& doc, const std::string& path, int line, int column) {
  const auto it = doc.positions.find(path);
  ASSERT_NE(it, doc.positions.end()) << path;
  EXPECT_EQ(it->second.key.line, line) << path;
  EXPECT_EQ(it->second.key.column, column) << path;
}

TEST(PositionedJson, ValuesAndKeys) {
  const std::string text =
      "{\n"
      "  \"a\": 12,\n"                 // number followed by ','
      "  \"b\" :  [1, 2.5e3 , -3],\n"  // numbers followed by ',', ' ' and ']'
      "  \"c\": {\"d\": true, \"e\": null},\n"
      "  \"f\": \"x\\\"y,{[\",\n"  // escaped quote and structural characters in a string
      "  \"g\": 7\n"               // number followed by a newline
      "}";
  std::vector<Diagnostic> diagnostics;
  const PositionedJson doc = parse(text, diagnostics);
  EXPECT_TRUE(diagnostics.empty());
  EXPECT_EQ(doc.root["b"][1], 2500.0);
  expectAt(doc, "", 1, 1);
  expectAt(doc, "a", 2, 8);
  expectKeyAt(doc, "a", 2, 3);
  expectAt(doc, "b", 3, 10);
  expectKeyAt(doc, "b", 3, 3);
  expectAt(doc, "b[0]", 3, 11);
  expectAt(doc, "b[1]", 3, 14);
  expectAt(doc, "b[2]", 3, 22);
  expectAt(doc, "c", 4, 8);
  expectAt(doc, "c.d", 4, 14);
  expectKeyAt(doc, "c.d", 4, 9);
  expectAt(doc, "c.e", 4, 25);
  expectAt(doc, "f", 5, 8);
  expectAt(doc, "g", 6, 8);
  EXPECT_EQ(doc.root["f"], "x\"y,{[");
}

TEST(PositionedJson, ColumnsCountCodePointsAndSkipTheBom) {
  const std::string text = "\xEF\xBB\xBF{\"名字\": \"扳手\", \"n\": 1}";
  std::vector<Diagnostic> diagnostics;
  const PositionedJson doc = parse(text, diagnostics);
  expectAt(doc, "", 1, 1);
  const std::string key = memberPath("", "名字");
  EXPECT_EQ(key, "[\"名字\"]");
  expectKeyAt(doc, key, 1, 2);
  expectAt(doc, key, 1, 8);
  expectKeyAt(doc, "n", 1, 14);
  expectAt(doc, "n", 1, 19);
}

TEST(PositionedJson, CrLfLineEnds) {
  const std::string text = "{\r\n  \"a\": 1,\r\n  \"b\": [true]\r\n}\r\n";
  std::vector<Diagnostic> diagnostics;
  const PositionedJson doc = parse(text, diagnostics);
  expectAt(doc, "a", 2, 8);
  expectAt(doc, "b[0]", 3, 9);
}

TEST(PositionedJson, OddKeysArePathQuoted) {
  EXPECT_EQ(memberPath("", "a"), "a");
  EXPECT_EQ(memberPath("x", "zh-CN"), "x.zh-CN");
  EXPECT_EQ(memberPath("x", "a.b"), "x[\"a.b\"]");
  EXPECT_EQ(memberPath("x", "say \"hi\""), "x[\"say \\\"hi\\\"\"]");
  EXPECT_EQ(memberPath("", ""), "[\"\"]");
  EXPECT_EQ(elementPath("e", 3), "e[3]");
  std::vector<Diagnostic> diagnostics;
  const PositionedJson doc = parse("{\"a b\": [0, {\"c\": 1}]}", diagnostics);
  expectAt(doc, "[\"a b\"][1].c", 1, 19);
}

TEST(PositionedJson, DuplicateKeyKeepsTheFirstValue) {
  std::vector<Diagnostic> diagnostics;
  const PositionedJson doc = parse("{\"a\": 1,\n \"a\": {\"a\": 2, \"a\": 3}}", diagnostics);
  EXPECT_EQ(doc.root["a"], 1);
  ASSERT_EQ(diagnostics.size(), 2u);  // the outer repeat, and the repeat inside its value
  EXPECT_EQ(diagnostics[0].path, "a");
  EXPECT_EQ(diagnostics[0].line, 2);
  EXPECT_EQ(diagnostics[0].column, 2);
  EXPECT_EQ(diagnostics[0].message,
            "duplicate key \"a\" (first defined at line 1, column 2); keys must be unique");
  expectAt(doc, "a", 1, 7);
}

TEST(PositionedJson, SyntaxErrorsAreFatalWithPositions) {
  struct Case {
    std::string text;
    int line, column;
    std::string messagePart;
  };
  const std::vector<Case> cases = {
      {"{\"a\": tru}", 1, 10, "invalid literal"},
      {"{\"a\": 1,}", 1, 9, "unexpected '}'"},
      {"{\"a\": 1\n\n  \"b\": 2}", 3, 3, "unexpected string literal"},
      {"{\"a\": \"open", 1, 12, "missing closing quote"},
      {"{\"a\": [1, 2}", 1, 12, "unexpected '}'"},
      {"{}\n{}", 2, 1, "expected end of input"},
      {"{\"名\": x}", 1, 7, "invalid literal"},
      {"{\"a\": 1", 1, 8, "unexpected end of input"},
  };
  for (const Case& c : cases) {
    std::vector<Diagnostic> diagnostics;
    EXPECT_FALSE(parsePositionedJson(c.text, "t.json", 32, diagnostics).has_value()) << c.text;
    ASSERT_EQ(diagnostics.size(), 1u) << c.text;
    EXPECT_EQ(diagnostics[0].line, c.line) << c.text << "\n" << diagnostics[0].format();
    EXPECT_EQ(diagnostics[0].column, c.column) << c.text << "\n" << diagnostics[0].format();
    EXPECT_NE(diagnostics[0].message.find(c.messagePart), std::string::npos)
        << diagnostics[0].message;
    EXPECT_EQ(diagnostics[0].message.find("[json.exception"), std::string::npos);
  }
}

TEST(PositionedJson, NumberOverflowIsReportedAtTheNumber) {
  std::vector<Diagnostic> diagnostics;
  EXPECT_FALSE(parsePositionedJson("{\"a\": [1,\n  -1e400]}", "t.json", 32, diagnostics));
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_EQ(diagnostics[0].path, "a[1]");
  EXPECT_EQ(diagnostics[0].line, 2);
  EXPECT_EQ(diagnostics[0].column, 3);
  EXPECT_EQ(diagnostics[0].message,
            "number -1e400 is too large for a double; numbers must be finite");
}

TEST(PositionedJson, OffsetToPosition) {
  const std::string text =
      "ab\nc\xC3\xA9"
      "d\n";
  EXPECT_EQ(positionOfOffset(text, 0).line, 1);
  EXPECT_EQ(positionOfOffset(text, 0).column, 1);
  EXPECT_EQ(positionOfOffset(text, 2).column, 3);  // the newline ends line 1
  EXPECT_EQ(positionOfOffset(text, 3).line, 2);
  EXPECT_EQ(positionOfOffset(text, 3).column, 1);
  EXPECT_EQ(positionOfOffset(text, 5).column, 2);  // continuation byte of é
  EXPECT_EQ(positionOfOffset(text, 6).column, 3);  // d
  EXPECT_EQ(positionOfOffset(text, text.size()).line, 3);
  EXPECT_EQ(positionOfOffset(text, text.size() + 10).line, 3);
}

TEST(PositionedJson, DepthLimitCountsContainers) {
  std::vector<Diagnostic> diagnostics;
  EXPECT_TRUE(parsePositionedJson("[[[1]]]", "t.json", 3, diagnostics).has_value());
  EXPECT_FALSE(parsePositionedJson("[[[[1]]]]", "t.json", 3, diagnostics).has_value());
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_EQ(diagnostics[0].column, 4);
  EXPECT_EQ(diagnostics[0].path, "[0][0]");
}

}  // namespace
}  // namespace practicum::scenario::detail
