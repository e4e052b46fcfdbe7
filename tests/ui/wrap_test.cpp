// Line breaking of UI text: at spaces in English, between Chinese characters, and never with
// closing punctuation at a line's start or opening punctuation at its end (the issue's
// "”" that began a line of wrapped task text).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include <practicum/ui/text.hpp>

namespace practicum::test {
namespace {

// every code point 10 pixels wide, Chinese ones 20
float advance(char32_t c, void*) { return c < 0x80 ? 10.0f : 20.0f; }

std::vector<std::string> lines(const std::string& text, float width) {
  const std::string wrapped = ui::wrapText(text, width, advance, nullptr);
  std::vector<std::string> out(1);
  for (const char c : wrapped) {
    if (c == '\n')
      out.emplace_back();
    else
      out.back() += c;
  }
  return out;
}

TEST(WrapText, EnglishBreaksAtSpacesAndCutsOnlyAWordWiderThanTheLine) {
  EXPECT_EQ(lines("open the breaker first", 100),
            (std::vector<std::string>{"open the", "breaker", "first"}));
  EXPECT_EQ(lines("abcdefghijkl", 50), (std::vector<std::string>{"abcde", "fghij", "kl"}));
  EXPECT_EQ(lines("short", 100), (std::vector<std::string>{"short"}));
  EXPECT_EQ(lines("two\nlines", 100), (std::vector<std::string>{"two", "lines"}));
}

TEST(WrapText, ChineseBreaksBetweenCharactersButKeepsPunctuationOnTheRightLine) {
  // 5 characters a line: the break would put ” at the start of the second line; it goes with
  // the character before it instead
  const std::string text = "悬挂“禁止合闸”标示牌";
  for (const auto& line : lines(text, 100)) {
    EXPECT_NE(line.rfind("”", 0), 0u) << "a line starts with a closing quote: " << line;
    EXPECT_FALSE(line.size() >= 3 && line.substr(line.size() - 3) == "“")
        << "a line ends with an opening quote: " << line;
  }
  // where a plain break would put it first on the line, the character before it moves down
  EXPECT_EQ(lines("一二三四五”六", 100), (std::vector<std::string>{"一二三四", "五”六"}));
  EXPECT_EQ(lines("一二三四“五六", 100), (std::vector<std::string>{"一二三四", "“五六"}));
  const auto split = lines("先断开断路器，再拉开隔离开关。", 100);
  for (const auto& line : split) {
    EXPECT_NE(line.rfind("，", 0), 0u) << line;
    EXPECT_NE(line.rfind("。", 0), 0u) << line;
  }
  std::string joined;
  for (const auto& line : split) joined += line;
  EXPECT_EQ(joined, "先断开断路器，再拉开隔离开关。");  // nothing lost or added
  EXPECT_GT(split.size(), 1u);
}

TEST(WrapText, BrokenUtf8IsNotACrash) {
  const std::string bad = "ab\xE4\xB8\xff\xC3";
  EXPECT_FALSE(ui::wrapText(bad, 15, advance, nullptr).empty());
}

}  // namespace
}  // namespace practicum::test
