// ClaimReader: the few claims a page shows of the facts CompareFacts counted without reading
// their claims (CompareOptions::read_claims false), each read by its fact, article or id.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "db/compare.h"
#include "pipeline/status.h"

namespace newsfacts {

namespace sqlite {
class Connection;
}

// A claim and the ids of its fact: subject, predicate, object (0: none).
struct FactClaim {
  int64_t subject_id = 0;
  std::string predicate;
  int64_t object_id = 0;
  ComparedClaim claim;
};

// A page of claims sorted for the reader, and how many there were in all.
struct ClaimPage {
  std::vector<std::pair<size_t, ComparedClaim>> claims;  // index of the claim's fact, claim
  int64_t total = 0;
};

// Reads claims from one database, read-only, keeping only the claims of articles published on
// or after `since` (empty: all), as CompareFacts does with the same option. Each call reads
// only the rows it returns (and, where it counts, the count). Not thread-safe.
class ClaimReader {
 public:
  // Opens `db_path` read-only. Errors: as CompareFacts.
  static StatusOr<std::unique_ptr<ClaimReader>> Open(const std::string& db_path,
                                                     const std::string& since);
  ~ClaimReader();

  // The claims of `fact` in story order (ComparedFact::claims), at most `limit` (-1: all).
  StatusOr<std::vector<ComparedClaim>> StoryClaims(const ComparedFact& fact, int64_t limit);

  // The ids of the articles of `fact`'s claims in story order, each at its first claim.
  StatusOr<std::vector<int64_t>> StoryArticles(const ComparedFact& fact);

  // The claim `claim_id`, or nullopt when there is none (or the filter leaves it out).
  StatusOr<std::optional<ComparedClaim>> Claim(int64_t claim_id);

  // The distinct non-empty outlets and amounts (as written) of `fact`'s claims, each list in
  // byte order.
  StatusOr<std::pair<std::vector<std::string>, std::vector<std::string>>> SourcesAndAmounts(
      const ComparedFact& fact);

  // The claims of article `article_id` with a named subject and a named object or none, in
  // story order, with their facts.
  StatusOr<std::vector<FactClaim>> ArticleClaims(int64_t article_id);

  // The claims of `facts` sorted by step date (event date, else published day; undated
  // last), ties in the order of `facts` and then in story order: the first `limit` of them
  // (-1: all), each with its fact's index in `facts`, and how many there are.
  StatusOr<ClaimPage> ClaimsByStepDate(const std::vector<const ComparedFact*>& facts,
                                       int64_t limit);

 private:
  struct Impl;
  explicit ClaimReader(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsfacts
