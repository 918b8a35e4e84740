// RunQuery: the rows of each statement streamed with their types; writes refused with
// nothing changed; a missing database and bad SQL reported clearly.
#include "db/query.h"

#include <gtest/gtest.h>

#include <chrono>
#include <fstream>

#include "tests/db/db_test_util.h"

namespace newsfacts {
namespace {

using testing::ReadInt;
using testing::ReadRows;
using testing::Rows;
using testing::TempDir;

// Collects what RunQuery streams: each result set's columns and rows, cells as text
// ("NULL", integers, reals, text, blob bytes).
class RowCollector : public RowSink {
 public:
  void BeginResult(const std::vector<std::string>& columns) override {
    results.push_back({columns});
  }
  void Row(const std::vector<Cell>& cells) override {
    std::vector<std::string>& row = results.back().emplace_back();
    for (const Cell& cell : cells) {
      switch (cell.type) {
        case CellType::kNull:
          row.push_back("NULL");
          break;
        case CellType::kInteger:
          row.push_back(std::to_string(cell.integer));
          break;
        case CellType::kFloat:
          row.push_back(std::to_string(cell.real));
          break;
        case CellType::kText:
        case CellType::kBlob:
          row.push_back(std::string(cell.bytes));
          break;
      }
    }
  }
  void RowsCut(int64_t max_rows) override { cut_at = max_rows; }
  void EndResult() override { ++ended; }

  std::vector<Rows> results;  // per result set: the column names, then the rows
  int ended = 0;
  int64_t cut_at = 0;
};

class QueryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = folder_.File("tiny.db");
    auto db = sqlite::Connection::Open(path_, sqlite::OpenMode::kReadWriteCreate);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE((*db)
                    ->Exec("CREATE TABLE t (id INTEGER, name TEXT, amount REAL, note TEXT, "
                           "data BLOB);"
                           "INSERT INTO t VALUES (1, 'Acme', 2.5, NULL, x'00ff');"
                           "INSERT INTO t VALUES (2, 'Zo\xC3\xAB, \"Z\" Ltd', NULL, "
                           "'two' || char(10) || 'lines', NULL);"
                           "PRAGMA user_version = 7")
                    .ok());
  }

  TempDir folder_;
  std::string path_;
};

TEST_F(QueryTest, StreamsEachResultSetWithTypedCells) {
  RowCollector rows;
  ASSERT_TRUE(
      RunQuery(path_,
               "BEGIN; SELECT * FROM t ORDER BY id; SELECT count(*) AS n FROM t WHERE id = 3; "
               "COMMIT",
               rows)
          .ok());
  EXPECT_EQ(rows.ended, 2);
  ASSERT_EQ(rows.results.size(), 2u);
  EXPECT_EQ(rows.results[0], (Rows{{"id", "name", "amount", "note", "data"},
                                   {"1", "Acme", "2.500000", "NULL", std::string("\0\xFF", 2)},
                                   {"2", "Zo\xC3\xAB, \"Z\" Ltd", "NULL", "two\nlines", "NULL"}}));
  EXPECT_EQ(rows.results[1], (Rows{{"n"}, {"0"}}));
}

TEST_F(QueryTest, WritesAreRefusedAndChangeNothing) {
  const std::string refused =
      "error: query is read-only: this statement would modify the database (use ingest to "
      "change it)";
  const std::string cases[] = {
      "drop table t",
      "INSERT INTO t (id) VALUES (3)",
      "UPDATE t SET name = 'x'",
      "SELECT 1; DELETE FROM t",
      "CREATE TABLE u (x)",
      "PRAGMA user_version = 8",
  };
  for (const std::string& sql : cases) {
    SCOPED_TRACE(sql);
    RowCollector rows;
    Status status = RunQuery(path_, sql, rows);
    EXPECT_EQ(status.code(), StatusCode::kReadOnly);
    EXPECT_EQ("error: " + status.message(), refused);
    EXPECT_EQ(ReadRows(path_, "SELECT id, name FROM t ORDER BY id"),
              (Rows{{"1", "Acme"}, {"2", "Zo\xC3\xAB, \"Z\" Ltd"}}));
    EXPECT_EQ(ReadInt(path_, "SELECT count(*) FROM sqlite_schema"), 1);
    EXPECT_EQ(ReadInt(path_, "PRAGMA user_version"), 7);
  }
}

TEST_F(QueryTest, ReportsMissingDatabaseAndBadSql) {
  const std::string missing = folder_.File("absent.db");
  RowCollector rows;
  Status not_found = RunQuery(missing, "SELECT 1", rows);
  EXPECT_EQ(not_found.code(), StatusCode::kNotFound);
  EXPECT_EQ(not_found.message(),
            missing + ": no database here; run `newsfacts ingest DIR --db " + missing + "` first");
  EXPECT_FALSE(std::filesystem::exists(missing));

  struct Case {
    std::string sql;
    std::string fragment;
  };
  const Case cases[] = {
      {"SELEC 1", "syntax error"},
      {"SELECT * FROM no_such_table", "no such table: no_such_table"},
      {"SELECT 1; SELECT nope FROM t", "no such column: nope"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.sql);
    RowCollector ignored;
    Status status = RunQuery(path_, c.sql, ignored);
    EXPECT_EQ(status.code(), StatusCode::kInvalidArgument);
    EXPECT_NE(status.message().find(c.fragment), std::string::npos) << status.message();
  }
  RowCollector ignored;
  EXPECT_EQ(RunQuery(path_, "  ;  -- nothing\n", ignored).code(), StatusCode::kInvalidArgument);

  const std::string text = folder_.File("notes.txt");
  std::ofstream(text) << "Plain notes that only look like a database by name.\n";
  Status not_sqlite = RunQuery(text, "SELECT 1", ignored);
  EXPECT_EQ(not_sqlite.code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(not_sqlite.message(), text + ": not a newsfacts database (file is not SQLite)");
}

// Issue 15, item 10: a recursive CTE that never ends grew to 3 GB or ran forever.
constexpr std::string_view kEndless =
    "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) ";

TEST_F(QueryTest, AnEndlessQueryStopsAtTheTimeoutWithAClearMessage) {
  RowCollector rows;
  QueryOptions options;
  options.timeout_seconds = 0.3;
  const auto started = std::chrono::steady_clock::now();
  Status status = RunQuery(path_, std::string(kEndless) + "SELECT count(*) FROM c", rows, options);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  EXPECT_EQ(status.code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(status.message().rfind("query stopped after 0.3 s (--timeout 0.3)", 0), 0u)
      << status.message();
  EXPECT_LT(seconds, 5.0);
  EXPECT_EQ(rows.ended, 0);
}

TEST_F(QueryTest, MaxRowsCutsEachResultAndSaysSo) {
  RowCollector rows;
  QueryOptions options;
  options.max_rows = 3;
  ASSERT_TRUE(
      RunQuery(path_, std::string(kEndless) + "SELECT x FROM c; SELECT id FROM t", rows, options)
          .ok());
  ASSERT_EQ(rows.results.size(), 2u);
  EXPECT_EQ(rows.results[0], (Rows{{"x"}, {"1"}, {"2"}, {"3"}}));
  EXPECT_EQ(rows.cut_at, 3);
  EXPECT_EQ(rows.results[1].size(), 3u);  // the header and both rows: not cut
  options.max_rows = 2;
  RowCollector exact;
  ASSERT_TRUE(RunQuery(path_, "SELECT id FROM t", exact, options).ok());
  EXPECT_EQ(exact.cut_at, 0);  // exactly max_rows rows: nothing was cut
}

}  // namespace
}  // namespace newsfacts
