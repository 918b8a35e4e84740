// MultiRowInsert: rows go in at most kMaxRows per statement, each bound to its own
// parameters, with the row ids SQLite gave them, and an OR IGNORE head ignores row by row.
#include "db/multi_row_insert.h"

#include <gtest/gtest.h>

#include <string>

#include "tests/db/db_test_util.h"

namespace newsfacts {
namespace {

using testing::ReadInt;
using testing::ReadRows;
using testing::Rows;
using testing::TempDir;

std::unique_ptr<sqlite::Connection> OpenWithTable(const std::string& path, const char* table) {
  auto db = sqlite::Connection::Open(path, sqlite::OpenMode::kReadWriteCreate);
  EXPECT_TRUE(db.ok()) << db.status().ToString();
  EXPECT_TRUE((*db)->Exec(table).ok());
  return std::move(*db);
}

TEST(MultiRowInsertTest, InsertsEveryRowWithItsOwnValuesAndReportsTheirIds) {
  TempDir folder;
  const std::string path = folder.File("rows.db");
  auto db = OpenWithTable(path, "CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER, s TEXT)");
  // Ids before the inserted rows, with a gap: new rows follow the largest.
  ASSERT_TRUE(db->Exec("INSERT INTO t (id, n, s) VALUES (5, -1, 'old'), (9, -2, 'old')").ok());
  MultiRowInsert insert("INSERT INTO t (n, s)", 2);
  // Two full statements and a shorter one, then one row alone.
  for (const size_t count : {2 * MultiRowInsert::kMaxRows + 3, size_t{1}}) {
    SCOPED_TRACE(count);
    const int64_t before = ReadInt(path, "SELECT max(id) FROM t");
    std::vector<int64_t> ids;
    const Status status = insert.Insert(
        *db, count,
        [](sqlite::Statement& statement, int first, size_t i) {
          statement.BindInt64(first + 1, static_cast<int64_t>(i));
          statement.BindText(first + 2, "row " + std::to_string(i));
        },
        &ids);
    ASSERT_TRUE(status.ok()) << status.ToString();
    ASSERT_EQ(ids.size(), count);
    for (size_t i = 0; i < count; ++i) {
      EXPECT_EQ(ids[i], before + 1 + static_cast<int64_t>(i));
      EXPECT_EQ(ReadRows(path, "SELECT n, s FROM t WHERE id = " + std::to_string(ids[i])),
                (Rows{{std::to_string(i), "row " + std::to_string(i)}}));
    }
  }
  EXPECT_EQ(ReadInt(path, "SELECT count(*) FROM t"), 2 + 2 * MultiRowInsert::kMaxRows + 3 + 1);
}

TEST(MultiRowInsertTest, AnOrIgnoreHeadSkipsDuplicatesRowByRow) {
  TempDir folder;
  const std::string path = folder.File("ignore.db");
  auto db = OpenWithTable(path, "CREATE TABLE t (id INTEGER PRIMARY KEY)");
  MultiRowInsert insert("INSERT OR IGNORE INTO t (id)", 1);
  const std::vector<int64_t> values = {3, 1, 3, 2, 1};
  ASSERT_TRUE(insert
                  .Insert(*db, values.size(),
                          [&](sqlite::Statement& statement, int first, size_t i) {
                            statement.BindInt64(first + 1, values[i]);
                          })
                  .ok());
  EXPECT_EQ(ReadRows(path, "SELECT id FROM t ORDER BY id"), (Rows{{"1"}, {"2"}, {"3"}}));
}

TEST(MultiRowInsertTest, AFailingRowFailsItsStatementAndNamesTheTable) {
  TempDir folder;
  const std::string path = folder.File("fail.db");
  auto db = OpenWithTable(path, "CREATE TABLE t (n INTEGER NOT NULL)");
  MultiRowInsert insert("INSERT INTO t (n)", 1);
  const Status status =
      insert.Insert(*db, 3, [](sqlite::Statement& statement, int first, size_t i) {
        if (i == 1) {
          statement.BindNull(first + 1);
        } else {
          statement.BindInt64(first + 1, 7);
        }
      });
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.message().find("INSERT INTO t"), std::string::npos) << status.message();
  EXPECT_EQ(ReadInt(path, "SELECT count(*) FROM t"), 0) << "one statement: none of its rows";
}

}  // namespace
}  // namespace newsfacts
