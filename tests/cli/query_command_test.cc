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

}  // namespace
}  // namespace newsfacts
