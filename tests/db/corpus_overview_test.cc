// ReadCorpusOverview: articles by outlet and month, claims by predicate and status, the
// counts, the --since filter and the top-N cut.
#include "db/corpus_overview.h"

#include <gtest/gtest.h>

#include <vector>

#include "db/fact_store.h"
#include "tests/db/db_test_util.h"
#include "tests/db/store_test_util.h"

namespace newsfacts {
namespace {

using testing::BuildClaimArticle;
using testing::ClaimArticle;
using testing::TempDir;

ClaimArticle Article(std::string path, std::string source, std::string published,
                     std::string predicate, ClaimStatus status) {
  ClaimArticle article;
  article.path = std::move(path);
  article.source = std::move(source);
  article.published = std::move(published);
  article.subject = "Contoso";
  article.predicate = std::move(predicate);
  article.object = "Fabrikam";
  article.sentence = "Contoso " + article.predicate + " Fabrikam.";
  article.status = status;
  return article;
}

std::string StoreCorpus(const TempDir& folder) {
  const std::string path = folder.File("overview.db");
  const std::vector<ClaimArticle> articles = {
      Article("a.txt", "Wire A", "2024-01-05", "acquired", ClaimStatus::kAsserted),
      Article("b.txt", "Wire A", "2024-03-02", "acquired", ClaimStatus::kHedged),
      Article("c.txt", "Wire B", "2024-03-09T10:00:00Z", "acquired", ClaimStatus::kAsserted),
      Article("d.txt", "", "", "partnered_with", ClaimStatus::kAsserted),
  };
  auto store = FactStore::Open(path);
  EXPECT_TRUE(store.ok()) << store.status().ToString();
  if (!store.ok()) return path;
  auto run = (*store)->BeginRun({"test", "rules"});
  EXPECT_TRUE(run.ok());
  for (const ClaimArticle& article : articles) {
    Status status = (*store)->WriteArticle(BuildClaimArticle(article), article.path, *run);
    EXPECT_TRUE(status.ok()) << status.ToString();
  }
  return path;
}

std::vector<std::string> Lines(const std::vector<LabelCount>& rows) {
  std::vector<std::string> lines;
  for (const LabelCount& row : rows) lines.push_back(row.label + "=" + std::to_string(row.count));
  return lines;
}

TEST(CorpusOverviewTest, CountsArticlesByOutletAndMonthAndClaimsByPredicateAndStatus) {
  TempDir folder;
  auto overview = ReadCorpusOverview(StoreCorpus(folder), "", 10);
  ASSERT_TRUE(overview.ok()) << overview.status().ToString();
  EXPECT_EQ(overview->articles, 4);
  EXPECT_EQ(overview->claims, 4);
  EXPECT_EQ(overview->outlets, 2);
  EXPECT_EQ(overview->entities, 2);
  EXPECT_EQ(Lines(overview->sources), (std::vector<std::string>{"Wire A=2", "=1", "Wire B=1"}));
  EXPECT_EQ(Lines(overview->months), (std::vector<std::string>{"2024-01=1", "2024-03=2", "=1"}));
  ASSERT_EQ(overview->top_entities.size(), 2u);
  EXPECT_EQ(overview->top_entities[0].articles, 4);
  std::vector<std::string> claims;
  for (const PredicateStatusCount& c : overview->claim_counts) {
    claims.push_back(c.predicate + "/" + c.status + "=" + std::to_string(c.count));
  }
  EXPECT_EQ(claims, (std::vector<std::string>{"acquired/asserted=2", "acquired/hedged=1",
                                              "partnered_with/asserted=1"}));
}

TEST(CorpusOverviewTest, SinceAndTopNarrowIt) {
  TempDir folder;
  auto overview = ReadCorpusOverview(StoreCorpus(folder), "2024-03", 1);
  ASSERT_TRUE(overview.ok()) << overview.status().ToString();
  EXPECT_EQ(overview->articles, 2);
  EXPECT_EQ(overview->claims, 2);
  EXPECT_EQ(Lines(overview->sources), (std::vector<std::string>{"Wire A=1"}));
  EXPECT_EQ(Lines(overview->months), (std::vector<std::string>{"2024-03=2"}));
  EXPECT_EQ(overview->top_entities.size(), 1u);
}

TEST(CorpusOverviewTest, AMissingFileIsNamed) {
  TempDir folder;
  auto overview = ReadCorpusOverview(folder.File("none.db"), "", 10);
  ASSERT_FALSE(overview.ok());
  EXPECT_NE(overview.status().message().find("none.db"), std::string::npos);
}

}  // namespace
}  // namespace newsfacts
