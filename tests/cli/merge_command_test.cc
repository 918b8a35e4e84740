// `newsfacts merge`: two shard databases merged equal both shards ingested into one; the
// summary counts what was added and skipped; bad inputs exit 2 naming the file.
#include <gtest/gtest.h>

#include "tests/cli/db_content.h"

namespace newsfacts {
namespace {

using testing::ContentQueries;
using testing::QueryCsv;
using testing::RunNewsfacts;
using testing::TempDir;

const std::string kFixtures = std::string(NEWSFACTS_SOURCE_DIR) + "/tests/fixtures/store";

TEST(MergeCommandTest, MergedShardsEqualOneIngestOfBoth) {
  TempDir dir;
  const std::string a = kFixtures + "/shard-a";
  const std::string b = kFixtures + "/shard-b";
  ASSERT_EQ(RunNewsfacts("ingest " + a + " --db a.db", dir.path()).exit_code, 0);
  ASSERT_EQ(RunNewsfacts("ingest " + b + " --db b.db", dir.path()).exit_code, 0);
  ASSERT_EQ(RunNewsfacts("ingest " + a + " " + b + " --db both.db", dir.path()).exit_code, 0);

  auto merged = RunNewsfacts("merge merged.db a.db b.db", dir.path());
  ASSERT_EQ(merged.exit_code, 0) << merged.output;
  EXPECT_NE(merged.output.find("merged.db: merged 2 databases: 7 articles added (0 duplicate, "
                               "0 conflicting skipped)"),
            std::string::npos)
      << merged.output;
  ASSERT_FALSE(ContentQueries().empty());
  for (const std::string& query : ContentQueries()) {
    SCOPED_TRACE(query);
    EXPECT_EQ(QueryCsv(dir, "merged.db", query), QueryCsv(dir, "both.db", query));
  }
  EXPECT_NE(QueryCsv(dir, "merged.db", "SELECT count(*) AS n FROM mentions"), "n\n0\n");

  // Merging a shard again adds nothing; the merged database stays usable for ingest.
  auto again = RunNewsfacts("merge merged.db a.db", dir.path());
  ASSERT_EQ(again.exit_code, 0) << again.output;
  EXPECT_NE(again.output.find("0 articles added (4 duplicate, 0 conflicting skipped)"),
            std::string::npos)
      << again.output;
  auto ingest = RunNewsfacts("ingest " + a + " " + b + " --db merged.db", dir.path());
  ASSERT_EQ(ingest.exit_code, 0) << ingest.output;
  EXPECT_NE(ingest.output.find("(0 new, 0 replaced, 7 unchanged, 0 failed)\n"), std::string::npos)
      << ingest.output;
}

TEST(MergeCommandTest, BadInputsExitTwoNamingTheFile) {
  TempDir dir;
  dir.Write("notes.db", "These are notes, not a database.\nSecond line of notes here.\n");
  auto not_sqlite = RunNewsfacts("merge out.db notes.db", dir.path());
  EXPECT_EQ(not_sqlite.exit_code, 2) << not_sqlite.output;
  EXPECT_NE(not_sqlite.output.find("notes.db: not a newsfacts database"), std::string::npos)
      << not_sqlite.output;

  auto missing = RunNewsfacts("merge out.db missing.db", dir.path());
  EXPECT_EQ(missing.exit_code, 2) << missing.output;
  EXPECT_NE(missing.output.find("missing.db"), std::string::npos) << missing.output;

  auto no_inputs = RunNewsfacts("merge out.db", dir.path());
  EXPECT_EQ(no_inputs.exit_code, 2) << no_inputs.output;
}

}  // namespace
}  // namespace newsfacts
