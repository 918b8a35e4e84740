// The friendly views: exact rows of `conflicts` and `agreements` for real conflicts,
// restatements, approximations, vague amounts, conversions and statuses; `stated_facts`, `facts`,
// `entity_articles` and the full-text index over sentences.
#include <gtest/gtest.h>

#include <vector>

#include "db/fact_store.h"
#include "tests/db/db_test_util.h"
#include "tests/db/store_test_util.h"

namespace newsfacts {
namespace {

using testing::Approximate;
using testing::AtLeast;
using testing::BuildClaimArticle;
using testing::ClaimArticle;
using testing::Exact;
using testing::Money;
using testing::ReadRows;
using testing::Rows;
using testing::TempDir;
using testing::Undisclosed;
using testing::Vague;

constexpr char kConflictColumns[] =
    "SELECT subject, predicate, coalesce(object, '-'), amount_a, value_a, amount_b, value_b, "
    "article_a, article_b FROM conflicts ORDER BY claim_a, claim_b";
constexpr char kAgreementColumns[] =
    "SELECT subject, predicate, coalesce(object, '-'), articles, sources, "
    "coalesce(source_names, '-'), coalesce(amounts, '-') FROM agreements "
    "ORDER BY subject, predicate, object";

// "Contoso invested <money> in Fabrikam." from `path`, published by `source`.
ClaimArticle Invested(std::string path, std::string source, const Money& money) {
  ClaimArticle article;
  article.path = std::move(path);
  article.source = std::move(source);
  article.sentence = "Contoso invested " + money.text + " in Fabrikam.";
  article.subject = "Contoso";
  article.predicate = "invested_in";
  article.object = "Fabrikam";
  article.money = money;
  return article;
}

// Writes `articles` into a new database at `path`.
void Store(const std::string& path, const std::vector<ClaimArticle>& articles) {
  auto store = FactStore::Open(path);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  auto run = (*store)->BeginRun({"test", "rules"});
  ASSERT_TRUE(run.ok());
  for (const ClaimArticle& article : articles) {
    Status status = (*store)->WriteArticle(BuildClaimArticle(article), article.path, *run);
    ASSERT_TRUE(status.ok()) << status.ToString();
  }
  ASSERT_TRUE((*store)->FinishRun(*run, {}).ok());
}

struct ViewCase {
  std::string name;
  std::vector<ClaimArticle> articles;
  Rows conflicts;
  Rows agreements;
};

std::vector<ViewCase> ViewCases() {
  const Money b13 = Exact("$13 billion", "13000000000");
  const Money bn13 = Exact("$13bn", "13000000000");
  const Money b10 = Exact("$10 billion", "10000000000");
  std::vector<ViewCase> cases;

  cases.push_back({"a real conflict is listed once, with both values and articles",
                   {Invested("a.txt", "Wire A", b13), Invested("b.txt", "Wire B", b10)},
                   {{"Contoso", "invested_in", "Fabrikam", "$13 billion", "13000000000",
                     "$10 billion", "10000000000", "a.txt", "b.txt"}},
                   {}});
  cases.push_back({"equal amounts written differently agree",
                   {Invested("a.txt", "Wire A", b13), Invested("b.txt", "Wire B", bn13)},
                   {},
                   {{"Contoso", "invested_in", "Fabrikam", "2", "2", "Wire A, Wire B",
                     "$13 billion | $13bn"}}});
  cases.push_back(
      {"an approximate amount agrees with a figure inside its bounds",
       {Invested("a.txt", "Wire A",
                 Approximate("about $13 billion", "13000000000", "11700000000", "14300000000")),
        Invested("b.txt", "Wire B", Exact("$12.5 billion", "12500000000"))},
       {},
       {{"Contoso", "invested_in", "Fabrikam", "2", "2", "Wire A, Wire B",
         "$12.5 billion | about $13 billion"}}});
  cases.push_back(
      {"an approximate amount conflicts with a figure outside its bounds",
       {Invested("a.txt", "Wire A",
                 Approximate("about $10 billion", "10000000000", "9000000000", "11000000000")),
        Invested("b.txt", "Wire B", b13)},
       {{"Contoso", "invested_in", "Fabrikam", "about $10 billion", "10000000000", "$13 billion",
         "13000000000", "a.txt", "b.txt"}},
       {}});
  cases.push_back({"a vague amount never conflicts, even outside its interval",
                   {Invested("a.txt", "Wire A", Vague("billions", "1000000000", "1000000000000")),
                    Invested("b.txt", "Wire B", Exact("$500 million", "500000000"))},
                   {},
                   {{"Contoso", "invested_in", "Fabrikam", "2", "2", "Wire A, Wire B",
                     "$500 million | billions"}}});
  cases.push_back({"a lower bound agrees with a larger figure",
                   {Invested("a.txt", "Wire A", AtLeast("more than $10 billion", "10000000000")),
                    Invested("b.txt", "", b13)},
                   {},
                   {{"Contoso", "invested_in", "Fabrikam", "2", "1", "Wire A",
                     "$13 billion | more than $10 billion"}}});
  cases.push_back({"a lower bound conflicts with a smaller figure",
                   {Invested("a.txt", "Wire A", AtLeast("more than $10 billion", "10000000000")),
                    Invested("b.txt", "Wire B", Exact("$8 billion", "8000000000"))},
                   {{"Contoso", "invested_in", "Fabrikam", "more than $10 billion", "10000000000",
                     "$8 billion", "8000000000", "a.txt", "b.txt"}},
                   {}});
  cases.push_back({"amounts in different currencies are not compared",
                   {Invested("a.txt", "Wire A",
                             Exact("\xC2\xA3"
                                   "5bn",
                                   "5000000000", "GBP")),
                    Invested("b.txt", "Wire B", Exact("$9bn", "9000000000"))},
                   {},
                   {{"Contoso", "invested_in", "Fabrikam", "2", "2", "Wire A, Wire B",
                     "$9bn | \xC2\xA3"
                     "5bn"}}});
  {
    ClaimArticle converted = Invested("a.txt", "Wire A", Exact("$9.3bn", "9300000000"));
    converted.sentence =
        "Contoso invested $9.3bn (\xC2\xA3"
        "5bn) in Fabrikam.";
    converted.conversion = Exact(
        "\xC2\xA3"
        "5bn",
        "5000000000", "GBP");
    cases.push_back({"a stated conversion is compared in its own currency",
                     {converted,
                      Invested("b.txt", "Wire B",
                               Exact("\xC2\xA3"
                                     "5bn",
                                     "5000000000", "GBP")),
                      Invested("c.txt", "Wire C",
                               Exact("\xC2\xA3"
                                     "7bn",
                                     "7000000000", "GBP"))},
                     {{"Contoso", "invested_in", "Fabrikam", "$9.3bn", "9300000000",
                       "\xC2\xA3"
                       "7bn",
                       "7000000000", "a.txt", "c.txt"},
                      {"Contoso", "invested_in", "Fabrikam",
                       "\xC2\xA3"
                       "5bn",
                       "5000000000",
                       "\xC2\xA3"
                       "7bn",
                       "7000000000", "b.txt", "c.txt"}},
                     {}});
  }
  {
    ClaimArticle to_conversion = Invested("a.txt", "Wire A", Exact("$9.3bn", "9300000000"));
    to_conversion.sentence =
        "Contoso invested $9.3bn (\xC2\xA3"
        "5bn) in Fabrikam.";
    to_conversion.conversion = Exact(
        "\xC2\xA3"
        "5bn",
        "5000000000", "GBP");
    to_conversion.claim_points_to_conversion = true;
    cases.push_back({"a claim pointing at a conversion counts the amount it converts",
                     {to_conversion, Invested("b.txt", "Wire B", Exact("$5bn", "5000000000"))},
                     {{"Contoso", "invested_in", "Fabrikam", "$9.3bn", "9300000000", "$5bn",
                       "5000000000", "a.txt", "b.txt"}},
                     {}});
  }
  {
    ClaimArticle denied = Invested("b.txt", "Wire B", b10);
    denied.sentence = "Contoso did not invest $10 billion in Fabrikam.";
    denied.status = ClaimStatus::kNegated;
    ClaimArticle asked = Invested("c.txt", "Wire C", Exact("$2 billion", "2000000000"));
    asked.sentence = "Did Contoso invest $2 billion in Fabrikam?";
    asked.status = ClaimStatus::kQuestion;
    cases.push_back({"negated and question claims neither conflict nor confirm",
                     {Invested("a.txt", "Wire A", b13), denied, asked},
                     {},
                     {}});
  }
  {
    ClaimArticle hedged = Invested("b.txt", "Wire B", b10);
    hedged.sentence = "Contoso reportedly invested $10 billion in Fabrikam.";
    hedged.status = ClaimStatus::kHedged;
    cases.push_back({"a hedged claim still conflicts",
                     {Invested("a.txt", "Wire A", b13), hedged},
                     {{"Contoso", "invested_in", "Fabrikam", "$13 billion", "13000000000",
                       "$10 billion", "10000000000", "a.txt", "b.txt"}},
                     {}});
  }
  {
    ClaimArticle other = Invested("b.txt", "Wire B", b10);
    other.sentence = "Contoso invested $10 billion in Northwind.";
    other.object = "Northwind";
    cases.push_back({"claims about different objects are not compared",
                     {Invested("a.txt", "Wire A", b13), other},
                     {},
                     {}});
  }
  cases.push_back({"three articles with one outlier: each outlier pair is a conflict",
                   {Invested("a.txt", "Wire A", b13), Invested("b.txt", "Wire B", bn13),
                    Invested("c.txt", "Wire C", b10)},
                   {{"Contoso", "invested_in", "Fabrikam", "$13 billion", "13000000000",
                     "$10 billion", "10000000000", "a.txt", "c.txt"},
                    {"Contoso", "invested_in", "Fabrikam", "$13bn", "13000000000", "$10 billion",
                     "10000000000", "b.txt", "c.txt"}},
                   {}});
  cases.push_back(
      {"the same outlet twice is two articles but one source",
       {Invested("a.txt", "Wire A", b13), Invested("b.txt", "Wire A", bn13)},
       {},
       {{"Contoso", "invested_in", "Fabrikam", "2", "1", "Wire A", "$13 billion | $13bn"}}});
  {
    ClaimArticle a;
    a.path = "a.txt";
    a.source = "Wire A";
    a.sentence = "Northwind raised $20M in a Series B round.";
    a.subject = "Northwind";
    a.predicate = "raised";
    a.money = Exact("$20M", "20000000");
    ClaimArticle b = a;
    b.path = "b.txt";
    b.source = "Wire B";
    b.sentence = "Northwind has raised $20 million.";
    b.money = Exact("$20 million", "20000000");
    ClaimArticle c = a;
    c.path = "c.txt";
    c.sentence = "Contoso partnered with Fabrikam on chips.";
    c.subject = "Contoso";
    c.predicate = "partnered_with";
    c.object = "Fabrikam";
    c.money.reset();
    ClaimArticle d = c;
    d.path = "d.txt";
    d.source = "Wire D";
    d.sentence = "Contoso has partnered with Fabrikam.";
    cases.push_back(
        {"facts without an object or without amounts agree too",
         {a, b, c, d},
         {},
         {{"Contoso", "partnered_with", "Fabrikam", "2", "2", "Wire A, Wire D", "-"},
          {"Northwind", "raised", "-", "2", "2", "Wire A, Wire B", "$20 million | $20M"}}});
  }
  {
    ClaimArticle a;
    a.path = "a.txt";
    a.source = "Wire A";
    a.sentence = "Contoso sold its paper mill for $1 million.";
    a.subject = "Contoso";
    a.predicate = "sold";
    a.described_object = "paper mill";
    a.money = Exact("$1 million", "1000000");
    ClaimArticle b = a;
    b.path = "b.txt";
    b.source = "Wire B";
    b.sentence = "Contoso sold its bottling plant for $5 million.";
    b.described_object = "bottling plant";
    b.money = Exact("$5 million", "5000000");
    cases.push_back({"two things described but not named are not the same object", {a, b}, {}, {}});
  }
  cases.push_back({"an undisclosed sum conflicts with no stated one",
                   {Invested("a.txt", "Wire A", b13),
                    Invested("b.txt", "Wire B", Undisclosed("an undisclosed sum"))},
                   {},
                   {{"Contoso", "invested_in", "Fabrikam", "2", "2", "Wire A, Wire B",
                     "$13 billion | an undisclosed sum"}}});
  cases.push_back({"one article is never in conflict with itself, nor confirms itself",
                   {Invested("a.txt", "Wire A", b13)},
                   {},
                   {}});
  return cases;
}

TEST(ViewsTest, ConflictsAndAgreementsHoldExactlyTheseRows) {
  for (const ViewCase& c : ViewCases()) {
    SCOPED_TRACE(c.name);
    TempDir folder;
    const std::string path = folder.File("views.db");
    Store(path, c.articles);
    EXPECT_EQ(ReadRows(path, kConflictColumns), c.conflicts);
    EXPECT_EQ(ReadRows(path, kAgreementColumns), c.agreements);
  }
}

TEST(ViewsTest, StatedFactsCountTheArticlesAndOutletsThatStateAFact) {
  TempDir folder;
  const std::string path = folder.File("views.db");
  const Money b13 = Exact("$13 billion", "13000000000");
  ClaimArticle denied = Invested("d.txt", "Wire C", b13);
  denied.status = ClaimStatus::kNegated;
  Store(path, {Invested("a.txt", "Wire A", b13), Invested("b.txt", "Wire A", b13),
               Invested("c.txt", "", b13), denied});
  // Three articles, one outlet named; the denial neither counts nor names its outlet.
  EXPECT_EQ(ReadRows(path, "SELECT predicate, articles, sources FROM stated_facts"),
            (Rows{{"invested_in", "3", "1"}}));
}

TEST(ViewsTest, ConflictsCarryBothEvidenceSentencesAndArticleDetails) {
  TempDir folder;
  const std::string path = folder.File("views.db");
  ClaimArticle a = Invested("a.txt", "Wire A", Exact("$13 billion", "13000000000"));
  a.published = "2024-01-02";
  ClaimArticle b = Invested("b.txt", "Wire B", Exact("$10 billion", "10000000000"));
  b.published = "2024-02-03";
  Store(path, {a, b});
  EXPECT_EQ(ReadRows(path,
                     "SELECT evidence_a, evidence_b, source_a, source_b, published_a, "
                     "published_b, currency_a, currency_b, subject_key, object_key "
                     "FROM conflicts"),
            (Rows{{"Contoso invested $13 billion in Fabrikam.",
                   "Contoso invested $10 billion in Fabrikam.", "Wire A", "Wire B", "2024-01-02",
                   "2024-02-03", "USD", "USD", "contoso", "fabrikam"}}));
}

TEST(ViewsTest, FactsShowOneReadableRowPerClaim) {
  TempDir folder;
  const std::string path = folder.File("views.db");
  ClaimArticle converted = Invested("a.txt", "Wire A", Exact("$9.3bn", "9300000000"));
  converted.sentence =
      "Contoso invested $9.3bn (\xC2\xA3"
      "5bn) in Fabrikam.";
  converted.conversion = Exact(
      "\xC2\xA3"
      "5bn",
      "5000000000", "GBP");
  converted.claim_points_to_conversion = true;
  converted.published = "2024-05-06";
  ClaimArticle raised;
  raised.path = "b.txt";
  raised.sentence = "Northwind raised money.";
  raised.subject = "Northwind";
  raised.predicate = "raised";
  raised.status = ClaimStatus::kReported;
  Store(path, {converted, raised});
  EXPECT_EQ(ReadRows(path,
                     "SELECT subject, predicate, coalesce(object, 'NULL'), amount, value, low, "
                     "high, currency, qualifier, status, source, published, evidence, path "
                     "FROM facts ORDER BY claim_id"),
            (Rows{{"Contoso", "invested_in", "Fabrikam", "$9.3bn", "9300000000", "9300000000",
                   "9300000000", "USD", "exact", "asserted", "Wire A", "2024-05-06",
                   "Contoso invested $9.3bn (\xC2\xA3"
                   "5bn) in Fabrikam.",
                   "a.txt"},
                  {"Northwind", "raised", "NULL", "NULL", "NULL", "NULL", "NULL", "NULL", "NULL",
                   "reported", "NULL", "NULL", "Northwind raised money.", "b.txt"}}));
}

TEST(ViewsTest, EntityArticlesCountsMentionsPerArticle) {
  TempDir folder;
  const std::string path = folder.File("views.db");
  ClaimArticle a = Invested("a.txt", "Wire A", Exact("$13 billion", "13000000000"));
  ClaimArticle b = Invested("b.txt", "Wire B", Exact("$13bn", "13000000000"));
  Store(path, {a, b});
  EXPECT_EQ(ReadRows(path,
                     "SELECT entity, type, entity_key, path, mentions FROM entity_articles "
                     "ORDER BY entity, path"),
            (Rows{{"Contoso", "ORG", "contoso", "a.txt", "1"},
                  {"Contoso", "ORG", "contoso", "b.txt", "1"},
                  {"Fabrikam", "ORG", "fabrikam", "a.txt", "1"},
                  {"Fabrikam", "ORG", "fabrikam", "b.txt", "1"}}));
}

TEST(ViewsTest, FullTextIndexFollowsInsertsReplacementsAndDeletes) {
  TempDir folder;
  const std::string path = folder.File("views.db");
  const char kMatch[] =
      "SELECT s.text FROM sentences_fts JOIN sentences s ON s.id = sentences_fts.rowid "
      "WHERE sentences_fts MATCH 'fabrikam AND billion' ORDER BY s.id";
  Store(path, {Invested("a.txt", "Wire A", Exact("$13 billion", "13000000000"))});
  EXPECT_EQ(ReadRows(path, kMatch), (Rows{{"Contoso invested $13 billion in Fabrikam."}}));

  // Re-storing a.txt with other text replaces its sentence in the index.
  ClaimArticle replaced = Invested("a.txt", "Wire A", Exact("$14 billion", "14000000000"));
  Store(path, {replaced});
  EXPECT_EQ(ReadRows(path, kMatch), (Rows{{"Contoso invested $14 billion in Fabrikam."}}));
  // Diacritics are folded: "Fabrikám" would match "fabrikam".
  EXPECT_EQ(ReadRows(path,
                     "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH "
                     "'fabrik\xC3\xA1m'"),
            (Rows{{"1"}}));
  EXPECT_EQ(ReadRows(path, "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH '13'"),
            (Rows{{"0"}}));
}

}  // namespace
}  // namespace newsfacts
