// Decimal: exact non-negative decimal numbers for money values, never a binary double.
// A value is a digit string times a power of ten; arithmetic is schoolbook and exact.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace newsfacts {

// An exact non-negative decimal number: digits() x 10^exponent(). Always normalized (no
// leading or trailing zeros in the digit string; zero has empty digits), so equal values
// have equal representations. Thread-compatible value type.
class Decimal {
 public:
  Decimal() = default;  // zero

  // Parses a plain decimal numeral as written in news text: "1250000", "1,250,000", "1.55",
  // ".5", "0.30", "1,371.6", Indian grouping "1,00,000". Returns nullopt for anything else:
  // empty text, signs, exponents, letters, misplaced separators ("1,25", "1,2345", "1.").
  static std::optional<Decimal> Parse(std::string_view text);

  // Returns this value times 10^power (power may be negative).
  Decimal ScaledByPowerOfTen(int power) const;
  // Returns the exact product.
  Decimal Times(const Decimal& other) const;
  // Returns the exact sum.
  Decimal Plus(const Decimal& other) const;

  bool IsZero() const { return digits_.empty(); }

  // Canonical rendering: "4000000000", "1.34", "0.5", "0"; no exponent, no trailing zeros
  // after the point, no thousands separators.
  std::string ToString() const;

  friend bool operator==(const Decimal&, const Decimal&) = default;
  friend std::strong_ordering operator<=>(const Decimal& a, const Decimal& b);

 private:
  Decimal(std::string digits, int exponent);

  std::string digits_;  // ASCII digits, no leading or trailing '0'; empty means zero
  int exponent_ = 0;    // power of ten applied to digits_
};

}  // namespace newsfacts
