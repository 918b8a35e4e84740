// Secondary indexes a run into an empty database goes without while it loads, and builds once
// at its end: an index built from the finished table by one sort costs a fraction of keeping
// it up to date row by row (issue 16: the store's writing took 17% fewer instructions on
// bbc-tech). Only indexes that nothing an ingest runs reads while loading: lookups for
// deleting and replacing articles, and readers' queries. A run that stops before its end leaves
// them out; the next store opened for writing builds them.
#pragma once

#include <span>
#include <string_view>

#include "db/sqlite.h"
#include "pipeline/status.h"

namespace newsfacts {

// An index as the migrations create it: CREATE INDEX `name` ON `on` (a test holds the two equal).
struct DeferredIndex {
  std::string_view name;
  std::string_view on;  // table(columns)
};

// Every index a load into an empty database defers.
std::span<const DeferredIndex> DeferredIndexes();

// Drops the deferred indexes when the database holds no article yet; returns whether it did.
StatusOr<bool> DeferIndexesOfEmptyDatabase(sqlite::Connection& db);

// Builds the deferred indexes that are missing, if any; asks one query when none is. Each
// index is built by one statement, so outside a transaction one that stops half way leaves
// the rest to the next call.
Status BuildMissingDeferredIndexes(sqlite::Connection& db);

}  // namespace newsfacts
