// `newsfacts rules check [DIR]`: compile every rule file and run every embedded example.
#include <cstdio>

#include "cli/commands.h"
#include "extractors/rule_check.h"
#include "extractors/standard_pipeline.h"

namespace newsfacts {

int RunRulesCheckCommand(const RulesCheckCommand& command) {
  StatusOr<RuleSources> rules = LoadRules(command.rule_dirs);
  if (!rules.ok()) {
    std::fprintf(stderr, "newsfacts: %s\n", rules.status().message().c_str());
    return kExitFatal;
  }
  StatusOr<RuleCheckReport> report = CheckRules(*rules);
  if (!report.ok()) {
    std::fprintf(stderr, "newsfacts: %s\n", report.status().message().c_str());
    return kExitFatal;
  }
  for (const std::string& failure : report->failures) std::printf("FAIL %s\n", failure.c_str());
  std::printf("%zu rule files, %zu failing examples\n", report->files, report->failures.size());
  return report->failures.empty() ? kExitOk : kExitSomeFailed;
}

}  // namespace newsfacts
