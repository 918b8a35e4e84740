// CompareFacts without claims (CompareOptions::read_claims false) and ClaimReader, which the
// report uses to read only what it shows: together they give what CompareFacts gives when it
// reads every claim, with and without --since and --entity.
#include "db/claim_reader.h"

#include <gtest/gtest.h>

#include <string>
#include <tuple>
#include <vector>

#include "db/compare.h"
#include "db/fact_store.h"
#include "tests/db/db_test_util.h"
#include "tests/db/store_test_util.h"

namespace newsfacts {
namespace {

using testing::BuildClaimArticle;
using testing::ClaimArticle;
using testing::Exact;
using testing::Money;
using testing::TempDir;

ClaimArticle Article(std::string path, std::string source, std::string date, std::string subject,
                     std::string predicate, std::string object, const Money& money,
                     std::string event_date = "") {
  ClaimArticle article;
  article.path = std::move(path);
  article.source = std::move(source);
  article.published = std::move(date);
  article.subject = std::move(subject);
  article.predicate = std::move(predicate);
  article.object = std::move(object);
  article.event_date = std::move(event_date);
  article.sentence = article.subject + " " + article.predicate + " " + article.object +
                     (article.object.empty() ? "" : " ") + "for " + money.text + ".";
  article.money = money;
  return article;
}

// Three facts: an acquisition in conflict, a raise told on four days (one an event date), an
// investment two outlets agree on.
std::string WriteCorpus(const TempDir& folder) {
  const std::string path = folder.File("facts.db");
  const Money m500 = Exact("$500 million", "500000000");
  const Money m700 = Exact("$700 million", "700000000");
  const Money b1 = Exact("$1 billion", "1000000000");
  const std::vector<ClaimArticle> articles = {
      Article("a1.txt", "Wire A", "2024-05-01", "Contoso", "acquired", "Fabrikam", m500),
      Article("a2.txt", "Wire B", "2024-05-02", "Contoso", "acquired", "Fabrikam", m500),
      Article("a3.txt", "Wire C", "2024-05-03", "Contoso", "acquired", "Fabrikam", m700),
      Article("c1.txt", "Wire C", "2024-07-01", "Litware", "raised", "", m700),
      Article("c2.txt", "", "2024-07-02", "Litware", "raised", "", m700),
      Article("c3.txt", "Wire A", "2023-01-01", "Litware", "raised", "", b1, "2024-06"),
      Article("b1.txt", "Wire A", "2024-06-01", "Northwind", "invested_in", "Tailspin", b1),
      Article("b2.txt", "Wire B", "2024-06-02", "Northwind", "invested_in", "Tailspin", b1),
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
  EXPECT_TRUE((*store)->FinishRun(*run, {}).ok());
  return path;
}

// Everything a claim shows, as one comparable value.
std::vector<std::string> Shown(const ComparedClaim& claim) {
  return {std::to_string(claim.claim_id),
          std::to_string(claim.article_id),
          claim.amount,
          claim.value,
          claim.currency,
          claim.status,
          claim.speaker,
          claim.venue,
          claim.title,
          claim.source,
          claim.published,
          claim.path,
          claim.evidence,
          claim.amount_role,
          claim.stage,
          claim.event_date,
          claim.event_date_text};
}

std::vector<std::vector<std::string>> Shown(const std::vector<ComparedClaim>& claims) {
  std::vector<std::vector<std::string>> shown;
  for (const ComparedClaim& claim : claims) shown.push_back(Shown(claim));
  return shown;
}

// A fact without its claims, as one comparable value.
auto Counted(const ComparedFact& fact) {
  return std::make_tuple(fact.subject, fact.predicate, fact.object, fact.subject_id, fact.object_id,
                         fact.claim_count, fact.articles, fact.sources,
                         static_cast<int>(fact.verdict), fact.conflicts, fact.conflict_pairs);
}

struct Filter {
  std::string since;
  std::string entity;
};

TEST(ClaimReaderTest, CountsAndReadClaimsEqualWhatReadingEveryClaimGives) {
  TempDir folder;
  const std::string path = WriteCorpus(folder);
  for (const Filter& filter : {Filter{"", ""}, Filter{"2024-05-02", ""}, Filter{"", "Fabrikam"},
                               Filter{"2024-06", "litware"}}) {
    SCOPED_TRACE("since " + filter.since + ", entity " + filter.entity);
    CompareOptions options;
    options.since = filter.since;
    options.entity = filter.entity;
    options.min_articles = 1;
    options.pairs_per_fact = 1;
    auto every = CompareFacts(path, options);
    ASSERT_TRUE(every.ok()) << every.status().ToString();
    options.read_claims = false;
    auto counted = CompareFacts(path, options);
    ASSERT_TRUE(counted.ok()) << counted.status().ToString();
    ASSERT_EQ(counted->facts.size(), every->facts.size());
    ASSERT_FALSE(every->facts.empty());

    auto reader = ClaimReader::Open(path, filter.since);
    ASSERT_TRUE(reader.ok()) << reader.status().ToString();
    for (size_t i = 0; i < every->facts.size(); ++i) {
      const ComparedFact& all = every->facts[i];
      const ComparedFact& fact = counted->facts[i];
      SCOPED_TRACE(all.subject + " " + all.predicate);
      EXPECT_TRUE(fact.claims.empty());
      EXPECT_EQ(Counted(fact), Counted(all));
      auto story = (*reader)->StoryClaims(fact, -1);
      ASSERT_TRUE(story.ok());
      EXPECT_EQ(Shown(*story), Shown(all.claims));
      auto first = (*reader)->StoryClaims(fact, 1);
      ASSERT_TRUE(first.ok());
      EXPECT_EQ(Shown(*first), Shown(std::vector<ComparedClaim>{all.claims.front()}));
      auto articles = (*reader)->StoryArticles(fact);
      ASSERT_TRUE(articles.ok());
      EXPECT_EQ(articles->size(), static_cast<size_t>(all.articles));
      EXPECT_EQ(articles->front(), all.claims.front().article_id);
      for (const ComparedClaim& claim : all.claims) {
        auto read = (*reader)->Claim(claim.claim_id);
        ASSERT_TRUE(read.ok());
        ASSERT_TRUE(read->has_value());
        EXPECT_EQ(Shown(**read), Shown(claim));
        auto of_article = (*reader)->ArticleClaims(claim.article_id);
        ASSERT_TRUE(of_article.ok());
        ASSERT_EQ(of_article->size(), 1u);
        EXPECT_EQ((*of_article)[0].subject_id, fact.subject_id);
        EXPECT_EQ((*of_article)[0].predicate, fact.predicate);
        EXPECT_EQ((*of_article)[0].object_id, fact.object_id);
        EXPECT_EQ(Shown((*of_article)[0].claim), Shown(claim));
      }
    }
  }
}

TEST(ClaimReaderTest, SourcesAndAmountsAreDistinctInByteOrder) {
  TempDir folder;
  const std::string path = WriteCorpus(folder);
  CompareOptions options;
  options.entity = "Litware";
  options.min_articles = 1;
  options.read_claims = false;
  auto comparison = CompareFacts(path, options);
  ASSERT_TRUE(comparison.ok()) << comparison.status().ToString();
  ASSERT_EQ(comparison->facts.size(), 1u);
  auto reader = ClaimReader::Open(path, "");
  ASSERT_TRUE(reader.ok());
  auto distinct = (*reader)->SourcesAndAmounts(comparison->facts[0]);
  ASSERT_TRUE(distinct.ok());
  EXPECT_EQ(distinct->first, (std::vector<std::string>{"Wire A", "Wire C"}));
  EXPECT_EQ(distinct->second, (std::vector<std::string>{"$1 billion", "$700 million"}));
  // --since 2024 leaves out c3.txt, the only $1 billion.
  auto since = ClaimReader::Open(path, "2024");
  ASSERT_TRUE(since.ok());
  distinct = (*since)->SourcesAndAmounts(comparison->facts[0]);
  ASSERT_TRUE(distinct.ok());
  EXPECT_EQ(distinct->first, (std::vector<std::string>{"Wire C"}));
  EXPECT_EQ(distinct->second, (std::vector<std::string>{"$700 million"}));
}

TEST(ClaimReaderTest, ClaimsByStepDateSortByDayThenFactOrderAndCountThemAll) {
  TempDir folder;
  const std::string path = WriteCorpus(folder);
  CompareOptions options;
  options.min_articles = 1;
  options.read_claims = false;
  auto comparison = CompareFacts(path, options);
  ASSERT_TRUE(comparison.ok()) << comparison.status().ToString();
  const ComparedFact* raised = nullptr;
  const ComparedFact* acquired = nullptr;
  for (const ComparedFact& fact : comparison->facts) {
    if (fact.predicate == "raised") raised = &fact;
    if (fact.predicate == "acquired") acquired = &fact;
  }
  ASSERT_NE(raised, nullptr);
  ASSERT_NE(acquired, nullptr);
  auto reader = ClaimReader::Open(path, "");
  ASSERT_TRUE(reader.ok());
  // c3.txt was published in 2023 but dates the raise 2024-06: it comes after May's articles.
  auto page = (*reader)->ClaimsByStepDate({raised, acquired}, 4);
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  EXPECT_EQ(page->total, 6);
  std::vector<std::pair<size_t, std::string>> order;
  for (const auto& [fact, claim] : page->claims) order.emplace_back(fact, claim.path);
  EXPECT_EQ(order, (std::vector<std::pair<size_t, std::string>>{
                       {1, "a1.txt"}, {1, "a2.txt"}, {1, "a3.txt"}, {0, "c3.txt"}}));
  auto counted = (*reader)->ClaimsByStepDate({raised}, 0);
  ASSERT_TRUE(counted.ok());
  EXPECT_TRUE(counted->claims.empty());
  EXPECT_EQ(counted->total, 3);
}

}  // namespace
}  // namespace newsfacts
