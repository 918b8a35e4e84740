// Reading a database's rows through `newsfacts query`, for comparing two databases by
// content (tests/content_queries.h) in the merge and load tests.
#pragma once

#include <string>

#include "tests/cli/cli_test_util.h"
#include "tests/content_queries.h"

namespace newsfacts::testing {

// The rows of `sql` on database `db` (relative to `dir`) as CSV.
inline std::string QueryCsv(const TempDir& dir, const std::string& db, const std::string& sql) {
  return RunNewsfacts("query \"" + sql + "\" --db " + db + " --format csv", dir.path()).output;
}

}  // namespace newsfacts::testing
