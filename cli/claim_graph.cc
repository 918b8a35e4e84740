// BuildClaimGraph and its DOT and JSON writers.
#include "cli/claim_graph.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>

namespace newsfacts {
namespace {

// `text` as a DOT double-quoted string: quotes and backslashes escaped, line breaks dropped.
std::string DotString(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n' || c == '\r') c = ' ';
    out += c;
  }
  return out + "\"";
}

// The index of the node named `name`, added when new.
int NodeIndex(ClaimGraph& graph, std::map<std::string, int>& index_of, const std::string& name) {
  const auto [it, added] = index_of.emplace(name, static_cast<int>(graph.nodes.size()));
  if (added) graph.nodes.push_back({name, 0});
  return it->second;
}

}  // namespace

ClaimGraph BuildClaimGraph(const Comparison& comparison, int max_edges) {
  std::vector<const ComparedFact*> facts;
  for (const ComparedFact& fact : comparison.facts) {
    if (!fact.object.empty()) facts.push_back(&fact);
  }
  std::stable_sort(facts.begin(), facts.end(), [](const ComparedFact* a, const ComparedFact* b) {
    return a->articles > b->articles;
  });
  ClaimGraph graph;
  if (max_edges > 0 && facts.size() > static_cast<size_t>(max_edges)) {
    graph.edges_left_out = static_cast<int>(facts.size()) - max_edges;
    facts.resize(static_cast<size_t>(max_edges));
  }
  std::map<std::string, int> index_of;
  for (const ComparedFact* fact : facts) {
    GraphEdge edge;
    edge.source = NodeIndex(graph, index_of, fact->subject);
    edge.target = NodeIndex(graph, index_of, fact->object);
    edge.predicate = fact->predicate;
    edge.articles = fact->articles;
    edge.verdict = fact->verdict;
    const int claims = fact->claim_count;
    graph.nodes[static_cast<size_t>(edge.source)].claims += claims;
    if (edge.target != edge.source) graph.nodes[static_cast<size_t>(edge.target)].claims += claims;
    graph.edges.push_back(std::move(edge));
  }
  return graph;
}

void WriteGraphDot(const ClaimGraph& graph, std::ostream& out) {
  out << "digraph claims {\n"
      << "  graph [overlap=false, splines=true, fontname=\"Helvetica\"];\n"
      << "  node [shape=box, style=\"rounded,filled\", fillcolor=\"#eef3fb\", color=\"#6b7fa3\", "
         "fontname=\"Helvetica\", fontsize=11];\n"
      << "  edge [fontname=\"Helvetica\", fontsize=9, color=\"#7a869a\"];\n";
  for (size_t i = 0; i < graph.nodes.size(); ++i) {
    out << "  n" << i << " [label=" << DotString(graph.nodes[i].name) << "];\n";
  }
  for (const GraphEdge& edge : graph.edges) {
    const double width = 1.0 + std::log2(static_cast<double>(std::max(1, edge.articles)));
    out << "  n" << edge.source << " -> n" << edge.target << " [label=" << DotString(edge.predicate)
        << ", penwidth=" << width;
    if (edge.verdict == Verdict::kConflict) out << ", color=\"#c0392b\", fontcolor=\"#c0392b\"";
    out << "];\n";
  }
  out << "}\n";
}

void WriteGraphJson(const ClaimGraph& graph, std::ostream& out) {
  nlohmann::ordered_json nodes = nlohmann::ordered_json::array();
  for (size_t i = 0; i < graph.nodes.size(); ++i) {
    nodes.push_back({{"id", i}, {"name", graph.nodes[i].name}, {"claims", graph.nodes[i].claims}});
  }
  nlohmann::ordered_json edges = nlohmann::ordered_json::array();
  for (const GraphEdge& edge : graph.edges) {
    edges.push_back({{"source", edge.source},
                     {"target", edge.target},
                     {"predicate", edge.predicate},
                     {"articles", edge.articles},
                     {"verdict", std::string(VerdictName(edge.verdict))}});
  }
  nlohmann::ordered_json document = {{"nodes", nodes}, {"edges", edges}};
  out << document.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace newsfacts
