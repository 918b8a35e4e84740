// The report's per-entity section: for the entities with the most claims, the facts where
// each is subject and where it is object, and its deals in date order.
#include <algorithm>
#include <map>

#include "cli/html_text.h"
#include "cli/report_parts.h"

namespace newsfacts {
namespace {

// The facts naming one entity.
struct EntityFacts {
  std::string name;
  int claims = 0;
  std::vector<const ComparedFact*> as_subject;
  std::vector<const ComparedFact*> as_object;
};

bool IsDeal(const std::string& predicate) {
  return predicate == "acquired" || predicate == "sold" || predicate == "merged_with" ||
         predicate == "invested_in" || predicate == "raised" || predicate == "valued_at";
}

// The entities of `comparison`, most claims first (then by name).
std::vector<EntityFacts> GroupByEntity(const Comparison& comparison) {
  std::map<std::string, EntityFacts> by_name;
  for (const ComparedFact& fact : comparison.facts) {
    EntityFacts& subject = by_name[fact.subject];
    subject.as_subject.push_back(&fact);
    subject.claims += static_cast<int>(fact.claims.size());
    if (fact.object.empty() || fact.object == fact.subject) continue;
    EntityFacts& object = by_name[fact.object];
    object.as_object.push_back(&fact);
    object.claims += static_cast<int>(fact.claims.size());
  }
  std::vector<EntityFacts> entities;
  for (auto& [name, facts] : by_name) {
    facts.name = name;
    entities.push_back(std::move(facts));
  }
  std::stable_sort(entities.begin(), entities.end(),
                   [](const EntityFacts& a, const EntityFacts& b) { return a.claims > b.claims; });
  return entities;
}

// A titled list of facts, each with its verdict, article count and first evidence sentence.
void WriteFactList(const std::string& title, const std::vector<const ComparedFact*>& facts,
                   const ReportLimits& limits, const ListedArticles& articles, std::ostream& out) {
  if (facts.empty()) return;
  out << "<h4>" << HtmlEscape(title) << "</h4><ul class=\"entity-facts\">";
  int shown = 0;
  for (const ComparedFact* fact : facts) {
    if (shown++ == limits.facts_per_entity) break;
    const ComparedClaim& first = fact->claims.front();
    out << "<li>" << FactHtml(*fact) << " " << VerdictHtml(fact->verdict) << " <small>"
        << Count(fact->articles, "article", "articles") << "</small><details><summary>evidence"
        << "</summary>" << EvidenceHtml(first) << "<br>" << ClaimSourceHtml(first, articles)
        << "</details></li>";
  }
  out << "</ul>\n";
  WriteCutNote(std::min(shown, limits.facts_per_entity), static_cast<int>(facts.size()), "facts",
               "`newsfacts compare --entity NAME --min-articles 1` lists them all", out);
}

// The date a claim tells its step at: its event date, else its article's published day.
std::string StepDate(const ComparedClaim& claim) {
  return claim.event_date.empty() ? claim.published.substr(0, 10) : claim.event_date;
}

// The entity's deal claims (as subject or object) in date order, undated last.
void WriteDeals(const EntityFacts& entity, const ReportLimits& limits,
                const ListedArticles& articles, std::ostream& out) {
  std::vector<std::pair<const ComparedFact*, const ComparedClaim*>> deals;
  for (const auto* list : {&entity.as_subject, &entity.as_object}) {
    for (const ComparedFact* fact : *list) {
      if (!IsDeal(fact->predicate)) continue;
      for (const ComparedClaim& claim : fact->claims) deals.emplace_back(fact, &claim);
    }
  }
  if (deals.empty()) return;
  std::stable_sort(deals.begin(), deals.end(), [](const auto& a, const auto& b) {
    const std::string da = StepDate(*a.second);
    const std::string db = StepDate(*b.second);
    if (da.empty() != db.empty()) return db.empty();
    return da < db;
  });
  out << "<h4>Deals in order</h4><ol class=\"deals\">";
  int shown = 0;
  for (const auto& [fact, claim] : deals) {
    if (shown++ == limits.deals_per_entity) break;
    const std::string date = StepDate(*claim);
    out << "<li><span class=\"date\">" << HtmlEscape(date.empty() ? "undated" : date) << "</span> "
        << FactHtml(*fact) << " <mark class=\"amount\">" << HtmlEscape(claim->amount)
        << "</mark><br>" << EvidenceHtml(*claim) << "<br>" << ClaimSourceHtml(*claim, articles)
        << "</li>";
  }
  out << "</ol>\n";
  WriteCutNote(std::min(shown, limits.deals_per_entity), static_cast<int>(deals.size()),
               "deal claims", "`newsfacts query` on the timeline view lists them all", out);
}

}  // namespace

void WriteEntitiesSection(const ReportInput& input, const ListedArticles& articles,
                          std::ostream& out) {
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
    WriteFactList("As subject", entity.as_subject, input.limits, articles, out);
    WriteFactList("As object", entity.as_object, input.limits, articles, out);
    WriteDeals(entity, input.limits, articles, out);
    out << "</article>\n";
  }
  if (entities.empty()) out << "<p class=\"none\">No claims.</p>\n";
  WriteCutNote(shown, static_cast<int>(entities.size()), "entities",
               "use --entity NAME for one entity's page", out);
  out << "</section>\n";
}

}  // namespace newsfacts
