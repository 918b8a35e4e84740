// FactStore's private state, shared by the files that implement it (fact_store.cc: opening,
// runs and batches; fact_store_write.cc: writing and deleting articles; fact_store_layers.cc:
// the rows of an article's layers). Not a public header.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "db/fact_store.h"
#include "db/multi_row_insert.h"
#include "db/search_index_builder.h"
#include "db/sqlite.h"
#include "db/vote_tallies.h"

namespace newsfacts {

// Code point offsets of byte offsets of a text: the count at every kBlockBytes-th byte,
// and the bytes from there counted on each lookup (at most kBlockBytes - 1), so the table
// takes an eighth of the text, not eight times it (a count per byte of a 60 MB article took
// 480 MB, issue 16). Not thread-safe; reused across articles to keep its memory.
class CodePointOffsets {
 public:
  void Build(std::string_view text) {
    text_ = text;
    blocks_.resize(text.size() / kBlockBytes + 1);
    int64_t count = 0;
    for (size_t i = 0; i < text.size(); ++i) {
      if (i % kBlockBytes == 0) blocks_[i / kBlockBytes] = count;
      if (IsLeadByte(text[i])) ++count;
    }
    if (text.size() % kBlockBytes == 0) blocks_[text.size() / kBlockBytes] = count;
  }
  // The code point offset of byte offset `byte` (at most the text's size).
  int64_t operator[](size_t byte) const {
    int64_t count = blocks_[byte / kBlockBytes];
    for (size_t i = byte - byte % kBlockBytes; i < byte; ++i) count += IsLeadByte(text_[i]);
    return count;
  }

 private:
  static constexpr size_t kBlockBytes = 64;
  static bool IsLeadByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }

  std::string_view text_;
  std::vector<int64_t> blocks_;
};

// The page cache a store writes through: it keeps a batch's index pages from being re-read.
// 48 MiB adds articles to a store of 105 MB as fast as 64 did, with 4 or 16 KiB pages, and
// keeps ingest's peak RSS well under 300 MB.
inline constexpr std::string_view kPageCacheSize = "PRAGMA cache_size = -49152";

struct FactStore::Impl {
  // The id and parent the entities table holds for a key, so that known entities skip the
  // upsert (name and type are decided at commit, see db/entity_votes.h).
  struct CachedEntity {
    int64_t id = 0;
    std::string parent_key;
  };

  Status Prepare();
  // Prepares the statements of the source_files table (fact_store_files.cc).
  Status PrepareSourceFiles();
  // Writes `doc`, or nothing when `if_changed` and the stored article at its path and
  // record has `content_hash`; `releasable` as FactStore::WriteArticle says.
  StatusOr<ArticleWrite> Write(const Document& doc, std::string_view content_hash, int64_t run_id,
                               bool if_changed, Document* releasable);
  // Stores `doc` in place of the stored article of row id `stored_id` and text of
  // `stored_bytes` bytes (id 0: none, `doc` is new); with `releasable` (`doc` itself), text
  // last, its layers freed before (InsertTextLast).
  Status Replace(const Document& doc, std::string_view content_hash, int64_t run_id,
                 int64_t stored_id, int64_t stored_bytes, Document* releasable);
  // Readies the store for deleting stored articles, whose sentences leave sentences_fts by a
  // trigger and whose mentions take back their votes by others: a builder's sentences are put
  // in the index by a rebuild, those waiting are indexed when `sentences_wait` (some of those
  // about to go were written in this transaction), and the votes held are stored.
  Status ReadyToDelete(bool sentences_wait);
  // Deletes the stored articles of row ids `ids` (FactStore::DeleteArticles).
  Status DeleteArticles(std::span<const int64_t> ids);
  // Deletes the stored article of row id `stored_id` (0: none) and text of `stored_bytes`
  // bytes, then inserts `doc`: text last with `releasable` (InsertTextLast), else whole
  // (Insert).
  Status DeleteAndInsert(const Document& doc, std::string_view content_hash, int64_t run_id,
                         int64_t stored_id, int64_t stored_bytes, Document* releasable);
  // Deletes the sentences of the stored article of row id `article_id` and text of
  // `text_bytes` bytes, and the rows that name them, a slice of its sentences per statement.
  Status DeleteSentencesInSlices(int64_t article_id, int64_t text_bytes);
  // Inserts `doc`'s article row, stored under `path`, and the rows of its layers.
  Status Insert(const Document& doc, const std::string& path, std::string_view content_hash,
                int64_t run_id);
  // Inserts the rows of `doc`'s layers, adds its votes and frees its layers, then inserts its
  // article row under the id SQLite would give it; the foreign keys wait for the commit.
  Status InsertTextLast(Document& doc, const std::string& path, std::string_view content_hash,
                        int64_t run_id);
  // Binds insert_article to `doc`'s row, stored under `path`, with row id `id` (0: SQLite's).
  void BindArticleRow(const Document& doc, const std::string& path, std::string_view content_hash,
                      int64_t run_id, int64_t id);
  // Writes the rows of `doc`'s layers for its article row `article_id`.
  Status WriteLayers(const Document& doc, int64_t article_id, int64_t run_id);
  Status WriteSentences(const Document& doc, int64_t article_id);
  Status WriteEntities(const Document& doc);
  // Sets `row` to the id and parent of the entities row of `entity.key`, inserting the row when
  // there is none; a known parent replaces the stored one, an unknown one keeps it.
  Status UpsertEntity(const Entity& entity, CachedEntity& row);
  Status WriteMentions(const Document& doc, int64_t article_id, int64_t run_id);
  Status WriteEntityNames(const Document& doc, int64_t article_id);
  Status WriteAmounts(const Document& doc, int64_t article_id, int64_t run_id);
  Status WriteClaims(const Document& doc, int64_t article_id, int64_t run_id);
  Status WriteQuotes(const Document& doc, int64_t article_id, int64_t run_id);
  // Adds the votes of the mentions and entity_names rows just written for `doc` to `votes`.
  void AddVotes(const Document& doc);
  // Binds the byte and code point offsets of `span` to parameters `first`..`first + 3`.
  void BindSpan(sqlite::Statement& statement, int first, const Span& span) const;
  // Forgets cached ids: a rollback may have removed the rows they name.
  void ForgetCaches();
  // Closes the open batch, rolling back what it wrote, and forgets what waited for its commit.
  void DiscardBatch();
  // A transaction of its own for a write outside any batch; null inside one, whose
  // transaction the write joins.
  StatusOr<std::unique_ptr<sqlite::Transaction>> TransactionUnlessBatch();
  // Adds the sentences from `first_unindexed_sentence` to `last_unindexed_sentence` to
  // sentences_fts, thousands per statement that reads them back through the sentences view.
  // Called outside any article savepoint (but for a long article): FTS5 writes its pending index to
  // disk at every savepoint, which cost a fifth of the store's time when each article's savepoint
  // did it.
  Status IndexWaitingSentences();
  // The same, `per_statement` sentences per statement. With a search index builder, leaves
  // them to it; after a builder stopped early, rebuilds the index instead, once per transaction.
  Status IndexWaitingSentences(int64_t per_statement);
  // Stops the search index builder, if any; the next transaction that indexes sentences
  // rebuilds the index (a sentence cannot leave an index that lacks it).
  void StopSearchBuilder();
  // Rebuilds sentences_fts in the open transaction if a builder stopped early and this
  // transaction has not rebuilt it yet.
  Status RebuildSearchIndexIfStale();
  // At the end of a run, with no transaction open: waits for the builder to index what it was
  // asked and has it put its index in the store; when it cannot, rebuilds the index in a
  // transaction of its own.
  Status PutBuiltSearchIndex();
  // After a commit: hands the builder the sentences committed so far, and forgets a stale
  // index that the transaction rebuilt.
  void OnCommitted();

  // Declared first so that it is destroyed after the statements and the batch using it.
  std::unique_ptr<sqlite::Connection> connection;
  sqlite::Statement select_stored;
  MultiRowInsert insert_entity_names{"INSERT INTO entity_names (entity_id, article_id, name)", 3};
  MultiRowInsert list_entities{"INSERT OR IGNORE INTO temp.entities_to_decide (id)", 1};
  sqlite::Statement list_replaced_entities;
  // Delete an article's rows from each table that has any (fact_store_write.cc).
  sqlite::Statement delete_article;
  sqlite::Statement insert_article;
  MultiRowInsert insert_sentences{
      "INSERT INTO sentence_spans (article_id, sentence_index, paragraph, start_byte, end_byte, "
      "start_char, end_char, stored_text)",
      8};
  sqlite::Statement index_sentences;
  sqlite::Statement select_entity;
  sqlite::Statement insert_entity;
  sqlite::Statement set_entity_parent;
  sqlite::Statement insert_alias;
  MultiRowInsert insert_mentions{
      "INSERT INTO mentions (article_id, sentence_id, mention_index, entity_id, type, text, "
      "start_byte, end_byte, start_char, end_char, rule, run_id)",
      12};
  sqlite::Statement insert_amount;
  sqlite::Statement set_restates;
  sqlite::Statement insert_claim;
  MultiRowInsert insert_quotes{
      "INSERT INTO quotes (article_id, sentence_id, quote_index, text, speaker, "
      "speaker_entity_id, start_byte, end_byte, start_char, end_char, run_id, venue)",
      12};
  sqlite::Statement insert_run;
  sqlite::Statement finish_run;
  sqlite::Statement update_run_counts;
  sqlite::Statement select_hashes;
  sqlite::Statement select_stale;
  sqlite::Statement select_article;
  sqlite::Statement select_source_files;
  sqlite::Statement upsert_source_file;
  sqlite::Statement select_finished_run;
  sqlite::Statement select_any_stale;
  std::unique_ptr<sqlite::Transaction> batch;
  BatchMode batch_mode = BatchMode::kArticleSavepoints;
  // Set when SQLite rolled back the open batch by itself after an error.
  Status lost_batch;

  std::unordered_map<std::string, CachedEntity> entity_cache;
  std::unordered_set<std::string> alias_cache;  // entity id, NUL, alias
  // The first of the sentences stored in this transaction but not yet in sentences_fts, or 0
  // for none: every sentence from it on (row ids only grow) was written since, so the index
  // takes them by id, without holding copies of their texts (a copy per sentence was a
  // tenth of the store's time, issue 16).
  int64_t first_unindexed_sentence = 0;
  // The last sentence stored in this transaction; the waiting ones end there or before (a
  // rolled-back article leaves no rows in the range).
  int64_t last_unindexed_sentence = 0;
  // Builds the search index of a run into an empty database beside this thread (null
  // otherwise); it reads what each commit added (db/search_index_builder.h).
  std::unique_ptr<SearchIndexBuilder> search_builder;
  int busy_timeout_ms = sqlite::Connection::kDefaultBusyTimeoutMs;
  // Set when a builder stopped before its end, so sentences_fts lacks committed sentences;
  // cleared when a transaction that rebuilt it commits (search_index_rebuilt).
  bool search_index_stale = false;
  bool search_index_rebuilt = false;  // by the open transaction
  // Votes of the rows written in this transaction not yet in the tally tables. Stored before
  // an article is deleted (its delete triggers take its votes away) and before deciding.
  VoteTallies votes;
  // Per-article scratch, kept to reuse its memory.
  CodePointOffsets chars;
  std::vector<int64_t> sentence_ids;
  std::vector<int64_t> entity_ids;
  std::vector<int64_t> amount_ids;
  std::vector<bool> name_written;              // per entity: its entity_names row was inserted
  std::unordered_set<int64_t> named_entities;  // WriteEntityNames: the ids named so far
  std::vector<size_t> written_names;           // WriteEntityNames: the entities it names
};

}  // namespace newsfacts
