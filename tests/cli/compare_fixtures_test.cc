// End to end over tests/fixtures/store: the extractors, the store and the views together list
// the real conflict (Microsoft/OpenAI $13bn vs $10bn) and nothing for the restatement
// ($13 billion / $13bn), the approximation within bounds (about $4 billion / $4 billion)
// or the vague amount (billions / $500 million); `compare` reports the same.
#include <gtest/gtest.h>

#include "tests/cli/cli_test_util.h"

namespace newsfacts {
namespace {

using testing::RunNewsfacts;
using testing::TempDir;

const std::string kFixtures = std::string(NEWSFACTS_SOURCE_DIR) + "/tests/fixtures/store";

std::string Query(const TempDir& dir, const std::string& sql) {
  return RunNewsfacts("query \"" + sql + "\" --db facts.db --format csv", dir.path()).output;
}

TEST(CompareFixturesTest, ConflictsAndAgreementsOfTheFixtureCorpus) {
  TempDir dir;
  // One worker: claim ids, and so which claim of a pair is "a", follow the file order.
  auto ingest = RunNewsfacts("ingest " + kFixtures + " --db facts.db --jobs 1", dir.path());
  ASSERT_EQ(ingest.exit_code, 0) << ingest.output;

  EXPECT_EQ(Query(dir,
                  "SELECT subject, predicate, object, amount_a, value_a, amount_b, value_b, "
                  "article_a, article_b FROM conflicts ORDER BY article_a, article_b"),
            "subject,predicate,object,amount_a,value_a,amount_b,value_b,article_a,article_b\n"
            "Microsoft,invested_in,OpenAI,$13 billion,13000000000,$10 billion,10000000000,"
            "Microsoft deepens its OpenAI bet,A smaller number for the OpenAI stake\n"
            "Microsoft,invested_in,OpenAI,$13bn,13000000000,$10 billion,10000000000,"
            "What the OpenAI deal means for Azure,A smaller number for the OpenAI stake\n");
  EXPECT_EQ(Query(dir,
                  "SELECT subject, predicate, object, articles, sources, source_names, amounts "
                  "FROM agreements ORDER BY subject"),
            "subject,predicate,object,articles,sources,source_names,amounts\n"
            "Amazon,invested_in,Anthropic,2,1,Example Tech Review,"
            "$4 billion | about $4 billion\n"
            "Google,invested_in,Anthropic,2,0,,$500 million | billions\n");

  auto compare = RunNewsfacts("compare --db facts.db --entity openai", dir.path());
  ASSERT_EQ(compare.exit_code, 0) << compare.output;
  EXPECT_EQ(
      compare.output.rfind("Microsoft invested_in OpenAI: CONFLICT, 3 articles, 1 source\n", 0), 0u)
      << compare.output;
  EXPECT_NE(compare.output.find("      > Microsoft invested $10 billion in OpenAI, according to "
                                "a person familiar with the matter.\n"),
            std::string::npos)
      << compare.output;
  EXPECT_NE(compare.output.find("\n1 fact: 0 agree, 1 conflict, 0 unconfirmed\n"),
            std::string::npos)
      << compare.output;
}

}  // namespace
}  // namespace newsfacts
