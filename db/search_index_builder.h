// The full-text index (sentences_fts) of a run into an empty database, built on a thread of its
// own: tokenizing sentences was a quarter of the work of the store's writer, the one thread
// that may write the database, and ingest waited on that thread (issue 16). The builder reads
// each committed sentence through a connection of its own, indexes it into a private temporary
// database holding a sentences_fts declared like the store's, and at the end of the run, when
// the store's index is still empty and the builder saw every sentence, copies the index's
// shadow tables into the store in one transaction; otherwise it rebuilds the store's index from
// the sentences. Until then searches of the store find none of the run's sentences. A run that
// stops before its end leaves the index empty; the next store opened for writing rebuilds it.
// While the run's articles are extracted, the builder leaves a share of the sentences for the
// time after (SentencesToIndexDuringRun): the writer then stores the last articles and builds
// the deferred indexes alone, on one core of the ones the extraction used.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "db/sqlite.h"
#include "pipeline/status.h"

namespace newsfacts {

class SearchIndexBuilder {
 public:
  // How Finish put the index in the store.
  enum class Outcome { kCopied, kRebuilt };

  // Opens the database at `path` on a connection of its own (waiting up to `busy_timeout_ms`
  // for locks), creates the private index and starts the thread, which indexes in statements
  // of SentencesPerStatement(`expected_bytes`) sentences.
  static StatusOr<std::unique_ptr<SearchIndexBuilder>> Start(const std::string& path,
                                                             int busy_timeout_ms,
                                                             int64_t expected_bytes = 0);
  // Stops the thread, leaving the store's index as it is.
  ~SearchIndexBuilder();
  SearchIndexBuilder(const SearchIndexBuilder&) = delete;
  SearchIndexBuilder& operator=(const SearchIndexBuilder&) = delete;

  // Asks for the sentences with ids up to `last_id`, committed, to be indexed; returns at once.
  void IndexUpTo(int64_t last_id);
  // Says that the run's extraction has ended (a core is free from now on): the thread leaves
  // no share of the committed sentences for later, and indexes them in whole statements as
  // they come (SentencesToIndexDuringRun). Returns at once.
  void IndexWithoutReserve();
  // Says that nothing more will be asked; the thread goes on indexing what is. Returns at once.
  void FinishIndexing();
  // The number of sentences indexed so far.
  int64_t Indexed() const { return indexed_.load(std::memory_order_relaxed); }
  // Waits for the thread to index what is asked, then puts the index in the store (see above)
  // in a write transaction of its own: the store's connection must not hold one.
  StatusOr<Outcome> Finish();

 private:
  SearchIndexBuilder(std::unique_ptr<sqlite::Connection> connection, sqlite::Statement index_range,
                     int64_t per_statement);
  // The thread: indexes what is asked until told that nothing more will be (FinishIndexing)
  // or to stop (the destructor).
  void Run();
  // Indexes the sentences with ids in (`after`, `up_to`] into the private index.
  Status IndexRange(int64_t after, int64_t up_to);
  StatusOr<Outcome> PutInPlace();

  std::unique_ptr<sqlite::Connection> connection_;
  // Indexes the sentences with ids in (?1, ?2] into the private index.
  sqlite::Statement index_range_;
  const int64_t per_statement_;  // sentences indexed per statement, at most
  std::mutex mutex_;
  std::condition_variable changed_;
  int64_t wanted_up_to_ = 0;         // guarded by mutex_
  bool finishing_ = false;           // guarded by mutex_
  bool no_reserve_ = false;          // guarded by mutex_
  bool stopping_ = false;            // guarded by mutex_
  std::atomic<int64_t> indexed_{0};  // sentences indexed, written by the thread
  // Written by the thread, read once it has ended.
  Status status_;
  std::thread thread_;
};

// The sentences a builder indexes per statement for a run that expects to store
// `expected_bytes` of text (0: unknown): about a fifth of the run's sentences, a power of two
// from 16,384 to 65,536. The share left for the end is met to within half a statement, and a
// short run met it poorly with statements of 65,536: ingest of bbc-tech copied to 20 MB was
// 62 ms faster with 32,768, and to 5 MB 22 ms faster with 16,384, while 40 MB was 73 ms and 105
// MB 192 ms slower with 32,768, whose index has more segments to write and merge (issue 16).
int64_t SentencesPerStatement(int64_t expected_bytes);

// How many sentences the builder indexes now, while the run goes on, when `committed` are
// committed (the store's first `committed` sentence ids) and it indexed the first `indexed`:
// whole statements of `per_statement` sentences, leaving a share of those committed for the
// end of the run's extraction unless `extraction_ended`.
int64_t SentencesToIndexDuringRun(int64_t committed, int64_t indexed, int64_t per_statement,
                                  bool extraction_ended = false);

// Rebuilds sentences_fts from the sentences, in the caller's transaction if one is open.
Status RebuildSearchIndex(sqlite::Connection& db);

// Rebuilds sentences_fts when it is empty but the database holds sentences (a run whose builder
// stopped before its end left it so), in a transaction of its own.
Status RebuildEmptySearchIndex(sqlite::Connection& db);

}  // namespace newsfacts
