// End-to-end `newsfacts check`: exit codes, --update, a golden fact invented or removed, usage
// errors, and the shipped sample corpus matching its golden files.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "cli/fact_diff.h"
#include "cli/golden_facts.h"
#include "tests/cli/cli_test_util.h"

namespace newsfacts {
namespace {

using testing::RunNewsfacts;
using testing::TempDir;

const char kDeal[] =
    "Northwind Labs raises $12 million\n\n"
    "Northwind Labs Inc. said on Tuesday it raised $12 million from Microsoft.\n";
const char kPeople[] =
    "Contoso names a new chief\n\n"
    "Contoso Corp. said Jane Roe will become chief executive in May.\n";

std::string ReadAll(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

GoldenFile ReadGolden(const std::filesystem::path& path) {
  StatusOr<GoldenFile> golden = ParseGolden(ReadAll(path), path.string());
  EXPECT_TRUE(golden.ok()) << golden.status().message();
  return golden.ok() ? std::move(golden).value() : GoldenFile{};
}

void WriteGolden(const std::filesystem::path& path, const GoldenFile& golden) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << SerializeGolden(golden);
}

TEST(CheckCommandTest, UpdateWritesGoldenFilesThenCheckPasses) {
  TempDir dir;
  dir.Write("articles/deal.txt", kDeal);
  dir.Write("articles/people/people.txt", kPeople);

  auto missing = RunNewsfacts("check articles", dir.path());
  EXPECT_EQ(missing.exit_code, 1) << missing.output;
  EXPECT_NE(
      missing.output.find("articles/deal.txt: no golden file; run with --update to create it"),
      std::string::npos)
      << missing.output;
  EXPECT_NE(missing.output.find("check: 2 articles, 2 differ"), std::string::npos)
      << missing.output;

  auto update = RunNewsfacts("check articles --update", dir.path());
  EXPECT_EQ(update.exit_code, 0) << update.output;
  EXPECT_NE(update.output.find("articles/deal.txt: wrote deal.txt.facts.json"), std::string::npos)
      << update.output;
  EXPECT_NE(update.output.find("2 golden files written"), std::string::npos) << update.output;
  EXPECT_TRUE(std::filesystem::exists(dir.path() / "articles/people/people.txt.facts.json"));

  auto pass = RunNewsfacts("check articles", dir.path());
  EXPECT_EQ(pass.exit_code, 0) << pass.output;
  EXPECT_NE(pass.output.find("check: 2 articles, 0 differ"), std::string::npos) << pass.output;
  for (const char* row : {"mentions", "amounts", "claims"}) {
    EXPECT_NE(pass.output.find(std::string("\n") + row + " "), std::string::npos) << row;
  }
}

TEST(CheckCommandTest, AnInventedGoldenFactFailsTheCheckByNameUntilUpdated) {
  TempDir dir;
  dir.Write("articles/deal.txt", kDeal);
  ASSERT_EQ(RunNewsfacts("check articles --update", dir.path()).exit_code, 0);
  const std::filesystem::path golden_path = dir.path() / "articles/deal.txt.facts.json";
  GoldenFile golden = ReadGolden(golden_path);
  ASSERT_EQ(golden.records.size(), 1u);
  const Fact invented{FactKind::kAmount,
                      Span{0, 8},
                      {{"text", "\"Northwin\""},
                       {"value", "\"7\""},
                       {"low", "\"7\""},
                       {"high", "\"7\""},
                       {"currency", "\"EUR\""},
                       {"qualifier", "\"exact\""},
                       {"vague", "false"},
                       {"restates", "null"}}};
  golden.records[0].Of(FactKind::kAmount).push_back(invented);
  WriteGolden(golden_path, golden);

  auto fail = RunNewsfacts("check articles", dir.path());
  EXPECT_EQ(fail.exit_code, 1) << fail.output;
  EXPECT_NE(fail.output.find("articles/deal.txt: - amount \"Northwin\" = 7 EUR [0,8)"),
            std::string::npos)
      << fail.output;
  EXPECT_NE(fail.output.find("check: 1 articles, 1 differ"), std::string::npos) << fail.output;

  // --only mentions does not look at amounts.
  EXPECT_EQ(RunNewsfacts("check articles --only mentions", dir.path()).exit_code, 0);

  auto update = RunNewsfacts("check articles --update", dir.path());
  EXPECT_EQ(update.exit_code, 0) << update.output;
  EXPECT_NE(update.output.find("- amount \"Northwin\""), std::string::npos) << update.output;
  EXPECT_NE(update.output.find("updated deal.txt.facts.json (0 added, 1 lost, 0 changed)"),
            std::string::npos)
      << update.output;
  EXPECT_EQ(RunNewsfacts("check articles", dir.path()).exit_code, 0);
}

TEST(CheckCommandTest, TheSampleCorpusMatchesItsGoldenFiles) {
  auto run = RunNewsfacts("check corpus", NEWSFACTS_SOURCE_DIR);
  EXPECT_EQ(run.exit_code, 0) << run.output;
  EXPECT_NE(run.output.find(" articles, 0 differ"), std::string::npos) << run.output;
}

// The first sample (by path) whose golden file holds a fact of `kind`, or nullopt.
std::optional<std::filesystem::path> FirstSampleWith(FactKind kind) {
  std::vector<std::filesystem::path> goldens;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(
           std::filesystem::path(NEWSFACTS_SOURCE_DIR) / "corpus/samples")) {
    if (entry.path().string().ends_with(".facts.json")) goldens.push_back(entry.path());
  }
  std::sort(goldens.begin(), goldens.end());
  for (const auto& path : goldens) {
    for (const GoldenRecord& record : ReadGolden(path).records) {
      if (!record.Of(kind).empty()) return path;
    }
  }
  return std::nullopt;
}

// The golden file with one fact of `kind` changed in a key field, and the expected change.
struct Alteration {
  std::string field;
  std::string value;  // JSON text
};

TEST(CheckCommandTest, RemovingOrAlteringOneSampleGoldenFactFailsNamingIt) {
  const std::vector<std::pair<FactKind, Alteration>> cases = {
      {FactKind::kMention, {"type", "\"LOCATION\""}},
      {FactKind::kAmount, {"currency", "\"XXX\""}},
      {FactKind::kClaim, {"status", "\"question\""}},
  };
  for (const auto& [kind, alteration] : cases) {
    SCOPED_TRACE(FactKindName(kind));
    const std::optional<std::filesystem::path> golden_path = FirstSampleWith(kind);
    ASSERT_TRUE(golden_path) << "no sample golden file has a " << FactKindName(kind);
    TempDir dir;
    const std::filesystem::path article_path =
        golden_path->parent_path() / golden_path->stem().stem();
    const std::string name = article_path.filename().string();
    dir.Write("one/" + name, ReadAll(article_path));
    const std::filesystem::path copy = dir.path() / "one" / (name + ".facts.json");
    const GoldenFile golden = ReadGolden(*golden_path);
    WriteGolden(copy, golden);
    ASSERT_EQ(RunNewsfacts("check one", dir.path()).exit_code, 0);

    size_t r = 0;
    while (golden.records[r].Of(kind).empty()) ++r;
    const Fact& fact = golden.records[r].Of(kind)[0];
    std::string prefix = "one/" + name;
    if (golden.records[r].record_index >= 0) {
      prefix += "#";
      prefix += std::to_string(golden.records[r].record_index);
    }
    prefix += ": ";

    GoldenFile removed = golden;
    removed.records[r].Of(kind).erase(removed.records[r].Of(kind).begin());
    WriteGolden(copy, removed);
    auto without = RunNewsfacts("check one", dir.path());
    EXPECT_EQ(without.exit_code, 1) << without.output;
    EXPECT_NE(without.output.find(prefix + "+ " + DescribeFact(fact) + "\n"), std::string::npos)
        << without.output;
    EXPECT_NE(without.output.find("1 articles, 1 differ"), std::string::npos) << without.output;

    GoldenFile altered = golden;
    for (auto& [field, value] : altered.records[r].Of(kind)[0].fields) {
      if (field == alteration.field) value = alteration.value;
    }
    WriteGolden(copy, altered);
    auto changed = RunNewsfacts("check one", dir.path());
    EXPECT_EQ(changed.exit_code, 1) << changed.output;
    const std::string expected_change = alteration.field + " " + alteration.value + " -> " +
                                        std::string(fact.Field(alteration.field));
    EXPECT_NE(changed.output.find(prefix + "~ "), std::string::npos) << changed.output;
    EXPECT_NE(changed.output.find(expected_change), std::string::npos) << expected_change << "\n"
                                                                       << changed.output;
  }
}

TEST(CheckCommandTest, UsageErrorsExitTwo) {
  TempDir dir;
  dir.Write("articles/deal.txt", kDeal);
  struct Case {
    std::string args;
    std::string expected;
  };
  const std::vector<Case> cases = {
      {"check articles --only quotes", "--only"},
      {"check no-such-folder", "no-such-folder"},
      {"check articles --rules no-such-rules", "no-such-rules"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.args);
    auto run = RunNewsfacts(c.args, dir.path());
    EXPECT_EQ(run.exit_code, 2) << run.output;
    EXPECT_NE(run.output.find(c.expected), std::string::npos) << run.output;
  }
}

}  // namespace
}  // namespace newsfacts
