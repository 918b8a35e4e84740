// Compiles every stage from the rule files and runs each stage's embedded rule examples,
// each through the stages upstream of it.
#include "extractors/rule_check.h"

#include "extractors/amounts/amount_stage.h"
#include "extractors/claims/claim_stage.h"
#include "extractors/entities/entity_stage.h"
#include "extractors/kernel/example_runner.h"
#include "pipeline/segmenter.h"

namespace newsfacts {
namespace {

void Append(std::vector<std::string> failures, RuleCheckReport& report) {
  for (std::string& failure : failures) report.failures.push_back(std::move(failure));
}

}  // namespace

StatusOr<RuleCheckReport> CheckRules(const RuleSources& rules) {
  StatusOr<std::unique_ptr<SegmenterStage>> segmenter = SegmenterStage::Create();
  if (!segmenter.ok()) return segmenter.status();
  StatusOr<std::unique_ptr<EntityStage>> entities = EntityStage::Create(rules);
  if (!entities.ok()) return entities.status();
  StatusOr<std::unique_ptr<AmountStage>> amounts = AmountStage::Create(rules);
  if (!amounts.ok()) return amounts.status();
  StatusOr<std::unique_ptr<ClaimStage>> claims = ClaimStage::Create(rules);
  if (!claims.ok()) return claims.status();

  RuleCheckReport report;
  report.files = rules.files().size();
  const ExampleRunner segmented({segmenter->get()});
  Append((*entities)->CheckExamples(segmented), report);
  Append((*amounts)->CheckExamples(segmented), report);
  Append(
      (*claims)->CheckExamples(ExampleRunner({segmenter->get(), entities->get(), amounts->get()})),
      report);
  return report;
}

}  // namespace newsfacts
