// FactStore's article writer: an article and its annotation layers written with cached
// prepared statements, in one savepoint inside the batch transaction.
#include <optional>
#include <unordered_map>
#include <utility>

#include "db/entity_votes.h"
#include "db/escaped_text.h"
#include "db/fact_store_impl.h"
#include "db/sentence_text.h"

namespace newsfacts {
namespace {

constexpr char kArticleSavepoint[] = "article";
constexpr size_t kLongArticleBytes = size_t{1} << 20;

// The page cache huge articles (FactStore::kHugeTextBytes) are written through (Replace).
constexpr std::string_view kSmallCacheSize = "PRAGMA cache_size = -4096";

// With the stored article's last sentence id, which says whether its sentences wait to be put
// in the search index (Write).
constexpr std::string_view kSelectStored =
    "SELECT content_hash, id, byte_length, "
    "(SELECT max(s.id) FROM sentence_spans s WHERE s.article_id = articles.id) "
    "FROM articles WHERE path = ?1 AND record_index = ?2";
// Deleting an article deletes its rows by the foreign keys' cascades; the articles delete
// trigger first takes its sentences out of sentences_fts while its text is still there.
constexpr std::string_view kDeleteArticle = "DELETE FROM articles WHERE id = ?1";
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

// The article's texts are bound unowned (no copy) to the statements run once per sentence,
// mention or entity: `doc` outlives each Run.

// The row id of the layer element `index` points at, or nullopt when it points nowhere.
std::optional<int64_t> RowId(const std::optional<size_t>& index, const std::vector<int64_t>& ids) {
  if (!index.has_value()) return std::nullopt;
  return ids[*index];
}

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
  const int64_t stored_bytes = *stored ? select_stored.ColumnInt64(2) : 0;
  const int64_t stored_last_sentence = *stored ? select_stored.ColumnInt64(3) : 0;
  const ArticleWrite outcome = !*stored ? ArticleWrite::kAdded
                               : same   ? ArticleWrite::kUnchanged
                                        : ArticleWrite::kReplaced;
  select_stored.Reset();
  if (if_changed && same) return ArticleWrite::kUnchanged;
  // Deleting sentences takes them out of sentences_fts (a trigger), so those about to go must be
  // in it: a builder's are put in the index by a rebuild, and the stored article's, when they
  // still wait (written in this transaction: ids from first_unindexed_sentence on), are indexed
  // first with the others waiting. Those of an article stored before are in it already, and the
  // sentences waiting go in together when the batch ends: indexing them before each replaced
  // article, as this once did, made re-extraction spend a quarter of its time in FTS5, which
  // writes out what it holds at each statement's end. The votes held are stored first, for the
  // triggers that take back the deleted mentions' votes.
  if (*stored) {
    StopSearchBuilder();
    const bool waiting =
        first_unindexed_sentence != 0 && stored_last_sentence >= first_unindexed_sentence;
    if (search_index_stale || waiting) NEWSFACTS_RETURN_IF_ERROR(IndexWaitingSentences());
    NEWSFACTS_RETURN_IF_ERROR(votes.Store());
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

Status FactStore::Impl::DeleteArticles(std::span<const int64_t> ids) {
  // As before a replacement (Write): their sentences must be in the search index, and the
  // votes held in the tables whose rows the delete triggers take votes back from.
  StopSearchBuilder();
  if (search_index_stale || first_unindexed_sentence != 0) {
    NEWSFACTS_RETURN_IF_ERROR(IndexWaitingSentences());
  }
  NEWSFACTS_RETURN_IF_ERROR(votes.Store());
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
    return DeleteAndInsert(doc, content_hash, run_id, stored_id, releasable);
  }
  // A huge article (a 60 MB text), new or stored, goes to or from disk through a small page
  // cache: its rows are appended, or deleted, mostly, and not read again in the batch. A full
  // cache on top of the text and SQLite's record of it took 350 MB, and the rows of its half
  // million sentences filled it: ingest held 260 MB while writing them, 215 MB through the
  // small cache (issue 16).
  NEWSFACTS_RETURN_IF_ERROR(connection->Exec(kSmallCacheSize));
  const Status written = DeleteAndInsert(doc, content_hash, run_id, stored_id, releasable);
  const Status restored = connection->Exec(kPageCacheSize);
  return written.ok() ? restored : written;
}

Status FactStore::Impl::DeleteAndInsert(const Document& doc, std::string_view content_hash,
                                        int64_t run_id, int64_t stored_id, Document* releasable) {
  const ArticleMeta& meta = doc.meta();
  const std::string path = StoredPath(meta.path);
  if (stored_id != 0) {
    list_replaced_entities.BindText(1, path);
    list_replaced_entities.BindInt64(2, meta.record_index);
    NEWSFACTS_RETURN_IF_ERROR(list_replaced_entities.Run());
    delete_article.BindInt64(1, stored_id);
    NEWSFACTS_RETURN_IF_ERROR(delete_article.Run());
  }
  return releasable != nullptr ? InsertTextLast(*releasable, path, content_hash, run_id)
                               : Insert(doc, path, content_hash, run_id);
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

Status FactStore::Impl::WriteLayers(const Document& doc, int64_t article_id, int64_t run_id) {
  chars.Build(doc.text());
  NEWSFACTS_RETURN_IF_ERROR(WriteSentences(doc, article_id));
  NEWSFACTS_RETURN_IF_ERROR(WriteEntities(doc));
  NEWSFACTS_RETURN_IF_ERROR(WriteMentions(doc, article_id, run_id));
  NEWSFACTS_RETURN_IF_ERROR(WriteEntityNames(doc, article_id));
  NEWSFACTS_RETURN_IF_ERROR(WriteAmounts(doc, article_id, run_id));
  NEWSFACTS_RETURN_IF_ERROR(WriteClaims(doc, article_id, run_id));
  return WriteQuotes(doc, article_id, run_id);
}

Status FactStore::Impl::WriteSentences(const Document& doc, int64_t article_id) {
  sentence_ids.clear();
  const bool stores_text = StoresSentenceText(doc.text().size());
  const auto bind_row = [&](sqlite::Statement& insert, int before, size_t i) {
    const Sentence& sentence = doc.sentences()[i];
    insert.BindInt64(before + 1, article_id);
    insert.BindInt64(before + 2, static_cast<int64_t>(i));
    insert.BindInt64(before + 3, sentence.paragraph);
    BindSpan(insert, before + 4, sentence.span);
    if (stores_text) {
      insert.BindTextUnowned(before + 8, doc.Text(sentence.span));
    } else {
      insert.BindNull(before + 8);
    }
  };
  NEWSFACTS_RETURN_IF_ERROR(
      insert_sentences.Insert(*connection, doc.sentences().size(), bind_row, &sentence_ids));
  if (!sentence_ids.empty()) {
    if (first_unindexed_sentence == 0) first_unindexed_sentence = sentence_ids.front();
    last_unindexed_sentence = sentence_ids.back();
  }
  return Status::Ok();
}

Status FactStore::Impl::UpsertEntity(const Entity& entity, CachedEntity& row) {
  select_entity.BindText(1, entity.key);
  StatusOr<bool> found = select_entity.Step();
  if (!found.ok()) return found.status();
  if (*found) {
    row.id = select_entity.ColumnInt64(0);
    row.parent_key = select_entity.ColumnText(1);
    select_entity.Reset();
    if (entity.parent_key.empty() || entity.parent_key == row.parent_key) return Status::Ok();
    set_entity_parent.BindInt64(1, row.id);
    set_entity_parent.BindText(2, entity.parent_key);
    NEWSFACTS_RETURN_IF_ERROR(set_entity_parent.Run());
    row.parent_key = entity.parent_key;
    return Status::Ok();
  }
  select_entity.Reset();
  insert_entity.BindText(1, entity.key);
  insert_entity.BindText(2, entity.name);
  insert_entity.BindText(3, EntityTypeName(entity.type));
  insert_entity.BindTextOrNull(4, entity.parent_key);
  NEWSFACTS_RETURN_IF_ERROR(insert_entity.Run());
  row.id = connection->LastInsertRowId();
  row.parent_key = entity.parent_key;
  return Status::Ok();
}

Status FactStore::Impl::WriteEntities(const Document& doc) {
  entity_ids.clear();
  for (const Entity& entity : doc.entities()) {
    auto cached = entity_cache.find(entity.key);
    const bool unchanged =
        cached != entity_cache.end() &&
        (entity.parent_key.empty() || cached->second.parent_key == entity.parent_key);
    int64_t id = 0;
    if (unchanged) {
      id = cached->second.id;
    } else {
      CachedEntity row;
      NEWSFACTS_RETURN_IF_ERROR(UpsertEntity(entity, row));
      id = row.id;
      entity_cache[entity.key] = std::move(row);
    }
    entity_ids.push_back(id);
    for (const std::string& alias : entity.aliases) {
      if (alias.empty()) continue;
      std::string alias_key = std::to_string(id);
      alias_key.push_back('\0');
      alias_key += alias;
      if (alias_cache.count(alias_key) > 0) continue;
      insert_alias.BindInt64(1, id);
      insert_alias.BindText(2, alias);
      NEWSFACTS_RETURN_IF_ERROR(insert_alias.Run());
      alias_cache.insert(std::move(alias_key));
    }
  }
  return list_entities.Insert(*connection, entity_ids.size(),
                              [&](sqlite::Statement& insert, int before, size_t e) {
                                insert.BindInt64(before + 1, entity_ids[e]);
                              });
}

// The article's row is new, so its names can only clash among themselves: the first of its
// entities stored under an id names it.
Status FactStore::Impl::WriteEntityNames(const Document& doc, int64_t article_id) {
  name_written.assign(doc.entities().size(), false);
  named_entities.clear();
  written_names.clear();
  for (size_t e = 0; e < doc.entities().size(); ++e) {
    if (!named_entities.insert(entity_ids[e]).second) continue;
    name_written[e] = true;
    written_names.push_back(e);
  }
  return insert_entity_names.Insert(*connection, written_names.size(),
                                    [&](sqlite::Statement& insert, int before, size_t i) {
                                      const size_t e = written_names[i];
                                      insert.BindInt64(before + 1, entity_ids[e]);
                                      insert.BindInt64(before + 2, article_id);
                                      insert.BindTextUnowned(before + 3, doc.entities()[e].name);
                                    });
}

// Each mention votes for its type; each entity_names row votes for its name with the
// article's mentions of that entity (any of the article's entities stored under its id).
void FactStore::Impl::AddVotes(const Document& doc) {
  std::unordered_map<int64_t, std::pair<int64_t, int64_t>> mentions_of;  // id: all, gazetteer
  for (const Mention& mention : doc.mentions()) {
    const int64_t id = entity_ids[mention.entity];
    const bool gazetteer = mention.rule.view().starts_with("gazetteer:");
    votes.AddMention(id, EntityTypeName(mention.type), gazetteer);
    std::pair<int64_t, int64_t>& counts = mentions_of[id];
    ++counts.first;
    counts.second += gazetteer ? 1 : 0;
  }
  for (size_t e = 0; e < doc.entities().size(); ++e) {
    if (!name_written[e]) continue;
    const std::pair<int64_t, int64_t>& counts = mentions_of[entity_ids[e]];
    votes.AddName(entity_ids[e], doc.entities()[e].name, counts.first, counts.second);
  }
}

Status FactStore::Impl::WriteMentions(const Document& doc, int64_t article_id, int64_t run_id) {
  const auto bind_row = [&](sqlite::Statement& insert, int before, size_t i) {
    const Mention& mention = doc.mentions()[i];
    insert.BindInt64(before + 1, article_id);
    insert.BindInt64(before + 2, sentence_ids[mention.sentence]);
    insert.BindInt64(before + 3, static_cast<int64_t>(i));
    insert.BindInt64(before + 4, entity_ids[mention.entity]);
    insert.BindTextUnowned(before + 5, EntityTypeName(mention.type));
    insert.BindTextUnowned(before + 6, doc.Text(mention.span));
    BindSpan(insert, before + 7, mention.span);
    insert.BindTextUnowned(before + 11, mention.rule.view());  // interned: outlives the Run
    insert.BindInt64(before + 12, run_id);
  };
  return insert_mentions.Insert(*connection, doc.mentions().size(), bind_row);
}

Status FactStore::Impl::WriteAmounts(const Document& doc, int64_t article_id, int64_t run_id) {
  amount_ids.clear();
  for (size_t i = 0; i < doc.amounts().size(); ++i) {
    const Amount& amount = doc.amounts()[i];
    insert_amount.BindInt64(1, article_id);
    insert_amount.BindInt64(2, sentence_ids[amount.sentence]);
    insert_amount.BindInt64(3, static_cast<int64_t>(i));
    insert_amount.BindText(4, doc.Text(amount.span));
    insert_amount.BindOptionalText(5, amount.value);
    insert_amount.BindOptionalText(6, amount.low);
    insert_amount.BindOptionalText(7, amount.high);
    insert_amount.BindOptionalText(8, amount.currency);
    insert_amount.BindText(9, amount.currency_evidence);
    insert_amount.BindText(10, amount.qualifier);
    insert_amount.BindInt64(11, amount.vague ? 1 : 0);
    BindSpan(insert_amount, 12, amount.span);
    insert_amount.BindText(16, amount.rule);
    insert_amount.BindInt64(17, run_id);
    NEWSFACTS_RETURN_IF_ERROR(insert_amount.Run());
    amount_ids.push_back(connection->LastInsertRowId());
  }
  // Restated amounts may come later in the text than their conversion, so the links are
  // set once every amount has its row id.
  for (size_t i = 0; i < doc.amounts().size(); ++i) {
    const std::optional<size_t>& restates = doc.amounts()[i].restates;
    if (!restates.has_value()) continue;
    set_restates.BindInt64(1, amount_ids[*restates]);
    set_restates.BindInt64(2, amount_ids[i]);
    NEWSFACTS_RETURN_IF_ERROR(set_restates.Run());
  }
  return Status::Ok();
}

Status FactStore::Impl::WriteClaims(const Document& doc, int64_t article_id, int64_t run_id) {
  for (size_t i = 0; i < doc.claims().size(); ++i) {
    const Claim& claim = doc.claims()[i];
    insert_claim.BindInt64(1, article_id);
    insert_claim.BindInt64(2, sentence_ids[claim.sentence]);
    insert_claim.BindInt64(3, static_cast<int64_t>(i));
    insert_claim.BindText(4, claim.predicate);
    insert_claim.BindOptionalInt64(5, RowId(claim.subject, entity_ids));
    insert_claim.BindOptionalInt64(6, RowId(claim.object, entity_ids));
    insert_claim.BindTextOrNull(7, doc.Text(claim.subject_span));
    insert_claim.BindTextOrNull(8, doc.Text(claim.object_span));
    insert_claim.BindOptionalInt64(9, RowId(claim.amount, amount_ids));
    insert_claim.BindTextOrNull(10, claim.role);
    insert_claim.BindText(11, ClaimStatusName(claim.status));
    insert_claim.BindTextOrNull(12, claim.speaker);
    insert_claim.BindTextOrNull(13, claim.venue);
    BindSpan(insert_claim, 14, claim.span);
    insert_claim.BindText(18, claim.rule);
    insert_claim.BindInt64(19, run_id);
    insert_claim.BindTextOrNull(20, claim.amount_role);
    insert_claim.BindTextOrNull(21, claim.stage);
    insert_claim.BindTextOrNull(22, claim.event_date);
    insert_claim.BindTextOrNull(23, claim.event_date_text);
    insert_claim.BindTextOrNull(24, claim.event_date_rule);
    NEWSFACTS_RETURN_IF_ERROR(insert_claim.Run());
  }
  return Status::Ok();
}

Status FactStore::Impl::WriteQuotes(const Document& doc, int64_t article_id, int64_t run_id) {
  const auto bind_row = [&](sqlite::Statement& insert, int before, size_t i) {
    const Quote& quote = doc.quotes()[i];
    insert.BindInt64(before + 1, article_id);
    insert.BindInt64(before + 2, sentence_ids[quote.sentence]);
    insert.BindInt64(before + 3, static_cast<int64_t>(i));
    insert.BindTextUnowned(before + 4, doc.Text(quote.span));
    insert.BindTextOrNull(before + 5, quote.speaker);
    insert.BindOptionalInt64(before + 6, RowId(quote.speaker_entity, entity_ids));
    BindSpan(insert, before + 7, quote.span);
    insert.BindInt64(before + 11, run_id);
    insert.BindTextOrNull(before + 12, quote.venue);
  };
  return insert_quotes.Insert(*connection, doc.quotes().size(), bind_row);
}
}  // namespace newsfacts
