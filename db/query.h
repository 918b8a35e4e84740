// Read-only SQL over a newsfacts database, printed as a table, CSV or JSON.
#pragma once

#include <ostream>
#include <string>
#include <string_view>

#include "pipeline/status.h"

namespace newsfacts {

enum class QueryFormat { kTable, kCsv, kJson };

// Opens `db_path` read-only and runs every statement of `sql`, writing the rows of each to
// `out`. Errors: NotFound when the database does not exist, ReadOnly when a statement
// would write (nothing is changed), InvalidArgument for SQL errors (SQLite's message),
// FailedPrecondition when the file is not SQLite.
// Formats: kTable aligns columns under a header and a dashed line (NULL empty, numbers
// right-aligned, cells cut to 60 code points with "…") and ends with "(N rows)"; kCsv
// writes a header row, RFC 4180 quoting and LF line ends; kJson writes one array of objects
// per statement on its own line. Blobs print as hex. Result sets are separated by a blank
// line in table and CSV output; statements without result columns print nothing.
Status RunQuery(const std::string& db_path, std::string_view sql, QueryFormat format,
                std::ostream& out);

}  // namespace newsfacts
