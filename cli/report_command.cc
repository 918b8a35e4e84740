// `newsfacts report [--db FILE] [--out report.html] [--entity NAME] [--since DATE]`: reads the
// overview and the facts with their counts, then only the claims the page shows, lays out the
// claim graph with Graphviz when it is installed, and writes the HTML page.
#include <cstdio>
#include <fstream>
#include <sstream>

#include "cli/commands.h"
#include "cli/graphviz_layout.h"
#include "cli/messages.h"
#include "cli/report_claims.h"
#include "cli/report_html.h"

namespace newsfacts {
namespace {

// Outlets and entities in the overview's bar charts.
constexpr int kOverviewTop = 20;

// Lays out `input.graph` with sfdp (force-directed, for large graphs) or dot, whichever is on
// PATH; otherwise, or when it fails, says why in input.graph_note.
void LayOutGraph(ReportInput& input) {
  if (input.graph.edges.empty()) return;
  std::optional<std::string> program = FindOnPath("sfdp");
  if (!program) program = FindOnPath("dot");
  if (!program) {
    input.graph_note =
        "Graphviz (sfdp or dot) was not found on PATH when this report was built, so the graph "
        "is shown as a list; install it (apt-get install graphviz) and run newsfacts report "
        "again for the picture.";
    return;
  }
  std::ostringstream dot;
  WriteGraphDot(input.graph, dot);
  StatusOr<std::string> svg = LayoutSvg(*program, dot.str());
  if (svg.ok()) {
    input.graph_svg = std::move(*svg);
  } else {
    input.graph_note = "The graph is shown as a list: " + svg.status().message();
  }
}

}  // namespace

int RunReportCommand(const ReportCommand& command) {
  ReportInput input;
  input.db_path = command.db_path;
  input.entity = command.entity;
  input.since = command.since;
  StatusOr<CorpusOverview> overview =
      ReadCorpusOverview(command.db_path, command.since, kOverviewTop);
  if (!overview.ok()) {
    PrintError(overview.status().message());
    return kExitFatal;
  }
  input.overview = std::move(*overview);
  CompareOptions options;
  options.entity = command.entity;
  options.since = command.since;
  options.min_articles = 1;
  options.pairs_per_fact = input.limits.pairs_per_conflict;
  options.read_claims = false;
  StatusOr<Comparison> comparison = CompareFacts(command.db_path, options);
  if (!comparison.ok()) {
    PrintError(comparison.status().message());
    return kExitFatal;
  }
  input.comparison = std::move(*comparison);
  // Only the claims the page shows are read.
  StatusOr<std::unique_ptr<ClaimReader>> reader = ClaimReader::Open(command.db_path, command.since);
  Status read = reader.ok() ? ReadShownClaims(**reader, input) : reader.status();
  if (!read.ok()) {
    PrintError(read.message());
    return kExitFatal;
  }
  input.graph = BuildClaimGraph(input.comparison, input.limits.graph_edges);
  LayOutGraph(input);
  if (!input.graph_note.empty()) PrintError(input.graph_note);

  std::ofstream out(command.out_path, std::ios::binary | std::ios::trunc);
  if (out) WriteReportHtml(input, out);
  out.close();
  if (!out) {
    PrintError(command.out_path +
               ": cannot write the report; check the folder exists and is "
               "writable, or choose another with --out");
    return kExitFatal;
  }
  const size_t facts = input.comparison.facts.size();
  std::printf("%s: report of %lld articles, %zu %s\n", Printable(command.out_path).c_str(),
              static_cast<long long>(input.overview.articles), facts,
              facts == 1 ? "fact" : "facts");
  return kExitOk;
}

}  // namespace newsfacts
