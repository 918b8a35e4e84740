// Pieces the report's sections share: the facts of each entity, and the HTML of a fact line, a
// claim's source and its evidence. Used by cli/report_*.cc only.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "cli/report_html.h"

namespace newsfacts {

// The facts naming one entity (by name), as indexes into a Comparison's facts.
struct EntityFacts {
  std::string name;
  int claims = 0;
  std::vector<size_t> as_subject;
  std::vector<size_t> as_object;
};

// The entities of `comparison`, most claims first (then by name).
std::vector<EntityFacts> GroupByEntity(const Comparison& comparison);

// The deal facts (acquired, sold, merged_with, invested_in, raised, valued_at) of `entity`:
// those where it is subject, then those where it is object, each list in `comparison` order.
std::vector<const ComparedFact*> EntityDealFacts(const EntityFacts& entity,
                                                 const Comparison& comparison);

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
void WriteConflictsSection(const ReportInput& input, std::ostream& out);
void WriteAgreementsSection(const ReportInput& input, std::ostream& out);
void WriteEntitiesSection(const ReportInput& input, std::ostream& out);
void WriteGraphSection(const ReportInput& input, std::ostream& out);
void WriteArticlesSection(const ReportInput& input, std::ostream& out);

}  // namespace newsfacts
