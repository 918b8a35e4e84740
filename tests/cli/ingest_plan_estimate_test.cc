// The plan's estimate of the bytes a run reads (EstimatedBytesToRead), which sizes the search
// index builder's statements: exact for a few files, within a few percent for many measured
// in part, nothing for no file.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "cli/ingest_plan.h"
#include "tests/temp_dir.h"

namespace newsfacts {
namespace {

using testing::TempDir;

// Writes `count` files of 1,000 to 1,999 bytes (the i-th 1,000 + (i * 37) % 1,000) and returns
// the plan that reads them and their total size.
std::pair<IngestPlan, int64_t> PlanOfFiles(TempDir& folder, int count) {
  IngestPlan plan;
  int64_t total = 0;
  for (int i = 0; i < count; ++i) {
    const std::string path = folder.File("f" + std::to_string(i) + ".txt");
    const size_t size = 1000 + static_cast<size_t>(i * 37 % 1000);
    std::ofstream(path, std::ios::binary) << std::string(size, 'a');
    plan.files_to_read.emplace_back(path);
    total += static_cast<int64_t>(size);
  }
  return {plan, total};
}

TEST(EstimatedBytesToReadTest, MeasuresFewFilesExactlyAndManyWithinAFewPercent) {
  TempDir few_folder;
  const auto [few, few_total] = PlanOfFiles(few_folder, 100);
  EXPECT_EQ(EstimatedBytesToRead(few), few_total);

  TempDir many_folder;
  const auto [many, many_total] = PlanOfFiles(many_folder, 1000);
  const int64_t estimate = EstimatedBytesToRead(many);
  EXPECT_NE(estimate, many_total);  // measured in part
  EXPECT_NEAR(static_cast<double>(estimate), static_cast<double>(many_total),
              0.05 * static_cast<double>(many_total));

  EXPECT_EQ(EstimatedBytesToRead(IngestPlan{}), 0);
  IngestPlan missing;
  missing.files_to_read.emplace_back(few_folder.File("gone.txt"));
  EXPECT_EQ(EstimatedBytesToRead(missing), 0);
}

}  // namespace
}  // namespace newsfacts
