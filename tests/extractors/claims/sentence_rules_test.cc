// Tests for SentenceRules: over the built-in claim and attribution rules, the claim rules and the
// attribution rules it gives each sentence are those of a prefilter over each set alone, whatever
// the order sentences and sets are asked for in.
#include "extractors/claims/sentence_rules.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "extractors/claims/claim_cues.h"
#include "tests/extractors/claims/claim_test_util.h"

namespace newsfacts {
namespace {

std::vector<int> AsVector(std::span<const int> span) { return {span.begin(), span.end()}; }

// The built-in attribution rules' patterns added to `builder` (through ClaimCues::Create).
void AddAttributionRules(RulePrefilterBuilder* builder) {
  StatusOr<RuleSources> rules = RuleSources::Builtin();
  ASSERT_TRUE(rules.ok());
  StatusOr<MacroTable> macros = LoadClaimMacros(*rules);
  ASSERT_TRUE(macros.ok());
  StatusOr<std::unique_ptr<ClaimCues>> cues = ClaimCues::Create(*rules, *macros, builder);
  ASSERT_TRUE(cues.ok()) << cues.status().message();
}

TEST(SentenceRulesTest, GivesEachSentenceTheRulesOfEachSetsOwnPrefilter) {
  RulePrefilterBuilder claims_builder;
  RulePrefilterBuilder attribution_builder;
  RulePrefilterBuilder both_builder;
  const std::vector<ClaimRule> claims = claim_testing::BuiltinClaimRules(&claims_builder);
  ASSERT_FALSE(claims.empty());
  AddAttributionRules(&attribution_builder);
  ASSERT_EQ(claim_testing::BuiltinClaimRules(&both_builder).size(), claims.size());
  AddAttributionRules(&both_builder);
  StatusOr<std::unique_ptr<RulePrefilter>> claims_filter = claims_builder.Build();
  StatusOr<std::unique_ptr<RulePrefilter>> attribution_filter = attribution_builder.Build();
  StatusOr<std::unique_ptr<RulePrefilter>> both_filter = both_builder.Build();
  ASSERT_TRUE(claims_filter.ok() && attribution_filter.ok() && both_filter.ok());

  // Sentences where the two sets' words overlap ("said", "told", "reported", "acquired"), in
  // any case, with the characters that only Unicode case folding makes ASCII letters.
  const Document doc = claim_testing::AnnotatedDocument(
      "Acme acquired Brantel for $5m, said Dana Lee. \"It is a good deal,\" Lee told Reuters. "
      "ACME SAID IT SOLD BRANTEL TO KORVEX, ACCORDING TO PEOPLE FAMILIAR WITH THE MATTER. "
      "Korvex, the company said, was first reported by Reuters to invest in Acme. "
      "Nothing here relates anything. "
      "The \u212Aorvex deal was \u017Faid to be worth $5m, Reuters reported. "
      "Dana Lee, chief executive of Acme, told analysts that Korvex uses Brantel.",
      {{"Acme", "ORG"},
       {"ACME", "ORG"},
       {"Brantel", "ORG"},
       {"BRANTEL", "ORG"},
       {"Korvex", "ORG"},
       {"KORVEX", "ORG"},
       {"Reuters", "ORG"},
       {"Dana Lee", "PERSON"},
       {"$5m", "MONEY"}});
  const std::vector<AbstractSentence> abstracts = AbstractSentence::BuildAll(doc);
  ASSERT_EQ(abstracts.size(), 7u);
  // Claims first, attribution first, and sentences out of order.
  SentenceRules claims_first(**both_filter, claims.size(), abstracts);
  SentenceRules attribution_first(**both_filter, claims.size(), abstracts);
  size_t with_both = 0;
  for (const size_t s : {3, 0, 6, 5, 1, 4, 2}) {
    SCOPED_TRACE(abstracts[s].text());
    const std::vector<int> expected_claims = (*claims_filter)->Candidates(abstracts[s].text());
    const std::vector<int> expected_attribution =
        (*attribution_filter)->Candidates(abstracts[s].text());
    EXPECT_EQ(AsVector(claims_first.Claims(s)), expected_claims);
    EXPECT_EQ(AsVector(claims_first.Attributions(s)), expected_attribution);
    EXPECT_EQ(AsVector(attribution_first.Attributions(s)), expected_attribution);
    EXPECT_EQ(AsVector(attribution_first.Claims(s)), expected_claims);
    with_both += !expected_claims.empty() && !expected_attribution.empty() ? 1 : 0;
  }
  EXPECT_GE(with_both, 3u);  // the sentences do hold rules of both sets
}

}  // namespace
}  // namespace newsfacts
