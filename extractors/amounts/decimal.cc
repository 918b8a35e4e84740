// Exact decimal parsing, arithmetic and canonical rendering for money values.
#include "extractors/amounts/decimal.h"

#include <algorithm>
#include <vector>

namespace newsfacts {

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool AllDigits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), IsDigit);
}

// Removes the thousands separators of an integer part, or returns nullopt when they are not
// Western (1,234,567) or Indian (12,34,567) grouping.
std::optional<std::string> StripGrouping(std::string_view integer) {
  if (integer.find(',') == std::string_view::npos) return std::string(integer);
  std::vector<std::string_view> groups;
  size_t start = 0;
  while (true) {
    const size_t comma = integer.find(',', start);
    groups.push_back(
        integer.substr(start, comma == std::string_view::npos ? comma : comma - start));
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  for (std::string_view group : groups) {
    if (!AllDigits(group)) return std::nullopt;
  }
  if (groups.front().size() > 3 || groups.back().size() != 3) return std::nullopt;
  const size_t middle_size = groups.size() > 2 ? groups[1].size() : 3;
  if (middle_size != 2 && middle_size != 3) return std::nullopt;
  for (size_t i = 1; i + 1 < groups.size(); ++i) {
    if (groups[i].size() != middle_size) return std::nullopt;
  }
  if (middle_size == 2 && groups.front().size() > 2) return std::nullopt;
  std::string out;
  for (std::string_view group : groups) out.append(group);
  return out;
}

}  // namespace

Decimal::Decimal(std::string digits, int exponent)
    : digits_(std::move(digits)), exponent_(exponent) {
  const size_t first = digits_.find_first_not_of('0');
  if (first == std::string::npos) {
    digits_.clear();
    exponent_ = 0;
    return;
  }
  digits_.erase(0, first);
  const size_t last = digits_.find_last_not_of('0');
  exponent_ += static_cast<int>(digits_.size() - 1 - last);
  digits_.erase(last + 1);
}

std::optional<Decimal> Decimal::Parse(std::string_view text) {
  const size_t point = text.find('.');
  std::string_view integer = text.substr(0, point);
  std::string_view fraction =
      point == std::string_view::npos ? std::string_view() : text.substr(point + 1);
  if (point != std::string_view::npos && !AllDigits(fraction)) return std::nullopt;
  if (integer.empty() && fraction.empty()) return std::nullopt;
  std::string digits;
  if (!integer.empty()) {
    std::optional<std::string> stripped = StripGrouping(integer);
    if (!stripped || !AllDigits(*stripped)) return std::nullopt;
    digits = std::move(*stripped);
  }
  digits.append(fraction);
  return Decimal(std::move(digits), -static_cast<int>(fraction.size()));
}

Decimal Decimal::ScaledByPowerOfTen(int power) const {
  if (IsZero()) return *this;
  return Decimal(digits_, exponent_ + power);
}

Decimal Decimal::Times(const Decimal& other) const {
  if (IsZero() || other.IsZero()) return Decimal();
  std::vector<int> product(digits_.size() + other.digits_.size(), 0);
  for (size_t i = digits_.size(); i-- > 0;) {
    for (size_t j = other.digits_.size(); j-- > 0;) {
      product[i + j + 1] += (digits_[i] - '0') * (other.digits_[j] - '0');
    }
  }
  for (size_t k = product.size(); k-- > 1;) {
    product[k - 1] += product[k] / 10;
    product[k] %= 10;
  }
  std::string digits;
  for (int d : product) digits.push_back(static_cast<char>('0' + d));
  return Decimal(std::move(digits), exponent_ + other.exponent_);
}

Decimal Decimal::Plus(const Decimal& other) const {
  if (IsZero()) return other;
  if (other.IsZero()) return *this;
  const int exponent = std::min(exponent_, other.exponent_);
  std::string a = digits_ + std::string(static_cast<size_t>(exponent_ - exponent), '0');
  std::string b = other.digits_ + std::string(static_cast<size_t>(other.exponent_ - exponent), '0');
  if (a.size() < b.size()) std::swap(a, b);
  b.insert(0, a.size() - b.size(), '0');
  std::string sum(a.size() + 1, '0');
  int carry = 0;
  for (size_t i = a.size(); i-- > 0;) {
    const int d = (a[i] - '0') + (b[i] - '0') + carry;
    sum[i + 1] = static_cast<char>('0' + d % 10);
    carry = d / 10;
  }
  sum[0] = static_cast<char>('0' + carry);
  return Decimal(std::move(sum), exponent);
}

std::string Decimal::ToString() const {
  if (IsZero()) return "0";
  if (exponent_ >= 0) return digits_ + std::string(static_cast<size_t>(exponent_), '0');
  const size_t fraction_size = static_cast<size_t>(-exponent_);
  if (digits_.size() > fraction_size) {
    const size_t integer_size = digits_.size() - fraction_size;
    return digits_.substr(0, integer_size) + "." + digits_.substr(integer_size);
  }
  return "0." + std::string(fraction_size - digits_.size(), '0') + digits_;
}

std::strong_ordering operator<=>(const Decimal& a, const Decimal& b) {
  if (a.IsZero() || b.IsZero()) return !a.IsZero() <=> !b.IsZero();
  // Position of the most significant digit decides unless equal.
  const int magnitude_a = static_cast<int>(a.digits_.size()) + a.exponent_;
  const int magnitude_b = static_cast<int>(b.digits_.size()) + b.exponent_;
  if (magnitude_a != magnitude_b) return magnitude_a <=> magnitude_b;
  const size_t n = std::max(a.digits_.size(), b.digits_.size());
  for (size_t i = 0; i < n; ++i) {
    const char da = i < a.digits_.size() ? a.digits_[i] : '0';
    const char db = i < b.digits_.size() ? b.digits_[i] : '0';
    if (da != db) return da <=> db;
  }
  return std::strong_ordering::equal;
}

}  // namespace newsfacts
