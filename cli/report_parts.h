// Pieces the report's sections share: which articles the page lists (so links resolve), and
// the HTML of a fact line, a claim's source and its evidence. Used by cli/report_*.cc only.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include "cli/report_html.h"

namespace newsfacts {

// The articles listed in the page's last section, each with its claims (and their facts).
struct ListedArticles {
  std::vector<int64_t> order;  // article ids in the order listed
  std::unordered_set<int64_t> listed;
  // Per listed article (same order), its claims with the fact each states.
  std::vector<std::vector<std::pair<const ComparedFact*, const ComparedClaim*>>> claims;
};

// The articles behind the conflicts shown, then the agreements, then the other facts, at
// most input.limits.articles of them.
ListedArticles SelectArticles(const ReportInput& input);

// "Contoso <span class=pred>acquired</span> Fabrikam", escaped.
std::string FactHtml(const ComparedFact& fact);

// A verdict badge: <span class="verdict conflict">conflict</span>.
std::string VerdictHtml(Verdict verdict);

// "Northbeam Tech · 2024-10-19 · <a href=#article-7>Title</a>" (the title, else the path;
// a link only when the article is listed), escaped.
std::string ClaimSourceHtml(const ComparedClaim& claim, const ListedArticles& articles);

// The claim's evidence sentence in a <q>, its amount highlighted, then its status,
// attribution, stage, role and event date when known, escaped.
std::string EvidenceHtml(const ComparedClaim& claim);

// A note that `shown` of `total` `what` are listed and how to see the rest, or nothing when
// all are shown.
void WriteCutNote(int shown, int total, const std::string& what, const std::string& how,
                  std::ostream& out);

// "1 article" / "3 articles".
std::string Count(int count, const std::string& one, const std::string& many);

// Sections of the page, each an <section id=...> with an <h2>.
void WriteOverviewSection(const ReportInput& input, std::ostream& out);
void WriteConflictsSection(const ReportInput& input, const ListedArticles& articles,
                           std::ostream& out);
void WriteAgreementsSection(const ReportInput& input, const ListedArticles& articles,
                            std::ostream& out);
void WriteEntitiesSection(const ReportInput& input, const ListedArticles& articles,
                          std::ostream& out);
void WriteGraphSection(const ReportInput& input, std::ostream& out);
void WriteArticlesSection(const ReportInput& input, const ListedArticles& articles,
                          std::ostream& out);

}  // namespace newsfacts
