// Comparing golden facts with what the extractors found: a readable diff (added, lost,
// changed) and precision/recall/F1 with strict or lenient span matching.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cli/golden_facts.h"

namespace newsfacts {

// A golden fact and the found fact at the same place that differs from it in some fields.
struct ChangedFact {
  Fact golden;
  Fact found;
};

// What changed between a golden list and a found list of one kind. Plain value type.
struct FactDiff {
  std::vector<Fact> added;  // found, not in the golden file
  std::vector<Fact> lost;   // in the golden file, not found
  std::vector<ChangedFact>
      changed;  // same kind and span (claims: and predicate), other fields differ

  bool empty() const { return added.empty() && lost.empty() && changed.empty(); }
};

// Returns the diff of `golden` against `found` (facts of one kind). Identical facts pair off
// first; then a leftover golden fact pairs with the leftover found fact of the same span (and,
// for claims, the same predicate) that shares the most fields, and the pair is "changed";
// what is left over is lost or added. Each list is in FactLess order.
FactDiff DiffFacts(const std::vector<Fact>& golden, const std::vector<Fact>& found);

// How spans must agree for a found fact to count as a golden one in the scores. Either way
// the key fields (FactKeyFieldNames) must be equal.
enum class SpanMatch {
  kStrict,   // the same [start, end)
  kLenient,  // overlapping spans, e.g. "Splunk" for "Splunk Inc."
};

// Counts for precision and recall of one extractor. Plain value type.
struct MatchCounts {
  size_t gold = 0;     // facts in the golden files
  size_t found = 0;    // facts the extractor produced
  size_t matched = 0;  // one-to-one pairs of a found and a golden fact

  // matched / found; nullopt when nothing was found.
  std::optional<double> Precision() const;
  // matched / gold; nullopt when the golden files hold nothing.
  std::optional<double> Recall() const;
  // The harmonic mean of precision and recall; nullopt when either is, 0 when both are 0.
  std::optional<double> F1() const;

  MatchCounts& operator+=(const MatchCounts& other);
  friend bool operator==(const MatchCounts&, const MatchCounts&) = default;
};

// Returns the counts for `found` against `golden` (facts of one kind): each golden fact
// matches at most one found fact with equal key fields and a span agreeing under `mode`;
// exact spans are paired before merely overlapping ones.
MatchCounts CountMatches(const std::vector<Fact>& golden, const std::vector<Fact>& found,
                         SpanMatch mode);

// One line describing a fact, e.g. `mention ORG "AWS" (Amazon Web Services) [10,13)`,
// `amount "$4 billion" = 4000000000 USD [20,30)`,
// `claim invested_in Amazon -> Anthropic, amount "$4 billion", asserted [0,40)`.
std::string DescribeFact(const Fact& fact);

// One line describing a change: the golden fact, then `field old -> new` for each field
// that differs, e.g. `claim acquired Cisco -> Splunk [0,30): status "asserted" -> "hedged"`.
std::string DescribeChange(const ChangedFact& change);

}  // namespace newsfacts
