// Schema migrations: a new or empty file reaches the latest version with every table; newer,
// foreign and non-SQLite files are refused with messages naming them.
#include "db/migrations.h"

#include <gtest/gtest.h>

#include <fstream>

#include "db/fact_store.h"
#include "tests/db/db_test_util.h"

namespace newsfacts {
namespace {

using testing::ReadInt;
using testing::ReadRows;
using testing::Rows;
using testing::TempDir;

TEST(MigrationsTest, CompiledInMigrationsAreNumberedFromOne) {
  StatusOr<std::vector<Migration>> migrations = LoadMigrations();
  ASSERT_TRUE(migrations.ok()) << migrations.status().ToString();
  ASSERT_FALSE(migrations->empty());
  for (size_t i = 0; i < migrations->size(); ++i) {
    SCOPED_TRACE((*migrations)[i].name);
    EXPECT_EQ((*migrations)[i].version, static_cast<int>(i) + 1);
    EXPECT_FALSE((*migrations)[i].sql.empty());
  }
  EXPECT_EQ((*migrations)[0].name, "0001_initial.sql");
  EXPECT_EQ(FactStore::LatestSchemaVersion(), migrations->back().version);
}

TEST(MigrationsTest, NewAndEmptyFilesGetEveryTable) {
  TempDir folder;
  const std::string created = folder.File("created.db");
  const std::string empty = folder.File("empty.db");
  std::ofstream(empty).close();
  for (const std::string& path : {created, empty}) {
    SCOPED_TRACE(path);
    {
      auto store = FactStore::Open(path);
      ASSERT_TRUE(store.ok()) << store.status().ToString();
    }
    EXPECT_EQ(ReadInt(path, "PRAGMA user_version"), FactStore::LatestSchemaVersion());
    const Rows tables =
        ReadRows(path, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name");
    const Rows expected = {{"aliases"},
                           {"amounts"},
                           {"articles"},
                           {"claims"},
                           {"entities"},
                           {"entity_name_votes"},
                           {"entity_names"},
                           {"entity_type_votes"},
                           {"facts_to_compare"},
                           {"mentions"},
                           {"quotes"},
                           {"runs"},
                           {"sentence_spans"},
                           {"sentences_fts"},
                           {"sentences_fts_config"},
                           {"sentences_fts_data"},
                           {"sentences_fts_idx"},
                           {"source_files"},
                           {"stored_comparable_claims"},
                           {"stored_conflict_groups"},
                           {"stored_fact_counts"}};
    EXPECT_EQ(tables, expected);
    EXPECT_EQ(ReadRows(path, "PRAGMA journal_mode"), Rows{{"wal"}});
  }
}

// A store FactStore creates has 16 KiB pages; one that exists keeps its own, and opens.
TEST(MigrationsTest, NewDatabasesTakeLargePagesAndOldOnesKeepTheirs) {
  TempDir folder;
  const std::string fresh = folder.File("fresh.db");
  ASSERT_TRUE(FactStore::Open(fresh).ok());
  EXPECT_EQ(ReadInt(fresh, "PRAGMA page_size"), 16384);

  // A store written before stores took large pages, as SQLite's default made it.
  const std::string old = folder.File("old.db");
  ASSERT_TRUE(FactStore::Open(old).ok());
  {
    auto db = sqlite::Connection::Open(old, sqlite::OpenMode::kReadWrite);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE((*db)->Exec("PRAGMA journal_mode = DELETE; PRAGMA page_size = 4096; VACUUM").ok());
  }
  ASSERT_EQ(ReadInt(old, "PRAGMA page_size"), 4096);
  {
    auto store = FactStore::Open(old);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    ASSERT_TRUE((*store)->BeginRun({"0.1.0", "abc"}).ok());
  }
  EXPECT_EQ(ReadInt(old, "PRAGMA page_size"), 4096);
  EXPECT_EQ(ReadInt(old, "SELECT count(*) FROM runs"), 1);
}

// Migration 0015 keys entity_names by article first: a store written before keeps its rows,
// finds them by entity through an index, and deleting an article still deletes its names.
TEST(MigrationsTest, EntityNamesKeepTheirRowsKeyedByArticleFirst) {
  TempDir folder;
  const std::string path = folder.File("names.db");
  {
    auto db = sqlite::Connection::Open(path, sqlite::OpenMode::kReadWriteCreate);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE(ApplyMigrations(**db, 14).ok());
    ASSERT_TRUE(
        (*db)
            ->Exec("INSERT INTO runs (id, tool_version, rules_fingerprint, started_at) "
                   "VALUES (1, '0.1.0', 'r', '2024-01-01T00:00:00Z');"
                   "INSERT INTO articles (id, path, content_hash, text, byte_length, run_id) "
                   "VALUES (1, 'a.txt', 'h1', 'A.', 2, 1), (2, 'b.txt', 'h2', 'B.', 2, 1);"
                   "INSERT INTO entities (id, key, name, type) VALUES "
                   "(1, 'contoso', 'Contoso', 'ORG'), (2, 'fabrikam', 'Fabrikam', 'ORG');"
                   "INSERT INTO entity_names (entity_id, article_id, name) VALUES "
                   "(2, 1, 'Fabrikam Inc'), (1, 2, 'Contoso'), (1, 1, 'Contoso Ltd')")
            .ok());
  }
  ASSERT_TRUE(FactStore::Open(path).ok());
  EXPECT_EQ(ReadRows(path,
                     "SELECT name FROM pragma_table_info('entity_names') WHERE pk > 0 "
                     "ORDER BY pk"),
            (Rows{{"article_id"}, {"entity_id"}}));
  EXPECT_EQ(ReadRows(path, "SELECT entity_id, article_id, name FROM entity_names"),
            (Rows{{"1", "1", "Contoso Ltd"}, {"2", "1", "Fabrikam Inc"}, {"1", "2", "Contoso"}}));
  EXPECT_EQ(ReadRows(path,
                     "SELECT article_id FROM entity_names INDEXED BY entity_names_by_entity "
                     "WHERE entity_id = 1 ORDER BY article_id"),
            (Rows{{"1"}, {"2"}}));
  {
    auto db = sqlite::Connection::Open(path, sqlite::OpenMode::kReadWrite);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE((*db)->Exec("PRAGMA foreign_keys = ON; DELETE FROM articles WHERE id = 1").ok());
  }
  EXPECT_EQ(ReadRows(path, "SELECT entity_id, article_id FROM entity_names"), (Rows{{"1", "2"}}));
}

TEST(MigrationsTest, ReopeningAMigratedDatabaseKeepsItsRows) {
  TempDir folder;
  const std::string path = folder.File("reopen.db");
  {
    auto store = FactStore::Open(path);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    ASSERT_TRUE((*store)->BeginRun({"0.1.0", "abc"}).ok());
  }
  auto store = FactStore::Open(path);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  EXPECT_EQ(ReadInt(path, "SELECT count(*) FROM runs"), 1);
}

TEST(MigrationsTest, RefusesFilesItCannotOwn) {
  TempDir folder;
  const int latest = FactStore::LatestSchemaVersion();

  const std::string newer = folder.File("newer.db");
  {
    auto db = sqlite::Connection::Open(newer, sqlite::OpenMode::kReadWriteCreate);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE((*db)->Exec("PRAGMA user_version = " + std::to_string(latest + 1)).ok());
  }
  const std::string text = folder.File("notes.db");
  std::ofstream(text) << "These are my notes, not a database.\nSecond line of notes.\n";
  const std::string foreign = folder.File("foreign.db");
  {
    auto db = sqlite::Connection::Open(foreign, sqlite::OpenMode::kReadWriteCreate);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE((*db)->Exec("CREATE TABLE recipes (name TEXT)").ok());
  }

  struct Case {
    std::string path;
    std::string message;
  };
  const Case cases[] = {
      {newer, newer + ": database schema version " + std::to_string(latest + 1) +
                  " is newer than this newsfacts (" + std::to_string(latest) +
                  "); upgrade newsfacts"},
      {text, text + ": not a newsfacts database (file is not SQLite)"},
      {foreign, foreign + ": not a newsfacts database (it holds other tables and no newsfacts "
                          "schema version)"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.path);
    auto store = FactStore::Open(c.path);
    ASSERT_FALSE(store.ok());
    EXPECT_EQ(store.status().code(), StatusCode::kFailedPrecondition);
    EXPECT_EQ(store.status().message(), c.message);
  }
  EXPECT_EQ(ReadInt(newer, "PRAGMA user_version"), latest + 1);
  EXPECT_EQ(ReadInt(foreign, "SELECT count(*) FROM sqlite_schema"), 1);
}

}  // namespace
}  // namespace newsfacts
