// The schema image: a new database made from it is the database every migration replayed makes
// (objects in the same order with the same SQL, FTS5 settings, version), and it refuses what
// it cannot carry.
#include "db/schema_image.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "db/migrations.h"
#include "tests/db/db_test_util.h"

namespace newsfacts {
namespace {

using testing::ReadInt;
using testing::ReadRows;
using testing::Rows;
using testing::TempDir;

std::unique_ptr<sqlite::Connection> Open(const std::string& path) {
  auto connection = sqlite::Connection::Open(path, sqlite::OpenMode::kReadWriteCreate);
  EXPECT_TRUE(connection.ok()) << connection.status().ToString();
  return connection.ok() ? std::move(*connection) : nullptr;
}

// What a database is beyond its rows: every schema object in the order made, the full-text
// index's settings and the schema version.
Rows SchemaOf(const std::string& path) {
  Rows schema = ReadRows(path,
                         "SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_schema "
                         "ORDER BY rowid");
  for (const auto& row : ReadRows(path, "SELECT k, v FROM sentences_fts_config ORDER BY k")) {
    schema.push_back({"fts5 setting", row[0], row[1], ""});
  }
  schema.push_back({"user_version", std::to_string(ReadInt(path, "PRAGMA user_version"))});
  return schema;
}

TEST(SchemaImageTest, ANewDatabaseFromTheImageIsTheReplayedOne) {
  TempDir folder;
  const std::string replayed = folder.File("replayed.db");
  const std::string imaged = folder.File("imaged.db");
  {
    auto db = Open(replayed);
    ASSERT_NE(db, nullptr);
    ASSERT_TRUE(ApplyMigrations(*db, LatestMigrationVersion()).ok());
  }
  {
    auto db = Open(imaged);
    ASSERT_NE(db, nullptr);
    ASSERT_TRUE(ApplyMigrations(*db).ok());
  }
  const Rows expected = SchemaOf(replayed);
  EXPECT_EQ(SchemaOf(imaged), expected);
  // The settings a migration gave the full-text index, which FTS5 keeps in a table of its own.
  EXPECT_NE(std::find(expected.begin(), expected.end(),
                      std::vector<std::string>{"fts5 setting", "automerge", "16", ""}),
            expected.end());
}

TEST(SchemaImageTest, TheImageOfAReplayedDatabaseMakesItAgain) {
  TempDir folder;
  auto db = Open(folder.File("replayed.db"));
  ASSERT_NE(db, nullptr);
  ASSERT_TRUE(ApplyMigrations(*db, LatestMigrationVersion()).ok());
  StatusOr<std::string> image = WriteSchemaImage(*db);
  ASSERT_TRUE(image.ok()) << image.status().ToString();
  EXPECT_NE(image->find("CREATE TABLE articles"), std::string::npos);
  EXPECT_EQ(image->find("sentences_fts_data"), std::string::npos);  // made by sentences_fts
  const std::string again = folder.File("again.db");
  auto copy = Open(again);
  ASSERT_NE(copy, nullptr);
  ASSERT_TRUE(copy->Exec(*image).ok());
  EXPECT_EQ(SchemaOf(again), SchemaOf(folder.File("replayed.db")));
}

TEST(SchemaImageTest, RefusesRowsAndVirtualTablesOtherThanFts5) {
  TempDir folder;
  auto rows = Open(folder.File("rows.db"));
  ASSERT_NE(rows, nullptr);
  ASSERT_TRUE(rows->Exec("CREATE TABLE t (x); INSERT INTO t VALUES (1);").ok());
  StatusOr<std::string> image = WriteSchemaImage(*rows);
  ASSERT_FALSE(image.ok());
  EXPECT_EQ(image.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(image.status().message().find("table t holds rows"), std::string::npos);

  auto rtree = Open(folder.File("rtree.db"));
  ASSERT_NE(rtree, nullptr);
  ASSERT_TRUE(rtree->Exec("CREATE VIRTUAL TABLE boxes USING rtree(id, x0, x1)").ok());
  image = WriteSchemaImage(*rtree);
  ASSERT_FALSE(image.ok());
  EXPECT_NE(image.status().message().find("boxes is not FTS5"), std::string::npos);
}

}  // namespace
}  // namespace newsfacts
