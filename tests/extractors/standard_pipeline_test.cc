// Tests for BuildStandardPipeline: the stages compile concurrently, and a broken rule file is
// reported as a run in pipeline order would report it, the first failing stage first.
#include "extractors/standard_pipeline.h"

#include <gtest/gtest.h>

namespace newsfacts {
namespace {

constexpr char kBrokenClaims[] = R"json({"kind": "claims", "rules": [
  {"id": "bad.claim", "predicate": "acquired", "pattern": "{ORG:subject} (bought {ORG:object}"}]})json";
constexpr char kBrokenEntities[] = R"json({"kind": "entity_patterns", "rules": [
  {"id": "bad.entity", "type": "NO_SUCH_TYPE", "priority": 1, "before": "@role_words"}]})json";

RuleSources BuiltinWith(const std::vector<std::pair<std::string, std::string>>& files) {
  StatusOr<RuleSources> rules = RuleSources::Builtin();
  EXPECT_TRUE(rules.ok());
  for (const auto& [path, contents] : files) EXPECT_TRUE(rules->Add(path, contents).ok());
  return std::move(rules).value();
}

TEST(StandardPipelineTest, BuildsFromTheBuiltinRules) {
  StatusOr<Pipeline> pipeline = BuildStandardPipeline(BuiltinWith({}));
  EXPECT_TRUE(pipeline.ok()) << pipeline.status().message();
}

TEST(StandardPipelineTest, ABrokenClaimFileIsNamed) {
  StatusOr<Pipeline> pipeline =
      BuildStandardPipeline(BuiltinWith({{"user/c.json", kBrokenClaims}}));
  ASSERT_FALSE(pipeline.ok());
  EXPECT_NE(pipeline.status().message().find("user/c.json"), std::string::npos)
      << pipeline.status().message();
}

TEST(StandardPipelineTest, OfTwoBrokenFilesTheEarlierStagesIsNamed) {
  StatusOr<Pipeline> pipeline = BuildStandardPipeline(
      BuiltinWith({{"user/c.json", kBrokenClaims}, {"user/e.json", kBrokenEntities}}));
  ASSERT_FALSE(pipeline.ok());
  EXPECT_NE(pipeline.status().message().find("user/e.json"), std::string::npos)
      << pipeline.status().message();
  EXPECT_EQ(pipeline.status().message().find("user/c.json"), std::string::npos)
      << pipeline.status().message();
}

}  // namespace
}  // namespace newsfacts
