// FactStore's article writer: an article stored, replaced or deleted with cached prepared
// statements, in one savepoint inside the batch transaction, and the search index kept up with
// it; the rows of its layers are written by fact_store_layers.cc.
#include <algorithm>
#include <utility>
#include <vector>

#include "db/entity_votes.h"
#include "db/escaped_text.h"
#include "db/fact_store_impl.h"

namespace newsfacts {
namespace {

constexpr char kArticleSavepoint[] = "article";
constexpr size_t kLongArticleBytes = size_t{1} << 20;

// The page cache huge articles (FactStore::kHugeTextBytes) are written through (Replace).
constexpr std::string_view kSmallCacheSize = "PRAGMA cache_size = -4096";

// With the stored article's last sentence id, which says whether its sentences wait to be put
// in the search index (Write), and where its last sentence ends, which says whether it is huge
// (Replace). Its row's byte_length lies past its text: reading it read every page of a long
// text through the page cache, 48 MB of memory for a 60 MB article (issue 16).
constexpr std::string_view kSelectStored =
    "SELECT content_hash, id, "
    "(SELECT max(s.id) FROM sentence_spans s WHERE s.article_id = articles.id), "
    "(SELECT s.end_byte FROM sentence_spans s WHERE s.article_id = articles.id "
    "ORDER BY s.sentence_index DESC LIMIT 1) "
    "FROM articles WHERE path = ?1 AND record_index = ?2";
// Deleting an article deletes its rows by the foreign keys' cascades; the articles delete
// trigger first takes its sentences out of sentences_fts while its text is still there.
constexpr std::string_view kDeleteArticle = "DELETE FROM articles WHERE id = ?1";
// A huge stored article's sentences go before its row, a slice of their ids at a time, with
// the rows that name them: SQLite keeps a copy of every page a statement changes until it
// ends, in memory, and one statement over a 60 MB article's half million sentences held 125 MB
// (issue 16). A slice takes about kTextBytesDeletedPerStatement of the text. Each table goes
// whole, by its index on sentence_id, before the next, in the order the article's cascades
// take them: an amount's delete trigger reads the article's claims, all of them gone by then
// (with the claims of one slice gone at a time, it read the others for each amount: 20 s more
// for the 60 MB article), and the cascades from each sentence row alone took five times as
// long. The sentences' delete trigger takes them out of the search index.
constexpr std::string_view kSelectSentenceIds =
    "SELECT min(id), max(id) FROM sentence_spans WHERE article_id = ?1";
constexpr std::string_view kDeleteSliceOfSentences[] = {
    "DELETE FROM quotes WHERE sentence_id BETWEEN ?2 AND ?3 AND +article_id = ?1",
    "DELETE FROM claims WHERE sentence_id BETWEEN ?2 AND ?3 AND +article_id = ?1",
    "DELETE FROM amounts WHERE sentence_id BETWEEN ?2 AND ?3 AND +article_id = ?1",
    "DELETE FROM mentions WHERE sentence_id BETWEEN ?2 AND ?3 AND +article_id = ?1",
    "DELETE FROM sentence_spans WHERE id BETWEEN ?2 AND ?3 AND +article_id = ?1"};
constexpr int64_t kTextBytesDeletedPerStatement = int64_t{1} << 20;
// ?13, the row id, is null but for an article inserted text last (InsertTextLast).
constexpr std::string_view kInsertArticle =
    "INSERT INTO articles (path, record_index, content_hash, title, source, url, published, "
    "text, byte_length, repaired_sequences, run_id, path_bytes, id) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)";
// The store indexes its sentences itself: see db/migrations/0003_fts_written_by_store.sql.
// The view `sentences` gives their texts (db/sentence_text.h).
constexpr std::string_view kIndexSentences =
    "INSERT INTO sentences_fts (rowid, text) SELECT id, text FROM sentences "
    "WHERE id >= ?1 AND id < ?2 ORDER BY id";
// The search index takes waiting sentences this many at a time: each statement writes a
// segment of the index that FTS5 merges later, and 4,096 at a time cost a sixth more CPU
// (issue 16). SQLite keeps, in memory, what one statement changed until it ends: the
// sentences of a long article go in fewer at a time, which keeps 14 MB off the peak of a
// 60 MB article (one statement over its half million sentences held 30 MB).
constexpr int64_t kSentencesIndexedPerStatement = 16384;
constexpr int64_t kLongArticleSentencesIndexedPerStatement = 4096;
// An entity's name and type are decided from all articles when the transaction commits
// (db/entity_votes.h); writing an article looks its entities up by key, inserts the missing
// ones and fills in a parent an earlier article did not know, never forgetting one (one upsert
// with RETURNING did it, but built two temporary b-trees per call: a twentieth of the store's
// time).
constexpr std::string_view kSelectEntity = "SELECT id, parent_key FROM entities WHERE key = ?1";
constexpr std::string_view kInsertEntity =
    "INSERT INTO entities (key, name, type, parent_key) VALUES (?1, ?2, ?3, ?4)";
constexpr std::string_view kSetEntityParent = "UPDATE entities SET parent_key = ?2 WHERE id = ?1";
// The entities of the article about to be replaced lose its mentions: they are decided again.
constexpr std::string_view kListReplacedEntities =
    "INSERT OR IGNORE INTO temp.entities_to_decide (id) SELECT DISTINCT m.entity_id "
    "FROM mentions m JOIN articles a ON a.id = m.article_id "
    "WHERE a.path = ?1 AND a.record_index = ?2";
// Many stored articles at once (DeleteArticles), their ids a JSON array.
constexpr std::string_view kListEntitiesOfArticles =
    "INSERT OR IGNORE INTO temp.entities_to_decide (id) SELECT DISTINCT entity_id FROM mentions "
    "WHERE article_id IN (SELECT value FROM json_each(?1))";
constexpr std::string_view kDeleteArticles =
    "DELETE FROM articles WHERE id IN (SELECT value FROM json_each(?1))";
constexpr std::string_view kInsertAlias =
    "INSERT OR IGNORE INTO aliases (entity_id, alias) VALUES (?1, ?2)";
constexpr std::string_view kInsertAmount =
    "INSERT INTO amounts (article_id, sentence_id, amount_index, text, value, low, high, "
    "currency, currency_evidence, qualifier, vague, start_byte, end_byte, start_char, "
    "end_char, rule, run_id) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)";
constexpr std::string_view kSetRestates = "UPDATE amounts SET restates_id = ?1 WHERE id = ?2";
constexpr std::string_view kInsertClaim =
    "INSERT INTO claims (article_id, sentence_id, claim_index, predicate, subject_id, "
    "object_id, subject_text, object_text, amount_id, role, status, speaker, venue, "
    "start_byte, end_byte, start_char, end_char, rule, run_id, amount_role, stage, event_date, "
    "event_date_text, event_date_rule) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, "
    "?18, ?19, ?20, ?21, ?22, ?23, ?24)";
constexpr std::string_view kInsertRun =
    "INSERT INTO runs (tool_version, rules_fingerprint, started_at) VALUES (?1, ?2, ?3)";
constexpr std::string_view kFinishRun =
    "UPDATE runs SET finished_at = ?2, articles_added = ?3, articles_replaced = ?4, "
    "articles_unchanged = ?5, articles_failed = ?6, articles_reextracted = ?7 WHERE id = ?1";
constexpr std::string_view kUpdateRunCounts =
    "UPDATE runs SET articles_added = ?2, articles_replaced = ?3, articles_unchanged = ?4, "
    "articles_failed = ?5, articles_reextracted = ?6 WHERE id = ?1";
// Keyed by the file name's own bytes, as the corpus reader gives them.
constexpr std::string_view kSelectHashes =
    "SELECT coalesce(path_bytes, path), record_index, content_hash FROM articles";
constexpr std::string_view kSelectStale =
    "SELECT a.id FROM articles a JOIN runs r ON r.id = a.run_id WHERE a.run_id <> ?1 "
    "AND (?4 OR r.tool_version <> ?2 OR r.rules_fingerprint <> ?3) ORDER BY a.id";
constexpr std::string_view kSelectArticle =
    "SELECT coalesce(path_bytes, path), record_index, title, source, url, published, "
    "repaired_sequences, text, content_hash FROM articles WHERE id = ?1";

}  // namespace

Status FactStore::Impl::Prepare() {
  const std::pair<sqlite::Statement*, std::string_view> statements[] = {
      {&select_stored, kSelectStored},   {&update_run_counts, kUpdateRunCounts},
      {&delete_article, kDeleteArticle}, {&list_replaced_entities, kListReplacedEntities},
      {&insert_article, kInsertArticle}, {&select_entity, kSelectEntity},
      {&insert_entity, kInsertEntity},   {&set_entity_parent, kSetEntityParent},
      {&insert_alias, kInsertAlias},     {&insert_amount, kInsertAmount},
      {&set_restates, kSetRestates},     {&insert_claim, kInsertClaim},
      {&insert_run, kInsertRun},         {&finish_run, kFinishRun},
      {&select_hashes, kSelectHashes},   {&index_sentences, kIndexSentences},
      {&select_stale, kSelectStale},     {&select_article, kSelectArticle},
  };
  for (const auto& [statement, sql] : statements) {
    StatusOr<sqlite::Statement> prepared = connection->Prepare(sql);
    if (!prepared.ok()) return prepared.status();
    *statement = std::move(*prepared);
  }
  NEWSFACTS_RETURN_IF_ERROR(votes.Prepare(*connection));
  return PrepareSourceFiles();
}

void FactStore::Impl::BindSpan(sqlite::Statement& statement, int first, const Span& span) const {
  statement.BindInt64(first, static_cast<int64_t>(span.begin));
  statement.BindInt64(first + 1, static_cast<int64_t>(span.end));
  statement.BindInt64(first + 2, chars[span.begin]);
  statement.BindInt64(first + 3, chars[span.end]);
}

void FactStore::Impl::ForgetCaches() {
  entity_cache.clear();
  alias_cache.clear();
}

StatusOr<std::unique_ptr<sqlite::Transaction>> FactStore::Impl::TransactionUnlessBatch() {
  if (batch != nullptr) return std::unique_ptr<sqlite::Transaction>();
  return sqlite::Transaction::Begin(*connection);
}

void FactStore::Impl::DiscardBatch() {
  batch.reset();
  ForgetCaches();
  first_unindexed_sentence = 0;
  search_index_rebuilt = false;
  votes.Clear();
}

Status FactStore::Impl::IndexWaitingSentences() {
  return IndexWaitingSentences(kSentencesIndexedPerStatement);
}

Status FactStore::Impl::IndexWaitingSentences(int64_t per_statement) {
  if (search_builder != nullptr) {
    first_unindexed_sentence = 0;  // it reads them once they are committed
    return Status::Ok();
  }
  NEWSFACTS_RETURN_IF_ERROR(RebuildSearchIndexIfStale());
  if (first_unindexed_sentence == 0) return Status::Ok();
  for (int64_t first = first_unindexed_sentence; first <= last_unindexed_sentence;
       first += per_statement) {
    index_sentences.BindInt64(1, first);
    index_sentences.BindInt64(2, first + per_statement);
    NEWSFACTS_RETURN_IF_ERROR(index_sentences.Run());
  }
  first_unindexed_sentence = 0;
  return Status::Ok();
}

void FactStore::Impl::StopSearchBuilder() {
  if (search_builder == nullptr) return;
  search_builder.reset();
  search_index_stale = true;
}

Status FactStore::Impl::PutBuiltSearchIndex() {
  const bool put = search_builder->Finish().ok();
  search_builder.reset();
  if (put) return Status::Ok();
  search_index_stale = true;
  StatusOr<std::unique_ptr<sqlite::Transaction>> transaction =
      sqlite::Transaction::Begin(*connection);
  if (!transaction.ok()) return transaction.status();
  NEWSFACTS_RETURN_IF_ERROR(RebuildSearchIndexIfStale());
  NEWSFACTS_RETURN_IF_ERROR((*transaction)->Commit());
  OnCommitted();
  return Status::Ok();
}

Status FactStore::Impl::RebuildSearchIndexIfStale() {
  if (!search_index_stale || search_index_rebuilt) return Status::Ok();
  NEWSFACTS_RETURN_IF_ERROR(RebuildSearchIndex(*connection));
  search_index_rebuilt = true;
  first_unindexed_sentence = 0;  // the rebuild read them
  return Status::Ok();
}

void FactStore::Impl::OnCommitted() {
  if (search_index_rebuilt) search_index_stale = false;
  search_index_rebuilt = false;
  if (search_builder == nullptr) return;
  StatusOr<int64_t> last = connection->QueryInt("SELECT coalesce(max(id), 0) FROM sentence_spans");
  if (last.ok()) {
    search_builder->IndexUpTo(*last);
  } else {
    StopSearchBuilder();  // what is committed stays; the next transaction rebuilds the index
  }
}

StatusOr<ArticleWrite> FactStore::Impl::Write(const Document& doc, std::string_view content_hash,
                                              int64_t run_id, bool if_changed,
                                              Document* releasable) {
  StatusOr<std::unique_ptr<sqlite::Transaction>> begun = TransactionUnlessBatch();
  if (!begun.ok()) return begun.status();
  std::unique_ptr<sqlite::Transaction> own_transaction = std::move(*begun);
  if (own_transaction != nullptr) {
    first_unindexed_sentence = 0;  // left by a transaction that failed
    search_index_rebuilt = false;
    votes.Clear();
  }
  const ArticleMeta& meta = doc.meta();
  const std::string path = StoredPath(meta.path);
  select_stored.BindText(1, path);
  select_stored.BindInt64(2, meta.record_index);
  StatusOr<bool> stored = select_stored.Step();
  if (!stored.ok()) return stored.status();
  const bool same = *stored && select_stored.ColumnText(0) == content_hash;
  const int64_t stored_id = *stored ? select_stored.ColumnInt64(1) : 0;
  const int64_t stored_last_sentence = *stored ? select_stored.ColumnInt64(2) : 0;
  // The stored text's bytes up to its last sentence's end (0 with no sentence): all but
  // trailing spaces, as sentences cover it.
  const int64_t stored_bytes = *stored ? select_stored.ColumnInt64(3) : 0;
  const ArticleWrite outcome = !*stored ? ArticleWrite::kAdded
                               : same   ? ArticleWrite::kUnchanged
                                        : ArticleWrite::kReplaced;
  select_stored.Reset();
  if (if_changed && same) return ArticleWrite::kUnchanged;
  // The stored article's sentences still wait for the search index when it was written in this
  // transaction (ids from first_unindexed_sentence on). Those of an article stored before are
  // in it already, and the sentences waiting go in together when the batch ends: indexing them
  // before each replaced article, as this once did, made re-extraction spend a quarter of its
  // time in FTS5, which writes out what it holds at each statement's end.
  if (*stored) {
    NEWSFACTS_RETURN_IF_ERROR(ReadyToDelete(first_unindexed_sentence != 0 &&
                                            stored_last_sentence >= first_unindexed_sentence));
  }

  // A huge article may be written text last, its layers freed on the way. It adds its votes
  // itself, before its layers go, so the votes held are stored first, to be dropped alone if
  // the article fails.
  if (doc.text().size() <= kHugeTextBytes) releasable = nullptr;
  if (releasable != nullptr) NEWSFACTS_RETURN_IF_ERROR(votes.Store());

  // Only an article of a kArticleSavepoints batch needs a savepoint of its own: a failure rolls
  // back the article's own transaction, or a kWholeBatch batch whole (FactStore::WriteArticle).
  std::unique_ptr<sqlite::Savepoint> savepoint;
  if (batch != nullptr && batch_mode == BatchMode::kArticleSavepoints) {
    StatusOr<std::unique_ptr<sqlite::Savepoint>> opened =
        sqlite::Savepoint::Begin(*connection, kArticleSavepoint);
    if (!opened.ok()) return opened.status();
    savepoint = std::move(*opened);
  }
  const int64_t unindexed_before = first_unindexed_sentence;
  const bool rebuilt_before = search_index_rebuilt;
  Status replaced = Replace(doc, content_hash, run_id, stored_id, stored_bytes, releasable);
  if (replaced.ok() && savepoint != nullptr) replaced = savepoint->Release();
  if (!replaced.ok()) {
    // The rollback takes back the article's sentences, and what a long article indexed or
    // rebuilt.
    first_unindexed_sentence = unindexed_before;
    search_index_rebuilt = rebuilt_before;
    if (releasable != nullptr) votes.Clear();
    return replaced;
  }
  if (releasable == nullptr) AddVotes(doc);
  if (own_transaction != nullptr) {
    NEWSFACTS_RETURN_IF_ERROR(IndexWaitingSentences());
    NEWSFACTS_RETURN_IF_ERROR(votes.Store());
    NEWSFACTS_RETURN_IF_ERROR(DecideEntities(*connection));
    NEWSFACTS_RETURN_IF_ERROR(own_transaction->Commit());
    OnCommitted();
  }
  return outcome == ArticleWrite::kUnchanged ? ArticleWrite::kReplaced : outcome;
}

Status FactStore::Impl::ReadyToDelete(bool sentences_wait) {
  StopSearchBuilder();
  if (search_index_stale || sentences_wait) NEWSFACTS_RETURN_IF_ERROR(IndexWaitingSentences());
  return votes.Store();
}

Status FactStore::Impl::DeleteArticles(std::span<const int64_t> ids) {
  NEWSFACTS_RETURN_IF_ERROR(ReadyToDelete(first_unindexed_sentence != 0));
  std::string list = "[";
  for (const int64_t id : ids) {
    if (list.size() > 1) list += ',';
    list += std::to_string(id);
  }
  list += "]";
  for (const std::string_view sql : {kListEntitiesOfArticles, kDeleteArticles}) {
    StatusOr<sqlite::Statement> statement = connection->Prepare(sql);
    if (!statement.ok()) return statement.status();
    statement->BindText(1, list);
    NEWSFACTS_RETURN_IF_ERROR(statement->Run());
  }
  return Status::Ok();
}

Status FactStore::Impl::Replace(const Document& doc, std::string_view content_hash, int64_t run_id,
                                int64_t stored_id, int64_t stored_bytes, Document* releasable) {
  if (doc.text().size() <= kHugeTextBytes &&
      static_cast<uint64_t>(stored_bytes) <= kHugeTextBytes) {
    return DeleteAndInsert(doc, content_hash, run_id, stored_id, stored_bytes, releasable);
  }
  // A huge article (a 60 MB text), new or stored, goes to or from disk through a small page
  // cache: its rows are appended, or deleted, mostly, and not read again in the batch. A full
  // cache on top of the text and SQLite's record of it took 350 MB, and the rows of its half
  // million sentences filled it: ingest held 260 MB while writing them, 215 MB through the
  // small cache (issue 16).
  NEWSFACTS_RETURN_IF_ERROR(connection->Exec(kSmallCacheSize));
  const Status written =
      DeleteAndInsert(doc, content_hash, run_id, stored_id, stored_bytes, releasable);
  const Status restored = connection->Exec(kPageCacheSize);
  return written.ok() ? restored : written;
}

Status FactStore::Impl::DeleteAndInsert(const Document& doc, std::string_view content_hash,
                                        int64_t run_id, int64_t stored_id, int64_t stored_bytes,
                                        Document* releasable) {
  const ArticleMeta& meta = doc.meta();
  const std::string path = StoredPath(meta.path);
  if (stored_id != 0) {
    list_replaced_entities.BindText(1, path);
    list_replaced_entities.BindInt64(2, meta.record_index);
    NEWSFACTS_RETURN_IF_ERROR(list_replaced_entities.Run());
    if (static_cast<uint64_t>(stored_bytes) > kHugeTextBytes) {
      NEWSFACTS_RETURN_IF_ERROR(DeleteSentencesInSlices(stored_id, stored_bytes));
    }
    delete_article.BindInt64(1, stored_id);
    NEWSFACTS_RETURN_IF_ERROR(delete_article.Run());
  }
  return releasable != nullptr ? InsertTextLast(*releasable, path, content_hash, run_id)
                               : Insert(doc, path, content_hash, run_id);
}

Status FactStore::Impl::DeleteSentencesInSlices(int64_t article_id, int64_t text_bytes) {
  StatusOr<sqlite::Statement> ids = connection->Prepare(kSelectSentenceIds);
  if (!ids.ok()) return ids.status();
  ids->BindInt64(1, article_id);
  StatusOr<bool> found = ids->Step();
  if (!found.ok()) return found.status();
  if (!*found || ids->TypeOf(0) == sqlite::ColumnType::kNull) return Status::Ok();
  const int64_t first = ids->ColumnInt64(0);
  const int64_t last = ids->ColumnInt64(1);
  const int64_t per_slice = std::max<int64_t>(
      1, (last - first + 1) * kTextBytesDeletedPerStatement / std::max<int64_t>(1, text_bytes));
  std::vector<sqlite::Statement> deletes;
  for (const std::string_view sql : kDeleteSliceOfSentences) {
    StatusOr<sqlite::Statement> prepared = connection->Prepare(sql);
    if (!prepared.ok()) return prepared.status();
    deletes.push_back(std::move(*prepared));
  }
  for (sqlite::Statement& slice : deletes) {
    for (int64_t begin = first; begin <= last; begin += per_slice) {
      slice.BindInt64(1, article_id);
      slice.BindInt64(2, begin);
      slice.BindInt64(3, std::min(last, begin + per_slice - 1));
      NEWSFACTS_RETURN_IF_ERROR(slice.Run());
    }
  }
  return Status::Ok();
}

Status FactStore::Impl::Insert(const Document& doc, const std::string& path,
                               std::string_view content_hash, int64_t run_id) {
  BindArticleRow(doc, path, content_hash, run_id, 0);
  NEWSFACTS_RETURN_IF_ERROR(insert_article.Run());
  NEWSFACTS_RETURN_IF_ERROR(WriteLayers(doc, connection->LastInsertRowId(), run_id));
  // A long article's sentences go into the search index at once, with those waiting: its
  // pending index would otherwise grow until the batch ends, and one flush is nothing
  // beside it.
  if (doc.text().size() > kLongArticleBytes) {
    return IndexWaitingSentences(kLongArticleSentencesIndexedPerStatement);
  }
  return Status::Ok();
}

Status FactStore::Impl::InsertTextLast(Document& doc, const std::string& path,
                                       std::string_view content_hash, int64_t run_id) {
  StatusOr<int64_t> article_id =
      connection->QueryInt("SELECT coalesce(max(id), 0) + 1 FROM articles");
  if (!article_id.ok()) return article_id.status();
  // The layers' rows name an article row not there yet: their foreign keys are checked once
  // it is, and checked at once again after (a failed article's rows are rolled back, with
  // what SQLite counted of them).
  NEWSFACTS_RETURN_IF_ERROR(connection->Exec("PRAGMA defer_foreign_keys = ON"));
  Status inserted = WriteLayers(doc, *article_id, run_id);
  if (inserted.ok()) {
    AddVotes(doc);
    doc.ReleaseLayers();
    BindArticleRow(doc, path, content_hash, run_id, *article_id);
    inserted = insert_article.Run();
  }
  const Status immediate = connection->Exec("PRAGMA defer_foreign_keys = OFF");
  NEWSFACTS_RETURN_IF_ERROR(inserted.ok() ? immediate : inserted);
  // Its sentences' search text is read through their article row, there only now.
  return IndexWaitingSentences(kLongArticleSentencesIndexedPerStatement);
}

void FactStore::Impl::BindArticleRow(const Document& doc, const std::string& path,
                                     std::string_view content_hash, int64_t run_id, int64_t id) {
  const ArticleMeta& meta = doc.meta();
  insert_article.BindText(1, path);
  insert_article.BindInt64(2, meta.record_index);
  insert_article.BindText(3, content_hash);
  insert_article.BindTextOrNull(4, meta.title);
  insert_article.BindTextOrNull(5, meta.source);
  insert_article.BindTextOrNull(6, meta.url);
  insert_article.BindTextOrNull(7, meta.published);
  insert_article.BindTextUnowned(8, doc.text());  // `doc` outlives the Run that follows
  insert_article.BindInt64(9, static_cast<int64_t>(doc.text().size()));
  insert_article.BindInt64(10, static_cast<int64_t>(doc.repaired_sequences()));
  insert_article.BindInt64(11, run_id);
  if (path != meta.path) {
    insert_article.BindBlob(12, meta.path);
  } else {
    insert_article.BindNull(12);
  }
  if (id != 0) {
    insert_article.BindInt64(13, id);
  } else {
    insert_article.BindNull(13);
  }
}

}  // namespace newsfacts
