// When ingest opens its store (issue 16): the workers start first, so that creating a new
// database runs beside the extraction of the first articles; a store that fails to open stops
// them and the run, with nothing written.
#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <string>

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

// Options for ingesting `folder` of `dir` with two workers and batches of one article.
IngestOptions OptionsFor(const TempDir& dir, const std::string& folder) {
  IngestOptions options;
  options.roots = {dir.path() / folder};
  options.jobs = 2;
  options.batch_articles = 1;
  options.run = {"test", "rules"};
  return options;
}

TEST(IngestStoreOpeningTest, TheWorkersExtractBeforeTheStoreIsOpened) {
  TempDir dir;
  for (int i = 0; i < 8; ++i) dir.Write("articles/" + std::to_string(i) + ".txt", "Text.\n");
  std::atomic<int> extracted{0};
  const Pipeline pipeline = CountingPipeline(extracted);
  const IngestOptions options = OptionsFor(dir, "articles");
  StatusOr<IngestPlan> plan = PlanNewDatabase(options);
  ASSERT_TRUE(plan.ok()) << plan.status().ToString();
  EXPECT_EQ(plan->files_to_read.size(), 8u);
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "facts.db"));

  std::unique_ptr<FactStore> store;
  bool extracted_before_opening = false;
  const StoreOpener open_store = [&]() -> StatusOr<FactStore*> {
    // The workers do not wait for the store: every article is extracted before it opens.
    extracted_before_opening = WaitFor(extracted, 8);
    StatusOr<std::unique_ptr<FactStore>> opened = FactStore::Open(dir.File("facts.db"));
    if (!opened.ok()) return opened.status();
    store = std::move(*opened);
    return store.get();
  };
  IngestSummary summary;
  const Status status = RunIngest(options, *plan, &pipeline, open_store, IngestObserver(), summary);
  ASSERT_TRUE(status.ok()) << status.ToString();
  EXPECT_TRUE(extracted_before_opening);
  EXPECT_EQ(summary.articles_added, 8);
}

TEST(IngestStoreOpeningTest, AStoreThatFailsToOpenStopsTheWorkers) {
  TempDir dir;
  // More files than two workers' batches (128 articles each) hold.
  for (int i = 0; i < 1000; ++i) dir.Write("articles/" + std::to_string(i) + ".txt", "Text.\n");
  std::atomic<int> extracted{0};
  const Pipeline pipeline = CountingPipeline(extracted);
  IngestOptions options = OptionsFor(dir, "articles");
  options.queue_capacity = 4;  // the workers fill it and wait for a writer that never comes
  StatusOr<IngestPlan> plan = PlanNewDatabase(options);
  ASSERT_TRUE(plan.ok()) << plan.status().ToString();
  const StoreOpener open_store = [&]() -> StatusOr<FactStore*> {
    EXPECT_TRUE(WaitFor(extracted, 1));
    return Status::FailedPrecondition("facts.db: cannot open database");
  };
  IngestSummary summary;
  const Status status = RunIngest(options, *plan, &pipeline, open_store, IngestObserver(), summary);
  // Returning at all means the workers, blocked on the full queue, were stopped and joined.
  EXPECT_EQ(status.code(), StatusCode::kFailedPrecondition) << status.ToString();
  EXPECT_LT(extracted.load(), 1000);
  EXPECT_EQ(summary.articles_added, 0);
}

}  // namespace
}  // namespace newsfacts
