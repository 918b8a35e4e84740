// The fact store tests' fixture: a store with a run begun in a temporary folder, helpers that
// read its search index back, and the small and huge documents the tests write.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <string>

#include "db/fact_store.h"
#include "tests/db/db_test_util.h"

namespace newsfacts::testing {

// A one-sentence document whose quote text and entity can be chosen.
inline Document SmallDocument(const std::string& path, const std::string& words,
                              const std::string& entity_key, int record_index = -1) {
  ArticleMeta meta;
  meta.path = path;
  meta.record_index = record_index;
  Document doc = Document::FromRaw(meta, words);
  doc.mutable_sentences() = {{{0, doc.text().size()}, 0, 0, 0}};
  doc.mutable_entities() = {{entity_key, "Name of " + entity_key, EntityType::kOrg, "", {}}};
  doc.mutable_mentions() = {{{0, 4}, 0, EntityType::kOrg, 0, "test"}};
  doc.mutable_quotes() = {{{0, doc.text().size()}, "", std::nullopt, 0}};
  return doc;
}

// A huge article (over FactStore::kHugeTextBytes): `megabytes` MB of one-line sentences,
// "Walrus Labs" named at the start of the first 1,000 and the first one quoted.
inline Document HugeDocument(const std::string& path, size_t megabytes = 9) {
  std::string text;
  while (text.size() < (megabytes << 20)) {
    text +=
        "Walrus Labs sold a boat to the otter fund, which sold it to the seal trust, which sold it "
        "to the puffin club, which sold it to the heron guild, which sold it back to Walrus Labs "
        "for a song.\n";
  }
  ArticleMeta meta;
  meta.path = path;
  Document doc = Document::FromRaw(meta, text);
  for (size_t begin = 0; begin < doc.text().size();) {
    const size_t end = doc.text().find('\n', begin) + 1;
    doc.mutable_sentences().push_back({{begin, end - 1}, 0, 0, 0});
    begin = end;
  }
  doc.mutable_entities() = {{"walrus-labs", "Walrus Labs", EntityType::kOrg, "", {}}};
  for (size_t i = 0; i < 1000; ++i) {
    const size_t begin = doc.sentences()[i].span.begin;
    doc.mutable_mentions().push_back({{begin, begin + 11}, 0, EntityType::kOrg, i, "test"});
  }
  doc.mutable_quotes() = {{doc.sentences()[0].span, "", std::nullopt, 0}};
  return doc;
}

// A fresh store in a temporary folder with a run begun.
class FactStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = folder_.File("facts.db");
    auto store = FactStore::Open(path_);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(*store);
    auto run = store_->BeginRun({"0.1.0", "f00d"});
    ASSERT_TRUE(run.ok()) << run.status().ToString();
    run_id_ = *run;
  }

  // Stores one article and finishes the run, whose sentences a builder indexed beside the
  // store (db/search_index_builder.h), then begins another: the store indexes the sentences of
  // a run into a database with articles itself, as each transaction commits.
  void BeginRunIntoDatabaseWithArticles() {
    ASSERT_TRUE(
        store_->WriteArticle(SmallDocument("first.txt", "Zed opened", "zed"), "h0", run_id_).ok());
    ASSERT_TRUE(store_->FinishRun(run_id_, {}).ok());
    auto run = store_->BeginRun({"0.1.0", "f00d"});
    ASSERT_TRUE(run.ok()) << run.status().ToString();
    run_id_ = *run;
  }

  int64_t Count(const std::string& table) {
    return ReadInt(path_, "SELECT count(*) FROM " + table);
  }

  // True when the search index passes FTS5's integrity check (from a connection of its own).
  bool SearchIndexIsIntact() {
    auto check = sqlite::Connection::Open(path_, sqlite::OpenMode::kReadWrite);
    return check.ok() &&
           (*check)
               ->Exec("INSERT INTO sentences_fts(sentences_fts) VALUES('integrity-check')")
               .ok();
  }

  // The paths of the articles whose sentences the search index finds for `query`, in order.
  Rows PathsMatching(const std::string& query) {
    return ReadRows(path_,
                    "SELECT a.path FROM sentences_fts f JOIN sentences s ON s.id = f.rowid "
                    "JOIN articles a ON a.id = s.article_id WHERE sentences_fts MATCH '" +
                        query + "' ORDER BY a.path");
  }

  // Makes inserting a row of `table` fail when `condition` holds for it (NEW.column...), by a
  // trigger created from a second connection, as a user's tool beside the store would; false
  // when that could not be done. A refused quote fails an article at its last layer, after its
  // new entity exists.
  bool RefuseInserts(const std::string& table, const std::string& condition) {
    auto other = sqlite::Connection::Open(path_, sqlite::OpenMode::kReadWriteCreate);
    return other.ok() &&
           (*other)
               ->Exec("CREATE TRIGGER refuse_" + table + " BEFORE INSERT ON " + table + " WHEN " +
                      condition + " BEGIN SELECT RAISE(ABORT, 'forced failure'); END")
               .ok();
  }

  TempDir folder_;
  std::string path_;
  std::unique_ptr<FactStore> store_;
  int64_t run_id_ = 0;
};

}  // namespace newsfacts::testing
