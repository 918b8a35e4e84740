// Compiles every stage from the rule files and runs each stage's embedded rule examples.
#include "extractors/rule_check.h"

#include "extractors/amounts/amount_stage.h"
#include "extractors/claims/claim_stage.h"
#include "extractors/entities/entity_stage.h"
#include "extractors/standard_pipeline.h"

namespace newsfacts {
namespace {

template <typename StageT>
Status CollectFailures(StatusOr<std::unique_ptr<StageT>> stage, RuleCheckReport& report) {
  if (!stage.ok()) return stage.status();
  for (std::string& failure : (*stage)->CheckExamples()) {
    report.failures.push_back(std::move(failure));
  }
  return Status::Ok();
}

}  // namespace

StatusOr<RuleCheckReport> CheckRules(const RuleSources& rules) {
  StatusOr<Pipeline> pipeline = BuildStandardPipeline(rules);
  if (!pipeline.ok()) return pipeline.status();
  RuleCheckReport report;
  report.files = rules.files().size();
  NEWSFACTS_RETURN_IF_ERROR(CollectFailures(EntityStage::Create(rules), report));
  NEWSFACTS_RETURN_IF_ERROR(CollectFailures(AmountStage::Create(rules), report));
  NEWSFACTS_RETURN_IF_ERROR(CollectFailures(ClaimStage::Create(rules), report));
  return report;
}

}  // namespace newsfacts
