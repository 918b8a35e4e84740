// The report's conflicts (both evidence sentences side by side, amounts highlighted) and
// agreements (how many articles and outlets confirm each fact) sections.
#include <algorithm>
#include <limits>
#include <utility>

#include "cli/html_text.h"
#include "cli/report_parts.h"

namespace newsfacts {
namespace {

// One side of a conflict: the amount large, the sentence, the source.
void WriteConflictSide(const ComparedClaim& claim, const ListedArticles& articles,
                       std::ostream& out) {
  out << "<div class=\"side\"><div class=\"big\">"
      << HtmlEscape(claim.amount.empty() ? "(no amount)" : claim.amount) << "</div>"
      << "<blockquote>" << EvidenceHtml(claim) << "</blockquote><div class=\"src\">"
      << ClaimSourceHtml(claim, articles) << "</div></div>\n";
}

// One fact in conflict with its conflicting pairs.
void WriteConflict(const ComparedFact& fact, int number, const ReportInput& input,
                   std::ostream& out) {
  out << "<article class=\"conflict filterable\" id=\"conflict-" << number << "\"><h3>"
      << FactHtml(fact) << " <small>" << Count(fact.articles, "article", "articles") << " · "
      << Count(fact.sources, "outlet", "outlets") << "</small></h3>\n";
  int shown = 0;
  for (const auto& [a, b] : fact.conflicts) {
    if (shown == input.limits.pairs_per_conflict) break;
    const auto left = input.shown.by_id.find(a);
    const auto right = input.shown.by_id.find(b);
    if (left == input.shown.by_id.end() || right == input.shown.by_id.end()) continue;
    out << "<div class=\"pair\">";
    WriteConflictSide(left->second, input.shown.articles, out);
    out << "<div class=\"vs\">vs</div>";
    WriteConflictSide(right->second, input.shown.articles, out);
    out << "</div>\n";
    ++shown;
  }
  WriteCutNote(
      shown,
      static_cast<int>(std::min<int64_t>(fact.conflict_pairs, std::numeric_limits<int>::max())),
      "conflicting pairs", "`newsfacts compare` lists them all", out);
  out << "</article>\n";
}

// One agreeing fact as a table row, its evidence folded under it.
void WriteAgreement(size_t index, const ReportInput& input, std::ostream& out) {
  const ComparedFact& fact = input.comparison.facts[index];
  out << "<tr class=\"filterable\"><td>" << FactHtml(fact)
      << "<details><summary>evidence</summary><ul>";
  const auto first = input.shown.first.find(index);
  if (first != input.shown.first.end()) {
    int shown = 0;
    for (const ComparedClaim& claim : first->second) {
      if (shown++ == input.limits.claims_per_fact) break;
      out << "<li>" << EvidenceHtml(claim) << "<br>" << ClaimSourceHtml(claim, input.shown.articles)
          << "</li>";
    }
  }
  const auto distinct = input.shown.distinct.find(index);
  const std::pair<std::string, std::string> none;
  const auto& [sources, amounts] = distinct == input.shown.distinct.end() ? none : distinct->second;
  out << "</ul></details></td><td class=\"num\">" << fact.articles << "</td><td class=\"num\">"
      << fact.sources << "</td><td>" << HtmlEscape(sources) << "</td><td><mark class=\"amount\">"
      << HtmlEscape(amounts) << "</mark></td></tr>\n";
}

}  // namespace

void WriteConflictsSection(const ReportInput& input, std::ostream& out) {
  out << "<section id=\"conflicts\"><h2>Conflicts</h2>\n"
         "<p class=\"intro\">Facts whose amounts, as two articles give them, cannot both be "
         "true (the <code>conflicts</code> view).</p>\n";
  int total = 0;
  for (const ComparedFact& fact : input.comparison.facts) {
    if (fact.verdict != Verdict::kConflict) continue;
    if (total < input.limits.conflict_facts) WriteConflict(fact, total + 1, input, out);
    ++total;
  }
  if (total == 0) out << "<p class=\"none\">No conflicting amounts.</p>\n";
  WriteCutNote(std::min(total, input.limits.conflict_facts), total, "facts in conflict",
               "narrow the report with --entity or --since", out);
  out << "</section>\n";
}

void WriteAgreementsSection(const ReportInput& input, std::ostream& out) {
  out << "<section id=\"agreements\"><h2>Agreements</h2>\n"
         "<p class=\"intro\">Facts stated by two or more articles without a conflict, most "
         "articles first.</p>\n<table class=\"facts\"><tr><th>fact</th><th>articles</th>"
         "<th>outlets</th><th>outlet names</th><th>amounts</th></tr>\n";
  int total = 0;
  for (size_t i = 0; i < input.comparison.facts.size(); ++i) {
    if (input.comparison.facts[i].verdict != Verdict::kAgree) continue;
    if (total < input.limits.agreements) WriteAgreement(i, input, out);
    ++total;
  }
  out << "</table>\n";
  if (total == 0) out << "<p class=\"none\">No fact is stated by two articles.</p>\n";
  WriteCutNote(std::min(total, input.limits.agreements), total, "agreeing facts",
               "`newsfacts query \"SELECT * FROM agreements\"` lists them all", out);
  out << "</section>\n";
}

}  // namespace newsfacts
