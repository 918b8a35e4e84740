// Amount builder: verification of the numerals a match read, then value, currency and bounds.
#include "extractors/amounts/amount_builder.h"

#include "extractors/amounts/amount_text.h"
#include "extractors/amounts/decimal.h"

namespace newsfacts::amounts {

namespace {

// One match: its groups by number, as text and as offsets into the sentence.
struct MatchView {
  std::string_view sentence;
  const std::vector<std::string_view>& groups;

  // The text of `group` in the alternative that matched; empty when the pattern lacks it or
  // it took no part.
  std::string_view Text(const AmountGroup& group) const {
    for (int index : group.numbers) {
      if (index != 0 && groups[index].data() != nullptr) return groups[index];
    }
    return {};
  }
  size_t Offset(std::string_view part) const {
    return static_cast<size_t>(part.data() - sentence.data());
  }
  std::string_view Whole() const { return groups[0]; }
};

// True when the numeral at [begin, end) of `sentence` stands alone: no digit, and no
// separator followed by a digit, on either side.
bool IsWholeNumeral(std::string_view sentence, size_t begin, size_t end) {
  if (begin > 0) {
    const char before = sentence[begin - 1];
    if (IsAsciiDigit(before)) return false;
    if ((before == '.' || before == ',') && begin > 1 && IsAsciiDigit(sentence[begin - 2])) {
      return false;
    }
  }
  if (end < sentence.size()) {
    const char after = sentence[end];
    if (IsAsciiDigit(after)) return false;
    if ((after == '.' || after == ',') && end + 1 < sentence.size() &&
        IsAsciiDigit(sentence[end + 1])) {
      return false;
    }
    // "$30, 000" (a stray space inside the grouping) cannot be confirmed as 30 or 30000.
    if (after == ',' && end + 5 <= sentence.size() && sentence[end + 1] == ' ' &&
        IsAsciiDigit(sentence[end + 2]) && IsAsciiDigit(sentence[end + 3]) &&
        IsAsciiDigit(sentence[end + 4]) &&
        (end + 5 == sentence.size() || !IsAsciiDigit(sentence[end + 5]))) {
      return false;
    }
  }
  return true;
}

// Reads the match's numerals into `numbers` (the first end, a range's second end, a minor
// amount). Returns false unless each is a whole numeral of the text that re-renders to its
// own digits, and the digits the match covers are exactly the digits read.
bool ReadNumerals(const MatchView& match, const AmountGroups& g,
                  std::optional<Decimal> (&numbers)[3]) {
  std::string numeral_digits;
  const AmountGroup* numeral_groups[3] = {&g.number, &g.high_number, &g.minor_number};
  for (int k = 0; k < 3; ++k) {
    const std::string_view numeral = match.Text(*numeral_groups[k]);
    if (numeral.empty()) continue;
    const size_t begin = match.Offset(numeral);
    if (!IsWholeNumeral(match.sentence, begin, begin + numeral.size())) return false;
    numbers[k] = Decimal::Parse(numeral);
    if (!numbers[k] || numbers[k]->ToString() != CanonicalNumeral(numeral)) return false;
    numeral_digits += DigitsOf(numeral);
  }
  return DigitsOf(match.Whole()) == numeral_digits;
}

// Sets amount's currency and evidence from a currency surface; returns the power of ten
// that turns the written number into major units (0, or -2 for "pence").
int SetCurrency(const Tables& tables, std::string_view surface, const std::string& hint,
                Amount& amount) {
  const CurrencyEntry* entry = tables.FindCurrency(surface);
  if (entry == nullptr) return 0;
  if (entry->dollar_sign && !hint.empty()) {
    amount.currency = hint;
    amount.currency_evidence = "article metadata";
    return entry->power;
  }
  if (!entry->iso.empty()) amount.currency = entry->iso;
  amount.currency_evidence = entry->dollar_sign && entry->type == "symbol"
                                 ? "dollar-sign default"
                                 : entry->type + " " + entry->surface;
  return entry->power;
}

// The currency a range's first end (`first`) or second end (`first` false) writes itself,
// before or after its number; empty when that end has none.
std::string_view EndCurrency(const MatchView& match, const AmountGroups& g, bool first) {
  const std::string_view before = match.Text(first ? g.currency : g.high_currency);
  return before.empty() ? match.Text(first ? g.currency_after : g.high_currency_after) : before;
}

// Sets the currency from the first currency group present; returns its power of ten, or
// nullopt when a range's two ends each name a currency and they disagree ("$5 to 10 euros"
// is no range) or differ in power ("5 dollars to 90 cents").
std::optional<int> ReadCurrency(const Tables& tables, const MatchView& match, const AmountGroups& g,
                                const std::string& hint, Amount& amount) {
  const std::string_view first = EndCurrency(match, g, true);
  const std::string_view second = EndCurrency(match, g, false);
  if (first.empty() && second.empty()) return 0;
  const int currency_power = SetCurrency(tables, first.empty() ? second : first, hint, amount);
  if (!first.empty() && !second.empty()) {
    Amount other;
    if (SetCurrency(tables, second, hint, other) != currency_power ||
        other.currency != amount.currency) {
      return std::nullopt;
    }
  }
  return currency_power;
}

// The minor amount of "4 dollars 25 cents" or "twelve dollars and thirty cents" in major
// units: the minor number times 10^(the power of minor_unit, or -2 when it has none); zero
// when the match has none. Nullopt for unknown words, or a minor amount of one major unit
// or more ("4 dollars 250 cents" is no compound).
std::optional<Decimal> MinorAmount(const Tables& tables, const MatchView& match,
                                   const AmountGroups& g, std::optional<Decimal> minor) {
  if (!minor && !match.Text(g.minor_number_words).empty()) {
    minor = tables.NumberWordValue(match.Text(g.minor_number_words));
    if (!minor) return std::nullopt;
  }
  if (!minor) return Decimal();
  int power = -2;
  if (!match.Text(g.minor_unit).empty()) {
    const CurrencyEntry* unit = tables.FindCurrency(match.Text(g.minor_unit));
    if (unit == nullptr || unit->power >= 0) return std::nullopt;
    power = unit->power;
  }
  const Decimal value = minor->ScaledByPowerOfTen(power);
  static const Decimal kOneMajorUnit = *Decimal::Parse("1");
  if (!(value < kOneMajorUnit)) return std::nullopt;
  return value;
}

// Sets the qualifier (from the qualifier groups) and the bounds of a point value.
void SetPointBounds(const Tables& tables, const MatchView& match, const AmountGroups& g,
                    const Decimal& value, Amount& amount) {
  amount.value = value.ToString();
  amount.qualifier = "exact";
  for (const AmountGroup* group : {&g.qualifier, &g.qualifier_after}) {
    const std::string_view phrase = match.Text(*group);
    if (phrase.empty()) continue;
    if (const std::string* kind = tables.QualifierKind(phrase)) amount.qualifier = *kind;
  }
  if (amount.qualifier == "exact") {
    amount.low = amount.high = amount.value;
  } else if (amount.qualifier == "approximate") {
    amount.low = value.Times(*tables.approximate_low_factor).ToString();
    amount.high = value.Times(*tables.approximate_high_factor).ToString();
  } else if (amount.qualifier == "lower") {
    amount.low = amount.value;
  } else {
    amount.low.emplace(1, '0');  // not = "0": GCC 12 -Wrestrict false positive
    amount.high = amount.value;
  }
}

}  // namespace

std::optional<Amount> BuildAmount(const Tables& tables, const AmountRule& rule,
                                  std::string_view sentence,
                                  const std::vector<std::string_view>& groups,
                                  const std::string& currency_hint) {
  const AmountGroups& g = rule.groups;
  const MatchView match{sentence, groups};
  std::optional<Decimal> numbers[3];
  if (!ReadNumerals(match, g, numbers)) return std::nullopt;
  if (!numbers[0] && !match.Text(g.number_words).empty()) {
    numbers[0] = tables.NumberWordValue(match.Text(g.number_words));
    if (!numbers[0]) return std::nullopt;
  }
  if (!numbers[1] && !match.Text(g.high_number_words).empty()) {
    numbers[1] = tables.NumberWordValue(match.Text(g.high_number_words));
    if (!numbers[1]) return std::nullopt;
  }
  auto power_of = [&](const AmountGroup& group) -> std::optional<int> {
    const std::string_view word = match.Text(group);
    return word.empty() ? 0 : tables.ScalePower(word);
  };
  std::optional<int> power1 = power_of(g.scale);
  std::optional<int> power2 = power_of(g.high_scale);
  if (!power1 || !power2) return std::nullopt;

  Amount amount;
  const std::string_view span_text =
      match.Text(g.amount).empty() ? match.Whole() : match.Text(g.amount);
  amount.span = {match.Offset(span_text), match.Offset(span_text) + span_text.size()};
  amount.rule = rule.id;
  if (!match.Text(g.undisclosed).empty()) {
    // "an undisclosed sum", "Terms were not disclosed": money whose value nobody gave.
    amount.qualifier = "undisclosed";
    amount.currency_evidence = "none (undisclosed)";
    return amount;
  }
  const std::optional<int> currency_power = ReadCurrency(tables, match, g, currency_hint, amount);
  if (!currency_power) return std::nullopt;
  *power1 += *currency_power;
  *power2 += *currency_power;

  if (const std::string_view phrase = match.Text(g.vague); !phrase.empty()) {
    const VagueEntry* vague = tables.FindVague(phrase);
    if (vague == nullptr) return std::nullopt;
    amount.low = vague->low.ToString();
    amount.high = vague->high.ToString();
    amount.qualifier = "vague";
    amount.vague = true;
    return amount;
  }
  if (!numbers[0]) return std::nullopt;
  if (!numbers[1]) {
    std::optional<Decimal> minor = MinorAmount(tables, match, g, numbers[2]);
    if (!minor) return std::nullopt;
    SetPointBounds(tables, match, g, numbers[0]->ScaledByPowerOfTen(*power1).Plus(*minor), amount);
    return amount;
  }
  // A range. "$10-20 billion", "$5 to $10 million", "two to three million dlrs": the first
  // number borrows the second's scale word when it has none, no currency word closes it
  // ("5 dollars to 9 million dollars" keeps 5) and it is the smaller number as written
  // ("$500,000 to $2 million" keeps 500,000).
  int first_power = *power1;
  if (match.Text(g.scale).empty() && !match.Text(g.high_scale).empty() &&
      match.Text(g.currency_after).empty() && *numbers[0] < *numbers[1]) {
    first_power = *power2;
  }
  const Decimal low = numbers[0]->ScaledByPowerOfTen(first_power);
  const Decimal high = numbers[1]->ScaledByPowerOfTen(*power2);
  if (!(low < high)) return std::nullopt;
  amount.low = low.ToString();
  amount.high = high.ToString();
  amount.qualifier = "range";
  return amount;
}

}  // namespace newsfacts::amounts
