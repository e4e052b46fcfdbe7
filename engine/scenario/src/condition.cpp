// The condition language: lexer, recursive-descent parser with type checking, and the evaluator
// over a flattened tree (nodes in post-order, children referred to by index).
#include <practicum/scenario/condition.hpp>
#include <practicum/scenario/names.hpp>

#include <algorithm>
#include <array>
#include <cassert>
#include <charconv>
#include <cmath>
#include <limits>
#include <system_error>
#include <utility>

namespace practicum::scenario {

/// Operations of the flattened tree.
enum class Op : std::uint8_t {
  Const,       ///< constants[a]
  LoadBool,    ///< symbol a, as 0 or 1
  LoadNumber,  ///< symbol a
  Not,         ///< !a
  Neg,         ///< -a
  Abs,         ///< |a|
  And,         ///< a && b, short-circuit
  Or,          ///< a || b, short-circuit
  Eq,
  Ne,
  Lt,
  Le,
  Gt,
  Ge,
  Add,
  Sub,
  Mul,
  Div,  ///< 0 when b is 0
  Min,
  Max,
};

/// One node: an operation and two operands (child node indices, a symbol id or a constant index).
struct Node {
  Op op = Op::Const;
  std::uint32_t a = 0;
  std::uint32_t b = 0;
};

struct Condition::Program {
  std::string text;
  ValueType type = ValueType::Bool;
  std::vector<Node> nodes;  ///< post-order: children before parents; the root is last
  std::vector<double> constants;
  std::vector<std::uint32_t> symbols;  ///< distinct, ascending
};

namespace {

using Program = Condition::Program;

// ---------------------------------------------------------------------------------------------
// evaluation

/// Keeps every number finite: NaN (only possible from non-finite symbol values) becomes 0 and
/// overflow saturates at the largest finite double.
inline double finite(double x) {
  constexpr double kMax = std::numeric_limits<double>::max();
  if (std::isnan(x)) return 0.0;
  if (x > kMax) return kMax;
  if (x < -kMax) return -kMax;
  return x;
}

inline double boolean(bool b) { return b ? 1.0 : 0.0; }

double evalNode(const Program& p, std::uint32_t index, const SymbolValues& values) {
  const Node& n = p.nodes[index];
  switch (n.op) {
    case Op::Const: return p.constants[n.a];
    case Op::LoadBool: return boolean(values.value(n.a) != 0.0);
    case Op::LoadNumber: return finite(values.value(n.a));
    case Op::Not: return boolean(evalNode(p, n.a, values) == 0.0);
    case Op::Neg: return -evalNode(p, n.a, values);
    case Op::Abs: return std::fabs(evalNode(p, n.a, values));
    case Op::And:
      return boolean(evalNode(p, n.a, values) != 0.0 && evalNode(p, n.b, values) != 0.0);
    case Op::Or: return boolean(evalNode(p, n.a, values) != 0.0 || evalNode(p, n.b, values) != 0.0);
    default: break;
  }
  // binary operators on two evaluated operands
  const double x = evalNode(p, n.a, values);
  const double y = evalNode(p, n.b, values);
  switch (n.op) {
    case Op::Eq: return boolean(x == y);
    case Op::Ne: return boolean(x != y);
    case Op::Lt: return boolean(x < y);
    case Op::Le: return boolean(x <= y);
    case Op::Gt: return boolean(x > y);
    case Op::Ge: return boolean(x >= y);
    case Op::Add: return finite(x + y);
    case Op::Sub: return finite(x - y);
    case Op::Mul: return finite(x * y);
    case Op::Div: return y == 0.0 ? 0.0 : finite(x / y);
    case Op::Min: return y < x ? y : x;
    case Op::Max: return y > x ? y : x;
    default: break;
  }
  assert(false && "condition: unknown node operation");
  return 0.0;
}

// ---------------------------------------------------------------------------------------------
// lexer

enum class Tok : std::uint8_t {
  End,
  Error,
  Number,
  Name,  ///< identifiers joined by dots
  True,
  False,
  Not,
  And,
  Or,
  LParen,
  RParen,
  Comma,
  Plus,
  Minus,
  Star,
  Slash,
  Eq,
  Ne,
  Lt,
  Le,
  Gt,
  Ge,
};

struct Token {
  Tok kind = Tok::End;
  int begin = 0;  ///< byte offset in the text
  int end = 0;
  double number = 0;
  LocalizedText error;  ///< for Tok::Error: the message (begin = the column - 1)
};

bool isIdentStart(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool isIdentChar(char c) { return isIdentStart(c) || (c >= '0' && c <= '9'); }
bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/// Splits the whole text into tokens; the list ends with End or with one Error token.
std::vector<Token> lex(std::string_view text) {
  std::vector<Token> tokens;
  const int size = static_cast<int>(text.size());
  int i = 0;
  auto error = [&](int at, LocalizedText message) {
    Token t;
    t.kind = Tok::Error;
    t.begin = at;
    t.end = at;
    t.error = std::move(message);
    tokens.push_back(std::move(t));
  };
  auto at = [&](int k) { return k < size ? text[static_cast<std::size_t>(k)] : '\0'; };
  while (true) {
    while (i < size && isSpace(at(i))) ++i;
    Token t;
    t.begin = i;
    if (i >= size) {
      t.end = i;
      tokens.push_back(t);
      return tokens;
    }
    const char c = at(i);
    // numbers: digits, an optional fraction and an optional exponent
    if (isDigit(c)) {
      int j = i;
      while (isDigit(at(j))) ++j;
      if (at(j) == '.') {
        ++j;
        if (!isDigit(at(j))) {
          error(j, say("expected a digit after the decimal point", "小数点后面应为数字"));
          return tokens;
        }
        while (isDigit(at(j))) ++j;
      }
      if (at(j) == 'e' || at(j) == 'E') {
        ++j;
        if (at(j) == '+' || at(j) == '-') ++j;
        if (!isDigit(at(j))) {
          error(j, say("expected the digits of the exponent", "应为指数的数字"));
          return tokens;
        }
        while (isDigit(at(j))) ++j;
      }
      if (isIdentStart(at(j)) || at(j) == '.') {
        error(j, say("unexpected `{}` right after the number `{}`",
                     "数值 `{1}` 后面紧跟着意外的 `{0}`", std::string(1, at(j)),
                     conditionExcerpt(text.substr(i, j - i))));
        return tokens;
      }
      double value = 0;
      const auto r = std::from_chars(text.data() + i, text.data() + j, value);
      if (r.ec != std::errc() || !std::isfinite(value)) {
        error(i, say("the number `{}` is out of range (a double must hold it)",
                     "数值 `{}` 超出范围（必须能用双精度浮点数表示）",
                     conditionExcerpt(text.substr(i, j - i))));
        return tokens;
      }
      t.kind = Tok::Number;
      t.end = j;
      t.number = value;
      tokens.push_back(t);
      i = j;
      continue;
    }
    // names and keywords: identifiers joined by dots
    if (isIdentStart(c)) {
      int j = i;
      while (isIdentChar(at(j))) ++j;
      bool dotted = false;
      while (at(j) == '.') {
        if (!isIdentStart(at(j + 1))) {
          error(j + 1, say("expected a name after `.` (names are identifiers joined by dots)",
                           "`.` 后面应为名称（名称是用点连接的标识符）"));
          return tokens;
        }
        dotted = true;
        ++j;
        while (isIdentChar(at(j))) ++j;
      }
      t.end = j;
      t.kind = Tok::Name;
      if (!dotted) {
        // the keywords, from the format's table of names
        if (const auto keyword = parseConditionKeyword(text.substr(i, j - i))) {
          switch (*keyword) {
            case ConditionKeyword::True: t.kind = Tok::True; break;
            case ConditionKeyword::False: t.kind = Tok::False; break;
            case ConditionKeyword::And: t.kind = Tok::And; break;
            case ConditionKeyword::Or: t.kind = Tok::Or; break;
            case ConditionKeyword::Not: t.kind = Tok::Not; break;
          }
        }
      }
      tokens.push_back(t);
      i = j;
      continue;
    }
    // operators and punctuation
    const char next = at(i + 1);
    int length = 1;
    switch (c) {
      case '(': t.kind = Tok::LParen; break;
      case ')': t.kind = Tok::RParen; break;
      case ',': t.kind = Tok::Comma; break;
      case '+': t.kind = Tok::Plus; break;
      case '-': t.kind = Tok::Minus; break;
      case '*': t.kind = Tok::Star; break;
      case '/': t.kind = Tok::Slash; break;
      case '<':
        t.kind = next == '=' ? Tok::Le : Tok::Lt;
        length = next == '=' ? 2 : 1;
        break;
      case '>':
        t.kind = next == '=' ? Tok::Ge : Tok::Gt;
        length = next == '=' ? 2 : 1;
        break;
      case '=':
        if (next != '=') {
          error(i, say("unexpected `=`; compare with `==`", "意外的 `=`；比较请用 `==`"));
          return tokens;
        }
        t.kind = Tok::Eq;
        length = 2;
        break;
      case '!':
        if (next != '=') {
          error(i, say("unexpected `!`; write `not`", "意外的 `!`；请写 `not`"));
          return tokens;
        }
        t.kind = Tok::Ne;
        length = 2;
        break;
      case '&':
        error(i, say("unexpected `&`; write `and`", "意外的 `&`；请写 `and`"));
        return tokens;
      case '|': error(i, say("unexpected `|`; write `or`", "意外的 `|`；请写 `or`")); return tokens;
      default: {
        const auto byte = static_cast<unsigned char>(c);
        if (byte >= 0x21 && byte < 0x7f) {
          error(i, say("unexpected character `{}`", "意外的字符 `{}`", std::string(1, c)));
        } else {
          static constexpr char kHex[] = "0123456789ABCDEF";
          const std::string hex{kHex[byte >> 4], kHex[byte & 15]};
          error(i,
                say("unexpected character (byte 0x{}); conditions are written in ASCII",
                    "意外的字符（字节 0x{}）；条件只能用 ASCII 字符书写（请检查是否用了全角符号）",
                    hex));
        }
        return tokens;
      }
    }
    t.end = i + length;
    tokens.push_back(t);
    i += length;
  }
}

// ---------------------------------------------------------------------------------------------
// suggestions

/// Optimal string alignment distance (Levenshtein plus adjacent transpositions).
std::size_t editDistance(std::string_view s, std::string_view t) {
  const std::size_t n = s.size();
  const std::size_t m = t.size();
  std::vector<std::size_t> prev2(m + 1), prev(m + 1), cur(m + 1);
  for (std::size_t j = 0; j <= m; ++j) prev[j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= m; ++j) {
      const std::size_t cost = s[i - 1] == t[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && s[i - 1] == t[j - 2] && s[i - 2] == t[j - 1])
        cur[j] = std::min(cur[j], prev2[j - 2] + 1);
    }
    std::swap(prev2, prev);
    std::swap(prev, cur);
  }
  return prev[m];
}

/// The closest candidate within a third of the name's length (at least 2 edits), or "".
/// Ties go to the alphabetically first, so the message does not depend on the table's order.
std::string closest(std::string_view name, const std::vector<std::string>& candidates) {
  const std::size_t limit = std::max<std::size_t>(2, name.size() / 3);
  std::string best;
  std::size_t bestDistance = limit + 1;
  for (const std::string& c : candidates) {
    const std::size_t lengthGap =
        c.size() > name.size() ? c.size() - name.size() : name.size() - c.size();
    if (lengthGap > limit || c == name) continue;
    const std::size_t d = editDistance(name, c);
    if (d < bestDistance || (d == bestDistance && c < best)) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// parser

/// A parsed subexpression: its root node, its type and its span in the text.
struct Expr {
  std::uint32_t node = 0;
  ValueType type = ValueType::Bool;
  int begin = 0;
  int end = 0;
};

LocalizedText typeName(ValueType t) {
  return t == ValueType::Bool ? LocalizedText{"布尔值", "a boolean"}
                              : LocalizedText{"数值", "a number"};
}

LocalizedText neverClosed() { return say("this `(` is never closed", "这个 `(` 没有闭合"); }

class Parser {
 public:
  Parser(std::string_view text, const SymbolTable& table)
      : text_(text), table_(table), tokens_(lex(text)) {}

  /// Parses the whole text; on failure returns nullopt and error() says why.
  std::optional<Expr> parseAll() {
    if (tokens_.front().kind == Tok::End) return fail(1, say("empty condition", "条件是空的"));
    auto e = parseOr();
    if (!e) return std::nullopt;
    const Token& t = peek();
    if (t.kind == Tok::RParen) return fail(t, say("unmatched `)`", "多余的 `)`"));
    if (t.kind != Tok::End) {
      return fail(t, say("unexpected {} after a complete expression; expected an operator or the "
                         "end",
                         "完整的表达式后面出现了意外的 {}；应为运算符或条件的末尾", describe(t)));
    }
    return e;
  }

  ConditionError& error() { return error_; }
  Program& program() { return program_; }

 private:
  // --- tokens and errors

  const Token& peek() const { return tokens_[pos_]; }
  const Token& take() { return tokens_[pos_ < tokens_.size() - 1 ? pos_++ : pos_]; }

  std::string_view spanText(int begin, int end) const {
    return text_.substr(static_cast<std::size_t>(begin), static_cast<std::size_t>(end - begin));
  }

  LocalizedText describe(const Token& t) const {
    if (t.kind == Tok::End) return {"条件的末尾", "the end of the condition"};
    return verbatim("`" + conditionExcerpt(spanText(t.begin, t.end)) + "`");
  }

  /// How an operand reads in a message: its source text, shortened when long (in Chinese
  /// between backquotes, as code is).
  LocalizedText operand(const Expr& e) const {
    std::string s(spanText(e.begin, e.end));
    if (s.size() > 40) s = s.substr(0, 37) + "...";
    return {"`" + s + "`", s};
  }

  std::nullopt_t fail(int column, LocalizedText message) {
    if (!failed_) {
      failed_ = true;
      error_ = {column, std::move(message.en), std::move(message.zhCN)};
    }
    return std::nullopt;
  }
  std::nullopt_t fail(const Token& t, LocalizedText message) {
    // a lexer error outranks whatever the parser expected there
    if (t.kind == Tok::Error) return fail(t.begin + 1, t.error);
    return fail(t.begin + 1, std::move(message));
  }

  // --- building nodes

  std::optional<std::uint32_t> add(Op op, std::uint32_t a, std::uint32_t b, int column) {
    if (program_.nodes.size() >= kMaxConditionNodes) {
      return fail(column, say("the condition is too large (more than {} nodes); split it into "
                              "variables",
                              "条件太大（超过 {} 个节点）；请拆分成几个变量", kMaxConditionNodes));
    }
    program_.nodes.push_back({op, a, b});
    return static_cast<std::uint32_t>(program_.nodes.size() - 1);
  }

  std::optional<Expr> constant(double value, ValueType type, int begin, int end) {
    const auto node =
        add(Op::Const, static_cast<std::uint32_t>(program_.constants.size()), 0, begin + 1);
    if (!node) return std::nullopt;
    program_.constants.push_back(value);
    return Expr{*node, type, begin, end};
  }

  /// Opens one nesting level at `column`; false (with the error set) past the limit.
  bool enter(int column) {
    if (++depth_ > kMaxConditionDepth) {
      fail(column, say("the condition is nested too deeply (more than {} levels)",
                       "条件嵌套太深（超过 {} 层）", kMaxConditionDepth));
      return false;
    }
    return true;
  }
  void leave() { --depth_; }

  // --- grammar, from the lowest precedence to the highest

  // or := and ("or" and)*
  std::optional<Expr> parseOr() {
    auto lhs = parseAnd();
    if (!lhs) return std::nullopt;
    while (peek().kind == Tok::Or) {
      const Token& op = take();
      auto rhs = parseAnd();
      if (!rhs) return std::nullopt;
      lhs = logical(Op::Or, "or", op, *lhs, *rhs);
      if (!lhs) return std::nullopt;
    }
    return lhs;
  }

  // and := not ("and" not)*
  std::optional<Expr> parseAnd() {
    auto lhs = parseNot();
    if (!lhs) return std::nullopt;
    while (peek().kind == Tok::And) {
      const Token& op = take();
      auto rhs = parseNot();
      if (!rhs) return std::nullopt;
      lhs = logical(Op::And, "and", op, *lhs, *rhs);
      if (!lhs) return std::nullopt;
    }
    return lhs;
  }

  std::optional<Expr> logical(Op op, const char* word, const Token& t, const Expr& lhs,
                              const Expr& rhs) {
    for (const Expr* side : {&lhs, &rhs}) {
      if (side->type != ValueType::Bool) {
        return fail(t, say("`{}` needs booleans on both sides; {} is a number",
                           "`{}` 两边都必须是布尔值；{} 是数值", word, operand(*side)));
      }
    }
    const auto node = add(op, lhs.node, rhs.node, t.begin + 1);
    if (!node) return std::nullopt;
    return Expr{*node, ValueType::Bool, lhs.begin, rhs.end};
  }

  // not := "not" not | comparison
  std::optional<Expr> parseNot() {
    if (peek().kind != Tok::Not) return parseComparison();
    const Token& op = take();
    if (!enter(op.begin + 1)) return std::nullopt;
    auto e = parseNot();
    leave();
    if (!e) return std::nullopt;
    if (e->type != ValueType::Bool)
      return fail(op, say("`not` needs a boolean; {} is a number", "`not` 需要布尔值；{} 是数值",
                          operand(*e)));
    const auto node = add(Op::Not, e->node, 0, op.begin + 1);
    if (!node) return std::nullopt;
    return Expr{*node, ValueType::Bool, op.begin, e->end};
  }

  static bool isComparison(Tok k) {
    return k == Tok::Eq || k == Tok::Ne || k == Tok::Lt || k == Tok::Le || k == Tok::Gt ||
           k == Tok::Ge;
  }

  // comparison := additive (("==" | "!=" | "<" | "<=" | ">" | ">=") additive)?
  std::optional<Expr> parseComparison() {
    auto lhs = parseAdditive();
    if (!lhs) return std::nullopt;
    if (!isComparison(peek().kind)) return lhs;
    const Token& op = take();
    auto rhs = parseAdditive();
    if (!rhs) return std::nullopt;
    const std::string opText(spanText(op.begin, op.end));
    Op code = Op::Eq;
    switch (op.kind) {
      case Tok::Eq: code = Op::Eq; break;
      case Tok::Ne: code = Op::Ne; break;
      case Tok::Lt: code = Op::Lt; break;
      case Tok::Le: code = Op::Le; break;
      case Tok::Gt: code = Op::Gt; break;
      default: code = Op::Ge; break;
    }
    // types: == and != take two numbers or two booleans, the others two numbers
    if (code == Op::Eq || code == Op::Ne) {
      if (lhs->type != rhs->type) {
        return fail(
            op, say("`{}` compares two numbers or two booleans; {} is {} and {} is {}",
                    "`{}` 比较的是两个数值或两个布尔值；{} 是{}，而 {} 是{}", opText, operand(*lhs),
                    typeName(lhs->type), operand(*rhs), typeName(rhs->type)));
      }
    } else {
      for (const Expr* side : {&*lhs, &*rhs}) {
        if (side->type != ValueType::Number) {
          return fail(op, say("`{}` needs numbers on both sides; {} is a boolean",
                              "`{}` 两边都必须是数值；{} 是布尔值", opText, operand(*side)));
        }
      }
    }
    if (isComparison(peek().kind)) {
      const Token& again = peek();
      const std::string l = operand(*lhs).en;
      const std::string r = operand(*rhs).en;
      return fail(again, say("comparisons cannot be chained; write `{} {} {} and {} {} ...`",
                             "比较不能连写；请写成 `{} {} {} and {} {} ...`", l, opText, r, r,
                             spanText(again.begin, again.end)));
    }
    const auto node = add(code, lhs->node, rhs->node, op.begin + 1);
    if (!node) return std::nullopt;
    return Expr{*node, ValueType::Bool, lhs->begin, rhs->end};
  }

  std::optional<Expr> arithmetic(Op op, const Token& t, const Expr& lhs, const Expr& rhs) {
    for (const Expr* side : {&lhs, &rhs}) {
      if (side->type != ValueType::Number) {
        return fail(
            t, say("`{}` needs numbers on both sides; {} is a boolean",
                   "`{}` 两边都必须是数值；{} 是布尔值", spanText(t.begin, t.end), operand(*side)));
      }
    }
    const auto node = add(op, lhs.node, rhs.node, t.begin + 1);
    if (!node) return std::nullopt;
    return Expr{*node, ValueType::Number, lhs.begin, rhs.end};
  }

  // additive := multiplicative (("+" | "-") multiplicative)*
  std::optional<Expr> parseAdditive() {
    auto lhs = parseMultiplicative();
    if (!lhs) return std::nullopt;
    while (peek().kind == Tok::Plus || peek().kind == Tok::Minus) {
      const Token& op = take();
      auto rhs = parseMultiplicative();
      if (!rhs) return std::nullopt;
      lhs = arithmetic(op.kind == Tok::Plus ? Op::Add : Op::Sub, op, *lhs, *rhs);
      if (!lhs) return std::nullopt;
    }
    return lhs;
  }

  // multiplicative := unary (("*" | "/") unary)*
  std::optional<Expr> parseMultiplicative() {
    auto lhs = parseUnary();
    if (!lhs) return std::nullopt;
    while (peek().kind == Tok::Star || peek().kind == Tok::Slash) {
      const Token& op = take();
      auto rhs = parseUnary();
      if (!rhs) return std::nullopt;
      lhs = arithmetic(op.kind == Tok::Star ? Op::Mul : Op::Div, op, *lhs, *rhs);
      if (!lhs) return std::nullopt;
    }
    return lhs;
  }

  // unary := "-" unary | primary
  std::optional<Expr> parseUnary() {
    if (peek().kind != Tok::Minus) return parsePrimary();
    const Token& op = take();
    if (!enter(op.begin + 1)) return std::nullopt;
    auto e = parseUnary();
    leave();
    if (!e) return std::nullopt;
    if (e->type != ValueType::Number)
      return fail(op, say("unary `-` needs a number; {} is a boolean",
                          "负号 `-` 需要数值；{} 是布尔值", operand(*e)));
    // a negative literal stays one constant
    const Node& child = program_.nodes[e->node];
    if (child.op == Op::Const && e->node + 1 == program_.nodes.size()) {
      program_.constants[child.a] = -program_.constants[child.a];
      return Expr{e->node, ValueType::Number, op.begin, e->end};
    }
    const auto node = add(Op::Neg, e->node, 0, op.begin + 1);
    if (!node) return std::nullopt;
    return Expr{*node, ValueType::Number, op.begin, e->end};
  }

  // primary := number | "true" | "false" | name | function "(" arguments ")" | "(" or ")"
  std::optional<Expr> parsePrimary() {
    const Token& t = peek();
    switch (t.kind) {
      case Tok::Number: take(); return constant(t.number, ValueType::Number, t.begin, t.end);
      case Tok::True: take(); return constant(1.0, ValueType::Bool, t.begin, t.end);
      case Tok::False: take(); return constant(0.0, ValueType::Bool, t.begin, t.end);
      case Tok::Name:
        if (tokens_[pos_ + 1].kind == Tok::LParen) return parseCall();
        take();
        return name(std::string(spanText(t.begin, t.end)), t.begin, t.end, t.begin);
      case Tok::LParen: {
        take();
        if (!enter(t.begin + 1)) return std::nullopt;
        auto e = parseOr();
        leave();
        if (!e) return std::nullopt;
        const Token& close = peek();
        if (close.kind == Tok::End) return fail(t, neverClosed());
        if (close.kind != Tok::RParen) {
          return fail(close,
                      say("expected `)` to close the `(` at column {}, found {}",
                          "应为 `)` 来闭合第 {} 列的 `(`，实为{}", t.begin + 1, describe(close)));
        }
        take();
        return Expr{e->node, e->type, t.begin, close.end};
      }
      case Tok::Not:
        return fail(t, say("`not` binds more loosely than comparisons and arithmetic; put it in "
                           "parentheses: `(not ...)`",
                           "`not` 的优先级低于比较和算术运算；请加括号：`(not ...)`"));
      case Tok::Error: return fail(t, LocalizedText{});
      default:
        return fail(t, say("expected a value (a number, a name, `true`, `false`, `not`, `-` or "
                           "`(`), found {}",
                           "应为一个值（数值、名称、`true`、`false`、`not`、`-` 或 `(`），实为{}",
                           describe(t)));
    }
  }

  /// Resolves a name (or "since(NAME)") to a load node; `column0` is where errors point.
  std::optional<Expr> name(const std::string& symbol, int begin, int end, int column0) {
    const auto ref = table_.resolve(symbol);
    if (!ref) {
      LocalizedText message = say("unknown name `{}`", "未知名称 `{}`", conditionExcerpt(symbol));
      const std::string suggestion = closest(symbol, table_.names());
      if (!suggestion.empty())
        message += say("; did you mean `{}`?", "；是否想写 `{}`？", suggestion);
      return fail(column0 + 1, std::move(message));
    }
    const auto node =
        add(ref->type == ValueType::Bool ? Op::LoadBool : Op::LoadNumber, ref->id, 0, column0 + 1);
    if (!node) return std::nullopt;
    symbolIds_.push_back(ref->id);
    return Expr{*node, ref->type, begin, end};
  }

  std::optional<Expr> parseCall() {
    const Token& fn = take();
    const Token& open = take();
    const std::string fname(spanText(fn.begin, fn.end));
    const auto function = parseConditionFunction(fname);
    if (!function) {
      const auto all = names(NameList::ConditionFunctions);
      LocalizedText message =
          say("unknown function `{}`", "未知函数 `{}`", conditionExcerpt(fname));
      const std::string suggestion =
          closest(fname, std::vector<std::string>(all.begin(), all.end()));
      if (!suggestion.empty())
        message += say("; did you mean `{}`?", "；是否想写 `{}`？", suggestion);
      message += say(" (functions: {})", "（函数有：{}）",
                     joinedNames(NameList::ConditionFunctions, ", "));
      return fail(fn, std::move(message));
    }
    if (!enter(fn.begin + 1)) return std::nullopt;
    auto e = *function == ConditionFunction::Since ? parseSince(fn, open)
                                                   : parseMath(*function, fn, open);
    leave();
    return e;
  }

  // since "(" name ")"
  std::optional<Expr> parseSince(const Token& fn, const Token& open) {
    const Token& arg = peek();
    if (arg.kind == Tok::RParen)
      return fail(fn, say("`since` takes 1 argument, got 0", "`since` 需要 1 个参数，实为 0 个"));
    if (arg.kind != Tok::Name) {
      return fail(arg, say("`since` takes the name of an event or a state, e.g. "
                           "`since(QS2.opened)`; found {}",
                           "`since` 需要一个事件或状态的名称，例如 `since(QS2.opened)`；实为{}",
                           describe(arg)));
    }
    take();
    const Token& close = peek();
    if (close.kind == Tok::Comma)
      return fail(fn,
                  say("`since` takes 1 argument, got more", "`since` 只需要 1 个参数，实为多个"));
    if (close.kind == Tok::End) return fail(open, neverClosed());
    if (close.kind != Tok::RParen) {
      return fail(close, say("`since` takes just a name; expected `)`, found {}",
                             "`since` 只接受一个名称；应为 `)`，实为{}", describe(close)));
    }
    take();
    const std::string symbol = "since(" + std::string(spanText(arg.begin, arg.end)) + ")";
    auto e = name(symbol, fn.begin, close.end, arg.begin);
    if (!e) return std::nullopt;
    if (e->type != ValueType::Number) {
      return fail(arg, say("`{}` must be a number of seconds, but the scenario's symbols make it "
                           "a boolean",
                           "`{}` 应是秒数，但按场景中的名称它是布尔值", conditionExcerpt(symbol)));
    }
    return e;
  }

  // ("min" | "max") "(" or "," or ")" | "abs" "(" or ")"
  std::optional<Expr> parseMath(ConditionFunction function, const Token& fn, const Token& open) {
    const std::string fname(toString(function));
    std::vector<Expr> args;
    if (peek().kind != Tok::RParen) {
      while (true) {
        auto arg = parseOr();
        if (!arg) return std::nullopt;
        if (arg->type != ValueType::Number) {
          return fail(arg->begin + 1, say("`{}` needs numbers; {} is a boolean",
                                          "`{}` 需要数值；{} 是布尔值", fname, operand(*arg)));
        }
        args.push_back(*arg);
        if (peek().kind != Tok::Comma) break;
        take();
      }
    }
    const Token& close = peek();
    if (close.kind == Tok::End) return fail(open, neverClosed());
    if (close.kind != Tok::RParen) {
      return fail(close, say("expected `,` or `)` in the arguments of `{}`, found {}",
                             "`{}` 的参数中应为 `,` 或 `)`，实为{}", fname, describe(close)));
    }
    take();
    const std::size_t wanted = function == ConditionFunction::Abs ? 1 : 2;
    if (args.size() != wanted) {
      return fail(fn, say(wanted == 1 ? "`{}` takes {} argument, got {}"
                                      : "`{}` takes {} arguments, got {}",
                          "`{}` 需要 {} 个参数，实为 {} 个", fname, wanted, args.size()));
    }
    const Op op = function == ConditionFunction::Abs   ? Op::Abs
                  : function == ConditionFunction::Min ? Op::Min
                                                       : Op::Max;
    const auto node = add(op, args[0].node, wanted == 2 ? args[1].node : 0, fn.begin + 1);
    if (!node) return std::nullopt;
    return Expr{*node, ValueType::Number, fn.begin, close.end};
  }

 public:
  /// Symbol ids as they were used (with repeats).
  std::vector<std::uint32_t>& symbolIds() { return symbolIds_; }

 private:
  std::string_view text_;
  const SymbolTable& table_;
  std::vector<Token> tokens_;
  std::size_t pos_ = 0;
  int depth_ = 0;
  bool failed_ = false;
  ConditionError error_;
  Program program_;
  std::vector<std::uint32_t> symbolIds_;
};

const std::shared_ptr<const Program>& constantTrue() {
  static const std::shared_ptr<const Program> program = [] {
    auto p = std::make_shared<Program>();
    p->text = "true";
    p->type = ValueType::Bool;
    p->constants.push_back(1.0);
    p->nodes.push_back({Op::Const, 0, 0});
    return std::shared_ptr<const Program>(std::move(p));
  }();
  return program;
}

}  // namespace

Condition::Condition() : program_(constantTrue()) {}

Condition::Condition(std::shared_ptr<const Program> program) : program_(std::move(program)) {}

ValueType Condition::type() const { return program_->type; }

const std::string& Condition::text() const { return program_->text; }

const std::vector<std::uint32_t>& Condition::symbols() const { return program_->symbols; }

double Condition::evaluate(const SymbolValues& values) const {
  const Program& p = *program_;
  return evalNode(p, static_cast<std::uint32_t>(p.nodes.size() - 1), values);
}

std::string conditionExcerpt(std::string_view text) {
  if (text.size() <= kConditionQuoteLength) return std::string(text);
  // cut between characters: never inside a UTF-8 sequence (a continuation byte is 10xxxxxx)
  constexpr std::string_view kEllipsis = "...";
  std::size_t cut = kConditionQuoteLength - kEllipsis.size();
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return std::string(text.substr(0, cut)) + std::string(kEllipsis);
}

std::variant<Condition, ConditionError> parseCondition(std::string_view text,
                                                       const SymbolTable& symbols,
                                                       std::optional<ValueType> expected) {
  // limits first: nothing longer is even looked at
  if (text.size() > kMaxConditionLength) {
    const LocalizedText message =
        say("the condition is too long ({} characters; at most {})",
            "条件太长（{} 个字符；最多 {} 个）", text.size(), kMaxConditionLength);
    return ConditionError{static_cast<int>(kMaxConditionLength) + 1, message.en, message.zhCN};
  }
  Parser parser(text, symbols);
  const auto expr = parser.parseAll();
  if (!expr) return std::move(parser.error());

  // the whole expression's type
  if (expected && expr->type != *expected) {
    const std::string whole(text.substr(static_cast<std::size_t>(expr->begin),
                                        static_cast<std::size_t>(expr->end - expr->begin)));
    const std::string shown = whole.size() > 40 ? whole.substr(0, 37) + "..." : whole;
    LocalizedText message = say("the expression must be {}; {} is {}", "表达式必须是{}；`{}` 是{}",
                                typeName(*expected), shown, typeName(expr->type));
    if (*expected == ValueType::Bool)
      message += say(" (compare it, e.g. `{} > 0`)", "（请对它做比较，例如 `{} > 0`）",
                     conditionExcerpt(whole));
    return ConditionError{expr->begin + 1, std::move(message.en), std::move(message.zhCN)};
  }

  // the program: the root is the last node, which post-order guarantees
  auto program = std::make_shared<Program>(std::move(parser.program()));
  assert(!program->nodes.empty() && expr->node + 1 == program->nodes.size());
  program->text = std::string(text);
  program->type = expr->type;
  std::vector<std::uint32_t>& ids = parser.symbolIds();
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  program->symbols = std::move(ids);
  program->nodes.shrink_to_fit();
  program->constants.shrink_to_fit();
  return Condition(std::move(program));
}

}  // namespace practicum::scenario
