// The comparison tables kept at write time (migration 0011, db/stored_comparisons.h): after
// articles are added, replaced and deleted, by the store or by plain SQL, the stored rows and
// the public views equal what the views' definitions compute from the claims.
#include "db/stored_comparisons.h"

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
using testing::ReadRows;
using testing::Rows;
using testing::TempDir;
using testing::Vague;

// Each kept view, the table that stores it, and the computing view it is checked against.
struct Kept {
  std::string view;
  std::string table;
  std::string computed;
  std::string order;
};

const std::vector<Kept>& KeptViews() {
  static const std::vector<Kept> kept = {
      {"comparable_claims", "stored_comparable_claims", "pending_comparable_claims", "claim_id"},
      {"conflict_groups", "stored_conflict_groups", "pending_conflict_groups", "group_a, group_b"},
      {"fact_counts", "stored_fact_counts", "pending_fact_counts",
       "subject_id, predicate, object_id"},
  };
  return kept;
}

// "<subject> <predicate> <object> for <money>." from `path`, published by `source` on `date`.
ClaimArticle Deal(std::string path, std::string source, std::string date, std::string subject,
                  std::string predicate, std::string object, const Money& money) {
  ClaimArticle article;
  article.path = std::move(path);
  article.source = std::move(source);
  article.published = std::move(date);
  article.subject = std::move(subject);
  article.predicate = std::move(predicate);
  article.object = std::move(object);
  article.sentence = article.subject + " " + article.predicate + " " + article.object +
                     (article.object.empty() ? "" : " ") + "for " + money.text + ".";
  article.money = money;
  return article;
}

// Writes `articles` in one batch of a run of a store opened on `path`.
void Write(const std::string& path, const std::vector<ClaimArticle>& articles) {
  auto store = FactStore::Open(path);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  auto run = (*store)->BeginRun({"test", "rules"});
  ASSERT_TRUE(run.ok());
  ASSERT_TRUE((*store)->BeginBatch().ok());
  for (const ClaimArticle& article : articles) {
    // The content hash differs with the sentence, so a changed article replaces the old one.
    Status status = (*store)->WriteArticle(BuildClaimArticle(article),
                                           article.sentence + article.published, *run);
    ASSERT_TRUE(status.ok()) << status.ToString();
  }
  Status committed = (*store)->CommitBatch();
  ASSERT_TRUE(committed.ok()) << committed.ToString();
  Status finished = (*store)->FinishRun(*run, {});
  ASSERT_TRUE(finished.ok()) << finished.ToString();
}

// Runs `sql` on a writable connection to `path`; fails the test on error.
void Execute(const std::string& path, const std::string& sql) {
  auto connection = sqlite::Connection::Open(path, sqlite::OpenMode::kReadWrite);
  ASSERT_TRUE(connection.ok()) << connection.status().ToString();
  ASSERT_TRUE((*connection)->Exec("PRAGMA foreign_keys = ON").ok());
  Status status = (*connection)->Exec(sql);
  ASSERT_TRUE(status.ok()) << status.ToString();
}

// The rows the definition of `kept` computes from the claims: its computing view with every
// fact listed, in a copy of the database.
Rows Computed(const TempDir& folder, const std::string& path, const Kept& kept) {
  const std::string copy = folder.File("computed.db");
  std::filesystem::remove(copy);
  Execute(path, "VACUUM INTO '" + copy + "'");
  Execute(copy,
          "INSERT OR IGNORE INTO facts_to_compare SELECT DISTINCT subject_id, predicate, "
          "coalesce(object_id, 0) FROM claims WHERE subject_id IS NOT NULL");
  return ReadRows(copy, "SELECT * FROM " + kept.computed + " ORDER BY " + kept.order);
}

// Every kept view of the database at `path` equals its definition's rows; when nothing is
// listed, so does every stored table.
void ExpectKeptViewsComputed(const TempDir& folder, const std::string& path) {
  const bool listed = ReadInt(path, "SELECT count(*) FROM facts_to_compare") > 0;
  for (const Kept& kept : KeptViews()) {
    SCOPED_TRACE(kept.view);
    const Rows computed = Computed(folder, path, kept);
    EXPECT_FALSE(computed.empty());
    EXPECT_EQ(ReadRows(path, "SELECT * FROM " + kept.view + " ORDER BY " + kept.order), computed);
    if (!listed) {
      EXPECT_EQ(ReadRows(path, "SELECT * FROM " + kept.table + " ORDER BY " + kept.order),
                computed);
    }
  }
}

std::vector<ClaimArticle> Articles() {
  const Money m500 = Exact("$500 million", "500000000");
  const Money m700 = Exact("$700 million", "700000000");
  const Money b1 = Exact("$1 billion", "1000000000");
  return {
      Deal("a1.txt", "Wire A", "2024-05-01", "Contoso", "acquired", "Fabrikam", m500),
      Deal("a2.txt", "Wire B", "2024-05-02", "Contoso", "acquired", "Fabrikam", m500),
      Deal("a3.txt", "Wire C", "2024-05-03", "Contoso", "acquired", "Fabrikam", m700),
      Deal("b1.txt", "Wire A", "2024-06-01", "Northwind", "invested_in", "Tailspin", b1),
      Deal("b2.txt", "Wire B", "2024-06-09", "Northwind", "invested_in", "Tailspin",
           Vague("billions", "1000000000", "1000000000000")),
      Deal("c1.txt", "Wire C", "2024-07-01", "Litware", "raised", "", m700),
      Deal("c2.txt", "", "2024-07-02", "Litware", "raised", "", b1),
  };
}

TEST(StoredComparisonsTest, StoreWritesKeepEveryViewEqualToItsDefinition) {
  TempDir folder;
  const std::string path = folder.File("facts.db");
  std::vector<ClaimArticle> articles = Articles();
  Write(path, articles);
  EXPECT_EQ(ReadInt(path, "SELECT count(*) FROM facts_to_compare"), 0);
  EXPECT_EQ(ReadInt(path, "SELECT count(*) FROM stored_conflict_groups"), 2);
  ExpectKeptViewsComputed(folder, path);

  // Replaced: the third article now agrees, the second raise moves to another outlet and day.
  articles[2] = Deal("a3.txt", "Wire C", "2024-05-03", "Contoso", "acquired", "Fabrikam",
                     Exact("$500m", "500000000"));
  articles[6].source = "Wire D";
  articles[6].published = "2024-07-03";
  Write(path, {articles[2], articles[6]});
  EXPECT_EQ(ReadInt(path, "SELECT count(*) FROM facts_to_compare"), 0);
  EXPECT_EQ(ReadRows(path, "SELECT predicate FROM conflict_groups"), (Rows{{"raised"}}));
  ExpectKeptViewsComputed(folder, path);

  // Written again unchanged: nothing moves.
  Write(path, articles);
  ExpectKeptViewsComputed(folder, path);
}

TEST(StoredComparisonsTest, PlainSqlWritesAreComputedWhenReadAndStoredByTheNextWriter) {
  TempDir folder;
  const std::string path = folder.File("facts.db");
  Write(path, Articles());

  // Deleted, re-dated and re-sourced by hand: the facts are listed and the views compute them.
  Execute(path,
          "DELETE FROM articles WHERE path = 'a3.txt';"
          "UPDATE articles SET published = '2023-01-01' WHERE path = 'b1.txt';"
          "UPDATE articles SET source = 'Wire A' WHERE path = 'c1.txt';"
          "UPDATE amounts SET low = '600000000', high = '600000000' WHERE text = '$700 million'");
  EXPECT_EQ(ReadInt(path, "SELECT count(*) FROM facts_to_compare"), 3);
  ExpectKeptViewsComputed(folder, path);
  EXPECT_EQ(ReadRows(path, "SELECT predicate FROM conflict_groups"), (Rows{{"raised"}}));

  // A store opened on the file stores them.
  ASSERT_TRUE(FactStore::Open(path).ok());
  EXPECT_EQ(ReadInt(path, "SELECT count(*) FROM facts_to_compare"), 0);
  ExpectKeptViewsComputed(folder, path);

  // A claim moved to another fact by hand lists both facts.
  Execute(path,
          "UPDATE claims SET predicate = 'sold' WHERE article_id = "
          "(SELECT id FROM articles WHERE path = 'a1.txt')");
  EXPECT_EQ(ReadRows(path, "SELECT predicate FROM facts_to_compare ORDER BY predicate"),
            (Rows{{"acquired"}, {"sold"}}));
  ExpectKeptViewsComputed(folder, path);
  {
    auto connection = sqlite::Connection::Open(path, sqlite::OpenMode::kReadWrite);
    ASSERT_TRUE(connection.ok());
    ASSERT_TRUE(StoreComparisons(**connection).ok());
    auto listed = AnyFactsToCompare(**connection);
    ASSERT_TRUE(listed.ok());
    EXPECT_FALSE(*listed);
  }
  ExpectKeptViewsComputed(folder, path);
}

TEST(StoredComparisonsTest, ABatchStoresOnlyALongList) {
  TempDir folder;
  const std::string path = folder.File("facts.db");
  Write(path, Articles());
  // Two facts listed by hand.
  Execute(path, "UPDATE articles SET published = '2023-01-01' WHERE path IN ('a1.txt', 'b1.txt')");
  auto connection = sqlite::Connection::Open(path, sqlite::OpenMode::kReadWrite);
  ASSERT_TRUE(connection.ok());
  ASSERT_TRUE(StoreComparisonsOfMany(**connection, 3).ok());
  EXPECT_EQ(ReadInt(path, "SELECT count(*) FROM facts_to_compare"), 2);
  ASSERT_TRUE(StoreComparisonsOfMany(**connection, 2).ok());
  EXPECT_EQ(ReadInt(path, "SELECT count(*) FROM facts_to_compare"), 0);
  ExpectKeptViewsComputed(folder, path);
}

}  // namespace
}  // namespace newsfacts
