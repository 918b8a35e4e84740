// The entity stage scales with article length: a 4 MB article of many distinct names takes
// less than six times as long as a 1 MB one (the long-form search was once quadratic).
#include <gtest/gtest.h>

#include <algorithm>
#include <ctime>
#include <iostream>
#include <string>
#include <vector>

#include "extractors/entities/entity_stage.h"
#include "pipeline/segmenter.h"
#include "tests/extractors/scaling_article.h"

namespace newsfacts {
namespace {

using testing::Article;
using testing::Median;

// A segmented document of `text`.
Document Segmented(const SegmenterStage& segmenter, const std::string& text) {
  Document doc = Document::FromRaw({}, text);
  EXPECT_TRUE(segmenter.Process(doc).ok());
  return doc;
}

// Processor seconds one run of the entity stage takes over `doc`: CPU time, not wall time,
// so that other jobs on a shared machine do not count.
double EntitySeconds(const EntityStage& stage, Document& doc) {
  const std::clock_t start = std::clock();
  EXPECT_TRUE(stage.Process(doc).ok());
  return static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC;
}

TEST(EntityScalingTest, FourMegabytesTakeLessThanSixTimesOne) {
  StatusOr<RuleSources> rules = RuleSources::Builtin();
  ASSERT_TRUE(rules.ok()) << rules.status().message();
  StatusOr<std::unique_ptr<EntityStage>> stage = EntityStage::Create(*rules);
  ASSERT_TRUE(stage.ok()) << stage.status().message();
  StatusOr<std::unique_ptr<SegmenterStage>> segmenter = SegmenterStage::Create();
  ASSERT_TRUE(segmenter.ok()) << segmenter.status().message();

  constexpr size_t kMegabyte = 1 << 20;
  Document one_mb = Segmented(**segmenter, Article(kMegabyte));
  Document four_mb = Segmented(**segmenter, Article(4 * kMegabyte));
  // Medians of interleaved runs, so that a burst of load on a shared machine, or a run that
  // finds the caches unusually quiet, sways neither size.
  constexpr int kRuns = 5;
  std::vector<double> one_runs, four_runs;
  for (int run = 0; run < kRuns; ++run) {
    one_runs.push_back(EntitySeconds(**stage, one_mb));
    four_runs.push_back(EntitySeconds(**stage, four_mb));
  }
  const double one = Median(one_runs), four = Median(four_runs);
  EXPECT_GT(one_mb.mentions().size(), kMegabyte / 100);  // the names are found
  EXPECT_GT(four_mb.mentions().size(), 4 * kMegabyte / 100);
  const double ratio = four / one;
  std::cout << "entity stage: 1 MB " << one << " s, 4 MB " << four << " s, ratio " << ratio << "\n";
  RecordProperty("ratio_4mb_to_1mb", std::to_string(ratio));
  EXPECT_LT(ratio, 6.0);
}

}  // namespace
}  // namespace newsfacts
