// The report's claim graph section: the SVG Graphviz drew, or a list of the same edges with
// a note saying why there is no picture.
#include "cli/html_text.h"
#include "cli/report_parts.h"

namespace newsfacts {
namespace {

// The edges as a list, for pages built without Graphviz.
void WriteEdgeList(const ClaimGraph& graph, std::ostream& out) {
  out << "<ul class=\"edges\">";
  for (const GraphEdge& edge : graph.edges) {
    out << "<li class=\"filterable\"><span class=\"ent\">"
        << HtmlEscape(graph.nodes[static_cast<size_t>(edge.source)].name)
        << "</span> → <span class=\"pred\">" << HtmlEscape(edge.predicate)
        << "</span> → <span class=\"ent\">"
        << HtmlEscape(graph.nodes[static_cast<size_t>(edge.target)].name) << "</span> <small>"
        << Count(edge.articles, "article", "articles") << "</small> " << VerdictHtml(edge.verdict)
        << "</li>";
  }
  out << "</ul>\n";
}

}  // namespace

void WriteGraphSection(const ReportInput& input, std::ostream& out) {
  const ClaimGraph& graph = input.graph;
  out << "<section id=\"graph\"><h2>Claim graph</h2>\n"
         "<p class=\"intro\">Entities as boxes, facts as arrows from subject to object, thicker "
         "when more articles state them; conflicts in red. <code>newsfacts graph</code> writes "
         "the same graph as DOT or JSON.</p>\n";
  if (graph.edges.empty()) {
    out << "<p class=\"none\">No fact links two entities.</p>\n";
  } else if (input.graph_svg) {
    // Graphviz escapes the labels it writes into SVG; the DOT it read was escaped for DOT.
    out << "<div class=\"graph\">" << *input.graph_svg << "</div>\n";
  } else {
    out << "<p class=\"note\" id=\"graph-note\">" << HtmlEscape(input.graph_note) << "</p>\n";
    WriteEdgeList(graph, out);
  }
  const int total = static_cast<int>(graph.edges.size()) + graph.edges_left_out;
  WriteCutNote(static_cast<int>(graph.edges.size()), total,
               "facts (those stated by the most articles)", "`newsfacts graph` writes them all",
               out);
  out << "</section>\n";
}

}  // namespace newsfacts
