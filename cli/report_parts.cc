// The shared pieces of the report: facts by entity, fact and claim HTML, cut notes.
#include "cli/report_parts.h"

#include <algorithm>
#include <map>

#include "cli/html_text.h"

namespace newsfacts {
namespace {

bool IsDeal(const std::string& predicate) {
  return predicate == "acquired" || predicate == "sold" || predicate == "merged_with" ||
         predicate == "invested_in" || predicate == "raised" || predicate == "valued_at";
}

}  // namespace

std::vector<EntityFacts> GroupByEntity(const Comparison& comparison) {
  std::map<std::string, EntityFacts> by_name;
  for (size_t i = 0; i < comparison.facts.size(); ++i) {
    const ComparedFact& fact = comparison.facts[i];
    EntityFacts& subject = by_name[fact.subject];
    subject.as_subject.push_back(i);
    subject.claims += fact.claim_count;
    if (fact.object.empty() || fact.object == fact.subject) continue;
    EntityFacts& object = by_name[fact.object];
    object.as_object.push_back(i);
    object.claims += fact.claim_count;
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

std::vector<const ComparedFact*> EntityDealFacts(const EntityFacts& entity,
                                                 const Comparison& comparison) {
  std::vector<const ComparedFact*> deals;
  for (const auto* list : {&entity.as_subject, &entity.as_object}) {
    for (size_t index : *list) {
      const ComparedFact& fact = comparison.facts[index];
      if (IsDeal(fact.predicate)) deals.push_back(&fact);
    }
  }
  return deals;
}

std::string FactHtml(const ComparedFact& fact) {
  std::string html = "<span class=\"ent\">" + HtmlEscape(fact.subject) +
                     "</span> <span class=\"pred\">" + HtmlEscape(fact.predicate) + "</span>";
  if (!fact.object.empty()) html += " <span class=\"ent\">" + HtmlEscape(fact.object) + "</span>";
  return html;
}

std::string VerdictHtml(Verdict verdict) {
  const std::string name(VerdictName(verdict));
  return "<span class=\"verdict " + name + "\">" + name + "</span>";
}

std::string ClaimSourceHtml(const ComparedClaim& claim, const ListedArticles& articles) {
  std::string html;
  for (const std::string* part : {&claim.source, &claim.published}) {
    if (!part->empty()) html += HtmlEscape(*part) + " · ";
  }
  const std::string name = HtmlEscape(claim.title.empty() ? claim.path : claim.title);
  if (articles.listed.count(claim.article_id) == 0) return html + "<cite>" + name + "</cite>";
  return html + "<a href=\"#article-" + std::to_string(claim.article_id) + "\"><cite>" + name +
         "</cite></a>";
}

std::string EvidenceHtml(const ComparedClaim& claim) {
  std::string html = "<q>" + HighlightAmount(claim.evidence, claim.amount) + "</q>";
  std::string details = claim.status;
  if (!claim.speaker.empty()) details += " by " + claim.speaker;
  if (!claim.venue.empty()) details += (claim.speaker.empty() ? " via " : " to ") + claim.venue;
  if (!claim.stage.empty() && claim.stage != "unspecified") details += " · " + claim.stage;
  if (!claim.amount_role.empty() && claim.amount_role != "unspecified") {
    details += " · " + claim.amount_role;
  }
  if (!claim.event_date.empty()) details += " · event " + claim.event_date;
  return html + " <span class=\"status\">" + HtmlEscape(details) + "</span>";
}

void WriteCutNote(int shown, int total, const std::string& what, const std::string& how,
                  std::ostream& out) {
  if (shown >= total) return;
  out << "<p class=\"cut\">Showing " << shown << " of " << total << " " << HtmlEscape(what) << "; "
      << HtmlEscape(how) << "</p>\n";
}

std::string Count(int count, const std::string& one, const std::string& many) {
  return std::to_string(count) + " " + (count == 1 ? one : many);
}

}  // namespace newsfacts
