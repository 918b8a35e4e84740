// StoreComparisons: one pass of deletes and inserts over the facts listed in facts_to_compare.
#include "db/stored_comparisons.h"

#include <string_view>

namespace newsfacts {
namespace {

constexpr std::string_view kAnyListed = "SELECT EXISTS (SELECT 1 FROM main.facts_to_compare)";
constexpr std::string_view kCountListed = "SELECT count(*) FROM main.facts_to_compare";

// The pending_* views compute only the listed facts; the stored rows of those facts are
// replaced by them, whatever the claims of each fact became (none, when all were deleted).
constexpr std::string_view kStore =
    "DELETE FROM main.stored_comparable_claims WHERE claim_id IN ("
    "SELECT s.claim_id FROM main.facts_to_compare f JOIN main.stored_comparable_claims s "
    "ON s.subject_id = f.subject_id AND s.predicate = f.predicate "
    "AND s.object_id IS nullif(f.object_id, 0));"
    "DELETE FROM main.stored_conflict_groups WHERE (group_a, group_b) IN ("
    "SELECT s.group_a, s.group_b FROM main.facts_to_compare f "
    "JOIN main.stored_conflict_groups s ON s.subject_id = f.subject_id "
    "AND s.predicate = f.predicate AND s.object_id IS nullif(f.object_id, 0));"
    "DELETE FROM main.stored_fact_counts WHERE rowid IN ("
    "SELECT s.rowid FROM main.facts_to_compare f JOIN main.stored_fact_counts s "
    "ON s.subject_id = f.subject_id AND s.predicate = f.predicate "
    "AND s.object_id IS nullif(f.object_id, 0));"
    "INSERT INTO main.stored_comparable_claims SELECT * FROM main.pending_comparable_claims;"
    "INSERT INTO main.stored_conflict_groups SELECT * FROM main.pending_conflict_groups;"
    "INSERT INTO main.stored_fact_counts SELECT * FROM main.pending_fact_counts;"
    "DELETE FROM main.facts_to_compare";

}  // namespace

Status StoreComparisons(sqlite::Connection& connection) {
  StatusOr<bool> listed = AnyFactsToCompare(connection);
  if (!listed.ok()) return listed.status();
  if (!*listed) return Status::Ok();
  return connection.Exec(kStore);
}

Status StoreComparisonsOfMany(sqlite::Connection& connection, int64_t at_least) {
  StatusOr<int64_t> listed = connection.QueryInt(kCountListed);
  if (!listed.ok()) return listed.status();
  if (*listed < at_least) return Status::Ok();
  return connection.Exec(kStore);
}

StatusOr<bool> AnyFactsToCompare(sqlite::Connection& connection) {
  StatusOr<int64_t> listed = connection.QueryInt(kAnyListed);
  if (!listed.ok()) return listed.status();
  return *listed != 0;
}

}  // namespace newsfacts
