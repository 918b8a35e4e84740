// RunQuery: read-only SQL over a newsfacts database, each statement's rows streamed to a
// RowSink as SQLite steps through them.
#include "db/query.h"

#include <array>
#include <chrono>
#include <cstdio>

#include "db/read_only_database.h"
#include "db/sqlite.h"

namespace newsfacts {
namespace {

constexpr std::string_view kReadOnlyMessage =
    "query is read-only: this statement would modify the database (use ingest to change it)";

// Pragmas that only read a setting when given no value, although sqlite3_stmt_readonly
// says false for some of them (journal_mode may switch modes when given one).
constexpr std::array<std::string_view, 12> kSettingPragmas = {
    "application_id", "auto_vacuum",  "cache_size",   "encoding",
    "foreign_keys",   "journal_mode", "locking_mode", "page_size",
    "schema_version", "synchronous",  "user_version", "journal_size_limit"};

// True when `statement` cannot change the database: SQLite says so, or it reads a setting.
bool MayRun(const sqlite::Statement& statement) {
  if (statement.IsReadOnly()) return true;
  const std::string& pragma = statement.PragmaRead();
  for (std::string_view name : kSettingPragmas) {
    if (pragma == name) return true;
  }
  return false;
}

// The error of a query stopped at its deadline.
Status TimeoutError(double seconds) {
  char limit[32];
  std::snprintf(limit, sizeof(limit), "%g", seconds);
  return Status::FailedPrecondition(std::string("query stopped after ") + limit + " s (--timeout " +
                                    limit +
                                    "); narrow it (LIMIT, WHERE) or give a larger --timeout, "
                                    "0 for none");
}

// The value of `column` in the current row of `statement`.
Cell ReadCell(const sqlite::Statement& statement, int column) {
  Cell cell;
  switch (statement.TypeOf(column)) {
    case sqlite::ColumnType::kNull:
      break;
    case sqlite::ColumnType::kInteger:
      cell.type = CellType::kInteger;
      cell.integer = statement.ColumnInt64(column);
      break;
    case sqlite::ColumnType::kFloat:
      cell.type = CellType::kFloat;
      cell.real = statement.ColumnDouble(column);
      break;
    case sqlite::ColumnType::kText:
      cell.type = CellType::kText;
      cell.bytes = statement.ColumnText(column);
      break;
    case sqlite::ColumnType::kBlob:
      cell.type = CellType::kBlob;
      cell.bytes = statement.ColumnBlob(column);
      break;
  }
  return cell;
}

// Steps `statement` to its end, or to `max_rows` rows when not 0, handing `sink` its column
// names and then every row.
Status StreamRows(sqlite::Statement& statement, int64_t max_rows, RowSink& sink) {
  const int columns = statement.ColumnCount();
  std::vector<std::string> names;
  for (int c = 0; c < columns; ++c) names.emplace_back(statement.ColumnName(c));
  sink.BeginResult(names);
  std::vector<Cell> cells(static_cast<size_t>(columns));
  for (int64_t rows = 0;; ++rows) {
    if (max_rows > 0 && rows == max_rows) {
      StatusOr<bool> more = statement.Step();
      if (!more.ok()) return more.status();
      if (*more) sink.RowsCut(max_rows);
      break;
    }
    StatusOr<bool> row = statement.Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    for (int c = 0; c < columns; ++c) cells[static_cast<size_t>(c)] = ReadCell(statement, c);
    sink.Row(cells);
  }
  sink.EndResult();
  return Status::Ok();
}

}  // namespace

Status RunQuery(const std::string& db_path, std::string_view sql, RowSink& sink,
                const QueryOptions& options) {
  StatusOr<std::unique_ptr<sqlite::Connection>> connection = OpenReadOnlyDatabase(db_path);
  if (!connection.ok()) return connection.status();
  // The database may be open read-write (see OpenReadOnlyDatabase): query_only refuses
  // every write, to it, to temporary tables and to ATTACHed files.
  NEWSFACTS_RETURN_IF_ERROR((*connection)->Exec("PRAGMA query_only = 1"));
  if (options.timeout_seconds > 0) {
    (*connection)
        ->SetDeadline(std::chrono::steady_clock::now() +
                      std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                          std::chrono::duration<double>(options.timeout_seconds)));
  }
  std::string_view rest = sql;
  bool ran_any = false;
  while (!rest.empty()) {
    StatusOr<sqlite::Statement> statement = (*connection)->Prepare(rest, &rest);
    if (!statement.ok()) return statement.status();
    if (statement->empty()) continue;
    if (!MayRun(*statement)) return Status::ReadOnly(std::string(kReadOnlyMessage));
    ran_any = true;
    Status status = statement->ColumnCount() == 0 ? statement->Run()
                                                  : StreamRows(*statement, options.max_rows, sink);
    if (!status.ok() && (*connection)->DeadlinePassed()) {
      return TimeoutError(options.timeout_seconds);
    }
    // query_only and the read-only open catch writes that sqlite3_stmt_readonly cannot see.
    if (status.code() == StatusCode::kReadOnly) {
      return Status::ReadOnly(std::string(kReadOnlyMessage));
    }
    NEWSFACTS_RETURN_IF_ERROR(status);
  }
  if (!ran_any) return Status::InvalidArgument("query: no SQL statement to run");
  return Status::Ok();
}

}  // namespace newsfacts
