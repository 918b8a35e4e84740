// The report's conflicts (both evidence sentences side by side, amounts highlighted) and
// agreements (how many articles and outlets confirm each fact) sections.
#include <algorithm>
#include <limits>
#include <set>

#include "cli/html_text.h"
#include "cli/report_parts.h"

namespace newsfacts {
namespace {

const ComparedClaim* FindClaim(const ComparedFact& fact, int64_t claim_id) {
  for (const ComparedClaim& claim : fact.claims) {
    if (claim.claim_id == claim_id) return &claim;
  }
  return nullptr;
}

// One side of a conflict: the amount large, the sentence, the source.
void WriteConflictSide(const ComparedClaim& claim, const ListedArticles& articles,
                       std::ostream& out) {
  out << "<div class=\"side\"><div class=\"big\">"
      << HtmlEscape(claim.amount.empty() ? "(no amount)" : claim.amount) << "</div>"
      << "<blockquote>" << EvidenceHtml(claim) << "</blockquote><div class=\"src\">"
      << ClaimSourceHtml(claim, articles) << "</div></div>\n";
}

// One fact in conflict with its conflicting pairs.
void WriteConflict(const ComparedFact& fact, int number, const ReportLimits& limits,
                   const ListedArticles& articles, std::ostream& out) {
  out << "<article class=\"conflict filterable\" id=\"conflict-" << number << "\"><h3>"
      << FactHtml(fact) << " <small>" << Count(fact.articles, "article", "articles") << " · "
      << Count(fact.sources, "outlet", "outlets") << "</small></h3>\n";
  int shown = 0;
  for (const auto& [a, b] : fact.conflicts) {
    if (shown == limits.pairs_per_conflict) break;
    const ComparedClaim* left = FindClaim(fact, a);
    const ComparedClaim* right = FindClaim(fact, b);
    if (left == nullptr || right == nullptr) continue;
    out << "<div class=\"pair\">";
    WriteConflictSide(*left, articles, out);
    out << "<div class=\"vs\">vs</div>";
    WriteConflictSide(*right, articles, out);
    out << "</div>\n";
    ++shown;
  }
  WriteCutNote(
      shown,
      static_cast<int>(std::min<int64_t>(fact.conflict_pairs, std::numeric_limits<int>::max())),
      "conflicting pairs", "`newsfacts compare` lists them all", out);
  out << "</article>\n";
}

// The distinct values of `field` over the fact's claims, joined by " | ".
std::string Distinct(const ComparedFact& fact, std::string ComparedClaim::*field) {
  std::set<std::string> values;
  for (const ComparedClaim& claim : fact.claims) {
    if (!(claim.*field).empty()) values.insert(claim.*field);
  }
  std::string joined;
  for (const std::string& value : values) joined += (joined.empty() ? "" : " | ") + value;
  return joined;
}

// One agreeing fact as a table row, its evidence folded under it.
void WriteAgreement(const ComparedFact& fact, const ReportLimits& limits,
                    const ListedArticles& articles, std::ostream& out) {
  out << "<tr class=\"filterable\"><td>" << FactHtml(fact)
      << "<details><summary>evidence</summary><ul>";
  int shown = 0;
  for (const ComparedClaim& claim : fact.claims) {
    if (shown++ == limits.claims_per_fact) break;
    out << "<li>" << EvidenceHtml(claim) << "<br>" << ClaimSourceHtml(claim, articles) << "</li>";
  }
  out << "</ul></details></td><td class=\"num\">" << fact.articles << "</td><td class=\"num\">"
      << fact.sources << "</td><td>" << HtmlEscape(Distinct(fact, &ComparedClaim::source))
      << "</td><td><mark class=\"amount\">" << HtmlEscape(Distinct(fact, &ComparedClaim::amount))
      << "</mark></td></tr>\n";
}

}  // namespace

void WriteConflictsSection(const ReportInput& input, const ListedArticles& articles,
                           std::ostream& out) {
  out << "<section id=\"conflicts\"><h2>Conflicts</h2>\n"
         "<p class=\"intro\">Facts whose amounts, as two articles give them, cannot both be "
         "true (the <code>conflicts</code> view).</p>\n";
  int total = 0;
  for (const ComparedFact& fact : input.comparison.facts) {
    if (fact.verdict != Verdict::kConflict) continue;
    if (total < input.limits.conflict_facts) {
      WriteConflict(fact, total + 1, input.limits, articles, out);
    }
    ++total;
  }
  if (total == 0) out << "<p class=\"none\">No conflicting amounts.</p>\n";
  WriteCutNote(std::min(total, input.limits.conflict_facts), total, "facts in conflict",
               "narrow the report with --entity or --since", out);
  out << "</section>\n";
}

void WriteAgreementsSection(const ReportInput& input, const ListedArticles& articles,
                            std::ostream& out) {
  out << "<section id=\"agreements\"><h2>Agreements</h2>\n"
         "<p class=\"intro\">Facts stated by two or more articles without a conflict, most "
         "articles first.</p>\n<table class=\"facts\"><tr><th>fact</th><th>articles</th>"
         "<th>outlets</th><th>outlet names</th><th>amounts</th></tr>\n";
  int total = 0;
  for (const ComparedFact& fact : input.comparison.facts) {
    if (fact.verdict != Verdict::kAgree) continue;
    if (total < input.limits.agreements) WriteAgreement(fact, input.limits, articles, out);
    ++total;
  }
  out << "</table>\n";
  if (total == 0) out << "<p class=\"none\">No fact is stated by two articles.</p>\n";
  WriteCutNote(std::min(total, input.limits.agreements), total, "agreeing facts",
               "`newsfacts query \"SELECT * FROM agreements\"` lists them all", out);
  out << "</section>\n";
}

}  // namespace newsfacts
