// Ingest's first step, which writes nothing: which article files to read, which are unchanged
// since a run recorded them in source_files, and whether anything needs the pipeline, so that
// re-ingesting an unchanged corpus neither parses its files nor compiles the rules (issue 16).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <unordered_map>
#include <vector>

#include "cli/ingest_runner.h"
#include "db/fact_store.h"

namespace newsfacts {

struct IngestPlan {
  std::vector<std::filesystem::path> files_to_read;  // sorted
  int64_t files_total = 0;                           // to read and unchanged
  // Files skipped unread: their stamp (size, times, inode) is as recorded and the articles
  // stored at their path are those read from them then (FactStore::LoadSourceFiles).
  int64_t unchanged_files = 0;
  int64_t unchanged_articles = 0;     // the articles those files hold
  std::vector<std::string> messages;  // entries passed over: "path: why; skipped"
  // ArticleKey -> content hash of every stored article; loaded only when there are files
  // to read.
  std::unordered_map<std::string, std::string> stored_hashes;
  // True when files are to be read, stored articles are to be extracted again, or no
  // finished run of this database used these rules (so new rules are always compiled, and
  // a broken rule file is reported, before a run writes anything).
  bool needs_pipeline = false;
};

// Finds the files under options.roots and stats (in options.jobs threads) those that
// source_files records, to compare their stamps; reads none. Errors: NotFound for a missing
// root, the database's errors.
StatusOr<IngestPlan> PlanIngest(const IngestOptions& options, FactStore& store);

// The plan of a run into a database that does not exist yet, made before it is created: every
// file under options.roots is to be read. Errors: NotFound for a missing root.
StatusOr<IngestPlan> PlanNewDatabase(const IngestOptions& options);

// About the bytes of the plan's files to read, for the store's search index builder
// (RunInfo::expected_bytes), which needs no more than their order of magnitude: the mean size
// of at most 256 of them, spread over the list, times their number (a stat of every file of a
// large corpus took the writer's thread 10-20 ms). A file that cannot be measured counts for
// nothing.
int64_t EstimatedBytesToRead(const IngestPlan& plan);

}  // namespace newsfacts
