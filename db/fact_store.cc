// FactStore: writes articles and their annotation layers to SQLite with cached prepared
// statements, one savepoint per article inside batch transactions.
#include "db/fact_store.h"

#include <unistd.h>

#include <ctime>
#include <filesystem>
#include <optional>
#include <unordered_set>
#include <utility>
#include <vector>

#include "db/document_check.h"
#include "db/migrations.h"
#include "db/sqlite.h"

namespace newsfacts {
namespace {

constexpr char kArticleSavepoint[] = "article";

constexpr std::string_view kDeleteArticle =
    "DELETE FROM articles WHERE path = ?1 AND record_index = ?2";
constexpr std::string_view kInsertArticle =
    "INSERT INTO articles (path, record_index, content_hash, title, source, url, published, "
    "text, byte_length, repaired_sequences, run_id) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)";
constexpr std::string_view kInsertSentence =
    "INSERT INTO sentences (article_id, sentence_index, paragraph, start_byte, end_byte, "
    "start_char, end_char, text) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
// The store indexes its sentences itself: see db/migrations/0003_fts_written_by_store.sql.
constexpr std::string_view kIndexSentence =
    "INSERT INTO sentences_fts (rowid, text) VALUES (?1, ?2)";
// A later article may know an entity's parent when an earlier one did not; it never
// forgets one.
constexpr std::string_view kUpsertEntity =
    "INSERT INTO entities (key, name, type, parent_key) VALUES (?1, ?2, ?3, ?4) "
    "ON CONFLICT (key) DO UPDATE SET name = excluded.name, type = excluded.type, "
    "parent_key = coalesce(excluded.parent_key, entities.parent_key) RETURNING id";
constexpr std::string_view kInsertAlias =
    "INSERT OR IGNORE INTO aliases (entity_id, alias) VALUES (?1, ?2)";
constexpr std::string_view kInsertMention =
    "INSERT INTO mentions (article_id, sentence_id, mention_index, entity_id, type, text, "
    "start_byte, end_byte, start_char, end_char, rule, run_id) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)";
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
constexpr std::string_view kInsertQuote =
    "INSERT INTO quotes (article_id, sentence_id, quote_index, text, speaker, "
    "speaker_entity_id, start_byte, end_byte, start_char, end_char, run_id, venue) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)";
constexpr std::string_view kInsertRun =
    "INSERT INTO runs (tool_version, rules_fingerprint, started_at) VALUES (?1, ?2, ?3)";
constexpr std::string_view kFinishRun =
    "UPDATE runs SET finished_at = ?2, articles_added = ?3, articles_replaced = ?4, "
    "articles_unchanged = ?5, articles_failed = ?6, articles_reextracted = ?7 WHERE id = ?1";
constexpr std::string_view kSelectHashes = "SELECT path, record_index, content_hash FROM articles";
constexpr std::string_view kSelectStale =
    "SELECT a.id FROM articles a JOIN runs r ON r.id = a.run_id WHERE a.run_id <> ?1 "
    "AND (?4 OR r.tool_version <> ?2 OR r.rules_fingerprint <> ?3) ORDER BY a.id";
constexpr std::string_view kSelectArticle =
    "SELECT path, record_index, title, source, url, published, repaired_sequences, text, "
    "content_hash FROM articles WHERE id = ?1";

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

// Code point offsets of every byte offset of a text, built in one pass so that converting
// a span costs two lookups. Not thread-safe; reused across articles to keep its memory.
class CodePointOffsets {
 public:
  void Build(std::string_view text) {
    offsets_.resize(text.size() + 1);
    int64_t count = 0;
    for (size_t i = 0; i < text.size(); ++i) {
      offsets_[i] = count;
      if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++count;
    }
    offsets_[text.size()] = count;
  }
  int64_t operator[](size_t byte) const { return offsets_[byte]; }

 private:
  std::vector<int64_t> offsets_;
};

bool CanWrite(const std::string& path) { return access(path.c_str(), W_OK) == 0; }

Status ReadOnlyError(const std::string& path) {
  return Status::ReadOnly(path +
                          ": database is read-only; check the permissions of the file and its "
                          "folder, or use a writable copy");
}

// The row id of the layer element `index` points at, or nullopt when it points nowhere.
std::optional<int64_t> RowId(const std::optional<size_t>& index, const std::vector<int64_t>& ids) {
  if (!index.has_value()) return std::nullopt;
  return ids[*index];
}

}  // namespace

struct FactStore::Impl {
  // What the entities table holds for a key, so unchanged entities skip the upsert.
  struct CachedEntity {
    int64_t id = 0;
    std::string name;
    EntityType type = EntityType::kOrg;
    std::string parent_key;
  };

  Status Prepare();
  Status Write(const Document& doc, std::string_view content_hash, int64_t run_id);
  Status WriteSentences(const Document& doc, int64_t article_id);
  Status WriteEntities(const Document& doc);
  Status WriteMentions(const Document& doc, int64_t article_id, int64_t run_id);
  Status WriteAmounts(const Document& doc, int64_t article_id, int64_t run_id);
  Status WriteClaims(const Document& doc, int64_t article_id, int64_t run_id);
  Status WriteQuotes(const Document& doc, int64_t article_id, int64_t run_id);
  // Binds the byte and code point offsets of `span` to parameters `first`..`first + 3`.
  void BindSpan(sqlite::Statement& statement, int first, const Span& span) const;
  // Forgets cached ids: a rollback may have removed the rows they name.
  void ForgetCaches();

  // Declared first so that it is destroyed after the statements and the batch using it.
  std::unique_ptr<sqlite::Connection> connection;
  sqlite::Statement delete_article;
  sqlite::Statement insert_article;
  sqlite::Statement insert_sentence;
  sqlite::Statement index_sentence;
  sqlite::Statement upsert_entity;
  sqlite::Statement insert_alias;
  sqlite::Statement insert_mention;
  sqlite::Statement insert_amount;
  sqlite::Statement set_restates;
  sqlite::Statement insert_claim;
  sqlite::Statement insert_quote;
  sqlite::Statement insert_run;
  sqlite::Statement finish_run;
  sqlite::Statement select_hashes;
  sqlite::Statement select_stale;
  sqlite::Statement select_article;
  std::unique_ptr<sqlite::Transaction> batch;
  // Set when SQLite rolled back the open batch by itself after an error.
  Status lost_batch;

  std::unordered_map<std::string, CachedEntity> entity_cache;
  std::unordered_set<std::string> alias_cache;  // entity id, NUL, alias
  // Per-article scratch, kept to reuse its memory.
  CodePointOffsets chars;
  std::vector<int64_t> sentence_ids;
  std::vector<int64_t> entity_ids;
  std::vector<int64_t> amount_ids;
};

Status FactStore::Impl::Prepare() {
  const std::pair<sqlite::Statement*, std::string_view> statements[] = {
      {&delete_article, kDeleteArticle},   {&insert_article, kInsertArticle},
      {&insert_sentence, kInsertSentence}, {&upsert_entity, kUpsertEntity},
      {&insert_alias, kInsertAlias},       {&insert_mention, kInsertMention},
      {&insert_amount, kInsertAmount},     {&set_restates, kSetRestates},
      {&insert_claim, kInsertClaim},       {&insert_quote, kInsertQuote},
      {&insert_run, kInsertRun},           {&finish_run, kFinishRun},
      {&select_hashes, kSelectHashes},     {&index_sentence, kIndexSentence},
      {&select_stale, kSelectStale},       {&select_article, kSelectArticle},
  };
  for (const auto& [statement, sql] : statements) {
    StatusOr<sqlite::Statement> prepared = connection->Prepare(sql);
    if (!prepared.ok()) return prepared.status();
    *statement = std::move(*prepared);
  }
  return Status::Ok();
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

Status FactStore::Impl::Write(const Document& doc, std::string_view content_hash, int64_t run_id) {
  std::unique_ptr<sqlite::Transaction> own_transaction;
  if (batch == nullptr) {
    StatusOr<std::unique_ptr<sqlite::Transaction>> begun = sqlite::Transaction::Begin(*connection);
    if (!begun.ok()) return begun.status();
    own_transaction = std::move(*begun);
  }
  StatusOr<std::unique_ptr<sqlite::Savepoint>> savepoint =
      sqlite::Savepoint::Begin(*connection, kArticleSavepoint);
  if (!savepoint.ok()) return savepoint.status();

  const ArticleMeta& meta = doc.meta();
  delete_article.BindText(1, meta.path);
  delete_article.BindInt64(2, meta.record_index);
  NEWSFACTS_RETURN_IF_ERROR(delete_article.Run());

  insert_article.BindText(1, meta.path);
  insert_article.BindInt64(2, meta.record_index);
  insert_article.BindText(3, content_hash);
  insert_article.BindTextOrNull(4, meta.title);
  insert_article.BindTextOrNull(5, meta.source);
  insert_article.BindTextOrNull(6, meta.url);
  insert_article.BindTextOrNull(7, meta.published);
  insert_article.BindText(8, doc.text());
  insert_article.BindInt64(9, static_cast<int64_t>(doc.text().size()));
  insert_article.BindInt64(10, static_cast<int64_t>(doc.repaired_sequences()));
  insert_article.BindInt64(11, run_id);
  NEWSFACTS_RETURN_IF_ERROR(insert_article.Run());
  const int64_t article_id = connection->LastInsertRowId();

  chars.Build(doc.text());
  NEWSFACTS_RETURN_IF_ERROR(WriteSentences(doc, article_id));
  NEWSFACTS_RETURN_IF_ERROR(WriteEntities(doc));
  NEWSFACTS_RETURN_IF_ERROR(WriteMentions(doc, article_id, run_id));
  NEWSFACTS_RETURN_IF_ERROR(WriteAmounts(doc, article_id, run_id));
  NEWSFACTS_RETURN_IF_ERROR(WriteClaims(doc, article_id, run_id));
  NEWSFACTS_RETURN_IF_ERROR(WriteQuotes(doc, article_id, run_id));

  NEWSFACTS_RETURN_IF_ERROR((*savepoint)->Release());
  if (own_transaction != nullptr) return own_transaction->Commit();
  return Status::Ok();
}

Status FactStore::Impl::WriteSentences(const Document& doc, int64_t article_id) {
  sentence_ids.clear();
  for (size_t i = 0; i < doc.sentences().size(); ++i) {
    const Sentence& sentence = doc.sentences()[i];
    insert_sentence.BindInt64(1, article_id);
    insert_sentence.BindInt64(2, static_cast<int64_t>(i));
    insert_sentence.BindInt64(3, sentence.paragraph);
    BindSpan(insert_sentence, 4, sentence.span);
    insert_sentence.BindText(8, doc.Text(sentence.span));
    NEWSFACTS_RETURN_IF_ERROR(insert_sentence.Run());
    sentence_ids.push_back(connection->LastInsertRowId());
    index_sentence.BindInt64(1, sentence_ids.back());
    index_sentence.BindText(2, doc.Text(sentence.span));
    NEWSFACTS_RETURN_IF_ERROR(index_sentence.Run());
  }
  return Status::Ok();
}

Status FactStore::Impl::WriteEntities(const Document& doc) {
  entity_ids.clear();
  for (const Entity& entity : doc.entities()) {
    auto cached = entity_cache.find(entity.key);
    const bool unchanged =
        cached != entity_cache.end() && cached->second.name == entity.name &&
        cached->second.type == entity.type &&
        (entity.parent_key.empty() || cached->second.parent_key == entity.parent_key);
    int64_t id = 0;
    if (unchanged) {
      id = cached->second.id;
    } else {
      upsert_entity.BindText(1, entity.key);
      upsert_entity.BindText(2, entity.name);
      upsert_entity.BindText(3, EntityTypeName(entity.type));
      upsert_entity.BindTextOrNull(4, entity.parent_key);
      StatusOr<bool> row = upsert_entity.Step();
      if (!row.ok()) return row.status();
      if (!*row) {
        upsert_entity.Reset();
        return Status::Internal(connection->path() + ": entity upsert returned no id");
      }
      id = upsert_entity.ColumnInt64(0);
      upsert_entity.Reset();
      CachedEntity& slot = entity_cache[entity.key];
      slot.id = id;
      slot.name = entity.name;
      slot.type = entity.type;
      if (!entity.parent_key.empty()) slot.parent_key = entity.parent_key;
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
  return Status::Ok();
}

Status FactStore::Impl::WriteMentions(const Document& doc, int64_t article_id, int64_t run_id) {
  for (size_t i = 0; i < doc.mentions().size(); ++i) {
    const Mention& mention = doc.mentions()[i];
    insert_mention.BindInt64(1, article_id);
    insert_mention.BindInt64(2, sentence_ids[mention.sentence]);
    insert_mention.BindInt64(3, static_cast<int64_t>(i));
    insert_mention.BindInt64(4, entity_ids[mention.entity]);
    insert_mention.BindText(5, EntityTypeName(mention.type));
    insert_mention.BindText(6, doc.Text(mention.span));
    BindSpan(insert_mention, 7, mention.span);
    insert_mention.BindText(11, mention.rule);
    insert_mention.BindInt64(12, run_id);
    NEWSFACTS_RETURN_IF_ERROR(insert_mention.Run());
  }
  return Status::Ok();
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
  for (size_t i = 0; i < doc.quotes().size(); ++i) {
    const Quote& quote = doc.quotes()[i];
    insert_quote.BindInt64(1, article_id);
    insert_quote.BindInt64(2, sentence_ids[quote.sentence]);
    insert_quote.BindInt64(3, static_cast<int64_t>(i));
    insert_quote.BindText(4, doc.Text(quote.span));
    insert_quote.BindTextOrNull(5, quote.speaker);
    insert_quote.BindOptionalInt64(6, RowId(quote.speaker_entity, entity_ids));
    BindSpan(insert_quote, 7, quote.span);
    insert_quote.BindInt64(11, run_id);
    insert_quote.BindTextOrNull(12, quote.venue);
    NEWSFACTS_RETURN_IF_ERROR(insert_quote.Run());
  }
  return Status::Ok();
}

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
  sqlite::Connection& db = *impl->connection;
  // WAL lets `newsfacts query` and other readers work during an ingest; NORMAL sync is
  // durable across application crashes and only risks the last commits on power loss.
  NEWSFACTS_RETURN_IF_ERROR(db.Exec("PRAGMA journal_mode = WAL"));
  NEWSFACTS_RETURN_IF_ERROR(db.Exec("PRAGMA synchronous = NORMAL"));
  NEWSFACTS_RETURN_IF_ERROR(db.Exec("PRAGMA foreign_keys = ON"));
  // The per-article savepoints keep a statement journal; in a temp file it cost a third of
  // ingest time. A 64 MiB page cache keeps a batch's index pages from being re-read.
  NEWSFACTS_RETURN_IF_ERROR(db.Exec("PRAGMA temp_store = MEMORY"));
  NEWSFACTS_RETURN_IF_ERROR(db.Exec("PRAGMA cache_size = -65536"));
  NEWSFACTS_RETURN_IF_ERROR(ApplyMigrations(db));
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
  sqlite::Statement& insert = impl_->insert_run;
  insert.BindText(1, info.tool_version);
  insert.BindText(2, info.rules_fingerprint);
  insert.BindText(3, UtcNow());
  NEWSFACTS_RETURN_IF_ERROR(insert.Run());
  return impl_->connection->LastInsertRowId();
}

Status FactStore::FinishRun(int64_t run_id, const RunCounts& counts) {
  sqlite::Statement& update = impl_->finish_run;
  update.BindInt64(1, run_id);
  update.BindText(2, UtcNow());
  update.BindInt64(3, counts.articles_added);
  update.BindInt64(4, counts.articles_replaced);
  update.BindInt64(5, counts.articles_unchanged);
  update.BindInt64(6, counts.articles_failed);
  update.BindInt64(7, counts.articles_reextracted);
  NEWSFACTS_RETURN_IF_ERROR(update.Run());
  if (impl_->connection->Changes() == 0) {
    return Status::NotFound(impl_->connection->path() + ": no run " + std::to_string(run_id));
  }
  return Status::Ok();
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
  return article;
}

Status FactStore::BeginBatch() {
  if (impl_->batch != nullptr) {
    return Status::FailedPrecondition(impl_->connection->path() + ": a batch is already open");
  }
  StatusOr<std::unique_ptr<sqlite::Transaction>> batch =
      sqlite::Transaction::Begin(*impl_->connection);
  if (!batch.ok()) return batch.status();
  impl_->batch = std::move(*batch);
  impl_->lost_batch = Status::Ok();
  return Status::Ok();
}

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
  Status status = batch->Commit();
  if (!status.ok()) impl_->ForgetCaches();
  return status;
}

Status FactStore::WriteArticle(const Document& doc, std::string_view content_hash, int64_t run_id) {
  const std::string label = ArticleLabel(doc.meta());
  NEWSFACTS_RETURN_IF_ERROR(ValidateDocument(doc).WithContext(label));
  if (!impl_->lost_batch.ok()) return impl_->lost_batch.WithContext(label);
  Status status = impl_->Write(doc, content_hash, run_id);
  if (status.ok()) return status;
  impl_->ForgetCaches();
  if (impl_->batch != nullptr && !impl_->connection->InTransaction()) {
    // Some errors (disk full, I/O) make SQLite roll back the whole transaction: the
    // articles written earlier in this batch are gone too, and CommitBatch must say so.
    impl_->batch.reset();
    impl_->lost_batch = Status::IoError(
        impl_->connection->path() +
        ": the batch was rolled back after an error; its articles were not stored: " +
        status.message());
  }
  return status.WithContext(label);
}

}  // namespace newsfacts
