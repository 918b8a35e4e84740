// RunGoldenCheck over temporary corpora with a scripted stage, so each test knows exactly
// which facts the "extractors" produce: update, pass, and the diff after one golden fact is
// removed, altered or invented; --only; missing and malformed golden files; records.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "cli/golden_check.h"
#include "tests/cli/cli_test_util.h"

namespace newsfacts {
namespace {

using testing::TempDir;

// Finds fixed surface strings: names become mentions, "$5 million" an amount, and
// "Acme bought Globex" an acquired claim with that amount when the sentence has one.
class ScriptedStage : public Stage {
 public:
  std::string_view name() const override { return "scripted"; }
  std::vector<Layer> reads() const override { return {Layer::kText}; }
  std::vector<Layer> writes() const override {
    return {Layer::kEntities, Layer::kMentions, Layer::kAmounts, Layer::kClaims};
  }
  Status Process(Document& doc) const override {
    struct Name {
      std::string surface, canonical;
      EntityType type;
    };
    const std::vector<Name> names = {{"Acme", "Acme Corp", EntityType::kOrg},
                                     {"Globex", "Globex", EntityType::kOrg},
                                     {"Ada Lovelace", "Ada Lovelace", EntityType::kPerson}};
    const std::string& text = doc.text();
    for (const Name& name : names) {
      const size_t entity = doc.entities().size();
      doc.mutable_entities().push_back({name.canonical, name.canonical, name.type, "", {}});
      for (size_t at = text.find(name.surface); at != std::string::npos;
           at = text.find(name.surface, at + 1)) {
        doc.mutable_mentions().push_back(
            {Span{at, at + name.surface.size()}, entity, name.type, 0, "scripted"});
      }
    }
    const std::string money = "$5 million";
    for (size_t at = text.find(money); at != std::string::npos; at = text.find(money, at + 1)) {
      Amount amount;
      amount.span = {at, at + money.size()};
      amount.value = amount.low = amount.high = "5000000";
      amount.currency = "USD";
      amount.qualifier = "exact";
      doc.mutable_amounts().push_back(amount);
    }
    const std::string deal = "Acme bought Globex";
    for (size_t at = text.find(deal); at != std::string::npos; at = text.find(deal, at + 1)) {
      Claim claim;
      claim.predicate = "acquired";
      claim.subject = 0;
      claim.object = 1;
      claim.span = {at, at + deal.size()};
      if (!doc.amounts().empty()) claim.amount = 0;
      doc.mutable_claims().push_back(claim);
    }
    return Status::Ok();
  }
};

Pipeline ScriptedPipeline() {
  std::vector<std::unique_ptr<Stage>> stages;
  stages.push_back(std::make_unique<ScriptedStage>());
  StatusOr<Pipeline> pipeline = Pipeline::Create(std::move(stages));
  EXPECT_TRUE(pipeline.ok()) << pipeline.status().message();
  return std::move(pipeline).value();
}

const char kDeal[] =
    "Acme bought Globex\n\n"
    "Acme bought Globex for $5 million, Ada Lovelace said on Monday.\n";
const char kProfile[] = "Ada Lovelace joins Acme\n\nAda Lovelace will lead research at Acme.\n";

std::string ReadAll(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

class GoldenCheckTest : public ::testing::Test {
 protected:
  GoldenCheckTest() : pipeline_(ScriptedPipeline()) {
    dir_.Write("articles/deal.txt", kDeal);
    dir_.Write("articles/people/profile.txt", kProfile);
    options_.dir = dir_.path() / "articles";
  }

  CheckReport Run(const CheckOptions& options) {
    StatusOr<CheckReport> report = RunGoldenCheck(pipeline_, options);
    EXPECT_TRUE(report.ok()) << report.status().message();
    return report.ok() ? std::move(report).value() : CheckReport{};
  }
  std::string RunText(const CheckOptions& options) {
    return FormatCheckReport(Run(options), options);
  }
  void Update() {
    CheckOptions update = options_;
    update.update = true;
    ASSERT_GT(Run(update).golden_files_written, 0u);
    ASSERT_TRUE(Run(options_).AllMatch());
  }
  std::filesystem::path DealGolden() const { return dir_.path() / "articles/deal.txt.facts.json"; }
  GoldenFile ReadDealGolden() const {
    StatusOr<GoldenFile> golden = ParseGolden(ReadAll(DealGolden()), "deal");
    EXPECT_TRUE(golden.ok()) << golden.status().message();
    return golden.ok() ? std::move(golden).value() : GoldenFile{};
  }
  void WriteDealGolden(const GoldenFile& golden) const {
    std::ofstream(DealGolden(), std::ios::binary | std::ios::trunc) << SerializeGolden(golden);
  }
  std::string DealPath() const { return (dir_.path() / "articles/deal.txt").string(); }

  TempDir dir_;
  Pipeline pipeline_;
  CheckOptions options_;
};

TEST_F(GoldenCheckTest, MissingGoldenFilesDifferAndUpdateWritesThem) {
  const CheckReport before = Run(options_);
  EXPECT_FALSE(before.AllMatch());
  EXPECT_EQ(before.articles, 2u);
  EXPECT_EQ(before.articles_differing, 2u);
  const std::string text = FormatCheckReport(before, options_);
  EXPECT_NE(text.find(DealPath() + ": no golden file; run with --update to create it"),
            std::string::npos)
      << text;

  Update();
  const std::string golden = ReadAll(DealGolden());
  EXPECT_NE(golden.find("\"article\": \"deal.txt\""), std::string::npos) << golden;
  EXPECT_EQ(golden.find(dir_.path().string()), std::string::npos) << "no absolute paths";
  const std::string after = RunText(options_);
  EXPECT_NE(after.find("check: 2 articles, 0 differ"), std::string::npos) << after;
}

TEST_F(GoldenCheckTest, AGoldenFactRemovedIsReportedAsAdded) {
  Update();
  GoldenFile golden = ReadDealGolden();
  std::vector<Fact>& amounts = golden.records[0].Of(FactKind::kAmount);
  ASSERT_EQ(amounts.size(), 1u);
  const Fact removed = amounts[0];
  amounts.clear();
  WriteDealGolden(golden);

  const CheckReport report = Run(options_);
  EXPECT_FALSE(report.AllMatch());
  EXPECT_EQ(report.articles_differing, 1u);
  const std::string text = FormatCheckReport(report, options_);
  EXPECT_NE(text.find(DealPath() + ": + " + DescribeFact(removed)), std::string::npos) << text;
  EXPECT_NE(text.find(": + amount \"$5 million\" = 5000000 USD"), std::string::npos) << text;
  EXPECT_NE(text.find("check: 2 articles, 1 differ"), std::string::npos) << text;
}

TEST_F(GoldenCheckTest, AGoldenFactTheExtractorsDoNotFindIsReportedAsLost) {
  Update();
  GoldenFile golden = ReadDealGolden();
  golden.records[0]
      .Of(FactKind::kMention)
      .push_back({FactKind::kMention,
                  Span{40, 46},
                  {{"text", "\"Monday\""}, {"type", "\"ORG\""}, {"entity", "\"Monday\""}}});
  WriteDealGolden(golden);

  const std::string text = RunText(options_);
  EXPECT_NE(text.find(DealPath() + ": - mention ORG \"Monday\" [40,46)"), std::string::npos)
      << text;
}

TEST_F(GoldenCheckTest, AnAlteredGoldenValueIsReportedAsChangedWithOldAndNew) {
  Update();
  GoldenFile golden = ReadDealGolden();
  // The amount's value and the claim's status, as if the golden had said otherwise.
  for (auto& [name, value] : golden.records[0].Of(FactKind::kAmount)[0].fields) {
    if (name == "value") value = "\"500000\"";
  }
  for (auto& [name, value] : golden.records[0].Of(FactKind::kClaim)[1].fields) {
    if (name == "status") value = "\"hedged\"";
  }
  WriteDealGolden(golden);

  const std::string text = RunText(options_);
  EXPECT_NE(text.find(": ~ amount \"$5 million\" ["), std::string::npos) << text;
  EXPECT_NE(text.find("): value \"500000\" -> \"5000000\""), std::string::npos) << text;
  EXPECT_NE(text.find(": ~ claim acquired Acme Corp -> Globex ["), std::string::npos) << text;
  EXPECT_NE(text.find("): status \"hedged\" -> \"asserted\""), std::string::npos) << text;
}

TEST_F(GoldenCheckTest, OnlyComparesAndUpdatesOneKind) {
  Update();
  GoldenFile golden = ReadDealGolden();
  golden.records[0].Of(FactKind::kAmount).clear();
  golden.records[0].Of(FactKind::kMention).pop_back();
  WriteDealGolden(golden);

  CheckOptions claims_only = options_;
  claims_only.only = FactKind::kClaim;
  const std::string claims_text = RunText(claims_only);
  EXPECT_TRUE(Run(claims_only).AllMatch()) << claims_text;
  EXPECT_EQ(claims_text.find("mentions  "), std::string::npos) << "table shows claims only";
  EXPECT_NE(claims_text.find("claims  "), std::string::npos) << claims_text;

  CheckOptions amounts_only = options_;
  amounts_only.only = FactKind::kAmount;
  const std::string amounts_text = RunText(amounts_only);
  EXPECT_NE(amounts_text.find("+ amount"), std::string::npos) << amounts_text;
  EXPECT_EQ(amounts_text.find("+ mention"), std::string::npos) << amounts_text;

  // Updating amounts restores them and keeps the mention the golden file lacks.
  amounts_only.update = true;
  const CheckReport updated = Run(amounts_only);
  EXPECT_EQ(updated.golden_files_written, 1u);
  const std::string updated_text = FormatCheckReport(updated, amounts_only);
  EXPECT_NE(
      updated_text.find(DealPath() + ": updated deal.txt.facts.json (1 added, 0 lost, 0 changed)"),
      std::string::npos)
      << updated_text;
  amounts_only.update = false;
  EXPECT_TRUE(Run(amounts_only).AllMatch());
  CheckOptions mentions_only = options_;
  mentions_only.only = FactKind::kMention;
  EXPECT_FALSE(Run(mentions_only).AllMatch());
}

TEST_F(GoldenCheckTest, MalformedGoldenFileDiffersAndUpdateRepairsIt) {
  Update();
  std::ofstream(DealGolden(), std::ios::trunc) << "{\"article\": ";
  const std::string text = RunText(options_);
  EXPECT_NE(text.find(DealGolden().string() + ": file: malformed JSON"), std::string::npos) << text;
  EXPECT_NE(text.find("1 differ"), std::string::npos) << text;

  CheckOptions update = options_;
  update.update = true;
  EXPECT_EQ(Run(update).golden_files_written, 1u);
  EXPECT_TRUE(Run(options_).AllMatch());
}

TEST_F(GoldenCheckTest, ScoresCountStrictAndLenientMatches) {
  Update();
  GoldenFile golden = ReadDealGolden();
  // Widen one golden mention ("Globex" -> "Globex f"): strict misses it, lenient finds it.
  Fact& globex = golden.records[0].Of(FactKind::kMention)[1];
  ASSERT_EQ(globex.Field("entity"), "\"Globex\"");
  globex.span.end += 2;
  WriteDealGolden(golden);

  const CheckReport report = Run(options_);
  const size_t m = static_cast<size_t>(FactKind::kMention);
  EXPECT_EQ(report.strict[m].gold, report.strict[m].found);
  EXPECT_EQ(report.strict[m].matched + 1, report.strict[m].found);
  EXPECT_EQ(report.lenient[m].matched, report.lenient[m].found);
  const size_t c = static_cast<size_t>(FactKind::kClaim);
  EXPECT_EQ(report.strict[c], (MatchCounts{2, 2, 2}));
}

TEST_F(GoldenCheckTest, RecordsOfAJsonlFileAreComparedOneByOne) {
  dir_.Write(
      "articles/wire.jsonl",
      "{\"title\": \"Acme bought Globex\", \"text\": \"Acme bought Globex for $5 million.\"}\n"
      "{\"title\": \"Ada Lovelace\", \"text\": \"Ada Lovelace spoke.\"}\n");
  Update();
  const std::filesystem::path wire = dir_.path() / "articles/wire.jsonl";
  EXPECT_EQ(Run(options_).articles, 4u);

  dir_.Write(
      "articles/wire.jsonl",
      "{\"title\": \"Acme bought Globex\", \"text\": \"Acme bought Globex for $5 million.\"}\n"
      "{\"title\": \"Ada Lovelace\", \"text\": \"Ada Lovelace spoke to Acme.\"}\n");
  const std::string text = RunText(options_);
  EXPECT_NE(text.find(wire.string() + "#1: + mention ORG \"Acme\" (Acme Corp)"), std::string::npos)
      << text;
  EXPECT_EQ(text.find(wire.string() + "#0:"), std::string::npos) << text;
  EXPECT_NE(text.find("check: 4 articles, 1 differ"), std::string::npos) << text;
}

TEST_F(GoldenCheckTest, AMissingFolderIsNotFound) {
  CheckOptions options;
  options.dir = dir_.path() / "no-such-folder";
  StatusOr<CheckReport> report = RunGoldenCheck(pipeline_, options);
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace newsfacts
