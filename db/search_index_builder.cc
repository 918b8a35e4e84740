// A run's full-text index built beside the store's writer and copied into the store at its end.
#include "db/search_index_builder.h"

#include <algorithm>
#include <string_view>
#include <utility>

#include "pipeline/thread_priority.h"

namespace newsfacts {
namespace {

// Sentences indexed per statement, at most: each statement's rows stream from the view, so
// this bounds how long the thread takes to notice that it should stop. FTS5 writes what a
// statement indexed as segments of the index when it ends, and merges segments later: while
// the run goes on the thread takes whole statements of committed sentences
// (SentencesToIndexDuringRun), whose pending terms fit kScratchHashSize (issue 16: 16,384 at a
// time, flushed at FTS5's default of 1 MiB, cost a third more CPU for 105 MB).
constexpr int64_t kMostSentencesPerStatement = 65536;
constexpr int64_t kFewestSentencesPerStatement = 16384;

// News sentences hold about 110 bytes (bbc-tech: 119).
constexpr int64_t kBytesPerSentence = 110;

// The share of a run's sentences, in percent, that the thread leaves for the end of the
// run's extraction (IndexWithoutReserve). After it the store's writer stores the last articles
// and builds the deferred indexes (db/deferred_indexes.h) alone: the thread indexes what it
// left on the core the extraction workers leave idle, and took that much less CPU from them
// while they ran. 45% of c100's sentences take the thread about as long as the writer's
// indexes (issue 16: ingest of 105 MB 7.78-8.23 -> 7.42-7.91 s). Taken at FinishRun, the share
// left that core idle while the writer stored the last articles (README, Speed).
constexpr int64_t kPercentLeftForTheEnd = 45;

// The pending terms FTS5 holds in memory before it writes a segment ('hashsize', 1 MiB by
// default); set on the private index only, for the builder's statements.
constexpr std::string_view kScratchHashSize =
    "INSERT INTO scratch.sentences_fts (sentences_fts, rank) VALUES ('hashsize', 8388608)";

// The private index's page cache (the store's cache is 48 MiB): it holds the pages of the
// segments being merged. Written in statements of thousands of sentences, the index has few
// segments to merge, and 2 MiB index as fast as 8 did (its peak memory stays below that of
// 16,384 sentences a statement with an 8 MiB cache).
constexpr std::string_view kScratchCacheSize = "PRAGMA scratch.cache_size = -2048";

constexpr std::string_view kStoreDeclarationPrefix = "CREATE VIRTUAL TABLE sentences_fts ";

// True when the store's sentences_fts indexes nothing: every segment has a row in _idx.
constexpr std::string_view kStoreIndexEmpty =
    "SELECT NOT EXISTS (SELECT 1 FROM main.sentences_fts_idx)";

// The index is its segments (_data, with the structure and averages records) and their
// first terms (_idx); _config holds the same settings on both sides but the private index's
// hashsize, which the segments do not depend on, and columnsize=0 leaves no _docsize.
constexpr std::string_view kCopyIndex =
    "DELETE FROM main.sentences_fts_data;"
    "INSERT INTO main.sentences_fts_data (id, block) "
    "SELECT id, block FROM scratch.sentences_fts_data;"
    "INSERT INTO main.sentences_fts_idx (segid, term, pgno) "
    "SELECT segid, term, pgno FROM scratch.sentences_fts_idx";

// Creates scratch.sentences_fts as the store declares its own, with the store's settings
// (automerge and the like).
Status CreateScratchIndex(sqlite::Connection& db) {
  StatusOr<sqlite::Statement> select =
      db.Prepare("SELECT sql FROM main.sqlite_schema WHERE name = 'sentences_fts'");
  if (!select.ok()) return select.status();
  StatusOr<bool> row = select->Step();
  if (!row.ok()) return row.status();
  const std::string declaration(*row ? select->ColumnText(0) : std::string_view());
  if (declaration.rfind(kStoreDeclarationPrefix, 0) != 0) {
    return Status::FailedPrecondition(db.path() + ": sentences_fts is not declared as expected");
  }
  NEWSFACTS_RETURN_IF_ERROR(db.Exec("CREATE VIRTUAL TABLE scratch.sentences_fts " +
                                    declaration.substr(kStoreDeclarationPrefix.size())));
  return db.Exec(
      "INSERT INTO scratch.sentences_fts (sentences_fts, rank) "
      "SELECT k, v FROM main.sentences_fts_config WHERE k <> 'version'");
}

}  // namespace

StatusOr<std::unique_ptr<SearchIndexBuilder>> SearchIndexBuilder::Start(const std::string& path,
                                                                        int busy_timeout_ms,
                                                                        int64_t expected_bytes) {
  StatusOr<std::unique_ptr<sqlite::Connection>> connection =
      sqlite::Connection::Open(path, sqlite::OpenMode::kReadWrite, busy_timeout_ms);
  if (!connection.ok()) return connection.status();
  sqlite::Connection& db = **connection;
  // An empty name attaches a private database in a temporary file, removed when it closes.
  NEWSFACTS_RETURN_IF_ERROR(db.Exec("ATTACH '' AS scratch"));
  NEWSFACTS_RETURN_IF_ERROR(db.Exec(kScratchCacheSize));
  NEWSFACTS_RETURN_IF_ERROR(CreateScratchIndex(db));
  NEWSFACTS_RETURN_IF_ERROR(db.Exec(kScratchHashSize));
  StatusOr<sqlite::Statement> index_range = db.Prepare(
      "INSERT INTO scratch.sentences_fts (rowid, text) "
      "SELECT id, text FROM main.sentences WHERE id > ?1 AND id <= ?2");
  if (!index_range.ok()) return index_range.status();
  std::unique_ptr<SearchIndexBuilder> builder(new SearchIndexBuilder(
      std::move(*connection), std::move(*index_range), SentencesPerStatement(expected_bytes)));
  builder->thread_ = std::thread([raw = builder.get()] { raw->Run(); });
  return builder;
}

SearchIndexBuilder::SearchIndexBuilder(std::unique_ptr<sqlite::Connection> connection,
                                       sqlite::Statement index_range, int64_t per_statement)
    : connection_(std::move(connection)),
      index_range_(std::move(index_range)),
      per_statement_(per_statement) {}

SearchIndexBuilder::~SearchIndexBuilder() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void SearchIndexBuilder::IndexUpTo(int64_t last_id) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (last_id <= wanted_up_to_) return;
    wanted_up_to_ = last_id;
  }
  changed_.notify_all();
}

void SearchIndexBuilder::IndexWithoutReserve() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    no_reserve_ = true;
  }
  changed_.notify_all();
}

void SearchIndexBuilder::FinishIndexing() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    finishing_ = true;
  }
  changed_.notify_all();
}

StatusOr<SearchIndexBuilder::Outcome> SearchIndexBuilder::Finish() {
  FinishIndexing();
  if (thread_.joinable()) thread_.join();
  if (!status_.ok()) return status_;
  return PutInPlace();
}

int64_t SentencesPerStatement(int64_t expected_bytes) {
  if (expected_bytes <= 0) return kMostSentencesPerStatement;
  const int64_t fifth = expected_bytes / kBytesPerSentence / 5;
  int64_t per_statement = kFewestSentencesPerStatement;
  // The nearest power of two: the next one up while it is nearer.
  while (per_statement < kMostSentencesPerStatement && fifth * 2 >= per_statement * 3) {
    per_statement *= 2;
  }
  return per_statement;
}

int64_t SentencesToIndexDuringRun(int64_t committed, int64_t indexed, int64_t per_statement,
                                  bool extraction_ended) {
  const int64_t indexable =
      extraction_ended ? committed : committed - committed * kPercentLeftForTheEnd / 100;
  // Statements are taken once half of one is due, so what is left for the end is the share to
  // within half a statement (a run of 90,000 sentences leaves 30,000, not all of them), and
  // hold a whole statement, or all that is committed when that is less. Each statement writes
  // a segment of the index: a statement per batch committed would leave many small ones to
  // merge (ingest of 105 MB took 2-3% more CPU).
  const int64_t statements = (indexable - indexed + per_statement / 2) / per_statement;
  if (statements <= 0) return 0;
  return std::min(statements * per_statement, committed - indexed);
}

void SearchIndexBuilder::Run() {
  LowerThreadPriority();  // the store's writer, whose work it takes, goes first
  int64_t indexed_up_to = 0;
  while (true) {
    int64_t wanted = 0;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      const auto due = [&] {
        return SentencesToIndexDuringRun(wanted_up_to_, indexed_up_to, per_statement_, no_reserve_);
      };
      changed_.wait(lock, [&] { return stopping_ || finishing_ || due() > 0; });
      if (stopping_) return;
      if (wanted_up_to_ <= indexed_up_to) break;  // finishing, with everything indexed
      wanted = finishing_ ? wanted_up_to_ : indexed_up_to + due();
    }
    // After a failure the store's index is rebuilt (Finish's caller); asks are only taken.
    if (status_.ok()) status_ = IndexRange(indexed_up_to, wanted);
    indexed_up_to = wanted;
  }
}

Status SearchIndexBuilder::IndexRange(int64_t after, int64_t up_to) {
  for (int64_t first = after; first < up_to; first += per_statement_) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (stopping_) return Status::Ok();
    }
    index_range_.BindInt64(1, first);
    index_range_.BindInt64(2, std::min(first + per_statement_, up_to));
    NEWSFACTS_RETURN_IF_ERROR(index_range_.Run());
    indexed_ += connection_->Changes();
  }
  return Status::Ok();
}

StatusOr<SearchIndexBuilder::Outcome> SearchIndexBuilder::PutInPlace() {
  sqlite::Connection& db = *connection_;
  StatusOr<std::unique_ptr<sqlite::Transaction>> transaction = sqlite::Transaction::Begin(db);
  if (!transaction.ok()) return transaction.status();
  StatusOr<int64_t> empty = db.QueryInt(kStoreIndexEmpty);
  if (!empty.ok()) return empty.status();
  StatusOr<int64_t> sentences = db.QueryInt("SELECT count(*) FROM main.sentence_spans");
  if (!sentences.ok()) return sentences.status();
  // Another writer may have indexed sentences, or added some this builder never saw.
  const bool copy = *empty != 0 && *sentences == indexed_;
  NEWSFACTS_RETURN_IF_ERROR(copy ? db.Exec(kCopyIndex) : RebuildSearchIndex(db));
  NEWSFACTS_RETURN_IF_ERROR((*transaction)->Commit());
  return copy ? Outcome::kCopied : Outcome::kRebuilt;
}

Status RebuildSearchIndex(sqlite::Connection& db) {
  return db.Exec("INSERT INTO main.sentences_fts (sentences_fts) VALUES ('rebuild')");
}

Status RebuildEmptySearchIndex(sqlite::Connection& db) {
  StatusOr<int64_t> empty = db.QueryInt(kStoreIndexEmpty);
  if (!empty.ok()) return empty.status();
  if (*empty == 0) return Status::Ok();
  StatusOr<int64_t> any = db.QueryInt("SELECT EXISTS (SELECT 1 FROM main.sentence_spans)");
  if (!any.ok()) return any.status();
  if (*any == 0) return Status::Ok();
  StatusOr<std::unique_ptr<sqlite::Transaction>> transaction = sqlite::Transaction::Begin(db);
  if (!transaction.ok()) return transaction.status();
  NEWSFACTS_RETURN_IF_ERROR(RebuildSearchIndex(db));
  return (*transaction)->Commit();
}

}  // namespace newsfacts
