// The writer side of ingest and load: one thread stores extracted documents in batched
// transactions, each of which also records the run's counts, and reports what failed.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "cli/ingest_runner.h"
#include "db/fact_store.h"

namespace newsfacts {

// An article file as a worker read it: its name, and its stamp when a later change is sure
// to change it (the file was last changed well before it was read).
struct FileRead {
  std::string path;
  std::optional<FileStamp> stamp;
};

// What the writer is handed: a document to store, an unchanged article, or messages.
struct WorkItem {
  std::optional<Document> doc;
  std::string content_hash;
  // The file the item comes from, shared by all its items (null for a stored article
  // extracted again), and the article's record in it: the writer records a file read
  // cleanly in source_files once its last item is stored.
  std::shared_ptr<const FileRead> file;
  int record_index = -1;
  bool reextracted = false;  // `doc` is a stored article extracted again
  int64_t stored_id = 0;     // then its row, which its batch deletes first (StoreHeld)
  bool unchanged = false;
  bool failed = false;     // an article or file that could not be read or extracted
  bool file_done = false;  // the last item of a file
  std::vector<std::string> messages;
  // Why the store refused the article when it was written alone in a batch that is then
  // written again: it is not written twice (IngestWriter::Store).
  std::string refusal;
};

// The counts of `summary` that the runs table records.
RunCounts CountsOf(const IngestSummary& summary);

// Adds the stored-article and fact counts of `batch` to `total` (not its failures).
void AddStored(const IngestSummary& batch, IngestSummary& total);

// The stored row ids of the re-extracted articles among `items`, in order, in groups that each
// take articles until their text reaches `bytes`: what one statement deletes ahead of their
// batch (IngestWriter::kDeletedTogetherBytes).
std::vector<std::vector<int64_t>> StoredArticleGroups(const std::vector<WorkItem>& items,
                                                      size_t bytes);

// Holds what it is handed and stores it in transactions of `batch_articles` articles (or
// kMaxHeldBytes of text), so the write lock is held only while writing, never while
// extraction runs; reports messages and progress through `observer`. Each article is stored
// all-or-nothing, skipped when the same content hash is stored at its path and record. A
// file with a stamp whose items came without a message or failure and whose articles were
// all stored (or unchanged) is recorded in source_files in the transaction that follows its
// last item.
// summary() counts what was committed. Not thread-safe: only the store's thread calls it.
class IngestWriter {
 public:
  // Text bytes held before a batch is written early, so memory stays bounded for big files.
  static constexpr size_t kMaxHeldBytes = 64u << 20;
  // One statement deletes stored articles ahead of their batch until their text reaches this
  // (StoreHeld, StoredArticleGroups): SQLite keeps a copy of each page a statement changes
  // until it ends, about twice the bytes of the text deleted (124 MB for a 60 MB article).
  static constexpr size_t kDeletedTogetherBytes = 4u << 20;

  IngestWriter(size_t batch_articles, FactStore& store, int64_t run_id, int64_t files_total,
               const IngestObserver& observer)
      : batch_articles_(batch_articles),
        store_(store),
        run_id_(run_id),
        files_total_(files_total),
        observer_(observer) {}

  IngestSummary& summary() { return summary_; }
  int64_t run_id() const { return run_id_; }

  // Holds `item`'s document, if any, and writes the held batch when it is full. Returns
  // only fatal store errors (Busy, ReadOnly, IoError); an article that cannot be stored is
  // reported and counted in articles_failed.
  Status Take(WorkItem item);

  // Writes the held documents and the files they finish in one transaction, which also
  // records the run's counts: without a savepoint per article (BatchMode::kWholeBatch), and
  // again with them when an article fails. A huge article (FactStore::kHugeTextBytes) is held
  // alone, and the store frees its layers before its text goes in.
  Status Flush();

  // Says that the documents still to come are all extracted (FactStore::ExtractionEnded).
  void ExtractionEnded() { store_.ExtractionEnded(); }

 private:
  // What the writer has been handed of one file so far.
  struct FileTally {
    std::vector<std::pair<int, std::string>> articles;  // record index, content hash
    bool clean = true;                                  // no message, no failure
    bool done = false;                                  // its last item came
  };

  void Tally(const WorkItem& item);
  Status RecordFinishedFiles();

  StatusOr<bool> StoreHeld(BatchMode mode, IngestSummary& batch);
  Status Store(WorkItem& item, BatchMode mode, IngestSummary& batch);
  // Writes `doc`, extracted again from its stored text, in its place; `alone` in its batch, the
  // store may free its layers as it writes them (FactStore::WriteArticleReleasing).
  StatusOr<ArticleWrite> Rewrite(Document& doc, std::string_view content_hash, bool alone);

  const size_t batch_articles_;
  FactStore& store_;
  const int64_t run_id_;
  const int64_t files_total_;
  const IngestObserver& observer_;
  IngestSummary summary_;
  std::vector<WorkItem> held_;
  size_t held_bytes_ = 0;
  std::unordered_map<std::shared_ptr<const FileRead>, FileTally> files_;
  size_t files_done_ = 0;  // of files_
};

}  // namespace newsfacts
