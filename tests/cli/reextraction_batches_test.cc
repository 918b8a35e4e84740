// Re-extraction by batches (issue 16): stored articles are loaded a batch at a time, bounded by
// articles and by text bytes, and the next batch is extracted while the writer writes the one
// before.
#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <vector>

#include "cli/ingest_plan.h"
#include "cli/ingest_runner.h"
#include "pipeline/pipeline.h"
#include "tests/cli/cli_test_util.h"
#include "tests/cli/counting_pipeline.h"

namespace newsfacts {
namespace {

using testing::CountingPipeline;
using testing::TempDir;
using testing::WaitFor;

TEST(ReextractionBatchesTest, TheNextBatchIsExtractedWhileTheWriterWritesTheOneBefore) {
  TempDir dir;
  for (int i = 0; i < 4; ++i) dir.Write("articles/" + std::to_string(i) + ".txt", "Text.\n");
  std::atomic<int> extracted{0};
  const Pipeline pipeline = CountingPipeline(extracted);
  IngestOptions options;
  options.roots = {dir.path() / "articles"};
  options.jobs = 2;
  options.run = {"test", "rules"};
  StatusOr<std::unique_ptr<FactStore>> store = FactStore::Open(dir.File("facts.db"));
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  const StoreOpener open_store = [&]() -> StatusOr<FactStore*> { return store->get(); };
  IngestSummary summary;
  StatusOr<IngestPlan> plan = PlanIngest(options, **store);
  ASSERT_TRUE(plan.ok()) << plan.status().ToString();
  ASSERT_TRUE(RunIngest(options, *plan, &pipeline, open_store, IngestObserver(), summary).ok());
  ASSERT_EQ(summary.articles_added, 4);

  // Every stored article again, one per batch by the text bound.
  options.reextract_all = true;
  options.batch_articles = 100;
  options.reextract_batch_bytes = 1;
  plan = PlanIngest(options, **store);
  ASSERT_TRUE(plan.ok()) << plan.status().ToString();
  extracted = 0;
  std::vector<int64_t> reextracted_at_commit;
  bool next_extracted_meanwhile = false;
  IngestObserver observer;
  observer.on_progress = [&](const IngestSummary& so_far, int64_t) {
    if (so_far.articles_reextracted == 0) return;
    reextracted_at_commit.push_back(so_far.articles_reextracted);
    // The writer has just committed the first batch: the second is extracted meanwhile.
    if (so_far.articles_reextracted == 1) next_extracted_meanwhile = WaitFor(extracted, 2);
  };
  const Status status = RunIngest(options, *plan, &pipeline, open_store, observer, summary);
  ASSERT_TRUE(status.ok()) << status.ToString();
  EXPECT_EQ(summary.articles_reextracted, 4);
  EXPECT_EQ(reextracted_at_commit, (std::vector<int64_t>{1, 2, 3, 4}));
  EXPECT_TRUE(next_extracted_meanwhile);
}

}  // namespace
}  // namespace newsfacts
