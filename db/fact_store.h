// FactStore: the SQLite database of articles and facts, written by one thread during ingest.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>

#include "db/article_identity.h"
#include "pipeline/document.h"
#include "pipeline/file_stamp.h"
#include "pipeline/status.h"

namespace newsfacts {

// What produced a run's facts; stored in the `runs` table.
struct RunInfo {
  std::string tool_version;       // e.g. "0.1.0"
  std::string rules_fingerprint;  // hex hash of every rule file's bytes
  // The bytes of text the run expects to read, when known (0: unknown). Not stored: it sizes
  // the statements of a first run's search index builder (SentencesPerStatement).
  int64_t expected_bytes = 0;
};

struct RunCounts {
  int64_t articles_added = 0;
  int64_t articles_replaced = 0;
  int64_t articles_unchanged = 0;
  int64_t articles_failed = 0;
  int64_t articles_reextracted = 0;  // stored articles extracted again with this run's rules
};

// What FactStore::WriteArticleIfChanged did, decided from the database inside the write
// transaction (so two processes ingesting the same files count each article once).
enum class ArticleWrite {
  kAdded,      // no article was stored at its path and record
  kReplaced,   // another text was stored there; its facts were replaced
  kUnchanged,  // the same content hash was stored there; nothing was written
};

// An article as stored: what re-extraction needs to rebuild its Document without the file.
struct StoredArticle {
  int64_t id = 0;    // its row
  ArticleMeta meta;  // path, record index, title, source, url, published, repairs
  std::string text;  // the normalized text the offsets point into
  std::string content_hash;
};

// An article file ingest read cleanly, as the source_files table keeps it.
struct SourceFile {
  std::string path;             // the file's name, its own bytes (as the corpus reader gives it)
  FileStamp stamp;              // taken before its bytes were read
  int64_t articles = 0;         // articles read from it
  std::string articles_digest;  // ArticlesDigest of those articles
};

// How FactStore::Open behaves.
struct FactStoreOptions {
  // How long a write waits for another process's lock before failing with Busy.
  int busy_timeout_ms = 5000;
};

// How a batch keeps an article that fails from taking the others with it.
enum class BatchMode {
  // Each article is written inside a savepoint: one that fails is rolled back alone and the
  // batch goes on.
  kArticleSavepoints,
  // No savepoint per article (their statement journal cost a tenth of ingest, issue 16): an
  // article that fails rolls back the whole batch and closes it (BatchOpen() turns false), so
  // that the caller can write the batch again with kArticleSavepoints.
  kWholeBatch,
};

// The read-write store. Not thread-safe: one writer thread owns it.
class FactStore {
 public:
  // Opens or creates the database at `path` and applies pending migrations (tracked by
  // PRAGMA user_version) with WAL and foreign keys on, and builds any index a run that
  // stopped before its end left out (db/deferred_indexes.h). Errors: IoError when the file cannot
  // be opened or created, ReadOnly when it is not writable, Busy when another process holds
  // a lock, FailedPrecondition when it was written by a newer newsfacts. Messages name the file.
  static StatusOr<std::unique_ptr<FactStore>> Open(const std::string& path);
  static StatusOr<std::unique_ptr<FactStore>> Open(const std::string& path,
                                                   const FactStoreOptions& options);
  ~FactStore();

  // Returns ArticleKey -> content hash for every stored article, for incremental ingest.
  StatusOr<std::unordered_map<std::string, std::string>> LoadContentHashes();

  // Returns path -> recorded file for every file recorded by a run of `tool_version` whose
  // articles are still stored as they were read from it (their ArticlesDigest matches), so
  // that ingest can skip those whose stamp is the same.
  StatusOr<std::unordered_map<std::string, SourceFile>> LoadSourceFiles(
      std::string_view tool_version);

  // Records `file` as read by run `run_id`, in place of any earlier record of its path.
  // Call it inside a batch, after its articles were written. Errors: those of SQLite.
  Status RecordSourceFile(const SourceFile& file, int64_t run_id);

  // True when a finished run used the same tool version and rules fingerprint as `run`.
  StatusOr<bool> HasFinishedRun(const RunInfo& run);

  // True when ArticlesToReextract would name an article before any is written by a run of
  // `current`; cheaper than listing them.
  StatusOr<bool> HasArticlesToReextract(const RunInfo& current, bool all);

  // Starts a run row and returns its id. In a database without articles, drops the indexes
  // that loading need not keep up to date (db/deferred_indexes.h).
  StatusOr<int64_t> BeginRun(const RunInfo& info);
  // Says that the run's articles are all extracted, only to be written: a first run's search
  // index, built beside the writer, then takes the share of the committed sentences it left
  // for later at once, instead of at FinishRun (the cores the extraction used are free).
  void ExtractionEnded();
  // Records the finish time and counts of a run, builds the deferred indexes that are
  // missing, and stores the comparison rows of the facts the run's articles changed
  // (db/stored_comparisons.h); until then readers compute them. A first run's search index,
  // built beside the writer (db/search_index_builder.h), is put in place after that commit.
  Status FinishRun(int64_t run_id, const RunCounts& counts);

  // Returns the ids of the stored articles to extract again, in id order: those whose
  // facts come from a run with another tool version or rules fingerprint than `current`,
  // or, with `all`, every article not written by run `current_run_id`.
  StatusOr<std::vector<int64_t>> ArticlesToReextract(int64_t current_run_id, const RunInfo& current,
                                                     bool all);

  // Returns the stored article `article_id`. Errors: NotFound when there is none.
  StatusOr<StoredArticle> LoadArticle(int64_t article_id);

  // Batches several articles into one transaction; WriteArticle must be called between them.
  // Errors: Busy when another process holds the write lock; FailedPrecondition when a batch
  // is already open (BeginBatch) or none is (CommitBatch). Destroying the store with a batch
  // open discards it.
  Status BeginBatch(BatchMode mode = BatchMode::kArticleSavepoints);
  // True between BeginBatch and CommitBatch, unless an article of a kWholeBatch batch failed.
  bool BatchOpen() const;
  Status CommitBatch();
  // Like CommitBatch, but first records `counts` (without a finish time) in run `run_id`'s
  // row in the same transaction, so the runs table always agrees with articles.run_id.
  Status CommitBatch(int64_t run_id, const RunCounts& counts);

  // Deletes the stored articles of row ids `ids` with all their facts, by one statement, in
  // the open kWholeBatch batch: for articles extracted again, whose new rows the batch then
  // writes. One statement for many articles costs half as much as one each (FTS5 and the
  // cascades run once). On error the batch is rolled back, as a failed WriteArticle rolls it
  // back. Errors: FailedPrecondition without an open kWholeBatch batch; Busy, ReadOnly,
  // IoError from SQLite.
  Status DeleteArticles(std::span<const int64_t> ids);

  // Stores `doc` with every annotation layer, replacing any article with the same path and
  // record index (and its facts). All-or-nothing: on error nothing of this article changed
  // and the other articles of the batch stay, but for a kWholeBatch batch, which is rolled
  // back whole. Errors, prefixed with the article's path:
  // InvalidArgument when a span or an index between layers is out of range (checked before
  // writing), Busy, ReadOnly, IoError from SQLite.
  Status WriteArticle(const Document& doc, std::string_view content_hash, int64_t run_id);
  // Like WriteArticle, but writes nothing when the article stored at the same path and
  // record has `content_hash`, and says which case it was.
  StatusOr<ArticleWrite> WriteArticleIfChanged(const Document& doc, std::string_view content_hash,
                                               int64_t run_id);
  // Articles of texts longer than this are huge: written through a small page cache, and, by
  // WriteArticleIfChangedReleasing, text last.
  static constexpr size_t kHugeTextBytes = size_t{8} << 20;
  // Like WriteArticleIfChanged, but a huge article's layers are freed once their rows are
  // written, before its text goes in: SQLite makes a record of the row, a copy of the text, and
  // a 60 MB article's layers beside it made ingest's peak (issue 16). `doc` may be left with its
  // text and metadata only, whether or not the write succeeded: the caller must not write it
  // again. Other articles are written as WriteArticleIfChanged writes them and keep their
  // layers.
  StatusOr<ArticleWrite> WriteArticleIfChangedReleasing(Document& doc,
                                                        std::string_view content_hash,
                                                        int64_t run_id);
  // Like WriteArticle, but a huge article's layers are freed as WriteArticleIfChangedReleasing
  // frees them: for an article extracted again from its stored text, which is unchanged.
  Status WriteArticleReleasing(Document& doc, std::string_view content_hash, int64_t run_id);

  // The schema version this build migrates to.
  static int LatestSchemaVersion();

 private:
  struct Impl;
  explicit FactStore(std::unique_ptr<Impl> impl);
  // `releasable`, when not null, is `doc`, whose layers a huge article's write may free.
  StatusOr<ArticleWrite> WriteArticle(const Document& doc, std::string_view content_hash,
                                      int64_t run_id, bool if_changed, Document* releasable);
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsfacts
