// Numbered schema migrations (db/migrations/NNNN_name.sql, compiled into the binary),
// applied in order and tracked by PRAGMA user_version.
#pragma once

#include <string_view>
#include <vector>

#include "db/sqlite.h"
#include "pipeline/status.h"

namespace newsfacts {

// One migration: its number (the NNNN of its file name) and its SQL.
struct Migration {
  int version = 0;
  std::string_view name;  // file name, e.g. "0001_initial.sql"
  std::string_view sql;
};

// The page size of a database newsfacts creates (FactStore::Open, merge's output), set before
// anything is written: 16 KiB pages, SQLite's default being 4, are a quarter of the page
// writes to the WAL and checkpoints and fewer B-tree splits for the same rows, and a twentieth
// less file (issue 16). A database that exists keeps its page size: WAL mode cannot change it.
inline constexpr std::string_view kNewDatabasePageSize = "PRAGMA page_size = 16384";

// Returns the compiled-in migrations sorted by version. Errors: Internal when a file name
// does not start with a number or two files share one (a build mistake, not user input).
StatusOr<std::vector<Migration>> LoadMigrations();

// Returns the highest version LoadMigrations() knows, 0 when there are none.
int LatestMigrationVersion();

// Brings the database of `connection` to the latest version, the pending migrations in one
// transaction that also sets PRAGMA user_version; a new database (version 0) gets the latest
// schema at once from the schema image compiled in (db/schema_image.h). Defined with the image,
// in latest_schema.cc. Errors: FailedPrecondition when the file is not SQLite, holds tables of
// something else, or was written by a newer newsfacts; Busy, ReadOnly and IoError as
// Connection::Error(). Messages name the file.
Status ApplyMigrations(sqlite::Connection& connection);

// Like ApplyMigrations, but stops at `target_version` (tests build every earlier schema
// with it) and replays every pending migration, unless `latest_image` holds a schema image,
// the database is new and `target_version` is the latest. Errors: as ApplyMigrations, and
// InvalidArgument when no migration has that number (0 means none).
Status ApplyMigrations(sqlite::Connection& connection, int target_version,
                       std::string_view latest_image = {});

}  // namespace newsfacts
