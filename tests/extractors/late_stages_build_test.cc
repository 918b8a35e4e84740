// LateStagesBuild: the amount and claim stages built on one thread, with threads that help
// before, during and after the build; a broken rule file reported in pipeline order whoever
// compiled it.
#include "extractors/late_stages_build.h"

#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <thread>
#include <vector>

namespace newsfacts {
namespace {

constexpr char kBrokenAmounts[] = R"json({"kind": "amounts", "rules": [
  {"id": "bad.amount", "priority": 1, "pattern": "(?P<number>[0-9]+"}]})json";
constexpr char kBrokenClaims[] = R"json({"kind": "claims", "rules": [
  {"id": "bad.claim", "predicate": "acquired", "pattern": "{ORG:subject} (bought {ORG:object}"}]})json";

std::shared_ptr<const RuleSources> BuiltinWith(
    const std::vector<std::pair<std::string, std::string>>& files) {
  StatusOr<RuleSources> rules = RuleSources::Builtin();
  EXPECT_TRUE(rules.ok());
  for (const auto& [path, contents] : files) EXPECT_TRUE(rules->Add(path, contents).ok());
  return std::make_shared<const RuleSources>(std::move(rules).value());
}

std::vector<std::string> NamesOf(const std::vector<std::unique_ptr<Stage>>& stages) {
  std::vector<std::string> names;
  for (const auto& stage : stages) names.emplace_back(stage->name());
  return names;
}

TEST(LateStagesBuildTest, BuildsTheAmountAndClaimStagesAloneInPipelineOrder) {
  LateStagesBuild build(BuiltinWith({}));
  std::vector<std::unique_ptr<Stage>> stages;
  ASSERT_TRUE(build.Build(stages).ok());
  EXPECT_EQ(NamesOf(stages), (std::vector<std::string>{"amounts", "claims"}));
  // Nothing is left to help with: this returns at once.
  build.Help();
}

TEST(LateStagesBuildTest, HelpersThatComeBeforeOrDuringTheBuildEndWithIt) {
  for (const int helpers : {1, 3}) {
    SCOPED_TRACE(helpers);
    LateStagesBuild build(BuiltinWith({}));
    std::vector<std::future<void>> helping;
    // The first helper comes before the build begins: it takes the amount rules.
    helping.push_back(std::async(std::launch::async, [&] { build.Help(); }));
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    std::vector<std::unique_ptr<Stage>> stages;
    auto built = std::async(std::launch::async, [&] { return build.Build(stages); });
    for (int i = 1; i < helpers; ++i) {
      helping.push_back(std::async(std::launch::async, [&] { build.Help(); }));
    }
    const Status status = built.get();
    for (auto& helper : helping) {
      ASSERT_EQ(helper.wait_for(std::chrono::seconds(20)), std::future_status::ready)
          << "a helper did not return once the build had ended";
    }
    ASSERT_TRUE(status.ok()) << status.message();
    EXPECT_EQ(NamesOf(stages), (std::vector<std::string>{"amounts", "claims"}));
  }
}

TEST(LateStagesBuildTest, TheAmountStagesErrorComesFirstWhoeverCompiledIt) {
  for (const bool helped : {false, true}) {
    SCOPED_TRACE(helped);
    LateStagesBuild build(
        BuiltinWith({{"user/c.json", kBrokenClaims}, {"user/a.json", kBrokenAmounts}}));
    std::future<void> helper;
    if (helped) {
      helper = std::async(std::launch::async, [&] { build.Help(); });
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    std::vector<std::unique_ptr<Stage>> stages;
    const Status status = build.Build(stages);
    ASSERT_FALSE(status.ok());
    EXPECT_NE(status.message().find("user/a.json"), std::string::npos) << status.message();
    EXPECT_TRUE(stages.empty());
    if (helped) helper.get();
  }
}

TEST(LateStagesBuildTest, ABrokenClaimFileIsNamedWhenTheAmountsBuild) {
  LateStagesBuild build(BuiltinWith({{"user/c.json", kBrokenClaims}}));
  auto helper = std::async(std::launch::async, [&] { build.Help(); });
  std::vector<std::unique_ptr<Stage>> stages;
  const Status status = build.Build(stages);
  helper.get();
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.message().find("user/c.json"), std::string::npos) << status.message();
}

}  // namespace
}  // namespace newsfacts
