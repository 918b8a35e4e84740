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
// would write (nothing is changed), InvalidArgument for SQL errors (SQLite's message).
Status RunQuery(const std::string& db_path, std::string_view sql, QueryFormat format,
                std::ostream& out);

}  // namespace newsfacts
