// The query formats: exact table, CSV and JSON output of RunQuery's rows for a tiny table.
#include "cli/query_format.h"

#include <gtest/gtest.h>

#include <sstream>

#include "tests/db/db_test_util.h"

namespace newsfacts {
namespace {

using testing::TempDir;

class QueryFormatTest : public ::testing::Test {
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
    Status status = RunQuery(path_, sql, *MakeQueryWriter(format, out));
    if (!status.ok()) return "error: " + status.message();
    return out.str();
  }

  TempDir folder_;
  std::string path_;
};

TEST_F(QueryFormatTest, PrintsEachFormatExactly) {
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

// Issue 15, item 10: the table held every row until the end (3 GB for an endless CTE).
TEST(TableFormatTest, PrintsPageByPageAndWidensWithARepeatedHeader) {
  std::ostringstream out;
  std::unique_ptr<RowSink> table = MakeTableWriter(out, /*page_rows=*/2);
  const auto text = [](std::string_view value) {
    Cell cell;
    cell.type = CellType::kText;
    cell.bytes = value;
    return std::vector<Cell>{cell};
  };
  table->BeginResult({"name"});
  table->Row(text("ab"));
  EXPECT_EQ(out.str(), "");  // the first page is not full yet
  table->Row(text("abcd"));
  EXPECT_EQ(out.str(), "name\n----\nab\nabcd\n");  // printed before the result ends
  table->Row(text("abcdef"));
  table->Row(text("x"));
  table->Row(text("y"));
  table->RowsCut(5);
  table->EndResult();
  EXPECT_EQ(out.str(),
            "name\n----\nab\nabcd\n"
            "name\n------\nabcdef\nx\n"
            "y\n"
            "(5 rows; more not shown: --max-rows 5)\n");
}

}  // namespace
}  // namespace newsfacts
