// The search index of a run into an empty database, built beside the store's writer: searchable
// once the run ends, copied when it saw every sentence and rebuilt otherwise, rebuilt when the
// run replaces an article or stops, and whole when a later run of the same store adds to it;
// a share of the sentences left for the end of the run's extraction.
#include "db/search_index_builder.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "db/fact_store.h"
#include "db/sqlite.h"
#include "tests/db/db_test_util.h"

namespace newsfacts {
namespace {

using testing::ReadInt;
using testing::ReadRows;
using testing::Rows;
using testing::TempDir;

// An article of one sentence per element of `sentences`, joined by spaces, with no facts.
Document Article(const std::string& path, const std::vector<std::string>& sentences) {
  std::string text;
  std::vector<Span> spans;
  for (const std::string& sentence : sentences) {
    if (!text.empty()) text += ' ';
    spans.push_back({text.size(), text.size() + sentence.size()});
    text += sentence;
  }
  ArticleMeta meta;
  meta.path = path;
  Document doc = Document::FromRaw(meta, text);
  for (const Span& span : spans) doc.mutable_sentences().push_back({span, 0, 0, 0});
  return doc;
}

// `count` sentences "Word wN." numbered from `first`.
std::vector<std::string> Numbered(int first, int count) {
  std::vector<std::string> sentences;
  for (int i = first; i < first + count; ++i)
    sentences.push_back("Word w" + std::to_string(i) + ".");
  return sentences;
}

// The paths of the articles whose sentences match `query`, in order, once per sentence.
Rows Matches(const std::string& path, const std::string& query) {
  return ReadRows(path,
                  "SELECT a.path FROM sentences_fts f JOIN sentences s ON s.id = f.rowid "
                  "JOIN articles a ON a.id = s.article_id WHERE sentences_fts MATCH '" +
                      query + "' ORDER BY a.path, s.id");
}

int64_t CountMatches(const std::string& path, const std::string& query) {
  return ReadInt(path,
                 "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH '" + query + "'");
}

// Fails unless the index agrees with the sentences (FTS5 reads every one of them back).
void ExpectIndexWhole(const std::string& path) {
  auto db = sqlite::Connection::Open(path, sqlite::OpenMode::kReadWrite);
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  const Status check =
      (*db)->Exec("INSERT INTO sentences_fts (sentences_fts) VALUES ('integrity-check')");
  EXPECT_TRUE(check.ok()) << check.ToString();
}

class SearchIndexBuilderTest : public ::testing::Test {
 protected:
  void SetUp() override { path_ = folder_.File("facts.db"); }

  // Opens store_ on the database, if it is not open, and begins run_ in it.
  void BeginRun() {
    if (store_ == nullptr) {
      auto store = FactStore::Open(path_);
      ASSERT_TRUE(store.ok()) << store.status().ToString();
      store_ = std::move(*store);
    }
    auto run = store_->BeginRun({"0.1.0", "f00d"});
    ASSERT_TRUE(run.ok()) << run.status().ToString();
    run_ = *run;
  }

  // Stores `articles` in one run of a store opened on the (empty) database, finishes it and
  // closes the store.
  void StoreFirstRun(const std::vector<Document>& articles) {
    ASSERT_NO_FATAL_FAILURE(BeginRun());
    for (const Document& doc : articles) {
      ASSERT_TRUE(store_->WriteArticle(doc, "hash of " + doc.meta().path, run_).ok());
    }
    ASSERT_TRUE(store_->FinishRun(run_, {}).ok());
    store_.reset();
  }

  // Empties the index of a database holding sentences, as a run whose builder stopped left it.
  void EmptyIndex() {
    auto db = sqlite::Connection::Open(path_, sqlite::OpenMode::kReadWrite);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE(
        (*db)->Exec("INSERT INTO sentences_fts (sentences_fts) VALUES ('delete-all')").ok());
    ASSERT_EQ(CountMatches(path_, "word"), 0);
  }

  int64_t LastSentence() { return ReadInt(path_, "SELECT max(id) FROM sentence_spans"); }

  TempDir folder_;
  std::string path_;
  std::unique_ptr<FactStore> store_;
  int64_t run_ = 0;
};

TEST_F(SearchIndexBuilderTest, AFirstRunIsSearchableWhenItEndsNotBefore) {
  ASSERT_NO_FATAL_FAILURE(BeginRun());
  ASSERT_TRUE(store_->BeginBatch().ok());
  ASSERT_TRUE(store_->WriteArticle(Article("a.txt", {"Acme sold otter."}), "ha", run_).ok());
  ASSERT_TRUE(store_->CommitBatch().ok());
  // Many sentences, in a transaction of its own.
  ASSERT_TRUE(store_->WriteArticle(Article("b.txt", Numbered(0, 20000)), "hb", run_).ok());
  EXPECT_EQ(CountMatches(path_, "otter"), 0);
  ASSERT_TRUE(store_->FinishRun(run_, {}).ok());

  // The run's row, written while the builder indexed its last sentences, and the index it put
  // in place after.
  EXPECT_EQ(ReadInt(path_, "SELECT count(*) FROM runs WHERE finished_at IS NOT NULL"), 1);
  ExpectIndexWhole(path_);
  EXPECT_EQ(Matches(path_, "otter"), (Rows{{"a.txt"}}));
  EXPECT_EQ(CountMatches(path_, "word"), 20000);
  for (const std::string word : {"w0", "w16383", "w16384", "w19999"}) {
    EXPECT_EQ(Matches(path_, word), (Rows{{"b.txt"}})) << word;
  }
}

// While the run goes on the builder leaves 45% of the committed sentences for the end of the
// run, to within half a statement: it takes a statement once half of one is due, a whole one
// or all that is committed when that is less.
TEST(SentencesToIndexDuringRunTest, LeavesAShareForTheEndToWithinHalfAStatement) {
  for (const int64_t statement : {int64_t{16384}, int64_t{32768}, int64_t{65536}}) {
    SCOPED_TRACE(statement);
    const int64_t under_half = statement * 2 / 5 * 100 / 55;  // 40% of a statement due
    const int64_t over_half = statement * 95 / 100;  // 52% of a statement due, all committed
    EXPECT_EQ(SentencesToIndexDuringRun(0, 0, statement), 0);
    EXPECT_EQ(SentencesToIndexDuringRun(under_half, 0, statement), 0) << "less than half due";
    EXPECT_EQ(SentencesToIndexDuringRun(over_half, 0, statement), over_half) << "all committed";
    EXPECT_EQ(SentencesToIndexDuringRun(2 * statement, 0, statement), statement);
    EXPECT_EQ(SentencesToIndexDuringRun(2 * statement, statement, statement), 0);
    // Once the extraction ended, no share is left, but statements stay whole.
    EXPECT_EQ(SentencesToIndexDuringRun(2 * statement, statement, statement, true), statement);
    const int64_t two_fifths = statement * 2 / 5;
    const int64_t three_fifths = statement * 3 / 5;
    EXPECT_EQ(SentencesToIndexDuringRun(statement + two_fifths, statement, statement, true), 0);
    EXPECT_EQ(SentencesToIndexDuringRun(statement + three_fifths, statement, statement, true),
              three_fifths);
    for (int64_t committed = 0; committed <= 2000000; committed += 7919) {
      const int64_t due = committed - committed * 45 / 100;
      for (const int64_t indexed : {int64_t{0}, statement, 5 * statement}) {
        if (indexed > committed) continue;
        const int64_t now = SentencesToIndexDuringRun(committed, indexed, statement);
        EXPECT_GE(now, 0);
        EXPECT_LE(indexed + now, committed);
        if (now == 0) {
          EXPECT_LT(due - indexed, statement / 2) << committed;
        } else if (indexed + now < committed) {
          EXPECT_EQ(now % statement, 0) << committed;
          EXPECT_LE(std::abs(indexed + now - due), statement / 2) << committed;
        }
      }
    }
  }
}

// Until the run's extraction ends the builder keeps its share of the committed sentences for
// later; from then on it indexes the sentences committed in whole statements, without waiting
// for the run's end, and what is less than half a statement at the end.
TEST_F(SearchIndexBuilderTest, TakesTheShareLeftForTheEndOnceTheExtractionEnds) {
  StoreFirstRun({Article("a.txt", Numbered(0, 40000))});
  EmptyIndex();
  auto started = SearchIndexBuilder::Start(path_, 1000, /*expected_bytes=*/1000);
  ASSERT_TRUE(started.ok()) << started.status().ToString();
  SearchIndexBuilder& builder = **started;
  // Waits up to a minute for the builder to have indexed `count` sentences.
  const auto indexed = [&](int64_t count) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(1);
    while (builder.Indexed() < count && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return builder.Indexed();
  };
  builder.IndexUpTo(LastSentence());
  // One statement of 16,384 takes it to within half a statement of 55% of 40,000.
  ASSERT_EQ(indexed(16384), 16384);
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  EXPECT_EQ(builder.Indexed(), 16384);
  builder.IndexWithoutReserve();
  EXPECT_EQ(indexed(32768), 32768);
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  EXPECT_EQ(builder.Indexed(), 32768) << "less than half a statement is left";
  auto outcome = builder.Finish();
  ASSERT_TRUE(outcome.ok()) << outcome.status().ToString();
  EXPECT_EQ(*outcome, SearchIndexBuilder::Outcome::kCopied);
  ExpectIndexWhole(path_);
  EXPECT_EQ(CountMatches(path_, "word"), 40000);
}

// A run told that its extraction ended before its last article still indexes every sentence.
TEST_F(SearchIndexBuilderTest, ARunWhoseExtractionEndedIndexesItsLastArticlesToo) {
  ASSERT_NO_FATAL_FAILURE(BeginRun());
  ASSERT_TRUE(store_->WriteArticle(Article("a.txt", Numbered(0, 20000)), "ha", run_).ok());
  store_->ExtractionEnded();
  ASSERT_TRUE(store_->WriteArticle(Article("b.txt", {"Acme sold otter."}), "hb", run_).ok());
  ASSERT_TRUE(store_->FinishRun(run_, {}).ok());
  ExpectIndexWhole(path_);
  EXPECT_EQ(CountMatches(path_, "word"), 20000);
  EXPECT_EQ(Matches(path_, "otter"), (Rows{{"b.txt"}}));
  EXPECT_EQ(Matches(path_, "w19999"), (Rows{{"a.txt"}}));
}

// A run's statements are about a fifth of its sentences (110 bytes each), a power of two from
// 16,384 to 65,536; a run of unknown size takes the largest.
TEST(SentencesPerStatementTest, AboutAFifthOfTheExpectedSentences) {
  EXPECT_EQ(SentencesPerStatement(0), 65536);
  EXPECT_EQ(SentencesPerStatement(1000), 16384);
  EXPECT_EQ(SentencesPerStatement(4800000), 16384);    // 8,727 a fifth
  EXPECT_EQ(SentencesPerStatement(9500000), 16384);    // 17,272
  EXPECT_EQ(SentencesPerStatement(20290000), 32768);   // 36,890
  EXPECT_EQ(SentencesPerStatement(40600000), 65536);   // 73,818
  EXPECT_EQ(SentencesPerStatement(105000000), 65536);  // 190,909
  int64_t before = SentencesPerStatement(1);
  for (int64_t bytes = 1; bytes < 200000000; bytes = bytes * 3 / 2 + 1) {
    const int64_t per_statement = SentencesPerStatement(bytes);
    EXPECT_GE(per_statement, before) << bytes;  // never smaller for a larger run
    EXPECT_EQ(per_statement & (per_statement - 1), 0) << bytes;
    before = per_statement;
  }
}

// A first run sizes its builder's statements by the bytes it expects: with statements of
// 16,384, a run of 20,000 sentences indexes a statement while it goes on and the rest at its
// end, and its index holds every sentence.
TEST_F(SearchIndexBuilderTest, AnExpectedSmallRunIndexesInSmallStatements) {
  RunInfo info{"test", "rules", 1000};
  auto opened = FactStore::Open(path_);
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  store_ = std::move(*opened);
  StatusOr<int64_t> run = store_->BeginRun(info);
  ASSERT_TRUE(run.ok()) << run.status().ToString();
  ASSERT_TRUE(store_->WriteArticle(Article("b.txt", Numbered(0, 20000)), "hb", *run).ok());
  ASSERT_TRUE(store_->FinishRun(*run, {}).ok());
  ExpectIndexWhole(path_);
  EXPECT_EQ(CountMatches(path_, "word"), 20000);
  for (const std::string word : {"w0", "w16383", "w16384", "w19999"}) {
    EXPECT_EQ(Matches(path_, word), (Rows{{"b.txt"}})) << word;
  }
}

TEST_F(SearchIndexBuilderTest, CopiesAnIndexOfEverySentence) {
  StoreFirstRun({Article("a.txt", Numbered(0, 3)), Article("b.txt", Numbered(3, 70000))});
  EmptyIndex();
  auto builder = SearchIndexBuilder::Start(path_, 1000);
  ASSERT_TRUE(builder.ok()) << builder.status().ToString();
  (*builder)->IndexUpTo(5);
  (*builder)->IndexUpTo(LastSentence());
  auto outcome = (*builder)->Finish();
  ASSERT_TRUE(outcome.ok()) << outcome.status().ToString();
  EXPECT_EQ(*outcome, SearchIndexBuilder::Outcome::kCopied);
  ExpectIndexWhole(path_);
  EXPECT_EQ(CountMatches(path_, "word"), 70003);
  EXPECT_EQ(Matches(path_, "w2"), (Rows{{"a.txt"}}));
  for (const std::string word : {"w65535", "w65536", "w70002"}) {
    EXPECT_EQ(Matches(path_, word), (Rows{{"b.txt"}})) << word;
  }
}

TEST_F(SearchIndexBuilderTest, RebuildsWhenItMissedASentence) {
  StoreFirstRun({Article("a.txt", Numbered(0, 4))});
  EmptyIndex();
  auto builder = SearchIndexBuilder::Start(path_, 1000);
  ASSERT_TRUE(builder.ok());
  (*builder)->IndexUpTo(LastSentence() - 1);
  auto outcome = (*builder)->Finish();
  ASSERT_TRUE(outcome.ok()) << outcome.status().ToString();
  EXPECT_EQ(*outcome, SearchIndexBuilder::Outcome::kRebuilt);
  ExpectIndexWhole(path_);
  EXPECT_EQ(Matches(path_, "w3"), (Rows{{"a.txt"}}));
}

TEST_F(SearchIndexBuilderTest, RebuildsWhenAnotherWriterIndexedSentences) {
  StoreFirstRun({Article("a.txt", Numbered(0, 4))});
  EmptyIndex();
  auto builder = SearchIndexBuilder::Start(path_, 1000);
  ASSERT_TRUE(builder.ok());
  (*builder)->IndexUpTo(LastSentence());
  auto other = sqlite::Connection::Open(path_, sqlite::OpenMode::kReadWrite);
  ASSERT_TRUE(other.ok());
  ASSERT_TRUE((*other)
                  ->Exec("INSERT INTO sentences_fts (rowid, text) "
                         "SELECT id, text FROM sentences ORDER BY id LIMIT 1")
                  .ok());
  auto outcome = (*builder)->Finish();
  ASSERT_TRUE(outcome.ok()) << outcome.status().ToString();
  EXPECT_EQ(*outcome, SearchIndexBuilder::Outcome::kRebuilt);
  ExpectIndexWhole(path_);
  EXPECT_EQ(CountMatches(path_, "word"), 4);
}

TEST_F(SearchIndexBuilderTest, AStoppedRunIsIndexedByTheNextStoreOpened) {
  ASSERT_NO_FATAL_FAILURE(BeginRun());
  ASSERT_TRUE(store_->WriteArticle(Article("a.txt", {"Acme sold otter."}), "ha", run_).ok());
  store_.reset();  // stops without FinishRun
  EXPECT_EQ(CountMatches(path_, "otter"), 0);
  auto reopened = FactStore::Open(path_);
  ASSERT_TRUE(reopened.ok()) << reopened.status().ToString();
  ExpectIndexWhole(path_);
  EXPECT_EQ(Matches(path_, "otter"), (Rows{{"a.txt"}}));
}

TEST_F(SearchIndexBuilderTest, ReplacingAnArticleOfTheRunRebuildsTheIndex) {
  ASSERT_NO_FATAL_FAILURE(BeginRun());
  ASSERT_TRUE(store_->WriteArticle(Article("a.txt", {"Acme sold otter."}), "h1", run_).ok());
  ASSERT_TRUE(store_->WriteArticle(Article("b.txt", {"Grey saw otter."}), "h2", run_).ok());
  // Deleting the first version takes its sentence out of an index that must hold it.
  ASSERT_TRUE(store_->WriteArticle(Article("a.txt", {"Acme sold walrus."}), "h3", run_).ok());
  EXPECT_EQ(Matches(path_, "otter"), (Rows{{"b.txt"}}));
  ASSERT_TRUE(store_->WriteArticle(Article("c.txt", {"Kite saw walrus."}), "h4", run_).ok());
  ASSERT_TRUE(store_->FinishRun(run_, {}).ok());
  ExpectIndexWhole(path_);
  EXPECT_EQ(Matches(path_, "otter"), (Rows{{"b.txt"}}));
  EXPECT_EQ(Matches(path_, "walrus"), (Rows{{"a.txt"}, {"c.txt"}}));
}

TEST_F(SearchIndexBuilderTest, ABatchWrittenAgainAfterAFailureIsIndexedOnce) {
  ASSERT_NO_FATAL_FAILURE(BeginRun());
  ASSERT_TRUE(store_->BeginBatch(BatchMode::kWholeBatch).ok());
  ASSERT_TRUE(store_->WriteArticle(Article("a.txt", Numbered(0, 3)), "ha", run_).ok());
  Document invalid = Article("b.txt", {"Broken."});
  invalid.mutable_sentences()[0].span = {0, 99};  // past the text's end
  EXPECT_FALSE(store_->WriteArticle(invalid, "hb", run_).ok());
  EXPECT_FALSE(store_->BatchOpen());  // rolled back whole; written again:
  ASSERT_TRUE(store_->BeginBatch(BatchMode::kWholeBatch).ok());
  ASSERT_TRUE(store_->WriteArticle(Article("a.txt", Numbered(0, 3)), "ha", run_).ok());
  ASSERT_TRUE(store_->CommitBatch().ok());
  ASSERT_TRUE(store_->FinishRun(run_, {}).ok());
  ExpectIndexWhole(path_);
  EXPECT_EQ(CountMatches(path_, "word"), 3);
}

// The store's connection sees the copy another connection wrote: its next run adds to it.
TEST_F(SearchIndexBuilderTest, ALaterRunOfTheSameStoreAddsToTheCopiedIndex) {
  for (const std::string name : {"a.txt", "b.txt"}) {
    ASSERT_NO_FATAL_FAILURE(BeginRun());
    ASSERT_TRUE(store_->WriteArticle(Article(name, {"Acme sold otter."}), name, run_).ok());
    ASSERT_TRUE(store_->FinishRun(run_, {}).ok());
  }
  ExpectIndexWhole(path_);
  EXPECT_EQ(Matches(path_, "otter"), (Rows{{"a.txt"}, {"b.txt"}}));
}

}  // namespace
}  // namespace newsfacts
