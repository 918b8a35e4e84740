// ReadShownClaims: the report's choices of what to show, each read with one ClaimReader call.
#include "cli/report_claims.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "cli/report_parts.h"

namespace newsfacts {
namespace {

// Lists the articles of the facts' claims, conflicts first, then agreements, then the rest,
// until `room` are listed.
Status ListArticles(ClaimReader& reader, const Comparison& comparison, size_t room,
                    ListedArticles& articles) {
  for (Verdict verdict : {Verdict::kConflict, Verdict::kAgree, Verdict::kUnconfirmed}) {
    for (const ComparedFact& fact : comparison.facts) {
      if (articles.order.size() >= room) return Status::Ok();
      if (fact.verdict != verdict) continue;
      StatusOr<std::vector<int64_t>> ids = reader.StoryArticles(fact);
      if (!ids.ok()) return ids.status();
      for (int64_t id : *ids) {
        if (articles.order.size() >= room) break;
        if (articles.listed.insert(id).second) articles.order.push_back(id);
      }
    }
  }
  return Status::Ok();
}

// Reads each listed article's claims of the compared facts, in the page's order of facts and
// in story order within a fact, keeping the first `per_article`.
Status ReadArticleClaims(ClaimReader& reader, const Comparison& comparison, int per_article,
                         ListedArticles& articles) {
  std::map<std::tuple<int64_t, std::string, int64_t>, size_t> index_of;
  for (size_t i = 0; i < comparison.facts.size(); ++i) {
    const ComparedFact& fact = comparison.facts[i];
    index_of.emplace(std::make_tuple(fact.subject_id, fact.predicate, fact.object_id), i);
  }
  for (int64_t id : articles.order) {
    StatusOr<std::vector<FactClaim>> read = reader.ArticleClaims(id);
    if (!read.ok()) return read.status();
    std::vector<std::pair<size_t, ComparedClaim>> claims;
    for (FactClaim& claim : *read) {
      const auto at =
          index_of.find(std::make_tuple(claim.subject_id, claim.predicate, claim.object_id));
      // A fact the entity filter left out.
      if (at == index_of.end()) continue;
      claims.emplace_back(at->second, std::move(claim.claim));
    }
    std::stable_sort(claims.begin(), claims.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    articles.claim_totals.push_back(static_cast<int>(claims.size()));
    if (claims.size() > static_cast<size_t>(std::max(0, per_article))) {
      claims.resize(static_cast<size_t>(std::max(0, per_article)));
    }
    articles.claims.push_back(std::move(claims));
  }
  return Status::Ok();
}

// Reads the claims of the conflicting pairs of the facts in conflict shown.
Status ReadConflictClaims(ClaimReader& reader, const ReportInput& input, ShownClaims& shown) {
  int conflicts = 0;
  for (const ComparedFact& fact : input.comparison.facts) {
    if (fact.verdict != Verdict::kConflict) continue;
    if (conflicts++ == input.limits.conflict_facts) break;
    int pairs = 0;
    for (const auto& [a, b] : fact.conflicts) {
      if (pairs++ == input.limits.pairs_per_conflict) break;
      for (int64_t id : {a, b}) {
        if (shown.by_id.count(id) > 0) continue;
        StatusOr<std::optional<ComparedClaim>> claim = reader.Claim(id);
        if (!claim.ok()) return claim.status();
        if (*claim) shown.by_id.emplace(id, std::move(**claim));
      }
    }
  }
  return Status::Ok();
}

// Notes in `first_needed` how many first claims the agreements and entity lists shown need,
// reads the agreements' outlets and amounts, and each entity's first deals.
Status ReadAgreementsAndEntities(ClaimReader& reader, const ReportInput& input,
                                 std::map<size_t, int>& first_needed, ShownClaims& shown) {
  const ReportLimits& limits = input.limits;
  int agreements = 0;
  for (size_t i = 0; i < input.comparison.facts.size(); ++i) {
    const ComparedFact& fact = input.comparison.facts[i];
    if (fact.verdict != Verdict::kAgree) continue;
    if (agreements++ == limits.agreements) break;
    first_needed[i] = std::max(first_needed[i], limits.claims_per_fact);
    auto distinct = reader.SourcesAndAmounts(fact);
    if (!distinct.ok()) return distinct.status();
    std::pair<std::string, std::string>& joined = shown.distinct[i];
    for (const std::string& source : distinct->first) {
      joined.first += (joined.first.empty() ? "" : " | ") + source;
    }
    for (const std::string& amount : distinct->second) {
      joined.second += (joined.second.empty() ? "" : " | ") + amount;
    }
  }
  const std::vector<EntityFacts> entities = GroupByEntity(input.comparison);
  for (size_t e = 0; e < entities.size() && e < static_cast<size_t>(limits.entities); ++e) {
    for (const auto* list : {&entities[e].as_subject, &entities[e].as_object}) {
      for (size_t k = 0; k < list->size() && k < static_cast<size_t>(limits.facts_per_entity);
           ++k) {
        first_needed[(*list)[k]] = std::max(first_needed[(*list)[k]], 1);
      }
    }
    StatusOr<ClaimPage> deals = reader.ClaimsByStepDate(
        EntityDealFacts(entities[e], input.comparison), limits.deals_per_entity);
    if (!deals.ok()) return deals.status();
    shown.deals.push_back(std::move(*deals));
  }
  return Status::Ok();
}

}  // namespace

Status ReadShownClaims(ClaimReader& reader, ReportInput& input) {
  ShownClaims& shown = input.shown;
  shown = ShownClaims();
  NEWSFACTS_RETURN_IF_ERROR(ListArticles(reader, input.comparison,
                                         static_cast<size_t>(std::max(0, input.limits.articles)),
                                         shown.articles));
  NEWSFACTS_RETURN_IF_ERROR(
      ReadArticleClaims(reader, input.comparison, input.limits.claims_per_article, shown.articles));
  NEWSFACTS_RETURN_IF_ERROR(ReadConflictClaims(reader, input, shown));
  std::map<size_t, int> first_needed;
  NEWSFACTS_RETURN_IF_ERROR(ReadAgreementsAndEntities(reader, input, first_needed, shown));
  for (const auto& [index, count] : first_needed) {
    if (count <= 0) continue;
    StatusOr<std::vector<ComparedClaim>> claims =
        reader.StoryClaims(input.comparison.facts[index], count);
    if (!claims.ok()) return claims.status();
    shown.first.emplace(index, std::move(*claims));
  }
  return Status::Ok();
}

}  // namespace newsfacts
