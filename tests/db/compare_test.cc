// CompareFacts: grouping claims by (subject, predicate, object), the verdict from the
// conflicts and agreements views, filters, and errors.
#include "db/compare.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <utility>
#include <vector>

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

ClaimArticle Claim(std::string path, std::string source, std::string published, std::string subject,
                   std::string predicate, std::string object, std::optional<Money> money) {
  ClaimArticle article;
  article.path = std::move(path);
  article.source = std::move(source);
  article.published = std::move(published);
  article.sentence = subject + " " + predicate + " " + object;
  if (money.has_value()) article.sentence += " for " + money->text;
  article.sentence += ".";
  article.subject = std::move(subject);
  article.predicate = std::move(predicate);
  article.object = std::move(object);
  article.money = std::move(money);
  return article;
}

// Three facts: Contoso acquired Fabrikam (a conflict), Tailspin invested in Northwind (two
// articles agree) and Northwind partnered with Contoso (one article).
std::string StoreCorpus(const TempDir& folder) {
  const std::string path = folder.File("compare.db");
  const std::vector<ClaimArticle> articles = {
      Claim("a.txt", "Wire A", "2024-03-01", "Contoso", "acquired", "Fabrikam",
            Exact("$4 billion", "4000000000")),
      Claim("b.txt", "Wire B", "2024-03-02", "Contoso", "acquired", "Fabrikam",
            Exact("$5 billion", "5000000000")),
      Claim("c.txt", "", "", "Contoso", "acquired", "Fabrikam", Exact("$4bn", "4000000000")),
      Claim("d.txt", "Wire A", "2024-01-05", "Tailspin", "invested_in", "Northwind",
            Exact("$7 million", "7000000")),
      Claim("e.txt", "Wire B", "2024-01-06", "Tailspin", "invested_in", "Northwind",
            Exact("$7M", "7000000")),
      Claim("f.txt", "Wire C", "2024-02-01", "Northwind", "partnered_with", "Contoso",
            std::nullopt),
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

// One line per fact: "subject predicate object: verdict articles/sources claims [conflicts]".
std::vector<std::string> Summarize(const Comparison& comparison) {
  std::vector<std::string> lines;
  for (const ComparedFact& fact : comparison.facts) {
    std::string line = fact.subject + " " + fact.predicate + " " + fact.object + ": " +
                       std::string(VerdictName(fact.verdict)) + " " +
                       std::to_string(fact.articles) + "/" + std::to_string(fact.sources);
    for (const ComparedClaim& claim : fact.claims) line += " " + claim.path;
    line += " conflicts=" + std::to_string(fact.conflicts.size());
    lines.push_back(line);
  }
  lines.push_back("hidden=" + std::to_string(comparison.hidden));
  return lines;
}

TEST(CompareTest, GroupsFiltersAndJudgesEachFact) {
  TempDir folder;
  const std::string path = StoreCorpus(folder);
  struct Case {
    std::string name;
    CompareOptions options;
    std::vector<std::string> expected;
  };
  const Case cases[] = {
      {"defaults: facts of two or more articles, most articles first",
       {},
       {"Contoso acquired Fabrikam: conflict 3/2 a.txt b.txt c.txt conflicts=2",
        "Tailspin invested_in Northwind: agree 2/2 d.txt e.txt conflicts=0", "hidden=1"}},
      {"every fact",
       {"", "", 1},
       {"Contoso acquired Fabrikam: conflict 3/2 a.txt b.txt c.txt conflicts=2",
        "Tailspin invested_in Northwind: agree 2/2 d.txt e.txt conflicts=0",
        "Northwind partnered_with Contoso: unconfirmed 1/1 f.txt conflicts=0", "hidden=0"}},
      {"an entity as subject or object, by alias in another case",
       {"NORTHWIND INC", "", 1},
       {"Tailspin invested_in Northwind: agree 2/2 d.txt e.txt conflicts=0",
        "Northwind partnered_with Contoso: unconfirmed 1/1 f.txt conflicts=0", "hidden=0"}},
      {"an entity by key and a predicate",
       {"contoso", "acquired", 1},
       {"Contoso acquired Fabrikam: conflict 3/2 a.txt b.txt c.txt conflicts=2", "hidden=0"}},
      {"a predicate no claim has", {"", "sold", 1}, {"hidden=0"}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    StatusOr<Comparison> comparison = CompareFacts(path, c.options);
    ASSERT_TRUE(comparison.ok()) << comparison.status().ToString();
    EXPECT_EQ(Summarize(*comparison), c.expected);
  }
}

TEST(CompareTest, SinceKeepsTheClaimsOfLaterArticlesAndJudgesOnThemAlone) {
  TempDir folder;
  const std::string path = StoreCorpus(folder);
  struct Case {
    std::string since;
    std::vector<std::string> expected;
  };
  const Case cases[] = {
      // a.txt is older and c.txt undated: b.txt's $5 billion is left alone, unconfirmed.
      {"2024-03-02", {"Contoso acquired Fabrikam: unconfirmed 1/1 b.txt conflicts=0", "hidden=0"}},
      // Tailspin's second article alone no longer makes an agreement.
      {"2024-01-06",
       {"Contoso acquired Fabrikam: conflict 2/2 a.txt b.txt conflicts=1",
        "Tailspin invested_in Northwind: unconfirmed 1/1 e.txt conflicts=0",
        "Northwind partnered_with Contoso: unconfirmed 1/1 f.txt conflicts=0", "hidden=0"}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.since);
    CompareOptions options;
    options.min_articles = 1;
    options.since = c.since;
    auto comparison = CompareFacts(path, options);
    ASSERT_TRUE(comparison.ok()) << comparison.status().ToString();
    EXPECT_EQ(Summarize(*comparison), c.expected);
  }
}

TEST(CompareTest, SinceJudgesAFactInConflictOnlyOnTheClaimsKept) {
  TempDir folder;
  const std::string path = folder.File("since.db");
  {
    auto store = FactStore::Open(path);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    auto run = (*store)->BeginRun({"test", "rules"});
    ASSERT_TRUE(run.ok());
    // The older article conflicts with the two later ones, which agree with each other.
    for (const ClaimArticle& article :
         {Claim("a.txt", "Wire A", "2024-03-01", "Contoso", "acquired", "Fabrikam",
                Exact("$4 billion", "4000000000")),
          Claim("b.txt", "Wire B", "2024-03-05", "Contoso", "acquired", "Fabrikam",
                Exact("$5 billion", "5000000000")),
          Claim("c.txt", "Wire C", "2024-03-06", "Contoso", "acquired", "Fabrikam",
                Exact("$5bn", "5000000000"))}) {
      Status status = (*store)->WriteArticle(BuildClaimArticle(article), article.path, *run);
      ASSERT_TRUE(status.ok()) << status.ToString();
    }
  }
  CompareOptions options;
  options.min_articles = 1;
  auto all = CompareFacts(path, options);
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  EXPECT_EQ(
      Summarize(*all),
      (std::vector<std::string>{
          "Contoso acquired Fabrikam: conflict 3/3 a.txt b.txt c.txt conflicts=2", "hidden=0"}));
  options.since = "2024-03-02";
  auto later = CompareFacts(path, options);
  ASSERT_TRUE(later.ok()) << later.status().ToString();
  EXPECT_EQ(Summarize(*later),
            (std::vector<std::string>{
                "Contoso acquired Fabrikam: agree 2/2 b.txt c.txt conflicts=0", "hidden=0"}));
}

// Contoso acquired Fabrikam for $4 billion in four articles, $5 billion in three and $6
// billion in two: 4*3 + 4*2 + 3*2 = 26 conflicting pairs of three pairs of amounts.
std::string StoreRepeatedConflict(const TempDir& folder) {
  const std::string path = folder.File("repeated.db");
  auto store = FactStore::Open(path);
  EXPECT_TRUE(store.ok()) << store.status().ToString();
  if (!store.ok()) return path;
  auto run = (*store)->BeginRun({"test", "rules"});
  EXPECT_TRUE(run.ok());
  const std::vector<std::pair<int, Money>> amounts = {{4, Exact("$4 billion", "4000000000")},
                                                      {3, Exact("$5 billion", "5000000000")},
                                                      {2, Exact("$6 billion", "6000000000")}};
  int day = 0;
  for (const auto& [copies, money] : amounts) {
    for (int copy = 0; copy < copies; ++copy) {
      ++day;
      const std::string number = std::to_string(day);
      std::string published = "2024-03-0";
      published += number;
      const ClaimArticle article =
          Claim(number + ".txt", "Wire", published, "Contoso", "acquired", "Fabrikam", money);
      Status status = (*store)->WriteArticle(BuildClaimArticle(article), article.path, *run);
      EXPECT_TRUE(status.ok()) << status.ToString();
    }
  }
  return path;
}

TEST(CompareTest, PairsPerFactCutsTheListButCountsEveryPair) {
  TempDir folder;
  const std::string path = StoreRepeatedConflict(folder);
  std::vector<std::pair<int64_t, int64_t>> view;
  for (const std::vector<std::string>& row :
       testing::ReadRows(path, "SELECT claim_a, claim_b FROM conflicts ORDER BY 1, 2")) {
    view.emplace_back(std::stoll(row[0]), std::stoll(row[1]));
  }
  ASSERT_EQ(view.size(), 26u);

  StatusOr<Comparison> all = CompareFacts(path, {});
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  ASSERT_EQ(all->facts.size(), 1u);
  EXPECT_EQ(all->facts[0].conflicts, view);
  EXPECT_EQ(all->facts[0].conflict_pairs, 26);

  CompareOptions cut;
  cut.pairs_per_fact = 5;
  StatusOr<Comparison> some = CompareFacts(path, cut);
  ASSERT_TRUE(some.ok()) << some.status().ToString();
  const ComparedFact& fact = some->facts[0];
  EXPECT_EQ(fact.verdict, Verdict::kConflict);
  EXPECT_EQ(fact.conflict_pairs, 26);
  ASSERT_EQ(fact.conflicts.size(), 5u);
  EXPECT_TRUE(std::is_sorted(fact.conflicts.begin(), fact.conflicts.end()));
  std::set<std::pair<std::string, std::string>> amounts;
  for (const auto& pair : fact.conflicts) {
    EXPECT_NE(std::find(view.begin(), view.end(), pair), view.end());
    std::string a;
    std::string b;
    for (const ComparedClaim& claim : fact.claims) {
      if (claim.claim_id == pair.first) a = claim.amount;
      if (claim.claim_id == pair.second) b = claim.amount;
    }
    amounts.emplace(a, b);
  }
  EXPECT_EQ(amounts.size(), 3u) << "each pair of amounts is shown";

  // From March 7 on: one $5 billion and two $6 billion articles, two pairs.
  cut.since = "2024-03-07";
  StatusOr<Comparison> later = CompareFacts(path, cut);
  ASSERT_TRUE(later.ok()) << later.status().ToString();
  EXPECT_EQ(later->facts[0].conflict_pairs, 2);
  EXPECT_EQ(later->facts[0].conflicts.size(), 2u);
}

TEST(CompareTest, ErrorsNameTheFileAndSayWhatToDo) {
  TempDir folder;
  const std::string path = StoreCorpus(folder);
  const std::string missing = folder.File("missing.db");
  struct Case {
    std::string path;
    std::string entity;
    StatusCode code;
    std::string message;
  };
  const Case cases[] = {
      {missing, "", StatusCode::kNotFound,
       missing + ": no database here; run `newsfacts ingest DIR --db " + missing + "` first"},
      {path, "Globex", StatusCode::kNotFound,
       path + ": no entity named \"Globex\"; list them with `newsfacts query \"SELECT key, "
              "name FROM entities ORDER BY name\"`"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.message);
    CompareOptions options;
    options.entity = c.entity;
    StatusOr<Comparison> comparison = CompareFacts(c.path, options);
    ASSERT_FALSE(comparison.ok());
    EXPECT_EQ(comparison.status().code(), c.code);
    EXPECT_EQ(comparison.status().message(), c.message);
  }
}

}  // namespace
}  // namespace newsfacts
