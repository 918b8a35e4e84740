// FactStore and huge articles (over FactStore::kHugeTextBytes): written through a small page
// cache and, releasing, text last; replaced and deleted holding little of them in memory.
#include <gtest/gtest.h>

#include <filesystem>

#include "db/fact_store.h"
#include "tests/db/db_test_util.h"
#include "tests/db/fact_store_fixture.h"
#include "tests/db/sqlite_memory.h"

namespace newsfacts {
namespace {

using testing::FactStoreTest;
using testing::HugeDocument;
using testing::kSqliteMemoryStatistics;
using testing::ReadInt;
using testing::ReadRows;
using testing::Rows;
using testing::SmallDocument;
using testing::SqliteMemoryPeakDuring;

// A huge article (over 8 MB) is written through a small page cache, its rows as well as its
// text: the pages SQLite fills go to the write-ahead log as the cache fills, before the batch
// commits, instead of staying in memory on top of the article (issue 16).
TEST_F(FactStoreTest, AHugeArticlesRowsReachTheLogBeforeTheBatchCommits) {
  const Document huge = HugeDocument("huge.txt");
  const size_t sentences = huge.sentences().size();
  ASSERT_TRUE(store_->BeginBatch().ok());
  ASSERT_TRUE(store_->WriteArticle(huge, "h", run_id_).ok());
  const auto logged = static_cast<size_t>(std::filesystem::file_size(path_ + "-wal"));
  ASSERT_TRUE(
      store_->WriteArticle(SmallDocument("after.txt", "Acme saw otter", "acme"), "h2", run_id_)
          .ok());
  ASSERT_TRUE(store_->CommitBatch().ok());
  // The text's pages and most of its sentences' pages.
  EXPECT_GT(logged, huge.text().size() + sentences * 32);
  EXPECT_EQ(ReadRows(path_,
                     "SELECT a.path, count(*) FROM sentences s JOIN articles a ON "
                     "a.id = s.article_id GROUP BY a.path ORDER BY a.path"),
            (Rows{{"after.txt", "1"}, {"huge.txt", std::to_string(sentences)}}));
}

// Replacing a huge article does not write its old text out again: the pages a delete frees are
// not zeroed when that takes writes of their own (secure_delete FAST). Zeroed, a 9 MB text's
// pages made its replacement log more than storing it had (26.7 MB against 21.6), and SQLite
// kept a copy of each in the deleting statement's journal: 75 MB more at the peak of a 60 MB
// article's re-extraction (issue 16).
TEST_F(FactStoreTest, ReplacingAHugeArticleLogsLessThanStoringIt) {
  const auto logged_by = [&](const Document& doc, const std::string& hash) -> uintmax_t {
    {  // the log emptied, so that it holds what the write logs, and only that
      auto other = sqlite::Connection::Open(path_, sqlite::OpenMode::kReadWrite);
      EXPECT_TRUE(other.ok() && (*other)->Exec("PRAGMA wal_checkpoint(TRUNCATE)").ok());
    }
    EXPECT_EQ(std::filesystem::file_size(path_ + "-wal"), 0u);
    EXPECT_TRUE(store_->WriteArticle(doc, hash, run_id_).ok());
    return std::filesystem::file_size(path_ + "-wal");
  };
  const uintmax_t stored = logged_by(HugeDocument("huge.txt"), "h1");
  const uintmax_t replaced = logged_by(SmallDocument("huge.txt", "Acme saw otter", "acme"), "h2");
  EXPECT_LT(replaced, stored);
  EXPECT_EQ(ReadRows(path_,
                     "SELECT a.path, a.content_hash, count(s.id) FROM articles a "
                     "JOIN sentences s ON s.article_id = a.id GROUP BY a.id"),
            (Rows{{"huge.txt", "h2", "1"}}));
}

// Replacing a huge article holds no more of it in SQLite's memory the longer it is: its
// sentences and the rows that name them go a slice at a time, as SQLite keeps a copy of each
// page a statement changes until the statement ends, and the search index's delete trigger
// reads the article's text only for sentences without a text of their own. Deleted by one
// statement, a 60 MB article held 125 MB of such copies and 60 MB of text at the peak of its
// re-extraction (issue 16).
TEST_F(FactStoreTest, ReplacingAHugeArticleHoldsNoMoreOfItTheLongerItIs) {
  BeginRunIntoDatabaseWithArticles();  // so that the store indexes the sentences itself
  ASSERT_TRUE(kSqliteMemoryStatistics) << "SQLite's memory statistics are off";
  // The most SQLite held beyond what it held before, replacing `megabytes` MB by a line.
  const auto replacement_peak = [&](size_t megabytes) {
    const std::string path = "huge" + std::to_string(megabytes) + ".txt";
    EXPECT_TRUE(store_->WriteArticle(HugeDocument(path, megabytes), "h1", run_id_).ok());
    return SqliteMemoryPeakDuring([&] {
      EXPECT_TRUE(
          store_->WriteArticle(SmallDocument(path, "Acme saw otter", "acme"), "h2", run_id_).ok());
    });
  };
  const int64_t nine = replacement_peak(9);
  const int64_t eighteen = replacement_peak(18);
  EXPECT_LT(eighteen, nine + (int64_t{1} << 20));

  EXPECT_TRUE(SearchIndexIsIntact());
  EXPECT_EQ(PathsMatching("walrus OR seal"), Rows{});
  EXPECT_EQ(PathsMatching("otter"), (Rows{{"huge18.txt"}, {"huge9.txt"}}));
  for (const std::string table : {"sentences", "mentions", "quotes"}) {
    EXPECT_EQ(ReadRows(path_, "SELECT a.path, count(*) FROM " + table +
                                  " t JOIN articles a ON a.id = t.article_id GROUP BY a.path"),
              (Rows{{"first.txt", "1"}, {"huge18.txt", "1"}, {"huge9.txt", "1"}}))
        << table;
  }
  EXPECT_EQ(ReadInt(path_,
                    "SELECT count(*) FROM entity_type_votes v JOIN entities e ON e.id = "
                    "v.entity_id WHERE e.key = 'walrus-labs' AND v.mentions <> 0"),
            0);
}

// Written releasing, a huge article's layers go first and are freed, then its text: every row
// is there, searchable, its entity named by its votes, and no foreign key is left dangling.
TEST_F(FactStoreTest, AHugeArticleWrittenReleasingGoesInTextLastWithEveryRow) {
  BeginRunIntoDatabaseWithArticles();  // so that the store indexes the sentences itself
  Document huge = HugeDocument("huge.txt");
  const std::string sentences = std::to_string(huge.sentences().size());
  const size_t text_bytes = huge.text().size();
  ASSERT_TRUE(store_->BeginBatch(BatchMode::kArticleSavepoints).ok());
  ASSERT_TRUE(
      store_->WriteArticle(SmallDocument("before.txt", "Acme saw otter", "acme"), "h1", run_id_)
          .ok());
  StatusOr<ArticleWrite> written = store_->WriteArticleIfChangedReleasing(huge, "h2", run_id_);
  ASSERT_TRUE(written.ok()) << written.status().ToString();
  EXPECT_EQ(*written, ArticleWrite::kAdded);
  EXPECT_TRUE(huge.sentences().empty());
  EXPECT_TRUE(huge.mentions().empty());
  EXPECT_EQ(huge.text().size(), text_bytes);
  ASSERT_TRUE(store_->CommitBatch().ok());

  EXPECT_EQ(ReadRows(path_,
                     "SELECT a.path, a.byte_length = length(CAST(a.text AS BLOB)), "
                     "(SELECT count(*) FROM sentences s WHERE s.article_id = a.id), "
                     "(SELECT count(*) FROM mentions m WHERE m.article_id = a.id), "
                     "(SELECT count(*) FROM quotes q WHERE q.article_id = a.id) "
                     "FROM articles a ORDER BY a.id"),
            (Rows{{"first.txt", "1", "1", "1", "1"},
                  {"before.txt", "1", "1", "1", "1"},
                  {"huge.txt", "1", sentences, "1000", "1"}}));
  EXPECT_EQ(ReadRows(path_, "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'boat'"),
            (Rows{{sentences}}));
  EXPECT_EQ(ReadRows(path_, "SELECT name, type FROM entities WHERE key = 'walrus-labs'"),
            (Rows{{"Walrus Labs", "ORG"}}));
  EXPECT_EQ(ReadRows(path_, "PRAGMA foreign_key_check"), Rows{});
  EXPECT_TRUE(SearchIndexIsIntact());
}

// A huge article written releasing in place of itself (another text at its path, or the same
// text extracted again) replaces its rows and search entries, as any article does.
TEST_F(FactStoreTest, AHugeArticleWrittenReleasingReplacesItsStoredSelf) {
  BeginRunIntoDatabaseWithArticles();
  Document huge = HugeDocument("huge.txt");
  const size_t sentence_count = huge.sentences().size();
  const std::string sentences = std::to_string(sentence_count);
  ASSERT_TRUE(store_->BeginBatch(BatchMode::kWholeBatch).ok());
  ASSERT_TRUE(store_->WriteArticleIfChangedReleasing(huge, "h1", run_id_).ok());
  ASSERT_TRUE(store_->CommitBatch().ok());
  Document again = HugeDocument("huge.txt");
  ASSERT_TRUE(store_->BeginBatch(BatchMode::kWholeBatch).ok());
  StatusOr<ArticleWrite> written = store_->WriteArticleIfChangedReleasing(again, "h2", run_id_);
  ASSERT_TRUE(written.ok()) << written.status().ToString();
  EXPECT_EQ(*written, ArticleWrite::kReplaced);
  ASSERT_TRUE(store_->CommitBatch().ok());
  // Extracted again from its stored text (the same hash), it is written anyway, releasing.
  Document reextracted = HugeDocument("huge.txt");
  ASSERT_TRUE(store_->BeginBatch(BatchMode::kWholeBatch).ok());
  const Status rewritten = store_->WriteArticleReleasing(reextracted, "h2", run_id_);
  ASSERT_TRUE(rewritten.ok()) << rewritten.ToString();
  EXPECT_TRUE(reextracted.sentences().empty());
  EXPECT_TRUE(reextracted.mentions().empty());
  ASSERT_TRUE(store_->CommitBatch().ok());

  EXPECT_EQ(ReadRows(path_, "SELECT path, content_hash FROM articles ORDER BY id"),
            (Rows{{"first.txt", "h0"}, {"huge.txt", "h2"}}));
  EXPECT_EQ(ReadRows(path_, "SELECT count(*) FROM sentences"),
            (Rows{{std::to_string(sentence_count + 1)}}));
  EXPECT_EQ(ReadRows(path_, "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'boat'"),
            (Rows{{sentences}}));
  EXPECT_EQ(ReadRows(path_, "PRAGMA foreign_key_check"), Rows{});
  EXPECT_TRUE(SearchIndexIsIntact());
}

// A huge article whose row fails, after its layers went in and its votes were counted, leaves
// nothing: not its rows, nor its entity's votes, nor a foreign key to check at the commit; the
// batch's other articles stay.
TEST_F(FactStoreTest, AHugeArticleWhoseRowFailsLeavesNothing) {
  ASSERT_TRUE(RefuseInserts("articles", "NEW.byte_length > 8000000"));
  Document huge = HugeDocument("huge.txt");
  ASSERT_TRUE(store_->BeginBatch(BatchMode::kArticleSavepoints).ok());
  EXPECT_FALSE(store_->WriteArticleIfChangedReleasing(huge, "h1", run_id_).ok());
  EXPECT_TRUE(huge.sentences().empty());  // freed before the row failed
  ASSERT_TRUE(
      store_->WriteArticle(SmallDocument("after.txt", "Acme saw otter", "acme"), "h2", run_id_)
          .ok());
  ASSERT_TRUE(store_->CommitBatch().ok());
  EXPECT_EQ(ReadRows(path_, "SELECT path FROM articles"), (Rows{{"after.txt"}}));
  EXPECT_EQ(Count("sentence_spans"), 1);
  EXPECT_EQ(Count("mentions"), 1);
  EXPECT_EQ(ReadRows(path_,
                     "SELECT e.key, v.mentions FROM entity_type_votes v LEFT JOIN entities e ON "
                     "e.id = v.entity_id"),
            (Rows{{"acme", "1"}}));
  EXPECT_EQ(ReadRows(path_, "PRAGMA foreign_key_check"), Rows{});
}

}  // namespace
}  // namespace newsfacts
