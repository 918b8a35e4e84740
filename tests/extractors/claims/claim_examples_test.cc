// Runs every embedded example of the built-in claim rules through the real upstream stages,
// and checks that every predicate of the design table has at least eight examples.
#include <gtest/gtest.h>

#include <map>

#include "extractors/amounts/amount_stage.h"
#include "extractors/claims/claim_rules.h"
#include "extractors/claims/claim_stage.h"
#include "extractors/entities/entity_stage.h"
#include "pipeline/segmenter.h"
#include "tests/extractors/claims/claim_test_util.h"

namespace newsfacts {
namespace {

TEST(ClaimExamplesTest, EveryBuiltinExamplePasses) {
  StatusOr<RuleSources> rules = RuleSources::Builtin();
  ASSERT_TRUE(rules.ok()) << rules.status().message();
  StatusOr<std::unique_ptr<ClaimStage>> stage = ClaimStage::Create(*rules);
  ASSERT_TRUE(stage.ok()) << stage.status().message();
  EXPECT_GT((*stage)->ExampleCount().first, 0u);
  StatusOr<std::unique_ptr<SegmenterStage>> segmenter = SegmenterStage::Create();
  ASSERT_TRUE(segmenter.ok()) << segmenter.status().message();
  StatusOr<std::unique_ptr<EntityStage>> entities = EntityStage::Create(*rules);
  ASSERT_TRUE(entities.ok()) << entities.status().message();
  StatusOr<std::unique_ptr<AmountStage>> amounts = AmountStage::Create(*rules);
  ASSERT_TRUE(amounts.ok()) << amounts.status().message();
  const ExampleRunner runner({segmenter->get(), entities->get(), amounts->get()});
  for (const std::string& failure : (*stage)->CheckExamples(runner)) ADD_FAILURE() << failure;
}

TEST(ClaimExamplesTest, EveryDesignPredicateHasEightExamples) {
  const std::vector<ClaimRule> loaded = claim_testing::BuiltinClaimRules();
  ASSERT_FALSE(loaded.empty());
  std::map<std::string, size_t> count;
  for (const ClaimRule& rule : loaded) {
    for (const ClaimExample& example : rule.match)
      ++count[example.predicate.value_or(rule.predicate)];
  }
  for (const char* predicate :
       {"invested_in", "acquired", "sold", "raised", "valued_at", "partnered_with", "competes_with",
        "uses", "holds_role", "develops", "subsidiary_of"}) {
    SCOPED_TRACE(predicate);
    EXPECT_GE(count[predicate], 8u);
  }
}

}  // namespace
}  // namespace newsfacts
