// Tests for loading the deal-stage cues of claim_cues files: stage patterns beside the phrase
// lists, the order stages win in, and the loader's errors.
#include "extractors/claims/claim_roles.h"

#include <gtest/gtest.h>

#include "extractors/claims/claim_rules.h"

namespace newsfacts {
namespace {

StatusOr<std::unique_ptr<ClaimRoles>> Load(const std::string& deal_stages) {
  RuleSources sources;
  EXPECT_TRUE(sources
                  .Add("cues.json", R"json({"kind": "claim_cues", "macros": {"BUY": "buy"},
                                            "deal_stages": )json" +
                                        deal_stages + "}")
                  .ok());
  StatusOr<MacroTable> macros = LoadClaimMacros(sources);
  if (!macros.ok()) return macros.status();
  return ClaimRoles::Create(sources, *macros);
}

std::string Stage(const ClaimRoles& roles, const std::string& text) {
  RulePrefilterBuilder attribution_patterns;
  StatusOr<std::unique_ptr<ClaimCues>> cues =
      ClaimCues::Create(RuleSources{}, MacroTable{}, &attribution_patterns);
  EXPECT_TRUE(cues.ok());
  return roles.StageOf(**cues, text, {0, text.size()});
}

TEST(ClaimRolesTest, AStagePatternDecidesTheStageInTheStageOrder) {
  StatusOr<std::unique_ptr<ClaimRoles>> roles = Load(R"json({
      "predicates": ["acquired"],
      "completed": {"before": ["completed"], "after": []},
      "patterns": [{"stage": "agreed", "pattern": "^X to {BUY}\\b"}]})json");
  ASSERT_TRUE(roles.ok()) << roles.status().message();
  EXPECT_EQ(Stage(**roles, "X to buy Y"), "agreed");
  EXPECT_EQ(Stage(**roles, "Z said X to buy Y"), "unspecified");  // the pattern is anchored
  EXPECT_EQ(Stage(**roles, "X plans to buy Y"), "unspecified");
  EXPECT_EQ(Stage(**roles, "X to buy Y it completed"), "completed");  // completed comes first
}

TEST(ClaimRolesTest, StagePatternErrorsNameFileAndStage) {
  StatusOr<std::unique_ptr<ClaimRoles>> unknown =
      Load(R"json({"patterns": [{"stage": "signed", "pattern": "x"}]})json");
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.status().message().find("cues.json: deal_stages"), std::string::npos);
  EXPECT_NE(unknown.status().message().find("unknown stage \"signed\""), std::string::npos);

  StatusOr<std::unique_ptr<ClaimRoles>> bad =
      Load(R"json({"patterns": [{"stage": "agreed", "pattern": "(x"}]})json");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("agreed"), std::string::npos);

  StatusOr<std::unique_ptr<ClaimRoles>> extra =
      Load(R"json({"patterns": [{"stage": "agreed", "pattern": "x", "when": 1}]})json");
  EXPECT_FALSE(extra.ok());
}

}  // namespace
}  // namespace newsfacts
