// Two ingests of one folder at once, and a database lock mid-run (issue 15, item 8): the runs
// table agrees with articles.run_id, and what was committed before a failure is counted.
#include <gtest/gtest.h>

#include <filesystem>
#include <thread>

#include "cli/ingest_plan.h"
#include "cli/ingest_runner.h"
#include "db/sqlite.h"
#include "extractors/standard_pipeline.h"
#include "tests/cli/cli_test_util.h"

namespace newsfacts {
namespace {

using testing::CommandResult;
using testing::RunNewsfacts;
using testing::TempDir;

std::string Query(const TempDir& dir, const std::string& sql) {
  return RunNewsfacts("query \"" + sql + "\" --db facts.db --format csv", dir.path()).output;
}

// Each run's added, replaced and re-extracted counts against the articles it wrote.
constexpr char kRunsDisagreeing[] =
    "SELECT count(*) AS n FROM runs r WHERE r.articles_added + r.articles_replaced + "
    "r.articles_reextracted <> (SELECT count(*) FROM articles a WHERE a.run_id = r.id)";

TEST(ConcurrentIngestTest, TwoIngestsOfOneFolderCountEachArticleOnce) {
  TempDir dir;
  std::filesystem::copy(std::filesystem::path(NEWSFACTS_SOURCE_DIR) / "corpus" / "samples",
                        dir.path() / "samples", std::filesystem::copy_options::recursive);
  // Both runs create the database: its first migration is one transaction, so the second
  // waits and finds the whole schema (it once failed with "no such table: articles").
  CommandResult first;
  CommandResult second;
  std::thread a([&] { first = RunNewsfacts("ingest samples --db facts.db --jobs 2", dir.path()); });
  std::thread b(
      [&] { second = RunNewsfacts("ingest samples --db facts.db --jobs 2", dir.path()); });
  a.join();
  b.join();
  ASSERT_EQ(first.exit_code, 0) << first.output;
  ASSERT_EQ(second.exit_code, 0) << second.output;
  // The same folder ingested once, alone, is the reference count.
  ASSERT_EQ(RunNewsfacts("ingest samples --db reference.db --jobs 1", dir.path()).exit_code, 0);
  const std::string reference =
      RunNewsfacts("query \"SELECT count(*) AS n FROM articles\" --db reference.db --format csv",
                   dir.path())
          .output;
  const std::string articles = Query(dir, "SELECT count(*) AS n FROM articles");
  EXPECT_EQ(articles, reference);
  EXPECT_NE(articles, "n\n0\n");
  EXPECT_EQ(Query(dir, "SELECT sum(articles_added) AS n FROM runs"), articles);
  EXPECT_EQ(Query(dir, kRunsDisagreeing), "n\n0\n");
  EXPECT_EQ(Query(dir, "SELECT count(*) AS n FROM runs WHERE finished_at IS NULL"), "n\n0\n");
  EXPECT_EQ(Query(dir, "PRAGMA integrity_check"), "integrity_check\nok\n");
}

// A lock taken by another connection after two articles were committed: the run stops with
// Busy, its summary and its runs row count the two, and they stay stored.
TEST(ConcurrentIngestTest, ABusyFailureMidRunCountsWhatWasCommitted) {
  TempDir dir;
  for (int i = 0; i < 5; ++i) {
    dir.Write("articles/" + std::to_string(i) + ".txt",
              "Firm " + std::to_string(i) +
                  " raises money\n\nNorthwind Labs Inc. said it raised $" + std::to_string(i + 1) +
                  " million.\n");
  }
  StatusOr<StandardPipeline> pipeline = LoadStandardPipeline({});
  ASSERT_TRUE(pipeline.ok()) << pipeline.status().ToString();
  const std::string db_path = dir.File("facts.db");
  FactStoreOptions store_options;
  store_options.busy_timeout_ms = 100;
  auto store = FactStore::Open(db_path, store_options);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  auto holder = sqlite::Connection::Open(db_path, sqlite::OpenMode::kReadWrite);
  ASSERT_TRUE(holder.ok());

  IngestOptions options;
  options.roots = {dir.path() / "articles"};
  options.jobs = 1;
  options.batch_articles = 1;
  options.run = {"test", "rules"};
  IngestObserver observer;
  bool locked = false;
  observer.on_progress = [&](const IngestSummary& so_far, int64_t) {
    if (so_far.articles_added == 2 && !locked) {
      locked = (*holder)->Exec("BEGIN IMMEDIATE").ok();
    }
  };
  StatusOr<IngestPlan> plan = PlanIngest(options, **store);
  ASSERT_TRUE(plan.ok()) << plan.status().ToString();
  IngestSummary summary;
  Status status = RunIngest(
      options, *plan, &pipeline->pipeline, [&] { return store->get(); }, observer, summary);
  ASSERT_TRUE(locked);
  EXPECT_EQ(status.code(), StatusCode::kBusy) << status.ToString();
  EXPECT_EQ(summary.articles_added, 2);
  ASSERT_TRUE((*holder)->Exec("ROLLBACK").ok());
  store->reset();
  EXPECT_EQ(Query(dir, "SELECT count(*) AS n FROM articles"), "n\n2\n");
  EXPECT_EQ(Query(dir, "SELECT articles_added AS n FROM runs"), "n\n2\n");
  EXPECT_EQ(Query(dir, kRunsDisagreeing), "n\n0\n");
}

}  // namespace
}  // namespace newsfacts
