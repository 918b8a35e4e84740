// Tests for BuildStandardPipeline: the stages compile concurrently, a broken rule file is
// reported as a run in pipeline order would report it, the first failing stage first, and
// warming the stages up beside extraction changes no fact.
#include "extractors/standard_pipeline.h"

#include <gtest/gtest.h>

#include "pipeline/document_json.h"
#include "pipeline/pipeline_warm_up.h"

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

// The facts of deal and funding stories, as `pipeline` extracts them a batch at a time.
std::vector<std::string> FactsOfDealStories(const Pipeline& pipeline) {
  const std::vector<std::string> texts = {
      "Quillfeather Inc agreed to buy Marrowby Systems for $300 million, the companies said.",
      "Brightwell Labs raised $12 million from Orchard Ventures. \"We will hire,\" said its chief "
      "executive, Dana Reyes.",
      "Harwick Steel sold its plate mill to Tarrow Metals for about 45 mln dlrs in cash.",
      "Korvex Cloud runs on Amazon Web Services, and Ellery Sato is chief executive of Korvex."};
  std::vector<Document> docs;
  for (int round = 0; round < 4; ++round) {
    for (const std::string& text : texts) docs.push_back(Document::FromUtf8({}, text));
  }
  std::vector<std::string> facts;
  for (const Status& status : pipeline.RunBatch(docs)) EXPECT_TRUE(status.ok()) << status.message();
  for (const Document& doc : docs) facts.push_back(DocumentToJson(doc, -1));
  return facts;
}

TEST(StandardPipelineTest, WarmingUpBesideExtractionChangesNoFact) {
  StatusOr<Pipeline> plain = BuildStandardPipeline(BuiltinWith({}));
  StatusOr<Pipeline> warmed = BuildStandardPipeline(BuiltinWith({}));
  ASSERT_TRUE(plain.ok() && warmed.ok());
  const std::vector<std::string> expected = FactsOfDealStories(*plain);
  ASSERT_NE(expected[0].find("acquired"), std::string::npos) << expected[0];
  std::vector<std::string> facts;
  {
    // Extraction starts as the warm-up does, so both compile the same patterns at once.
    const PipelineWarmUp warm_up(*warmed);
    facts = FactsOfDealStories(*warmed);
  }
  EXPECT_EQ(facts, expected);
}

}  // namespace
}  // namespace newsfacts
