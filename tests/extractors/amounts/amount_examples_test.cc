// Runs every embedded example and not-money case of the built-in "amounts" rule files.
#include <gtest/gtest.h>

#include "extractors/amounts/amount_stage.h"

namespace newsfacts {
namespace {

TEST(AmountExamplesTest, BuiltinRuleExamplesPass) {
  StatusOr<RuleSources> rules = RuleSources::Builtin();
  ASSERT_TRUE(rules.ok()) << rules.status().ToString();
  StatusOr<std::unique_ptr<AmountStage>> stage = AmountStage::Create(*rules);
  ASSERT_TRUE(stage.ok()) << stage.status().ToString();
  for (const std::string& failure : (*stage)->CheckExamples()) ADD_FAILURE() << failure;
}

}  // namespace
}  // namespace newsfacts
