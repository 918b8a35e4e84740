// Sentence gates: which sentences of an article pass the amount prefilters (a digit and
// currency_gate for rules with a number, prefilter words and patterns for the others), found
// with one scan of the article for both gates instead of one search per sentence and gate.
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

// The indices, ascending, of the sentences where `scanner` finds a match when it scans
// `sentences` joined by newlines (patterns in multi-line mode, so ^ and $ still hold at each
// sentence's ends). Every sentence in which one of the scanner's alternatives matches on its
// own is among them; others may be (a match crossing into the next sentence, or using a
// newline inside one), so the caller confirms each with a search of the sentence alone.
std::vector<size_t> SentencesToConfirm(const Regex& scanner,
                                       const std::vector<std::string_view>& sentences);

// The gates of every sentence of `doc`, in order; an empty sentence or one outside the text
// passes none.
std::vector<SentenceGate> PassGates(const AmountRuleSet& rules, const Document& doc);

}  // namespace newsfacts::amounts
