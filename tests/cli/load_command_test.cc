// `newsfacts load`: the filter's facts lines stored equal an ingest of the same articles;
// loading again changes nothing; facts of other rules, altered lines and the filter's error
// lines are refused naming the line.
#include <gtest/gtest.h>

#include "tests/cli/db_content.h"
#include "tests/cli/sample_jsonl.h"

namespace newsfacts {
namespace {

using testing::ContentQueries;
using testing::QueryCsv;
using testing::RunNewsfacts;
using testing::SampleCorpusJsonl;
using testing::TempDir;

TEST(LoadCommandTest, LoadedFactsEqualAnIngestOfTheSameArticles) {
  TempDir dir;
  dir.Write("samples.jsonl", SampleCorpusJsonl());
  ASSERT_EQ(RunNewsfacts("ingest samples.jsonl --db ingested.db", dir.path()).exit_code, 0);
  ASSERT_EQ(
      RunNewsfacts("extract --input jsonl samples.jsonl --jobs 2 > facts.jsonl", dir.path(), false)
          .exit_code,
      0);
  const testing::CommandResult loaded = RunNewsfacts("load facts.jsonl --db loaded.db", dir.path());
  ASSERT_EQ(loaded.exit_code, 0) << loaded.output;
  EXPECT_NE(loaded.output.find(" new, 0 replaced, 0 unchanged, 0 failed)"), std::string::npos)
      << loaded.output;
  ASSERT_FALSE(ContentQueries().empty());
  for (const std::string& query : ContentQueries()) {
    SCOPED_TRACE(query);
    EXPECT_EQ(QueryCsv(dir, "loaded.db", query), QueryCsv(dir, "ingested.db", query));
  }
  EXPECT_EQ(QueryCsv(dir, "loaded.db",
                     "SELECT tool_version, rules_fingerprint, articles_failed, "
                     "finished_at IS NOT NULL AS finished FROM runs"),
            QueryCsv(dir, "ingested.db",
                     "SELECT tool_version, rules_fingerprint, articles_failed, "
                     "finished_at IS NOT NULL AS finished FROM runs"));

  // The same lines again, from standard input: every article is unchanged.
  const testing::CommandResult again =
      RunNewsfacts("load - --db loaded.db < facts.jsonl", dir.path());
  ASSERT_EQ(again.exit_code, 0) << again.output;
  EXPECT_NE(again.output.find("(0 new, 0 replaced, "), std::string::npos) << again.output;
  // And an ingest of the articles finds them stored by the same rules: nothing to do.
  const testing::CommandResult ingest =
      RunNewsfacts("ingest samples.jsonl --db loaded.db", dir.path());
  EXPECT_NE(ingest.output.find("(0 new, 0 replaced, "), std::string::npos) << ingest.output;
  EXPECT_EQ(ingest.output.find("re-extracted"), std::string::npos) << ingest.output;
}

TEST(LoadCommandTest, OtherRulesAlteredLinesAndErrorLinesAreRefusedNamingTheLine) {
  TempDir dir;
  dir.Write("in.jsonl",
            "{\"text\":\"Saltmarsh Robotics raised $8 million from Ferrow Capital on Friday.\"}\n"
            "{\"text\": 5}\n");
  ASSERT_EQ(
      RunNewsfacts("extract --input jsonl in.jsonl > facts.jsonl", dir.path(), false).exit_code, 1);
  const std::string good =
      RunNewsfacts("extract --input jsonl in.jsonl | head -1", dir.path(), false).output;
  ASSERT_NE(good.find("\"rules_fingerprint\":\""), std::string::npos);

  // Another fingerprint; the text changed after extraction.
  const size_t at = good.find("\"rules_fingerprint\":\"") + 21;
  std::string other_rules = good;
  other_rules.replace(at, 4, "0000");
  std::string altered = good;
  altered.replace(altered.find("raised $8 million", altered.find("\"load\":")), 6, "raises");
  dir.Write("bad.jsonl", other_rules + altered);

  const testing::CommandResult result =
      RunNewsfacts("load facts.jsonl bad.jsonl --db out.db", dir.path());
  EXPECT_EQ(result.exit_code, 1) << result.output;
  EXPECT_NE(result.output.find("facts.jsonl:2: the filter's error line for input line 2"),
            std::string::npos)
      << result.output;
  EXPECT_NE(result.output.find("bad.jsonl:1: facts extracted with rules fingerprint 0000"),
            std::string::npos)
      << result.output;
  EXPECT_NE(result.output.find("refused"), std::string::npos) << result.output;
  EXPECT_NE(result.output.find("bad.jsonl:2: load.content_hash does not match the article"),
            std::string::npos)
      << result.output;
  EXPECT_NE(result.output.find("(1 new, 0 replaced, 0 unchanged, 3 failed)"), std::string::npos)
      << result.output;
  EXPECT_EQ(QueryCsv(dir, "out.db", "SELECT count(*) AS n FROM articles"), "n\n1\n");

  const testing::CommandResult missing = RunNewsfacts("load nothing.jsonl --db out.db", dir.path());
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.output.find("nothing.jsonl: cannot open"), std::string::npos);
}

}  // namespace
}  // namespace newsfacts
