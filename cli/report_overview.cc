// The report's first section: the corpus at a glance (counts, articles by outlet and month,
// top entities, claims by predicate and status), drawn as CSS bars and a table.
#include <algorithm>
#include <map>
#include <set>

#include "cli/html_text.h"
#include "cli/report_parts.h"

namespace newsfacts {
namespace {

// One big number with its label.
void WriteFigure(int64_t value, const std::string& label, std::ostream& out) {
  out << "<div class=\"figure\"><b>" << value << "</b>" << HtmlEscape(label) << "</div>";
}

// A titled list of labelled bars, each as long as its share of the largest count.
void WriteBars(const std::string& title, const std::vector<LabelCount>& rows,
               const std::string& empty_label, std::ostream& out) {
  int64_t largest = 1;
  for (const LabelCount& row : rows) largest = std::max(largest, row.count);
  out << "<div class=\"bars\"><h3>" << HtmlEscape(title) << "</h3>\n";
  for (const LabelCount& row : rows) {
    const int64_t percent = std::max<int64_t>(1, row.count * 100 / largest);
    out << "<div class=\"bar\"><span class=\"label\">"
        << HtmlEscape(row.label.empty() ? empty_label : row.label)
        << "</span><span class=\"track\"><span class=\"fill\" style=\"width:" << percent
        << "%\"></span></span><span class=\"n\">" << row.count << "</span></div>\n";
  }
  out << "</div>\n";
}

// Months, or years when there are more than four years of months to show.
std::vector<LabelCount> Timeline(const std::vector<LabelCount>& months) {
  if (months.size() <= 48) return months;
  std::vector<LabelCount> years;
  for (const LabelCount& month : months) {
    const std::string year = month.label.substr(0, 4);
    if (years.empty() || years.back().label != year) years.push_back({year, 0});
    years.back().count += month.count;
  }
  return years;
}

// Claims by predicate (rows) and status (columns).
void WriteClaimTable(const std::vector<PredicateStatusCount>& counts, std::ostream& out) {
  std::set<std::string> statuses;
  std::map<std::string, std::map<std::string, int64_t>> by_predicate;
  for (const PredicateStatusCount& c : counts) {
    statuses.insert(c.status);
    by_predicate[c.predicate][c.status] = c.count;
  }
  out << "<div class=\"bars wide\"><h3>Claims by predicate and status</h3>\n"
         "<table class=\"counts\"><tr><th>predicate</th>";
  for (const std::string& status : statuses) out << "<th>" << HtmlEscape(status) << "</th>";
  out << "</tr>\n";
  for (const auto& [predicate, row] : by_predicate) {
    out << "<tr><td class=\"pred\">" << HtmlEscape(predicate) << "</td>";
    for (const std::string& status : statuses) {
      const auto cell = row.find(status);
      out << "<td>" << (cell == row.end() ? std::string() : std::to_string(cell->second))
          << "</td>";
    }
    out << "</tr>\n";
  }
  out << "</table></div>\n";
}

}  // namespace

void WriteOverviewSection(const ReportInput& input, std::ostream& out) {
  const CorpusOverview& overview = input.overview;
  int conflicts = 0;
  int agreements = 0;
  for (const ComparedFact& fact : input.comparison.facts) {
    conflicts += fact.verdict == Verdict::kConflict ? 1 : 0;
    agreements += fact.verdict == Verdict::kAgree ? 1 : 0;
  }
  out << "<section id=\"overview\"><h2>The corpus at a glance</h2>\n<div class=\"figures\">";
  WriteFigure(overview.articles, "articles", out);
  WriteFigure(overview.outlets, "outlets", out);
  WriteFigure(overview.entities, "entities", out);
  WriteFigure(overview.claims, "claims", out);
  WriteFigure(conflicts, "facts in conflict", out);
  WriteFigure(agreements, "facts confirmed", out);
  out << "</div>\n<div class=\"grid\">\n";
  WriteBars("Articles by outlet", overview.sources, "(no outlet)", out);
  WriteBars(overview.months.size() > 48 ? "Articles by year" : "Articles by month",
            Timeline(overview.months), "(undated)", out);
  std::vector<LabelCount> entities;
  for (const EntityCount& e : overview.top_entities) {
    entities.push_back({e.name + " (" + e.type + ")", e.articles});
  }
  WriteBars("Entities in the most articles", entities, "", out);
  WriteClaimTable(overview.claim_counts, out);
  out << "</div></section>\n";
}

}  // namespace newsfacts
