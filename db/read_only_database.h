// Opening an existing newsfacts database for reading (query, compare): never creates a file,
// never writes, and leaves no -wal/-shm files behind that were not there before.
#pragma once

#include <memory>
#include <string>

#include "db/sqlite.h"
#include "pipeline/status.h"

namespace newsfacts {

// Opens `db_path` for reading and reads its header so a file that is not SQLite is refused
// at once. Temporary tables work. How, as SQLite documents for WAL databases
// (https://sqlite.org/wal.html#readonly):
//  - file and folder writable: opened read-write without create (callers running SQL they
//    did not write set PRAGMA query_only, which also covers temporary tables), so
//    SQLite's -wal/-shm files exist only while it is open (the last connection removes
//    them) and a concurrent ingest is seen as usual;
//  - otherwise `mode=ro`, using the -wal/-shm files of a writer when they exist;
//  - and when SQLite cannot create them (a read-only folder or mount) and no -wal or
//    -journal file shows a writer, `mode=ro&immutable=1`.
// Errors: NotFound when there is no file (the message says to run ingest first),
// FailedPrecondition for a file that is not SQLite, ReadOnly when a writer's -wal file
// exists but SQLite cannot share it, IoError otherwise. Messages name `db_path`.
StatusOr<std::unique_ptr<sqlite::Connection>> OpenReadOnlyDatabase(const std::string& db_path);

}  // namespace newsfacts
