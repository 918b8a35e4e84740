// `newsfacts compare`: the report over an ingested database, filters, and errors that name
// the file and say what to do.
#include <gtest/gtest.h>

#include "tests/cli/cli_test_util.h"

namespace newsfacts {
namespace {

using testing::RunNewsfacts;
using testing::TempDir;

const std::string kFixtures = std::string(NEWSFACTS_SOURCE_DIR) + "/tests/fixtures/store";

TEST(CompareCommandTest, ErrorsExitTwoAndSayWhatToDo) {
  TempDir dir;
  ASSERT_EQ(RunNewsfacts("ingest " + kFixtures + " --db facts.db", dir.path()).exit_code, 0);
  struct Case {
    std::string args;
    std::string message;
  };
  const Case cases[] = {
      {"compare --db missing.db",
       "missing.db: no database here; run `newsfacts ingest DIR --db missing.db` first"},
      {"compare --db facts.db --entity 'No Such Company'",
       "facts.db: no entity named \"No Such Company\"; list them with `newsfacts query"},
      {"compare --db facts.db --min-articles 0", "--min-articles"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.args);
    auto run = RunNewsfacts(c.args, dir.path());
    EXPECT_EQ(run.exit_code, 2) << run.output;
    EXPECT_NE(run.output.find(c.message), std::string::npos) << run.output;
  }
}

TEST(CompareCommandTest, AnEntityWithoutFactsPrintsAnEmptyReport) {
  TempDir dir;
  ASSERT_EQ(RunNewsfacts("ingest " + kFixtures + " --db facts.db", dir.path()).exit_code, 0);
  auto run = RunNewsfacts("compare --db facts.db --entity anthropic --predicate sold", dir.path());
  EXPECT_EQ(run.exit_code, 0) << run.output;
  EXPECT_EQ(run.output, "0 facts: 0 agree, 0 conflict, 0 unconfirmed\n");
}

}  // namespace
}  // namespace newsfacts
