// The HTML report of `newsfacts report`: one self-contained page (inline CSS, SVG and a small
// script; nothing fetched) built from db's overview and comparison values.
#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "cli/claim_graph.h"
#include "db/claim_reader.h"
#include "db/compare.h"
#include "db/corpus_overview.h"

namespace newsfacts {

// How much each section shows at most, so the page of a 100,000-article database stays a
// few megabytes; the page says where a list was cut and how to see the rest.
struct ReportLimits {
  int conflict_facts = 200;     // facts with conflicting amounts
  int pairs_per_conflict = 12;  // conflicting pairs shown per fact
  int agreements = 300;         // agreeing facts
  int entities = 50;            // entity sections, entities with the most claims first
  int facts_per_entity = 30;    // facts listed per entity, as subject and as object each
  int deals_per_entity = 30;    // deal claims per entity
  int claims_per_fact = 5;      // evidence sentences under an agreeing fact
  int articles = 300;           // articles listed with their facts
  int claims_per_article = 20;  // facts listed per article
  int graph_edges = 150;        // edges laid out in the claim graph
};

// The articles listed in the page's last section, each with its first claims.
struct ListedArticles {
  std::vector<int64_t> order;  // article ids in the order listed
  std::unordered_set<int64_t> listed;
  // Per listed article (same order): its first claims (at most ReportLimits::claims_per_article),
  // each with the index of its fact in ReportInput::comparison.facts, and how many it has.
  std::vector<std::vector<std::pair<size_t, ComparedClaim>>> claims;
  std::vector<int> claim_totals;
};

// The claims the page shows, read for it (cli/report_claims.h) so that no other claim is
// read. Facts are named by their index in ReportInput::comparison.facts.
struct ShownClaims {
  // Per fact whose evidence is shown (agreements, entity lists): its first claims in story
  // order, as many as the page shows.
  std::unordered_map<size_t, std::vector<ComparedClaim>> first;
  // The claims of the conflicting pairs shown, by claim id.
  std::unordered_map<int64_t, ComparedClaim> by_id;
  // Per agreement shown: its distinct outlets and its distinct amounts, each joined by " | ".
  std::unordered_map<size_t, std::pair<std::string, std::string>> distinct;
  // Per entity section shown, in order: its first deal claims by date (ClaimReader's
  // ClaimsByStepDate over the facts EntityDealFacts lists) and how many it has.
  std::vector<ClaimPage> deals;
  ListedArticles articles;
};

// Everything the page shows.
struct ReportInput {
  std::string db_path;
  std::string entity;  // the --entity filter, empty when none
  std::string since;   // the --since filter, empty when none
  CorpusOverview overview;
  Comparison comparison;  // every fact (min_articles 1) the filters keep, its claims unread
  ShownClaims shown;
  ClaimGraph graph;
  std::optional<std::string> graph_svg;  // the graph laid out by Graphviz, when it ran
  std::string graph_note;                // why there is no picture, when there is none
  ReportLimits limits;
};

// Writes the whole page for `input`, whose `shown` claims are read. Every string from the
// database is escaped.
void WriteReportHtml(const ReportInput& input, std::ostream& out);

}  // namespace newsfacts
