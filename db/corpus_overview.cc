// ReadCorpusOverview: a handful of GROUP BY queries over articles, mentions and claims, each
// bounded by the `since` filter (?1, NULL for none).
#include "db/corpus_overview.h"

#include <memory>
#include <string_view>

#include "db/read_only_database.h"
#include "db/sqlite.h"

namespace newsfacts {
namespace {

// The articles counted: ?1 is the earliest published date, or NULL for all. Rows of other
// tables test their article_id against the ids articles_by_published lists, so no article row
// is read for them (a join read one per mention: seconds at 100,000 articles).
#define NEWSFACTS_SINCE "(?1 IS NULL OR a.published >= ?1)"
#define NEWSFACTS_ARTICLE_SINCE(column) \
  "(?1 IS NULL OR " column " IN (SELECT id FROM articles WHERE published >= ?1))"

constexpr std::string_view kCountArticles =
    "SELECT count(*) FROM articles a WHERE " NEWSFACTS_SINCE;
constexpr std::string_view kCountClaims =
    "SELECT count(*) FROM claims c WHERE " NEWSFACTS_ARTICLE_SINCE("c.article_id");
constexpr std::string_view kCountOutlets =
    "SELECT count(DISTINCT nullif(a.source, '')) FROM articles a WHERE " NEWSFACTS_SINCE;
constexpr std::string_view kCountEntities =
    "SELECT count(DISTINCT m.entity_id) FROM mentions m "
    "WHERE m.entity_id IS NOT NULL AND " NEWSFACTS_ARTICLE_SINCE("m.article_id");
// ?2 is the number of rows kept.
constexpr std::string_view kSources =
    "SELECT coalesce(a.source, ''), count(*) AS n FROM articles a WHERE " NEWSFACTS_SINCE
    " GROUP BY 1 ORDER BY n DESC, 1 LIMIT ?2";
constexpr std::string_view kMonths =
    "SELECT coalesce(substr(a.published, 1, 7), '') AS month, count(*) FROM articles a "
    "WHERE " NEWSFACTS_SINCE " GROUP BY month ORDER BY month = '', month";
constexpr std::string_view kTopEntities =
    "SELECT e.name, e.type, count(DISTINCT m.article_id) AS n FROM mentions m "
    "JOIN entities e ON e.id = m.entity_id "
    "WHERE " NEWSFACTS_ARTICLE_SINCE("m.article_id") " GROUP BY m.entity_id "
    "ORDER BY n DESC, e.name LIMIT ?2";
constexpr std::string_view kClaimCounts =
    "SELECT c.predicate, c.status, count(*) FROM claims c "
    "WHERE " NEWSFACTS_ARTICLE_SINCE("c.article_id") " GROUP BY 1, 2 ORDER BY 1, 2";

#undef NEWSFACTS_SINCE
#undef NEWSFACTS_ARTICLE_SINCE

// Runs `sql` with ?1 = `since` (NULL when empty) and ?2 = `top`, calling `on_row` per row.
template <typename Row>
Status ForEachRow(sqlite::Connection& connection, std::string_view sql, const std::string& since,
                  int top, Row on_row) {
  StatusOr<sqlite::Statement> statement = connection.Prepare(sql);
  if (!statement.ok()) return statement.status();
  statement->BindTextOrNull(1, since);
  if (sql.find("?2") != std::string_view::npos) statement->BindInt64(2, top);
  while (true) {
    StatusOr<bool> row = statement->Step();
    if (!row.ok()) return row.status();
    if (!*row) return Status::Ok();
    on_row(*statement);
  }
}

// Reads the single count `sql` yields into `count`.
Status ReadCount(sqlite::Connection& connection, std::string_view sql, const std::string& since,
                 int64_t& count) {
  return ForEachRow(connection, sql, since, 0,
                    [&](const sqlite::Statement& row) { count = row.ColumnInt64(0); });
}

std::string Text(const sqlite::Statement& row, int column) {
  return std::string(row.ColumnText(column));
}

}  // namespace

StatusOr<CorpusOverview> ReadCorpusOverview(const std::string& db_path, const std::string& since,
                                            int top) {
  StatusOr<std::unique_ptr<sqlite::Connection>> opened = OpenReadOnlyDatabase(db_path);
  if (!opened.ok()) return opened.status();
  sqlite::Connection& connection = **opened;
  StatusOr<int64_t> version = connection.QueryInt("PRAGMA user_version");
  if (!version.ok()) return version.status();
  if (*version == 0) {
    return Status::FailedPrecondition(db_path + ": not a newsfacts database (no schema version)");
  }
  CorpusOverview overview;
  NEWSFACTS_RETURN_IF_ERROR(ReadCount(connection, kCountArticles, since, overview.articles));
  NEWSFACTS_RETURN_IF_ERROR(ReadCount(connection, kCountClaims, since, overview.claims));
  NEWSFACTS_RETURN_IF_ERROR(ReadCount(connection, kCountOutlets, since, overview.outlets));
  NEWSFACTS_RETURN_IF_ERROR(ReadCount(connection, kCountEntities, since, overview.entities));
  NEWSFACTS_RETURN_IF_ERROR(
      ForEachRow(connection, kSources, since, top, [&](const sqlite::Statement& row) {
        overview.sources.push_back({Text(row, 0), row.ColumnInt64(1)});
      }));
  NEWSFACTS_RETURN_IF_ERROR(
      ForEachRow(connection, kMonths, since, top, [&](const sqlite::Statement& row) {
        overview.months.push_back({Text(row, 0), row.ColumnInt64(1)});
      }));
  NEWSFACTS_RETURN_IF_ERROR(
      ForEachRow(connection, kTopEntities, since, top, [&](const sqlite::Statement& row) {
        overview.top_entities.push_back({Text(row, 0), Text(row, 1), row.ColumnInt64(2)});
      }));
  NEWSFACTS_RETURN_IF_ERROR(
      ForEachRow(connection, kClaimCounts, since, top, [&](const sqlite::Statement& row) {
        overview.claim_counts.push_back({Text(row, 0), Text(row, 1), row.ColumnInt64(2)});
      }));
  return overview;
}

}  // namespace newsfacts
