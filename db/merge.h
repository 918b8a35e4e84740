// Merging shard databases: copies the runs, articles and facts of several newsfacts databases
// into one, deduplicating articles by content hash and entities by canonical key.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "pipeline/status.h"

namespace newsfacts {

// What MergeDatabases copied and skipped, over all inputs.
struct MergeSummary {
  int64_t inputs = 0;
  int64_t runs = 0;
  int64_t articles_added = 0;
  // Articles skipped because the output already held one with the same content hash.
  int64_t articles_duplicate = 0;
  // Articles skipped because the output already held another text at the same path and
  // record: the first one merged is kept. Each is named in `messages`.
  int64_t articles_conflicting = 0;
  int64_t entities_added = 0;
  int64_t sentences = 0;
  int64_t mentions = 0;
  int64_t amounts = 0;
  int64_t claims = 0;
  int64_t quotes = 0;
  std::vector<std::string> messages;  // "in.db: path: ..." for every conflicting article
};

// Merges every database of `inputs`, in order, into `out_path` (created and migrated when
// needed). Each input is opened read-only and copied in one transaction with its ids
// remapped: its runs; its articles whose content hash and path are new to the output, with
// their sentences, mentions, amounts, claims and quotes; its entities by canonical key (a
// missing parent is filled in, as ingest does) and their aliases. Entity names and types are
// then decided from all merged articles as ingest decides them (db/entity_votes.h), so they
// do not depend on the order of the inputs. Errors, naming the file: InvalidArgument when an input
// is the output itself; FailedPrecondition when an input is not a newsfacts database or is newer
// than this newsfacts; NotFound when an input does not exist; Busy, ReadOnly, IoError and DataLoss
// from SQLite. Inputs merged before an error stay merged.
StatusOr<MergeSummary> MergeDatabases(const std::string& out_path,
                                      const std::vector<std::string>& inputs);

}  // namespace newsfacts
