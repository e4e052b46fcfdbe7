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
      diagnostics_.push_back({Severity::Error, file_, path, at.line, at.column,
                              "duplicate key \"" + k + "\" (first defined at line " +
                                  std::to_string(first.line) + ", column " +
                                  std::to_string(first.column) + "); keys must be unique"});
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
      diagnostics_.push_back(
          {Severity::Error, file_, nextValuePath(), at.line, at.column,
           "number " + lastToken + " is too large for a double; numbers must be finite"});
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
    diagnostics_.push_back({Severity::Error, file_, "", at.line, at.column, message});
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
      diagnostics_.push_back(
          {Severity::Error, file_, where, at.line, at.column,
           "nesting is deeper than the limit of " + std::to_string(maxDepth_) + " levels"});
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
      diagnostics.push_back({Severity::Error, file, "", 0, 0, "the JSON text could not be parsed"});
    return std::nullopt;
  }
  return builder.take();
}

}  // namespace practicum::scenario::detail
