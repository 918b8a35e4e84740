// The schema as users see it: a snapshot of sqlite_schema after migrating an empty file
// (fails on any unplanned change), and migration from every earlier schema version keeping
// rows and reaching the same schema as a new file.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "db/fact_store.h"
#include "db/migrations.h"
#include "tests/db/db_test_util.h"

namespace newsfacts {
namespace {

using testing::ReadInt;
using testing::ReadRows;
using testing::Rows;
using testing::TempDir;

constexpr char kSnapshotPath[] = NEWSFACTS_SOURCE_DIR "/tests/db/schema_snapshot.sql";
constexpr char kUpdateVariable[] = "NEWSFACTS_UPDATE_SCHEMA_SNAPSHOT";

// Every schema object of the database at `path` as SQL text, one per block, sorted by
// type and name; internal sqlite_ objects are left out.
std::string DumpSchema(const std::string& path) {
  std::string dump;
  for (const auto& row : ReadRows(path,
                                  "SELECT type, name, coalesce(sql, '') FROM sqlite_schema "
                                  "WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
                                  "ORDER BY type, name")) {
    dump += "-- " + row[0] + " " + row[1] + "\n" + row[2] + ";\n\n";
  }
  return dump;
}

std::unique_ptr<sqlite::Connection> OpenForWrite(const std::string& path) {
  auto connection = sqlite::Connection::Open(path, sqlite::OpenMode::kReadWriteCreate);
  EXPECT_TRUE(connection.ok()) << connection.status().ToString();
  if (!connection.ok()) return nullptr;
  EXPECT_TRUE((*connection)->Exec("PRAGMA foreign_keys = ON").ok());
  return std::move(*connection);
}

TEST(SchemaTest, MatchesTheCheckedInSnapshot) {
  TempDir folder;
  const std::string path = folder.File("snapshot.db");
  ASSERT_TRUE(FactStore::Open(path).ok());
  const std::string actual =
      "-- Schema after every migration (tests/db/schema_test.cc). Regenerate deliberately with\n"
      "-- NEWSFACTS_UPDATE_SCHEMA_SNAPSHOT=1 db_tests --gtest_filter=SchemaTest.*\n"
      "-- user_version " +
      std::to_string(ReadInt(path, "PRAGMA user_version")) + "\n\n" + DumpSchema(path);
  if (std::getenv(kUpdateVariable) != nullptr) {
    std::ofstream(kSnapshotPath, std::ios::binary) << actual;
  }
  std::ifstream file(kSnapshotPath, std::ios::binary);
  std::stringstream expected;
  expected << file.rdbuf();
  EXPECT_EQ(actual, expected.str())
      << "The schema differs from tests/db/schema_snapshot.sql. The schema is the public "
         "interface: change it only with a new numbered migration in db/migrations/, then run "
      << kUpdateVariable
      << "=1 db_tests --gtest_filter=SchemaTest.* and commit the reviewed diff "
         "of the snapshot together with the README's Schema section.";
}

// Rows a version-1 database can hold: one run, article, sentence, two entities with an
// alias, mentions, an amount and a claim.
constexpr char kVersion1Rows[] =
    "INSERT INTO runs (id, tool_version, rules_fingerprint, started_at, finished_at) "
    "VALUES (1, '0.1.0', 'old-rules', '2024-01-01T00:00:00Z', '2024-01-01T00:00:01Z');"
    "INSERT INTO articles (id, path, content_hash, title, source, text, byte_length, run_id) "
    "VALUES (1, 'a.txt', 'h1', 'Contoso backs Fabrikam', 'Wire A', "
    "'Contoso invested $5 billion in Fabrikam.', 40, 1);"
    "INSERT INTO sentences (id, article_id, sentence_index, paragraph, start_byte, end_byte, "
    "start_char, end_char, text) "
    "VALUES (1, 1, 0, 0, 0, 40, 0, 40, 'Contoso invested $5 billion in Fabrikam.');"
    "INSERT INTO entities (id, key, name, type) VALUES (1, 'contoso', 'Contoso', 'ORG'), "
    "(2, 'fabrikam', 'Fabrikam', 'ORG');"
    "INSERT INTO aliases (entity_id, alias) VALUES (1, 'Contoso Corp');"
    "INSERT INTO mentions (article_id, sentence_id, mention_index, entity_id, type, text, "
    "start_byte, end_byte, start_char, end_char, rule, run_id) "
    "VALUES (1, 1, 0, 1, 'ORG', 'Contoso', 0, 7, 0, 7, 'g', 1), "
    "(1, 1, 1, 2, 'ORG', 'Fabrikam', 31, 39, 31, 39, 'g', 1);"
    "INSERT INTO amounts (id, article_id, sentence_id, amount_index, text, value, low, high, "
    "currency, currency_evidence, qualifier, start_byte, end_byte, start_char, end_char, rule, "
    "run_id) VALUES (1, 1, 1, 0, '$5 billion', '5000000000', '5000000000', '5000000000', "
    "'USD', 'symbol $', 'exact', 17, 27, 17, 27, 'm', 1);"
    "INSERT INTO claims (article_id, sentence_id, claim_index, predicate, subject_id, "
    "object_id, amount_id, status, start_byte, end_byte, start_char, end_char, rule, run_id) "
    "VALUES (1, 1, 0, 'invested_in', 1, 2, 1, 'asserted', 0, 40, 0, 40, 'c', 1);";

TEST(SchemaTest, EveryEarlierVersionMigratesToTheSchemaOfANewFile) {
  TempDir folder;
  const std::string fresh = folder.File("fresh.db");
  ASSERT_TRUE(FactStore::Open(fresh).ok());
  const std::string expected_schema = DumpSchema(fresh);
  const int latest = FactStore::LatestSchemaVersion();
  ASSERT_GE(latest, 2);

  for (int version = 0; version < latest; ++version) {
    SCOPED_TRACE("from version " + std::to_string(version));
    const std::string path = folder.File("from" + std::to_string(version) + ".db");
    {
      auto connection = OpenForWrite(path);
      ASSERT_NE(connection, nullptr);
      Status status = ApplyMigrations(*connection, version);
      ASSERT_TRUE(status.ok()) << status.ToString();
      ASSERT_EQ(ReadInt(path, "PRAGMA user_version"), version);
      if (version >= 1) {
        ASSERT_TRUE(connection->Exec(kVersion1Rows).ok());
      }
      if (version >= 3) {
        // From 0003 on, whoever inserts sentences by hand indexes them (see that migration).
        ASSERT_TRUE(
            connection->Exec("INSERT INTO sentences_fts (sentences_fts) VALUES ('rebuild')").ok());
      }
    }
    auto store = FactStore::Open(path);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    EXPECT_EQ(ReadInt(path, "PRAGMA user_version"), latest);
    EXPECT_EQ(DumpSchema(path), expected_schema);
    if (version == 0) continue;
    // The rows are kept and reach the views and the full-text index.
    EXPECT_EQ(ReadRows(path, "SELECT subject, predicate, object, amount, source FROM facts"),
              (Rows{{"Contoso", "invested_in", "Fabrikam", "$5 billion", "Wire A"}}));
    EXPECT_EQ(ReadRows(path,
                       "SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH "
                       "'fabrikam'"),
              (Rows{{"1"}}));
    EXPECT_EQ(ReadRows(path, "SELECT entity, mentions FROM entity_articles ORDER BY entity"),
              (Rows{{"Contoso", "1"}, {"Fabrikam", "1"}}));
    EXPECT_EQ(ReadRows(path, "SELECT rules_fingerprint, articles_reextracted FROM runs"),
              (Rows{{"old-rules", "0"}}));
    // Migration 0011 lists every fact and the store stores their comparisons when it opens.
    EXPECT_EQ(ReadInt(path, "SELECT count(*) FROM facts_to_compare"), 0);
    EXPECT_EQ(ReadRows(path, "SELECT claim_id, amounts FROM stored_comparable_claims"),
              (Rows{{"1", "'USD','5000000000','5000000000'"}}));
    EXPECT_EQ(ReadRows(path, "SELECT claims, articles, sources FROM stored_fact_counts"),
              (Rows{{"1", "1", "1"}}));
  }
}

TEST(SchemaTest, MigratingToAnUnknownVersionIsRefused) {
  TempDir folder;
  const std::string path = folder.File("unknown.db");
  auto connection = OpenForWrite(path);
  ASSERT_NE(connection, nullptr);
  Status status = ApplyMigrations(*connection, FactStore::LatestSchemaVersion() + 1);
  EXPECT_EQ(status.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(ReadInt(path, "PRAGMA user_version"), 0);
}

}  // namespace
}  // namespace newsfacts
