// RunQuery: exact table, CSV and JSON output for a tiny table; writes refused with nothing
// changed; a missing database and bad SQL reported clearly.
#include "db/query.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "tests/db/db_test_util.h"

namespace newsfacts {
namespace {

using testing::ReadInt;
using testing::ReadRows;
using testing::Rows;
using testing::TempDir;

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

  // Runs `sql`; returns what was printed, or the error message prefixed with "error: ".
  std::string Run(std::string_view sql, QueryFormat format) {
    std::ostringstream out;
    Status status = RunQuery(path_, sql, format, out);
    if (!status.ok()) return "error: " + status.message();
    return out.str();
  }

  TempDir folder_;
  std::string path_;
};

TEST_F(QueryTest, PrintsEachFormatExactly) {
  struct Case {
    std::string sql;
    QueryFormat format;
    std::string expected;
  };
  const Case cases[] = {
      {"SELECT id, name, amount, note FROM t ORDER BY id", QueryFormat::kTable,
       "id  name          amount  note\n"
       "--  ------------  ------  ---------\n"
       " 1  Acme             2.5\n"
       " 2  Zo\xC3\xAB, \"Z\" Ltd          two lines\n"
       "(2 rows)\n"},
      {"SELECT * FROM t ORDER BY id", QueryFormat::kCsv,
       "id,name,amount,note,data\n"
       "1,Acme,2.5,,00ff\n"
       "2,\"Zo\xC3\xAB, \"\"Z\"\" Ltd\",,\"two\nlines\",\n"},
      {"SELECT * FROM t ORDER BY id", QueryFormat::kJson,
       "[{\"id\":1,\"name\":\"Acme\",\"amount\":2.5,\"note\":null,\"data\":\"00ff\"},"
       "{\"id\":2,\"name\":\"Zo\xC3\xAB, \\\"Z\\\" Ltd\",\"amount\":null,"
       "\"note\":\"two\\nlines\",\"data\":null}]\n"},
      {"SELECT name FROM t WHERE id = 1", QueryFormat::kTable, "name\n----\nAcme\n(1 row)\n"},
      {"SELECT name FROM t WHERE id = 3", QueryFormat::kTable, "name\n----\n(0 rows)\n"},
      {"SELECT name FROM t WHERE id = 3", QueryFormat::kJson, "[]\n"},
      {"SELECT name FROM t WHERE id = 3", QueryFormat::kCsv, "name\n"},
      {"SELECT 1 AS a; SELECT 'x' AS b;", QueryFormat::kJson, "[{\"a\":1}]\n[{\"b\":\"x\"}]\n"},
      {"SELECT 1 AS a; SELECT 'x' AS b;", QueryFormat::kCsv, "a\n1\n\nb\nx\n"},
      {"SELECT 1 AS a; SELECT 'x' AS b;", QueryFormat::kTable,
       "a\n-\n1\n(1 row)\n\nb\n-\nx\n(1 row)\n"},
      {"SELECT 2.0 AS r, 1e300 * 10 AS big, -7 AS n", QueryFormat::kJson,
       "[{\"r\":2.0,\"big\":1e+301,\"n\":-7}]\n"},
      {"SELECT printf('%.70c', 'x') AS long", QueryFormat::kTable,
       "long\n" + std::string(60, '-') + "\n" + std::string(59, 'x') + "\xE2\x80\xA6\n(1 row)\n"},
      {"-- a comment only before\nSELECT count(*) AS n FROM t", QueryFormat::kCsv, "n\n2\n"},
      {"PRAGMA user_version", QueryFormat::kCsv, "user_version\n7\n"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.sql);
    EXPECT_EQ(Run(c.sql, c.format), c.expected);
  }
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
    std::ostringstream out;
    Status status = RunQuery(path_, sql, QueryFormat::kCsv, out);
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
  std::ostringstream out;
  Status not_found = RunQuery(missing, "SELECT 1", QueryFormat::kTable, out);
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
    std::ostringstream ignored;
    Status status = RunQuery(path_, c.sql, QueryFormat::kCsv, ignored);
    EXPECT_EQ(status.code(), StatusCode::kInvalidArgument);
    EXPECT_NE(status.message().find(c.fragment), std::string::npos) << status.message();
  }
  std::ostringstream ignored;
  EXPECT_EQ(RunQuery(path_, "  ;  -- nothing\n", QueryFormat::kCsv, ignored).code(),
            StatusCode::kInvalidArgument);

  const std::string text = folder_.File("notes.txt");
  std::ofstream(text) << "Plain notes that only look like a database by name.\n";
  Status not_sqlite = RunQuery(text, "SELECT 1", QueryFormat::kCsv, ignored);
  EXPECT_EQ(not_sqlite.code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(not_sqlite.message(), text + ": not a newsfacts database (file is not SQLite)");
}

}  // namespace
}  // namespace newsfacts
