// Deferred indexes: the first run into an empty database goes without them and builds them at
// its end, a run into a database with articles keeps them, a store opened after a run that
// stopped builds them, and they are the migrations' own.
#include "db/deferred_indexes.h"

#include <gtest/gtest.h>

#include <string>

#include "db/fact_store.h"
#include "tests/db/db_test_util.h"
#include "tests/db/store_test_util.h"

namespace newsfacts {
namespace {

using testing::ClaimArticle;
using testing::Exact;
using testing::ReadInt;
using testing::ReadRows;
using testing::TempDir;

constexpr char kCountDeferred[] =
    "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name IN ('entities_by_name', "
    "'entities_by_parent', 'aliases_by_alias', 'mentions_by_article', 'mentions_by_sentence', "
    "'mentions_by_entity', 'entity_names_by_entity', 'quotes_by_article', "
    "'quotes_by_sentence')";

Document Article(const std::string& path) {
  ClaimArticle spec;
  spec.path = path;
  spec.sentence = "Contoso acquired Fabrikam for $4 billion.";
  spec.subject = "Contoso";
  spec.predicate = "acquired";
  spec.object = "Fabrikam";
  spec.money = Exact("$4 billion", "4000000000");
  return testing::BuildClaimArticle(spec);
}

// Every index of the database at `path`, as name and SQL, in name order.
testing::Rows Indexes(const std::string& path) {
  return ReadRows(path,
                  "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL "
                  "ORDER BY name");
}

TEST(DeferredIndexesTest, AreTheIndexesTheMigrationsCreate) {
  TempDir folder;
  const std::string path = folder.File("fresh.db");
  ASSERT_TRUE(FactStore::Open(path).ok());
  ASSERT_EQ(DeferredIndexes().size(), 9u);
  for (const DeferredIndex& index : DeferredIndexes()) {
    const testing::Rows sql =
        ReadRows(path, "SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = '" +
                           std::string(index.name) + "'");
    ASSERT_EQ(sql.size(), 1u) << index.name << " is not in a migrated database";
    EXPECT_EQ(sql[0][0],
              "CREATE INDEX " + std::string(index.name) + " ON " + std::string(index.on));
  }
}

TEST(DeferredIndexesTest, TheFirstRunLoadsWithoutThemAndBuildsThemAtItsEnd) {
  TempDir folder;
  const std::string path = folder.File("first.db");
  const std::string fresh = folder.File("fresh.db");
  ASSERT_TRUE(FactStore::Open(fresh).ok());
  auto store = FactStore::Open(path);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  auto run = (*store)->BeginRun({"test", "rules"});
  ASSERT_TRUE(run.ok()) << run.status().ToString();
  EXPECT_EQ(ReadInt(path, kCountDeferred), 0);
  ASSERT_TRUE((*store)->WriteArticle(Article("a.txt"), "hash-a", *run).ok());
  EXPECT_EQ(ReadInt(path, kCountDeferred), 0);
  ASSERT_TRUE((*store)->FinishRun(*run, {1, 0, 0, 0, 0}).ok());
  EXPECT_EQ(ReadInt(path, kCountDeferred), 9);
  EXPECT_EQ(Indexes(path), Indexes(fresh));
  EXPECT_EQ(ReadInt(path,
                    "SELECT count(*) FROM mentions INDEXED BY mentions_by_entity "
                    "WHERE entity_id > 0"),
            2);
}

TEST(DeferredIndexesTest, ARunIntoADatabaseWithArticlesKeepsThem) {
  TempDir folder;
  const std::string path = folder.File("second.db");
  auto store = FactStore::Open(path);
  ASSERT_TRUE(store.ok());
  auto first = (*store)->BeginRun({"test", "rules"});
  ASSERT_TRUE(first.ok());
  ASSERT_TRUE((*store)->WriteArticle(Article("a.txt"), "hash-a", *first).ok());
  ASSERT_TRUE((*store)->FinishRun(*first, {1, 0, 0, 0, 0}).ok());
  auto second = (*store)->BeginRun({"test", "rules"});
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(ReadInt(path, kCountDeferred), 9);
}

TEST(DeferredIndexesTest, AStoreOpenedAfterARunThatStoppedBuildsThem) {
  TempDir folder;
  const std::string path = folder.File("stopped.db");
  {
    auto store = FactStore::Open(path);
    ASSERT_TRUE(store.ok());
    auto run = (*store)->BeginRun({"test", "rules"});
    ASSERT_TRUE(run.ok());
    ASSERT_TRUE((*store)->WriteArticle(Article("a.txt"), "hash-a", *run).ok());
  }  // no FinishRun: the process stopped
  EXPECT_EQ(ReadInt(path, kCountDeferred), 0);
  ASSERT_TRUE(FactStore::Open(path).ok());
  EXPECT_EQ(ReadInt(path, kCountDeferred), 9);
}

}  // namespace
}  // namespace newsfacts
