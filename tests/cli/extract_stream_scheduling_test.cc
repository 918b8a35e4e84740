// The streaming filter's threads and their scheduling classes: the workers keep the caller's
// class, the caller writes the lines in SCHED_BATCH (waking, it takes no worker's core) and has
// its class back on return.
#include <gtest/gtest.h>
#include <sched.h>

#include <atomic>
#include <cstdio>
#include <future>
#include <string>
#include <vector>

#include "cli/extract_stream.h"

namespace newsfacts {
namespace {

// A stage that records the scheduling class of the thread it runs on.
class ClassRecordingStage : public Stage {
 public:
  std::string_view name() const override { return "class"; }
  std::vector<Layer> reads() const override { return {Layer::kText}; }
  std::vector<Layer> writes() const override { return {Layer::kSentences}; }
  Status Process(Document&) const override {
    policy = sched_getscheduler(0);
    return Status::Ok();
  }
  mutable std::atomic<int> policy{-1};
};

TEST(ExtractStreamSchedulingTest, WorkersKeepTheirClassWhileTheWriterYieldsOnWakeUp) {
  ASSERT_EQ(sched_getscheduler(0), SCHED_OTHER);
  auto stage = std::make_unique<ClassRecordingStage>();
  const ClassRecordingStage& recorder = *stage;
  std::vector<std::unique_ptr<Stage>> stages;
  stages.push_back(std::move(stage));
  StatusOr<Pipeline> pipeline = Pipeline::Create(std::move(stages));
  ASSERT_TRUE(pipeline.ok());
  const PipelineBuild build = PipelineBuild::Built(std::move(pipeline).value());

  // A good record, then one that is no JSON: its error reaches on_message on the writer.
  std::FILE* in = std::tmpfile();
  std::fputs("{\"text\":\"One record.\"}\nnot json\n", in);
  std::rewind(in);
  std::FILE* out = std::tmpfile();
  std::vector<int> writer_classes;
  const ExtractStreamSummary summary = RunExtractStream(
      in, out, build, ExtractStreamOptions{},
      [&](const std::string&) { writer_classes.push_back(sched_getscheduler(0)); });
  std::fclose(in);
  std::fclose(out);

  EXPECT_EQ(summary.records, 2);
  EXPECT_EQ(summary.failed, 1);
  EXPECT_EQ(recorder.policy, SCHED_OTHER);
  EXPECT_EQ(writer_classes, std::vector<int>{SCHED_BATCH});
  EXPECT_EQ(sched_getscheduler(0), SCHED_OTHER);
}

}  // namespace
}  // namespace newsfacts
