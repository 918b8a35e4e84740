// Sentence texts read from their articles (migration 0014, db/sentence_text.h): an older
// database upgrades with the same texts, the writer keeps a text only for long articles, and
// the full-text index stays whole when articles and sentences are deleted or changed.
#include "db/sentence_text.h"

#include <gtest/gtest.h>

#include <string>

#include "db/fact_store.h"
#include "db/migrations.h"
#include "db/sqlite.h"
#include "tests/db/db_test_util.h"

namespace newsfacts {
namespace {

using testing::ReadInt;
using testing::ReadRows;
using testing::Rows;
using testing::TempDir;

// Two sentences with multi-byte letters, so byte and code point offsets differ.
const char kShortText[] = "Zo\xC3\xAB Brandt bought \xC3\x86r\xC3\xB8 Labs. Nordvik sold it.";
constexpr int kFirstEnd = 30;  // bytes of "Zoë Brandt bought Ærø Labs."
constexpr int kSecondStart = 31;

const char kIntegrityCheck[] =
    "INSERT INTO sentences_fts (sentences_fts) VALUES ('integrity-check')";

// A text longer than kMaxArticleBytesForSentenceSpans, one sentence per line.
std::string LongText() {
  std::string text;
  while (text.size() <= kMaxArticleBytesForSentenceSpans) text += "Garman sold Kestrel shares.\n";
  return text;
}

std::unique_ptr<sqlite::Connection> OpenAt(const std::string& path, int version) {
  auto db = sqlite::Connection::Open(path, sqlite::OpenMode::kReadWriteCreate);
  EXPECT_TRUE(db.ok()) << db.status().ToString();
  EXPECT_TRUE((*db)->Exec("PRAGMA foreign_keys = ON").ok());
  const Status migrated = ApplyMigrations(**db, version);
  EXPECT_TRUE(migrated.ok()) << migrated.ToString();
  return std::move(*db);
}

void Exec(sqlite::Connection& db, const std::string& sql) {
  const Status status = db.Exec(sql);
  ASSERT_TRUE(status.ok()) << status.ToString() << "\n" << sql;
}

// Inserts an article with `text` and the sentences of schema version 13 (each with its text).
void InsertVersion13Article(sqlite::Connection& db, int id, const std::string& text,
                            bool one_sentence_per_line) {
  Exec(db, "INSERT INTO articles (id, path, content_hash, text, byte_length, run_id) VALUES (" +
               std::to_string(id) + ", 'a" + std::to_string(id) + ".txt', 'h', '" + text + "', " +
               std::to_string(text.size()) + ", 1)");
  if (!one_sentence_per_line) {
    Exec(db,
         "INSERT INTO sentences (article_id, sentence_index, paragraph, start_byte, end_byte, "
         "start_char, end_char, text) VALUES (" +
             std::to_string(id) + ", 0, 0, 0, " + std::to_string(kFirstEnd) + ", 0, 27, '" +
             text.substr(0, kFirstEnd) + "'), (" + std::to_string(id) + ", 1, 0, " +
             std::to_string(kSecondStart) + ", " + std::to_string(text.size()) + ", 28, 44, '" +
             text.substr(kSecondStart) + "')");
    return;
  }
  int index = 0;
  for (size_t start = 0; start < text.size(); ++index) {
    const size_t end = text.find('\n', start);
    Exec(db,
         "INSERT INTO sentences (article_id, sentence_index, paragraph, start_byte, end_byte, "
         "start_char, end_char, text) VALUES (" +
             std::to_string(id) + ", " + std::to_string(index) + ", " + std::to_string(index) +
             ", " + std::to_string(start) + ", " + std::to_string(end) + ", " +
             std::to_string(start) + ", " + std::to_string(end) + ", '" +
             text.substr(start, end - start) + "')");
    start = end + 1;
  }
}

TEST(SentenceTextTest, AnOlderDatabaseUpgradesWithTheSameTexts) {
  TempDir folder;
  const std::string path = folder.File("facts.db");
  const std::string long_text = LongText();
  Rows texts_before;
  {
    std::unique_ptr<sqlite::Connection> db = OpenAt(path, 13);
    Exec(*db, "BEGIN");
    Exec(*db,
         "INSERT INTO runs (id, tool_version, rules_fingerprint, started_at) "
         "VALUES (1, 'v', 'f', 'now')");
    InsertVersion13Article(*db, 1, kShortText, false);
    InsertVersion13Article(*db, 2, long_text, true);
    Exec(*db, "COMMIT");
    Exec(*db, "INSERT INTO sentences_fts (sentences_fts) VALUES ('rebuild')");
  }
  texts_before = ReadRows(path, "SELECT * FROM sentences ORDER BY id");
  ASSERT_GT(texts_before.size(), 2000u);

  { OpenAt(path, LatestMigrationVersion()); }
  EXPECT_EQ(ReadRows(path, "SELECT * FROM sentences ORDER BY id"), texts_before);
  EXPECT_EQ(ReadRows(path, "SELECT text FROM sentences WHERE article_id = 1 ORDER BY id"),
            (Rows{{"Zo\xC3\xAB Brandt bought \xC3\x86r\xC3\xB8 Labs."}, {"Nordvik sold it."}}));
  // Only the long article's sentences keep their own text.
  EXPECT_EQ(ReadInt(path, "SELECT count(*) FROM sentence_spans WHERE stored_text IS NOT NULL"),
            static_cast<int64_t>(texts_before.size()) - 2);
  EXPECT_EQ(ReadInt(path,
                    "SELECT count(*) FROM sentence_spans WHERE article_id = 1 "
                    "AND stored_text IS NULL"),
            2);
  EXPECT_EQ(ReadRows(path,
                     "SELECT s.text FROM sentences_fts f JOIN sentences s ON s.id = f.rowid "
                     "WHERE sentences_fts MATCH 'zoe'"),
            (Rows{{"Zo\xC3\xAB Brandt bought \xC3\x86r\xC3\xB8 Labs."}}));
  EXPECT_EQ(ReadInt(path, "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'kestrel'"),
            static_cast<int64_t>(texts_before.size()) - 2);
  auto db = sqlite::Connection::Open(path, sqlite::OpenMode::kReadWrite);
  ASSERT_TRUE(db.ok());
  EXPECT_TRUE((*db)->Exec(kIntegrityCheck).ok());
}

TEST(SentenceTextTest, TheIndexFollowsDeletesAndChanges) {
  TempDir folder;
  const std::string path = folder.File("facts.db");
  std::unique_ptr<sqlite::Connection> db = OpenAt(path, LatestMigrationVersion());
  Exec(*db,
       "INSERT INTO runs (id, tool_version, rules_fingerprint, started_at) "
       "VALUES (1, 'v', 'f', 'now')");
  for (int id = 1; id <= 3; ++id) {
    Exec(*db, "INSERT INTO articles (id, path, content_hash, text, byte_length, run_id) VALUES (" +
                  std::to_string(id) + ", 'a" + std::to_string(id) + ".txt', 'h', '" + kShortText +
                  "', 47, 1)");
    // Through the view, as plain SQL written for older versions does.
    Exec(*db,
         "INSERT INTO sentences (article_id, sentence_index, paragraph, start_byte, end_byte, "
         "start_char, end_char, text) VALUES (" +
             std::to_string(id) + ", 0, 0, 0, 30, 0, 27, NULL), (" + std::to_string(id) +
             ", 1, 0, 31, 47, 28, 44, 'Nordvik sold it.')");
  }
  Exec(*db, "INSERT INTO sentences_fts (sentences_fts) VALUES ('rebuild')");
  EXPECT_EQ(ReadInt(path, "SELECT count(*) FROM sentence_spans WHERE stored_text IS NULL"), 6);
  const std::string count_nordvik =
      "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'nordvik'";
  EXPECT_EQ(ReadInt(path, count_nordvik), 3);

  Exec(*db, "DELETE FROM articles WHERE id = 1");
  Exec(*db, kIntegrityCheck);
  EXPECT_EQ(ReadInt(path, count_nordvik), 2);
  Exec(*db, "DELETE FROM sentences WHERE article_id = 2 AND sentence_index = 1");
  Exec(*db, kIntegrityCheck);
  EXPECT_EQ(ReadInt(path, count_nordvik), 1);
  Exec(*db, "UPDATE articles SET text = replace(text, 'Nordvik', 'Halvard') WHERE id = 3");
  Exec(*db, kIntegrityCheck);
  EXPECT_EQ(ReadInt(path, count_nordvik), 0);
  Exec(*db,
       "UPDATE sentence_spans SET start_byte = 39 WHERE article_id = 3 AND sentence_index = 1");
  Exec(*db, kIntegrityCheck);
  EXPECT_EQ(ReadRows(path,
                     "SELECT s.text FROM sentences_fts f JOIN sentences s ON s.id = f.rowid "
                     "WHERE sentences_fts MATCH 'sold'"),
            (Rows{{"sold it."}}));
}

// Builds an article of `text`, one sentence per line, and writes it with a FactStore.
void WriteArticle(FactStore& store, int64_t run, const std::string& path, const std::string& text) {
  ArticleMeta meta;
  meta.path = path;
  Document doc = Document::FromRaw(meta, text);
  int index = 0;
  for (size_t start = 0; start < doc.text().size(); ++index) {
    size_t end = doc.text().find('\n', start);
    if (end == std::string::npos) end = doc.text().size();
    doc.mutable_sentences().push_back({{start, end}, 0, 0, index});
    start = end + 1;
  }
  const Status written = store.WriteArticle(doc, path, run);
  ASSERT_TRUE(written.ok()) << written.ToString();
}

TEST(SentenceTextTest, TheWriterKeepsTextsOnlyForLongArticles) {
  TempDir folder;
  const std::string path = folder.File("facts.db");
  {
    auto store = FactStore::Open(path);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    auto run = (*store)->BeginRun({"0.1.0", "f00d"});
    ASSERT_TRUE(run.ok());
    WriteArticle(**store, *run, "short.txt", "Kestrel sold Ferrow.\nNordvik bought it.");
    WriteArticle(**store, *run, "long.txt", LongText());
    ASSERT_TRUE((*store)->FinishRun(*run, {}).ok());
  }
  EXPECT_EQ(ReadRows(path,
                     "SELECT s.sentence_index, s.stored_text IS NULL, v.text "
                     "FROM sentence_spans s JOIN sentences v ON v.id = s.id "
                     "JOIN articles a ON a.id = s.article_id "
                     "WHERE a.path = 'short.txt' ORDER BY s.id"),
            (Rows{{"0", "1", "Kestrel sold Ferrow."}, {"1", "1", "Nordvik bought it."}}));
  EXPECT_EQ(ReadInt(path,
                    "SELECT count(*) FROM sentence_spans s JOIN articles a "
                    "ON a.id = s.article_id WHERE a.path = 'long.txt' "
                    "AND s.stored_text = 'Garman sold Kestrel shares.'"),
            ReadInt(path, "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'garman'"));
  EXPECT_EQ(ReadInt(path, "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'ferrow'"),
            1);
}

}  // namespace
}  // namespace newsfacts
