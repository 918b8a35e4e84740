// Read-only SQL over a newsfacts database: each statement's rows streamed, one call per row,
// to a RowSink. Printing them is the caller's job (cli/query_format.h).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/status.h"

namespace newsfacts {

enum class CellType { kNull, kInteger, kFloat, kText, kBlob };

// One value of a result row, typed as SQLite stored it. `bytes` holds text or blob bytes and
// is valid only during the RowSink::Row call that received it.
struct Cell {
  CellType type = CellType::kNull;
  int64_t integer = 0;     // kInteger
  double real = 0;         // kFloat
  std::string_view bytes;  // kText, kBlob
};

// Receives the result sets of RunQuery in statement order, on the calling thread.
class RowSink {
 public:
  virtual ~RowSink() = default;
  // A statement with result columns starts; `columns` are their names.
  virtual void BeginResult(const std::vector<std::string>& columns) = 0;
  // One row of the current result: one cell per column.
  virtual void Row(const std::vector<Cell>& cells) = 0;
  // The current result had more rows than QueryOptions::max_rows: `max_rows` were
  // delivered and the rest never read. Called just before EndResult.
  virtual void RowsCut(int64_t max_rows) { (void)max_rows; }
  // The current result's last row was delivered (not called when a step fails).
  virtual void EndResult() = 0;
};

// Limits of RunQuery. 0 means no limit.
struct QueryOptions {
  int64_t max_rows = 0;        // rows delivered per result set; the rest are not read
  double timeout_seconds = 0;  // wall time for the whole SQL text, then it is stopped
};

// Opens `db_path` read-only (OpenReadOnlyDatabase) and runs every statement of `sql`,
// handing the rows of each statement with result columns to `sink` as they are read
// (statements without result columns are run and reported to nobody), within `options`.
// A PRAGMA that reads a setting (`PRAGMA journal_mode`) runs; one that sets it does not.
// Errors: NotFound when the database does not exist, ReadOnly when a statement would write
// (nothing is changed), InvalidArgument for SQL errors (SQLite's message) or when `sql`
// holds no statement, FailedPrecondition when the file is not SQLite or when the query ran
// past options.timeout_seconds (the message says so). On an error the sink has seen the
// rows read before it.
Status RunQuery(const std::string& db_path, std::string_view sql, RowSink& sink,
                const QueryOptions& options = {});

}  // namespace newsfacts
