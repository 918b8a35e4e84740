// End-to-end extract: the JSON contract (keys, spans that slice the text) and the text format.
#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tests/cli/cli_test_util.h"

namespace newsfacts {
namespace {

using testing::RunNewsfacts;
using testing::TempDir;

const char kArticle[] =
    "Globex Raises Funds\n\n"
    "Globex Corp. said on Monday that Microsoft invested $250 million in the company. "
    "Globex chief executive Hank Scorpio welcomed the deal.\n";

TEST(ExtractCommandTest, JsonHasEveryContractArrayAndSpansSliceTheText) {
  TempDir dir;
  dir.Write("a.txt", kArticle);
  auto run = RunNewsfacts("extract a.txt --format json 2>/dev/null", dir.path());
  ASSERT_EQ(run.exit_code, 0) << run.output;
  const nlohmann::json doc = nlohmann::json::parse(run.output);
  for (const char* key :
       {"article", "sentences", "entities", "mentions", "amounts", "claims", "quotes"}) {
    EXPECT_TRUE(doc.contains(key)) << key;
  }
  EXPECT_EQ(doc["article"]["title"], "Globex Raises Funds");
  const std::string text = kArticle;
  ASSERT_EQ(doc["sentences"].size(), 3u);
  for (const auto& sentence : doc["sentences"]) {
    const size_t start = sentence["start"], end = sentence["end"];
    EXPECT_EQ(text.substr(start, end - start), sentence["text"]);
  }
  for (const char* layer : {"mentions", "amounts"}) {
    for (const auto& fact : doc[layer]) {
      const size_t start = fact["start"], end = fact["end"];
      EXPECT_EQ(text.substr(start, end - start), fact["text"]) << layer;
    }
  }
  ASSERT_FALSE(doc["amounts"].empty());
  EXPECT_EQ(doc["amounts"][0]["value"], "250000000");
  EXPECT_EQ(doc["amounts"][0]["currency"], "USD");
}

TEST(ExtractCommandTest, ADescribedObjectHasTextButNoEntity) {
  TempDir dir;
  dir.Write("a.txt", "Initech Corp said it sold its paper mill to Globex Corp.\n");
  auto run = RunNewsfacts("extract a.txt --format json 2>/dev/null", dir.path());
  ASSERT_EQ(run.exit_code, 0) << run.output;
  const nlohmann::json doc = nlohmann::json::parse(run.output);
  std::vector<std::string> seen;
  for (const auto& claim : doc["claims"]) {
    EXPECT_TRUE(claim["object"].is_null()) << claim.dump();
    seen.push_back(claim["predicate"].get<std::string>() + " " +
                   claim["subject"].get<std::string>() + " -> " +
                   claim["object_text"].get<std::string>());
  }
  std::sort(seen.begin(), seen.end());
  EXPECT_EQ(seen, (std::vector<std::string>{"acquired Globex -> paper mill",
                                            "sold Initech -> paper mill"}));
}

TEST(ExtractCommandTest, StdinAndTextFormat) {
  TempDir dir;
  dir.Write("a.txt", kArticle);
  auto run = RunNewsfacts("extract - --format text < a.txt", dir.path());
  ASSERT_EQ(run.exit_code, 0) << run.output;
  EXPECT_NE(run.output.find("Globex Raises Funds"), std::string::npos) << run.output;
  EXPECT_NE(run.output.find("$250 million = 250000000 USD"), std::string::npos) << run.output;
}

TEST(ExtractCommandTest, TextFormatShowsAmountRoleStageAndWhen) {
  TempDir dir;
  dir.Write("s.md",
            "---\ntitle: Funding\ndate: 2025-03-06\n---\n\n"
            "Amazon put a further $1.5 billion into Anthropic on Tuesday. Broadcom called off "
            "its $61 billion purchase of VMware. Oracle agreed to buy Cerner on Monday.\n");
  dir.Write("u.txt", "Oracle agreed to buy Cerner on Monday.\n");
  auto run = RunNewsfacts("extract s.md --format text", dir.path());
  ASSERT_EQ(run.exit_code, 0) << run.output;
  EXPECT_NE(run.output.find("$1.5 billion (tranche)  when: 2025-03-04 (on Tuesday)"),
            std::string::npos)
      << run.output;
  EXPECT_NE(run.output.find("$61 billion  stage: abandoned"), std::string::npos) << run.output;
  EXPECT_NE(run.output.find("stage: agreed  when: 2025-03-03 (on Monday)"), std::string::npos)
      << run.output;
  auto undated = RunNewsfacts("extract u.txt --format text", dir.path());
  EXPECT_NE(undated.output.find("when: \"on Monday\" (no published date to resolve it)"),
            std::string::npos)
      << undated.output;
}

TEST(ExtractCommandTest, JsonLinesFilePrintsOneObjectPerRecord) {
  TempDir dir;
  dir.Write("w.jsonl",
            "{\"title\": \"One\", \"text\": \"Initech bought Globex.\"}\n"
            "{\"title\": \"Two\", \"text\": \"Globex sold a unit.\"}\n");
  auto run = RunNewsfacts("extract w.jsonl 2>/dev/null", dir.path());
  ASSERT_EQ(run.exit_code, 0) << run.output;
  std::istringstream lines(run.output);
  std::string line;
  std::vector<std::string> titles;
  while (std::getline(lines, line))
    titles.push_back(nlohmann::json::parse(line)["article"]["title"]);
  EXPECT_EQ(titles, (std::vector<std::string>{"One", "Two"}));
}

TEST(ExtractCommandTest, ABinaryFileIsNamedAndExitsOne) {
  TempDir dir;
  dir.Write("b.txt", std::string("\x89PNG\r\n\x1a\n\0\0\0", 11));
  auto run = RunNewsfacts("extract b.txt", dir.path());
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.output.find("b.txt"), std::string::npos) << run.output;
}

}  // namespace
}  // namespace newsfacts
