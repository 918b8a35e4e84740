// MergeDatabases: merging two shard databases equals storing both shards in one; articles
// are deduplicated by content hash, entities by key; bad inputs are refused by name.
#include "db/merge.h"

#include <gtest/gtest.h>

#include <fstream>
#include <vector>

#include "db/fact_store.h"
#include "db/migrations.h"
#include "tests/content_queries.h"
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

ClaimArticle Article(std::string path, std::string source, std::string subject,
                     std::string predicate, std::string object, std::optional<Money> money) {
  ClaimArticle article;
  article.path = std::move(path);
  article.source = std::move(source);
  article.subject = std::move(subject);
  article.predicate = std::move(predicate);
  article.object = std::move(object);
  article.sentence = article.subject + " " + article.predicate + " " + article.object;
  if (money.has_value()) {
    article.sentence += " for " + money->text;
  }
  if (money.has_value() && article.predicate == "acquired") {
    // "(€3bn)" restates the amount, so merge must remap restates_id too.
    article.sentence +=
        " (\xE2\x82\xAC"
        "3bn)";
    article.conversion = Exact(
        "\xE2\x82\xAC"
        "3bn",
        "3000000000", "EUR");
  }
  article.sentence += ".";
  article.money = std::move(money);
  return article;
}

// Shard A and shard B share one article (same text at another path in B) and entities.
std::vector<ClaimArticle> ShardA() {
  return {Article("a/1.txt", "Wire A", "Contoso", "acquired", "Fabrikam",
                  Exact("$4 billion", "4000000000")),
          Article("a/2.txt", "Wire A", "Northwind", "partnered_with", "Contoso", std::nullopt),
          Article("a/3.txt", "Wire A", "Tailspin", "invested_in", "Northwind",
                  Exact("$9 million", "9000000"))};
}
std::vector<ClaimArticle> ShardB() {
  return {
      Article("b/1.txt", "Wire B", "Contoso", "acquired", "Fabrikam", Exact("$4bn", "4000000000")),
      Article("b/2.txt", "Wire B", "Tailspin", "invested_in", "Northwind",
              Exact("$7 million", "7000000")),
      Article("b/copy-of-a1.txt", "Wire A", "Contoso", "acquired", "Fabrikam",
              Exact("$4 billion", "4000000000"))};
}

// Stores `articles` into `path`, one run, with the content hash ingest would see: the text
// (a copy at another path has the same hash).
void Store(const std::string& path, const std::vector<ClaimArticle>& articles,
           const std::string& rules) {
  auto store = FactStore::Open(path);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  auto run = (*store)->BeginRun({"test", rules});
  ASSERT_TRUE(run.ok());
  for (const ClaimArticle& article : articles) {
    Status status = (*store)->WriteArticle(BuildClaimArticle(article),
                                           article.sentence + "|" + article.source, *run);
    ASSERT_TRUE(status.ok()) << status.ToString();
  }
  ASSERT_TRUE((*store)->FinishRun(*run, {}).ok());
}

// Everything merge must preserve (tests/content_queries.sql) and the search index.
std::vector<std::string> MergedContentQueries() {
  std::vector<std::string> queries = testing::ContentQueries();
  queries.push_back(
      "SELECT s.text FROM sentences_fts f JOIN sentences s ON s.id = f.rowid "
      "WHERE sentences_fts MATCH 'contoso' ORDER BY s.text");
  return queries;
}

void ExpectSameContent(const std::string& actual, const std::string& expected) {
  ASSERT_GT(MergedContentQueries().size(), 1u);
  for (const std::string& query : MergedContentQueries()) {
    SCOPED_TRACE(query);
    EXPECT_EQ(ReadRows(actual, query), ReadRows(expected, query));
  }
}

TEST(MergeTest, MergingShardsEqualsStoringThemTogether) {
  TempDir folder;
  const std::string a = folder.File("a.db");
  const std::string b = folder.File("b.db");
  const std::string together = folder.File("together.db");
  const std::string merged = folder.File("merged.db");
  Store(a, ShardA(), "rules");
  Store(b, ShardB(), "rules");
  // Storing both shards in one database keeps the copy at b/copy-of-a1.txt only because its
  // path differs; merge drops it as a duplicate text, so the reference leaves it out too.
  std::vector<ClaimArticle> both = ShardA();
  for (const ClaimArticle& article : ShardB()) {
    if (article.path != "b/copy-of-a1.txt") both.push_back(article);
  }
  Store(together, both, "rules");

  StatusOr<MergeSummary> summary = MergeDatabases(merged, {a, b});
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  ExpectSameContent(merged, together);
  // The shards only meet in the merged database: a cross-shard conflict and agreement.
  EXPECT_EQ(ReadRows(merged, "SELECT subject, amount_a, amount_b FROM conflicts"),
            (Rows{{"Tailspin", "$9 million", "$7 million"}}));
  EXPECT_EQ(ReadRows(merged, "SELECT subject, object, articles, sources FROM agreements"),
            (Rows{{"Contoso", "Fabrikam", "2", "2"}}));
  EXPECT_EQ(summary->inputs, 2);
  EXPECT_EQ(summary->runs, 2);
  EXPECT_EQ(summary->articles_added, 5);
  EXPECT_EQ(summary->articles_duplicate, 1);
  EXPECT_EQ(summary->articles_conflicting, 0);
  EXPECT_EQ(summary->entities_added, 4);  // contoso, fabrikam, northwind, tailspin
  EXPECT_EQ(summary->claims, 5);
  EXPECT_EQ(summary->amounts, 6);  // two with a conversion each, two without
  EXPECT_EQ(ReadInt(merged, "SELECT count(*) FROM runs"), 2);
  EXPECT_EQ(ReadInt(merged,
                    "SELECT count(*) FROM articles a LEFT JOIN runs r "
                    "ON r.id = a.run_id WHERE r.id IS NULL"),
            0);
  EXPECT_EQ(ReadRows(merged, "PRAGMA foreign_key_check"), Rows{});
}

TEST(MergeTest, MergingTheSameShardTwiceAddsNothing) {
  TempDir folder;
  const std::string a = folder.File("a.db");
  const std::string merged = folder.File("merged.db");
  Store(a, ShardA(), "rules");
  ASSERT_TRUE(MergeDatabases(merged, {a}).ok());
  StatusOr<MergeSummary> again = MergeDatabases(merged, {a});
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(again->articles_added, 0);
  EXPECT_EQ(again->articles_duplicate, 3);
  EXPECT_EQ(again->entities_added, 0);
  ExpectSameContent(merged, a);
  EXPECT_EQ(ReadInt(merged, "PRAGMA page_size"), 16384);  // as a store FactStore creates
}

// An output whose first ingest stopped before its end holds sentences its search index lacks
// (db/search_index_builder.h): merging into it indexes them with the inputs'.
TEST(MergeTest, AnOutputWhoseFirstRunStoppedIsSearchableAfter) {
  TempDir folder;
  const std::string a = folder.File("a.db");
  const std::string merged = folder.File("merged.db");
  Store(a, ShardA(), "rules");
  {
    auto store = FactStore::Open(merged);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    auto run = (*store)->BeginRun({"test", "rules"});
    ASSERT_TRUE(run.ok());
    const std::vector<ClaimArticle> b = ShardB();
    ASSERT_TRUE((*store)->WriteArticle(BuildClaimArticle(b[0]), "hash", *run).ok());
  }  // stops without FinishRun
  ASSERT_TRUE(MergeDatabases(merged, {a}).ok());
  EXPECT_EQ(ReadRows(merged,
                     "SELECT a.path FROM sentences_fts f JOIN sentences s ON s.id = f.rowid "
                     "JOIN articles a ON a.id = s.article_id WHERE sentences_fts MATCH 'contoso' "
                     "ORDER BY a.path"),
            (Rows{{"a/1.txt"}, {"a/2.txt"}, {"b/1.txt"}}));
}

TEST(MergeTest, AnotherTextAtAStoredPathIsSkippedAndNamed) {
  TempDir folder;
  const std::string a = folder.File("a.db");
  const std::string changed = folder.File("changed.db");
  const std::string merged = folder.File("merged.db");
  Store(a, ShardA(), "rules");
  std::vector<ClaimArticle> edited = ShardA();
  edited[0].source = "Wire Z";
  Store(changed, edited, "rules");
  StatusOr<MergeSummary> summary = MergeDatabases(merged, {a, changed});
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  EXPECT_EQ(summary->articles_added, 3);
  EXPECT_EQ(summary->articles_duplicate, 2);
  EXPECT_EQ(summary->articles_conflicting, 1);
  ASSERT_EQ(summary->messages.size(), 1u);
  EXPECT_EQ(summary->messages[0],
            changed + ": a/1.txt: skipped: another text is already merged at this path");
  EXPECT_EQ(ReadRows(merged, "SELECT source FROM articles WHERE path = 'a/1.txt'"),
            Rows{{"Wire A"}});
}

TEST(MergeTest, AVersionOneShardIsMerged) {
  TempDir folder;
  const std::string old_shard = folder.File("old.db");
  const std::string merged = folder.File("merged.db");
  {
    auto connection = sqlite::Connection::Open(old_shard, sqlite::OpenMode::kReadWriteCreate);
    ASSERT_TRUE(connection.ok());
    ASSERT_TRUE(ApplyMigrations(**connection, 1).ok());
    ASSERT_TRUE((*connection)
                    ->Exec("INSERT INTO runs (tool_version, rules_fingerprint, started_at) "
                           "VALUES ('0.0.9', 'old', 'then');"
                           "INSERT INTO articles (path, content_hash, text, byte_length, run_id) "
                           "VALUES ('old.txt', 'h', 'Old text.', 9, 1);"
                           "INSERT INTO sentences (article_id, sentence_index, paragraph, "
                           "start_byte, end_byte, start_char, end_char, text) "
                           "VALUES (1, 0, 0, 0, 9, 0, 9, 'Old text.')")
                    .ok());
  }
  StatusOr<MergeSummary> summary = MergeDatabases(merged, {old_shard});
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  EXPECT_EQ(ReadRows(merged,
                     "SELECT a.path, r.tool_version, r.articles_reextracted "
                     "FROM articles a JOIN runs r ON r.id = a.run_id"),
            (Rows{{"old.txt", "0.0.9", "0"}}));
  EXPECT_EQ(ReadInt(old_shard, "PRAGMA user_version"), 1);  // inputs are only read
}

TEST(MergeTest, RefusesInputsItCannotMerge) {
  TempDir folder;
  const std::string out = folder.File("out.db");
  const std::string notes = folder.File("notes.db");
  std::ofstream(notes) << "Not a database at all, just some notes.\nMore notes here.\n";
  const std::string empty_sqlite = folder.File("empty.db");
  ASSERT_TRUE(sqlite::Connection::Open(empty_sqlite, sqlite::OpenMode::kReadWriteCreate).ok());
  const std::string newer = folder.File("newer.db");
  {
    auto connection = sqlite::Connection::Open(newer, sqlite::OpenMode::kReadWriteCreate);
    ASSERT_TRUE(connection.ok());
    ASSERT_TRUE((*connection)->Exec("PRAGMA user_version = 999").ok());
  }
  ASSERT_TRUE(FactStore::Open(out).ok());
  struct Case {
    std::string input;
    StatusCode code;
    std::string message;
  };
  const Case cases[] = {
      {folder.File("missing.db"), StatusCode::kNotFound,
       folder.File("missing.db") + ": no such database"},
      {notes, StatusCode::kFailedPrecondition,
       notes + ": not a newsfacts database (file is not SQLite)"},
      {empty_sqlite, StatusCode::kFailedPrecondition,
       empty_sqlite + ": not a newsfacts database (no schema version)"},
      {newer, StatusCode::kFailedPrecondition,
       newer + ": database schema version 999 is newer than this newsfacts (" +
           std::to_string(FactStore::LatestSchemaVersion()) + "); upgrade newsfacts"},
      {out, StatusCode::kInvalidArgument, out + ": is the output database; merge into a new file"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.input);
    StatusOr<MergeSummary> summary = MergeDatabases(out, {c.input});
    ASSERT_FALSE(summary.ok());
    EXPECT_EQ(summary.status().code(), c.code);
    EXPECT_EQ(summary.status().message(), c.message);
  }
  EXPECT_EQ(ReadInt(out, "SELECT count(*) FROM runs"), 0);

  // Issue 15, item 11: a refused merge into a new file used to leave that file behind.
  const std::string fresh = folder.File("fresh.db");
  for (const std::string& input : {newer, notes, empty_sqlite}) {
    SCOPED_TRACE(input);
    EXPECT_FALSE(MergeDatabases(fresh, {input}).ok());
    EXPECT_FALSE(std::filesystem::exists(fresh));
    EXPECT_FALSE(std::filesystem::exists(fresh + "-wal"));
  }
}

}  // namespace
}  // namespace newsfacts
