// The streaming filter over a pipeline still being built: records go through the first stages
// meanwhile, up to a bound, and drop the layers no later stage reads; nothing is written before
// the build ends, every record is then answered in order; a worker left waiting helps the
// build; a build that fails writes nothing and stops the reading.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <functional>
#include <future>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "cli/extract_stream.h"
#include "pipeline/borrowed_stage.h"

namespace newsfacts {
namespace {

using nlohmann::json;

// The first stage: one sentence of one token over the whole text, counted.
class FrontStage : public Stage {
 public:
  std::string_view name() const override { return "front"; }
  std::vector<Layer> reads() const override { return {Layer::kText}; }
  std::vector<Layer> writes() const override { return {Layer::kSentences, Layer::kTokens}; }
  Status Process(Document& doc) const override {
    doc.mutable_sentences().push_back(Sentence{{0, doc.text().size()}, 0, 1, 0});
    doc.mutable_tokens().push_back(Token{{0, doc.text().size()}, TokenKind::kWord});
    ++processed;
    return Status::Ok();
  }
  mutable std::atomic<int> processed{0};
};

// The stage built later: counts the documents, and those without tokens, and fails one the
// front stage has not been through.
class LaterStage : public Stage {
 public:
  std::string_view name() const override { return "later"; }
  std::vector<Layer> reads() const override { return {Layer::kSentences}; }
  std::vector<Layer> writes() const override { return {Layer::kAmounts}; }
  Status Process(Document& doc) const override {
    ++processed;
    if (doc.tokens().empty()) ++without_tokens;
    if (doc.sentences().size() != 1) return Status::Internal("not through the front stage");
    return Status::Ok();
  }
  mutable std::atomic<int> processed{0};
  mutable std::atomic<int> without_tokens{0};
};

// A temporary file holding `records` short article records.
std::FILE* RecordsFile(int records) {
  std::FILE* file = std::tmpfile();
  for (int i = 0; i < records; ++i) std::fprintf(file, "{\"text\":\"Record number %d.\"}\n", i);
  std::rewind(file);
  return file;
}

std::vector<std::string> LinesOf(std::FILE* file) {
  std::rewind(file);
  std::vector<std::string> lines;
  std::string line;
  for (int c; (c = std::fgetc(file)) != EOF;) {
    if (c != '\n') {
      line.push_back(static_cast<char>(c));
      continue;
    }
    lines.push_back(line);
    line.clear();
  }
  return lines;
}

// Waits up to 20 s for `count` to reach `at_least`, then as long as it keeps growing.
int SettledCount(const std::atomic<int>& count, int at_least) {
  for (int i = 0; i < 1000 && count < at_least; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  for (int last = -1; last != count;) {
    last = count;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return count;
}

// The records one worker keeps at most while the pipeline is built: kRunAheadBatches batches
// of BatchLimits::articles records.
constexpr int kKeptAtMost = 32 * 128;

// The pipeline whose first stage is `front`, whose build `whole` ends, whose later stages do
// not read the tokens, and which `help` helps build.
PipelineBuild BuildOf(FrontStage& front, std::shared_future<StatusOr<Pipeline>> whole,
                      std::function<void()> help = {}) {
  std::vector<std::unique_ptr<Stage>> stages;
  stages.push_back(std::make_unique<BorrowedStage>(front));
  StatusOr<Pipeline> pipeline = Pipeline::Create(std::move(stages));
  return PipelineBuild(std::make_unique<Pipeline>(std::move(*pipeline)), std::move(whole),
                       {Layer::kTokens}, std::move(help));
}

// The whole pipeline: `front`, then `later`.
StatusOr<Pipeline> WholeOf(FrontStage& front, LaterStage& later) {
  std::vector<std::unique_ptr<Stage>> stages;
  stages.push_back(std::make_unique<BorrowedStage>(front));
  stages.push_back(std::make_unique<BorrowedStage>(later));
  return Pipeline::Create(std::move(stages));
}

// Runs the stream of `in` into `out` over `build` with `jobs` workers, on a thread of its own.
std::future<ExtractStreamSummary> StartStream(std::FILE* in, std::FILE* out,
                                              const PipelineBuild& build, int jobs) {
  ExtractStreamOptions options;
  options.jobs = jobs;
  return std::async(std::launch::async, [in, out, &build, options] {
    return RunExtractStream(in, out, build, options, [](const std::string&) {});
  });
}

TEST(ExtractStreamRunAheadTest, RecordsGoThroughTheFirstStagesWhileTheRestAreBuilt) {
  for (const int jobs : {1, 3}) {
    SCOPED_TRACE(jobs);
    const int records = 6000;
    FrontStage front;
    LaterStage later;
    std::promise<StatusOr<Pipeline>> built;
    const PipelineBuild build = BuildOf(front, built.get_future().share());
    std::FILE* in = RecordsFile(records);
    std::FILE* out = std::tmpfile();
    auto run = StartStream(in, out, build, jobs);

    // Each worker keeps at most kKeptAtMost records; a few records may wait in a batch.
    const int ahead = SettledCount(front.processed, kKeptAtMost - 127);
    EXPECT_GE(ahead, kKeptAtMost - 127);
    EXPECT_LE(ahead, jobs * kKeptAtMost);
    EXPECT_EQ(later.processed, 0);
    std::fflush(out);
    EXPECT_EQ(std::ftell(out), 0) << "a line was written before the pipeline was built";

    built.set_value(WholeOf(front, later));
    const ExtractStreamSummary summary = run.get();
    EXPECT_EQ(summary.records, records);
    EXPECT_EQ(summary.failed, 0);
    EXPECT_EQ(front.processed, records);  // no record went through the front stage twice
    EXPECT_EQ(later.processed, records);
    // Those kept had their tokens freed: all counted above, and any a slow worker kept after.
    EXPECT_GE(later.without_tokens, ahead);
    EXPECT_LE(later.without_tokens, jobs * kKeptAtMost);
    const std::vector<std::string> lines = LinesOf(out);
    ASSERT_EQ(lines.size(), static_cast<size_t>(records));
    for (int i = 0; i < records; ++i) {
      const json line = json::parse(lines[static_cast<size_t>(i)]);
      ASSERT_FALSE(line.contains("error")) << lines[static_cast<size_t>(i)];
      ASSERT_EQ(line["article"]["record_index"], i);
    }
    std::fclose(in);
    std::fclose(out);
  }
}

TEST(ExtractStreamRunAheadTest, AWorkerLeftWaitingForTheBuildHelpsIt) {
  // A build that ends only when helped: at the end of a short stream, and when a long one
  // reaches the bound of what a worker keeps.
  for (const int records : {10, kKeptAtMost + 1000}) {
    for (const int jobs : {1, 3}) {
      SCOPED_TRACE(testing::Message() << records << " records, " << jobs << " jobs");
      FrontStage front;
      LaterStage later;
      std::promise<StatusOr<Pipeline>> built;
      std::once_flag build_once;
      std::atomic<int> helped{0};
      const auto help = [&] {
        ++helped;
        std::call_once(build_once, [&] { built.set_value(WholeOf(front, later)); });
      };
      const PipelineBuild build = BuildOf(front, built.get_future().share(), help);
      std::FILE* in = RecordsFile(records);
      std::FILE* out = std::tmpfile();
      auto run = StartStream(in, out, build, jobs);
      if (run.wait_for(std::chrono::seconds(20)) != std::future_status::ready) {
        ADD_FAILURE() << "no worker helped the build";
        help();
      }
      const ExtractStreamSummary summary = run.get();
      EXPECT_GE(helped, 1);
      EXPECT_EQ(summary.records, records);
      EXPECT_EQ(summary.failed, 0);
      EXPECT_EQ(later.processed, records);
      EXPECT_EQ(LinesOf(out).size(), static_cast<size_t>(records));
      std::fclose(in);
      std::fclose(out);
    }
  }
}

TEST(ExtractStreamRunAheadTest, ABuildThatFailsWritesNoLineAndStopsReading) {
  const int records = 50000;
  FrontStage front;
  std::promise<StatusOr<Pipeline>> built;
  const PipelineBuild build = BuildOf(front, built.get_future().share());
  std::FILE* in = RecordsFile(records);
  std::FILE* out = std::tmpfile();
  auto run = StartStream(in, out, build, ExtractStreamOptions{}.jobs);
  SettledCount(front.processed, 1);
  built.set_value(Status::InvalidArgument("claims: rules/claims/broken.json:3: bad pattern"));
  const ExtractStreamSummary summary = run.get();
  EXPECT_LT(summary.records, records);  // the reader stopped
  EXPECT_TRUE(LinesOf(out).empty());
  EXPECT_EQ(build.Whole().status().message(), "claims: rules/claims/broken.json:3: bad pattern");
  std::fclose(in);
  std::fclose(out);
}

}  // namespace
}  // namespace newsfacts
