// Runs every embedded example and not-money case of the built-in "amounts" rule files.
#include <gtest/gtest.h>

#include "extractors/amounts/amount_stage.h"
#include "extractors/kernel/example_runner.h"
#include "pipeline/segmenter.h"

namespace newsfacts {
namespace {

TEST(AmountExamplesTest, BuiltinRuleExamplesPass) {
  StatusOr<RuleSources> rules = RuleSources::Builtin();
  ASSERT_TRUE(rules.ok()) << rules.status().ToString();
  StatusOr<std::unique_ptr<AmountStage>> stage = AmountStage::Create(*rules);
  ASSERT_TRUE(stage.ok()) << stage.status().ToString();
  StatusOr<std::unique_ptr<SegmenterStage>> segmenter = SegmenterStage::Create();
  ASSERT_TRUE(segmenter.ok()) << segmenter.status().ToString();
  const ExampleRunner runner({segmenter->get()});
  for (const std::string& failure : (*stage)->CheckExamples(runner)) ADD_FAILURE() << failure;
}

}  // namespace
}  // namespace newsfacts
