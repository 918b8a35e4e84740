// PipelineWarmUp: each stage's WarmUp runs on a thread of its own, in pipeline order, once a
// pipeline still being built is there; destroying the warm-up stops one in progress and skips
// the stages after it; and a core is idle for it only when the extracting threads leave one.
#include "pipeline/pipeline_warm_up.h"

#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <mutex>
#include <thread>

namespace newsfacts {
namespace {

using std::chrono::seconds;

// The names of the stages whose WarmUp ran, in order, shared by the stages of one test.
struct WarmUpLog {
  std::mutex mutex;
  std::vector<std::string> names;
  std::thread::id thread;
};

// A stage that logs its WarmUp; "endless" warms until told to stop, "last" says it is done.
class WarmingStage : public Stage {
 public:
  WarmingStage(std::string name, Layer writes, WarmUpLog* log, std::promise<void>* signal)
      : name_(std::move(name)), writes_(writes), log_(log), signal_(signal) {}
  std::string_view name() const override { return name_; }
  std::vector<Layer> reads() const override { return {Layer::kText}; }
  std::vector<Layer> writes() const override { return {writes_}; }
  Status Process(Document&) const override { return Status::Ok(); }
  void WarmUp(const std::atomic<bool>& stop) const override {
    {
      std::lock_guard<std::mutex> lock(log_->mutex);
      log_->names.push_back(name_);
      log_->thread = std::this_thread::get_id();
    }
    if (name_ == "endless") {
      signal_->set_value();
      while (!stop) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    } else if (name_ == "last") {
      signal_->set_value();
    }
  }

 private:
  std::string name_;
  Layer writes_;
  WarmUpLog* log_;
  std::promise<void>* signal_;
};

Pipeline TwoStages(const std::string& first, const std::string& second, WarmUpLog* log,
                   std::promise<void>* signal) {
  std::vector<std::unique_ptr<Stage>> stages;
  stages.push_back(std::make_unique<WarmingStage>(first, Layer::kSentences, log, signal));
  stages.push_back(std::make_unique<WarmingStage>(second, Layer::kAmounts, log, signal));
  StatusOr<Pipeline> pipeline = Pipeline::Create(std::move(stages));
  EXPECT_TRUE(pipeline.ok());
  return std::move(pipeline).value();
}

TEST(PipelineWarmUpTest, WarmsEveryStageInOrderOnAThreadOfItsOwn) {
  WarmUpLog log;
  std::promise<void> done;
  const Pipeline pipeline = TwoStages("first", "last", &log, &done);
  {
    const PipelineWarmUp warm_up(pipeline);
    ASSERT_EQ(done.get_future().wait_for(seconds(30)), std::future_status::ready);
  }
  EXPECT_EQ(log.names, (std::vector<std::string>{"first", "last"}));
  EXPECT_NE(log.thread, std::this_thread::get_id());
}

TEST(PipelineWarmUpTest, DestroyingItStopsTheStageWarmingAndSkipsTheRest) {
  WarmUpLog log;
  std::promise<void> started;
  const Pipeline pipeline = TwoStages("endless", "after", &log, &started);
  {
    const PipelineWarmUp warm_up(pipeline);
    ASSERT_EQ(started.get_future().wait_for(seconds(30)), std::future_status::ready);
  }  // would never return if the endless stage were not told to stop
  EXPECT_EQ(log.names, (std::vector<std::string>{"endless"}));
}

// The warm-up of a pipeline still being built waits for it, then warms the whole pipeline;
// a build that fails leaves nothing to warm.
TEST(PipelineWarmUpTest, WarmsABuildOnceItEnds) {
  WarmUpLog log;
  std::promise<void> done;
  std::promise<StatusOr<Pipeline>> built;
  {
    const PipelineBuild build(std::make_unique<Pipeline>(TwoStages("first", "x", &log, &done)),
                              built.get_future().share());
    const PipelineWarmUp warm_up(build);
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    {
      std::lock_guard<std::mutex> lock(log.mutex);
      EXPECT_TRUE(log.names.empty());
    }
    built.set_value(TwoStages("whole", "last", &log, &done));
    ASSERT_EQ(done.get_future().wait_for(seconds(30)), std::future_status::ready);
  }
  EXPECT_EQ(log.names, (std::vector<std::string>{"whole", "last"}));

  std::promise<StatusOr<Pipeline>> failing;
  const PipelineBuild build(std::make_unique<Pipeline>(TwoStages("first", "x", &log, &done)),
                            failing.get_future().share());
  {
    const PipelineWarmUp warm_up(build);
    failing.set_value(Status::InvalidArgument("bad rule"));
  }
  EXPECT_EQ(log.names.size(), 2u);
}

TEST(PipelineWarmUpTest, OnlyACoreNoExtractingThreadNeedsIsIdle) {
  const size_t cores = std::thread::hardware_concurrency();
  ASSERT_GT(cores, 0u);
  EXPECT_TRUE(PipelineWarmUp::HasIdleCore(cores - 1));
  EXPECT_FALSE(PipelineWarmUp::HasIdleCore(cores));
  EXPECT_FALSE(PipelineWarmUp::HasIdleCore(cores + 1));
}

}  // namespace
}  // namespace newsfacts
