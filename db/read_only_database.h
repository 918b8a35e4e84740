// Opening an existing newsfacts database for reading (query, compare): never creates a file,
// never writes.
#pragma once

#include <memory>
#include <string>

#include "db/sqlite.h"
#include "pipeline/status.h"

namespace newsfacts {

// Opens `db_path` read-only (temporary tables still work) and reads its header so a file
// that is not SQLite is refused at once. Errors: NotFound when there is no file (the message says
// to run ingest first), FailedPrecondition for a file that is not SQLite, IoError otherwise.
StatusOr<std::unique_ptr<sqlite::Connection>> OpenReadOnlyDatabase(const std::string& db_path);

}  // namespace newsfacts
