// PipelineBuild: a build that has ended with its whole pipeline, one still running (Ended,
// Whole waiting for it, the destructor too), one helped, one that failed, and the layers no
// later stage reads.
#include "pipeline/pipeline_build.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <thread>

namespace newsfacts {
namespace {

// Writes one sentence per document.
class SentenceStage : public Stage {
 public:
  std::string_view name() const override { return "sentences"; }
  std::vector<Layer> reads() const override { return {Layer::kText}; }
  std::vector<Layer> writes() const override { return {Layer::kSentences}; }
  Status Process(Document& doc) const override {
    doc.mutable_sentences().push_back({});
    return Status::Ok();
  }
};

Pipeline OneStage() {
  std::vector<std::unique_ptr<Stage>> stages;
  stages.push_back(std::make_unique<SentenceStage>());
  return std::move(Pipeline::Create(std::move(stages))).value();
}

// A built pipeline is its own front: every stage has run once BeginBatch has, and FinishBatch
// from there runs none again.
TEST(PipelineBuildTest, ABuiltPipelineIsItsOwnFront) {
  const PipelineBuild build = PipelineBuild::Built(OneStage());
  EXPECT_TRUE(build.Ended());
  ASSERT_TRUE(build.Whole().ok());
  const Pipeline& whole = **build.Whole();
  ASSERT_EQ(build.front().stages().size(), 1u);
  ASSERT_EQ(whole.stages().size(), 1u);
  Document doc = Document::FromRaw({}, "text");
  std::vector<Document*> batch = {&doc};
  std::vector<Status> statuses =
      whole.FinishBatch(batch, build.front().BeginBatch(batch), build.front().stages().size());
  EXPECT_TRUE(statuses[0].ok());
  EXPECT_EQ(doc.sentences().size(), 1u);
}

// Help runs the build's help on the calling thread, which here ends the build; a build given
// none (a built one) has nothing to help with.
TEST(PipelineBuildTest, HelpTakesPartInTheBuildWhereItCan) {
  PipelineBuild::Built(OneStage()).Help();
  std::promise<StatusOr<Pipeline>> whole;
  std::atomic<int> helped{0};
  const PipelineBuild build(std::make_unique<Pipeline>(OneStage()), whole.get_future().share(), {},
                            [&] {
                              if (helped++ == 0) whole.set_value(OneStage());
                            });
  EXPECT_FALSE(build.Ended());
  build.Help();
  EXPECT_TRUE(build.Ended());
  build.Help();
  EXPECT_EQ(helped, 2);
  EXPECT_TRUE(build.Whole().ok());
}

TEST(PipelineBuildTest, WholeAndTheDestructorWaitForTheBuild) {
  std::atomic<bool> finished{false};
  {
    std::promise<void> go;
    std::shared_future<void> started = go.get_future().share();
    PipelineBuild build(std::make_unique<Pipeline>(OneStage()),
                        std::async(std::launch::async, [started, &finished] {
                          started.wait();
                          std::this_thread::sleep_for(std::chrono::milliseconds(50));
                          finished = true;
                          return StatusOr<Pipeline>(OneStage());
                        }).share());
    EXPECT_FALSE(build.Ended());
    go.set_value();
  }
  EXPECT_TRUE(finished);

  std::promise<StatusOr<Pipeline>> failing;
  PipelineBuild build(std::make_unique<Pipeline>(OneStage()), failing.get_future().share());
  std::thread fail([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    failing.set_value(Status::InvalidArgument("rules/claims/x.json:2: bad"));
  });
  const StatusOr<const Pipeline*> whole = build.Whole();
  fail.join();
  ASSERT_FALSE(whole.ok());
  EXPECT_EQ(whole.status().message(), "rules/claims/x.json:2: bad");
  EXPECT_TRUE(build.Ended());
}

// Writes sentences and tokens (none).
class SegmentStage : public Stage {
 public:
  std::string_view name() const override { return "segment"; }
  std::vector<Layer> reads() const override { return {Layer::kText}; }
  std::vector<Layer> writes() const override { return {Layer::kSentences, Layer::kTokens}; }
  Status Process(Document&) const override { return Status::Ok(); }
};

// Reads the tokens.
class TokenStage : public Stage {
 public:
  std::string_view name() const override { return "words"; }
  std::vector<Layer> reads() const override { return {Layer::kSentences, Layer::kTokens}; }
  std::vector<Layer> writes() const override { return {Layer::kEntities}; }
  Status Process(Document&) const override { return Status::Ok(); }
};

TEST(PipelineBuildTest, CheckUnreadLaterNamesALaterStageThatReadsALayerPromisedUnread) {
  std::vector<std::unique_ptr<Stage>> stages;
  stages.push_back(std::make_unique<SegmentStage>());
  stages.push_back(std::make_unique<TokenStage>());
  const Pipeline whole = std::move(Pipeline::Create(std::move(stages))).value();
  EXPECT_TRUE(PipelineBuild::CheckUnreadLater(whole, 1, {Layer::kAmounts}).ok());
  EXPECT_TRUE(PipelineBuild::CheckUnreadLater(whole, 2, {Layer::kTokens}).ok());
  const Status status = PipelineBuild::CheckUnreadLater(whole, 1, {Layer::kTokens});
  EXPECT_EQ(status.message(),
            "stage 'words' reads 'tokens', which the documents begun before it was built no "
            "longer hold");

  std::promise<StatusOr<Pipeline>> never;
  const PipelineBuild build(std::make_unique<Pipeline>(OneStage()), never.get_future().share(),
                            {Layer::kTokens});
  EXPECT_FALSE(build.ReadLater(Layer::kTokens));
  EXPECT_TRUE(build.ReadLater(Layer::kSentences));
  EXPECT_TRUE(PipelineBuild::Built(OneStage()).ReadLater(Layer::kTokens));
  never.set_value(OneStage());
}

}  // namespace
}  // namespace newsfacts
