// Amount matcher: runs the rules over one sentence, keeps the best of overlapping candidates
// (the overlap policy) and links conversions in parentheses to the amount they restate.
#pragma once

#include <cstddef>
#include <vector>

#include "extractors/amounts/amount_rules.h"
#include "extractors/amounts/sentence_gates.h"
#include "pipeline/document.h"

namespace newsfacts::amounts {

// Appends to `out` the amounts of sentence `sentence_index` of `doc`, sorted by span, with
// article offsets. `out` holds the amounts of earlier sentences; `restates` indices point
// into it. `gate` (PassGates) says which rules run: those with a `number` group need a digit
// and a currency_gate match, the others a prefilter word or pattern.
// Overlap policy: the longest match wins, then the higher priority, then the earlier rule.
// Restatements: "X (Y)" makes Y restate X and "X (Y; Z)" makes Z restate X too, when Y
// changes currency ("£399 (£469 including VAT)" is no conversion).
void FindAmountsInSentence(const AmountRuleSet& rules, const Document& doc, size_t sentence_index,
                           SentenceGate gate, std::vector<Amount>& out);

// Removes from `amounts` (an article's, as FindAmountsInSentence left them) each amount of a
// rule with needs_currency_context whose currency neither another amount of the article (of a
// rule without it) nor doc.meta().currency_hint gives, and renumbers `restates` (a link to a
// removed amount is dropped). "20 pounds" is money in an article that prices things in "£"
// or "sterling", a weight in one that has no other pound.
void DropAmountsWithoutContext(const AmountRuleSet& rules, const Document& doc,
                               std::vector<Amount>& amounts);

}  // namespace newsfacts::amounts
