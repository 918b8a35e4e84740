// End-to-end `rules check`: built-in rules pass; a broken user rule file is named and fatal.
#include <gtest/gtest.h>

#include "tests/cli/cli_test_util.h"

namespace newsfacts {
namespace {

using testing::RunNewsfacts;
using testing::TempDir;

TEST(RulesCommandTest, BuiltinRulesCompileAndEveryExamplePasses) {
  TempDir dir;
  auto run = RunNewsfacts("rules check", dir.path());
  EXPECT_EQ(run.exit_code, 0) << run.output;
  EXPECT_NE(run.output.find("0 failing examples"), std::string::npos) << run.output;
}

TEST(RulesCommandTest, AMalformedUserRuleFileIsNamedWithItsLine) {
  TempDir dir;
  dir.Write("mine/extra.jsonl", "{\"label\": \"ORG\", \"pattern\": \"Acme\"}\n{oops}\n");
  auto run = RunNewsfacts("rules check mine", dir.path());
  EXPECT_EQ(run.exit_code, 2) << run.output;
  EXPECT_NE(run.output.find("mine/extra.jsonl:2:"), std::string::npos) << run.output;
}

TEST(RulesCommandTest, IngestRefusesToStartWithABrokenRuleFile) {
  TempDir dir;
  dir.Write("articles/a.txt", "Acme\n\nAcme Corp said hello.\n");
  dir.Write("mine/broken.json", "{\"kind\": \"claims\", \"rules\": [");
  auto run = RunNewsfacts("ingest articles --db facts.db --rules mine", dir.path());
  EXPECT_EQ(run.exit_code, 2) << run.output;
  EXPECT_NE(run.output.find("mine/broken.json:1:"), std::string::npos) << run.output;
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "facts.db"));
}

}  // namespace
}  // namespace newsfacts
