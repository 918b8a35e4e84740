// FactStore: opening and migrating the database, runs, batch transactions and reading stored
// articles back; writing articles is in fact_store_write.cc and fact_store_layers.cc.
#include "db/fact_store.h"

#include <unistd.h>

#include <ctime>
#include <filesystem>
#include <optional>
#include <unordered_set>
#include <utility>
#include <vector>

#include "db/deferred_indexes.h"
#include "db/document_check.h"
#include "db/entity_votes.h"
#include "db/fact_store_impl.h"
#include "db/migrations.h"
#include "db/stored_comparisons.h"

namespace newsfacts {
namespace {

// Returns the current time as UTC ISO 8601, e.g. "2024-03-01T09:30:00Z".
std::string UtcNow() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof(buffer), "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buffer;
}

// Names an article in error messages: its path, and its record for .json/.jsonl files.
std::string ArticleLabel(const ArticleMeta& meta) {
  if (meta.record_index < 0) return meta.path;
  return meta.path + " record " + std::to_string(meta.record_index);
}

// The listed facts a batch commit stores the comparisons of, at least; the rest wait for the
// end of the run. Storing at every commit recomputed the facts many batches touch again and
// again (+30% ingest time at 100,000 articles); storing only at the end held a whole first
// ingest's facts at once (+70 MB).
constexpr int64_t kFactsStoredAtOnce = 20000;

bool CanWrite(const std::string& path) { return access(path.c_str(), W_OK) == 0; }

Status ReadOnlyError(const std::string& path) {
  return Status::ReadOnly(path +
                          ": database is read-only; check the permissions of the file and its "
                          "folder, or use a writable copy");
}

// Binds a run's five counts (added, replaced, unchanged, failed, re-extracted) from
// parameter `first` on, as both the per-batch and the final runs update take them.
void BindRunCounts(sqlite::Statement& statement, int first, const RunCounts& counts) {
  const int64_t values[] = {counts.articles_added, counts.articles_replaced,
                            counts.articles_unchanged, counts.articles_failed,
                            counts.articles_reextracted};
  for (int k = 0; k < 5; ++k) statement.BindInt64(first + k, values[k]);
}

// Stores the comparisons of the facts a migration (0011 lists them all), a run that did not
// finish or a write by plain SQL left listed, in a transaction of its own, so that readers
// need not compute them.
Status StoreListedComparisons(sqlite::Connection& db) {
  StatusOr<bool> listed = AnyFactsToCompare(db);
  if (!listed.ok()) return listed.status();
  if (!*listed) return Status::Ok();
  StatusOr<std::unique_ptr<sqlite::Transaction>> transaction = sqlite::Transaction::Begin(db);
  if (!transaction.ok()) return transaction.status();
  NEWSFACTS_RETURN_IF_ERROR(StoreComparisons(db));
  return (*transaction)->Commit();
}

}  // namespace

FactStore::FactStore(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

FactStore::~FactStore() = default;

StatusOr<std::unique_ptr<FactStore>> FactStore::Open(const std::string& path) {
  return Open(path, FactStoreOptions());
}

StatusOr<std::unique_ptr<FactStore>> FactStore::Open(const std::string& path,
                                                     const FactStoreOptions& options) {
  std::error_code error;
  const bool exists = std::filesystem::exists(path, error);
  StatusOr<std::unique_ptr<sqlite::Connection>> connection =
      sqlite::Connection::Open(path, sqlite::OpenMode::kReadWriteCreate, options.busy_timeout_ms);
  if (!connection.ok()) {
    if (exists && !CanWrite(path)) return ReadOnlyError(path);
    return connection.status();
  }
  // SQLite opens a file it may not write read-only instead of failing.
  if ((*connection)->IsReadOnly()) return ReadOnlyError(path);

  auto impl = std::make_unique<Impl>();
  impl->connection = std::move(*connection);
  impl->busy_timeout_ms = options.busy_timeout_ms;
  sqlite::Connection& db = *impl->connection;
  NEWSFACTS_RETURN_IF_ERROR(db.Exec(kNewDatabasePageSize));  // before WAL mode fixes it
  // WAL lets `newsfacts query` and other readers work during an ingest; NORMAL sync is
  // durable across application crashes and only risks the last commits on power loss.
  NEWSFACTS_RETURN_IF_ERROR(db.ExecWaitingForLocks("PRAGMA journal_mode = WAL"));
  NEWSFACTS_RETURN_IF_ERROR(db.Exec("PRAGMA synchronous = NORMAL"));
  NEWSFACTS_RETURN_IF_ERROR(db.Exec("PRAGMA foreign_keys = ON"));
  // Savepoints (the articles of a batch written again, db/fact_store.h) keep a statement
  // journal; in a temp file it cost a third of ingest time.
  NEWSFACTS_RETURN_IF_ERROR(db.Exec("PRAGMA temp_store = MEMORY"));
  // Pages freed by a delete are not overwritten with zeros unless that costs no write of its
  // own: replacing a stored 60 MB article wrote its old text's pages out again, and SQLite
  // kept a copy of each in that statement's journal, 75 MB more at the peak (issue 16).
  NEWSFACTS_RETURN_IF_ERROR(db.Exec("PRAGMA secure_delete = FAST"));
  NEWSFACTS_RETURN_IF_ERROR(db.Exec(kPageCacheSize));
  NEWSFACTS_RETURN_IF_ERROR(ApplyMigrations(db));
  NEWSFACTS_RETURN_IF_ERROR(StoreListedComparisons(db));
  // A load into an empty database that stopped before its end left these out.
  NEWSFACTS_RETURN_IF_ERROR(BuildMissingDeferredIndexes(db));
  // ... and its search index (db/search_index_builder.h).
  NEWSFACTS_RETURN_IF_ERROR(RebuildEmptySearchIndex(db));
  NEWSFACTS_RETURN_IF_ERROR(PrepareEntityVotes(db));
  NEWSFACTS_RETURN_IF_ERROR(impl->Prepare());
  return std::unique_ptr<FactStore>(new FactStore(std::move(impl)));
}

int FactStore::LatestSchemaVersion() { return LatestMigrationVersion(); }

StatusOr<std::unordered_map<std::string, std::string>> FactStore::LoadContentHashes() {
  std::unordered_map<std::string, std::string> hashes;
  sqlite::Statement& select = impl_->select_hashes;
  while (true) {
    StatusOr<bool> row = select.Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    hashes[ArticleKey(select.ColumnText(0), static_cast<int>(select.ColumnInt64(1)))] =
        std::string(select.ColumnText(2));
  }
  select.Reset();
  return hashes;
}

StatusOr<int64_t> FactStore::BeginRun(const RunInfo& info) {
  StatusOr<std::unique_ptr<sqlite::Transaction>> transaction = impl_->TransactionUnlessBatch();
  if (!transaction.ok()) return transaction.status();
  // The first run into an empty database builds some indexes at its end (FinishRun).
  StatusOr<bool> deferred = DeferIndexesOfEmptyDatabase(*impl_->connection);
  if (!deferred.ok()) return deferred.status();
  sqlite::Statement& insert = impl_->insert_run;
  insert.BindText(1, info.tool_version);
  insert.BindText(2, info.rules_fingerprint);
  insert.BindText(3, UtcNow());
  NEWSFACTS_RETURN_IF_ERROR(insert.Run());
  const int64_t run_id = impl_->connection->LastInsertRowId();
  if (*transaction != nullptr) NEWSFACTS_RETURN_IF_ERROR((*transaction)->Commit());
  if (*deferred && impl_->search_builder == nullptr) {
    // Without a builder (no temporary file, say) the writer indexes the sentences itself.
    StatusOr<std::unique_ptr<SearchIndexBuilder>> builder = SearchIndexBuilder::Start(
        impl_->connection->path(), impl_->busy_timeout_ms, info.expected_bytes);
    if (builder.ok()) impl_->search_builder = std::move(*builder);
  }
  return run_id;
}

void FactStore::ExtractionEnded() {
  if (impl_->search_builder != nullptr) impl_->search_builder->IndexWithoutReserve();
}

Status FactStore::FinishRun(int64_t run_id, const RunCounts& counts) {
  // The builder indexes its last sentences while the writer builds the deferred indexes (one
  // after the other, they took a sixth of an ingest of 105 MB) and writes the run's row and
  // comparisons (issue 16: the writer waited for the builder before them); the builder then
  // writes the index in a transaction of its own, and on failure the index is rebuilt in another.
  const bool builder_finishes = impl_->search_builder != nullptr && impl_->batch == nullptr;
  if (builder_finishes) {
    impl_->search_builder->FinishIndexing();
    NEWSFACTS_RETURN_IF_ERROR(BuildMissingDeferredIndexes(*impl_->connection));
  } else {
    impl_->StopSearchBuilder();  // in a batch, whose transaction holds the lock it would need
  }
  StatusOr<std::unique_ptr<sqlite::Transaction>> transaction = impl_->TransactionUnlessBatch();
  if (!transaction.ok()) return transaction.status();
  sqlite::Statement& update = impl_->finish_run;
  update.BindInt64(1, run_id);
  update.BindText(2, UtcNow());
  BindRunCounts(update, 3, counts);
  NEWSFACTS_RETURN_IF_ERROR(update.Run());
  if (impl_->connection->Changes() == 0) {
    return Status::NotFound(impl_->connection->path() + ": no run " + std::to_string(run_id));
  }
  NEWSFACTS_RETURN_IF_ERROR(BuildMissingDeferredIndexes(*impl_->connection));
  // Once per run, not per batch: a fact written by many batches is computed once.
  NEWSFACTS_RETURN_IF_ERROR(StoreComparisons(*impl_->connection));
  NEWSFACTS_RETURN_IF_ERROR(impl_->RebuildSearchIndexIfStale());
  if (*transaction == nullptr) return Status::Ok();
  NEWSFACTS_RETURN_IF_ERROR((*transaction)->Commit());
  impl_->OnCommitted();
  return builder_finishes ? impl_->PutBuiltSearchIndex() : Status::Ok();
}

StatusOr<std::vector<int64_t>> FactStore::ArticlesToReextract(int64_t current_run_id,
                                                              const RunInfo& current, bool all) {
  std::vector<int64_t> ids;
  sqlite::Statement& select = impl_->select_stale;
  select.BindInt64(1, current_run_id);
  select.BindText(2, current.tool_version);
  select.BindText(3, current.rules_fingerprint);
  select.BindInt64(4, all ? 1 : 0);
  while (true) {
    StatusOr<bool> row = select.Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    ids.push_back(select.ColumnInt64(0));
  }
  select.Reset();
  return ids;
}

StatusOr<StoredArticle> FactStore::LoadArticle(int64_t article_id) {
  sqlite::Statement& select = impl_->select_article;
  select.BindInt64(1, article_id);
  StatusOr<bool> row = select.Step();
  if (!row.ok()) return row.status();
  if (!*row) {
    select.Reset();
    return Status::NotFound(impl_->connection->path() + ": no article " +
                            std::to_string(article_id));
  }
  StoredArticle article;
  article.id = article_id;
  article.meta.path = select.ColumnText(0);
  article.meta.record_index = static_cast<int>(select.ColumnInt64(1));
  article.meta.title = select.ColumnText(2);
  article.meta.source = select.ColumnText(3);
  article.meta.url = select.ColumnText(4);
  article.meta.published = select.ColumnText(5);
  article.meta.repaired_sequences = static_cast<size_t>(select.ColumnInt64(6));
  article.text = select.ColumnText(7);
  article.content_hash = select.ColumnText(8);
  select.Reset();
  // Read through the page cache, a huge text's pages filled it: 48 MB held beside the text
  // while a 60 MB article was extracted again and written (issue 16).
  if (article.text.size() > kHugeTextBytes) impl_->connection->ReleaseCachedPages();
  return article;
}

Status FactStore::BeginBatch(BatchMode mode) {
  if (impl_->batch != nullptr) {
    return Status::FailedPrecondition(impl_->connection->path() + ": a batch is already open");
  }
  StatusOr<std::unique_ptr<sqlite::Transaction>> batch =
      sqlite::Transaction::Begin(*impl_->connection);
  if (!batch.ok()) return batch.status();
  impl_->batch = std::move(*batch);
  impl_->batch_mode = mode;
  impl_->lost_batch = Status::Ok();
  impl_->first_unindexed_sentence = 0;  // left by a batch that was never committed
  impl_->search_index_rebuilt = false;
  impl_->votes.Clear();
  return Status::Ok();
}

bool FactStore::BatchOpen() const { return impl_->batch != nullptr; }

Status FactStore::CommitBatch() {
  if (!impl_->lost_batch.ok()) {
    Status lost = impl_->lost_batch;
    impl_->lost_batch = Status::Ok();
    return lost;
  }
  if (impl_->batch == nullptr) {
    return Status::FailedPrecondition(impl_->connection->path() + ": no batch is open");
  }
  std::unique_ptr<sqlite::Transaction> batch = std::move(impl_->batch);
  Status status = impl_->IndexWaitingSentences();
  if (status.ok()) status = impl_->votes.Store();
  if (status.ok()) status = DecideEntities(*impl_->connection);
  if (status.ok()) status = StoreComparisonsOfMany(*impl_->connection, kFactsStoredAtOnce);
  if (status.ok()) status = batch->Commit();
  if (!status.ok()) {
    impl_->DiscardBatch();  // the transaction was rolled back
    return status;
  }
  impl_->OnCommitted();
  return Status::Ok();
}

Status FactStore::CommitBatch(int64_t run_id, const RunCounts& counts) {
  if (impl_->batch != nullptr && impl_->lost_batch.ok()) {
    sqlite::Statement& update = impl_->update_run_counts;
    update.BindInt64(1, run_id);
    BindRunCounts(update, 2, counts);
    NEWSFACTS_RETURN_IF_ERROR(update.Run());
  }
  return CommitBatch();
}

Status FactStore::WriteArticle(const Document& doc, std::string_view content_hash, int64_t run_id) {
  return WriteArticle(doc, content_hash, run_id, /*if_changed=*/false, nullptr).status();
}

StatusOr<ArticleWrite> FactStore::WriteArticleIfChanged(const Document& doc,
                                                        std::string_view content_hash,
                                                        int64_t run_id) {
  return WriteArticle(doc, content_hash, run_id, /*if_changed=*/true, nullptr);
}

StatusOr<ArticleWrite> FactStore::WriteArticleIfChangedReleasing(Document& doc,
                                                                 std::string_view content_hash,
                                                                 int64_t run_id) {
  return WriteArticle(doc, content_hash, run_id, /*if_changed=*/true, &doc);
}

Status FactStore::WriteArticleReleasing(Document& doc, std::string_view content_hash,
                                        int64_t run_id) {
  return WriteArticle(doc, content_hash, run_id, /*if_changed=*/false, &doc).status();
}

Status FactStore::DeleteArticles(std::span<const int64_t> ids) {
  if (impl_->batch == nullptr || impl_->batch_mode != BatchMode::kWholeBatch) {
    return Status::FailedPrecondition(impl_->connection->path() +
                                      ": articles are deleted ahead only in a whole batch");
  }
  if (ids.empty()) return Status::Ok();
  const Status deleted = impl_->DeleteArticles(ids);
  if (!deleted.ok()) impl_->DiscardBatch();
  return deleted;
}

StatusOr<ArticleWrite> FactStore::WriteArticle(const Document& doc, std::string_view content_hash,
                                               int64_t run_id, bool if_changed,
                                               Document* releasable) {
  const std::string label = ArticleLabel(doc.meta());
  if (!impl_->lost_batch.ok()) return impl_->lost_batch.WithContext(label);
  const Status valid = ValidateDocument(doc);
  StatusOr<ArticleWrite> written =
      valid.ok() ? impl_->Write(doc, content_hash, run_id, if_changed, releasable) : valid;
  if (written.ok()) return written;
  if (impl_->batch != nullptr && impl_->batch_mode == BatchMode::kWholeBatch) {
    impl_->DiscardBatch();  // the caller writes the batch again, article by article
    return written.status().WithContext(label);
  }
  if (!valid.ok()) return written.status().WithContext(label);
  impl_->ForgetCaches();
  if (impl_->batch != nullptr && !impl_->connection->InTransaction()) {
    // Some errors (disk full, I/O) make SQLite roll back the whole transaction: the
    // articles written earlier in this batch are gone too, and CommitBatch must say so.
    impl_->DiscardBatch();
    impl_->lost_batch = Status::IoError(
        impl_->connection->path() +
        ": the batch was rolled back after an error; its articles were not stored: " +
        written.status().message());
  }
  return written.status().WithContext(label);
}

}  // namespace newsfacts
