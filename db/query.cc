// RunQuery: read-only SQL over a newsfacts database, each statement's rows streamed to a
// RowSink as SQLite steps through them.
#include "db/query.h"

#include "db/read_only_database.h"
#include "db/sqlite.h"

namespace newsfacts {
namespace {

constexpr std::string_view kReadOnlyMessage =
    "query is read-only: this statement would modify the database (use ingest to change it)";

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

// Steps `statement` to its end, handing `sink` its column names and then every row.
Status StreamRows(sqlite::Statement& statement, RowSink& sink) {
  const int columns = statement.ColumnCount();
  std::vector<std::string> names;
  for (int c = 0; c < columns; ++c) names.emplace_back(statement.ColumnName(c));
  sink.BeginResult(names);
  std::vector<Cell> cells(static_cast<size_t>(columns));
  while (true) {
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

Status RunQuery(const std::string& db_path, std::string_view sql, RowSink& sink) {
  StatusOr<std::unique_ptr<sqlite::Connection>> connection = OpenReadOnlyDatabase(db_path);
  if (!connection.ok()) return connection.status();
  // Defence in depth: the read-only open already refuses writes to the file itself.
  NEWSFACTS_RETURN_IF_ERROR((*connection)->Exec("PRAGMA query_only = 1"));

  std::string_view rest = sql;
  bool ran_any = false;
  while (!rest.empty()) {
    StatusOr<sqlite::Statement> statement = (*connection)->Prepare(rest, &rest);
    if (!statement.ok()) return statement.status();
    if (statement->empty()) continue;
    if (!statement->IsReadOnly()) return Status::ReadOnly(std::string(kReadOnlyMessage));
    ran_any = true;
    Status status = statement->ColumnCount() == 0 ? statement->Run() : StreamRows(*statement, sink);
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
