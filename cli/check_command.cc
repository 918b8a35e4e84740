// `newsfacts check [DIR] [--update] [--only KIND] [--rules DIR]`: golden regression check.
#include <cstdio>
#include <iostream>

#include "cli/commands.h"
#include "cli/golden_check.h"
#include "cli/messages.h"
#include "extractors/standard_pipeline.h"

namespace newsfacts {

int RunCheckCommand(const CheckCommand& command) {
  CheckOptions options;
  options.dir = command.dir;
  options.update = command.update;
  if (!command.only.empty()) {
    options.only = FactKindFromPlural(command.only);
    if (!options.only) {
      std::fprintf(stderr, "newsfacts: --only must be mentions, amounts or claims, not \"%s\"\n",
                   command.only.c_str());
      return kExitFatal;
    }
  }
  StatusOr<StandardPipeline> loaded = LoadStandardPipeline(command.rule_dirs);
  if (!loaded.ok()) {
    PrintError(loaded.status().message());
    return kExitFatal;
  }
  StatusOr<CheckReport> report = RunGoldenCheck(loaded->pipeline, options);
  if (!report.ok()) {
    PrintError(report.status().message());
    return kExitFatal;
  }
  std::cout << FormatCheckReport(*report, options);
  std::cout.flush();
  // With --update the differences were written for review; only failed files still fail.
  if (command.update) return report->AnyFailed() ? kExitSomeFailed : kExitOk;
  return report->AllMatch() ? kExitOk : kExitSomeFailed;
}

}  // namespace newsfacts
