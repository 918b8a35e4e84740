// `newsfacts rules check [DIR]`: compile every rule file and run every embedded example.
#include <cstdio>

#include "cli/commands.h"
#include "cli/messages.h"
#include "extractors/rule_check.h"
#include "extractors/standard_pipeline.h"

namespace newsfacts {

int RunRulesCheckCommand(const RulesCheckCommand& command) {
  StatusOr<RuleSources> rules = LoadRules(command.rule_dirs);
  if (!rules.ok()) {
    PrintError(rules.status().message());
    return kExitFatal;
  }
  StatusOr<RuleCheckReport> report = CheckRules(*rules);
  if (!report.ok()) {
    PrintError(report.status().message());
    return kExitFatal;
  }
  for (const std::string& failure : report->failures) std::printf("FAIL %s\n", failure.c_str());
  std::printf("%zu rule files, %zu failing examples\n", report->files, report->failures.size());
  return report->failures.empty() ? kExitOk : kExitSomeFailed;
}

}  // namespace newsfacts
