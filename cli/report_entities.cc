// The report's per-entity section: for the entities with the most claims, the facts where
// each is subject and where it is object, and its deals in date order.
#include <algorithm>

#include "cli/html_text.h"
#include "cli/report_parts.h"

namespace newsfacts {
namespace {

// A titled list of facts, each with its verdict, article count and first evidence sentence.
void WriteFactList(const std::string& title, const std::vector<size_t>& facts,
                   const ReportInput& input, std::ostream& out) {
  if (facts.empty()) return;
  const ReportLimits& limits = input.limits;
  out << "<h4>" << HtmlEscape(title) << "</h4><ul class=\"entity-facts\">";
  int shown = 0;
  for (size_t index : facts) {
    if (shown++ == limits.facts_per_entity) break;
    const ComparedFact& fact = input.comparison.facts[index];
    out << "<li>" << FactHtml(fact) << " " << VerdictHtml(fact.verdict) << " <small>"
        << Count(fact.articles, "article", "articles") << "</small><details><summary>evidence"
        << "</summary>";
    const auto first = input.shown.first.find(index);
    if (first != input.shown.first.end() && !first->second.empty()) {
      const ComparedClaim& claim = first->second.front();
      out << EvidenceHtml(claim) << "<br>" << ClaimSourceHtml(claim, input.shown.articles);
    }
    out << "</details></li>";
  }
  out << "</ul>\n";
  WriteCutNote(std::min(shown, limits.facts_per_entity), static_cast<int>(facts.size()), "facts",
               "`newsfacts compare --entity NAME --min-articles 1` lists them all", out);
}

// The entity's deal claims (as subject or object) in date order, undated last.
void WriteDeals(const EntityFacts& entity, const ClaimPage& deals, const ReportInput& input,
                std::ostream& out) {
  if (deals.total == 0) return;
  const std::vector<const ComparedFact*> facts = EntityDealFacts(entity, input.comparison);
  out << "<h4>Deals in order</h4><ol class=\"deals\">";
  for (const auto& [fact_index, claim] : deals.claims) {
    const std::string date =
        claim.event_date.empty() ? claim.published.substr(0, 10) : claim.event_date;
    out << "<li><span class=\"date\">" << HtmlEscape(date.empty() ? "undated" : date) << "</span> "
        << FactHtml(*facts[fact_index]) << " <mark class=\"amount\">" << HtmlEscape(claim.amount)
        << "</mark><br>" << EvidenceHtml(claim) << "<br>"
        << ClaimSourceHtml(claim, input.shown.articles) << "</li>";
  }
  out << "</ol>\n";
  WriteCutNote(static_cast<int>(deals.claims.size()), static_cast<int>(deals.total), "deal claims",
               "`newsfacts query` on the timeline view lists them all", out);
}

}  // namespace

void WriteEntitiesSection(const ReportInput& input, std::ostream& out) {
  out << "<section id=\"entities\"><h2>Entities</h2>\n"
         "<p class=\"intro\">The entities with the most claims: what they do (as subject), what "
         "is done to them (as object) and their deals in date order.</p>\n";
  const std::vector<EntityFacts> entities = GroupByEntity(input.comparison);
  int shown = 0;
  for (const EntityFacts& entity : entities) {
    if (shown == input.limits.entities) break;
    ++shown;
    out << "<article class=\"entity filterable\" id=\"entity-" << shown << "\"><h3>"
        << HtmlEscape(entity.name) << " <small>" << Count(entity.claims, "claim", "claims")
        << "</small></h3>\n";
    WriteFactList("As subject", entity.as_subject, input, out);
    WriteFactList("As object", entity.as_object, input, out);
    if (static_cast<size_t>(shown) <= input.shown.deals.size()) {
      WriteDeals(entity, input.shown.deals[static_cast<size_t>(shown - 1)], input, out);
    }
    out << "</article>\n";
  }
  if (entities.empty()) out << "<p class=\"none\">No claims.</p>\n";
  WriteCutNote(shown, static_cast<int>(entities.size()), "entities",
               "use --entity NAME for one entity's page", out);
  out << "</section>\n";
}

}  // namespace newsfacts
