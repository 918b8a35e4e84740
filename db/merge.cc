// MergeDatabases: attaches each input read-only and copies its rows with INSERT ... SELECT,
// shifting row ids past the output's largest ones and mapping entities by canonical key.
#include "db/merge.h"

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "db/entity_votes.h"
#include "db/migrations.h"
#include "db/read_only_database.h"
#include "db/search_index_builder.h"
#include "db/sentence_text.h"
#include "db/sqlite.h"
#include "db/stored_comparisons.h"

namespace newsfacts {
namespace {

// Scratch tables of one input, in the connection's temp schema.
constexpr std::string_view kDropScratch =
    "DROP TABLE IF EXISTS temp.merge_offsets; DROP TABLE IF EXISTS temp.merge_articles; "
    "DROP TABLE IF EXISTS temp.merge_entities";

// Each copied row id is shifted by the output's largest id of its table, so ids stay
// unique and the input's references can be rewritten by adding the same offset.
constexpr std::string_view kOffsets =
    "CREATE TEMP TABLE merge_offsets AS SELECT "
    "(SELECT coalesce(max(id), 0) FROM main.runs) AS run, "
    "(SELECT coalesce(max(id), 0) FROM main.articles) AS article, "
    "(SELECT coalesce(max(id), 0) FROM main.sentence_spans) AS sentence, "
    "(SELECT coalesce(max(id), 0) FROM main.mentions) AS mention, "
    "(SELECT coalesce(max(id), 0) FROM main.amounts) AS amount, "
    "(SELECT coalesce(max(id), 0) FROM main.claims) AS claim, "
    "(SELECT coalesce(max(id), 0) FROM main.quotes) AS quote";

constexpr std::string_view kCountDuplicates =
    "SELECT count(*) FROM src.articles s WHERE EXISTS "
    "(SELECT 1 FROM main.articles m WHERE m.content_hash = s.content_hash)";
constexpr std::string_view kSelectConflicting =
    "SELECT s.path, s.record_index FROM src.articles s WHERE NOT EXISTS "
    "(SELECT 1 FROM main.articles m WHERE m.content_hash = s.content_hash) AND EXISTS "
    "(SELECT 1 FROM main.articles m WHERE m.path = s.path AND m.record_index = s.record_index) "
    "ORDER BY s.id";
// The input articles to copy, chosen against the output as it was before this input, so
// that two copies of one text inside one input stay two articles, as ingest keeps them.
constexpr std::string_view kSelectArticles =
    "CREATE TEMP TABLE merge_articles AS SELECT s.id AS src_id FROM src.articles s "
    "WHERE NOT EXISTS (SELECT 1 FROM main.articles m WHERE m.content_hash = s.content_hash) "
    "AND NOT EXISTS "
    "(SELECT 1 FROM main.articles m WHERE m.path = s.path AND m.record_index = s.record_index)";

// Runs of schema version 1 have no articles_reextracted column.
constexpr std::string_view kCopyRunsVersion1 =
    "INSERT INTO main.runs (id, tool_version, rules_fingerprint, started_at, finished_at, "
    "articles_added, articles_replaced, articles_unchanged, articles_failed) "
    "SELECT r.id + o.run, r.tool_version, r.rules_fingerprint, r.started_at, r.finished_at, "
    "r.articles_added, r.articles_replaced, r.articles_unchanged, r.articles_failed "
    "FROM src.runs r, temp.merge_offsets o ORDER BY r.id";
constexpr std::string_view kCopyRuns =
    "INSERT INTO main.runs (id, tool_version, rules_fingerprint, started_at, finished_at, "
    "articles_added, articles_replaced, articles_unchanged, articles_failed, "
    "articles_reextracted) "
    "SELECT r.id + o.run, r.tool_version, r.rules_fingerprint, r.started_at, r.finished_at, "
    "r.articles_added, r.articles_replaced, r.articles_unchanged, r.articles_failed, "
    "r.articles_reextracted FROM src.runs r, temp.merge_offsets o ORDER BY r.id";
// As FactStore writes entities: a known parent is never lost; name and type are decided
// from all merged articles at the end (db/entity_votes.h).
constexpr std::string_view kCopyEntities =
    "INSERT INTO main.entities (key, name, type, parent_key) "
    "SELECT key, name, type, parent_key FROM src.entities WHERE true ORDER BY id "
    "ON CONFLICT (key) DO UPDATE SET "
    "parent_key = coalesce(excluded.parent_key, entities.parent_key)";
constexpr std::string_view kMapEntities =
    "CREATE TEMP TABLE merge_entities AS SELECT s.id AS src_id, m.id AS dst_id "
    "FROM src.entities s JOIN main.entities m ON m.key = s.key";
constexpr std::string_view kCopyAliases =
    "INSERT OR IGNORE INTO main.aliases (entity_id, alias) "
    "SELECT e.dst_id, a.alias FROM src.aliases a JOIN temp.merge_entities e "
    "ON e.src_id = a.entity_id";
// Inputs of schema version 6 and later also have path_bytes.
constexpr std::string_view kCopyArticles =
    "INSERT INTO main.articles (id, path, record_index, content_hash, title, source, url, "
    "published, text, byte_length, repaired_sequences, run_id, path_bytes) "
    "SELECT a.id + o.article, a.path, a.record_index, a.content_hash, a.title, a.source, "
    "a.url, a.published, a.text, a.byte_length, a.repaired_sequences, a.run_id + o.run, "
    "a.path_bytes "
    "FROM src.articles a JOIN temp.merge_articles k ON k.src_id = a.id, temp.merge_offsets o "
    "ORDER BY a.id";
constexpr std::string_view kCopyArticlesBeforeVersion6 =
    "INSERT INTO main.articles (id, path, record_index, content_hash, title, source, url, "
    "published, text, byte_length, repaired_sequences, run_id) "
    "SELECT a.id + o.article, a.path, a.record_index, a.content_hash, a.title, a.source, "
    "a.url, a.published, a.text, a.byte_length, a.repaired_sequences, a.run_id + o.run "
    "FROM src.articles a JOIN temp.merge_articles k ON k.src_id = a.id, temp.merge_offsets o "
    "ORDER BY a.id";
// An input of any schema version gives each sentence's text through src.sentences (a table
// before version 14, a view since); the output keeps it only for long articles.
const std::string& CopySentencesSql() {
  static const std::string sql =
      "INSERT INTO main.sentence_spans (id, article_id, sentence_index, paragraph, start_byte, "
      "end_byte, start_char, end_char, stored_text) "
      "SELECT s.id + o.sentence, s.article_id + o.article, s.sentence_index, s.paragraph, "
      "s.start_byte, s.end_byte, s.start_char, s.end_char, "
      "CASE WHEN a.byte_length > " +
      std::to_string(kMaxArticleBytesForSentenceSpans) +
      " THEN s.text END "
      "FROM src.sentences s JOIN temp.merge_articles k ON k.src_id = s.article_id "
      "JOIN src.articles a ON a.id = s.article_id, temp.merge_offsets o ORDER BY s.id";
  return sql;
}
// Merge adds sentences to the full-text index itself (no insert trigger since migration 3);
// the sentences it copied are those above the offset.
constexpr std::string_view kIndexSentences =
    "INSERT INTO main.sentences_fts (rowid, text) SELECT s.id, s.text FROM main.sentences s "
    "WHERE s.id > (SELECT sentence FROM temp.merge_offsets) ORDER BY s.id";
constexpr std::string_view kCopyMentions =
    "INSERT INTO main.mentions (id, article_id, sentence_id, mention_index, entity_id, type, "
    "text, start_byte, end_byte, start_char, end_char, rule, run_id) "
    "SELECT m.id + o.mention, m.article_id + o.article, m.sentence_id + o.sentence, "
    "m.mention_index, e.dst_id, m.type, m.text, m.start_byte, m.end_byte, m.start_char, "
    "m.end_char, m.rule, m.run_id + o.run "
    "FROM src.mentions m JOIN temp.merge_articles k ON k.src_id = m.article_id "
    "JOIN temp.merge_entities e ON e.src_id = m.entity_id, temp.merge_offsets o ORDER BY m.id";
constexpr std::string_view kCopyAmounts =
    "INSERT INTO main.amounts (id, article_id, sentence_id, amount_index, text, value, low, "
    "high, currency, currency_evidence, qualifier, vague, restates_id, start_byte, end_byte, "
    "start_char, end_char, rule, run_id) "
    "SELECT a.id + o.amount, a.article_id + o.article, a.sentence_id + o.sentence, "
    "a.amount_index, a.text, a.value, a.low, a.high, a.currency, a.currency_evidence, "
    "a.qualifier, a.vague, a.restates_id + o.amount, a.start_byte, a.end_byte, a.start_char, "
    "a.end_char, a.rule, a.run_id + o.run "
    "FROM src.amounts a JOIN temp.merge_articles k ON k.src_id = a.article_id, "
    "temp.merge_offsets o ORDER BY a.id";
// Claims and quotes of schema version 7 and later carry amount_role, stage, event dates and
// quote venues; older inputs leave them NULL.
constexpr std::string_view kCopyClaims =
    "INSERT INTO main.claims (id, article_id, sentence_id, claim_index, predicate, subject_id, "
    "object_id, subject_text, object_text, amount_id, role, status, speaker, venue, "
    "start_byte, end_byte, start_char, end_char, rule, run_id, amount_role, stage, event_date, "
    "event_date_text, event_date_rule) "
    "SELECT c.id + o.claim, c.article_id + o.article, c.sentence_id + o.sentence, "
    "c.claim_index, c.predicate, es.dst_id, eo.dst_id, c.subject_text, c.object_text, "
    "c.amount_id + o.amount, c.role, c.status, c.speaker, c.venue, c.start_byte, c.end_byte, "
    "c.start_char, c.end_char, c.rule, c.run_id + o.run, c.amount_role, c.stage, c.event_date, "
    "c.event_date_text, c.event_date_rule "
    "FROM src.claims c JOIN temp.merge_articles k ON k.src_id = c.article_id "
    "LEFT JOIN temp.merge_entities es ON es.src_id = c.subject_id "
    "LEFT JOIN temp.merge_entities eo ON eo.src_id = c.object_id, temp.merge_offsets o "
    "ORDER BY c.id";
constexpr std::string_view kCopyQuotes =
    "INSERT INTO main.quotes (id, article_id, sentence_id, quote_index, text, speaker, "
    "speaker_entity_id, start_byte, end_byte, start_char, end_char, run_id, venue) "
    "SELECT q.id + o.quote, q.article_id + o.article, q.sentence_id + o.sentence, "
    "q.quote_index, q.text, q.speaker, e.dst_id, q.start_byte, q.end_byte, q.start_char, "
    "q.end_char, q.run_id + o.run, q.venue "
    "FROM src.quotes q JOIN temp.merge_articles k ON k.src_id = q.article_id "
    "LEFT JOIN temp.merge_entities e ON e.src_id = q.speaker_entity_id, temp.merge_offsets o "
    "ORDER BY q.id";
// Inputs of schema version 6 and earlier.
constexpr std::string_view kCopyClaimsBeforeVersion7 =
    "INSERT INTO main.claims (id, article_id, sentence_id, claim_index, predicate, subject_id, "
    "object_id, subject_text, object_text, amount_id, role, status, speaker, venue, "
    "start_byte, end_byte, start_char, end_char, rule, run_id) "
    "SELECT c.id + o.claim, c.article_id + o.article, c.sentence_id + o.sentence, "
    "c.claim_index, c.predicate, es.dst_id, eo.dst_id, c.subject_text, c.object_text, "
    "c.amount_id + o.amount, c.role, c.status, c.speaker, c.venue, c.start_byte, c.end_byte, "
    "c.start_char, c.end_char, c.rule, c.run_id + o.run "
    "FROM src.claims c JOIN temp.merge_articles k ON k.src_id = c.article_id "
    "LEFT JOIN temp.merge_entities es ON es.src_id = c.subject_id "
    "LEFT JOIN temp.merge_entities eo ON eo.src_id = c.object_id, temp.merge_offsets o "
    "ORDER BY c.id";
// Each copied article's names of its entities; inputs before schema version 5 have none, so
// their articles vote for the name the input gives the entity, as migration 0005 does.
constexpr std::string_view kCopyEntityNames =
    "INSERT OR IGNORE INTO main.entity_names (entity_id, article_id, name) "
    "SELECT e.dst_id, n.article_id + o.article, n.name FROM src.entity_names n "
    "JOIN temp.merge_articles k ON k.src_id = n.article_id "
    "JOIN temp.merge_entities e ON e.src_id = n.entity_id, temp.merge_offsets o";
constexpr std::string_view kCopyEntityNamesBeforeVersion5 =
    "INSERT OR IGNORE INTO main.entity_names (entity_id, article_id, name) "
    "SELECT DISTINCT e.dst_id, m.article_id + o.article, s.name FROM src.mentions m "
    "JOIN temp.merge_articles k ON k.src_id = m.article_id "
    "JOIN src.entities s ON s.id = m.entity_id "
    "JOIN temp.merge_entities e ON e.src_id = m.entity_id, temp.merge_offsets o";
constexpr std::string_view kListMergedEntities =
    "INSERT OR IGNORE INTO temp.entities_to_decide (id) SELECT dst_id FROM temp.merge_entities";
constexpr std::string_view kCopyQuotesBeforeVersion7 =
    "INSERT INTO main.quotes (id, article_id, sentence_id, quote_index, text, speaker, "
    "speaker_entity_id, start_byte, end_byte, start_char, end_char, run_id) "
    "SELECT q.id + o.quote, q.article_id + o.article, q.sentence_id + o.sentence, "
    "q.quote_index, q.text, q.speaker, e.dst_id, q.start_byte, q.end_byte, q.start_char, "
    "q.end_char, q.run_id + o.run "
    "FROM src.quotes q JOIN temp.merge_articles k ON k.src_id = q.article_id "
    "LEFT JOIN temp.merge_entities e ON e.src_id = q.speaker_entity_id, temp.merge_offsets o "
    "ORDER BY q.id";

// Runs the single statement `sql` and returns how many rows it changed.
StatusOr<int64_t> Run(sqlite::Connection& connection, std::string_view sql) {
  StatusOr<sqlite::Statement> statement = connection.Prepare(sql);
  if (!statement.ok()) return statement.status();
  NEWSFACTS_RETURN_IF_ERROR(statement->Run());
  return connection.Changes();
}

// Names `input` in an error about the attached file, which SQLite reports under the
// output's name.
Status InputError(const Status& status, const std::string& input) {
  if (status.code() == StatusCode::kFailedPrecondition) {
    return Status::FailedPrecondition(input + ": not a newsfacts database (file is not SQLite)");
  }
  return status.WithContext(input);
}

// Checks that the attached input is a newsfacts database this build can read and returns
// its schema version. Errors name `input`.
StatusOr<int64_t> CheckVersion(StatusOr<int64_t> version, const std::string& input) {
  if (!version.ok()) return InputError(version.status(), input);
  if (*version == 0) {
    return Status::FailedPrecondition(input + ": not a newsfacts database (no schema version)");
  }
  if (*version > LatestMigrationVersion()) {
    return Status::FailedPrecondition(input + ": database schema version " +
                                      std::to_string(*version) + " is newer than this newsfacts (" +
                                      std::to_string(LatestMigrationVersion()) +
                                      "); upgrade newsfacts");
  }
  return version;
}

StatusOr<int64_t> InputVersion(sqlite::Connection& connection, const std::string& input) {
  return CheckVersion(connection.QueryInt("PRAGMA src.user_version"), input);
}

// Checks every input before the output is touched, so a refused merge creates no file:
// each exists, is not the output, and is a newsfacts database this build can read.
Status CheckInputs(const std::string& out_path, const std::vector<std::string>& inputs) {
  std::error_code error;
  for (const std::string& input : inputs) {
    if (!std::filesystem::exists(input, error)) {
      return Status::NotFound(input + ": no such database");
    }
    if (std::filesystem::exists(out_path, error) &&
        std::filesystem::equivalent(out_path, input, error)) {
      return Status::InvalidArgument(input + ": is the output database; merge into a new file");
    }
    StatusOr<std::unique_ptr<sqlite::Connection>> connection = OpenReadOnlyDatabase(input);
    if (!connection.ok()) return InputError(connection.status(), input);
    StatusOr<int64_t> version = CheckVersion((*connection)->QueryInt("PRAGMA user_version"), input);
    if (!version.ok()) return version.status();
  }
  return Status::Ok();
}

// Copies the attached input `src` into the output in one transaction.
Status MergeOne(sqlite::Connection& connection, const std::string& input, MergeSummary& summary) {
  StatusOr<int64_t> version = InputVersion(connection, input);
  if (!version.ok()) return version.status();
  StatusOr<std::unique_ptr<sqlite::Transaction>> transaction =
      sqlite::Transaction::Begin(connection);
  if (!transaction.ok()) return transaction.status();
  NEWSFACTS_RETURN_IF_ERROR(connection.Exec(kDropScratch));
  NEWSFACTS_RETURN_IF_ERROR(connection.Exec(kOffsets));

  StatusOr<int64_t> duplicates = connection.QueryInt(kCountDuplicates);
  if (!duplicates.ok()) return duplicates.status();
  summary.articles_duplicate += *duplicates;
  StatusOr<sqlite::Statement> conflicting = connection.Prepare(kSelectConflicting);
  if (!conflicting.ok()) return conflicting.status();
  while (true) {
    StatusOr<bool> row = conflicting->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    std::string where(conflicting->ColumnText(0));
    if (conflicting->ColumnInt64(1) >= 0) {
      where += " record " + std::to_string(conflicting->ColumnInt64(1));
    }
    summary.messages.push_back(input + ": " + where +
                               ": skipped: another text is already merged at this path");
    ++summary.articles_conflicting;
  }
  NEWSFACTS_RETURN_IF_ERROR(connection.Exec(kSelectArticles));

  struct Step {
    std::string_view sql;
    int64_t* count;
  };
  int64_t ignored = 0;
  int64_t entities_before = 0;
  {
    StatusOr<int64_t> entities = connection.QueryInt("SELECT count(*) FROM main.entities");
    if (!entities.ok()) return entities.status();
    entities_before = *entities;
  }
  const Step steps[] = {
      {*version >= 2 ? kCopyRuns : kCopyRunsVersion1, &summary.runs},
      {kCopyEntities, &ignored},
      {kMapEntities, &ignored},
      {kCopyAliases, &ignored},
      {*version >= 6 ? kCopyArticles : kCopyArticlesBeforeVersion6, &summary.articles_added},
      {CopySentencesSql(), &summary.sentences},
      {kIndexSentences, &ignored},
      {kCopyMentions, &summary.mentions},
      {kCopyAmounts, &summary.amounts},
      {*version >= 7 ? kCopyClaims : kCopyClaimsBeforeVersion7, &summary.claims},
      {*version >= 7 ? kCopyQuotes : kCopyQuotesBeforeVersion7, &summary.quotes},
      {*version >= 5 ? kCopyEntityNames : kCopyEntityNamesBeforeVersion5, &ignored},
      {kListMergedEntities, &ignored},
  };
  for (const Step& step : steps) {
    StatusOr<int64_t> changed = Run(connection, step.sql);
    if (!changed.ok()) return changed.status().WithContext(input);
    *step.count += *changed;
  }
  StatusOr<int64_t> entities_after = connection.QueryInt("SELECT count(*) FROM main.entities");
  if (!entities_after.ok()) return entities_after.status();
  summary.entities_added += *entities_after - entities_before;
  StatusOr<int64_t> article_offset = connection.QueryInt("SELECT article FROM temp.merge_offsets");
  if (!article_offset.ok()) return article_offset.status();
  NEWSFACTS_RETURN_IF_ERROR(TallyVotesOfArticlesFrom(connection, *article_offset + 1));
  NEWSFACTS_RETURN_IF_ERROR(DecideEntities(connection));
  NEWSFACTS_RETURN_IF_ERROR(StoreComparisons(connection));
  NEWSFACTS_RETURN_IF_ERROR(connection.Exec(kDropScratch));
  return (*transaction)->Commit();
}

// Opens (creating when needed) and migrates the output, then merges every input into it.
Status MergeInto(const std::string& out_path, const std::vector<std::string>& inputs,
                 MergeSummary& summary) {
  StatusOr<std::unique_ptr<sqlite::Connection>> opened =
      sqlite::Connection::Open(out_path, sqlite::OpenMode::kReadWriteCreate);
  if (!opened.ok()) return opened.status();
  sqlite::Connection& connection = **opened;
  if (connection.IsReadOnly()) {
    return Status::ReadOnly(out_path + ": database is read-only; merge into a writable file");
  }
  NEWSFACTS_RETURN_IF_ERROR(connection.Exec(kNewDatabasePageSize));
  NEWSFACTS_RETURN_IF_ERROR(connection.ExecWaitingForLocks("PRAGMA journal_mode = WAL"));
  NEWSFACTS_RETURN_IF_ERROR(connection.Exec("PRAGMA foreign_keys = ON"));
  NEWSFACTS_RETURN_IF_ERROR(connection.Exec("PRAGMA temp_store = MEMORY"));
  NEWSFACTS_RETURN_IF_ERROR(ApplyMigrations(connection));
  // An output whose first ingest stopped has sentences but no index; merging would add the
  // inputs' sentences to it and leave those out for good (db/search_index_builder.h).
  NEWSFACTS_RETURN_IF_ERROR(RebuildEmptySearchIndex(connection));
  NEWSFACTS_RETURN_IF_ERROR(PrepareEntityVotes(connection));

  StatusOr<sqlite::Statement> attach = connection.Prepare("ATTACH DATABASE ?1 AS src");
  if (!attach.ok()) return attach.status();
  for (const std::string& input : inputs) {
    attach->BindText(1, sqlite::FileUri(input, "mode=ro"));
    Status attached = attach->Run();
    if (!attached.ok()) return InputError(attached, input);
    Status merged = MergeOne(connection, input, summary);
    Status detached = connection.Exec("DETACH DATABASE src");
    NEWSFACTS_RETURN_IF_ERROR(merged);
    NEWSFACTS_RETURN_IF_ERROR(detached);
    ++summary.inputs;
  }
  return Status::Ok();
}

}  // namespace

StatusOr<MergeSummary> MergeDatabases(const std::string& out_path,
                                      const std::vector<std::string>& inputs) {
  NEWSFACTS_RETURN_IF_ERROR(CheckInputs(out_path, inputs));
  std::error_code error;
  const bool created = !std::filesystem::exists(out_path, error);
  MergeSummary summary;
  Status status = MergeInto(out_path, inputs, summary);
  if (status.ok()) return summary;
  if (created && summary.inputs == 0) {
    // Nothing was merged: the file this call created holds nothing worth keeping.
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
      std::filesystem::remove(out_path + suffix, error);
    }
  }
  return status;
}

}  // namespace newsfacts
