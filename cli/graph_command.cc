// `newsfacts graph [--db FILE] [--format dot|json] [--entity NAME] [--predicate P]`: the claim
// graph for other tools (Graphviz, Gephi, D3).
#include <iostream>

#include "cli/claim_graph.h"
#include "cli/commands.h"
#include "cli/messages.h"

namespace newsfacts {

int RunGraphCommand(const GraphCommand& command) {
  CompareOptions options;
  options.entity = command.entity;
  options.predicate = command.predicate;
  options.min_articles = 1;
  options.pairs_per_fact = 1;   // an edge only says whether its fact is in conflict
  options.read_claims = false;  // nor does it show a claim
  StatusOr<Comparison> comparison = CompareFacts(command.db_path, options);
  if (!comparison.ok()) {
    PrintError(comparison.status().message());
    return kExitFatal;
  }
  const ClaimGraph graph = BuildClaimGraph(*comparison, 0);
  if (command.format == "json") {
    WriteGraphJson(graph, std::cout);
  } else {
    WriteGraphDot(graph, std::cout);
  }
  std::cout.flush();
  return kExitOk;
}

}  // namespace newsfacts
