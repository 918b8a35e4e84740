// Sentence gates: which sentences of an article pass the amount prefilters (a digit and
// currency_gate for rules with a number, prefilter words and patterns for the others), found
// with one scan of the article per gate instead of one search per sentence.
#pragma once

#include <string_view>
#include <vector>

#include "extractors/amounts/amount_rules.h"
#include "pipeline/document.h"

namespace newsfacts::amounts {

// Whether the rules of each kind run on one sentence.
struct SentenceGate {
  bool digit_rules = false;  // a digit and a currency_gate match: rules with a `number` group
  bool word_rules = false;   // a prefilter word or pattern: the other rules
};

// For each of `sentences`, whether `gate` matches it (as gate.Contains(sentence) says), found by
// scanning the sentences joined by newlines with `scanner` (the gate in multi-line mode, so ^
// and $ still hold at each sentence's ends). Only the sentences where the scanner finds a
// match are searched with `gate`, to confirm it.
std::vector<bool> SentencesMatching(const Regex& gate, const Regex& scanner,
                                    const std::vector<std::string_view>& sentences);

// The gates of every sentence of `doc`, in order; an empty sentence or one outside the text
// passes none.
std::vector<SentenceGate> PassGates(const AmountRuleSet& rules, const Document& doc);

}  // namespace newsfacts::amounts
