#include "positioned_json.hpp"

#include <deque>
#include <iterator>
#include <utility>

#include "json_path.hpp"

namespace practicum::scenario::detail {

namespace {

using nlohmann::json;

bool hasBom(std::string_view text) { return text.substr(0, 3) == "\xEF\xBB\xBF"; }
bool isContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Follows the characters the parser consumes, in order, and remembers where the last scalar
// token (string, number, literal) and the last '{' or '[' started. The parser fires its SAX
// event for a number only after reading one look-ahead character, so positions are taken from
// token starts rather than from the current character.
class CharTracker {
 public:
  explicit CharTracker(std::string_view text) : bomEnd_(hasBom(text) ? 3 : 0) {}

  void consume(unsigned char c) {
    // a UTF-8 continuation byte belongs to the column of its lead byte; a BOM has no column
    if (offset_ >= bomEnd_ && !isContinuation(c)) ++column_;
    const TextPosition here{line_, column_ < 1 ? 1 : column_};
    ++offset_;
    if (c == '\n') {
      ++line_;
      column_ = 0;
    }
    if (offset_ > bomEnd_) classify(c, here);
  }

  TextPosition scalarStart() const { return scalarStart_; }
  TextPosition containerStart() const { return containerStart_; }
  TextPosition tokenStart() const { return tokenStart_; }

 private:
  void classify(unsigned char c, TextPosition here) {
    // inside a string only the closing quote matters (escapes may hide quotes)
    if (inString_) {
      if (escape_) {
        escape_ = false;
      } else if (c == '\\') {
        escape_ = true;
      } else if (c == '"') {
        inString_ = false;
      }
      return;
    }
    switch (c) {
      case ' ':
      case '\t':
      case '\n':
      case '\r': inScalar_ = false; break;
      case ',':
      case ':':
      case '}':
      case ']':
        inScalar_ = false;
        tokenStart_ = here;
        break;
      case '{':
      case '[':
        inScalar_ = false;
        containerStart_ = here;
        tokenStart_ = here;
        break;
      case '"':
        inScalar_ = false;
        inString_ = true;
        scalarStart_ = here;
        tokenStart_ = here;
        break;
      default:
        // first character of a number or literal
        if (!inScalar_) {
          scalarStart_ = here;
          tokenStart_ = here;
        }
        inScalar_ = true;
        break;
    }
  }

  std::size_t bomEnd_;
  std::size_t offset_ = 0;
  int line_ = 1;
  int column_ = 0;
  bool inString_ = false;
  bool escape_ = false;
  bool inScalar_ = false;
  TextPosition scalarStart_;
  TextPosition containerStart_;
  TextPosition tokenStart_;
};

// An input iterator over the text that reports every consumed character to a CharTracker.
class TrackingIterator {
 public:
  using iterator_category = std::input_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;

  TrackingIterator() = default;
  TrackingIterator(const char* p, CharTracker* tracker) : p_(p), tracker_(tracker) {}

  reference operator*() const { return *p_; }
  TrackingIterator& operator++() {
    tracker_->consume(static_cast<unsigned char>(*p_));
    ++p_;
    return *this;
  }
  TrackingIterator operator++(int) {
    TrackingIterator old = *this;
    ++*this;
    return old;
  }
  friend bool operator==(const TrackingIterator& a, const TrackingIterator& b) {
    return a.p_ == b.p_;
  }

 private:
  const char* p_ = nullptr;
  CharTracker* tracker_ = nullptr;
};

// nlohmann's message without its "[json.exception.parse_error.101] parse error at ...: " prefix
std::string stripParseErrorPrefix(const std::string& what) {
  std::string message = what;
  if (message.rfind("[json.exception.", 0) == 0) {
    const auto close = message.find("] ");
    if (close != std::string::npos) message.erase(0, close + 2);
  }
  if (message.rfind("parse error", 0) == 0) {
    const auto colon = message.find(": ");
    if (colon != std::string::npos) message.erase(0, colon + 2);
  }
  return message;
}

// nlohmann's words for a token, in Chinese
std::string chineseToken(std::string_view token) {
  static constexpr std::pair<std::string_view, std::string_view> kTokens[] = {
      {"true literal", "true"},
      {"false literal", "false"},
      {"null literal", "null"},
      {"string literal", "字符串"},
      {"number literal", "数值"},
      {"end of input", "文件末尾"},
      {"'[', '{', or a literal", "“[”、“{”或一个值"},
      {"<parse error>", "无法识别的内容"},
      {"<uninitialized>", "无"},
      {"unknown token", "未知记号"},
  };
  for (const auto& [en, zh] : kTokens)
    if (token == en) return std::string(zh);
  // a punctuation token: '{' → “{”
  if (token.size() == 3 && token.front() == '\'' && token.back() == '\'')
    return "“" + std::string(token.substr(1, 1)) + "”";
  return std::string(token);
}

// a lexer's message ("invalid string: missing closing quote") in Chinese
std::string chineseLexerError(std::string_view message) {
  static constexpr std::pair<std::string_view, std::string_view> kMessages[] = {
      {"invalid string: ill-formed UTF-8 byte", "无效字符串：UTF-8 字节格式错误"},
      {"invalid string: missing closing quote", "无效字符串：缺少右引号"},
      {"invalid string: '\\u' must be followed by 4 hex digits",
       "无效字符串：“\\u”后面必须是 4 位十六进制数字"},
      {"invalid string: surrogate U+D800..U+DBFF must be followed by U+DC00..U+DFFF",
       "无效字符串：代理项 U+D800..U+DBFF 后面必须是 U+DC00..U+DFFF"},
      {"invalid string: surrogate U+DC00..U+DFFF must follow U+D800..U+DBFF",
       "无效字符串：代理项 U+DC00..U+DFFF 必须跟在 U+D800..U+DBFF 之后"},
      {"invalid string: forbidden character after backslash", "无效字符串：反斜杠后的字符不允许"},
      {"invalid comment; missing closing '*/'", "无效注释：缺少结尾的“*/”"},
      {"invalid comment; expecting '/' or '*' after '/'", "无效注释：“/”后面应为“/”或“*”"},
      {"invalid number; expected digit after '-'", "无效数值：“-”后面应为数字"},
      {"invalid number; expected digit after '.'", "无效数值：“.”后面应为数字"},
      {"invalid number; expected digit after exponent sign", "无效数值：指数符号后面应为数字"},
      {"invalid literal", "无效的值（JSON 只有 true、false、null、数值、字符串、数组和对象）"},
      {"invalid BOM; must be 0xEF 0xBB 0xBF if given", "无效的 BOM：若有，必须是 0xEF 0xBB 0xBF"},
  };
  for (const auto& [en, zh] : kMessages)
    if (message == en) return std::string(zh);
  // "invalid string: control character U+000A (LF) must be escaped to \u000A or \n"
  constexpr std::string_view control = "invalid string: control character ";
  if (message.rfind(control, 0) == 0) {
    const std::string_view rest = message.substr(control.size());
    const std::string_view code = rest.substr(0, rest.find(' '));
    const auto to = rest.find("escaped to ");
    const std::string_view escapes =
        to == std::string_view::npos ? std::string_view() : rest.substr(to + 11);
    std::string zh = "无效字符串：控制字符 " + std::string(code) + " 必须转义";
    if (!escapes.empty()) {
      std::string e(escapes);
      if (const auto orAt = e.find(" or "); orAt != std::string::npos) e.replace(orAt, 4, " 或 ");
      zh += "为 " + e;
    }
    return zh;
  }
  return "JSON 语法错误";
}

// a syntax error of nlohmann ("syntax error while parsing object key - unexpected '}'; expected
// string literal", its prefix already gone) in Chinese, with the same parts
std::string chineseSyntaxError(std::string_view message) {
  constexpr std::string_view syntax = "syntax error ";
  if (message.rfind(syntax, 0) != 0) return "JSON 语法错误";
  std::string_view rest = message.substr(syntax.size());
  std::string where;
  if (rest.rfind("while parsing ", 0) == 0) {
    const auto dash = rest.find(" - ");
    const std::string_view context =
        rest.substr(14, dash == std::string_view::npos ? 0 : dash - 14);
    static constexpr std::pair<std::string_view, std::string_view> kContexts[] = {
        {"value", "读取值时"},
        {"object key", "读取对象的键时"},
        {"object separator", "读取键后的冒号时"},
        {"object", "读取对象时"},
        {"array", "读取数组时"},
    };
    for (const auto& [en, zh] : kContexts)
      if (context == en) where = zh;
    if (dash != std::string_view::npos) rest = rest.substr(dash + 3);
  } else if (rest.rfind("- ", 0) == 0) {
    rest = rest.substr(2);
  }
  std::string zh = "JSON 语法错误" + (where.empty() ? std::string() : "（" + where + "）") + "：";
  if (const auto last = rest.find("; last read: '"); last != std::string_view::npos) {
    std::string_view read = rest.substr(last + 14);
    if (!read.empty() && read.back() == '\'') read.remove_suffix(1);
    return zh + chineseLexerError(rest.substr(0, last)) + "；最后读到“" + std::string(read) + "”";
  }
  if (rest.rfind("unexpected ", 0) == 0) {
    const auto expected = rest.find("; expected ");
    const std::string_view got = rest.substr(
        11, expected == std::string_view::npos ? std::string_view::npos : expected - 11);
    zh += "意外的" + chineseToken(got);
    if (expected != std::string_view::npos)
      zh += "；应为" + chineseToken(rest.substr(expected + 11));
    return zh;
  }
  return zh + chineseLexerError(rest);
}

// nlohmann's exception id for a number that does not fit a double
constexpr int kNumberOverflow = 406;

// SAX handler that builds the json value and records positions (see nlohmann::json_sax).
class PositionedBuilder {
 public:
  PositionedBuilder(const CharTracker& tracker, std::string_view text, const std::string& file,
                    int maxDepth, std::vector<Diagnostic>& diagnostics)
      : tracker_(tracker),
        text_(text),
        file_(file),
        maxDepth_(maxDepth),
        diagnostics_(diagnostics) {}

  bool null() { return scalar(json(nullptr)); }
  bool boolean(bool v) { return scalar(json(v)); }
  bool number_integer(json::number_integer_t v) { return scalar(json(v)); }
  bool number_unsigned(json::number_unsigned_t v) { return scalar(json(v)); }
  bool number_float(json::number_float_t v, const json::string_t&) { return scalar(json(v)); }
  bool string(json::string_t& v) { return scalar(json(std::move(v))); }
  bool binary(json::binary_t&) { return false; }  // never produced by JSON text

  bool start_object(std::size_t) { return open(json::value_t::object); }
  bool end_object() { return close(); }
  bool start_array(std::size_t) { return open(json::value_t::array); }
  bool end_array() { return close(); }

  bool key(json::string_t& k) {
    Frame& frame = stack_.back();
    const TextPosition at = tracker_.scalarStart();
    std::string path = memberPath(frame.path, k);
    if (frame.value->contains(k)) {
      // keep the first value; parse the repeat into a scratch value that is dropped
      const TextPosition first = result_.keyAt(path);
      const LocalizedText message = say(
          "duplicate key \"{}\" (first defined at line {}, column {}); keys must be unique",
          "键“{}”重复（第一次出现在第 {} 行第 {} 列）；键必须唯一", k, first.line, first.column);
      diagnostics_.push_back(
          {Severity::Error, file_, path, at.line, at.column, message.en, message.zhCN});
      scratch_.emplace_back();
      memberSlot_ = &scratch_.back();
    } else {
      memberSlot_ = &(*frame.value)[k];
    }
    memberPath_ = std::move(path);
    memberKey_ = at;
    return true;
  }

  bool parse_error(std::size_t position, const std::string& lastToken, const json::exception& e) {
    failed_ = true;
    // a number too large for a double: report it at its value, with the path it would have had
    if (e.id == kNumberOverflow) {
      const TextPosition at = tracker_.scalarStart();
      const LocalizedText message =
          say("number {} is too large for a double; numbers must be finite",
              "数值 {} 超出双精度浮点数的范围；数值必须是有限的", lastToken);
      diagnostics_.push_back(
          {Severity::Error, file_, nextValuePath(), at.line, at.column, message.en, message.zhCN});
      return false;
    }
    // lexer errors point at the last character read, "unexpected <token>" errors at the token
    // (nlohmann's byte position is one past the last character read)
    const std::string message = stripParseErrorPrefix(e.what());
    TextPosition at;
    if (message.find("unexpected end of input") != std::string::npos) {
      at = positionOfOffset(text_, text_.size());
    } else if (message.find("last read") == std::string::npos &&
               message.find("unexpected") != std::string::npos) {
      at = tracker_.tokenStart();
    } else {
      at = positionOfOffset(text_, position > 0 ? position - 1 : 0);
    }
    diagnostics_.push_back(
        {Severity::Error, file_, "", at.line, at.column, message, chineseSyntaxError(message)});
    return false;
  }

  bool failed() const { return failed_; }
  PositionedJson take() { return std::move(result_); }

 private:
  struct Frame {
    json* value;
    std::string path;
    std::size_t nextIndex;
    bool isArray;
  };

  // stores v where the next value goes and records its position; returns the stored value
  json* place(json&& v, TextPosition at, std::string& path) {
    json* slot = nullptr;
    TextPosition keyPos;
    if (stack_.empty()) {
      result_.root = std::move(v);
      slot = &result_.root;
      path.clear();
    } else if (stack_.back().isArray) {
      Frame& frame = stack_.back();
      path = elementPath(frame.path, frame.nextIndex++);
      frame.value->push_back(std::move(v));
      slot = &frame.value->back();
    } else {
      *memberSlot_ = std::move(v);
      slot = memberSlot_;
      path = std::move(memberPath_);
      keyPos = memberKey_;
    }
    result_.positions.emplace(path, NodePosition{at, keyPos});
    return slot;
  }

  // the path the next value would get
  std::string nextValuePath() const {
    if (stack_.empty()) return {};
    const Frame& frame = stack_.back();
    return frame.isArray ? elementPath(frame.path, frame.nextIndex) : memberPath_;
  }

  bool scalar(json&& v) {
    std::string path;
    place(std::move(v), tracker_.scalarStart(), path);
    return true;
  }

  bool open(json::value_t type) {
    const TextPosition at = tracker_.containerStart();
    // refuse deep nesting before it costs anything
    if (static_cast<int>(stack_.size()) >= maxDepth_) {
      std::string where = stack_.empty() ? std::string() : stack_.back().path;
      const LocalizedText message =
          say("nesting is deeper than the limit of {} levels", "嵌套深度超过上限 {} 层", maxDepth_);
      diagnostics_.push_back(
          {Severity::Error, file_, where, at.line, at.column, message.en, message.zhCN});
      failed_ = true;
      return false;
    }
    std::string path;
    json* slot = place(json(type), at, path);
    stack_.push_back(Frame{slot, std::move(path), 0, type == json::value_t::array});
    return true;
  }

  bool close() {
    stack_.pop_back();
    return true;
  }

  const CharTracker& tracker_;
  std::string_view text_;
  const std::string& file_;
  int maxDepth_;
  std::vector<Diagnostic>& diagnostics_;
  PositionedJson result_;
  std::vector<Frame> stack_;
  std::deque<json> scratch_;  // values of duplicate keys (stable addresses)
  json* memberSlot_ = nullptr;
  std::string memberPath_;
  TextPosition memberKey_;
  bool failed_ = false;
};

}  // namespace

TextPosition PositionedJson::valueAt(const std::string& path) const {
  const auto it = positions.find(path);
  return it == positions.end() ? TextPosition{} : it->second.value;
}

TextPosition PositionedJson::keyAt(const std::string& path) const {
  const auto it = positions.find(path);
  if (it == positions.end()) return {};
  return it->second.key.line > 0 ? it->second.key : it->second.value;
}

TextPosition positionOfOffset(std::string_view text, std::size_t offset) {
  const std::size_t bomEnd = hasBom(text) ? 3 : 0;
  if (offset > text.size()) offset = text.size();
  int line = 1;
  int column = 0;
  for (std::size_t i = 0; i < offset; ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      ++line;
      column = 0;
    } else if (i >= bomEnd && !isContinuation(c)) {
      ++column;
    }
  }
  // a continuation byte shares the column of its lead byte
  if (offset < text.size() && offset >= bomEnd &&
      isContinuation(static_cast<unsigned char>(text[offset])))
    return {line, column < 1 ? 1 : column};
  return {line, column + 1};
}

std::optional<PositionedJson> parsePositionedJson(std::string_view text, const std::string& file,
                                                  int maxDepth,
                                                  std::vector<Diagnostic>& diagnostics) {
  CharTracker tracker(text);
  PositionedBuilder builder(tracker, text, file, maxDepth, diagnostics);
  const TrackingIterator first(text.data(), &tracker);
  const TrackingIterator last(text.data() + text.size(), &tracker);
  const bool ok = json::sax_parse(first, last, &builder);
  if (!ok || builder.failed()) {
    if (!builder.failed())
      diagnostics.push_back({Severity::Error, file, "", 0, 0, "the JSON text could not be parsed",
                             "无法解析此 JSON 文本"});
    return std::nullopt;
  }
  return builder.take();
}

}  // namespace practicum::scenario::detail
