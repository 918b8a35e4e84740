// Amount builder: turns one rule match into a verified Amount: numerals confirmed against the
// text, the exact value from numerals, number words and scale words, the currency with its
// evidence, and the bounds its qualifier implies.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/amounts/amount_rules.h"
#include "extractors/amounts/amount_tables.h"
#include "pipeline/document.h"

namespace newsfacts::amounts {

// Builds the amount of one match of `rule` in `sentence`. `groups` are the match's capture
// groups as Regex::Find gives them (the whole match first, views into `sentence`);
// `currency_hint` is the article's ISO code for a bare dollar sign ("" = none). The span is
// relative to `sentence` and `sentence` index is left 0: the caller places it.
// Returns nullopt when the match is no verified amount: a numeral that is part of a longer
// number or does not re-render to its own digits, digits in the match that were not read,
// unknown words, a range whose ends are not increasing or whose currencies differ.
std::optional<Amount> BuildAmount(const Tables& tables, const AmountRule& rule,
                                  std::string_view sentence,
                                  const std::vector<std::string_view>& groups,
                                  const std::string& currency_hint);

}  // namespace newsfacts::amounts
