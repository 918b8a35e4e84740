// `newsfacts extract --input jsonl`: the streaming filter writes, for each record of the
// sample corpus, what `extract` writes for it, plus the load object; in order with --jobs;
// bad records get an error line in place and the stream goes on; broken rules write nothing.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <vector>

#include "tests/cli/cli_test_util.h"
#include "tests/cli/sample_jsonl.h"

namespace newsfacts {
namespace {

using nlohmann::json;
using testing::RunNewsfacts;
using testing::SampleCorpusJsonl;
using testing::TempDir;

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// Runs `args` in `dir` (stderr dropped), returning the exit code and the output lines.
std::pair<int, std::vector<std::string>> RunLines(const TempDir& dir, const std::string& args) {
  const testing::CommandResult result = RunNewsfacts(args, dir.path(), /*stderr_too=*/false);
  return {result.exit_code, Lines(result.output)};
}

TEST(ExtractStreamTest, EachFactsLineIsWhatExtractWritesForTheRecordPlusLoad) {
  TempDir dir;
  dir.Write("samples.jsonl", SampleCorpusJsonl());
  const auto [extract_code, expected] = RunLines(dir, "extract samples.jsonl");
  ASSERT_EQ(extract_code, 0);
  ASSERT_GT(expected.size(), 30u);

  const auto [code, lines] = RunLines(dir, "extract --input jsonl samples.jsonl");
  ASSERT_EQ(code, 0);
  ASSERT_EQ(lines.size(), expected.size());
  for (size_t i = 0; i < lines.size(); ++i) {
    SCOPED_TRACE(i);
    json line = json::parse(lines[i]);
    const json load = line["load"];
    line.erase("load");
    EXPECT_EQ(line, json::parse(expected[i]));
    EXPECT_EQ(load["format"], 1);
    EXPECT_EQ(load["tool_version"], NEWSFACTS_VERSION);
    EXPECT_EQ(load["content_hash"].get<std::string>().size(), 32u);
    EXPECT_EQ(load["rules_fingerprint"].get<std::string>().empty(), false);
    EXPECT_EQ(load["text"].get<std::string>().size(), line["article"]["bytes"]);
  }

  // Standard input gives the same facts under the name "-"; workers keep the order.
  const auto [stdin_code, from_stdin] =
      RunLines(dir, "extract --input jsonl - --jobs 3 < samples.jsonl");
  ASSERT_EQ(stdin_code, 0);
  ASSERT_EQ(from_stdin.size(), lines.size());
  for (size_t i = 0; i < lines.size(); ++i) {
    json a = json::parse(lines[i]);
    json b = json::parse(from_stdin[i]);
    EXPECT_EQ(b["article"]["path"], "-");
    a["article"].erase("path");
    b["article"].erase("path");
    EXPECT_EQ(a, b) << i;
  }
}

TEST(ExtractStreamTest, BadRecordsGetAnErrorLineInPlaceAndTheStreamGoesOn) {
  TempDir dir;
  dir.Write("mixed.jsonl",
            "{\"title\":\"Brightwell raises funds\",\"text\":\"Brightwell Labs raised $12 million "
            "from Orchard Ventures on Monday.\"}\n"
            "\n"
            "{\"title\": \"no closing brace\"\n"
            "{\"headline\":\"only a headline\"}\n"
            "{\"text\":\"Quillfeather Inc agreed to buy Marrowby Systems for $300 million.\","
            "\"path\":\"archive/2024/quill.txt\"}\n");
  for (const char* jobs : {"1", "4"}) {
    SCOPED_TRACE(jobs);
    const auto [code, lines] =
        RunLines(dir, std::string("extract --input jsonl mixed.jsonl --jobs ") + jobs);
    EXPECT_EQ(code, 1);
    ASSERT_EQ(lines.size(), 4u);
    EXPECT_EQ(json::parse(lines[0])["article"]["record_index"], 0);
    const json malformed = json::parse(lines[1]);
    EXPECT_EQ(malformed["line"], 3);
    EXPECT_NE(malformed["error"].get<std::string>().find("malformed JSON"), std::string::npos);
    const json no_text = json::parse(lines[2]);
    EXPECT_EQ(no_text["line"], 4);
    EXPECT_EQ(no_text["error"], "record has no text, body or content field; skipped");
    // A record that names its own path keeps it, so partitions of one archive do not collide.
    const json last = json::parse(lines[3]);
    EXPECT_EQ(last["article"]["path"], "archive/2024/quill.txt");
    EXPECT_EQ(last["article"]["record_index"], -1);
    EXPECT_FALSE(last["claims"].empty());
  }
  const testing::CommandResult messages =
      RunNewsfacts("extract --input jsonl mixed.jsonl", dir.path());
  EXPECT_NE(messages.output.find("mixed.jsonl:3: malformed JSON"), std::string::npos)
      << messages.output;
  EXPECT_NE(messages.output.find("2 of 4 records failed"), std::string::npos) << messages.output;
}

// The amount and claim rules compile while the first records are read: a claim rule that does
// not compile still fails the run with file:line and no facts line, also on an empty stream,
// and so does an entity rule, which fails the first stages.
TEST(ExtractStreamTest, ABrokenRulesFolderFailsWithoutAFactsLine) {
  TempDir dir;
  dir.Write("samples.jsonl", SampleCorpusJsonl());
  dir.Write("empty.jsonl", "");
  dir.Write("rules/bad.json",
            "{\"kind\": \"claims\",\n \"rules\": [\n"
            "  {\"id\": \"broken.one\", \"predicate\": \"acquired\", \"priority\": 1,\n"
            "   \"pattern\": \"{ORG} buys (\"}\n ]}\n");
  // An entity rule that does not load fails the first stages, built before any record is read.
  dir.Write("entity_rules/bad.json",
            "{\"kind\":\"entity_patterns\",\"rules\":[{\"id\":\"x.y\",\"type\":\"THING\","
            "\"before\":\"of\"}]}");
  const std::pair<const char*, const char*> kBroken[] = {
      {"rules", "rules/bad.json:3: rule broken.one"},
      {"entity_rules", "entity_rules/bad.json: rule x.y: \"type\" must be ORG"}};
  for (const auto& [folder, error] : kBroken) {
    for (const char* input : {"samples.jsonl", "empty.jsonl"}) {
      const std::string args = std::string("extract --input jsonl ") + input + " --rules " + folder;
      SCOPED_TRACE(args);
      const auto [code, lines] = RunLines(dir, args);
      EXPECT_EQ(code, 2);
      EXPECT_TRUE(lines.empty());
      const testing::CommandResult messages = RunNewsfacts(args, dir.path());
      EXPECT_NE(messages.output.find(error), std::string::npos) << messages.output;
    }
  }
}

TEST(ExtractStreamTest, TextFormatIsAUsageError) {
  TempDir dir;
  dir.Write("a.jsonl", "{\"text\":\"Nothing much happened today in the valley.\"}\n");
  const testing::CommandResult result =
      RunNewsfacts("extract --input jsonl a.jsonl --format text", dir.path());
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.output.find("--input jsonl writes facts lines only"), std::string::npos);
}

}  // namespace
}  // namespace newsfacts
