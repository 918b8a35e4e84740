// `newsfacts compare [--db FILE] [--entity NAME] [--predicate P] [--min-articles N]`: what
// the articles say about each fact, whether they agree or conflict, with the evidence.
#include <cstdio>
#include <iostream>

#include "cli/commands.h"
#include "cli/compare_report.h"
#include "cli/messages.h"

namespace newsfacts {

int RunCompareCommand(const CompareCommand& command) {
  CompareOptions options;
  options.entity = command.entity;
  options.predicate = command.predicate;
  options.min_articles = command.min_articles;
  StatusOr<Comparison> comparison = CompareFacts(command.db_path, options);
  if (!comparison.ok()) {
    PrintError(comparison.status().message());
    return kExitFatal;
  }
  WriteComparison(*comparison, options, std::cout);
  std::cout.flush();
  return kExitOk;
}

}  // namespace newsfacts
