// Keeping the comparison tables of migration 0011 up to date: the stored rows of
// comparable_claims, conflict_groups and fact_counts are recomputed for the facts that the
// triggers listed in facts_to_compare. Used by FactStore (when a run finishes and when it
// opens a file) and merge (after each input), on their open write transaction.
#pragma once

#include "db/sqlite.h"
#include "pipeline/status.h"

namespace newsfacts {

// Replaces the stored rows of every fact listed in facts_to_compare with the rows the views
// compute for it, then empties the list; does nothing when the list is empty. Call inside the
// write transaction that changed the claims, so readers never see a half-updated fact (they
// would see correct rows anyway: a listed fact is computed when read). Errors: as
// Connection::Exec.
Status StoreComparisons(sqlite::Connection& connection);

// Like StoreComparisons, but only when facts_to_compare lists `at_least` facts or more: a
// writer calls it at each batch so that the list, and the memory of storing it, stays bounded
// however many articles a run writes. Errors: as Connection::Exec.
Status StoreComparisonsOfMany(sqlite::Connection& connection, int64_t at_least);

// Whether facts_to_compare lists any fact, so that a writer outside a transaction (FactStore
// when it opens) takes the write lock only when there is work. Errors: as Connection::QueryInt.
StatusOr<bool> AnyFactsToCompare(sqlite::Connection& connection);

}  // namespace newsfacts
