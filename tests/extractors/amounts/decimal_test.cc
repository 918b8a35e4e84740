// Table-driven tests of Decimal: parsing news numerals, exact arithmetic, canonical rendering.
#include "extractors/amounts/decimal.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace newsfacts {
namespace {

TEST(DecimalTest, ParseAndRender) {
  struct Case {
    const char* text;
    const char* rendered;  // nullptr: must not parse
  };
  const std::vector<Case> cases = {
      {"0", "0"},
      {"7", "7"},
      {"42", "42"},
      {"1250000", "1250000"},
      {"1,250,000", "1250000"},
      {"1.55", "1.55"},
      {".5", "0.5"},
      {"0.5", "0.5"},
      {"1.50", "1.5"},
      {"1.0", "1"},
      {"007", "7"},
      {"0.30", "0.3"},
      {"1,371.6", "1371.6"},
      {"26,627", "26627"},
      {"1,00,000", "100000"},
      {"12,34,567", "1234567"},
      {"0.001", "0.001"},
      {"100.000", "100"},
      {"", nullptr},
      {".", nullptr},
      {"1.", nullptr},
      {"1,25", nullptr},
      {"1,2345", nullptr},
      {",123", nullptr},
      {"1,,234", nullptr},
      {"1.2.3", nullptr},
      {"-5", nullptr},
      {"1e6", nullptr},
      {"12a", nullptr},
      {"1,234.5,6", nullptr},
      {"1234,567", nullptr},
      {"1,23,4567", nullptr},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    std::optional<Decimal> parsed = Decimal::Parse(c.text);
    if (c.rendered == nullptr) {
      EXPECT_FALSE(parsed.has_value()) << parsed->ToString();
    } else {
      ASSERT_TRUE(parsed.has_value());
      EXPECT_EQ(parsed->ToString(), c.rendered);
    }
  }
}

TEST(DecimalTest, ScaledByPowerOfTen) {
  struct Case {
    const char* text;
    int power;
    const char* expected;
  };
  const std::vector<Case> cases = {
      {"4", 9, "4000000000"},
      {"1.34", 0, "1.34"},
      {".5", 9, "500000000"},
      {"1.55", 9, "1550000000"},
      {"34.6", 6, "34600000"},
      {"1.234", 2, "123.4"},
      {"5", -1, "0.5"},
      {"0", 9, "0"},
      {"1371.6", 7, "13716000000"},
      {"2.5", 12, "2500000000000"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(c.text) + " e" + std::to_string(c.power));
    EXPECT_EQ(Decimal::Parse(c.text)->ScaledByPowerOfTen(c.power).ToString(), c.expected);
  }
}

TEST(DecimalTest, TimesAndPlus) {
  struct Case {
    const char* a;
    const char* b;
    const char* product;
    const char* sum;
  };
  const std::vector<Case> cases = {
      {"10000000", "0.9", "9000000", "10000000.9"},
      {"10000000", "1.1", "11000000", "10000001.1"},
      {"2.75", "0.9", "2.475", "3.65"},
      {"2.75", "1.1", "3.025", "3.85"},
      {"0.25", "1000000", "250000", "1000000.25"},
      {"20", "5", "100", "25"},
      {"99", "99", "9801", "198"},
      {"0", "5", "0", "5"},
      {"0.1", "0.2", "0.02", "0.3"},
      {"999999999999", "1000", "999999999999000", "1000000000999"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(c.a) + " , " + c.b);
    const Decimal a = *Decimal::Parse(c.a);
    const Decimal b = *Decimal::Parse(c.b);
    EXPECT_EQ(a.Times(b).ToString(), c.product);
    EXPECT_EQ(a.Plus(b).ToString(), c.sum);
    EXPECT_EQ(b.Times(a).ToString(), c.product);
    EXPECT_EQ(b.Plus(a).ToString(), c.sum);
  }
}

TEST(DecimalTest, Compare) {
  struct Case {
    const char* a;
    const char* b;
    int sign;
  };
  const std::vector<Case> cases = {
      {"1", "2", -1},          {"2", "1", 1},      {"1.0", "1", 0},       {"0.5", ".5", 0},
      {"10", "9.99", 1},       {"0", "0.001", -1}, {"1,000", "999.9", 1}, {"0.09", "0.1", -1},
      {"123", "123.0001", -1}, {"0", "0.0", 0},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(c.a) + " vs " + c.b);
    const auto order = *Decimal::Parse(c.a) <=> *Decimal::Parse(c.b);
    EXPECT_EQ(order < 0 ? -1 : (order > 0 ? 1 : 0), c.sign);
    EXPECT_EQ(*Decimal::Parse(c.a) == *Decimal::Parse(c.b), c.sign == 0);
  }
}

}  // namespace
}  // namespace newsfacts
