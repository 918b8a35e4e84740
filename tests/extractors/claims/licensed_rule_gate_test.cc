// Tests for LicensedRuleGate: a sentence passes when its text holds the words a licensed rule
// requires, never for an unlicensed rule's words alone, and always when a required word may
// come from a placeholder's type name or when RE2 must judge the case folding.
#include "extractors/claims/licensed_rule_gate.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace newsfacts {
namespace {

// The gate over the rules of `patterns` that `licensed` marks, their atoms read as the rule
// prefilter reads them.
LicensedRuleGate Gate(const std::vector<std::string>& patterns, const std::vector<bool>& licensed) {
  std::vector<RequiredAtomAlternatives> atoms;
  for (size_t i = 0; i < patterns.size(); ++i) {
    if (licensed[i]) atoms.push_back(RequiredAtoms(patterns[i]));
  }
  std::vector<const RequiredAtomAlternatives*> licensed_atoms;
  for (const RequiredAtomAlternatives& rule : atoms) licensed_atoms.push_back(&rule);
  return LicensedRuleGate(licensed_atoms);
}

const std::string kOrg = "\u27E8ORG:[0-9]+\u27E9";

TEST(LicensedRuleGateTest, PassesOnlyTheSentencesHoldingALicensedRulesWords) {
  const LicensedRuleGate gate =
      Gate({kOrg + " (?:acquired|bought) " + kOrg, kOrg + " sold " + kOrg}, {true, false});
  EXPECT_TRUE(gate.MayMatch("Korvex acquired Brantel."));
  EXPECT_TRUE(gate.MayMatch("Korvex BOUGHT Brantel."));
  EXPECT_FALSE(gate.MayMatch("Korvex sold Brantel."));  // only the unlicensed rule's word
  EXPECT_FALSE(gate.MayMatch("Korvex declined to comment."));
}

// A word is looked for by its longest run of letters, which a view's copied bytes hold
// wherever the view holds the word: "took over" by "took".
TEST(LicensedRuleGateTest, LooksForAWordsLongestRunOfLetters) {
  const LicensedRuleGate gate = Gate({kOrg + " took over " + kOrg}, {true});
  EXPECT_TRUE(gate.MayMatch("Korvex took the lead."));
  EXPECT_FALSE(gate.MayMatch("Korvex gave the lead over."));
}

// "money" is a placeholder's type name ("⟨MONEY:1⟩"): a view may hold it where the
// text does not.
TEST(LicensedRuleGateTest, AWordAPlaceholderWritesCountsAsPresent) {
  EXPECT_TRUE(Gate({kOrg + " money"}, {true}).MayMatch("Nothing here."));
}

TEST(LicensedRuleGateTest, PassesWhenRe2MustJudgeTheCase) {
  const LicensedRuleGate gate = Gate({kOrg + " took " + kOrg}, {true});
  EXPECT_FALSE(gate.MayMatch("Korvex gave Brantel."));
  EXPECT_TRUE(gate.MayMatch("Korvex too\u212A Brantel."));  // KELVIN SIGN for 'k'
}

TEST(LicensedRuleGateTest, ARuleRequiringNothingKnownAlwaysPasses) {
  const LicensedRuleGate gate = Gate({kOrg + " \\w+ " + kOrg}, {true});
  EXPECT_TRUE(gate.MayMatch("Korvex declined to comment."));
}

TEST(LicensedRuleGateTest, NoLicensedRuleNeverPasses) {
  const LicensedRuleGate gate = Gate({kOrg + " acquired " + kOrg}, {false});
  EXPECT_FALSE(gate.MayMatch("Korvex acquired Brantel."));
}

}  // namespace
}  // namespace newsfacts
