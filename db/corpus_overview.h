// The corpus at a glance: how many articles per outlet and per month, the entities most
// articles mention, and claims counted by predicate and status, as values for the report.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "pipeline/status.h"

namespace newsfacts {

// A label and how many rows carry it ("Northbeam Tech", 3).
struct LabelCount {
  std::string label;
  int64_t count = 0;
};

// One (predicate, status) cell of the claim counts.
struct PredicateStatusCount {
  std::string predicate;
  std::string status;
  int64_t count = 0;
};

// One entity and how many articles mention it.
struct EntityCount {
  std::string name;
  std::string type;
  int64_t articles = 0;
};

struct CorpusOverview {
  int64_t articles = 0;  // articles published on or after `since` (all when it is empty)
  int64_t claims = 0;
  int64_t outlets = 0;                    // distinct named outlets
  int64_t entities = 0;                   // distinct entities the counted articles mention
  std::vector<LabelCount> sources;        // most articles first; "" for articles without an outlet
  std::vector<LabelCount> months;         // "2024-06", oldest first; "" for undated articles
  std::vector<EntityCount> top_entities;  // most articles first, at most `top` of them
  std::vector<PredicateStatusCount> claim_counts;  // by predicate, then status
};

// Reads the overview of the database at `db_path` (read-only), counting only articles whose
// published date is on or after `since` ("2024", "2024-06-01"; empty: all), keeping the
// `top` largest sources and entities. Errors: as OpenReadOnlyDatabase (NotFound when there
// is no file), FailedPrecondition for a file that is not a newsfacts database; messages
// name the file.
StatusOr<CorpusOverview> ReadCorpusOverview(const std::string& db_path, const std::string& since,
                                            int top);

}  // namespace newsfacts
