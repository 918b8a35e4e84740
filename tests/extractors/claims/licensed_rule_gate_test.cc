// Tests for LicensedRuleGate: a sentence passes when its text holds the words a licensed rule
// requires, never for an unlicensed rule's words alone, and always when a required word may
// come from a placeholder's type name or when RE2 must judge the case folding.
#include "extractors/claims/licensed_rule_gate.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace newsfacts {
namespace {

// Rules compiled from `patterns`, licensed where `licensed` says.
std::vector<ClaimRule> Rules(const std::vector<std::string>& patterns) {
  std::vector<ClaimRule> rules;
  for (const std::string& pattern : patterns) {
    StatusOr<std::unique_ptr<CompiledPattern>> compiled = CompiledPattern::Compile(pattern, false);
    EXPECT_TRUE(compiled.ok()) << pattern;
    rules.emplace_back().compiled = std::move(*compiled);
  }
  return rules;
}

const std::string kOrg = "\u27E8ORG:[0-9]+\u27E9";

TEST(LicensedRuleGateTest, PassesOnlyTheSentencesHoldingALicensedRulesWords) {
  const std::vector<ClaimRule> rules =
      Rules({kOrg + " (?:acquired|bought) " + kOrg, kOrg + " sold " + kOrg});
  const LicensedRuleGate gate(rules, {true, false});
  EXPECT_TRUE(gate.MayMatch("Korvex acquired Brantel."));
  EXPECT_TRUE(gate.MayMatch("Korvex BOUGHT Brantel."));
  EXPECT_FALSE(gate.MayMatch("Korvex sold Brantel."));  // only the unlicensed rule's word
  EXPECT_FALSE(gate.MayMatch("Korvex declined to comment."));
}

// A word is looked for by its longest run of letters, which a view's copied bytes hold
// wherever the view holds the word: "took over" by "took".
TEST(LicensedRuleGateTest, LooksForAWordsLongestRunOfLetters) {
  const LicensedRuleGate gate(Rules({kOrg + " took over " + kOrg}), {true});
  EXPECT_TRUE(gate.MayMatch("Korvex took the lead."));
  EXPECT_FALSE(gate.MayMatch("Korvex gave the lead over."));
}

// "money" is a placeholder's type name ("⟨MONEY:1⟩"): a view may hold it where the
// text does not.
TEST(LicensedRuleGateTest, AWordAPlaceholderWritesCountsAsPresent) {
  EXPECT_TRUE(LicensedRuleGate(Rules({kOrg + " money"}), {true}).MayMatch("Nothing here."));
}

TEST(LicensedRuleGateTest, PassesWhenRe2MustJudgeTheCase) {
  const LicensedRuleGate gate(Rules({kOrg + " took " + kOrg}), {true});
  EXPECT_FALSE(gate.MayMatch("Korvex gave Brantel."));
  EXPECT_TRUE(gate.MayMatch("Korvex too\u212A Brantel."));  // KELVIN SIGN for 'k'
}

TEST(LicensedRuleGateTest, ARuleRequiringNothingKnownAlwaysPasses) {
  const LicensedRuleGate gate(Rules({kOrg + " \\w+ " + kOrg}), {true});
  EXPECT_TRUE(gate.MayMatch("Korvex declined to comment."));
}

TEST(LicensedRuleGateTest, NoLicensedRuleNeverPasses) {
  const LicensedRuleGate gate(Rules({kOrg + " acquired " + kOrg}), {false});
  EXPECT_FALSE(gate.MayMatch("Korvex acquired Brantel."));
}

}  // namespace
}  // namespace newsfacts
