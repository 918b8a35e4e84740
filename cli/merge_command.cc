// `newsfacts merge OUT.db IN.db...`: combine shard databases into one.
#include <cinttypes>
#include <cstdio>

#include "cli/commands.h"
#include "cli/messages.h"
#include "db/merge.h"

namespace newsfacts {

int RunMergeCommand(const MergeCommand& command) {
  StatusOr<MergeSummary> summary = MergeDatabases(command.out_path, command.inputs);
  if (!summary.ok()) {
    PrintError(summary.status().message());
    return kExitFatal;
  }
  const MergeSummary& s = *summary;
  for (const std::string& message : s.messages) PrintMessage(message);
  std::printf("%s: merged %" PRId64 " databases: %" PRId64 " articles added (%" PRId64
              " duplicate, %" PRId64 " conflicting skipped), %" PRId64 " new entities\n",
              Printable(command.out_path).c_str(), s.inputs, s.articles_added, s.articles_duplicate,
              s.articles_conflicting, s.entities_added);
  std::printf("copied %" PRId64 " runs, %" PRId64 " sentences, %" PRId64 " mentions, %" PRId64
              " amounts, %" PRId64 " claims, %" PRId64 " quotes\n",
              s.runs, s.sentences, s.mentions, s.amounts, s.claims, s.quotes);
  return s.articles_conflicting > 0 ? kExitSomeFailed : kExitOk;
}

}  // namespace newsfacts
