// FactStore support for re-extraction: which stored articles come from other rules or
// versions, and loading an article back with the metadata and text it was stored with.
#include <gtest/gtest.h>

#include "db/fact_store.h"
#include "tests/db/db_test_util.h"
#include "tests/db/sqlite_memory.h"

namespace newsfacts {
namespace {

using testing::kSqliteMemoryStatistics;
using testing::SqliteMemoryUsed;
using testing::TempDir;

Document Article(const std::string& path, int record_index, const std::string& text) {
  ArticleMeta meta;
  meta.path = path;
  meta.record_index = record_index;
  meta.title = "Title of " + path;
  meta.source = "Wire";
  meta.url = "https://example.com/" + path;
  meta.published = "2024-04-05";
  meta.repaired_sequences = 2;
  Document doc = Document::FromRaw(meta, text);
  doc.mutable_sentences() = {{{0, doc.text().size()}, 0, 0, 0}};
  return doc;
}

TEST(FactStoreReextractTest, ListsArticlesOfOtherRulesOrVersions) {
  TempDir folder;
  auto store = FactStore::Open(folder.File("reextract.db"));
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  FactStore& db = **store;
  const RunInfo old_rules{"1.0", "rules-1"};
  const RunInfo old_version{"0.9", "rules-2"};
  const RunInfo current{"1.0", "rules-2"};
  auto run1 = db.BeginRun(old_rules);
  auto run2 = db.BeginRun(old_version);
  auto run3 = db.BeginRun(current);
  auto run4 = db.BeginRun(current);
  ASSERT_TRUE(run1.ok() && run2.ok() && run3.ok() && run4.ok());
  ASSERT_TRUE(db.WriteArticle(Article("a.txt", -1, "A."), "ha", *run1).ok());
  ASSERT_TRUE(db.WriteArticle(Article("b.txt", -1, "B."), "hb", *run2).ok());
  ASSERT_TRUE(db.WriteArticle(Article("c.txt", -1, "C."), "hc", *run3).ok());
  ASSERT_TRUE(db.WriteArticle(Article("d.txt", -1, "D."), "hd", *run4).ok());

  struct Case {
    std::string name;
    bool all;
    std::vector<int64_t> expected;  // article ids: a=1, b=2, c=3, d=4
  };
  const Case cases[] = {
      {"other rules fingerprint or tool version", false, {1, 2}},
      {"all but the current run's", true, {1, 2, 3}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    auto ids = db.ArticlesToReextract(*run4, current, c.all);
    ASSERT_TRUE(ids.ok()) << ids.status().ToString();
    EXPECT_EQ(*ids, c.expected);
  }
}

TEST(FactStoreReextractTest, LoadsAnArticleAsStored) {
  TempDir folder;
  auto store = FactStore::Open(folder.File("load.db"));
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  auto run = (*store)->BeginRun({"1.0", "r"});
  ASSERT_TRUE(run.ok());
  const std::string text =
      "Caf\xC3\xA9 Lumi\xC3\xA8re raised \xE2\x82\xAC"
      "2m.";
  ASSERT_TRUE((*store)->WriteArticle(Article("feed.jsonl", 3, text), "hash-1", *run).ok());

  auto loaded = (*store)->LoadArticle(1);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_EQ(loaded->meta.path, "feed.jsonl");
  EXPECT_EQ(loaded->meta.record_index, 3);
  EXPECT_EQ(loaded->meta.title, "Title of feed.jsonl");
  EXPECT_EQ(loaded->meta.source, "Wire");
  EXPECT_EQ(loaded->meta.url, "https://example.com/feed.jsonl");
  EXPECT_EQ(loaded->meta.published, "2024-04-05");
  EXPECT_EQ(loaded->meta.repaired_sequences, 2u);
  EXPECT_EQ(loaded->text, text);
  EXPECT_EQ(loaded->content_hash, "hash-1");

  auto missing = (*store)->LoadArticle(42);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
}

// A huge article loaded back leaves none of its pages in the store's page cache: read through
// it, a 60 MB text filled it, and 48 MB stayed beside the text while it was extracted again
// and written (issue 16).
TEST(FactStoreReextractTest, LoadingAHugeArticleLeavesItsPagesOutOfTheCache) {
  ASSERT_TRUE(kSqliteMemoryStatistics) << "SQLite's memory statistics are off";
  TempDir folder;
  const std::string path = folder.File("huge.db");
  const std::string text = std::string(FactStore::kHugeTextBytes, 'x') + " and more.";
  {
    auto store = FactStore::Open(path);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    auto run = (*store)->BeginRun({"1.0", "r"});
    ASSERT_TRUE(run.ok());
    ASSERT_TRUE((*store)->WriteArticle(Article("huge.txt", -1, text), "hash-1", *run).ok());
  }
  auto store = FactStore::Open(path);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  const int64_t before = SqliteMemoryUsed();
  auto loaded = (*store)->LoadArticle(1);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_EQ(loaded->text, text);
  EXPECT_LT(SqliteMemoryUsed() - before, int64_t{1} << 20);
}

}  // namespace
}  // namespace newsfacts
