// Rule checking for `newsfacts rules check` and the test suite: compile every rule file and
// run every embedded example through the stages that read it.
#pragma once

#include <string>
#include <vector>

#include "extractors/kernel/rule_sources.h"

namespace newsfacts {

struct RuleCheckReport {
  size_t files = 0;                   // rule files loaded
  std::vector<std::string> failures;  // one line per failing example, naming file and rule
};

// Compiles every stage from `rules` and runs their embedded examples. Errors are rule files
// that do not compile (naming file and rule id); failing examples are listed in the report.
StatusOr<RuleCheckReport> CheckRules(const RuleSources& rules);

}  // namespace newsfacts
