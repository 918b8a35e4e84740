// End-to-end query: read-only enforcement and output formats chosen by --format.
#include <gtest/gtest.h>

#include "tests/cli/cli_test_util.h"

namespace newsfacts {
namespace {

using testing::RunNewsfacts;
using testing::TempDir;

class QueryCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_.Write("articles/a.txt", "Alpha\n\nAlpha Corp said it is doing well.\n");
    auto run = RunNewsfacts("ingest articles --db facts.db", dir_.path());
    ASSERT_EQ(run.exit_code, 0) << run.output;
  }
  TempDir dir_;
};

TEST_F(QueryCommandTest, DropTableFailsAndTheTableIsStillThere) {
  auto drop = RunNewsfacts("query \"drop table articles\" --db facts.db", dir_.path());
  EXPECT_EQ(drop.exit_code, 2) << drop.output;
  EXPECT_NE(drop.output.find("read-only"), std::string::npos) << drop.output;
  auto count = RunNewsfacts(
      "query \"SELECT count(*) AS n FROM articles\" --db facts.db --format csv", dir_.path());
  EXPECT_EQ(count.output, "n\n1\n");
}

TEST_F(QueryCommandTest, JsonIsTheDefaultWhenStdoutIsNotATerminal) {
  auto run = RunNewsfacts("query \"SELECT title FROM articles\" --db facts.db", dir_.path());
  EXPECT_EQ(run.exit_code, 0) << run.output;
  EXPECT_NE(run.output.find("\"title\""), std::string::npos) << run.output;
  EXPECT_NE(run.output.find("\"Alpha\""), std::string::npos) << run.output;
}

TEST_F(QueryCommandTest, AMissingDatabaseIsNamed) {
  auto run = RunNewsfacts("query \"SELECT 1\" --db nowhere.db", dir_.path());
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.output.find("nowhere.db"), std::string::npos) << run.output;
}

// Issue 15, item 10: an endless recursive CTE in table format grew to 3 GB; now its rows
// stream out until --timeout stops it with exit code 2.
TEST_F(QueryCommandTest, AnEndlessQueryStreamsUntilTheTimeoutAndExitsTwo) {
  auto run = RunNewsfacts(
      "query \"WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x FROM c\" "
      "--db facts.db --format table --timeout 0.5",
      dir_.path());
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.output.rfind("  x\n---\n  1\n  2\n", 0), 0u) << run.output.substr(0, 200);
  EXPECT_NE(run.output.find("\n1000\n"), std::string::npos);
  EXPECT_NE(run.output.find("newsfacts: query stopped after 0.5 s (--timeout 0.5)"),
            std::string::npos)
      << run.output.substr(run.output.size() - 300);
}

TEST_F(QueryCommandTest, MaxRowsCutsTheOutputAndSaysSo) {
  const std::string endless =
      "query \"WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x FROM c\" "
      "--db facts.db --max-rows 2 --format ";
  auto table = RunNewsfacts(endless + "table", dir_.path());
  EXPECT_EQ(table.exit_code, 0) << table.output;
  EXPECT_EQ(table.output, "x\n-\n1\n2\n(2 rows; more not shown: --max-rows 2)\n");
  auto csv = RunNewsfacts(endless + "csv", dir_.path());
  EXPECT_EQ(csv.exit_code, 0) << csv.output;
  EXPECT_EQ(csv.output, "x\n1\n2\nnewsfacts: output cut at --max-rows 2 rows per result\n");
}

}  // namespace
}  // namespace newsfacts
