// Assembles the standard pipeline from the built-in and user rule files.
#include "extractors/standard_pipeline.h"

#include <malloc.h>

#include <future>

#include "extractors/amounts/amount_stage.h"
#include "extractors/claims/claim_stage.h"
#include "extractors/entities/entity_stage.h"
#include "pipeline/segmenter.h"

namespace newsfacts {
namespace {

template <typename StageT>
Status Append(StatusOr<std::unique_ptr<StageT>> stage,
              std::vector<std::unique_ptr<Stage>>& stages) {
  if (!stage.ok()) return stage.status();
  stages.push_back(std::move(stage).value());
  return Status::Ok();
}

}  // namespace

StatusOr<Pipeline> BuildStandardPipeline(const RuleSources& rules, size_t window_bytes) {
  // The claim rules take about as long to compile as all the others together (most of a
  // process's start-up, issue 16), so they compile on a second thread meanwhile. A broken
  // rule file is reported as before: the first failing stage in pipeline order.
  auto claim_stage = std::async(std::launch::async, [&rules] { return ClaimStage::Create(rules); });
  std::vector<std::unique_ptr<Stage>> stages;
  const Status first_stages = [&] {
    NEWSFACTS_RETURN_IF_ERROR(Append(SegmenterStage::Create(), stages));
    NEWSFACTS_RETURN_IF_ERROR(Append(EntityStage::Create(rules), stages));
    return Append(AmountStage::Create(rules), stages);
  }();
  StatusOr<std::unique_ptr<ClaimStage>> claims = claim_stage.get();
  // The second thread compiled in a malloc arena of its own; the pages its temporaries freed
  // there go back to the system, or they add 10 MB to the peak of a 60 MB article's ingest.
  malloc_trim(0);
  NEWSFACTS_RETURN_IF_ERROR(first_stages);
  NEWSFACTS_RETURN_IF_ERROR(Append(std::move(claims), stages));
  return Pipeline::Create(std::move(stages), window_bytes);
}

StatusOr<RuleSources> LoadRules(const std::vector<std::filesystem::path>& rule_dirs) {
  StatusOr<RuleSources> rules = RuleSources::Builtin();
  if (!rules.ok()) return rules.status();
  for (const auto& dir : rule_dirs) NEWSFACTS_RETURN_IF_ERROR(rules->AddDirectory(dir));
  return rules;
}

StatusOr<StandardPipeline> LoadStandardPipeline(
    const std::vector<std::filesystem::path>& rule_dirs) {
  StatusOr<RuleSources> rules = LoadRules(rule_dirs);
  if (!rules.ok()) return rules.status();
  StatusOr<Pipeline> pipeline = BuildStandardPipeline(*rules);
  if (!pipeline.ok()) return pipeline.status();
  return StandardPipeline{std::move(rules).value(), std::move(pipeline).value()};
}

}  // namespace newsfacts
