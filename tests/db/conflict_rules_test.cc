// The comparison rules of the `conflicts` view (issue 14), as a table of claim pairs from two
// articles that must or must not conflict: like is compared with like (amount role, event
// dates, as-of dates of totals), a part never, a per-unit price never against a whole.
#include <gtest/gtest.h>

#include <string>
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
using testing::ReadInt;
using testing::TempDir;

// One side of a pair: "Contoso <predicate> Fabrikam" for `money` with a role and dates.
struct Side {
  std::string predicate = "invested_in";
  Money money;
  std::string role;        // amount_role, empty for none
  std::string event_date;  // empty for unknown
  std::string published;   // the article's published date
  ClaimStatus status = ClaimStatus::kAsserted;
};

struct PairCase {
  std::string name;
  Side a;
  Side b;
  bool conflict;
};

ClaimArticle Article(const std::string& path, const Side& side) {
  ClaimArticle article;
  article.path = path;
  article.source = path;
  article.sentence = "Contoso put " + side.money.text + " into Fabrikam.";
  article.subject = "Contoso";
  article.predicate = side.predicate;
  article.object = "Fabrikam";
  article.money = side.money;
  article.amount_role = side.role;
  article.event_date = side.event_date;
  article.published = side.published;
  article.status = side.status;
  return article;
}

Side S(const char* text, const char* value, const char* role, const char* event_date = "",
       const char* published = "", const char* predicate = "invested_in") {
  return {predicate, Exact(text, value), role, event_date, published};
}

std::vector<PairCase> Cases() {
  const char* b2 = "2000000000";
  const char* b26 = "2600000000";
  return {
      // Must conflict: the same kind of money, at a time when both can be true.
      {"two totals disagree", S("$2 billion", b2, "total"), S("$2.6 billion", b26, "total"), true},
      {"totals published within a quarter disagree", S("$2 billion", b2, "total", "", "2025-03-05"),
       S("$2.6 billion", b26, "total", "", "2025-03-06"), true},
      {"a total dated by the day against one dated by its month",
       S("$2 billion", b2, "total", "2025-03-04"), S("$2.6 billion", b26, "total", "2025-03"),
       true},
      {"an undated investment with no role reads as the total",
       S("$13 billion", "13000000000", "total"), S("$10 billion", "10000000000", ""), true},
      {"tranches of the same day disagree",
       S("$1.5 billion", "1500000000", "tranche", "2025-03-04"),
       S("$1.2 billion", "1200000000", "tranche", "2025-03-04"), true},
      {"a tranche of unknown date against a dated one", S("$1.5 billion", "1500000000", "tranche"),
       S("$1.2 billion", "1200000000", "tranche", "2025-03-04"), true},
      {"two deal values, one stated as a total",
       S("$28 billion", "28000000000", "total", "2023-09", "", "acquired"),
       S("$32 billion", "32000000000", "unspecified", "2024-03-18", "", "acquired"), true},
      {"two per-share prices", S("$31", "31", "per_unit", "", "", "acquired"),
       S("$33", "33", "per_unit", "", "", "acquired"), true},
      // Must not conflict.
      {"a first tranche never conflicts with a running total",
       S("$1 billion", "1000000000", "tranche", "2019"), S("$13 billion", "13000000000", "total"),
       false},
      {"a tranche and the total it brings", S("$4 billion", "4000000000", "tranche"),
       S("$8 billion", "8000000000", "total"), false},
      {"a dated investment with no role is a tranche, not the total",
       S("$500 million", "500000000", "", "2022"), S("$2 billion", b2, "total"), false},
      {"an announced investment with no role is new money, not the total",
       {"invested_in", Exact("up to $4 billion", "4000000000"), "", "", "", ClaimStatus::kPlanned},
       S("$8 billion", "8000000000", "total"),
       false},
      {"a part never conflicts with the whole", S("$4 billion", "4000000000", "part"),
       S("$8 billion", "8000000000", "total"), false},
      {"two parts are never compared", S("$4 billion", "4000000000", "part"),
       S("$1 billion", "1000000000", "part"), false},
      {"a per-share price never conflicts with the deal value",
       S("$157", "157", "per_unit", "", "", "acquired"),
       S("$28 billion", "28000000000", "unspecified", "", "", "acquired"), false},
      {"tranches of different dates are two payments",
       S("$1 billion", "1000000000", "tranche", "2019"), S("$2 billion", b2, "tranche", "2021"),
       false},
      {"totals of moments far apart are two moments",
       S("$4 billion", "4000000000", "total", "", "2023-09-25"),
       S("$8 billion", "8000000000", "total", "", "2024-11-22"), false},
      {"totals with different event dates", S("$4 billion", "4000000000", "total", "2023"),
       S("$8 billion", "8000000000", "total", "2024"), false},
      {"a valuation never conflicts with a raise",
       S("$61.5 billion", "61500000000", "valuation", "", "", "raised"),
       S("$3.5 billion", "3500000000", "unspecified", "", "", "raised"), false},
      {"equal totals agree", S("$2 billion", b2, "total"), S("$2.0 billion", b2, "total"), false},
      {"different currencies are not compared",
       S("$2 billion", b2, "total"),
       {"invested_in", Exact("€2.6 billion", b26, "EUR"), "total", "", ""},
       false},
  };
}

TEST(ConflictRulesTest, PairsConflictOnlyWhenBothCanBeTrueOnlyIfTheyAgree) {
  for (const PairCase& c : Cases()) {
    SCOPED_TRACE(c.name);
    TempDir folder;
    const std::string path = folder.File("pairs.db");
    {
      auto store = FactStore::Open(path);
      ASSERT_TRUE(store.ok()) << store.status().ToString();
      auto run = (*store)->BeginRun({"test", "rules"});
      ASSERT_TRUE(run.ok());
      for (const auto& [name, side] : {std::pair{"a.txt", &c.a}, std::pair{"b.txt", &c.b}}) {
        const Status status =
            (*store)->WriteArticle(BuildClaimArticle(Article(name, *side)), name, *run);
        ASSERT_TRUE(status.ok()) << status.ToString();
      }
    }
    EXPECT_EQ(ReadInt(path, "SELECT count(*) FROM conflicts"), c.conflict ? 1 : 0);
  }
}

}  // namespace
}  // namespace newsfacts
