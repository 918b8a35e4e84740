// Two stores opening one new database at once, as two ingests started together do: each waits
// for the other's switch to WAL and schema changes instead of failing (both once failed about
// one run in a hundred, with "database is locked" or "no such table: articles").
#include <gtest/gtest.h>

#include <string>
#include <thread>

#include "db/fact_store.h"
#include "tests/db/db_test_util.h"

namespace newsfacts {
namespace {

using testing::ReadInt;
using testing::TempDir;

// Opens the store and records one empty run: the first run into an empty database drops its
// deferred indexes and builds them again, changing the schema the other store reads.
Status OpenAndRun(const std::string& path) {
  StatusOr<std::unique_ptr<FactStore>> store = FactStore::Open(path);
  if (!store.ok()) return store.status();
  StatusOr<int64_t> run = (*store)->BeginRun({"test", "rules"});
  if (!run.ok()) return run.status();
  return (*store)->FinishRun(*run, RunCounts());
}

TEST(ConcurrentOpenTest, TwoStoresCreatingOneFileBothSucceed) {
  TempDir folder;
  for (int attempt = 0; attempt < 40; ++attempt) {
    const std::string path = folder.File("new" + std::to_string(attempt) + ".db");
    Status first;
    Status second;
    std::thread a([&] { first = OpenAndRun(path); });
    std::thread b([&] { second = OpenAndRun(path); });
    a.join();
    b.join();
    ASSERT_TRUE(first.ok()) << "attempt " << attempt << ": " << first.ToString();
    ASSERT_TRUE(second.ok()) << "attempt " << attempt << ": " << second.ToString();
    EXPECT_EQ(ReadInt(path, "SELECT count(*) FROM runs WHERE finished_at IS NOT NULL"), 2);
  }
}

}  // namespace
}  // namespace newsfacts
