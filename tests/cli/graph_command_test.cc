// `newsfacts graph`: DOT that Graphviz renders, JSON whose edges point at its nodes, the
// filters, and DOT escaping of names.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/claim_graph.h"
#include "tests/cli/cli_test_util.h"

namespace newsfacts {
namespace {

using testing::RunNewsfacts;
using testing::TempDir;

const std::string kSamples = std::string(NEWSFACTS_SOURCE_DIR) + "/corpus/samples";

class GraphCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto run = RunNewsfacts("ingest '" + kSamples + "' --db facts.db", dir_.path());
    ASSERT_EQ(run.exit_code, 0) << run.output;
  }
  // The graph printed with `options`, parsed.
  nlohmann::json GraphJson(const std::string& options) {
    auto run =
        RunNewsfacts("graph --db facts.db --format json " + options + " 2>/dev/null", dir_.path());
    EXPECT_EQ(run.exit_code, 0) << run.output;
    return nlohmann::json::parse(run.output);
  }
  TempDir dir_;
};

TEST_F(GraphCommandTest, DotOutputRendersWithGraphviz) {
  if (system("command -v dot >/dev/null") != 0) {
    GTEST_SKIP() << "Graphviz is not installed (apt-get install graphviz)";
  }
  auto run = RunNewsfacts("graph --db facts.db --format dot > g.dot && dot -Tsvg g.dot -o g.svg",
                          dir_.path());
  ASSERT_EQ(run.exit_code, 0) << run.output;
  std::ifstream in(dir_.path() / "g.svg");
  std::ostringstream svg;
  svg << in.rdbuf();
  EXPECT_NE(svg.str().find("<svg"), std::string::npos);
  EXPECT_NE(svg.str().find(">Ferrow Analytics</text>"), std::string::npos);
  EXPECT_NE(svg.str().find(">acquired</text>"), std::string::npos);
}

TEST_F(GraphCommandTest, JsonEdgesPointAtNodesAndCarryVerdicts) {
  const nlohmann::json graph = GraphJson("");
  const size_t nodes = graph["nodes"].size();
  ASSERT_GT(nodes, 10u);
  bool kestrel_conflict = false;
  for (const nlohmann::json& edge : graph["edges"]) {
    ASSERT_LT(edge["source"].get<size_t>(), nodes);
    ASSERT_LT(edge["target"].get<size_t>(), nodes);
    const std::string source = graph["nodes"][edge["source"].get<size_t>()]["name"];
    const std::string target = graph["nodes"][edge["target"].get<size_t>()]["name"];
    if (source == "Kestrel Data" && target == "Ferrow Analytics" &&
        edge["predicate"] == "acquired") {
      kestrel_conflict = edge["verdict"] == "conflict" && edge["articles"] == 3;
    }
  }
  EXPECT_TRUE(kestrel_conflict) << graph.dump(1);
}

TEST_F(GraphCommandTest, FiltersKeepOnlyThePredicateAndTheEntity) {
  const nlohmann::json acquired = GraphJson("--predicate acquired");
  ASSERT_FALSE(acquired["edges"].empty());
  for (const nlohmann::json& edge : acquired["edges"]) EXPECT_EQ(edge["predicate"], "acquired");

  const nlohmann::json cisco = GraphJson("--entity Cisco");
  ASSERT_FALSE(cisco["edges"].empty());
  for (const nlohmann::json& edge : cisco["edges"]) {
    const std::string source = cisco["nodes"][edge["source"].get<size_t>()]["name"];
    const std::string target = cisco["nodes"][edge["target"].get<size_t>()]["name"];
    EXPECT_TRUE(source == "Cisco" || target == "Cisco") << source << " -> " << target;
  }
  EXPECT_LT(cisco["edges"].size(), GraphJson("")["edges"].size());
}

TEST(ClaimGraphTest, DotEscapesQuotesBackslashesAndLineBreaks) {
  ClaimGraph graph;
  graph.nodes = {{"Say \"hi\" \\ now", 1}, {"Two\nlines", 1}};
  graph.edges = {{0, 1, "uses", 1, Verdict::kUnconfirmed}};
  std::ostringstream dot;
  WriteGraphDot(graph, dot);
  EXPECT_NE(dot.str().find("n0 [label=\"Say \\\"hi\\\" \\\\ now\"];"), std::string::npos)
      << dot.str();
  EXPECT_NE(dot.str().find("n1 [label=\"Two lines\"];"), std::string::npos) << dot.str();
}

TEST(ClaimGraphTest, KeepsTheEdgesOfTheMostArticlesAndCountsTheRest) {
  Comparison comparison;
  for (int articles : {1, 5, 3}) {
    ComparedFact fact;
    fact.subject = "S" + std::to_string(articles);
    fact.predicate = "uses";
    fact.object = "O";
    fact.articles = articles;
    fact.claim_count = articles;
    comparison.facts.push_back(fact);
  }
  ComparedFact no_object;
  no_object.subject = "R";
  no_object.predicate = "raised";
  no_object.articles = 9;
  comparison.facts.push_back(no_object);
  const ClaimGraph graph = BuildClaimGraph(comparison, 2);
  ASSERT_EQ(graph.edges.size(), 2u);
  EXPECT_EQ(graph.edges[0].articles, 5);
  EXPECT_EQ(graph.edges[1].articles, 3);
  EXPECT_EQ(graph.edges_left_out, 1);
  ASSERT_EQ(graph.nodes.size(), 3u);  // S5, O, S3
  EXPECT_EQ(graph.nodes[1].name, "O");
  EXPECT_EQ(graph.nodes[1].claims, 8);
}

}  // namespace
}  // namespace newsfacts
