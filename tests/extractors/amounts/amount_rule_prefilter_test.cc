// Tests of the amount rules' prefilters (AmountRuleSet::rule_prefilter and
// matching_number_rules): a rule they leave out of a sentence never matches there, for every
// example of the built-in rules and for forms that are easy to lose (spelled numbers, scale
// fractions, symbols, spaced prefixes).
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "extractors/amounts/amount_rules.h"
#include "extractors/kernel/rule_sources.h"

namespace newsfacts::amounts {
namespace {

// Fails for each rule that matches `sentence` but is not among the prefilter's candidates, and
// for each rule with a number that matching_number_rules names wrongly (left out when it
// matches, or named when it does not); returns how many rules match it.
size_t ExpectNoMatchingRuleLeftOut(const AmountRuleSet& rules, const std::string& sentence) {
  const std::vector<int> candidates = rules.rule_prefilter->Candidates(sentence);
  std::vector<int> number_rules;
  EXPECT_TRUE(rules.matching_number_rules->Matching(sentence, &number_rules)) << sentence;
  size_t matching = 0;
  for (size_t i = 0; i < rules.rules.size(); ++i) {
    const bool matches = rules.rules[i].re->Contains(sentence);
    const int slot = rules.number_rule_slot[i];
    EXPECT_EQ(slot >= 0, rules.rules[i].needs_digits) << rules.rules[i].id;
    if (slot >= 0) {
      EXPECT_EQ(std::binary_search(number_rules.begin(), number_rules.end(), slot), matches)
          << "rule " << rules.rules[i].id << " on \"" << sentence << "\"";
    }
    if (!matches) continue;
    ++matching;
    EXPECT_TRUE(std::binary_search(candidates.begin(), candidates.end(), static_cast<int>(i)))
        << "rule " << rules.rules[i].id << " matches \"" << sentence << "\" but was left out";
  }
  return matching;
}

std::unique_ptr<AmountRuleSet> BuiltinRules() {
  StatusOr<RuleSources> sources = RuleSources::Builtin();
  EXPECT_TRUE(sources.ok()) << sources.status().ToString();
  StatusOr<std::unique_ptr<AmountRuleSet>> rules = CompileAmountRules(*sources);
  EXPECT_TRUE(rules.ok()) << rules.status().ToString();
  return rules.ok() ? std::move(*rules) : nullptr;
}

TEST(AmountRulePrefilterTest, NoRuleThatMatchesAnExampleIsLeftOut) {
  const std::unique_ptr<AmountRuleSet> rules = BuiltinRules();
  ASSERT_NE(rules, nullptr);
  size_t examples = 0;
  for (const AmountRule& rule : rules->rules) {
    for (const AmountExample& example : rule.examples) {
      ExpectNoMatchingRuleLeftOut(*rules, example.text);
      ++examples;
    }
    for (const std::string& text : rule.not_money) ExpectNoMatchingRuleLeftOut(*rules, text);
  }
  EXPECT_GT(examples, 50u);
}

TEST(AmountRulePrefilterTest, NoRuleThatMatchesATrickyFormIsLeftOut) {
  const std::unique_ptr<AmountRuleSet> rules = BuiltinRules();
  ASSERT_NE(rules, nullptr);
  const std::vector<std::string> sentences = {
      "Lunch came to twelve dollars and thirty cents.",
      "The grant was half million euros.",
      "They asked three quarters billion yen for the plant.",
      "A collector paid \xe2\x82\xbf"
      "1,500 for the drive.",                     // ₿
      "The bowl cost 250\xe5\x86\x86 in Osaka.",  // 円
      "Fees start at \xe2\x82\xb9"
      "40,000 a year.",  // ₹
      "The mill was sold for c $ 12.2 million.",
      "The unit fetched hk $ 3.1 billion.",
      "Tickets were nzd$40 each.",
      "He paid usd 30 for the cable.",
      "The fund lost 65 USD million.",
      "Sales rose to 95 MEUR.",
      "It cost 4 dollars 25 cents.",
      "The bill was 310 million finnish markka.",
      "Miners earned 500 satoshis a block.",
      "The stake went for an undisclosed sum.",
      "Investors poured billions into chips.",
      "a two-yen rise",
  };
  for (const std::string& sentence : sentences) {
    EXPECT_GT(ExpectNoMatchingRuleLeftOut(*rules, sentence), 0u) << "no rule reads " << sentence;
  }
}

}  // namespace
}  // namespace newsfacts::amounts
