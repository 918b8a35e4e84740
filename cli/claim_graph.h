// The claim graph: entities as nodes, (subject, predicate, object) facts as labelled edges
// weighted by how many articles state them; written as Graphviz DOT or as JSON (D3, Gephi).
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "db/compare.h"

namespace newsfacts {

struct GraphNode {
  std::string name;  // the entity's canonical name
  int claims = 0;    // claims naming it as subject or object
};

struct GraphEdge {
  int source = 0;  // index into ClaimGraph::nodes: the subject
  int target = 0;  // the object
  std::string predicate;
  int articles = 0;  // distinct articles stating the fact
  Verdict verdict = Verdict::kUnconfirmed;
};

struct ClaimGraph {
  std::vector<GraphNode> nodes;  // in order of first appearance among the kept edges
  std::vector<GraphEdge> edges;  // most articles first
  int edges_left_out = 0;        // edges beyond `max_edges`
};

// The graph of `comparison`'s facts that have an object (raised and valued_at facts have
// none), keeping the `max_edges` stated by the most articles (0: all).
ClaimGraph BuildClaimGraph(const Comparison& comparison, int max_edges);

// Writes `graph` as a Graphviz digraph: nodes n0, n1, ... labelled with their names, edges
// labelled with the predicate, penwidth growing with the article count, conflicts in red.
void WriteGraphDot(const ClaimGraph& graph, std::ostream& out);

// Writes `graph` as one JSON object {"nodes": [{"id", "name", "claims"}], "edges":
// [{"source", "target", "predicate", "articles", "verdict"}]}, source and target being node
// ids, the shape D3's force layout reads.
void WriteGraphJson(const ClaimGraph& graph, std::ostream& out);

}  // namespace newsfacts
