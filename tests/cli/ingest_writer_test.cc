// IngestWriter: a huge article goes in a batch of its own, written text last with its layers
// freed (FactStore::WriteArticleIfChangedReleasing), between batches of the articles around it;
// one whose row fails is reported and counted, and the others stay. Stored articles extracted
// again are deleted at their batch's start, many by one statement (FactStore::DeleteArticles,
// StoredArticleGroups); one that then fails keeps its stored self.
#include "cli/ingest_writer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <tuple>
#include <vector>

#include "db/sqlite.h"
#include "tests/temp_dir.h"

namespace newsfacts {
namespace {

// An article of one sentence per line of `text`, with no other layer.
WorkItem Article(const std::string& path, const std::string& text) {
  ArticleMeta meta;
  meta.path = path;
  WorkItem item;
  item.doc = Document::FromRaw(meta, text);
  Document& doc = *item.doc;
  for (size_t begin = 0; begin < doc.text().size();) {
    size_t end = doc.text().find('\n', begin);
    if (end == std::string::npos) end = doc.text().size();
    doc.mutable_sentences().push_back({{begin, end}, 0, 0, 0});
    begin = end + 1;
  }
  item.content_hash = "hash of " + path;
  return item;
}

std::string HugeText() {
  std::string text;
  while (text.size() <= FactStore::kHugeTextBytes) {
    text += "Walrus Labs sold a boat to the otter fund, which sold it to the seal trust.\n";
  }
  return text;
}

class IngestWriterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = FactStore::Open(folder_.File("facts.db"));
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(*store);
    auto run = store_->BeginRun({"0.1.0", "f00d"});
    ASSERT_TRUE(run.ok()) << run.status().ToString();
    run_id_ = *run;
    observer_.on_message = [this](const std::string& message) { messages_.push_back(message); };
  }

  int64_t Query(const std::string& sql) {
    auto connection =
        sqlite::Connection::Open(folder_.File("facts.db"), sqlite::OpenMode::kReadOnly);
    EXPECT_TRUE(connection.ok());
    if (!connection.ok()) return -1;
    StatusOr<int64_t> value = (*connection)->QueryInt(sql);
    EXPECT_TRUE(value.ok()) << value.status().ToString();
    return value.ok() ? *value : -1;
  }

  // Runs `sql` (a trigger that refuses or logs) from a connection of its own, as a user's
  // tool beside ingest would.
  void ExecBeside(const std::string& sql) {
    auto other =
        sqlite::Connection::Open(folder_.File("facts.db"), sqlite::OpenMode::kReadWriteCreate);
    ASSERT_TRUE(other.ok());
    ASSERT_TRUE((*other)->Exec(sql).ok());
  }

  // Stores one article per path of `paths` (text "Acme saw otter."), then hands `writer` each
  // extracted again from `texts` (same order), as ingest's re-extraction does.
  void Reextract(IngestWriter& writer, const std::vector<std::string>& paths,
                 const std::vector<std::string>& texts) {
    ASSERT_TRUE(store_->BeginBatch().ok());
    for (const std::string& path : paths) {
      WorkItem stored = Article(path, "Acme saw otter.");
      ASSERT_TRUE(store_->WriteArticle(*stored.doc, stored.content_hash, run_id_).ok());
    }
    ASSERT_TRUE(store_->CommitBatch().ok());
    for (size_t i = 0; i < paths.size(); ++i) {
      WorkItem again = Article(paths[i], texts[i]);
      again.reextracted = true;
      again.stored_id = Query("SELECT id FROM articles WHERE path = '" + paths[i] + "'");
      ASSERT_TRUE(writer.Take(std::move(again)).ok());
    }
    ASSERT_TRUE(writer.Flush().ok());
  }

  testing::TempDir folder_;
  std::unique_ptr<FactStore> store_;
  int64_t run_id_ = 0;
  IngestObserver observer_;
  std::vector<std::string> messages_;
};

TEST_F(IngestWriterTest, AHugeArticleIsStoredBetweenTheBatchesAroundIt) {
  IngestWriter writer(/*batch_articles=*/16, *store_, run_id_, /*files_total=*/0, observer_);
  const std::string huge = HugeText();
  const auto huge_lines = static_cast<int64_t>(std::count(huge.begin(), huge.end(), '\n'));
  ASSERT_TRUE(writer.Take(Article("a.txt", "Acme saw otter.\nOtter saw Acme.")).ok());
  ASSERT_TRUE(writer.Take(Article("huge.txt", huge)).ok());
  ASSERT_TRUE(writer.Take(Article("b.txt", "Zed opened.")).ok());
  ASSERT_TRUE(writer.Flush().ok());

  EXPECT_TRUE(messages_.empty());
  EXPECT_EQ(writer.summary().articles_added, 3);
  EXPECT_EQ(writer.summary().sentences, 2 + huge_lines + 1);
  EXPECT_EQ(Query("SELECT count(*) FROM articles"), 3);
  EXPECT_EQ(Query("SELECT count(*) FROM sentence_spans s JOIN articles a ON a.id = s.article_id "
                  "WHERE a.path = 'huge.txt'"),
            huge_lines);
  EXPECT_EQ(Query("SELECT byte_length FROM articles WHERE path = 'huge.txt'"),
            static_cast<int64_t>(huge.size()));
}

TEST_F(IngestWriterTest, AHugeArticleThatFailsIsReportedAndTheOthersStay) {
  ExecBeside(
      "CREATE TRIGGER refuse_huge BEFORE INSERT ON articles "
      "WHEN NEW.byte_length > 8000000 "
      "BEGIN SELECT RAISE(ABORT, 'forced failure'); END");
  IngestWriter writer(/*batch_articles=*/16, *store_, run_id_, /*files_total=*/0, observer_);
  ASSERT_TRUE(writer.Take(Article("a.txt", "Acme saw otter.")).ok());
  ASSERT_TRUE(writer.Take(Article("huge.txt", HugeText())).ok());
  ASSERT_TRUE(writer.Take(Article("b.txt", "Zed opened.")).ok());
  ASSERT_TRUE(writer.Flush().ok());

  ASSERT_EQ(messages_.size(), 1u);
  EXPECT_NE(messages_[0].find("huge.txt: not stored: "), std::string::npos) << messages_[0];
  EXPECT_EQ(writer.summary().articles_failed, 1);
  EXPECT_EQ(writer.summary().articles_added, 2);
  EXPECT_EQ(writer.summary().sentences, 2);
  EXPECT_EQ(Query("SELECT count(*) FROM articles"), 2);
  EXPECT_EQ(Query("SELECT count(*) FROM sentence_spans"), 2);
}

TEST(StoredArticleGroupsTest, GroupsCloseOnceTheirTextReachesTheBound) {
  std::vector<WorkItem> items;
  for (const auto& [path, text, stored_id] : {std::tuple{"a.txt", "12345", 1},
                                              {"new.txt", "1234567890", 0},
                                              {"b.txt", "12", 2},
                                              {"c.txt", "1234", 3},
                                              {"d.txt", "1", 4},
                                              {"e.txt", "123456", 5}}) {
    WorkItem item = Article(path, text);
    item.reextracted = stored_id != 0;
    item.stored_id = stored_id;
    items.push_back(std::move(item));
  }
  EXPECT_EQ(StoredArticleGroups(items, 6), (std::vector<std::vector<int64_t>>{{1, 2}, {3, 4, 5}}));
  EXPECT_EQ(StoredArticleGroups(items, 1),
            (std::vector<std::vector<int64_t>>{{1}, {2}, {3}, {4}, {5}}));
  EXPECT_EQ(StoredArticleGroups(items, 100), (std::vector<std::vector<int64_t>>{{1, 2, 3, 4, 5}}));
  EXPECT_TRUE(StoredArticleGroups({}, 6).empty());
}

TEST_F(IngestWriterTest, ArticlesExtractedAgainReplaceTheirStoredSelves) {
  // Logs how many articles each deleted one saw stored: deleted together before any is written
  // again, the three see 3, 2 and 1.
  ExecBeside(
      "CREATE TABLE seen (stored INTEGER); "
      "CREATE TRIGGER log_delete BEFORE DELETE ON articles BEGIN "
      "INSERT INTO seen SELECT count(*) FROM articles; END");
  IngestWriter writer(/*batch_articles=*/16, *store_, run_id_, /*files_total=*/0, observer_);
  Reextract(writer, {"a.txt", "b.txt", "c.txt"},
            {"Acme saw seal.", "Acme saw heron.\nHeron saw Acme.", "Acme saw puffin."});
  EXPECT_TRUE(messages_.empty());
  EXPECT_EQ(writer.summary().articles_reextracted, 3);
  EXPECT_EQ(Query("SELECT count(*) FROM articles"), 3);
  EXPECT_EQ(Query("SELECT count(*) FROM sentence_spans"), 4);
  EXPECT_EQ(Query("SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'otter'"), 0);
  EXPECT_EQ(Query("SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'acme'"), 4);
  EXPECT_EQ(Query("SELECT count(*) FROM seen"), 3);
  EXPECT_EQ(Query("SELECT count(*) FROM seen WHERE stored < 3"), 2);
}

// A huge article extracted again goes in text last, as a new one does: the rows of its layers
// first, freed, then its row (FactStore::WriteArticleReleasing). Written whole, its layers
// were held beside SQLite's record of its text: 50 MB more at the end of a 60 MB article's
// re-extraction (issue 16).
TEST_F(IngestWriterTest, AHugeArticleExtractedAgainGoesInTextLast) {
  // Logs how many sentences each inserted article has when its row goes in.
  ExecBeside(
      "CREATE TABLE sentences_before (path TEXT, sentences INTEGER); "
      "CREATE TRIGGER log_insert BEFORE INSERT ON articles BEGIN "
      "INSERT INTO sentences_before SELECT NEW.path, count(*) FROM sentence_spans "
      "WHERE article_id = NEW.id; END");
  IngestWriter writer(/*batch_articles=*/16, *store_, run_id_, /*files_total=*/0, observer_);
  const std::string huge = HugeText();
  const auto huge_lines = static_cast<int64_t>(std::count(huge.begin(), huge.end(), '\n'));
  Reextract(writer, {"a.txt", "huge.txt", "b.txt"}, {"Acme saw seal.", huge, "Acme saw puffin."});
  EXPECT_TRUE(messages_.empty());
  EXPECT_EQ(writer.summary().articles_reextracted, 3);
  EXPECT_EQ(Query("SELECT sentences FROM sentences_before WHERE path = 'huge.txt' "
                  "ORDER BY rowid DESC LIMIT 1"),
            huge_lines);
  EXPECT_EQ(Query("SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'walrus'"),
            huge_lines);
  EXPECT_EQ(Query("SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'otter'"),
            huge_lines);
}

TEST_F(IngestWriterTest, AnArticleExtractedAgainThatFailsKeepsItsStoredSelf) {
  ExecBeside(
      "CREATE TRIGGER refuse_boom BEFORE INSERT ON articles "
      "WHEN NEW.text LIKE '%boom%' "
      "BEGIN SELECT RAISE(ABORT, 'forced failure'); END");
  IngestWriter writer(/*batch_articles=*/16, *store_, run_id_, /*files_total=*/0, observer_);
  Reextract(writer, {"a.txt", "b.txt", "c.txt"},
            {"Acme saw seal.", "Acme saw boom.", "Acme saw puffin."});
  ASSERT_EQ(messages_.size(), 1u);
  EXPECT_NE(messages_[0].find("b.txt: not re-extracted: "), std::string::npos) << messages_[0];
  EXPECT_EQ(writer.summary().articles_failed, 1);
  EXPECT_EQ(writer.summary().articles_reextracted, 2);
  EXPECT_EQ(Query("SELECT count(*) FROM articles WHERE path = 'b.txt' AND "
                  "text = 'Acme saw otter.'"),
            1);
  EXPECT_EQ(Query("SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'otter'"), 1);
  EXPECT_EQ(Query("SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'seal OR puffin'"),
            2);
}

}  // namespace
}  // namespace newsfacts
