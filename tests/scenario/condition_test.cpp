// The condition language: operators and precedence with computed values, short-circuit
// evaluation, types, every error kind with its column, limits, since(), symbols() and copies.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <limits>
#include <map>
#include <string>
#include <vector>

#include <practicum/scenario/condition.hpp>
#include "test_support.hpp"

namespace practicum::scenario {
namespace {

using ::testing::HasSubstr;

/// A substation's symbols: ids in the order they are listed.
class Table : public SymbolTable {
 public:
  Table() {
    add("QF1.closed", ValueType::Bool);           // 0
    add("QS1.closed", ValueType::Bool);           // 1
    add("QS2.closed", ValueType::Bool);           // 2
    add("QS2.opened", ValueType::Bool);           // 3
    add("feeder_energized", ValueType::Bool);     // 4
    add("QF1.position", ValueType::Number);       // 5
    add("V1.opening", ValueType::Number);         // 6
    add("elapsed", ValueType::Number);            // 7
    add("since(QS2.opened)", ValueType::Number);  // 8
    add("x", ValueType::Number);                  // 9
    add("y", ValueType::Number);                  // 10
    add("z", ValueType::Number);                  // 11
    add("a", ValueType::Bool);                    // 12
    add("b", ValueType::Bool);                    // 13
    add("c", ValueType::Bool);                    // 14
    add("since(a)", ValueType::Bool);             // 15: a misdeclared since()
  }
  std::optional<SymbolRef> resolve(std::string_view name) const override {
    const auto it = refs_.find(std::string(name));
    if (it == refs_.end()) return std::nullopt;
    return it->second;
  }
  std::vector<std::string> names() const override { return order_; }

 private:
  void add(const std::string& name, ValueType type) {
    refs_[name] = SymbolRef{static_cast<std::uint32_t>(order_.size()), type};
    order_.push_back(name);
  }
  std::map<std::string, SymbolRef> refs_;
  std::vector<std::string> order_;
};

/// Values by id; counts every lookup per id.
class Values : public SymbolValues {
 public:
  Values() : values_(16, 0.0), lookups_(16, 0) {}
  double value(std::uint32_t id) const override {
    ++lookups_.at(id);
    return values_.at(id);
  }
  Values& set(std::uint32_t id, double v) {
    values_.at(id) = v;
    return *this;
  }
  int lookups(std::uint32_t id) const { return lookups_.at(id); }
  int totalLookups() const {
    int n = 0;
    for (int l : lookups_) n += l;
    return n;
  }

 private:
  std::vector<double> values_;
  mutable std::vector<int> lookups_;
};

constexpr std::uint32_t kQF1 = 0, kQS1 = 1, kQS2 = 2, kFeeder = 4, kPosition = 5, kV1 = 6,
                        kSince = 8, kX = 9, kY = 10, kZ = 11, kA = 12, kB = 13, kC = 14;

const Table& table() {
  static const Table t;
  return t;
}

Condition parse(const std::string& text, std::optional<ValueType> expected = std::nullopt) {
  auto r = parseCondition(text, table(), expected);
  if (auto* e = std::get_if<ConditionError>(&r)) {
    ADD_FAILURE() << "`" << text << "` did not parse: column " << e->column << ": " << e->message;
    return Condition();
  }
  return std::get<Condition>(r);
}

ConditionError parseError(const std::string& text,
                          std::optional<ValueType> expected = ValueType::Bool) {
  auto r = parseCondition(text, table(), expected);
  if (auto* e = std::get_if<ConditionError>(&r)) {
    // every message in Chinese too, with no English word left
    EXPECT_FALSE(e->messageZh.empty()) << e->message;
    EXPECT_EQ(practicum::test::untranslatedWordIn(e->messageZh), "") << e->messageZh;
    return *e;
  }
  ADD_FAILURE() << "`" << text << "` parsed but should not have";
  return {};
}

double eval(const std::string& text, const Values& values = Values()) {
  return parse(text).evaluate(values);
}

// --- values of every operator and precedence level

TEST(Condition, LiteralsAndNumbers) {
  EXPECT_EQ(eval("2"), 2.0);
  EXPECT_EQ(eval("0.5"), 0.5);
  EXPECT_EQ(eval("1e3"), 1000.0);
  EXPECT_EQ(eval("2.5E-1"), 0.25);
  EXPECT_EQ(eval("1e+2"), 100.0);
  EXPECT_EQ(eval("true"), 1.0);
  EXPECT_EQ(eval("false"), 0.0);
  EXPECT_EQ(eval("-3"), -3.0);
  EXPECT_EQ(eval("--3"), 3.0);
  EXPECT_EQ(eval("  ( 7 )  "), 7.0);
}

TEST(Condition, Arithmetic) {
  Values v;
  v.set(kX, 6).set(kY, 4);
  EXPECT_EQ(eval("x + y", v), 10.0);
  EXPECT_EQ(eval("x - y", v), 2.0);
  EXPECT_EQ(eval("x * y", v), 24.0);
  EXPECT_EQ(eval("x / y", v), 1.5);
  EXPECT_EQ(eval("-x", v), -6.0);
  EXPECT_EQ(eval("- -x", v), 6.0);
  EXPECT_EQ(eval("x - y - 1", v), 1.0);  // left-associative
  EXPECT_EQ(eval("x / y / 2", v), 0.75);
  EXPECT_EQ(eval("2 * -y", v), -8.0);
}

TEST(Condition, DivisionByZeroIsZero) {
  Values v;
  v.set(kX, 5).set(kY, 0);
  EXPECT_EQ(eval("x / y", v), 0.0);
  EXPECT_EQ(eval("x / 0", v), 0.0);
  EXPECT_EQ(eval("0 / 0"), 0.0);
  EXPECT_EQ(eval("x / -0", v), 0.0);
  EXPECT_EQ(eval("1 / (x - 5) + 1", v), 1.0);
}

TEST(Condition, NumbersStayFinite) {
  EXPECT_EQ(eval("1e308 * 10"), std::numeric_limits<double>::max());
  EXPECT_EQ(eval("-1e308 * 10"), -std::numeric_limits<double>::max());
  Values v;
  v.set(kX, std::numeric_limits<double>::quiet_NaN());
  v.set(kY, std::numeric_limits<double>::infinity());
  EXPECT_EQ(eval("x", v), 0.0);
  EXPECT_EQ(eval("y", v), std::numeric_limits<double>::max());
  EXPECT_EQ(eval("y - y", v), 0.0);
}

TEST(Condition, Functions) {
  Values v;
  v.set(kX, -2.5).set(kY, 4);
  EXPECT_EQ(eval("min(x, y)", v), -2.5);
  EXPECT_EQ(eval("min(y, x)", v), -2.5);
  EXPECT_EQ(eval("max(x, y)", v), 4.0);
  EXPECT_EQ(eval("max(y, x)", v), 4.0);
  EXPECT_EQ(eval("abs(x)", v), 2.5);
  EXPECT_EQ(eval("abs(y)", v), 4.0);
  EXPECT_EQ(eval("max(min(x, 0), abs(x) - 3) * 2", v), -1.0);
  EXPECT_EQ(eval("min ( x , y )", v), -2.5);
}

TEST(Condition, Comparisons) {
  Values v;
  v.set(kX, 1).set(kY, 2).set(kA, 1).set(kB, 0);
  EXPECT_EQ(eval("x == 1", v), 1.0);
  EXPECT_EQ(eval("x == y", v), 0.0);
  EXPECT_EQ(eval("x != y", v), 1.0);
  EXPECT_EQ(eval("x != 1", v), 0.0);
  EXPECT_EQ(eval("x < y", v), 1.0);
  EXPECT_EQ(eval("y < x", v), 0.0);
  EXPECT_EQ(eval("x < 1", v), 0.0);
  EXPECT_EQ(eval("x <= 1", v), 1.0);
  EXPECT_EQ(eval("y <= x", v), 0.0);
  EXPECT_EQ(eval("y > x", v), 1.0);
  EXPECT_EQ(eval("x > x", v), 0.0);
  EXPECT_EQ(eval("x >= 1", v), 1.0);
  EXPECT_EQ(eval("x >= y", v), 0.0);
  // two booleans
  EXPECT_EQ(eval("a == b", v), 0.0);
  EXPECT_EQ(eval("a != b", v), 1.0);
  EXPECT_EQ(eval("a == true", v), 1.0);
  EXPECT_EQ(eval("b == false", v), 1.0);
}

TEST(Condition, BooleanSymbolsAreZeroOrOne) {
  Values v;
  v.set(kA, 7).set(kB, 1);
  EXPECT_EQ(eval("a", v), 1.0);
  EXPECT_EQ(eval("a == b", v), 1.0);
}

TEST(Condition, Logic) {
  for (int a = 0; a < 2; ++a) {
    for (int b = 0; b < 2; ++b) {
      Values v;
      v.set(kA, a).set(kB, b);
      EXPECT_EQ(eval("a and b", v), (a && b) ? 1.0 : 0.0) << a << b;
      EXPECT_EQ(eval("a or b", v), (a || b) ? 1.0 : 0.0) << a << b;
      EXPECT_EQ(eval("not a", v), a ? 0.0 : 1.0) << a;
      EXPECT_EQ(eval("not not a", v), a ? 1.0 : 0.0) << a;
    }
  }
}

TEST(Condition, Precedence) {
  Values v;
  v.set(kX, 2).set(kY, 3).set(kZ, 4);
  // * / above + -
  EXPECT_EQ(eval("x + y * z", v), 14.0);
  EXPECT_EQ(eval("(x + y) * z", v), 20.0);
  EXPECT_EQ(eval("z - y / 3", v), 3.0);
  // unary minus above * /
  EXPECT_EQ(eval("-x * y", v), -6.0);
  EXPECT_EQ(eval("-(x * y) + z", v), -2.0);
  // + - above comparisons
  EXPECT_EQ(eval("x + 1 == y", v), 1.0);
  EXPECT_EQ(eval("x * 2 > y + 1", v), 0.0);
  // comparisons above not: not (x > y)
  EXPECT_EQ(eval("not x > y", v), 1.0);
  // not above and: (not a) and b
  Values w;
  w.set(kA, 1).set(kB, 1).set(kC, 0);
  EXPECT_EQ(eval("not a and b", w), 0.0);
  EXPECT_EQ(eval("not (a and c)", w), 1.0);
  // and above or: a or (b and c), and (a and c) or b
  w.set(kA, 1).set(kB, 0).set(kC, 0);
  EXPECT_EQ(eval("a or b and c", w), 1.0);
  EXPECT_EQ(eval("(a or b) and c", w), 0.0);
  w.set(kA, 0).set(kB, 1).set(kC, 0);
  EXPECT_EQ(eval("a and c or b", w), 1.0);
  EXPECT_EQ(eval("a and (c or b)", w), 0.0);
  // not binds looser than comparison, tighter than and
  w.set(kA, 1).set(kB, 1);
  EXPECT_EQ(eval("not a == b and true", w), 0.0);
}

TEST(Condition, SubstationExamples) {
  Values v;
  v.set(kQF1, 1).set(kQS1, 1).set(kQS2, 1);
  EXPECT_TRUE(parse("QF1.closed and QS1.closed and QS2.closed").test(v));
  v.set(kQS2, 0);
  EXPECT_FALSE(parse("QF1.closed and QS1.closed and QS2.closed").test(v));

  const Condition dead = parse("not feeder_energized and since(QS2.opened) > 2");
  v.set(kFeeder, 0).set(kSince, 1.5);
  EXPECT_FALSE(dead.test(v));
  v.set(kSince, 2.5);
  EXPECT_TRUE(dead.test(v));
  v.set(kFeeder, 1);
  EXPECT_FALSE(dead.test(v));

  const Condition open = parse("V1.opening >= 0.9");
  EXPECT_FALSE(open.test(v.set(kV1, 0.89)));
  EXPECT_TRUE(open.test(v.set(kV1, 0.9)));
}

// --- short-circuit evaluation

TEST(Condition, AndShortCircuits) {
  const Condition c = parse("a and b");
  Values off;
  off.set(kA, 0).set(kB, 1);
  EXPECT_FALSE(c.test(off));
  EXPECT_EQ(off.lookups(kA), 1);
  EXPECT_EQ(off.lookups(kB), 0);
  Values on;
  on.set(kA, 1).set(kB, 1);
  EXPECT_TRUE(c.test(on));
  EXPECT_EQ(on.lookups(kB), 1);
}

TEST(Condition, OrShortCircuits) {
  const Condition c = parse("a or (x > 1 and b)");
  Values on;
  on.set(kA, 1);
  EXPECT_TRUE(c.test(on));
  EXPECT_EQ(on.totalLookups(), 1);
  Values off;
  off.set(kA, 0).set(kX, 0);
  EXPECT_FALSE(c.test(off));
  EXPECT_EQ(off.lookups(kX), 1);
  EXPECT_EQ(off.lookups(kB), 0);
}

TEST(Condition, EachSymbolIsReadOncePerUse) {
  Values v;
  v.set(kX, 3);
  EXPECT_EQ(eval("x * x + min(x, 10)", v), 12.0);
  EXPECT_EQ(v.lookups(kX), 3);
}

// --- types

TEST(Condition, TypesOfExpressions) {
  EXPECT_EQ(parse("x + 1").type(), ValueType::Number);
  EXPECT_EQ(parse("since(QS2.opened)").type(), ValueType::Number);
  EXPECT_EQ(parse("abs(x)").type(), ValueType::Number);
  EXPECT_EQ(parse("x > 1").type(), ValueType::Bool);
  EXPECT_EQ(parse("a").type(), ValueType::Bool);
  EXPECT_EQ(parse("true").type(), ValueType::Bool);
  EXPECT_EQ(Condition().type(), ValueType::Bool);
}

TEST(Condition, ExpectedType) {
  const ConditionError e = parseError("  V1.opening", ValueType::Bool);
  EXPECT_EQ(e.column, 3);
  EXPECT_THAT(e.message, HasSubstr("must be a boolean"));
  EXPECT_THAT(e.message, HasSubstr("V1.opening is a number"));
  const ConditionError n = parseError("a and b", ValueType::Number);
  EXPECT_EQ(n.column, 1);
  EXPECT_THAT(n.message, HasSubstr("must be a number"));
  EXPECT_EQ(parse("V1.opening * 100", ValueType::Number).evaluate(Values().set(kV1, 0.5)), 50.0);
  EXPECT_TRUE(std::holds_alternative<Condition>(parseCondition("x", table(), std::nullopt)));
  EXPECT_TRUE(std::holds_alternative<Condition>(parseCondition("a", table(), std::nullopt)));
}

struct TypeCase {
  const char* text;
  int column;
  const char* message;
};

TEST(Condition, TypeErrorsPointAtTheOperatorOrOperand) {
  const TypeCase cases[] = {
      {"QF1.closed and QF1.position", 12,
       "`and` needs booleans on both sides; QF1.position is a number"},
      {"x or a", 3, "`or` needs booleans on both sides; x is a number"},
      {"not x", 1, "`not` needs a boolean; x is a number"},
      {"a == 1", 3, "`==` compares two numbers or two booleans; a is a boolean and 1 is a number"},
      {"x != b", 3, "`!=` compares two numbers or two booleans"},
      {"a < b", 3, "`<` needs numbers on both sides; a is a boolean"},
      {"x <= a", 3, "`<=` needs numbers on both sides; a is a boolean"},
      {"a > 1", 3, "`>` needs numbers on both sides"},
      {"1 >= (a or b)", 3, "(a or b) is a boolean"},
      {"x + a > 1", 3, "`+` needs numbers on both sides; a is a boolean"},
      {"a - 1 > 0", 3, "`-` needs numbers"},
      {"x * true > 0", 3, "`*` needs numbers on both sides; true is a boolean"},
      {"x / false > 0", 3, "`/` needs numbers"},
      {"-a", 1, "unary `-` needs a number; a is a boolean"},
      {"x > 1 and -b", 11, "unary `-` needs a number"},
      {"abs(a) > 0", 5, "`abs` needs numbers; a is a boolean"},
      {"min(x, a or b) > 0", 8, "`min` needs numbers; a or b is a boolean"},
      {"max(x > 1, 2) > 0", 5, "`max` needs numbers"},
  };
  for (const TypeCase& c : cases) {
    const ConditionError e = parseError(c.text);
    EXPECT_EQ(e.column, c.column) << c.text << ": " << e.message;
    EXPECT_THAT(e.message, HasSubstr(c.message)) << c.text;
  }
}

// --- syntax errors

TEST(Condition, SyntaxErrorsHaveTheirColumn) {
  const TypeCase cases[] = {
      {"", 1, "empty condition"},
      {"   ", 1, "empty condition"},
      {"a and", 6, "expected a value"},
      {"a and and b", 7, "expected a value"},
      {"(a and b", 1, "never closed"},
      {"((a) and b", 1, "never closed"},
      {"(a b)", 4, "expected `)` to close the `(` at column 1, found `b`"},
      {"a and b)", 8, "unmatched `)`"},
      {")", 1,
       "expected a value (a number, a name, `true`, `false`, `not`, `-` or `(`), found `)`"},
      {"a b", 3, "unexpected `b` after a complete expression"},
      {"x > 1 2", 7, "unexpected `2`"},
      {"x < y < z", 7, "comparisons cannot be chained"},
      {"x == y == z", 8, "comparisons cannot be chained"},
      {"foo(x) > 1", 1, "unknown function `foo`"},
      {"mni(x, y) > 1", 1, "did you mean `min`?"},
      {"QF1.closed(1)", 1, "unknown function `QF1.closed`"},
      {"min(x) > 1", 1, "`min` takes 2 arguments, got 1"},
      {"max(x, y, z) > 1", 1, "`max` takes 2 arguments, got 3"},
      {"x > 1 and abs() > 1", 11, "`abs` takes 1 argument, got 0"},
      {"abs(x, y) > 1", 1, "`abs` takes 1 argument, got 2"},
      {"since() > 1", 1, "`since` takes 1 argument, got 0"},
      {"since(a, b) > 1", 1, "`since` takes 1 argument"},
      {"since(1) > 1", 7, "`since` takes the name of an event"},
      {"since(a + b) > 1", 9, "`since` takes just a name"},
      {"min(x, y", 4, "never closed"},
      {"min(x y) > 1", 7, "expected `,` or `)`"},
      {"x = 1", 3, "compare with `==`"},
      {"!a", 1, "write `not`"},
      {"a && b", 3, "write `and`"},
      {"a || b", 3, "write `or`"},
      {"x > 1 # note", 7, "unexpected character `#`"},
      {"x > \xE2\x80\x83", 5, "byte 0xE2"},
      {"x > 1.", 7, "expected a digit after the decimal point"},
      {"x > 1e", 7, "digits of the exponent"},
      {"x > 2abc", 6, "right after the number"},
      {"x > 1e999", 5, "out of range"},
      {"QF1. closed", 5, "expected a name after `.`"},
      {"a == not b", 6, "`not` binds more loosely"},
      {"x > (", 6, "expected a value"},
  };
  for (const TypeCase& c : cases) {
    const ConditionError e = parseError(c.text);
    EXPECT_EQ(e.column, c.column) << "`" << c.text << "`: " << e.message;
    EXPECT_THAT(e.message, HasSubstr(c.message)) << "`" << c.text << "`";
  }
}

TEST(Condition, FirstErrorInTextOrderWins) {
  // the syntax error comes before the bad character later on
  const ConditionError e = parseError("a and and #");
  EXPECT_EQ(e.column, 7);
}

// --- names

TEST(Condition, UnknownNameWithSuggestion) {
  const ConditionError e = parseError("QF1.closed and QS1.closd");
  EXPECT_EQ(e.column, 16);
  EXPECT_EQ(e.message, "unknown name `QS1.closd`; did you mean `QS1.closed`?");
  const ConditionError t = parseError("feeder_enregized");  // transposition
  EXPECT_EQ(t.column, 1);
  EXPECT_THAT(t.message, HasSubstr("did you mean `feeder_energized`?"));
}

TEST(Condition, UnknownNameWithoutSuggestion) {
  const ConditionError e = parseError("a or transformer.temperature > 3");
  EXPECT_EQ(e.column, 6);
  EXPECT_EQ(e.message, "unknown name `transformer.temperature`");
}

TEST(Condition, NamesAreCaseSensitiveAndKeywordsAreReserved) {
  EXPECT_THAT(parseError("qf1.closed").message, HasSubstr("did you mean `QF1.closed`?"));
  EXPECT_THAT(parseError("a AND b").message, HasSubstr("unexpected `AND`"));
}

TEST(Condition, SuggestionsComeFromTheTable) {
  class Empty : public SymbolTable {
   public:
    std::optional<SymbolRef> resolve(std::string_view) const override { return std::nullopt; }
  };
  const auto r = parseCondition("QF1.closd", Empty{});
  ASSERT_TRUE(std::holds_alternative<ConditionError>(r));
  EXPECT_EQ(std::get<ConditionError>(r).message, "unknown name `QF1.closd`");
}

TEST(Condition, SinceIsResolvedAsOneName) {
  Values v;
  v.set(kSince, 4);
  EXPECT_EQ(parse("since(QS2.opened)").evaluate(v), 4.0);
  EXPECT_EQ(parse("since( QS2.opened )").evaluate(v), 4.0);
  EXPECT_EQ(parse("since ( QS2.opened ) * 2").evaluate(v), 8.0);
  EXPECT_EQ(parse("since(QS2.opened)").symbols(), std::vector<std::uint32_t>{kSince});

  const ConditionError unknown = parseError("since(QS2.opend) > 2");
  EXPECT_EQ(unknown.column, 7);
  EXPECT_EQ(unknown.message, "unknown name `since(QS2.opend)`; did you mean `since(QS2.opened)`?");
  const ConditionError notNumber = parseError("since(a) > 2");
  EXPECT_EQ(notNumber.column, 7);
  EXPECT_THAT(notNumber.message, HasSubstr("must be a number"));
}

TEST(Condition, SymbolsAreDistinctAndAscending) {
  EXPECT_EQ(parse("y > x and x < z and a or x == 1").symbols(),
            (std::vector<std::uint32_t>{kX, kY, kZ, kA}));
  EXPECT_EQ(parse("QS2.closed and QF1.closed and QS2.closed").symbols(),
            (std::vector<std::uint32_t>{kQF1, kQS2}));
  EXPECT_TRUE(parse("1 + 2 > 2").symbols().empty());
  EXPECT_TRUE(Condition().symbols().empty());
  // a symbol only in a branch that short-circuits is still listed
  EXPECT_EQ(parse("false and b").symbols(), std::vector<std::uint32_t>{kB});
}

// --- the default condition, copies, determinism

TEST(Condition, DefaultIsTrue) {
  const Condition c;
  EXPECT_EQ(c.text(), "true");
  EXPECT_TRUE(c.test(Values()));
  EXPECT_EQ(c.evaluate(Values()), 1.0);
}

TEST(Condition, TextIsKept) {
  EXPECT_EQ(parse(" x>1 ").text(), " x>1 ");
  EXPECT_EQ(parse("QF1.closed and QS1.closed").text(), "QF1.closed and QS1.closed");
}

TEST(Condition, CopiesShareAndEvaluateEqually) {
  const Condition original = parse("QF1.closed and V1.opening * 2 >= 1");
  const Condition copy = original;  // NOLINT(performance-unnecessary-copy-initialization)
  Condition assigned;
  assigned = original;
  EXPECT_EQ(&copy.text(), &original.text());
  EXPECT_EQ(&assigned.symbols(), &original.symbols());
  Values v;
  for (double opening : {0.0, 0.49, 0.5, 1.0}) {
    for (double closed : {0.0, 1.0}) {
      v.set(kQF1, closed).set(kV1, opening);
      EXPECT_EQ(copy.evaluate(v), original.evaluate(v));
      EXPECT_EQ(assigned.evaluate(v), original.evaluate(v));
      EXPECT_EQ(original.test(v), closed == 1.0 && opening >= 0.5);
    }
  }
}

std::uint64_t bits(double d) {
  std::uint64_t b = 0;
  std::memcpy(&b, &d, sizeof b);
  return b;
}

TEST(Condition, Deterministic) {
  const char* texts[] = {
      "x / 3 + y * 0.1 - z / 7",
      "min(x, y) / max(abs(z), 0.3) * 1e-3",
      "(x + 0.1) * (y + 0.2) * (z + 0.3) / 3",
      "-x / (y - z)",
  };
  for (const char* text : texts) {
    const Condition a = parse(text);
    const Condition b = parse(text);  // parsed again: the same program
    std::uint64_t seed = 12345;
    for (int i = 0; i < 200; ++i) {
      // a fixed pseudo-random sequence of inputs
      auto next = [&seed] {
        seed = seed * 6364136223846793005ull + 1442695040888963407ull;
        return static_cast<double>(static_cast<std::int64_t>(seed >> 11)) / 1e12 - 4000.0;
      };
      Values v;
      v.set(kX, next()).set(kY, next()).set(kZ, next());
      const double first = a.evaluate(v);
      EXPECT_EQ(bits(a.evaluate(v)), bits(first)) << text;
      EXPECT_EQ(bits(b.evaluate(v)), bits(first)) << text;
      EXPECT_TRUE(first == first) << text;  // never NaN
    }
  }
  // a known value, bit for bit
  Values v;
  v.set(kX, 1).set(kY, 3);
  EXPECT_EQ(bits(parse("x / y").evaluate(v)), bits(1.0 / 3.0));
}

// --- limits

std::string repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

TEST(Condition, LengthLimit) {
  const std::string longest = "a" + std::string(kMaxConditionLength - 1, ' ');
  EXPECT_FALSE(std::holds_alternative<ConditionError>(parseCondition(longest, table())));
  const std::string tooLong = "a or " + repeat(" ", static_cast<int>(kMaxConditionLength)) + "b";
  const ConditionError e = parseError(tooLong);
  EXPECT_EQ(e.column, static_cast<int>(kMaxConditionLength) + 1);
  EXPECT_THAT(e.message, HasSubstr("too long"));
}

// messages quote pieces of the text cut to kConditionQuoteLength, never a whole long condition
TEST(Condition, MessagesQuoteLongTextCut) {
  EXPECT_EQ(conditionExcerpt("QF1.closed"), "QF1.closed");
  const std::string exact(kConditionQuoteLength, 'a');
  EXPECT_EQ(conditionExcerpt(exact), exact);
  const std::string cut = conditionExcerpt(exact + "a");
  EXPECT_EQ(cut.size(), kConditionQuoteLength);
  EXPECT_EQ(cut.substr(cut.size() - 3), "...");
  // never inside a UTF-8 character: 40 two-byte characters and more
  std::string wide;
  for (int i = 0; i < 60; ++i) wide += "\xC3\xA9";  // é
  const std::string w = conditionExcerpt(wide);
  EXPECT_LE(w.size(), kConditionQuoteLength);
  EXPECT_EQ(w.substr(0, w.size() - 3).size() % 2, 0u) << w;

  // an unknown name, a number out of range and an unknown function of 3,000 characters
  const std::string longName(3000, 'n');
  for (const std::string& text :
       {longName + " and a", "1" + std::string(400, '0') + " > x", longName + "(1) > 0"}) {
    const ConditionError e = parseError(text);
    EXPECT_LT(e.message.size(), 300u) << e.message.substr(0, 300);
    EXPECT_THAT(e.message, HasSubstr("..."));
  }
  // the whole expression's type, with its hint
  const ConditionError whole = parseError("x + " + repeat("1 + ", 500) + "1");
  EXPECT_LT(whole.message.size(), 300u) << whole.message.substr(0, 300);
  EXPECT_THAT(whole.message, HasSubstr("compare it"));
}

TEST(Condition, DepthLimitOnParentheses) {
  const int limit = kMaxConditionDepth;
  EXPECT_EQ(parse(repeat("(", limit) + "a" + repeat(")", limit)).evaluate(Values().set(kA, 1)),
            1.0);
  const ConditionError e = parseError(repeat("(", limit + 1) + "a" + repeat(")", limit + 1));
  EXPECT_EQ(e.column, limit + 1);
  EXPECT_THAT(e.message, HasSubstr("nested too deeply"));
}

TEST(Condition, DepthLimitOnNotMinusAndCalls) {
  const int limit = kMaxConditionDepth;
  EXPECT_EQ(parse(repeat("not ", limit) + "a").evaluate(Values().set(kA, 1)), 1.0);
  const ConditionError n = parseError(repeat("not ", limit + 1) + "a");
  EXPECT_EQ(n.column, 4 * limit + 1);
  EXPECT_THAT(n.message, HasSubstr("nested too deeply"));

  EXPECT_EQ(parse(repeat("-", limit) + "x", ValueType::Number).evaluate(Values().set(kX, 2)), 2.0);
  const ConditionError m = parseError(repeat("-", limit + 1) + "x", ValueType::Number);
  EXPECT_EQ(m.column, limit + 1);

  const ConditionError c = parseError(repeat("abs(", limit + 1) + "x" + repeat(")", limit + 1));
  EXPECT_EQ(c.column, 4 * limit + 1);
  EXPECT_THAT(c.message, HasSubstr("nested too deeply"));
}

TEST(Condition, HugeNestingIsAnErrorNotACrash) {
  const int n = 100000;
  const ConditionError parens = parseError(repeat("(", n) + "a" + repeat(")", n));
  EXPECT_GT(parens.column, 0);
  EXPECT_FALSE(parens.message.empty());
  const ConditionError nots = parseError(repeat("not ", n) + "a");
  EXPECT_GT(nots.column, 0);
  const ConditionError minus = parseError(repeat("-", n) + "x > 0");
  EXPECT_GT(minus.column, 0);
  // and just under the length limit, the depth limit is what stops it
  const int fits = static_cast<int>(kMaxConditionLength) / 2 - 1;
  const ConditionError deep = parseError(repeat("(", fits) + "a" + repeat(")", fits));
  EXPECT_EQ(deep.column, kMaxConditionDepth + 1);
}

TEST(Condition, NodeLimit) {
  // "1+1+...+1" with n ones has 2n - 1 nodes
  const int ones = (static_cast<int>(kMaxConditionNodes) + 1) / 2;  // 1023 nodes
  EXPECT_EQ(parse(repeat("1+", ones - 1) + "1", ValueType::Number).evaluate(Values()),
            static_cast<double>(ones));
  const ConditionError e = parseError(repeat("1+", ones) + "1", ValueType::Number);
  // node 1025 is the last `+`, at column 2 * ones
  EXPECT_EQ(e.column, 2 * ones);
  EXPECT_THAT(e.message, HasSubstr("too large"));
  // a long chain of `and` evaluates without trouble
  const std::string chain = repeat("a and ", 500) + "a";
  EXPECT_TRUE(parse(chain).test(Values().set(kA, 1)));
}

TEST(Condition, NoCrashOnAssortedBrokenInput) {
  const char* texts[] = {"(",       ")",      "((",     "))",      ",",
                         "min(",    "min(,)", "since(", "since(a", "not",
                         "-",       "1 +",    "* 2",    "a..b",    ".5",
                         "a.",      "_",      "1e",     "1.e5",    "since(since(a))",
                         "x > > 1", "()",     "(,)",    "abs((x)", "\t\n"};
  for (const char* text : texts) {
    const auto r = parseCondition(text, table());
    if (const auto* e = std::get_if<ConditionError>(&r)) {
      EXPECT_GE(e->column, 1) << text;
      EXPECT_LE(e->column, static_cast<int>(std::strlen(text)) + 1) << text;
      EXPECT_FALSE(e->message.empty()) << text;
    } else {
      ADD_FAILURE() << "`" << text << "` parsed";
    }
  }
}

}  // namespace
}  // namespace practicum::scenario
