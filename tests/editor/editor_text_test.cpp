// The editor's words in both languages: every text of its table is there in English and in
// Chinese, the Chinese in Chinese characters, a format with the same printf conversions in both;
// every field of the format has a Chinese name and its help a Chinese line; and the editor
// library's command labels and messages come out in Chinese with their names kept.
#include <gtest/gtest.h>

#include <cctype>
#include <string>
#include <vector>

#include <practicum/editor/editor_text.hpp>
#include <practicum/scenario/fields.hpp>

namespace practicum::test {
namespace {

using editor::EditorText;
using ui::Language;

// whether `s` has a character of the CJK blocks (UTF-8 lead bytes 0xE3..0xE9: U+3000..U+9FFF)
bool hasCjk(const std::string& s) {
  for (const char c : s)
    if (const auto b = static_cast<unsigned char>(c); b >= 0xE3 && b <= 0xE9) return true;
  return false;
}

// the printf conversions of a format, in order ("%s", "%.1f", "%zu"); "%%" is none
std::vector<std::string> conversions(const std::string& s) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '%') continue;
    if (i + 1 < s.size() && s[i + 1] == '%') {
      ++i;
      continue;
    }
    std::size_t j = i + 1;
    while (j < s.size() && std::string("0123456789.-+ #lzhjt").find(s[j]) != std::string::npos) ++j;
    out.push_back(s.substr(i, j + 1 - i));
    i = j;
  }
  return out;
}

// letters and digits only count as words; a text of symbols and conversions alone is exempt
bool hasLetters(const std::string& s) {
  const std::string bare = [&] {
    std::string b = s;
    for (const auto& c : conversions(s)) b.erase(b.find(c), c.size());
    return b;
  }();
  for (const char c : bare)
    if (std::isalpha(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80)
      return true;
  return false;
}

TEST(EditorText, EveryTextIsThereInBothLanguagesWithTheSameConversions) {
  for (int i = 0; i < int(EditorText::Count_); ++i) {
    const auto t = EditorText(i);
    const std::string en = editor::tr(t, Language::English);
    const std::string zh = editor::tr(t, Language::ChineseSimplified);
    EXPECT_FALSE(en.empty()) << "text " << i;
    EXPECT_FALSE(zh.empty()) << "text " << i << " (" << en << ")";
    EXPECT_TRUE(!hasLetters(zh) || hasCjk(zh)) << "not Chinese: " << zh << " (" << en << ")";
    EXPECT_EQ(conversions(en), conversions(zh)) << en << " / " << zh;
  }
}

TEST(EditorText, FormatsFillInTheirValues) {
  EXPECT_EQ(editor::format(EditorText::Saved, Language::English, "a/scenario.json"),
            "saved a/scenario.json");
  EXPECT_EQ(
      editor::format(EditorText::TextsStillSay, Language::ChineseSimplified, std::size_t(3), "QS1"),
      "有 3 处文本仍写着“QS1”。");
}

TEST(EditorText, EveryFieldOfTheFormatHasAChineseNameAndHelp) {
  for (const scenario::PlaceSpec& place : scenario::places())
    for (const scenario::FieldSpec& f : place.fields) {
      EXPECT_TRUE(editor::hasFieldLabel(f.name)) << place.name << "." << f.name;
      EXPECT_TRUE(hasCjk(editor::fieldLabel(f.name, Language::ChineseSimplified))) << f.name;
      EXPECT_EQ(editor::fieldLabel(f.name, Language::English), f.name);
      EXPECT_TRUE(f.help.empty() || editor::hasFieldHelp(f.help)) << f.name << ": " << f.help;
      // the tooltip: the key, then Chinese
      const std::string zh = editor::describeField(f, Language::ChineseSimplified);
      EXPECT_EQ(zh.rfind(std::string(f.name) + "：", 0), 0u) << zh;
      EXPECT_TRUE(hasCjk(zh)) << zh;
      EXPECT_EQ(editor::describeField(f, Language::English).find("必填"), std::string::npos);
    }
  for (int t = 0; t <= int(scenario::FieldType::List); ++t)
    EXPECT_TRUE(hasCjk(editor::typeName(scenario::FieldType(t), Language::ChineseSimplified)));
}

TEST(EditorText, CommandLabelsAndMessagesKeepTheirNames) {
  const auto zh = [](const char* en) { return editor::message(en, Language::ChineseSimplified); };
  EXPECT_EQ(zh("Delete entity QS1"), "删除实体 QS1");
  EXPECT_EQ(zh("Delete entities[3]"), "删除 entities[3]");
  EXPECT_EQ(zh("Rename device QS1 to QS2"), "将设备 QS1 重命名为 QS2");
  EXPECT_EQ(zh("Rename position open to off"), "将位置 open 重命名为 off");
  EXPECT_EQ(zh("Make entities[2] a sphere"), "将 entities[2] 改为 sphere");
  EXPECT_EQ(zh("Make joints[0] hinge"), "将 joints[0] 改为 hinge");
  EXPECT_EQ(zh("Write QS2 for QS1 in the texts"), "在文本中把 QS1 改写为 QS2");
  EXPECT_EQ(zh("devices: \"QS1\" is the name of another item already"),
            "devices：“QS1”已是另一项的名称");
  EXPECT_EQ(zh("a name cannot be empty"), "名称不能为空");
  EXPECT_EQ(zh("Duplicate"), "复制");
  // a form the table does not have stays as it is; English is always as it is
  EXPECT_EQ(zh("something else"), "something else");
  EXPECT_EQ(editor::message("Delete entity QS1", Language::English), "Delete entity QS1");
}

TEST(EditorText, TheGlyphTextHasEveryChineseString) {
  const std::string all = editor::everyEditorText();
  for (int i = 0; i < int(EditorText::Count_); ++i)
    EXPECT_NE(all.find(editor::tr(EditorText(i), Language::ChineseSimplified)), std::string::npos);
  EXPECT_NE(all.find(editor::fieldLabel("halfExtents", Language::ChineseSimplified)),
            std::string::npos);
}

}  // namespace
}  // namespace practicum::test
