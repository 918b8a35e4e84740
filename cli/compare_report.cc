// The text report of `newsfacts compare`: per fact its verdict, counts, its story (claims in
// event-date order with stage, amount, role and evidence) and conflicting pairs, then a line
// counting the verdicts.
#include "cli/compare_report.h"

#include <algorithm>
#include <cctype>

namespace newsfacts {
namespace {

// "Contoso acquired Fabrikam", or "Contoso raised" without an object.
std::string FactLine(const ComparedFact& fact) {
  std::string line = fact.subject + " " + fact.predicate;
  if (!fact.object.empty()) line += " " + fact.object;
  return line;
}

std::string Plural(int count, std::string_view one, std::string_view many) {
  return std::to_string(count) + " " + std::string(count == 1 ? one : many);
}

// "[2]": a claim's number within its fact, 1-based.
std::string ClaimLabel(const ComparedFact& fact, int64_t claim_id) {
  for (size_t i = 0; i < fact.claims.size(); ++i) {
    // Appended piecewise: GCC 12 warns falsely on "[" + std::to_string(...) (-Wrestrict).
    if (fact.claims[i].claim_id != claim_id) continue;
    std::string label = "[";
    label += std::to_string(i + 1);
    label += ']';
    return label;
  }
  return "[?]";
}

// "reported by Garman to TechCrunch", or the status alone.
std::string Attribution(const ComparedClaim& claim) {
  std::string text = claim.status;
  if (!claim.speaker.empty()) text += " by " + claim.speaker;
  if (!claim.venue.empty()) text += (claim.speaker.empty() ? " via " : " to ") + claim.venue;
  return text;
}

// "TechCrunch, 2024-03-27, \"Title\"", skipping what is unknown; the path when all is.
std::string ArticleLine(const ComparedClaim& claim) {
  std::string text;
  for (const std::string* part : {&claim.source, &claim.published}) {
    if (part->empty()) continue;
    if (!text.empty()) text += ", ";
    text += *part;
  }
  if (!text.empty()) text += ", ";
  if (claim.title.empty()) {
    text += claim.path;
  } else {
    text += '"';
    text += claim.title;
    text += '"';
  }
  return text;
}

// The step of the story a claim tells: "2024-03-04 (on Monday) completed $28 billion total",
// with the event date, stage and role only when known (the published date is on the article
// line).
std::string StoryStep(const ComparedClaim& claim) {
  std::string text;
  if (!claim.event_date.empty()) {
    text = claim.event_date;
    if (!claim.event_date_text.empty()) text += " (" + claim.event_date_text + ")";
    text += "  ";
  }
  if (!claim.stage.empty() && claim.stage != "unspecified") text += claim.stage + "  ";
  text += claim.amount.empty() ? "(no amount)" : claim.amount;
  if (!claim.amount_role.empty() && claim.amount_role != "unspecified") {
    text += " " + claim.amount_role;
  }
  return text;
}

}  // namespace

void WriteComparison(const Comparison& comparison, const CompareOptions& options,
                     std::ostream& out) {
  int agree = 0;
  int conflict = 0;
  int unconfirmed = 0;
  for (const ComparedFact& fact : comparison.facts) {
    switch (fact.verdict) {
      case Verdict::kConflict:
        ++conflict;
        break;
      case Verdict::kAgree:
        ++agree;
        break;
      case Verdict::kUnconfirmed:
        ++unconfirmed;
        break;
    }
    std::string verdict(VerdictName(fact.verdict));
    std::transform(verdict.begin(), verdict.end(), verdict.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    out << FactLine(fact) << ": " << verdict << ", " << Plural(fact.articles, "article", "articles")
        << ", " << Plural(fact.sources, "source", "sources") << '\n';
    for (size_t i = 0; i < fact.claims.size(); ++i) {
      const ComparedClaim& claim = fact.claims[i];
      out << "  [" << (i + 1) << "] " << StoryStep(claim) << "  " << Attribution(claim) << "  "
          << ArticleLine(claim) << '\n'
          << "      > " << claim.evidence << '\n';
    }
    for (const auto& [a, b] : fact.conflicts) {
      out << "  conflict: " << ClaimLabel(fact, a) << " vs " << ClaimLabel(fact, b) << '\n';
    }
    out << '\n';
  }
  out << Plural(static_cast<int>(comparison.facts.size()), "fact", "facts") << ": " << agree
      << " agree, " << conflict << " conflict, " << unconfirmed << " unconfirmed";
  if (comparison.hidden > 0) {
    out << "; " << comparison.hidden << " more stated by fewer than " << options.min_articles
        << " articles (--min-articles 1 shows them)";
  }
  out << '\n';
}

}  // namespace newsfacts
