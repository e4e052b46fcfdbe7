#pragma once
/// The condition language: small, typed expressions over named device states and variables
/// ("QF1.closed and QS1.closed", "since(QS2.opened) > 2"). Parsed and type-checked once, at
/// load; evaluated every tick as a pure walk over a flattened tree. No loops, no I/O.
/// The grammar, types, functions and limits are described in docs/conditions.md.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace practicum::scenario {

/// Longest accepted condition text, in characters.
inline constexpr std::size_t kMaxConditionLength = 4096;
/// Deepest accepted nesting: each `(`, function call, `not` and unary `-` opens one level.
inline constexpr int kMaxConditionDepth = 64;
/// Most nodes (literals, names, operators, function calls) in one condition.
inline constexpr std::size_t kMaxConditionNodes = 1024;
/// Longest piece of a condition's text that a message quotes, in bytes (characters, for the
/// ASCII of the language), "..." included.
inline constexpr std::size_t kConditionQuoteLength = 80;

/// A condition's text (or a piece of it) as messages quote it: whole when it has at most
/// kConditionQuoteLength bytes, otherwise its start cut between UTF-8 characters and "...", at
/// most kConditionQuoteLength bytes in all.
std::string conditionExcerpt(std::string_view text);

/// Types of the condition language: every value is a boolean or a number (double).
enum class ValueType : std::uint8_t { Bool, Number };

/// A name resolved at parse time: an id the evaluator passes back, and its type.
struct SymbolRef {
  std::uint32_t id = 0;
  ValueType type = ValueType::Bool;
};

/// Resolves names while parsing. Names are identifiers joined by dots ("QF1.closed", "elapsed",
/// "feeder_energized"); since(NAME) is resolved as the name "since(NAME)" (whitespace removed)
/// and must be a Number. nullopt = unknown.
class SymbolTable {
 public:
  virtual ~SymbolTable() = default;
  /// The id and type of `name`, or nullopt when the name is unknown.
  virtual std::optional<SymbolRef> resolve(std::string_view name) const = 0;
  /// Known names, for "did you mean" suggestions in errors (may be empty).
  virtual std::vector<std::string> names() const { return {}; }
};

/// Current values of symbols during evaluation (booleans as 0 or 1).
class SymbolValues {
 public:
  virtual ~SymbolValues() = default;
  /// The current value of the symbol `id` (an id SymbolTable::resolve gave out).
  virtual double value(std::uint32_t id) const = 0;
};

/// A parse error: 1-based column in the expression text and a message.
struct ConditionError {
  int column = 0;
  std::string message;    ///< in English
  std::string messageZh;  ///< the same in Simplified Chinese
};

class Condition;

/// Parses and type-checks; `expected` = the type the whole expression must have (nullopt: any).
/// Never throws (except std::bad_alloc) and never logs; `symbols` is only used during the call.
std::variant<Condition, ConditionError> parseCondition(
    std::string_view text, const SymbolTable& symbols,
    std::optional<ValueType> expected = ValueType::Bool);

/// A parsed, type-checked expression; immutable and cheap to copy (shares its tree). Safe to
/// evaluate from several threads at once (as long as the SymbolValues are).
class Condition {
 public:
  /// The constant `true`.
  Condition();

  /// The type of the whole expression.
  ValueType type() const;
  /// The source text.
  const std::string& text() const;
  /// Evaluates the expression with the symbols' current values; booleans come back as 0 or 1.
  /// Never allocates; never returns NaN or an infinity (see docs/conditions.md).
  double evaluate(const SymbolValues& values) const;
  /// evaluate() as a boolean (non-zero = true).
  bool test(const SymbolValues& values) const { return evaluate(values) != 0.0; }
  /// Distinct symbol ids used, ascending.
  const std::vector<std::uint32_t>& symbols() const;

  /// The compiled form (defined in condition.cpp).
  struct Program;

 private:
  explicit Condition(std::shared_ptr<const Program> program);
  friend std::variant<Condition, ConditionError> parseCondition(std::string_view,
                                                                const SymbolTable&,
                                                                std::optional<ValueType>);

  std::shared_ptr<const Program> program_;
};

}  // namespace practicum::scenario
