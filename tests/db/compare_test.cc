// CompareFacts: grouping claims by (subject, predicate, object), the verdict from the
// conflicts and agreements views, filters, and errors.
#include "db/compare.h"

#include <gtest/gtest.h>

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
