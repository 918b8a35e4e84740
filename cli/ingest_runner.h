// The ingest job: N workers read article files (or take stored articles to extract again) and
// run the pipeline; one SQLite writer stores the results, incrementally (unchanged articles
// are skipped).
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "db/fact_store.h"
#include "pipeline/pipeline.h"

namespace newsfacts {

struct IngestOptions {
  std::vector<std::filesystem::path> roots;  // folders or files to ingest
  int jobs = 0;                              // extraction workers; 0 = hardware threads
  // Articles per database transaction. Each commit decides the name and type of the batch's
  // entities from all their stored mentions (db/entity_votes.h), a cost that grows with the
  // database: 1,024 took a fifth less CPU than 256 over 6,817 BBC articles (issue 16).
  size_t batch_articles = 1024;
  // Work items waiting for the writer, at most, and the text bytes of their documents: room
  // for a batch of 1,024 one-article files (two items each), so that the workers go on while
  // the writer stores the batch before. 64 items stopped them for most of each commit: with 2
  // workers on bbc17 each slept 6-7 s of a 17 s ingest, now 1.7 s, waiting for a writer
  // that is slower than they are (issue 16).
  size_t queue_capacity = 2048;
  size_t queue_text_bytes = size_t{8} << 20;
  RunInfo run;  // tool version and rules fingerprint
  // Extract every stored article again, not only those stored by other rules or versions.
  bool reextract_all = false;
  // A batch of stored articles loaded for re-extraction takes articles until their text
  // reaches this (or batch_articles articles): two batches are held at once, one extracted
  // while the other is written.
  size_t reextract_batch_bytes = size_t{32} << 20;
};

struct IngestSummary {
  int64_t files = 0;
  int64_t articles_added = 0;
  int64_t articles_replaced = 0;
  int64_t articles_unchanged = 0;
  int64_t articles_failed = 0;       // articles or files that could not be read or stored
  int64_t articles_reextracted = 0;  // stored articles extracted again from their stored text
  // Stored articles to extract again, known once the files are done (for the progress line).
  int64_t articles_to_reextract = 0;
  int64_t sentences = 0;
  int64_t mentions = 0;
  int64_t amounts = 0;
  int64_t claims = 0;
  int64_t bytes = 0;  // text bytes of the articles extracted (not the unchanged ones)
  double seconds = 0;
};

struct IngestPlan;  // cli/ingest_plan.h

// The store a run writes to, asked for on the calling thread once the run's workers have
// started: one opened before, or a new database, created then (PlanNewDatabase). Its errors
// stop the run before anything is written.
using StoreOpener = std::function<StatusOr<FactStore*>()>;

// The extraction workers of a run: options.jobs, or one per hardware thread when it is 0.
int WorkerCount(const IngestOptions& options);

// Receives every message of the run (warnings and per-file errors, "path: what is wrong")
// and progress updates, on the calling thread.
struct IngestObserver {
  std::function<void(const std::string& message)> on_message = [](const std::string&) {};
  std::function<void(const IngestSummary& so_far, int64_t files_total)> on_progress =
      [](const IngestSummary&, int64_t) {};
};

// Ingests the files `plan` (PlanIngest, PlanNewDatabase) says to read into the store
// `open_store` gives (asked for once the workers have started), counting the files it found
// unchanged, then extracts again, from the stored text, every stored article whose facts come
// from another tool version or rules fingerprint (all of them with options.reextract_all), so
// the database never mixes facts of two rule sets. `pipeline` may be null only when
// !plan.needs_pipeline. Both go through the same workers, bounded queue and writer; the writer
// holds a batch and writes it in one short transaction, so concurrent ingests of one database
// take turns. Whether an article is new, replaced or unchanged is decided against the database
// when it is written, and each batch records the run's counts in its `runs` row, which
// therefore always agrees with articles.run_id. A bad file or article is reported through
// `observer` and counted in articles_failed; the run goes on. Errors are fatal ones only: the
// store failing to open, or the database failing (locked, read-only, disk full); `summary`
// then counts what was committed before the error, which stays stored (the run row keeps no
// finish time).
Status RunIngest(const IngestOptions& options, const IngestPlan& plan, const Pipeline* pipeline,
                 const StoreOpener& open_store, const IngestObserver& observer,
                 IngestSummary& summary);

}  // namespace newsfacts
