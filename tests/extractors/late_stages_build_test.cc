// LateStagesBuild: the amount and claim stages built on one thread, with threads that help
// before, during and after the build; a broken rule file reported in pipeline order whoever
// compiled it; the stages warmed in order until a thread asks to help, and not after.
#include "extractors/late_stages_build.h"

#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <mutex>
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

// A stage that logs its WarmUp; "endless" warms until told to stop, after saying it began.
class WarmingStage : public Stage {
 public:
  WarmingStage(std::string name, std::vector<std::string>* warmed, std::mutex* mutex,
               std::promise<void>* began)
      : name_(std::move(name)), warmed_(warmed), mutex_(mutex), began_(began) {}
  std::string_view name() const override { return name_; }
  std::vector<Layer> reads() const override { return {Layer::kText}; }
  std::vector<Layer> writes() const override { return {}; }
  Status Process(Document&) const override { return Status::Ok(); }
  void WarmUp(const std::atomic<bool>& stop) const override {
    {
      std::lock_guard<std::mutex> lock(*mutex_);
      warmed_->push_back(name_);
    }
    if (name_ != "endless") return;
    began_->set_value();
    while (!stop) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }

 private:
  std::string name_;
  std::vector<std::string>* warmed_;
  std::mutex* mutex_;
  std::promise<void>* began_;
};

// What WarmUntilHelped warms of stages named `names` on a build that has ended, with a thread
// asking to help `when`: "before" it begins, "during" the warm-up of an "endless" stage, or
// "never".
std::vector<std::string> WarmedWithHelp(const std::vector<std::string>& names,
                                        const std::string& when) {
  LateStagesBuild build(BuiltinWith({}));
  std::vector<std::unique_ptr<Stage>> built;
  EXPECT_TRUE(build.Build(built).ok());
  std::vector<std::string> warmed;
  std::mutex mutex;
  std::promise<void> began;
  std::vector<std::unique_ptr<Stage>> stages;
  for (const std::string& name : names) {
    stages.push_back(std::make_unique<WarmingStage>(name, &warmed, &mutex, &began));
  }
  if (when == "before") build.Help();
  auto warming = std::async(std::launch::async, [&] { build.WarmUntilHelped(stages); });
  if (when == "during") {
    EXPECT_EQ(began.get_future().wait_for(std::chrono::seconds(30)), std::future_status::ready);
    build.Help();  // returns at once: the build has ended
  }
  EXPECT_EQ(warming.wait_for(std::chrono::seconds(30)), std::future_status::ready)
      << "the warm-up did not stop when a thread asked to help";
  std::lock_guard<std::mutex> lock(mutex);
  return warmed;
}

TEST(LateStagesBuildTest, WarmsTheStagesInOrderUntilAThreadAsksToHelp) {
  EXPECT_EQ(WarmedWithHelp({"amounts", "claims"}, "never"),
            (std::vector<std::string>{"amounts", "claims"}));
  EXPECT_EQ(WarmedWithHelp({"amounts", "endless", "after"}, "during"),
            (std::vector<std::string>{"amounts", "endless"}));
  EXPECT_TRUE(WarmedWithHelp({"amounts", "claims"}, "before").empty());
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
