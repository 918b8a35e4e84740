// The shared pieces of the report: article selection, fact and claim HTML, cut notes.
#include "cli/report_parts.h"

#include <algorithm>
#include <unordered_map>

#include "cli/html_text.h"

namespace newsfacts {
namespace {

// Adds the articles of `fact`'s claims to `articles` while there is room.
void AddArticlesOf(const ComparedFact& fact, size_t room, ListedArticles& articles) {
  for (const ComparedClaim& claim : fact.claims) {
    if (articles.order.size() >= room) return;
    if (articles.listed.insert(claim.article_id).second) articles.order.push_back(claim.article_id);
  }
}

}  // namespace

ListedArticles SelectArticles(const ReportInput& input) {
  ListedArticles articles;
  const size_t room = static_cast<size_t>(std::max(0, input.limits.articles));
  const std::vector<ComparedFact>& facts = input.comparison.facts;
  // Conflicts first, then agreements, then the rest, as the page shows them.
  for (Verdict verdict : {Verdict::kConflict, Verdict::kAgree, Verdict::kUnconfirmed}) {
    for (const ComparedFact& fact : facts) {
      if (fact.verdict == verdict) AddArticlesOf(fact, room, articles);
    }
  }
  std::unordered_map<int64_t, size_t> position;
  for (size_t i = 0; i < articles.order.size(); ++i) position[articles.order[i]] = i;
  articles.claims.resize(articles.order.size());
  for (const ComparedFact& fact : facts) {
    for (const ComparedClaim& claim : fact.claims) {
      const auto at = position.find(claim.article_id);
      if (at != position.end()) articles.claims[at->second].emplace_back(&fact, &claim);
    }
  }
  return articles;
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
