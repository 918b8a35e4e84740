// Amount rules: compiles every rule file of kind "amounts" into merged tables, RE2 rules with
// their named groups, vetoes and embedded examples, and the prefilter gates.
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "extractors/amounts/amount_tables.h"
#include "extractors/kernel/pattern_set.h"
#include "extractors/kernel/regex.h"
#include "extractors/kernel/rule_prefilter.h"
#include "extractors/kernel/rule_sources.h"
#include "pipeline/status.h"

namespace newsfacts::amounts {

// An embedded example: the rule must find the amount whose surface is `match`, and each of
// `expected` (field -> rendering, nullopt meaning absent) must equal the amount's field.
struct AmountExample {
  std::string text;
  std::string match;
  std::map<std::string, std::optional<std::string>> expected;
};

// Where one named group is in a pattern: its capture group number, or one number per
// alternative when the pattern names the group again with a trailing digit ("number2" in a
// second alternative reports as "number"). Unused slots are 0.
struct AmountGroup {
  static constexpr int kMaxAlternatives = 4;
  int numbers[kMaxAlternatives] = {};
  bool present() const { return numbers[0] != 0; }
};

// The named groups of a rule (FORMAT.md, "Rules"). The high_* groups are a range's second end.
struct AmountGroups {
  AmountGroup qualifier;        // before the amount: "about", "more than"
  AmountGroup qualifier_after;  // after it: "or more"
  AmountGroup currency;         // currency before the number: "$", "US$", "USD"
  AmountGroup number;           // a numeral: "4", "1,250.5"
  AmountGroup number_words;     // number words: "two", "half a", "twenty-five"
  AmountGroup scale;            // a scale word: "billion", "bn", "crore"
  AmountGroup currency_after;   // currency after the number: "euros", "dlrs", "pence"
  AmountGroup high_currency;
  AmountGroup high_number;
  AmountGroup high_number_words;  // a spelled second end: "three" in "two to three dlrs"
  AmountGroup high_scale;
  AmountGroup high_currency_after;
  AmountGroup minor_number;        // a minor amount after the major: "25" in "4 dollars 25 cents"
  AmountGroup minor_number_words;  // the same in words: "thirty" in "... and thirty cents"
  AmountGroup minor_unit;          // its unit: "cents"; absent, the minor amount is hundredths
  AmountGroup vague;               // a vague magnitude: "billions", "multi-million"
  AmountGroup undisclosed;         // money paid but not given: "an undisclosed sum"
  AmountGroup amount;              // the span to report when the match includes context
};

// One compiled rule.
struct AmountRule {
  std::string file;
  std::string id;
  int priority = 0;
  size_t order = 0;  // position over all files: the last tie-break of the overlap policy
  std::unique_ptr<Regex> re;
  std::unique_ptr<Regex> veto_before;  // vetoes a match when the text before it matches
  std::unique_ptr<Regex> veto_after;   // vetoes a match when the text after it matches
  bool needs_digits = false;           // has a `number` group: runs only past currency_gate
  // Its amounts stand only when the article has other money in the same currency, or its
  // metadata hints that currency ("20 pounds" beside "£15"): see DropAmountsWithoutContext.
  bool needs_currency_context = false;
  AmountGroups groups;
  std::vector<AmountExample> examples;
  std::vector<std::string> not_money;
};

// Every "amounts" rule file compiled: the merged tables, the rules in load order and the
// sentence gates. Immutable once built; thread-safe to read.
struct AmountRuleSet {
  Tables tables;
  std::vector<AmountRule> rules;
  std::unique_ptr<Regex> currency_gate;  // null: digit rules run on every sentence with a digit
  std::unique_ptr<Regex> word_gate;      // prefilter words and patterns; null: word rules never run
  // The gates united in multi-line mode, to scan an article's sentences joined by newlines
  // once for both (sentence_gates.h); null exactly when both gates are.
  std::unique_ptr<Regex> gate_scanner;
  // Which rules (indices into `rules`) may match a sentence, from the literals they require.
  std::unique_ptr<RulePrefilter> rule_prefilter;
  // Which rules with a `number` group match a sentence at all, told in one pass: such a
  // candidate of the prefilter runs only when it matches (issue 16: of the eleven, one or two
  // match in a sentence with a currency). number_rule_slot[i] is rule i's index in the set,
  // -1 for a rule without a number.
  std::unique_ptr<PatternSet> matching_number_rules;
  std::vector<int> number_rule_slot;
};

// Loads the tables of every file of kind "amounts" in `sources` (merged in order), generates
// the table macros, then compiles every file's rules. InvalidArgument naming the file (and
// `path:line: rule id` for a rule) for malformed JSON or tables, unknown keys, macros or
// group names, duplicate rule ids, bad RE2 patterns, or when no file supplies the required
// settings (approximate_bounds, restatement). No JSON exception escapes.
StatusOr<std::unique_ptr<AmountRuleSet>> CompileAmountRules(const RuleSources& sources);

}  // namespace newsfacts::amounts
